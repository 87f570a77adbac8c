// Helpers the graph commands share: writing a graph file atomically, the
// summary printed after a build, and parsing filter options.
#pragma once

#include <string>
#include <vector>

#include "cli/args.h"
#include "core/schema.h"
#include "core/status.h"
#include "graph/knowledge_graph.h"

namespace irkg::cli {

// With jobs > 1, the JSON-LD is written on that many threads (same bytes).
Status SaveGraph(const KnowledgeGraph& graph, const std::string& path, unsigned jobs = 1);

// "articles: 3, entities: 18 (Person 6, Country 4, ...), relations: 20 (holdsPosition 4, ...)"
std::string Summary(const KnowledgeGraph& graph);

Result<std::vector<Predicate>> ParsePredicateList(const std::string& list);
Result<std::vector<EntityType>> ParseTypeList(const std::string& list);

}  // namespace irkg::cli
