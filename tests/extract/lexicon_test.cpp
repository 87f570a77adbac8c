#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "extract/lexicon.h"
#include "tests/extract/loaded_data.h"
#include "tests/scratch_dir.h"

using namespace irkg;

namespace {

const Lexicon& Lex() { return testing::LoadedLexicon(); }

// Whether `word` has a reading of `pos` and `form` whose lemma is `lemma`.
bool HasReading(std::string_view word, Pos pos, VerbForm form, std::string_view lemma) {
  for (const WordReading& r : Lex().Find(word))
    if (r.pos == pos && r.form == form && Lex().LemmaText(r.lemma) == lemma) return true;
  return false;
}

}  // namespace

TEST_CASE("Lexicon: irregular verbs are undone through WordNet's exception list") {
  CHECK(HasReading("met", Pos::kVerb, VerbForm::kPastOrParticiple, "meet"));
  CHECK(HasReading("took", Pos::kVerb, VerbForm::kPast, "take"));
  CHECK(HasReading("taken", Pos::kVerb, VerbForm::kParticiple, "take"));
  CHECK(HasReading("went", Pos::kVerb, VerbForm::kPast, "go"));
  CHECK(HasReading("gone", Pos::kVerb, VerbForm::kParticiple, "go"));
  CHECK(HasReading("sang", Pos::kVerb, VerbForm::kPast, "sing"));
  CHECK(HasReading("sung", Pos::kVerb, VerbForm::kParticiple, "sing"));
  CHECK(HasReading("fled", Pos::kVerb, VerbForm::kPastOrParticiple, "flee"));
}

TEST_CASE("Lexicon: regular inflections by WordNet's detachment rules") {
  CHECK(HasReading("warned", Pos::kVerb, VerbForm::kPastOrParticiple, "warn"));
  CHECK(HasReading("signing", Pos::kVerb, VerbForm::kGerund, "sign"));
  CHECK(HasReading("voted", Pos::kVerb, VerbForm::kPastOrParticiple, "vote"));
  CHECK(HasReading("visits", Pos::kVerb, VerbForm::kPresent3s, "visit"));
  CHECK(HasReading("talks", Pos::kVerb, VerbForm::kPresent3s, "talk"));
  CHECK(HasReading("talks", Pos::kNoun, VerbForm::kNone, "talk"));
  CHECK(HasReading("sign", Pos::kVerb, VerbForm::kBase, "sign"));
  // plurals: -s, -es, -ies, -men and the noun exception list
  CHECK(HasReading("treaties", Pos::kNoun, VerbForm::kNone, "treaty"));
  CHECK(HasReading("churches", Pos::kNoun, VerbForm::kNone, "church"));
  CHECK(HasReading("spokesmen", Pos::kNoun, VerbForm::kNone, "spokesman"));
  CHECK(HasReading("children", Pos::kNoun, VerbForm::kNone, "child"));
  // a noun lemma stays itself
  CHECK(HasReading("condemnation", Pos::kNoun, VerbForm::kNone, "condemnation"));
  CHECK(HasReading("better", Pos::kAdjective, VerbForm::kNone, "good"));
  // morphy leaves -ss nouns alone: "glass" is no plural of "glas"
  for (const WordReading& r : Lex().Find("glass")) CHECK(Lex().LemmaText(r.lemma) == "glass");
}

TEST_CASE("Lexicon: names WordNet writes capitalized are proper nouns") {
  CHECK(HasReading("kenya", Pos::kProperNoun, VerbForm::kNone, "kenya"));
  CHECK_FALSE(Lex().Has("kenya", Pos::kNoun));
  CHECK(Lex().Has("china", Pos::kProperNoun));
  CHECK(Lex().Has("china", Pos::kNoun));  // porcelain
  bool american_cap = false;
  for (const WordReading& r : Lex().Find("american"))
    american_cap = american_cap || (r.pos == Pos::kAdjective && r.cap);
  CHECK(american_cap);
}

TEST_CASE("Lexicon: closed-class words come from closed_class.tsv, first") {
  auto first = [](std::string_view w) { return Lex().Find(w).empty() ? Pos::kOther : Lex().Find(w)[0].pos; };
  CHECK(first("the") == Pos::kDeterminer);
  CHECK(first("their") == Pos::kPronoun);
  CHECK(first("whom") == Pos::kPronoun);
  CHECK(first("against") == Pos::kPreposition);
  CHECK(first("nor") == Pos::kCoordinator);
  CHECK(first("because") == Pos::kSubordinator);
  CHECK(first("must") == Pos::kModal);
  CHECK(first("never") == Pos::kNegator);
  CHECK(first("n't") == Pos::kNegator);
  CHECK(HasReading("were", Pos::kAuxiliary, VerbForm::kPast, "be"));
  CHECK(HasReading("been", Pos::kAuxiliary, VerbForm::kParticiple, "be"));
  CHECK(HasReading("has", Pos::kAuxiliary, VerbForm::kPresent3s, "have"));
  CHECK(HasReading("did", Pos::kAuxiliary, VerbForm::kPast, "do"));
  CHECK(Lex().Has("to", Pos::kParticle));
  CHECK(Lex().Has("to", Pos::kPreposition));
  // WordNet's symbols and odd plurals do not leak into function words
  CHECK_FALSE(Lex().Has("in", Pos::kNoun));   // inch
  CHECK_FALSE(Lex().Has("has", Pos::kNoun));  // "ha"
  CHECK_FALSE(Lex().Has("was", Pos::kVerb));  // the auxiliary covers it
  // but a closed-class word's open readings stay: "the will of the people"
  CHECK(Lex().Has("will", Pos::kNoun));
  CHECK(Lex().Has("like", Pos::kVerb));
}

TEST_CASE("Lexicon: negated auxiliaries carry a negator") {
  CHECK(HasReading("didn't", Pos::kAuxiliary, VerbForm::kPast, "do"));
  CHECK(HasReading("didn't", Pos::kNegator, VerbForm::kNone, "not"));
  CHECK(HasReading("hasn't", Pos::kAuxiliary, VerbForm::kPresent3s, "have"));
  CHECK(HasReading("won't", Pos::kModal, VerbForm::kBase, "will"));
  CHECK(HasReading("won't", Pos::kNegator, VerbForm::kNone, "not"));
  CHECK(HasReading("cannot", Pos::kModal, VerbForm::kBase, "can"));
}

TEST_CASE("Lexicon: lemma ids are stable and round-trip") {
  LemmaId meet = Lex().Lemma("meet");
  CHECK(meet != 0);
  CHECK(Lex().LemmaText(meet) == "meet");
  CHECK(Lex().Lemma("meet") == meet);
  CHECK(Lex().Lemma("zzzq") == 0);
  CHECK(Lex().Find("zzzq").empty());
  std::vector<WordReading> out{WordReading{}};
  Lex().Readings("zzzq", &out);
  CHECK(out.empty());
}

TEST_CASE("Lexicon: a malformed closed_class.tsv line is an error naming file and line") {
  irkg::testing::ScratchDir scratch("closed-class-test");
  const std::string path = (scratch / "closed_class.tsv").string();
  auto load = [&](const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
    auto l = Lexicon::Load("/nonexistent-wordnet", path);
    return l.ok() ? std::string() : l.status().message();
  };
  CHECK(load("# header\nthe\tdet\nof\tpreposition\n") == path + ":3: unknown part of speech \"preposition\"");
  CHECK(load("the\tdet\nwas\taux\tbe\n").find(path + ":2: ") == 0);         // aux without FORM
  CHECK(load("The\tdet\n").find(path + ":1: ") == 0);                        // upper case
  CHECK(load("the\tdet\tthe\tpast\n").find(path + ":1: ") == 0);            // FORM on a determiner
  CHECK(load("was\taux\tbe\tpluperfect\n").find(path + ":1: ") == 0);       // unknown FORM
  CHECK(load("the\n").find(path + ":1: ") == 0);                             // one column
  // a good file gets as far as WordNet, which is missing here
  CHECK(load("the\tdet\n").find("/nonexistent-wordnet") != std::string::npos);
  std::remove(path.c_str());
}

namespace {

// Every reading of `word` in both lexicons, the lemmas as text: lemma ids
// are each lexicon's own.
void CheckSameReadings(const Lexicon& a, const Lexicon& b, std::string_view word) {
  auto ra = a.Find(word), rb = b.Find(word);
  INFO(word);
  REQUIRE(ra.size() == rb.size());
  for (size_t i = 0; i < ra.size(); ++i) {
    CHECK(ra[i].pos == rb[i].pos);
    CHECK(ra[i].form == rb[i].form);
    CHECK(ra[i].cap == rb[i].cap);
    CHECK(a.LemmaText(ra[i].lemma) == b.LemmaText(rb[i].lemma));
    CHECK(b.Lemma(b.LemmaText(rb[i].lemma)) == rb[i].lemma);
  }
}

// The first word of each line of a WordNet index file (its lemmas).
std::vector<std::string> IndexLemmas(const std::string& path) {
  std::vector<std::string> out;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != ' ') out.push_back(line.substr(0, line.find(' ')));
  return out;
}

}  // namespace

TEST_CASE("Lexicon: a compiled lexicon answers as the sources parsed do, and only while they are unchanged") {
  namespace fs = std::filesystem;
  auto data = FindDataDirectory();
  REQUIRE(data.ok());
  const std::string wordnet = Lexicon::DefaultWordNetDirectory();
  irkg::testing::ScratchDir scratch("compiled-lexicon-test");
  const fs::path& dir = scratch.path();
  const std::string closed = (dir / "closed_class.tsv").string();
  fs::copy_file(*data + "/lexicon/closed_class.tsv", closed);

  auto parsed = Lexicon::Parse(wordnet, closed);
  REQUIRE(parsed.ok());
  CHECK_FALSE(parsed->compiled());
  // beside the closed-class file is where Load looks first
  REQUIRE(parsed->SaveCompiled((dir / "lexicon.bin").string()).ok());
  auto mapped = Lexicon::Load(wordnet, closed);
  REQUIRE(mapped.ok());
  CHECK(mapped->compiled());
  // every verb and adjective lemma of WordNet and the forms inflection makes
  // of them, the closed-class words, and words no lexicon knows
  std::vector<std::string> words = IndexLemmas(wordnet + "/index.verb");
  for (auto& w : IndexLemmas(wordnet + "/index.adj")) words.push_back(std::move(w));
  size_t lemmas = words.size();
  for (size_t i = 0; i < lemmas; ++i)
    for (const char* ending : {"s", "es", "ed", "ing", "er"}) words.push_back(words[i] + ending);
  for (const char* w : {"the", "didn't", "won't", "met", "taken", "talks", "spokesmen", "zzzq", ""}) words.push_back(w);
  for (const auto& w : words) CheckSameReadings(*parsed, *mapped, w);
  CHECK(mapped->Lemma("meet") == parsed->Lemma("meet"));

  // an edited closed-class file: the compiled lexicon is stale, the file is read
  std::ofstream(closed, std::ios::app) << "zzzqward\tprep\n";
  auto edited = Lexicon::Load(wordnet, closed);
  REQUIRE(edited.ok());
  CHECK_FALSE(edited->compiled());
  CHECK(edited->Has("zzzqward", Pos::kPreposition));

  // compiled again for the edited file (which no build compiled), then damaged:
  // not trusted either
  REQUIRE(edited->SaveCompiled((dir / "lexicon.bin").string()).ok());
  auto recompiled = Lexicon::Load(wordnet, closed);
  REQUIRE(recompiled.ok());
  CHECK(recompiled->compiled());
  CHECK(recompiled->Has("zzzqward", Pos::kPreposition));
  fs::resize_file(dir / "lexicon.bin", 100);
  auto damaged = Lexicon::Load(wordnet, closed);
  REQUIRE(damaged.ok());
  CHECK_FALSE(damaged->compiled());
  CheckSameReadings(*parsed, *damaged, "met");
  fs::remove_all(dir);
}

TEST_CASE("Lexicon: the lexicon irkg loads is the one the build compiled") {
  // a build without the compile step would still be right, only slow
  CHECK(testing::LoadedLexicon().compiled());
}
