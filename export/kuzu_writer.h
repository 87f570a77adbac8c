// A directory for Kùzu, the embedded graph database: schema.cypher creates
// one node table Entity and one rel table Relation (the predicate is a
// property, so a shortest path may cross any predicate in one pattern:
// MATCH p = (a:Entity)-[:Relation* SHORTEST 1..10]-(b:Entity)), and
// load.cypher copies entities.csv and relations.csv in.
//
// Kùzu resolves the relative file names in load.cypher against the
// process's working directory: run it from inside the directory.
#pragma once

#include <string>

#include "core/status.h"
#include "graph/knowledge_graph.h"

namespace irkg {

// Creates `dir` if needed and writes the four files, each atomically.
Status WriteKuzu(const KnowledgeGraph& graph, const std::string& dir);

}  // namespace irkg
