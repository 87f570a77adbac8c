// Entity recognition seen from the extractor's output: which names become
// which entities.
#include <catch2/catch.hpp>

#include "tests/extract/loaded_data.h"

#include "extract/dictionary.h"
#include "extract/extractor.h"

using namespace irkg;

namespace {

const Extractor& TheExtractor() {
  static const Extractor extractor(testing::LoadedDictionary(), testing::LoadedLexicon(), testing::LoadedFrames());
  return extractor;
}

ExtractionRecord Extract(const std::string& text) {
  Article a;
  a.doc = "case.txt";
  a.text = text;
  return TheExtractor().Extract(a);
}

bool HasEntity(const ExtractionRecord& r, const std::string& name, EntityType type) {
  for (const auto& e : r.entities)
    if (e.name == name && e.type == type) return true;
  return false;
}

}  // namespace

TEST_CASE("a hyphenated given name vouches for a person") {
  // "Young" is also written in lower case, so only the given name says "Anne-Marie Young" is a person
  auto r = Extract("On Monday, Anne-Marie Young told the young delegates that the forum would go on.");
  CHECK(HasEntity(r, "Anne-Marie Young", EntityType::kPerson));
}

TEST_CASE("a given name that is also an office opens the name after a title") {
  auto r = Extract("Iranian Defence Minister Amir Sadeghi arrived in Baku on Monday.");
  CHECK(HasEntity(r, "Amir Sadeghi", EntityType::kPerson));
  CHECK_FALSE(HasEntity(r, "Sadeghi", EntityType::kPerson));
}

TEST_CASE("a shorter name that ends a fuller one, later and in other sentences, is the same person") {
  auto r = Extract("Ghanaian Foreign Minister Ama Kayode Mensah met Peruvian Foreign Minister Luis Vega. "
                   "Kayode Mensah said trade had grown.");
  CHECK(HasEntity(r, "Ama Kayode Mensah", EntityType::kPerson));
  CHECK_FALSE(HasEntity(r, "Kayode Mensah", EntityType::kPerson));
  // in one sentence the two names are two people
  auto two = Extract("Ana Maria Silva met Maria Silva in Lima on Monday.");
  CHECK(HasEntity(two, "Ana Maria Silva", EntityType::kPerson));
  CHECK(HasEntity(two, "Maria Silva", EntityType::kPerson));
}
