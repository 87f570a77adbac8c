// ShortestPath and KShortestPaths (fewest hops) checked against
// straightforward references on many small random graphs, with filters:
// ShortestPath must give exactly the path of the plain breadth-first search
// it replaced, and KShortestPaths the k first simple paths by (hops, entity
// ids) among all of them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <numeric>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "queries/path_query.h"

using namespace irkg;

namespace {

// Random multigraphs built directly, so that vertex order is not id order
// (ids are shuffled): parallel relations with other predicates or the other
// way round, symmetric predicates stored once (subject id < object id, as
// GraphBuilder does), random types, confidences and dates for the filters.
KnowledgeGraph RandomGraph(std::mt19937& rng, int entities, int relations) {
  const EntityType types[] = {EntityType::kPerson, EntityType::kCountry, EntityType::kOrganization};
  const Predicate predicates[] = {Predicate::kMetWith,   Predicate::kCooperatesWith, Predicate::kCriticizes,
                                  Predicate::kSupports, Predicate::kVisited,         Predicate::kDiplomaticRelations};
  const char* dates[] = {"", "2021", "2022-03", "2023-06-12", "2024"};
  std::vector<int> order(entities);
  std::iota(order.begin(), order.end(), 0);
  std::shuffle(order.begin(), order.end(), rng);
  KnowledgeGraph g;
  for (int i = 0; i < entities; ++i) {
    Entity e;
    e.id = "e/" + std::to_string(order[i]);
    e.name = "Entity " + std::to_string(order[i]);
    e.type = types[rng() % 3];
    g.AddEntity(std::move(e));
  }
  std::set<std::tuple<VertexId, Predicate, VertexId>> have;
  for (int i = 0; i < relations; ++i) {
    VertexId s = rng() % entities, o = rng() % entities;
    Predicate p = predicates[rng() % 6];
    if (s == o) continue;
    if (Info(p).symmetric && g.entity(o).id < g.entity(s).id) std::swap(s, o);
    if (!have.emplace(s, p, o).second) continue;
    Relation r;
    r.predicate = p;
    r.confidence = static_cast<double>(rng() % 100) / 100.0;
    Evidence e;
    e.date = dates[rng() % 5];
    e.confidence = r.confidence;
    r.evidence.push_back(e);
    g.AddRelation(s, o, std::move(r));
  }
  return g;
}

QueryFilter RandomFilter(std::mt19937& rng) {
  QueryFilter f;
  if (rng() % 3 == 0) f.predicates = {Predicate::kMetWith, Predicate::kCriticizes, Predicate::kVisited};
  if (rng() % 3 == 0) f.types = {EntityType::kPerson, EntityType::kOrganization};
  if (rng() % 4 == 0) f.since = "2022";
  if (rng() % 4 == 0) f.until = "2023-06";
  if (rng() % 4 == 0) f.min_confidence = 0.3;
  return f;
}

// The relations ShortestPath may take from v, by (neighbour id, predicate,
// forward first): `from` and `to` are admitted whatever their type.
std::vector<std::pair<VertexId, PathHop>> Steps(const KnowledgeGraph& g, VertexId v, VertexId from, VertexId to,
                                                const QueryFilter& filter) {
  std::vector<std::pair<VertexId, PathHop>> steps;
  auto consider = [&](EdgeId e, VertexId w, bool forward) {
    if (w != from && w != to && !filter.Admits(g.entity(w))) return;
    if (filter.Admits(g.relation(e))) steps.push_back({w, PathHop{e, forward}});
  };
  g.ForEachIncident(v, consider);
  auto key = [&](const std::pair<VertexId, PathHop>& s) {
    return std::make_tuple(std::cref(g.entity(s.first).id), g.relation(s.second.edge).predicate, !s.second.forward);
  };
  std::sort(steps.begin(), steps.end(), [&](const auto& a, const auto& b) { return key(a) < key(b); });
  return steps;
}

// The ShortestPath of old: breadth-first from `from`, each vertex's
// neighbours in Steps() order, a vertex keeping the first way it was reached.
std::optional<Path> ReferencePath(const KnowledgeGraph& g, VertexId from, VertexId to, const PathOptions& options) {
  std::vector<bool> seen(g.entity_count(), false);
  std::vector<std::pair<VertexId, PathHop>> parent(g.entity_count());
  std::vector<VertexId> layer{from};
  seen[from] = true;
  for (int h = 0; h < options.max_hops && !seen[to]; ++h) {
    std::vector<VertexId> next;
    for (VertexId v : layer)
      for (const auto& [w, hop] : Steps(g, v, from, to, options.filter))
        if (!seen[w]) {
          seen[w] = true;
          parent[w] = {v, hop};
          next.push_back(w);
        }
    layer = std::move(next);
  }
  if (!seen[to]) return std::nullopt;
  Path path;
  for (VertexId v = to; v != from; v = parent[v].first) {
    path.vertices.push_back(v);
    path.hops.push_back(parent[v].second);
  }
  path.vertices.push_back(from);
  std::reverse(path.vertices.begin(), path.vertices.end());
  std::reverse(path.hops.begin(), path.hops.end());
  return path;
}

// Every simple path within max_hops as its entities, best first: fewer
// hops, then the smaller sequence of entity ids.
std::vector<std::vector<VertexId>> AllPaths(const KnowledgeGraph& g, VertexId from, VertexId to,
                                            const PathOptions& options) {
  std::vector<std::vector<VertexId>> paths;
  std::vector<VertexId> walk{from};
  std::function<void(VertexId)> extend = [&](VertexId v) {
    if (v == to) {
      paths.push_back(walk);
      return;
    }
    if (static_cast<int>(walk.size()) > options.max_hops) return;
    for (const auto& [w, hop] : Steps(g, v, from, to, options.filter)) {
      if (std::find(walk.begin(), walk.end(), w) != walk.end()) continue;
      walk.push_back(w);
      extend(w);
      walk.pop_back();
    }
  };
  extend(from);
  auto key = [&](const std::vector<VertexId>& p) {
    std::vector<std::string_view> ids;
    for (VertexId v : p) ids.push_back(g.entity(v).id);
    return std::make_pair(p.size(), ids);
  };
  std::sort(paths.begin(), paths.end(), [&](const auto& a, const auto& b) { return key(a) < key(b); });
  paths.erase(std::unique(paths.begin(), paths.end()), paths.end());  // parallel relations
  return paths;
}

bool SameHops(const std::vector<PathHop>& a, const std::vector<PathHop>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const PathHop& x, const PathHop& y) { return x.edge == y.edge && x.forward == y.forward; });
}

}  // namespace

TEST_CASE("ShortestPath gives the reference breadth-first path on random graphs") {
  std::mt19937 rng(2026);
  int found = 0, missing = 0;
  for (int round = 0; round < 1500; ++round) {
    const int entities = 2 + static_cast<int>(rng() % 30);
    KnowledgeGraph g = RandomGraph(rng, entities, static_cast<int>(rng() % (3 * entities)));
    PathOptions options;
    options.filter = RandomFilter(rng);
    options.max_hops = static_cast<int>(rng() % 8);
    for (int query = 0; query < 8; ++query) {
      VertexId from = rng() % g.entity_count(), to = rng() % g.entity_count();
      INFO("round " << round << ", " << g.entity(from).id << " -> " << g.entity(to).id << ", max hops "
                    << options.max_hops);
      auto expected = ReferencePath(g, from, to, options);
      auto path = ShortestPath(g, from, to, options);
      if (!expected) {
        CHECK(path.status().code() == Status::Code::kNotFound);
        ++missing;
        continue;
      }
      REQUIRE(path.ok());
      CHECK(path->vertices == expected->vertices);
      CHECK(SameHops(path->hops, expected->hops));
      ++found;
    }
  }
  CHECK(found > 3000);
  CHECK(missing > 1000);
}

TEST_CASE("ShortestPath gives the reference path on larger sparse graphs, where paths are long") {
  std::mt19937 rng(99);
  int found = 0;
  for (int round = 0; round < 6; ++round) {
    KnowledgeGraph g = RandomGraph(rng, 2000, 2600 + 400 * round);
    PathOptions options;
    options.max_hops = 40;
    if (round % 2) options.filter = RandomFilter(rng);
    for (int query = 0; query < 40; ++query) {
      VertexId from = rng() % g.entity_count(), to = rng() % g.entity_count();
      INFO("round " << round << ", " << g.entity(from).id << " -> " << g.entity(to).id);
      auto expected = ReferencePath(g, from, to, options);
      auto path = ShortestPath(g, from, to, options);
      REQUIRE(path.ok() == expected.has_value());
      if (!expected) continue;
      CHECK(path->vertices == expected->vertices);
      CHECK(SameHops(path->hops, expected->hops));
      ++found;
    }
  }
  CHECK(found > 100);
}

TEST_CASE("KShortestPaths gives the first simple paths by hops, then ids") {
  std::mt19937 rng(4);
  int compared = 0;
  for (int round = 0; round < 400; ++round) {
    const int entities = 2 + static_cast<int>(rng() % 9);
    KnowledgeGraph g = RandomGraph(rng, entities, static_cast<int>(rng() % (3 * entities)));
    PathOptions options;
    options.filter = RandomFilter(rng);
    options.max_hops = static_cast<int>(rng() % 6);
    options.k = 1 + static_cast<int>(rng() % 6);
    VertexId from = rng() % g.entity_count(), to = rng() % g.entity_count();
    INFO("round " << round << ", k " << options.k << ", max hops " << options.max_hops);
    auto expected = AllPaths(g, from, to, options);
    auto paths = KShortestPaths(g, from, to, options);
    if (expected.empty()) {
      CHECK(paths.status().code() == Status::Code::kNotFound);
      continue;
    }
    REQUIRE(paths.ok());
    expected.resize(std::min<size_t>(expected.size(), options.k));
    std::vector<std::vector<VertexId>> got;
    for (const Path& p : *paths) got.push_back(p.vertices);
    CHECK(got == expected);
    // Between two entities, the first admitted relation in (predicate, forward first) order.
    for (const Path& p : *paths)
      for (size_t h = 0; h < p.hops.size(); ++h) {
        auto steps = Steps(g, p.vertices[h], from, to, options.filter);
        auto first = std::find_if(steps.begin(), steps.end(), [&](const auto& s) { return s.first == p.vertices[h + 1]; });
        REQUIRE(first != steps.end());
        CHECK(SameHops({p.hops[h]}, {first->second}));
      }
    ++compared;
  }
  CHECK(compared > 150);
}
