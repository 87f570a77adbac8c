// Why an entity is what it is: which names and mentions entity resolution
// (graph/entity_resolver.h) merged into it and by which rule, and which
// observations looked like it but were kept apart, with the reason. The
// graph keeps every observation, so resolution is redone from it with its
// reasons recorded; the answer is what built the graph.
#pragma once

#include <string>
#include <vector>

#include "graph/knowledge_graph.h"

namespace irkg {

// One observation: a name as one article gave it.
struct ObservedName {
  Symbol name;
  Symbol article;
};

struct ResolutionExplanation {
  struct Merge {
    ObservedName joined;  // joined the entity...
    ObservedName with;    // ...through this observation of it
    std::string rule;
  };
  struct KeptApart {
    ObservedName own;     // an observation of the entity
    ObservedName other;   // one that stayed out
    Symbol other_entity;  // the id of the entity it belongs to
    std::string reason;
  };
  std::vector<Merge> merges;
  std::vector<KeptApart> kept_apart;
};

ResolutionExplanation ExplainEntity(const KnowledgeGraph& graph, VertexId entity);

}  // namespace irkg
