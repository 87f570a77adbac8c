#include <catch2/catch.hpp>

#include "graph/entity_resolver.h"

using namespace irkg;

TEST_CASE("transliteration variants of one name fold to one key") {
  CHECK(TransliterationKey("sergei") == TransliterationKey("sergey"));
  CHECK(TransliterationKey("dmitriy") == TransliterationKey("dmitry"));
  CHECK(TransliterationKey("dmitrii") == TransliterationKey("dmitri"));
  CHECK(TransliterationKey("khalafov") == TransliterationKey("halafov"));
  CHECK(TransliterationKey("djavad") == TransliterationKey("javad"));
  CHECK(TransliterationKey("mouammar") == TransliterationKey("muammar"));
  CHECK(TransliterationKey("aliyev") == TransliterationKey("aliev"));
  CHECK(TransliterationKey("alexei") == TransliterationKey("aleksey"));
  CHECK(TransliterationKey("lavrov") == "lavrov");
  CHECK(TransliterationKey("ivan") != TransliterationKey("ivana"));
}

TEST_CASE("person names tokenize through NameKey and transliteration") {
  CHECK(PersonNameTokens("Sergey  Lavrov") == std::vector<std::string>{"sergei", "lavrov"});
  CHECK(PersonNameTokens("Mevlüt Çavuşoğlu") == std::vector<std::string>{"mevlut", "cavusoglu"});
  CHECK(PersonNameTokens("J. Zarif") == std::vector<std::string>{"j", "zarif"});
  CHECK(PersonNameTokens("").empty());
}

TEST_CASE("a short form keeps the surname and the order of the full name") {
  auto full = PersonNameTokens("Mohammad Javad Zarif");
  CHECK(CouldBeShortFormOf(PersonNameTokens("Javad Zarif"), full));
  CHECK(CouldBeShortFormOf(PersonNameTokens("Mohammad Zarif"), full));
  CHECK(CouldBeShortFormOf(PersonNameTokens("M. J. Zarif"), full));
  CHECK(CouldBeShortFormOf(PersonNameTokens("J. Zarif"), PersonNameTokens("Javad Zarif")));
  CHECK_FALSE(CouldBeShortFormOf(PersonNameTokens("Javad Z."), PersonNameTokens("Javad Zarif")));
  CHECK_FALSE(CouldBeShortFormOf(PersonNameTokens("Zarif Javad"), full));
  CHECK_FALSE(CouldBeShortFormOf(PersonNameTokens("Javad Rezaei"), full));
  CHECK_FALSE(CouldBeShortFormOf(full, PersonNameTokens("Javad Zarif")));
  CHECK_FALSE(CouldBeShortFormOf(full, full));
  CHECK_FALSE(CouldBeShortFormOf(PersonNameTokens("Javad Zarif"), PersonNameTokens("Javad Zarif Jr")));
}
