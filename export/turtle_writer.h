// Turtle: the same triples as N-Triples (rdf_graph.h), readable: @prefix
// lines for the vocabularies, one block per subject with ';', numbers and
// booleans in their short forms.
#pragma once

#include "core/output_file.h"
#include "core/status.h"
#include "graph/knowledge_graph.h"

namespace irkg {

// Streams the graph into `out`; the caller commits it.
Status WriteTurtle(const KnowledgeGraph& graph, OutputFile& out);

}  // namespace irkg
