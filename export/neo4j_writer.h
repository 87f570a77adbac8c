// A directory for Neo4j's offline bulk importer (`neo4j-admin database
// import full`): nodes.csv, relationships.csv and README.txt with the exact
// command line. Every entity is an :Entity with a second label for its type
// (:Person, :Country, ...); relationship types are the predicates in Neo4j
// spelling (HOLDS_POSITION).
#pragma once

#include <string>

#include "core/status.h"
#include "graph/knowledge_graph.h"

namespace irkg {

// Creates `dir` if needed and writes the three files, each atomically.
Status WriteNeo4jImport(const KnowledgeGraph& graph, const std::string& dir);

// The import command README.txt gives, for docs and tests.
std::string Neo4jImportCommand();

}  // namespace irkg
