// Finding an entity the way a user names it, for every command that takes
// one (path and neighbourhood queries, timelines, explain, a diagram's focus).
#pragma once

#include <string_view>

#include "core/status.h"
#include "graph/knowledge_graph.h"

namespace irkg {

// An entity id ("country/AZE"), else the one entity whose name or alias has
// the same NameKey ("turkiye" finds country/TUR); when several do, the one
// of them whose canonical name it is. Otherwise an error: ambiguous (listing
// the candidates) or unknown ("no entity named 'X'; did you mean: A, B?").
Result<VertexId> ResolveEntity(const KnowledgeGraph& graph, std::string_view name);

}  // namespace irkg
