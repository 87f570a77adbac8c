// BreadthFirst: the one breadth-first walk over a graph's entities, by hop
// count. Its users differ in which steps they admit (filters, bans) and where
// they mark what they have reached (a query's reusable scratch space, a
// diagram's distance table), so those two are theirs to give.
#pragma once

#include <vector>

#include "graph/knowledge_graph.h"

namespace irkg {

// Widens `reached` layer by layer up to `max_hops` hops. On entry `reached`
// holds the sources and `hops` their hop counts (0), the sources already
// marked. `for_each_step(v, visit)` calls `visit(w)` for each entity one
// admitted step from v; `first_reach(w, hops)` marks w and returns true the
// first time w is reached, false afterwards. Each newly reached entity is
// appended with its hop count, so `reached` ends in breadth-first order.
template <typename ForEachStep, typename FirstReach>
void BreadthFirst(std::vector<VertexId>* reached, std::vector<int>* hops, int max_hops, ForEachStep&& for_each_step,
                  FirstReach&& first_reach) {
  for (size_t i = 0; i < reached->size() && (*hops)[i] < max_hops; ++i) {
    const int next = (*hops)[i] + 1;
    for_each_step((*reached)[i], [&](VertexId w) {
      if (!first_reach(w, next)) return;
      reached->push_back(w);
      hops->push_back(next);
    });
  }
}

}  // namespace irkg
