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
