// Questions about how entities connect: which entity a user's name means,
// the chains of relations between two entities and the neighbourhood of
// one. Relations are walked in either direction, since "A criticizes B"
// links B to A as well.
//
// Every query takes a QueryFilter, so that "only meetings and visits",
// "only persons and countries", "only what was seen in 2023" or "only what
// the extractor was fairly sure of" mean the same thing everywhere.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/iso_date.h"
#include "core/schema.h"
#include "core/status.h"
#include "graph/entity_lookup.h"
#include "graph/knowledge_graph.h"

namespace irkg {

// ResolveEntity (finding an entity by id, name or alias) is in graph/entity_lookup.h.

// Which relations and entities a query may use. Empty fields admit all.
struct QueryFilter {
  std::vector<Predicate> predicates;
  // Entity types a query may pass through or report. The entities the user
  // named (path endpoints, the centre of a neighbourhood) are always admitted.
  std::vector<EntityType> types;
  // Inclusive ISO 8601 bounds ("2023", "2023-06", "2023-06-12"). A relation
  // qualifies when some evidence date overlaps [since, until]; a date is the
  // period it names, so "2023" is within --since 2023-06. A relation with
  // no dated evidence at all is left out then, unless include_undated.
  std::string since, until;
  bool include_undated = false;
  // The relation's confidence (noisy-or over its evidence) must be at least this.
  double min_confidence = 0.0;

  bool Admits(const Relation& relation) const;
  bool Admits(const Entity& entity) const;
};


// How many relations the filter leaves out only because none of their
// evidence is dated (they would pass its other tests), so that callers can
// say what a date bound cost. 0 without a date bound or with include_undated.
size_t UndatedLeftOut(const KnowledgeGraph& graph, const QueryFilter& filter);

struct PathOptions {
  int max_hops = 6;
  QueryFilter filter;
  // Most reliable instead of fewest hops: maximizes the product of the
  // relations' confidences (a shortest path on -log confidence).
  bool reliable = false;
  // How many paths KShortestPaths returns at most.
  int k = 1;
};

struct PathHop {
  EdgeId edge;
  bool forward;  // walked from the relation's subject to its object
};

// vertices[i] and vertices[i + 1] are joined by hops[i].
struct Path {
  std::vector<VertexId> vertices;
  std::vector<PathHop> hops;
};

// The product of the confidences of a path's relations (1 for no hops).
double Reliability(const KnowledgeGraph& graph, const Path& path);

// A best path from `from` to `to` within options.max_hops hops: fewest hops,
// or with options.reliable the most reliable. Among equally good ones, the
// one through the smallest neighbour ids (then predicate), so the answer is
// stable. Between two neighbours it walks the first admitted relation in
// that order (fewest hops) or the most confident one (reliable). NotFound
// when there is none.
Result<Path> ShortestPath(const KnowledgeGraph& graph, VertexId from, VertexId to, const PathOptions& options = {});

// Up to options.k best simple paths (no entity twice), best first, by Yen's
// algorithm; paths differ in the entities they pass through, not merely in
// the relation taken between the same two. Ties go to fewer hops, then to
// the smaller sequence of entity ids. NotFound when there is no path.
Result<std::vector<Path>> KShortestPaths(const KnowledgeGraph& graph, VertexId from, VertexId to,
                                         const PathOptions& options);

// The ego network of an entity: every entity within `depth` hops through
// admitted relations and entities, and every admitted relation among them.
struct EgoNetwork {
  std::vector<VertexId> vertices;  // the centre first, then by (distance, id)
  std::vector<int> distance;       // hops from the centre, parallel to vertices
  std::vector<EdgeId> edges;       // by (subject id, predicate, object id)
  int depth = 0;                   // as asked
};

Result<EgoNetwork> Neighbors(const KnowledgeGraph& graph, VertexId center, int depth, const QueryFilter& filter = {});

}  // namespace irkg
