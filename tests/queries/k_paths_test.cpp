// KShortestPaths and the reliable search checked against brute force: on
// small random multigraphs, every simple path within the hop limit is
// enumerated, and the costs of the best k must be what the queries return.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <random>
#include <set>

#include "graph/graph_builder.h"
#include "queries/path_query.h"
#include "tests/graph/test_graphs.h"

using namespace irkg;
using namespace irkg::testing;

namespace {

KnowledgeGraph RandomGraph(std::mt19937& rng, int entities, int relations) {
  RecordMaker m("random.txt", "2024-01-01");
  std::vector<std::string> ids;
  for (int i = 0; i < entities; ++i) ids.push_back(m.Entity("Body " + std::to_string(i), EntityType::kOrganization));
  const Predicate predicates[] = {Predicate::kMetWith, Predicate::kSupports, Predicate::kCriticizes};
  for (int r = 0; r < relations; ++r) {
    int a = static_cast<int>(rng() % entities), b = static_cast<int>(rng() % entities);
    if (a == b) continue;
    double confidence = 0.05 + 0.9 * static_cast<double>(rng() % 1000) / 1000.0;
    m.Triple(ids[a], predicates[rng() % 3], ids[b], static_cast<uint32_t>(r * 10), "Sentence " + std::to_string(r) + ".",
             confidence);
  }
  GraphBuilder builder;
  builder.AddRecord(m.record());
  return builder.Build();
}

// The cost of every simple path (as a sequence of entities) from `from` to
// `to` within max_hops, taking between two entities their best relation.
std::vector<double> AllPathCosts(const KnowledgeGraph& g, VertexId from, VertexId to, int max_hops, bool reliable) {
  const size_t n = g.entity_count();
  std::map<std::pair<VertexId, VertexId>, double> best;  // lightest relation between two entities
  for (EdgeId e : EdgesInIdOrder(g)) {
    double w = reliable ? -std::log(g.relation(e).confidence) : 1.0;
    for (auto key : {std::make_pair(g.source(e), g.target(e)), std::make_pair(g.target(e), g.source(e))}) {
      auto it = best.find(key);
      if (it == best.end() || w < it->second) best[key] = w;
    }
  }
  std::vector<double> costs;
  std::vector<bool> on_path(n, false);
  std::function<void(VertexId, int, double)> walk = [&](VertexId v, int hops, double cost) {
    if (v == to) {
      costs.push_back(cost);
      return;
    }
    if (hops == max_hops) return;
    on_path[v] = true;
    for (VertexId w = 0; w < n; ++w) {
      auto it = best.find({v, w});
      if (it != best.end() && !on_path[w]) walk(w, hops + 1, cost + it->second);
    }
    on_path[v] = false;
  };
  walk(from, 0, 0.0);
  std::sort(costs.begin(), costs.end());
  return costs;
}

double CostOf(const KnowledgeGraph& g, const Path& p, bool reliable) {
  return reliable ? -std::log(Reliability(g, p)) : static_cast<double>(p.hops.size());
}

}  // namespace

TEST_CASE("k best paths match brute force on random multigraphs") {
  std::mt19937 rng(7);
  int compared = 0;
  for (int round = 0; round < 60; ++round) {
    KnowledgeGraph g = RandomGraph(rng, 8, 14);
    VertexId from = rng() % g.entity_count(), to = rng() % g.entity_count();
    for (bool reliable : {false, true}) {
      PathOptions options;
      options.reliable = reliable;
      options.max_hops = 1 + static_cast<int>(rng() % 5);
      options.k = 6;
      std::vector<double> expected = AllPathCosts(g, from, to, options.max_hops, reliable);
      auto paths = KShortestPaths(g, from, to, options);
      INFO("round " << round << (reliable ? " reliable" : " fewest hops") << ", max hops " << options.max_hops);
      if (expected.empty()) {
        CHECK(paths.status().code() == Status::Code::kNotFound);
        continue;
      }
      REQUIRE(paths.ok());
      REQUIRE(paths->size() == std::min<size_t>(expected.size(), 6));
      std::set<std::vector<VertexId>> distinct;
      for (size_t i = 0; i < paths->size(); ++i) {
        const Path& p = (*paths)[i];
        CHECK(CostOf(g, p, reliable) == Approx(expected[i]).margin(1e-9));
        CHECK(static_cast<int>(p.hops.size()) <= options.max_hops);
        CHECK(p.vertices.front() == from);
        CHECK(p.vertices.back() == to);
        std::set<VertexId> once(p.vertices.begin(), p.vertices.end());
        CHECK(once.size() == p.vertices.size());
        for (size_t h = 0; h < p.hops.size(); ++h) {
          const PathHop& hop = p.hops[h];
          CHECK(g.source(hop.edge) == (hop.forward ? p.vertices[h] : p.vertices[h + 1]));
          CHECK(g.target(hop.edge) == (hop.forward ? p.vertices[h + 1] : p.vertices[h]));
        }
        distinct.insert(p.vertices);
      }
      CHECK(distinct.size() == paths->size());
      auto one = ShortestPath(g, from, to, options);
      REQUIRE(one.ok());
      CHECK(CostOf(g, *one, reliable) == Approx(expected[0]).margin(1e-9));
      ++compared;
    }
  }
  CHECK(compared > 40);
}

TEST_CASE("neighbors lists the ego network and the relations among it") {
  std::mt19937 rng(11);
  KnowledgeGraph g = RandomGraph(rng, 10, 14);
  for (VertexId center = 0; center < g.entity_count(); ++center) {
    for (int depth = 0; depth <= 3; ++depth) {
      auto net = Neighbors(g, center, depth);
      REQUIRE(net.ok());
      CHECK(net->vertices.front() == center);
      for (size_t i = 0; i < net->vertices.size(); ++i) {
        PathOptions options;
        options.max_hops = depth;
        auto p = ShortestPath(g, center, net->vertices[i], options);
        REQUIRE(p.ok());
        CHECK(static_cast<int>(p->hops.size()) == net->distance[i]);
      }
      std::set<VertexId> in(net->vertices.begin(), net->vertices.end());
      size_t among = 0;
      for (EdgeId e : EdgesInIdOrder(g))
        if (in.count(g.source(e)) && in.count(g.target(e))) ++among;
      CHECK(net->edges.size() == among);
      size_t reachable = 0;
      for (VertexId v = 0; v < g.entity_count(); ++v) {
        PathOptions options;
        options.max_hops = depth;
        if (ShortestPath(g, center, v, options).ok()) ++reachable;
      }
      CHECK(net->vertices.size() == reachable);
    }
  }
}
