// Article: one piece of news text as read, before extraction.
#pragma once

#include <string>

namespace irkg {

struct Article {
  std::string doc;     // the file's base name, or the JSONL record's "id"
  std::string text;    // UTF-8; offsets in records refer to these bytes
  std::string title;   // from JSONL metadata; for .txt, found by the extractor
  std::string date;    // ISO 8601 from metadata, empty when unknown
  std::string url;
  std::string origin;  // "file" or "file:line", for diagnostics
};

}  // namespace irkg
