// Questions about how entities connect: which entity a user's name means,
// and the shortest chain of relations between two entities (edges taken in
// either direction, since "A criticizes B" links B to A as well).
//
// Only breadth-first search exists yet; PathOptions is where filters (by
// predicate, by confidence, by evidence), several paths (k shortest) and
// weighted ("reliable") paths will go.
#pragma once

#include <string_view>
#include <vector>

#include "core/status.h"
#include "graph/knowledge_graph.h"

namespace irkg {

// An entity id ("country/AZE"), else the one entity whose name or alias has
// the same NameKey ("turkiye" finds country/TUR); when several do, the one
// of them whose canonical name it is. Otherwise an error: ambiguous (listing
// the candidates) or unknown ("no entity named 'X'; did you mean: A, B?").
Result<VertexId> ResolveEntity(const KnowledgeGraph& graph, std::string_view name);

struct PathOptions {
  int max_hops = 6;
};

struct PathHop {
  EdgeId edge;
  bool forward;  // walked from the relation's subject to its object
};

// vertices[i] and vertices[i + 1] are joined by hops[i].
struct Path {
  std::vector<VertexId> vertices;
  std::vector<PathHop> hops;
};

// A shortest path from `from` to `to`; among equally short ones, the one
// through the smallest neighbour ids, so the answer is stable. NotFound when
// no path has at most options.max_hops hops.
Result<Path> ShortestPath(const KnowledgeGraph& graph, VertexId from, VertexId to, const PathOptions& options = {});

}  // namespace irkg
