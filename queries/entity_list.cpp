#include "queries/entity_list.h"

#include <algorithm>
#include <string>

#include "core/text.h"

namespace irkg {

std::vector<ListedEntity> ListEntities(const KnowledgeGraph& graph, std::optional<EntityType> type,
                                       std::string_view search) {
  const std::string key = NameKey(search);
  auto matches = [&](const Entity& e) {
    if (key.empty()) return true;
    if (NameKey(e.name).find(key) != std::string::npos || NameKey(e.id).find(key) != std::string::npos) return true;
    return std::any_of(e.aliases.begin(), e.aliases.end(),
                       [&](Symbol alias) { return NameKey(alias).find(key) != std::string::npos; });
  };
  std::vector<ListedEntity> listed;
  for (VertexId v = 0; v < graph.entity_count(); ++v) {
    const Entity& e = graph.entity(v);
    if ((!type || e.type == *type) && matches(e)) listed.push_back({v, graph.degree(v)});
  }
  std::sort(listed.begin(), listed.end(), [&](const ListedEntity& a, const ListedEntity& b) {
    if (a.degree != b.degree) return a.degree > b.degree;
    return graph.entity(a.vertex).id < graph.entity(b.vertex).id;
  });
  return listed;
}

}  // namespace irkg
