// Extractor: reads one Article and returns its ExtractionRecord — the
// entities it names (with every mention) and the SCHEMA.md triples it
// states, each with its evidence sentence, qualifiers and a confidence.
//
// An Extractor is immutable after construction and safe to use from many
// threads at once; it keeps a reference to its Dictionary.
#pragma once

#include "core/record.h"
#include "extract/article.h"
#include "extract/dictionary.h"

namespace irkg {

class Extractor {
 public:
  explicit Extractor(const Dictionary& dictionary) : dict_(dictionary) {}

  ExtractionRecord Extract(const Article& article) const;

 private:
  const Dictionary& dict_;
};

}  // namespace irkg
