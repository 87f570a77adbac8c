#include "graph/knowledge_graph.h"

#include <algorithm>
#include <set>
#include <tuple>
#include <stdexcept>

namespace irkg {
namespace {

template <typename Field>
std::vector<std::string> Collect(const Relation& r, Field field) {
  std::set<std::string> values;
  for (const Evidence& e : r.evidence)
    if (const std::string* v = field(e); v && !v->empty()) values.insert(*v);
  return {values.begin(), values.end()};
}

}  // namespace

std::vector<std::string> Titles(const Relation& r) {
  return Collect(r, [](const Evidence& e) { return &e.title; });
}

std::vector<std::string> Dates(const Relation& r) {
  return Collect(r, [](const Evidence& e) { return e.date_from_text ? &e.date : nullptr; });
}

std::vector<std::string> Whats(const Relation& r) {
  return Collect(r, [](const Evidence& e) { return &e.what; });
}

std::string FirstSeen(const Relation& r) {
  std::string first;
  for (const Evidence& e : r.evidence)
    if (!e.date.empty() && (first.empty() || e.date < first)) first = e.date;
  return first;
}

std::string LastSeen(const Relation& r) {
  std::string last;
  for (const Evidence& e : r.evidence)
    if (!e.date.empty() && (last.empty() || e.date > last)) last = e.date;
  return last;
}

std::optional<VertexId> KnowledgeGraph::FindById(const std::string& id) const {
  auto it = by_id_.find(id);
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

VertexId KnowledgeGraph::AddEntity(Entity entity) {
  std::string id = entity.id;
  VertexId v = boost::add_vertex(std::move(entity), g_);
  if (!by_id_.emplace(std::move(id), v).second) throw std::logic_error("duplicate entity id " + g_[v].id);
  return v;
}

EdgeId KnowledgeGraph::AddRelation(VertexId subject, VertexId object, Relation relation) {
  return boost::add_edge(subject, object, std::move(relation), g_).first;
}

std::vector<EdgeId> EdgesInIdOrder(const KnowledgeGraph& graph) {
  std::vector<EdgeId> edges;
  for (auto [it, end] = boost::edges(graph.boost_graph()); it != end; ++it) edges.push_back(*it);
  auto key = [&](EdgeId e) {
    return std::tie(graph.entity(graph.source(e)).id, graph.relation(e).predicate, graph.entity(graph.target(e)).id);
  };
  std::stable_sort(edges.begin(), edges.end(), [&](EdgeId a, EdgeId b) { return key(a) < key(b); });
  return edges;
}

}  // namespace irkg
