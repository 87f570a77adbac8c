// FrozenGraph: a read-only, compact copy of a KnowledgeGraph's structure
// for answering many queries fast.
//
// Why it exists: the KnowledgeGraph's adjacency_list keeps each edge in a
// list node next to its Relation (some hundreds of bytes an edge, scattered
// over the heap), and ShortestPath sorts every vertex's neighbours by id
// string as it visits it. A frozen graph is a Boost compressed_sparse_row
// graph holding, for each vertex, the arcs to its neighbours in both
// directions (a relation "A criticizes B" is an arc A->B and an arc B->A),
// already in ShortestPath's neighbour order, at 8 bytes an arc. Freeze a
// graph once after building or loading it; it refers to the graph's
// EdgeIds, so the KnowledgeGraph must outlive it and stay unchanged.
#pragma once

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include <cstdint>
#include <vector>

#include "core/status.h"
#include "graph/knowledge_graph.h"
#include "queries/path_query.h"

namespace irkg {

class FrozenGraph {
 public:
  // One direction of one relation: which relation (index into edges()) and
  // whether walking it goes from the relation's subject to its object.
  // Packed in 32 bits (relation << 1 | forward): arcs are most of the bytes.
  struct Arc {
    uint32_t code = 0;
    uint32_t relation() const { return code >> 1; }
    bool forward() const { return code & 1; }
  };
  using Csr = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, Arc, boost::no_property,
                                                 uint32_t, uint32_t>;

  explicit FrozenGraph(const KnowledgeGraph& graph);

  size_t vertex_count() const { return boost::num_vertices(csr_); }
  size_t relation_count() const { return edges_.size(); }
  const Csr& csr() const { return csr_; }
  EdgeId edge(uint32_t relation) const { return edges_[relation]; }

  // Bytes held by the frozen structure (row starts, arcs, relation ids).
  size_t MemoryBytes() const;

 private:
  Csr csr_;
  std::vector<EdgeId> edges_;
};

// Scratch space for searches on one FrozenGraph: marks are stamped with a
// search number rather than cleared, so a query costs what it visits, not
// the size of the graph. One per thread.
class SearchSpace {
 public:
  explicit SearchSpace(size_t vertices);

 private:
  friend Result<Path> FrozenShortestPath(const FrozenGraph&, const KnowledgeGraph&, VertexId, VertexId,
                                         const PathOptions&, SearchSpace*);
  friend size_t Neighborhood(const FrozenGraph&, VertexId, int, SearchSpace*, std::vector<VertexId>*);
  void NewSearch();

  uint32_t search_ = 0;
  std::vector<uint32_t> seen_from_start_, seen_from_goal_;  // search number when seen
  std::vector<uint8_t> depth_from_start_, depth_from_goal_;
  std::vector<uint32_t> parent_start_, parent_goal_;          // the vertex it was reached from
  std::vector<FrozenGraph::Arc> via_start_, via_goal_;        // and the arc taken
  std::vector<uint32_t> frontier_, next_;
};

// A shortest path from `from` to `to` (edges in either direction), found by
// bidirectional breadth-first search: each round grows the smaller of the
// two frontiers by one level. It has the length ShortestPath finds; among
// several shortest paths it may pick another one. NotFound past max_hops.
Result<Path> FrozenShortestPath(const FrozenGraph& frozen, const KnowledgeGraph& graph, VertexId from, VertexId to,
                                const PathOptions& options, SearchSpace* space);

// The ego network of `center`: every vertex within `depth` hops (edges in
// either direction), `center` included, appended to *out in breadth-first
// order when out is not null. Returns how many there are.
size_t Neighborhood(const FrozenGraph& frozen, VertexId center, int depth, SearchSpace* space,
                    std::vector<VertexId>* out);

}  // namespace irkg
