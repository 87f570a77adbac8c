// Extractor: reads one Article and returns its ExtractionRecord — the
// entities it names (with every mention) and the SCHEMA.md triples it
// states, each with its evidence sentence, qualifiers and a confidence.
//
// An Extractor is immutable after construction and safe to use from many
// threads at once; it keeps references to its Dictionary, Lexicon and FrameTable.
#pragma once

#include <array>

#include "core/record.h"
#include "extract/article.h"
#include "extract/dictionary.h"
#include "extract/frames.h"
#include "extract/lexicon.h"

namespace irkg {
namespace internal {
struct Document;
}

// The passes Extract runs, in order, and the time each took: summed over
// the articles of one Extract call or more (for the benchmark's "time per
// pass"). `records` is building the ExtractionRecord from the document.
struct PassTimes {
  static constexpr size_t kCount = 8;
  static constexpr std::array<const char*, kCount> kNames = {
      "tokens", "sentences", "tags", "dates", "entities_chunks", "coreference", "relations", "records"};
  std::array<double, kCount> seconds{};

  PassTimes& operator+=(const PassTimes& o) {
    for (size_t i = 0; i < kCount; ++i) seconds[i] += o.seconds[i];
    return *this;
  }
};

class Extractor {
 public:
  Extractor(const Dictionary& dictionary, const Lexicon& lexicon, const FrameTable& frames)
      : dict_(dictionary), lex_(lexicon), frames_(frames) {}

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
};

}  // namespace irkg
