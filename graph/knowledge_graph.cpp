#include "graph/knowledge_graph.h"

#include <stdexcept>

namespace irkg {

std::optional<VertexId> KnowledgeGraph::FindById(const std::string& id) const {
  auto it = by_id_.find(id);
  if (it == by_id_.end()) return std::nullopt;
  return it->second;
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

}  // namespace irkg
