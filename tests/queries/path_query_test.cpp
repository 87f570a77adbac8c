#include <catch2/catch.hpp>

#include "graph/graph_builder.h"
#include "queries/path_query.h"
#include "tests/graph/test_graphs.h"

using namespace irkg;
using namespace irkg::testing;

namespace {

KnowledgeGraph SampleGraph() {
  GraphBuilder b;
  for (const auto& r : SampleRecords()) b.AddRecord(r);
  return b.Build();
}

std::string IdOf(const KnowledgeGraph& g, std::string_view name) {
  auto v = ResolveEntity(g, name);
  INFO(v.status().message());
  REQUIRE(v.ok());
  return g.entity(*v).id.str();
}

std::string ErrorOf(const KnowledgeGraph& g, std::string_view name) {
  auto v = ResolveEntity(g, name);
  REQUIRE_FALSE(v.ok());
  return v.status().message();
}

}  // namespace

TEST_CASE("names resolve by id, by name and by alias") {
  KnowledgeGraph g = SampleGraph();
  CHECK(IdOf(g, "country/AZE") == "country/AZE");
  CHECK(IdOf(g, "turkiye") == "country/TUR");
  CHECK(IdOf(g, "TURKEY") == "country/TUR");
  CHECK(IdOf(g, "Zarif") == "person/mohammad-javad-zarif");
  CHECK(IdOf(g, "sergey lavrov") == "person/sergei-lavrov");
  CHECK(IdOf(g, "the Trans-Anatolian Pipeline") == "project/trans-anatolian-pipeline");
}

TEST_CASE("an ambiguous name lists its candidates") {
  KnowledgeGraph g = SampleGraph();
  CHECK(ErrorOf(g, "Khalafov") ==
        "'Khalafov' is ambiguous: Khalafov (person/khalafov--baku-ties-txt), Khalafov (person/khalafov--rome-forum-txt); "
        "name one by its id");
  CHECK(IdOf(g, "person/khalafov--rome-forum-txt") == "person/khalafov--rome-forum-txt");
}

TEST_CASE("an unknown name suggests near ones") {
  KnowledgeGraph g = SampleGraph();
  CHECK(ErrorOf(g, "Lavrof") == "no entity named 'Lavrof'; did you mean: Sergei Lavrov?");
  CHECK(ErrorOf(g, "Azerbajan") == "no entity named 'Azerbajan'; did you mean: Azerbaijan?");
  CHECK(ErrorOf(g, "Atlantis Federation") == "no entity named 'Atlantis Federation'");
  auto unknown = ResolveEntity(g, "Lavrof");
  CHECK(unknown.status().code() == Status::Code::kNotFound);
}

TEST_CASE("the shortest path walks relations in either direction") {
  KnowledgeGraph g = SampleGraph();
  VertexId iran = *ResolveEntity(g, "Iran");
  VertexId russia = *ResolveEntity(g, "Russia");
  auto path = ShortestPath(g, iran, russia);
  INFO(path.status().message());
  REQUIRE(path.ok());
  REQUIRE(path->hops.size() == 2);
  REQUIRE(path->vertices.size() == 3);
  CHECK(g.entity(path->vertices[1]).id == "person/mohammad-javad-zarif");
  CHECK(g.relation(path->hops[0].edge).predicate == Predicate::kHoldsPosition);
  CHECK_FALSE(path->hops[0].forward);
  CHECK(g.relation(path->hops[1].edge).predicate == Predicate::kVisited);
  CHECK(path->hops[1].forward);

  auto same = ShortestPath(g, iran, iran);
  REQUIRE(same.ok());
  CHECK(same->hops.empty());
  CHECK(same->vertices == std::vector<VertexId>{iran});
}

TEST_CASE("no path, or none short enough, is NotFound") {
  KnowledgeGraph g = SampleGraph();
  VertexId iran = *ResolveEntity(g, "Iran");
  VertexId russia = *ResolveEntity(g, "Russia");
  VertexId italy = *ResolveEntity(g, "Italy");
  PathOptions one_hop;
  one_hop.max_hops = 1;
  auto too_short = ShortestPath(g, iran, russia, one_hop);
  REQUIRE_FALSE(too_short.ok());
  CHECK(too_short.status().code() == Status::Code::kNotFound);
  CHECK(too_short.status().message() == "no path between 'Iran' and 'Russia' within 1 hops");
  auto apart = ShortestPath(g, iran, italy);
  REQUIRE_FALSE(apart.ok());
  CHECK(apart.status().code() == Status::Code::kNotFound);

  VertexId azerbaijan = *ResolveEntity(g, "Azerbaijan");
  auto across = ShortestPath(g, italy, *ResolveEntity(g, "Türkiye"));
  REQUIRE(across.ok());
  CHECK(across->vertices == std::vector<VertexId>{italy, azerbaijan, *ResolveEntity(g, "Turkey")});
}
