// GraphML for network-analysis tools (NetworkX, igraph, Gephi, yEd): one
// <node> per entity, declared before any <edge>, one directed <edge> per
// relation, with typed <key>s so numbers arrive as numbers.
#pragma once

#include "core/output_file.h"
#include "core/status.h"
#include "graph/knowledge_graph.h"

namespace irkg {

// Node data: name, type, subtype, code, aliases ("; "-joined).
// Edge data: predicate, titles and dates ("; "-joined), confidence (double),
// article_count (int), evidence (the first evidence sentence).
// Streams the graph into `out`; the caller commits it.
Status WriteGraphMl(const KnowledgeGraph& graph, OutputFile& out);

}  // namespace irkg
