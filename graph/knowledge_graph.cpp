#include "graph/knowledge_graph.h"

#include <algorithm>
#include <tuple>
#include <stdexcept>

namespace irkg {
namespace {

template <typename Field>
std::vector<Symbol> Collect(const Relation& r, Field field) {
  std::vector<Symbol> values;
  for (const Evidence& e : r.evidence)
    if (const Symbol* v = field(e); v && !v->empty()) values.push_back(*v);
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  return values;
}

}  // namespace

std::vector<Symbol> Titles(const Relation& r) {
  return Collect(r, [](const Evidence& e) { return &e.title; });
}

std::vector<Symbol> Dates(const Relation& r) {
  return Collect(r, [](const Evidence& e) { return e.date_from_text ? &e.date : nullptr; });
}

std::vector<Symbol> Whats(const Relation& r) {
  return Collect(r, [](const Evidence& e) { return &e.what; });
}

Symbol FirstSeen(const Relation& r) {
  Symbol first;
  for (const Evidence& e : r.evidence)
    if (!e.date.empty() && (first.empty() || e.date < first)) first = e.date;
  return first;
}

Symbol LastSeen(const Relation& r) {
  Symbol last;
  for (const Evidence& e : r.evidence)
    if (!e.date.empty() && (last.empty() || e.date > last)) last = e.date;
  return last;
}

std::optional<VertexId> KnowledgeGraph::FindById(std::string_view id) const {
  std::optional<Symbol> symbol = Symbol::Find(id);
  if (!symbol) return std::nullopt;
  auto it = by_id_.find(*symbol);
  if (it == by_id_.end()) return std::nullopt;
  return it->second;
}

void KnowledgeGraph::Reserve(size_t entities, size_t relations) {
  g_.m_vertices.reserve(entities);
  g_.m_edges.reserve(relations);
  by_id_.reserve(entities);
}

void KnowledgeGraph::Compact() {
  for (auto& stored : g_.m_vertices) {
    stored.m_out_edges.shrink_to_fit();
    stored.m_in_edges.shrink_to_fit();
  }
}

// Boost 1.74 copies the property given to add_vertex and add_edge (twice
// for an edge); an entity's sightings and a relation's evidence are moved
// into a default one instead.
VertexId KnowledgeGraph::AddEntity(Entity entity) {
  Symbol id = entity.id;
  VertexId v = boost::add_vertex(g_);
  g_[v] = std::move(entity);
  if (!by_id_.emplace(id, v).second) throw std::logic_error("duplicate entity id " + id.str());
  return v;
}

EdgeId KnowledgeGraph::AddRelation(VertexId subject, VertexId object, Relation relation) {
  EdgeId e = boost::add_edge(subject, object, g_).first;
  g_[e] = std::move(relation);
  return e;
}

std::vector<VertexId> EntitiesInIdOrder(const KnowledgeGraph& graph) {
  std::vector<VertexId> vertices;
  vertices.reserve(graph.entity_count());
  graph.ForEachEntity([&](VertexId v, const Entity&) { vertices.push_back(v); });
  std::sort(vertices.begin(), vertices.end(),
            [&](VertexId a, VertexId b) { return graph.entity(a).id < graph.entity(b).id; });
  return vertices;
}

std::vector<EdgeId> EdgesInIdOrder(const KnowledgeGraph& graph) {
  std::vector<EdgeId> edges;
  edges.reserve(graph.relation_count());
  graph.ForEachRelation([&](EdgeId e, const Relation&) { edges.push_back(e); });
  auto key = [&](EdgeId e) {
    return std::tie(graph.entity(graph.source(e)).id, graph.relation(e).predicate, graph.entity(graph.target(e)).id);
  };
  std::stable_sort(edges.begin(), edges.end(), [&](EdgeId a, EdgeId b) { return key(a) < key(b); });
  return edges;
}

}  // namespace irkg
