#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "core/text.h"
#include "graph/graph_builder.h"
#include "tests/graph/test_graphs.h"

using namespace irkg;
using namespace irkg::testing;
using T = EntityType;

namespace {

ExtractionRecord OnePerson(const std::string& doc, const std::string& name, const std::string& country,
                           const std::string& code) {
  RecordMaker m(doc, "2024-01-0" + std::to_string(doc.size() % 9 + 1));
  auto p = m.Entity(name, T::kPerson, "", {name});
  auto c = m.Entity(country, T::kCountry, code, {country});
  m.Triple(p, Predicate::kHoldsPosition, c, 10, name + " spoke for " + country + ".", 0.7);
  return m.record();
}

}  // namespace

TEST_CASE("persons resolve across articles by fuller name and spelling") {
  KnowledgeGraph g = BuildFrom(SampleRecords());

  auto zarif = g.FindById("person/mohammad-javad-zarif");
  REQUIRE(zarif);
  CHECK(g.entity(*zarif).name == "Mohammad Javad Zarif");
  CHECK(g.entity(*zarif).aliases == std::vector<Symbol>{"Javad Zarif", "Zarif", "the Iranian minister"});
  CHECK(g.entity(*zarif).sightings.size() == 2);
  CHECK_FALSE(g.FindById("person/javad-zarif"));

  auto lavrov = g.FindById("person/sergei-lavrov");
  REQUIRE(lavrov);
  CHECK(g.entity(*lavrov).aliases == std::vector<Symbol>{"Lavrov", "Sergey Lavrov"});

  const Relation* met = FindRelation(g, "person/mohammad-javad-zarif", Predicate::kMetWith, "person/sergei-lavrov");
  REQUIRE(met);
  CHECK(met->evidence.size() == 2);
  CHECK(met->article_count == 2);
  CHECK(met->confidence == Approx(1 - 0.3 * 0.25));
  CHECK(FirstSeen(*met) == "2019-07-14");
  CHECK(LastSeen(*met) == "2020-02-03");
  CHECK_FALSE(FindRelation(g, "person/sergei-lavrov", Predicate::kMetWith, "person/mohammad-javad-zarif"));
}

TEST_CASE("a bare surname stays inside its article") {
  KnowledgeGraph g = BuildFrom(SampleRecords());
  CHECK(g.FindById("person/khalafov--baku-ties-txt"));
  CHECK(g.FindById("person/khalafov--rome-forum-txt"));
  CHECK_FALSE(g.FindById("person/khalafov"));

  // Not even a full name with that surname pulls it out of its article.
  auto records = SampleRecords();
  records.push_back(OnePerson("later.txt", "Khalaf Khalafov", "Azerbaijan", "AZE"));
  KnowledgeGraph g2 = BuildFrom(records);
  CHECK(g2.FindById("person/khalaf-khalafov"));
  CHECK(g2.FindById("person/khalafov--baku-ties-txt"));
}

TEST_CASE("a short name shared by two full names joins neither") {
  auto a = OnePerson("a.txt", "Ali Khan", "Pakistan", "PAK");
  auto b = OnePerson("b.txt", "Imran Ali Khan", "Pakistan", "PAK");
  auto c = OnePerson("c.txt", "Liaquat Ali Khan", "Pakistan", "PAK");

  KnowledgeGraph two = BuildFrom({a, b});
  CHECK(EntityIds(two) == std::vector<std::string>{"country/PAK", "person/imran-ali-khan"});

  KnowledgeGraph three = BuildFrom({a, b, c});
  CHECK(EntityIds(three) == std::vector<std::string>{"country/PAK", "person/ali-khan", "person/imran-ali-khan",
                                                     "person/liaquat-ali-khan"});

  // The merge undone by new evidence is undone through a graph as well.
  GraphBuilder via_graph;
  via_graph.AddGraph(two);
  via_graph.AddRecord(c);
  RequireSameGraph(via_graph.Build(), three);
}

TEST_CASE("countries resolve by code, and a coded country's names adopt uncoded ones") {
  KnowledgeGraph g = BuildFrom(SampleRecords());
  auto turkey = g.FindById("country/TUR");
  REQUIRE(turkey);
  CHECK(g.entity(*turkey).name == "Türkiye");
  CHECK(g.entity(*turkey).aliases == std::vector<Symbol>{"Turkey", "Turkish"});
  CHECK_FALSE(g.FindById("country/turkiye"));

  const Relation* partners = FindRelation(g, "country/AZE", Predicate::kCooperatesWith, "country/TUR");
  REQUIRE(partners);
  CHECK(partners->article_count == 2);
  const Relation* gas = FindRelation(g, "country/AZE", Predicate::kSupplies, "country/TUR");
  REQUIRE(gas);
  CHECK(Whats(*gas) == std::vector<Symbol>{"gas"});
  const Relation* ties = FindRelation(g, "country/AZE", Predicate::kDiplomaticRelations, "country/TUR");
  REQUIRE(ties);
  CHECK(Dates(*ties) == std::vector<Symbol>{"1992"});
  CHECK(FirstSeen(*ties) == "1992");
}

TEST_CASE("other entities keep readable ids by type and name") {
  KnowledgeGraph g = BuildFrom(SampleRecords());
  auto socar = g.FindById("organization/socar");
  REQUIRE(socar);
  CHECK(g.entity(*socar).subtype == "company");
  CHECK(g.FindById("project/trans-anatolian-pipeline"));
  CHECK(g.FindById("location/moscow"));
  auto ids = EntityIds(g);
  CHECK(std::is_sorted(ids.begin(), ids.end()));
}

TEST_CASE("ids that two entities would share are made unique, and the graph stays in id order") {
  // "???" has no name to slug ("unnamed"), so "Unnamed" becomes unnamed-2,
  // and "Unnamed 2", whose own id that is, unnamed-2-2.
  RecordMaker m("a.txt", "2024-01-01");
  auto unnamed = m.Entity("Unnamed", T::kOrganization);
  auto unnamed_2 = m.Entity("Unnamed 2", T::kOrganization);
  auto no_name = m.Entity("???", T::kOrganization);
  m.Triple(unnamed, Predicate::kMemberOf, no_name, 0, "Unnamed joined.");
  m.Triple(unnamed_2, Predicate::kMemberOf, no_name, 20, "Unnamed 2 joined.");
  KnowledgeGraph g = BuildFrom({m.record()});
  auto ids = EntityIds(g);
  CHECK(ids == std::vector<std::string>{"organization/unnamed", "organization/unnamed-2", "organization/unnamed-2-2"});
  CHECK(g.entity(*g.FindById("organization/unnamed")).name == "???");
  CHECK(g.entity(*g.FindById("organization/unnamed-2")).name == "Unnamed");
  CHECK(FindRelation(g, "organization/unnamed-2-2", Predicate::kMemberOf, "organization/unnamed"));
}

TEST_CASE("an article that names an entity twice observes it once, however many it names") {
  // A new article's observations are searched among its own; past the
  // first 64 they are found through the index, and so are those of an
  // article read again.
  RecordMaker m("many.txt", "2024-01-01");
  for (int k = 0; k < 100; ++k) m.Entity("Org " + std::to_string(k), T::kOrganization);
  m.Entity("Org 0", T::kOrganization, "", {"the first"});
  m.Entity("Org 99", T::kOrganization, "", {"the last"});
  RecordMaker other("other.txt", "2024-01-02");
  other.Entity("Org 5", T::kOrganization);
  KnowledgeGraph g = BuildFrom({m.record(), other.record(), m.record()});
  CHECK(g.entity_count() == 100);
  for (auto [id, alias] : {std::pair{"organization/org-0", "the first"}, std::pair{"organization/org-99", "the last"}}) {
    auto v = g.FindById(id);
    REQUIRE(v);
    CHECK(g.entity(*v).sightings.size() == 1);
    CHECK(g.entity(*v).aliases == std::vector<Symbol>{alias});
  }
  CHECK(g.entity(*g.FindById("organization/org-5")).sightings.size() == 2);
}

TEST_CASE("background knowledge survives but counts no article") {
  KnowledgeGraph g = BuildFrom(SampleRecords());
  const Relation* in = FindRelation(g, "location/moscow", Predicate::kLocatedIn, "country/RUS");
  REQUIRE(in);
  REQUIRE(in->evidence.size() == 1);
  CHECK(IsBackground(in->evidence[0]));
  CHECK(in->evidence[0].text.empty());
  CHECK(in->article_count == 0);
  CHECK(in->confidence == 1.0);
}

TEST_CASE("re-adding an article adds nothing") {
  auto records = SampleRecords();
  KnowledgeGraph once = BuildFrom(records);
  GraphBuilder b;
  for (const auto& r : records) b.AddRecord(r);
  CHECK(b.HasArticle("rome-forum.txt"));
  CHECK_FALSE(b.HasArticle("nowhere.txt"));
  CHECK(b.article_count() == records.size());
  b.AddRecord(records[0]);
  b.AddRecord(records[3]);
  KnowledgeGraph twice = b.Build();
  RequireSameGraph(once, twice);

  GraphBuilder c;
  c.AddGraph(once);
  c.AddGraph(once);
  RequireSameGraph(c.Build(), once);
}

TEST_CASE("merging is independent of order and grouping") {
  auto records = SampleRecords();
  records.push_back(OnePerson("a.txt", "Ali Khan", "Pakistan", "PAK"));
  records.push_back(OnePerson("c.txt", "Liaquat Ali Khan", "Pakistan", "PAK"));
  records.push_back(OnePerson("d.txt", "Sergey Lavrov", "Russian Federation", "RUS"));
  KnowledgeGraph expected = BuildFrom(records);
  CHECK(expected.articles().size() == records.size());

  std::mt19937 rng(20240601);
  for (int round = 0; round < 8; ++round) {
    std::shuffle(records.begin(), records.end(), rng);
    size_t cut1 = 1 + rng() % (records.size() - 2);
    size_t cut2 = cut1 + 1 + rng() % (records.size() - cut1 - 1);
    GraphBuilder shard1, shard2, shard3, total;
    for (size_t i = 0; i < cut1; ++i) shard1.AddRecord(records[i]);
    for (size_t i = cut1; i < cut2; ++i) shard2.AddRecord(records[i]);
    for (size_t i = cut2; i < records.size(); ++i) shard3.AddRecord(records[i]);
    // ((1 + 2) + 3) with the pair merged through a graph first.
    GraphBuilder pair;
    pair.AddGraph(shard2.Build());
    pair.AddGraph(shard1.Build());
    total.AddRecord(records[records.size() - 1]);
    total.AddGraph(shard3.Build());
    total.AddGraph(pair.Build());
    INFO("round " << round);
    RequireSameGraph(total.Build(), expected);
  }
}

TEST_CASE("symmetric relations are stored once, subject id first") {
  RecordMaker m("x.txt", "2024-02-02");
  auto fr = m.Entity("France", T::kCountry, "FRA");
  auto de = m.Entity("Germany", T::kCountry, "DEU");
  m.Triple(fr, Predicate::kMetWith, de, 0, "France met Germany.", 0.5);
  m.Triple(de, Predicate::kMetWith, fr, 30, "Germany met France again.", 0.5);
  m.Triple(fr, Predicate::kCriticizes, de, 60, "France criticized Germany.", 0.5);
  KnowledgeGraph g = BuildFrom({m.record()});
  CHECK(g.relation_count() == 2);
  const Relation* met = FindRelation(g, "country/DEU", Predicate::kMetWith, "country/FRA");
  REQUIRE(met);
  CHECK(met->evidence.size() == 2);
  CHECK(met->article_count == 1);
  CHECK(FindRelation(g, "country/FRA", Predicate::kCriticizes, "country/DEU"));
}

TEST_CASE("invalid UTF-8 in a record is repaired, not carried") {
  RecordMaker m("bad.txt", "2024-03-03");
  auto p = m.Entity("Ana P\xe9rez", T::kPerson);
  auto c = m.Entity("Chile", T::kCountry, "chl");
  m.Triple(p, Predicate::kHoldsPosition, c, 0, "Ana P\xe9rez leads.", 0.5);
  KnowledgeGraph g = BuildFrom({m.record()});
  REQUIRE(g.FindById("country/CHL"));
  for (size_t v = 0; v < g.entity_count(); ++v) CHECK(FindInvalidUtf8(g.entity(v).name) == std::string::npos);
}

TEST_CASE("an uncoded country name claimed by two codes joins neither, directly or through a graph") {
  auto one = OnePerson("one.txt", "Denis Sassou Nguesso", "Congo", "");
  auto two = OnePerson("two.txt", "Jean-Claude Gakosso", "Republic of the Congo", "COG");
  two.entities[1].mentions.push_back(TextSpan{0, 5, "Congo"});
  auto three = OnePerson("three.txt", "Felix Tshisekedi", "Democratic Republic of the Congo", "COD");
  three.entities[1].mentions.push_back(TextSpan{0, 5, "Congo"});

  KnowledgeGraph pair = BuildFrom({one, two});
  auto cog = pair.FindById("country/COG");
  REQUIRE(cog);
  CHECK(pair.entity(*cog).sightings.size() == 2);
  CHECK(pair.entity(*cog).sightings[0].code.empty());

  KnowledgeGraph all = BuildFrom({one, two, three});
  CHECK(all.FindById("country/congo"));
  GraphBuilder via_graph;
  via_graph.AddGraph(pair);
  via_graph.AddRecord(three);
  RequireSameGraph(via_graph.Build(), all);
}
