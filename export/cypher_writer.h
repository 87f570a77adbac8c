// A Cypher script that loads the graph into a running Neo4j or Memgraph:
// one MERGE per entity and per relation, so running it twice changes
// nothing. Data only ever appears inside single-quoted string literals,
// escaped in one place (AppendCypherString); labels and relationship types
// come from the fixed schema, never from data, so a name cannot inject
// Cypher.
#pragma once

#include <string>
#include <string_view>

#include "core/output_file.h"
#include "core/status.h"
#include "graph/knowledge_graph.h"

namespace irkg {

// Streams the script into `out`; the caller commits it.
// Run it with `cypher-shell -f graph.cypher` or `mgconsole < graph.cypher`.
Status WriteCypher(const KnowledgeGraph& graph, OutputFile& out);

// 'text' with \\ \' \n \r \t escaped and other control characters as \uXXXX.
void AppendCypherString(std::string_view text, std::string* out);

}  // namespace irkg
