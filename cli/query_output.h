// What `irkg path` and `irkg neighbors` share: reading the query options
// (filters, --k, --reliable, --depth) into the queries/ structures, and
// printing an answer as text with its evidence, as JSON, or as a DOT
// diagram. The .test files in tests/queries/cases go through FindPaths and
// FindNeighbors too, so they test the options exactly as typed.
#pragma once

#include <string>
#include <vector>

#include "cli/args.h"
#include "core/status.h"
#include "graph/knowledge_graph.h"
#include "queries/entity_list.h"
#include "queries/path_query.h"
#include "queries/time_query.h"

namespace irkg::cli {

// --predicates, --types, --since, --until, --include-undated, --min-confidence
// (those of them the command declares).
Result<QueryFilter> QueryFilterFrom(const Args& args);

// Says on stderr that date bounds left out this many undated relations.
void WarnUndated(size_t left_out);

// `path GRAPH FROM TO` after GRAPH is read: positional()[1] and [2] name
// the entities; --max-hops, --reliable, --k and the filters apply.
Result<std::vector<Path>> FindPaths(const KnowledgeGraph& graph, const Args& args);

// `neighbors GRAPH ENTITY` after GRAPH is read: --depth and the filters apply.
Result<EgoNetwork> FindNeighbors(const KnowledgeGraph& graph, const Args& args);

// `holders GRAPH TITLE STATE` after GRAPH is read: --on applies.
Result<HoldersAnswer> FindHolders(const KnowledgeGraph& graph, const Args& args);
// `dyad GRAPH A B` after GRAPH is read: --by applies.
Result<DyadAnswer> FindDyad(const KnowledgeGraph& graph, const Args& args);
// `entities GRAPH` after GRAPH is read: --type and --search apply.
Result<std::vector<ListedEntity>> FindEntities(const KnowledgeGraph& graph, const Args& args);

// Printing to standard output. `reliable` adds each path's reliability
// (the product of its confidences) to the text.
void PrintPathsText(const KnowledgeGraph& graph, const std::vector<Path>& paths, bool reliable);
// One path: {"length", "reliability", "entities", "hops"}; several
// (--k given): {"paths": [...]}. Every hop carries its evidence list.
void PrintPathsJson(const KnowledgeGraph& graph, const std::vector<Path>& paths, bool as_list);
void PrintNeighborsText(const KnowledgeGraph& graph, const EgoNetwork& net);
void PrintNeighborsJson(const KnowledgeGraph& graph, const EgoNetwork& net);

// The part of `graph` an answer uses, as a graph of its own: the diagram
// code (export/diagram.h) then draws it like any other graph.
KnowledgeGraph Subgraph(const KnowledgeGraph& graph, std::vector<VertexId> vertices, std::vector<EdgeId> edges);
// Writes Subgraph's diagram as DOT to standard output.
Status PrintDot(const KnowledgeGraph& answer, const std::string& title);

// Flushes standard output and reports a failed write.
int FinishOutput();

}  // namespace irkg::cli
