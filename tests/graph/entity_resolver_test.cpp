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

TEST_CASE("spelling, accent, particle and honorific variants fold to one name") {
  // Invented names, each pair written two ways news romanizes such names.
  const std::vector<std::pair<const char*, const char*>> same = {
      {"Oleksandr Hrytsenkyy", "Oleksandr Hrytsenky"}, {"Oleksandr Hrytsenkiy", "Oleksandr Hrytsenky"},
      {"Kemal Yıldıröz", "Kemal Yildiroz"},             {"Tarek al-Mansouri", "Tarek el-Mansouri"},
      {"Tarek Al Mansouri", "Tarek Mansouri"},          {"Al-Mansouri", "Mansouri"},
      {"Mr. Dovrenko", "Dovrenko"},                     {"Sheikh Hamdan Qasimi", "Hamdan Qasimi"},
      {"Ruslan Baykurov", "Ruslan Baikurov"},           {"Ebrahim Naeimi", "Ebrahim Naimi"},
  };
  for (const auto& [a, b] : same) {
    INFO(a << " / " << b);
    CHECK(PersonNameTokens(a) == PersonNameTokens(b));
  }
  // A name that is only an honorific or a particle keeps its word.
  CHECK(PersonNameTokens("Sheikh") == std::vector<std::string>{TransliterationKey("sheikh")});
  CHECK(PersonNameTokens("El") == std::vector<std::string>{"el"});
  // Different names stay different.
  CHECK(PersonNameTokens("Marta Lindqvist") != PersonNameTokens("Marta Lundqvist"));
}

TEST_CASE("a news agency tag is not a state's name") {
  CHECK(IsAgencyTag("(XNA)"));
  CHECK(IsAgencyTag("(PNB)"));
  CHECK_FALSE(IsAgencyTag("XNA"));
  CHECK_FALSE(IsAgencyTag("(Norland)"));
  CHECK_FALSE(IsAgencyTag("(X)"));
}

TEST_CASE("a story's fingerprint ignores the order of its parts, not their content") {
  uint64_t a = HashText("first"), b = HashText("second");
  CHECK(StoryFingerprint({a, b}) == StoryFingerprint({b, a, a}));
  CHECK(StoryFingerprint({a, b}) != StoryFingerprint({a}));
}
