// Extractor: reads one Article and returns its ExtractionRecord — the
// entities it names (with every mention) and the SCHEMA.md triples it
// states, each with its evidence sentence, qualifiers and a confidence.
//
// An Extractor is immutable after construction and safe to use from many
// threads at once; it keeps references to its Dictionary, Lexicon and FrameTable.
#pragma once

#include "core/record.h"
#include "extract/article.h"
#include "extract/dictionary.h"
#include "extract/frames.h"
#include "extract/lexicon.h"
#include "extract/pass_times.h"

namespace irkg {
namespace internal {
struct Document;
}

class Extractor {
 public:
  Extractor(const Dictionary& dictionary, const Lexicon& lexicon, const FrameTable& frames);

  // With `times`, adds each pass's time to it (a clock read per pass).
  ExtractionRecord Extract(const Article& article, PassTimes* times = nullptr) const;

  // How the passes read an article, for a person writing frames or tracing
  // a miss: each sentence with its chunks, every word's part of speech and
  // lemma, the entities it names and the facts found in it with their rules.
  std::string Explain(const Article& article) const;

 private:
  void RunPasses(const Article& article, internal::Document& d, PassTimes* times) const;

  const Dictionary& dict_;
  const Lexicon& lex_;
  const FrameTable& frames_;
  // LemmaId -> the frames of that lemma: the frame pass asks of every verb
  // and noun, and nearly none has one.
  LemmaFrameIndex frames_of_lemma_;
};

}  // namespace irkg
