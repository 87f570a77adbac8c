#include "queries/resolution_explanation.h"

#include <map>
#include <tuple>

#include "graph/graph_builder.h"

namespace irkg {
namespace {

// The entity of the graph that holds each observation (type, article, name).
using SightingIndex = std::map<std::tuple<EntityType, Symbol, Symbol>, VertexId>;

SightingIndex IndexSightings(const KnowledgeGraph& graph) {
  SightingIndex index;
  graph.ForEachEntity([&](VertexId v, const Entity& e) {
    if (e.sightings.empty()) index.emplace(std::tuple{e.type, Symbol(), e.name}, v);
    for (const Sighting& s : e.sightings) index.emplace(std::tuple{e.type, s.article, s.name}, v);
  });
  return index;
}

}  // namespace

ResolutionExplanation ExplainEntity(const KnowledgeGraph& graph, VertexId entity) {
  GraphBuilder builder;
  builder.AddGraph(graph);
  const ResolutionReport report = builder.ExplainResolution();
  const SightingIndex index = IndexSightings(graph);
  auto observed = [&](size_t i) { return ObservedName{report.observations[i].name, report.observations[i].article}; };
  auto vertex_of = [&](size_t i) -> std::optional<VertexId> {
    const NameObservation& o = report.observations[i];
    auto it = index.find(std::tuple{o.type, o.article, o.name});
    if (it == index.end()) return std::nullopt;
    return it->second;
  };

  ResolutionExplanation out;
  for (const ResolutionLink& link : report.resolution.links)
    if (vertex_of(link.from) == entity)
      out.merges.push_back({observed(link.from), observed(link.to), std::string(ResolutionRuleName(link.rule))});
  for (const NearMiss& miss : report.resolution.near_misses) {
    auto other = vertex_of(miss.candidate);
    if (vertex_of(miss.observation) != entity || !other || *other == entity) continue;
    out.kept_apart.push_back({observed(miss.observation), observed(miss.candidate), graph.entity(*other).id, miss.reason});
  }
  return out;
}

}  // namespace irkg
