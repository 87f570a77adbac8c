#include <catch2/catch.hpp>

#include <algorithm>

#include "graph/vocabulary.h"

using namespace irkg;

TEST_CASE("entity and article IRIs escape what a path cannot hold and read back") {
  CHECK(vocab::EntityIri("country/AZE") == "https://w3id.org/irkg/id/country/AZE");
  CHECK(vocab::EntityIri("person/chloé-dubois") == "https://w3id.org/irkg/id/person/chloé-dubois");
  CHECK(vocab::ArticleIri("a b#c?.txt") == "https://w3id.org/irkg/id/article/a%20b%23c%3F.txt");
  for (std::string doc : {"plain.txt", "a b#c?.txt", "100%\"x\".txt", "東京.txt"})
    CHECK(vocab::DocFromArticleIri(vocab::ArticleIri(doc)) == doc);
  CHECK(vocab::EntityIdFromIri("https://w3id.org/irkg/id/person/x") == std::string("person/x"));
  CHECK_FALSE(vocab::EntityIdFromIri("https://example.org/person/x"));
  CHECK_FALSE(vocab::EntityIdFromIri("https://w3id.org/irkg/id/bad%2"));
  CHECK_FALSE(vocab::EntityIdFromIri("https://w3id.org/irkg/id/"));
}

TEST_CASE("entity types map to schema.org classes, subtypes refining organizations") {
  CHECK(vocab::SchemaOrgClass(EntityType::kPerson, "") == "Person");
  CHECK(vocab::SchemaOrgClass(EntityType::kOrganization, "government") == "GovernmentOrganization");
  CHECK(vocab::SchemaOrgClass(EntityType::kOrganization, "education") == "CollegeOrUniversity");
  CHECK(vocab::SchemaOrgClass(EntityType::kOrganization, "media") == "NewsMediaOrganization");
  CHECK(vocab::SchemaOrgClass(EntityType::kOrganization, "company") == "Corporation");
  CHECK(vocab::SchemaOrgClass(EntityType::kOrganization, "foundation") == "Organization");
  CHECK(vocab::SchemaOrgClass(EntityType::kLocation, "sea") == "Place");
  CHECK(vocab::SchemaOrgClass(EntityType::kAgreement, "") == "Legislation");
  CHECK(vocab::SchemaOrgClass(EntityType::kProject, "") == "Project");
  for (int t = 0; t < kEntityTypeCount; ++t)
    for (const char* subtype : {"", "government", "education", "media", "company", "city"}) {
      auto cls = vocab::SchemaOrgClass(static_cast<EntityType>(t), subtype);
      const auto& all = vocab::AllSchemaOrgClasses();
      CHECK(std::find(all.begin(), all.end(), cls) != all.end());
    }
}

TEST_CASE("predicates have vocabulary IRIs and, where one exists, a Wikidata property") {
  CHECK(vocab::PredicateIri(Predicate::kHoldsPosition) == "https://w3id.org/irkg/vocab#holdsPosition");
  CHECK(vocab::WikidataProperty(Predicate::kDiplomaticRelations).property == "P530");
  CHECK(vocab::WikidataProperty(Predicate::kDiplomaticRelations).exact);
  CHECK(vocab::WikidataProperty(Predicate::kHoldsPosition).property == "P39");
  CHECK_FALSE(vocab::WikidataProperty(Predicate::kHoldsPosition).exact);
  CHECK(vocab::WikidataProperty(Predicate::kThreatens).property.empty());
}
