// ArticleReader: turns the inputs a user names (.txt articles, .jsonl
// corpora, directories searched recursively in sorted order, "-" for stdin)
// into a stream of Articles, in input order.
//
// A problem with one input or record (a missing file, malformed JSON, a
// record without "text") comes back as a Status naming file and line; the
// reader then moves past it, so callers decide whether to stop or go on.
// Invalid UTF-8 is replaced by U+FFFD and reported as a warning: the
// article is still read, and every offset refers to the repaired text.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "extract/article.h"

namespace irkg {

class ArticleReader {
 public:
  // Expands directories; fails when an input does not exist or a directory
  // holds nothing to read — unless `keep_going`, when each such input is
  // reported by Next() as a bad input, before the articles.
  static Result<ArticleReader> Open(const std::vector<std::string>& inputs, bool keep_going = false);
  ArticleReader(ArticleReader&&) noexcept;
  ~ArticleReader();

  // true: *article holds the next one; false: no more input; an error Status:
  // this input or record is bad (already skipped).
  Result<bool> Next(Article* article);

  // Warnings (invalid UTF-8 repaired, BOM dropped ...) go here as one-liners.
  void set_warning_sink(std::function<void(const std::string&)> sink);

  // The files that will be read, after directory expansion.
  const std::vector<std::string>& files() const;
  // Bytes of input consumed so far, for progress reports.
  uint64_t bytes_read() const;
  uint64_t total_bytes() const;

 private:
  struct Impl;
  explicit ArticleReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace irkg
