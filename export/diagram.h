// Diagrams of a knowledge graph: which part of the graph to draw
// (DiagramOptions, SelectForDiagram) and the Graphviz graph that draws it
// (BuildDiagram).
//
// BuildDiagram is the one place where a diagram's look is decided: DOT
// export (dot_writer.h) and rendering to SVG/PNG/PDF (renderer.h) both go
// through it, so a diagram looks the same whichever way it leaves irkg.
// Nodes are named by entity id, so the DOT text of a graph is stable from
// one run to the next.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/schema.h"
#include "core/status.h"
#include "export/graphviz.h"
#include "graph/knowledge_graph.h"

namespace irkg {

struct DiagramOptions {
  // Entities to centre the diagram on, each given by entity id, name or
  // alias. Empty: the whole graph, subject to the filters below.
  std::vector<std::string> focus;
  // With focus: how many relations away from a focus entity to go,
  // following relations in either direction. 0 draws the focus alone.
  int depth = 1;
  // Predicates to draw; empty means all. Entities left without any drawn
  // relation are then left out too (focus entities excepted).
  std::vector<Predicate> predicates;
  // Entity types to draw; empty means all. Focus entities are drawn
  // whatever their type.
  std::vector<EntityType> types;
  // At most this many entities; 0 means no limit. Focus entities are kept
  // first, then the entities nearest to them, then the most connected
  // (ties by id).
  size_t max_nodes = 0;
  // Printed above the diagram when not empty.
  std::string title;
  // A key to the entity colours and relation line colours drawn, under the
  // title.
  bool legend = true;
  // Entities without any drawn relation are left out unless this is set:
  // a diagram is about relations, and lone names crowd them out.
  bool include_isolated = false;
};

// The part of the graph a diagram draws.
struct DiagramSelection {
  std::vector<VertexId> vertices;  // ordered by entity id
  std::vector<EdgeId> edges;       // ordered by (subject id, predicate, object id)
};

// Fails with NotFound when a focus entry names no entity, InvalidInput when
// a name fits several entities, Usage when depth is negative.
Result<DiagramSelection> SelectForDiagram(const KnowledgeGraph& graph, const DiagramOptions& options);

// The selection as a Graphviz graph with every attribute that styles it,
// ready for agwrite or gvLayout/gvRender.
Result<gv::Graph> BuildDiagram(const KnowledgeGraph& graph, const DiagramOptions& options);

// How an entity type is drawn: Graphviz shape and style, fill and border
// colour ("#RRGGBB"). The interactive viewer (viewer.h) takes its colours
// from here too, so a graph looks alike in both.
struct TypeStyle {
  std::string_view shape;
  std::string_view style;
  std::string_view fill;
  std::string_view border;
};
const TypeStyle& StyleOf(EntityType type);

// How a predicate family is drawn: its name in the legend, the colour of
// its lines and of their labels.
struct FamilyStyle {
  std::string_view name;
  std::string_view line;
  std::string_view text;
};
const FamilyStyle& StyleOf(PredicateFamily family);

}  // namespace irkg
