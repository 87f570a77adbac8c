// Listing and searching entities: every entity of a type, or those whose
// name or alias contains a text (compared by NameKey), with their degree
// (relations in either direction), most connected first.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/schema.h"
#include "graph/knowledge_graph.h"

namespace irkg {

struct ListedEntity {
  VertexId vertex;
  size_t degree = 0;
};

// By degree (highest first), then id.
std::vector<ListedEntity> ListEntities(const KnowledgeGraph& graph, std::optional<EntityType> type,
                                       std::string_view search = {});

}  // namespace irkg
