#include <catch2/catch.hpp>

#include "extract/dictionary.h"
#include "extract/tokenizer.h"

using namespace irkg;

namespace {
size_t Match(const Dictionary& d, std::string_view text, std::vector<FormMatch>* m) {
  std::vector<Token> toks;
  Tokenize(text, &toks);
  std::vector<uint32_t> keys;
  std::vector<std::string_view> exact;
  for (const auto& t : toks) {
    exact.push_back(TokenText(text, t));
    keys.push_back(d.KeyOf(Dictionary::FoldToken(exact.back())));
  }
  return d.LongestMatch(keys.data(), exact.data(), keys.size(), m);
}
}  // namespace

TEST_CASE("dictionary forms match longest first, acronyms only as written") {
  Dictionary d;
  REQUIRE(d.LoadString("Country\tUnited States\tcode=USA\talias=US|U.S.\tadj=American\n"
                       "Country\tUnited Kingdom\tcode=GBR\talias=UK\n"
                       "Location\tUnited States Virgin Islands\n",
                       "test.tsv")
              .ok());
  std::vector<FormMatch> m;
  CHECK(Match(d, "United States Virgin Islands", &m) == 4);
  CHECK(Match(d, "United States of", &m) == 2);
  CHECK(Match(d, "US officials", &m) == 1);
  CHECK(Match(d, "us officials", &m) == 0);
  CHECK(Match(d, "U.S. officials", &m) == 1);
  REQUIRE(Match(d, "American", &m) == 1);
  CHECK(m[0].form == FormKind::kAdjective);
  CHECK(Match(d, "united states", &m) == 0);  // place names are capitalized
}

TEST_CASE("a user dictionary extends an entry; a malformed one names file and line") {
  Dictionary d;
  REQUIRE(d.LoadString("Country\tTurkey\tcode=TUR\n", "a.tsv").ok());
  REQUIRE(d.LoadString("# mine\nCountry\tTurkey\talias=Türkiye\n", "b.tsv").ok());
  std::vector<FormMatch> m;
  CHECK(Match(d, "Türkiye", &m) == 1);
  CHECK(d.entries()[m[0].entry].code == "TUR");

  Status s = d.LoadString("Country\tX\n\nPlanet\tMars\n", "bad.tsv");
  REQUIRE_FALSE(s.ok());
  CHECK(s.message().rfind("bad.tsv:3: ", 0) == 0);
  s = d.LoadString("Country\tX\tcolour=red\n", "bad2.tsv");
  CHECK(s.message().rfind("bad2.tsv:1: unknown key", 0) == 0);
}

TEST_CASE("a name may start only where some form starting there names more than a cue") {
  Dictionary d;
  REQUIRE(d.LoadString("Cue\tmeet_verb\twords=met|held\n"
                       "Cue\torg_head\twords=council\n"
                       "Organization\tCouncil of Europe\n",
                       "test.tsv")
              .ok());
  CHECK_FALSE(d.MayStartName(d.KeyOf("met")));     // only a cue
  CHECK(d.MayStartName(d.KeyOf("council")));       // a cue, and the start of a name
  CHECK_FALSE(d.MayStartName(d.KeyOf("europe")));  // inside a name, starts none
  CHECK_FALSE(d.MayStartName(0));
  // and by a later file
  REQUIRE(d.LoadString("Location\tMet Office\n", "more.tsv").ok());
  CHECK(d.MayStartName(d.KeyOf("met")));
}

TEST_CASE("a cue of several words marks every token where the phrase occurs") {
  Dictionary d;
  REQUIRE(d.LoadString("Cue\tcoop\twords=co-operation|joint venture\n"
                       "Cue\tsentence_word\twords=In addition\n",
                       "cues.tsv")
              .ok());
  std::string text = "In addition, a joint venture and co-operation, in joint work.";
  std::vector<Token> toks;
  Tokenize(text, &toks);
  std::vector<uint32_t> keys;
  std::vector<CueMask> masks;
  for (const auto& t : toks) {
    keys.push_back(d.KeyOf(Dictionary::FoldToken(TokenText(text, t))));
    masks.push_back(d.CueMaskOf(keys.back()));
  }
  d.AddPhraseCues(keys, &masks);
  auto has = [&](size_t i, const char* cls) { return masks[i][CueClassIndex(cls)]; };
  CHECK(has(0, "sentence_word"));   // In
  CHECK(has(1, "sentence_word"));   // addition
  CHECK(has(4, "coop"));            // joint
  CHECK(has(5, "coop"));            // venture
  CHECK(has(7, "coop"));            // co
  CHECK(has(9, "coop"));            // operation
  CHECK_FALSE(has(11, "sentence_word"));  // a lone "in"
  CHECK_FALSE(has(12, "coop"));     // "joint" without "venture"
}

TEST_CASE("offices match in the plural too") {
  Dictionary d;
  REQUIRE(d.LoadString("Title\tForeign Minister\tsubtype=minister\talias=Minister of Foreign Affairs\n"
                       "Title\tSpokesman\n"
                       "Title\tSecretary\n",
                       "titles.tsv")
              .ok());
  std::vector<FormMatch> m;
  REQUIRE(Match(d, "foreign ministers", &m) == 2);
  CHECK(m[0].form == FormKind::kPlural);
  CHECK(Match(d, "Ministers of Foreign Affairs", &m) == 4);
  CHECK(Match(d, "spokesmen", &m) == 1);
  CHECK(Match(d, "secretaries", &m) == 1);
}

TEST_CASE("the loader refuses what the dictionary format forbids, naming file and line") {
  auto error = [](const std::string& text) {
    Dictionary d;
    Status s = d.LoadString(text, "x.tsv");
    return s.ok() ? std::string("ok") : s.message();
  };
  CHECK(error("Country\tA\tcode=AAA\tsubtype=city\n") == "x.tsv:1: key \"subtype\" is not used for Country");
  CHECK(error("Location\tB\tsubtype=planet\n").rfind("x.tsv:1: unknown Location subtype \"planet\"", 0) == 0);
  CHECK(error("Country\tA\tcode=aa\n").rfind("x.tsv:1: code must be", 0) == 0);
  CHECK(error("Country\tA\tcode=AAA\talias=B||C\n").rfind("x.tsv:1: empty or space-padded item", 0) == 0);
  CHECK(error("Country\tA\tcode=AAA\talias=B|B\n") == "x.tsv:1: \"B\" is listed twice");
  CHECK(error("GivenName\tAnna \n") == "x.tsv:1: trailing white space");
  CHECK(error("GivenName\tAnna\n# note\nGivenName\tAnna\n") == "x.tsv:3: GivenName \"Anna\" is already at x.tsv:1");
  CHECK(error("Cue\tmeet_verb\twords=met\n") == "ok");
}

TEST_CASE("Validate checks what spans entries: codes, demonyms, capitals, in=") {
  auto error = [](const std::string& text) {
    Dictionary d;
    Status s = d.LoadString(text, "x.tsv");
    if (s.ok()) s = d.Validate();
    return s.ok() ? std::string("ok") : s.message();
  };
  CHECK(error("Country\tA\tcode=AAA\tcapital=Acity\nLocation\tAcity\tsubtype=city\tin=A\n") == "ok");
  CHECK(error("Country\tA\n") == "x.tsv:1: country \"A\" without code=");
  CHECK(error("Country\tA\tcode=AAA\nCountry\tB\tcode=AAA\n").rfind("x.tsv:2: code AAA is already A's", 0) == 0);
  CHECK(error("Country\tA\tcode=AAA\tadj=Ish\nCountry\tB\tcode=BBB\tadj=Ish\n") == "x.tsv:2: \"Ish\" names both A and B");
  CHECK(error("Country\tA\tcode=AAA\tcapital=Nowhere\n") == "x.tsv:1: capital \"Nowhere\" of A is not a Location");
  CHECK(error("Location\tC\tin=Atlantis\n") == "x.tsv:1: in=\"Atlantis\" is not a Country's name");
}
