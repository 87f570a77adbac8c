// GraphBuilder: merges extraction records and graphs into one KnowledgeGraph.
//
// What this object represents: a growing set of observations (entities with
// the names they were seen under, relations with their evidence). Build()
// resolves the entities across articles and returns the graph in canonical
// order. Merging is associative and commutative: adding the same records in
// any order, directly or through intermediate graphs, gives the same graph;
// evidence already present (same article, offsets, predicate) is not added
// twice.
#pragma once

#include <memory>

#include "core/record.h"
#include "graph/knowledge_graph.h"

namespace irkg {

class GraphBuilder {
 public:
  GraphBuilder();
  ~GraphBuilder();
  GraphBuilder(const GraphBuilder&) = delete;
  GraphBuilder& operator=(const GraphBuilder&) = delete;

  void AddRecord(const ExtractionRecord& record);
  void AddGraph(const KnowledgeGraph& graph);
  // Articles already observed (by doc id), so callers can skip re-adding one.
  bool HasArticle(const std::string& doc) const;
  size_t article_count() const;

  KnowledgeGraph Build() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace irkg
