// Two parts of cross-article resolution the issue asked for: organizations
// named by acronym in one article and in full in another, and offices that
// remember the dates they were seen.
#include <catch2/catch.hpp>

#include "graph/graph_builder.h"
#include "tests/graph/test_graphs.h"

using namespace irkg;
using namespace irkg::testing;
using T = EntityType;

namespace {

const char* kOsceFull = "Organization for Security and Co-operation in Europe";

ExtractionRecord MemberRecord(const std::string& doc, const std::string& country, const std::string& code,
                              const std::string& org, std::vector<std::string> org_mentions) {
  RecordMaker m(doc, "2024-03-01");
  auto c = m.Entity(country, T::kCountry, code, {country});
  auto o = m.Entity(org, T::kOrganization, "", std::move(org_mentions), "international");
  m.Triple(c, Predicate::kMemberOf, o, 0, country + " is a member of the " + org + ".", 0.9);
  return m.record();
}

}  // namespace

TEST_CASE("an acronym in one article and the full name with that acronym in another are one organization") {
  auto short_form = MemberRecord("short.txt", "Azerbaijan", "AZE", "OSCE", {"OSCE"});
  auto full_form = MemberRecord("full.txt", "Italy", "ITA", kOsceFull, {kOsceFull, "OSCE"});
  KnowledgeGraph g = BuildFrom({short_form, full_form});
  auto osce = g.FindById("organization/organization-for-security-and-co-operation-in-europe");
  REQUIRE(osce);
  CHECK_FALSE(g.FindById("organization/osce"));
  CHECK(g.entity(*osce).name == kOsceFull);
  CHECK(g.entity(*osce).aliases == std::vector<Symbol>{"OSCE"});
  CHECK(g.entity(*osce).sightings.size() == 2);
  CHECK(g.relation_count() == 2);

  // The same through graphs, in either order: resolution looks at the
  // observations, which the graphs keep.
  for (bool short_first : {true, false}) {
    GraphBuilder b;
    b.AddGraph(BuildFrom({short_first ? short_form : full_form}));
    b.AddGraph(BuildFrom({short_first ? full_form : short_form}));
    RequireSameGraph(b.Build(), g);
  }
}

TEST_CASE("an acronym two full names claim joins neither") {
  auto short_form = MemberRecord("short.txt", "Azerbaijan", "AZE", "OSCE", {"OSCE"});
  auto one = MemberRecord("one.txt", "Italy", "ITA", kOsceFull, {"OSCE"});
  auto other = MemberRecord("other.txt", "France", "FRA", "Organisation for Sport, Culture and Education", {"OSCE"});
  KnowledgeGraph g = BuildFrom({short_form, one, other});
  CHECK(g.FindById("organization/osce"));
  CHECK(g.entity(*g.FindById("organization/osce")).sightings.size() == 1);

  // Seen first with one claimant only, then the second arrives through a
  // graph: the result is the one from all the records.
  GraphBuilder b;
  b.AddGraph(BuildFrom({short_form, one}));
  b.AddRecord(other);
  RequireSameGraph(b.Build(), g);
}

TEST_CASE("an acronym joins only organizations, and only by a mention") {
  // A location called "GF" does not join an organization with that acronym.
  auto place = MemberRecord("place.txt", "Oman", "OMN", "Gulf Forum", {"Gulf Forum"});
  RecordMaker m("loc.txt", "2024-03-02");
  auto c = m.Entity("Oman", T::kCountry, "OMN", {"Oman"});
  auto l = m.Entity("GF", T::kLocation, "", {"GF"});
  m.Triple(c, Predicate::kLocatedIn, l, 0, "Oman lies by GF.", 0.5);
  auto full = MemberRecord("full.txt", "Qatar", "QAT", "Gulf Forum", {"Gulf Forum", "GF"});
  KnowledgeGraph g = BuildFrom({place, m.record(), full});
  CHECK(g.FindById("location/gf"));
  CHECK(g.entity(*g.FindById("organization/gulf-forum")).sightings.size() == 2);
}

TEST_CASE("an office keeps the first and last dates it was seen") {
  std::vector<ExtractionRecord> records;
  for (const char* date : {"2023-11-20", "2023-03-10", "2024-02-05"}) {
    RecordMaker m(std::string("talks-") + date + ".txt", date);
    auto p = m.Entity("Khalaf Khalafov", T::kPerson, "", {"Khalaf Khalafov"});
    auto c = m.Entity("Azerbaijan", T::kCountry, "AZE", {"Azerbaijani"});
    m.Triple(p, Predicate::kHoldsPosition, c, 0, "Azerbaijani Deputy Foreign Minister Khalaf Khalafov spoke.", 0.9)
        .title = "Deputy Foreign Minister";
    records.push_back(m.record());
  }
  // An undated article and a fact the text dates itself.
  RecordMaker undated("undated.txt", "");
  auto p = undated.Entity("Khalaf Khalafov", T::kPerson, "", {"Khalaf Khalafov"});
  auto c = undated.Entity("Azerbaijan", T::kCountry, "AZE", {"Azerbaijan"});
  undated.Triple(p, Predicate::kHoldsPosition, c, 0, "Khalafov became deputy minister in 2005.", 0.8).date = "2005";
  records.push_back(undated.record());

  KnowledgeGraph g = BuildFrom(records);
  REQUIRE(g.relation_count() == 1);
  const Relation& office = g.relation(EdgesInIdOrder(g).front());
  CHECK(office.predicate == Predicate::kHoldsPosition);
  CHECK(FirstSeen(office) == "2005");
  CHECK(LastSeen(office) == "2024-02-05");
  CHECK(Dates(office) == std::vector<Symbol>{"2005"});
  CHECK(office.article_count == 4);

  records.pop_back();
  KnowledgeGraph dated = BuildFrom(records);
  const Relation& r = dated.relation(EdgesInIdOrder(dated).front());
  CHECK(FirstSeen(r) == "2023-03-10");
  CHECK(LastSeen(r) == "2024-02-05");
  CHECK(Dates(r).empty());
}
