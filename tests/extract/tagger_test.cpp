#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "extract/document.h"
#include "tests/extract/loaded_data.h"

using namespace irkg;
using internal::Document;

namespace {

const Dictionary& Dict() { return testing::LoadedDictionary(); }
const Lexicon& Lex() { return testing::LoadedLexicon(); }

// The tagged document of `text`, which must outlive it (the document views it).
Document Tagged(const std::string& text) {
  Document d;
  d.Reset(text, &Dict());
  d.lexicon = &Lex();
  internal::PrepareTokens(&d);
  internal::SplitSentences(&d);
  internal::TagTokens(&d);
  return d;
}

// The tag names of tagged_sentences.txt.
std::string TagName(const internal::TokenTag& t) {
  switch (t.pos) {
    case Pos::kVerb:
      switch (t.form) {
        case VerbForm::kBase: return "VB";
        case VerbForm::kPresent3s: return "VBZ";
        case VerbForm::kPast: return "VBD";
        case VerbForm::kParticiple: return "VBN";
        case VerbForm::kGerund: return "VBG";
        default: return "VB?";
      }
    case Pos::kNoun: return "NOUN";
    case Pos::kProperNoun: return "PROPN";
    case Pos::kAdjective: return "ADJ";
    case Pos::kAdverb: return "ADV";
    case Pos::kDeterminer: return "DET";
    case Pos::kPronoun: return "PRON";
    case Pos::kPreposition: return "PREP";
    case Pos::kCoordinator: return "CC";
    case Pos::kSubordinator: return "SUB";
    case Pos::kAuxiliary: return "AUX";
    case Pos::kModal: return "MODAL";
    case Pos::kNegator: return "NEG";
    case Pos::kParticle: return "TO";
    case Pos::kNumber: return "NUM";
    case Pos::kPunct: return "PUNCT";
    case Pos::kOther: return "OTHER";
  }
  return "?";
}

// "word/TAG ..." of one tagged sentence.
std::string Tags(const std::string& text) {
  Document d = Tagged(text);
  std::string out;
  for (uint32_t i = 0; i < d.tokens.size(); ++i) {
    if (!out.empty()) out += ' ';
    out += std::string(d.Text(i)) + "/" + TagName(d.tags[i]);
  }
  return out;
}

}  // namespace

TEST_CASE("Tagger: one word, noun or verb by its neighbours") {
  CHECK(Tags("The talks ended in Oslo.") == "The/DET talks/NOUN ended/VBD in/PREP Oslo/PROPN ./PUNCT");
  CHECK(Tags("She talks to reporters daily.") == "She/PRON talks/VBZ to/PREP reporters/NOUN daily/ADV ./PUNCT");
}

TEST_CASE("Tagger: participles after be and have") {
  CHECK(Tags("The treaty was signed by both leaders.") ==
        "The/DET treaty/NOUN was/AUX signed/VBN by/PREP both/DET leaders/NOUN ./PUNCT");
  CHECK(Tags("The minister has visited Chile twice.") ==
        "The/DET minister/NOUN has/AUX visited/VBN Chile/PROPN twice/ADV ./PUNCT");
  CHECK(Tags("The minister visited Chile twice.") ==
        "The/DET minister/NOUN visited/VBD Chile/PROPN twice/ADV ./PUNCT");
}

TEST_CASE("Tagger: a Title Case headline in the present tense") {
  std::string headline = "Ghana Condemns Attack On Border Post";
  Document d = Tagged(headline);
  REQUIRE(d.sentences.size() == 1);
  CHECK(d.sentences[0].title_case);
  CHECK(Tags("Ghana Condemns Attack On Border Post") ==
        "Ghana/PROPN Condemns/VBZ Attack/NOUN On/PREP Border/NOUN Post/NOUN");
  CHECK(Lex().LemmaText(d.tags[1].lemma) == "condemn");
}

TEST_CASE("Tagger: n't and cannot negate their auxiliary") {
  std::string text = "The envoy didn't attend the summit, and they cannot return.";
  Document d = Tagged(text);
  // The tokenizer splits "didn't" into "did" and "n't"; "cannot" stays whole.
  // The envoy did n't attend the summit , and they cannot return .
  REQUIRE(d.tokens.size() == 13);
  CHECK(d.tags[2].pos == Pos::kAuxiliary);
  CHECK(Lex().LemmaText(d.tags[2].lemma) == "do");
  CHECK(d.tags[3].pos == Pos::kNegator);
  CHECK(TagName(d.tags[4]) == "VB");
  CHECK(d.tags[10].pos == Pos::kModal);
  CHECK(d.tags[10].negated);
  CHECK(TagName(d.tags[11]) == "VB");
  CHECK_FALSE(d.tags[1].negated);
  // a typographic apostrophe too
  std::string curly_text = "They didn\u2019t sign.";
  Document curly = Tagged(curly_text);
  CHECK(curly.tags[1].pos == Pos::kAuxiliary);
  CHECK((curly.tags[1].negated || curly.tags[2].pos == Pos::kNegator));
}

TEST_CASE("Tagger: lemmas, numbers and punctuation") {
  std::string text = "Ministers met 3 times in 2023 and warned of sanctions.";
  Document d = Tagged(text);
  CHECK(Lex().LemmaText(d.tags[1].lemma) == "meet");
  CHECK(d.tags[2].pos == Pos::kNumber);
  CHECK(d.tags[5].pos == Pos::kNumber);
  CHECK(d.tags[6].pos == Pos::kCoordinator);
  CHECK(Lex().LemmaText(d.tags[7].lemma) == "warn");
  CHECK(Lex().LemmaText(d.tags[9].lemma) == "sanction");
  CHECK(d.tags[10].pos == Pos::kPunct);
}

TEST_CASE("Tagger: without a lexicon every tag stays kOther") {
  Document d;
  std::string text = "The talks ended.";
  d.Reset(text, &Dict());
  internal::PrepareTokens(&d);
  internal::SplitSentences(&d);
  internal::TagTokens(&d);
  REQUIRE(d.tags.size() == 4);
  for (const auto& t : d.tags) CHECK(t.pos == Pos::kOther);
}

TEST_CASE("Tagger: accuracy on the hand-tagged sentences") {
  std::ifstream in(IRKG_TEST_SOURCE_DIR "/extract/tagged_sentences.txt");
  REQUIRE(in);
  std::string line;
  size_t right = 0, total = 0, sentences = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    ++sentences;
    std::vector<std::string> words, gold;
    std::istringstream ss(line);
    for (std::string item; ss >> item;) {
      size_t slash = item.rfind('/');
      REQUIRE(slash != std::string::npos);
      words.push_back(item.substr(0, slash));
      gold.push_back(item.substr(slash + 1));
    }
    std::string text;
    for (const auto& w : words) text += (text.empty() ? "" : " ") + w;
    Document d = Tagged(text);
    INFO(line);
    REQUIRE(d.tokens.size() == words.size());
    for (size_t i = 0; i < words.size(); ++i) {
      ++total;
      if (TagName(d.tags[i]) == gold[i]) ++right;
      else UNSCOPED_INFO(words[i] << ": " << TagName(d.tags[i]) << " for " << gold[i]);
    }
  }
  double accuracy = static_cast<double>(right) / static_cast<double>(total);
  WARN("tagger accuracy " << right << "/" << total << " = " << accuracy << " on " << sentences << " sentences");
  CHECK(sentences >= 40);
  CHECK(accuracy >= 0.97);
}

TEST_CASE("Tagger: past or participle after a comma") {
  CHECK(Tags("The treaty, signed in 1990, expired last year.") ==
        "The/DET treaty/NOUN ,/PUNCT signed/VBN in/PREP 1990/NUM ,/PUNCT expired/VBD last/ADJ year/NOUN ./PUNCT");
  CHECK(Tags("The envoys of Peru and Chile, Ana Ruiz and Luis Vega, held talks.") ==
        "The/DET envoys/NOUN of/PREP Peru/PROPN and/CC Chile/PROPN ,/PUNCT Ana/PROPN Ruiz/PROPN and/CC "
        "Luis/PROPN Vega/PROPN ,/PUNCT held/VBD talks/NOUN ./PUNCT");
}

TEST_CASE("Tagger: demonyms stay adjectives unless they go on a name") {
  CHECK(Tags("Iranian Defence Minister Ali Karimi met American officials.") ==
        "Iranian/ADJ Defence/PROPN Minister/PROPN Ali/PROPN Karimi/PROPN met/VBD American/ADJ officials/NOUN ./PUNCT");
  CHECK(Tags("The plan was welcomed by the European Union.") ==
        "The/DET plan/NOUN was/AUX welcomed/VBN by/PREP the/DET European/ADJ Union/PROPN ./PUNCT");
}
