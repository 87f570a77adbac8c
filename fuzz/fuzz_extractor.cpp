// Arbitrary text through the Extractor with the built-in dictionaries. The
// input is first made what ArticleReader guarantees (valid UTF-8, no NUL);
// every span in the record must then lie inside the text and quote it.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/text.h"
#include "extract/dictionary.h"
#include "extract/extractor.h"

namespace {

const irkg::Dictionary& Dict() {
  static const irkg::Dictionary* dict = [] {
    auto d = irkg::Dictionary::LoadDefault({});
    if (!d.ok()) std::abort();  // run with IRKG_DATA_DIR set to data/
    return new irkg::Dictionary(std::move(*d));
  }();
  return *dict;
}

const irkg::FrameTable& Frames() {
  static const irkg::FrameTable frames = [] {
    auto f = irkg::FrameTable::LoadDefault();
    if (!f.ok()) {
      std::fprintf(stderr, "%s\n", f.status().message().c_str());
      std::exit(1);
    }
    return std::move(*f);
  }();
  return frames;
}

const irkg::Lexicon& Lex() {
  static const irkg::Lexicon* lexicon = [] {
    auto l = irkg::Lexicon::LoadDefault();
    if (!l.ok()) std::abort();  // needs WordNet (wordnet-base) and IRKG_DATA_DIR as above
    return new irkg::Lexicon(std::move(*l));
  }();
  return *lexicon;
}

void CheckSpan(const irkg::TextSpan& s, const std::string& text) {
  if (s.start > s.end || s.end > text.size()) std::abort();
  if (text.compare(s.start, s.end - s.start, s.text) != 0) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  irkg::Article a;
  a.doc = "fuzz.txt";
  a.text.assign(reinterpret_cast<const char*>(data), size);
  for (char& c : a.text)
    if (c == '\0') c = ' ';
  irkg::RepairUtf8(&a.text);
  irkg::ExtractionRecord r = irkg::Extractor(Dict(), Lex(), Frames()).Extract(a);
  for (const auto& e : r.entities)
    for (const auto& m : e.mentions) CheckSpan(m, a.text);
  for (const auto& t : r.triples)
    if (t.evidence) CheckSpan(*t.evidence, a.text);
  return 0;
}
