// The JSON-LD form of a KnowledgeGraph, which is also the graph's own
// storage: graph/graph_reader.h reads it back to the same graph.
//
// The file is JSON-LD 1.1 with an inline @context that defines every key it
// uses, so strict processors need nothing from the network. Its @graph lists
// the entities (with their direct edges, so plain RDF has subject predicate
// object), then one rdf:Statement per relation carrying qualifiers and
// evidence, then the articles. The same graph always gives the same bytes.
#pragma once

#include <string>

#include "core/output_file.h"
#include "core/status.h"
#include "graph/knowledge_graph.h"

namespace irkg {

// Streams the graph into `out`; the caller commits it.
Status WriteJsonLd(const KnowledgeGraph& graph, OutputFile& out);
// The same bytes, the nodes written on `jobs` threads.
Status WriteJsonLdInParallel(const KnowledgeGraph& graph, OutputFile& out, unsigned jobs);
// The same document into a string (on `jobs` threads: the same bytes).
Status WriteJsonLdToString(const KnowledgeGraph& graph, std::string* out, unsigned jobs = 1);

}  // namespace irkg
