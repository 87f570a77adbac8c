// ChunkSentences: the cases of chunks.txt, each sentence run through the
// passes up to chunking and written in brackets.
#include <catch2/catch.hpp>

#include <fstream>

#include "extract/dictionary.h"
#include "extract/document.h"
#include "extract/lexicon.h"

using namespace irkg;
using namespace irkg::internal;



TEST_CASE("chunks of the sentences in chunks.txt") {
  auto dict = Dictionary::LoadDefault({});
  REQUIRE(dict.ok());
  auto lexicon = Lexicon::LoadDefault();
  REQUIRE(lexicon.ok());
  std::ifstream in(IRKG_TEST_SOURCE_DIR "/extract/chunks.txt");
  REQUIRE(in);
  std::string line, sentence;
  int line_no = 0, cases = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    if (line.rfind("> ", 0) != 0) {
      sentence = line;
      continue;
    }
    Document d;
    d.Reset(sentence, &*dict);
    d.lexicon = &*lexicon;
    PrepareTokens(&d);
    SplitSentences(&d);
    TagTokens(&d);
    RecognizeEntities(&d);
    ChunkSentences(&d);
    INFO("chunks.txt:" << line_no << ": " << sentence);
    CHECK(ChunkBrackets(d, 0, static_cast<uint32_t>(d.tokens.size())) == line.substr(2));
    ++cases;
  }
  CHECK(cases >= 6);
}
