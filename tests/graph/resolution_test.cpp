// Entity resolution at merge time, through GraphBuilder: each case is a
// defect the issue found (bare surnames multiplying, spelling variants kept
// apart, an agency tag taken for a state), written with invented people.
#include <catch2/catch.hpp>

#include "graph/graph_builder.h"
#include "tests/graph/test_graphs.h"

using namespace irkg;
using namespace irkg::testing;
using T = EntityType;

namespace {

size_t CountType(const KnowledgeGraph& g, EntityType type) {
  size_t n = 0;
  g.ForEachEntity([&](VertexId, const Entity& e) { n += e.type == type; });
  return n;
}

// An article where `person` holds `title` of `state` on `date`.
ExtractionRecord OfficeArticle(const std::string& doc, const std::string& date, const std::string& person,
                               const std::string& title, const std::string& state, const std::string& code) {
  RecordMaker m(doc, date);
  auto p = m.Entity(person, T::kPerson, "", {person});
  auto c = m.Entity(state, T::kCountry, code, {state});
  m.Triple(p, Predicate::kHoldsPosition, c, 0, title + " " + person + " of " + state + " spoke.", 0.9).title = title;
  return m.record();
}

// An article that names `person` and `state` and nothing of an office.
ExtractionRecord VisitArticle(const std::string& doc, const std::string& date, const std::string& person,
                              const std::string& state, const std::string& code) {
  RecordMaker m(doc, date);
  auto p = m.Entity(person, T::kPerson, "", {person});
  auto c = m.Entity(state, T::kCountry, code, {state});
  m.Triple(p, Predicate::kVisited, c, 0, person + " arrived in " + state + ".", 0.8);
  return m.record();
}

ExtractionRecord WithDoc(ExtractionRecord record, const std::string& doc) {
  record.doc = doc;
  return record;
}

}  // namespace

TEST_CASE("a corpus read twice under new ids gives the entities it gives once") {
  std::vector<ExtractionRecord> once = {
      OfficeArticle("a1.txt", "2022-03-01", "Velimir Starkov", "President", "Norway", "NOR"),
      OfficeArticle("a2.txt", "2022-04-01", "Starkov", "President", "Norway", "NOR"),
      VisitArticle("a3.txt", "", "Dovrenko", "Chile", "CHL"),  // nobody to link to: stays its own
  };
  std::vector<ExtractionRecord> twice = once;
  for (const auto& r : once) twice.push_back(WithDoc(r, "copy-" + r.doc));
  KnowledgeGraph g1 = BuildFrom(once), g2 = BuildFrom(twice);
  CHECK(CountType(g2, T::kPerson) == CountType(g1, T::kPerson));
  CHECK(CountType(g1, T::kPerson) == 2);
  CHECK(g2.relation_count() == g1.relation_count());
}

TEST_CASE("a surname alone joins the one full name with its office, state and year") {
  KnowledgeGraph g = BuildFrom({
      OfficeArticle("full.txt", "2021-06-01", "Velimir Starkov", "President", "Norway", "NOR"),
      OfficeArticle("alone.txt", "2022-09-01", "Starkov", "President", "Norway", "NOR"),
  });
  REQUIRE(g.FindById("person/velimir-starkov"));
  CHECK(g.entity(*g.FindById("person/velimir-starkov")).sightings.size() == 2);
  CHECK(CountType(g, T::kPerson) == 1);
}

TEST_CASE("a surname alone stays apart when the years are far or two people share the name") {
  const std::vector<ExtractionRecord> far_years = {
      OfficeArticle("full.txt", "2015-06-01", "Velimir Starkov", "President", "Norway", "NOR"),
      OfficeArticle("alone.txt", "2020-09-01", "Starkov", "President", "Norway", "NOR"),
  };
  CHECK(CountType(BuildFrom(far_years), T::kPerson) == 2);

  const std::vector<ExtractionRecord> two_holders = {
      OfficeArticle("amira.txt", "2020-06-01", "Amira Haddad", "Prime Minister", "Jordan", "JOR"),
      OfficeArticle("samir.txt", "2021-06-01", "Samir Haddad", "Prime Minister", "Jordan", "JOR"),
      OfficeArticle("alone.txt", "2021-01-01", "Haddad", "Prime Minister", "Jordan", "JOR"),
  };
  CHECK(CountType(BuildFrom(two_holders), T::kPerson) == 3);

  // The same surname in office in another state: the Swede is meant.
  KnowledgeGraph g = BuildFrom({
      OfficeArticle("lars.txt", "2019-06-01", "Lars Eklund", "Defence Minister", "Sweden", "SWE"),
      OfficeArticle("per.txt", "2019-06-01", "Per Eklund", "Defence Minister", "Finland", "FIN"),
      OfficeArticle("alone.txt", "2020-01-01", "Eklund", "Defence Minister", "Sweden", "SWE"),
  });
  CHECK(CountType(g, T::kPerson) == 2);
  CHECK(g.entity(*g.FindById("person/lars-eklund")).sightings.size() == 2);
  CHECK(g.entity(*g.FindById("person/per-eklund")).sightings.size() == 1);
}

TEST_CASE("a surname alone without a title joins the one holder of an office in a state its article names") {
  KnowledgeGraph g = BuildFrom({
      OfficeArticle("full.txt", "2021-06-01", "Velimir Starkov", "President", "Norway", "NOR"),
      VisitArticle("alone.txt", "2022-01-01", "Starkov", "Norway", "NOR"),
      VisitArticle("elsewhere.txt", "2022-01-01", "Starkov", "Chile", "CHL"),  // no office of Starkov in Chile
  });
  CHECK(g.entity(*g.FindById("person/velimir-starkov")).sightings.size() == 2);
  CHECK(CountType(g, T::kPerson) == 2);
}

TEST_CASE("spelling variants across articles are one person, and types never merge") {
  RecordMaker m("types.txt", "2023-01-01");
  m.Entity("Marta Linden", T::kPerson, "", {"Marta Linden"});
  m.Entity("Linden", T::kOrganization, "", {"Linden"});
  m.Entity("Linden", T::kLocation, "", {"Linden"});
  KnowledgeGraph g = BuildFrom({
      OfficeArticle("v1.txt", "2023-01-01", "Oleksandr Hrytsenkyy", "President", "Ukraine", "UKR"),
      OfficeArticle("v2.txt", "2023-02-01", "Oleksandr Hrytsenky", "President", "Ukraine", "UKR"),
      OfficeArticle("v3.txt", "2023-03-01", "Oleksandr Hrytsenkiy", "President", "Ukraine", "UKR"),
      OfficeArticle("v4.txt", "2023-03-01", "Tarek el-Mansouri", "Foreign Minister", "Egypt", "EGY"),
      OfficeArticle("v5.txt", "2023-03-01", "Tarek Al-Mansouri", "Foreign Minister", "Egypt", "EGY"),
      m.record(),
  });
  CHECK(CountType(g, T::kPerson) == 3);
  size_t hrytsenko_sightings = 0;
  g.ForEachEntity([&](VertexId, const Entity& e) {
    if (e.name.str().rfind("Oleksandr", 0) == 0) hrytsenko_sightings = e.sightings.size();
  });
  CHECK(hrytsenko_sightings == 3);
  CHECK(g.FindById("organization/linden"));
  CHECK(g.FindById("location/linden"));
}

TEST_CASE("an agency tag among a state's mentions is neither its alias nor a claim on the name") {
  // The dateline's "(XNA)" was read as a mention of the state in one article;
  // an article that names an agency "(XNA)" without a code must not join it.
  RecordMaker tagged("tagged.txt", "2023-01-01");
  tagged.Entity("Norway", T::kCountry, "NOR", {"Norway", "(XNA)"});
  RecordMaker other("other.txt", "2023-01-01");
  other.Entity("(XNA)", T::kCountry, "", {"(XNA)"});
  KnowledgeGraph g = BuildFrom({tagged.record(), other.record()});
  const Entity& norway = g.entity(*g.FindById("country/NOR"));
  CHECK(std::find(norway.aliases.begin(), norway.aliases.end(), Symbol("(XNA)")) == norway.aliases.end());
  CHECK(norway.sightings.size() == 1);
}
