// ExtractionRecord: what one article becomes, the contract between extract/
// (which produces records) and graph/ (which merges them). Field names and
// meanings are SCHEMA.md's "per-article extraction record".
//
// Offsets are byte offsets into the article text as read (UTF-8), end
// exclusive. An entity id ("e1") is local to its record.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/schema.h"

namespace irkg {

struct TextSpan {
  uint32_t start = 0;
  uint32_t end = 0;
  std::string text;
};

struct ExtractedEntity {
  std::string id;                  // "e1", unique within the record
  std::string name;                // canonical name (SCHEMA.md)
  EntityType type = EntityType::kPerson;
  std::string subtype;             // optional ("government", "city", ...)
  std::string code;                // ISO 3166-1 alpha-3 for countries
  std::vector<TextSpan> mentions;  // in text order
};

struct ExtractedTriple {
  std::string subject;             // entity id
  Predicate predicate = Predicate::kMetWith;
  std::string object;              // entity id
  std::string title;               // qualifier: office as the text names it
  std::string date;                // qualifier: ISO 8601, as precise as the text
  std::string what;                // qualifier: for supplies
  double confidence = 0.0;
  std::string rule;                // which extractor rule produced it
  std::optional<TextSpan> evidence;  // absent only for background knowledge
};

struct ExtractionRecord {
  std::string doc;                 // base name of the file or the JSONL "id"
  std::string date;                // the article's date (ISO 8601) when known
  std::string url;
  std::string title;
  std::vector<ExtractedEntity> entities;
  std::vector<ExtractedTriple> triples;

  const ExtractedEntity* FindEntity(const std::string& id) const;
};

}  // namespace irkg
