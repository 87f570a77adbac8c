// WriteDot: a diagram of a knowledge graph as Graphviz DOT text, with every
// style attribute in place, so that `dot -Tsvg`, `neato -Tpng` and friends
// draw the same picture `irkg` renders itself (renderer.h).
#pragma once

#include "core/output_file.h"
#include "core/status.h"
#include "export/diagram.h"
#include "graph/knowledge_graph.h"

namespace irkg {

// Writes the diagram that `options` selects to `out`; the caller commits.
Status WriteDot(const KnowledgeGraph& graph, const DiagramOptions& options, OutputFile& out);

}  // namespace irkg
