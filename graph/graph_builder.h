// GraphBuilder: merges extraction records and graphs into one KnowledgeGraph.
//
// What this object represents: a growing set of observations (each entity
// as one article named it, each relation with its evidence). Build()
// resolves the entities across articles with the EntityResolver
// (graph/entity_resolver.h: which names are one actor, and why) and returns
// the graph in canonical order.
//
// The graph keeps every observation (Entity::sightings, Relation::evidence),
// so AddGraph() gives back exactly what built it: merging is associative and
// commutative, and adding the same records in any order, directly or
// through intermediate graphs, gives the same graph. Evidence already
// present (same article, offsets and rule) is not added twice.
#pragma once

#include <memory>
#include <string>

#include "core/huge_page_allocator.h"
#include "core/record.h"
#include "graph/entity_resolver.h"
#include "graph/knowledge_graph.h"

namespace irkg {

// The observations added so far, as the resolver reads them (in key
// order), and how they resolve, every link and near miss explained.
struct ResolutionReport : ResolverInput {
  Resolution resolution;
};

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

  // Resolves and orders what was added and hands it over: the builder is
  // empty afterwards, so that the observations and the graph are not both
  // held in full (a gigabyte of news holds millions of pieces of evidence).
  KnowledgeGraph Build();

  // What Build() would decide, with its reasons, leaving the builder as it is.
  ResolutionReport ExplainResolution() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Evidence for a triple that came without a text span (background
// knowledge, SCHEMA.md) carries this rule; it counts toward confidence but
// not toward article_count.
inline constexpr const char* kBackgroundRule = "background";
bool IsBackground(const Evidence& evidence);

// Puts evidence in its canonical order, by (article, start, end, rule) and
// then by every other field, keeping the first of each (article, start,
// end, rule): the form a Relation holds.
void NormalizeEvidence(std::vector<Evidence>* evidence);

// Sets the derived fields of a relation (qualifier lists, confidence as
// noisy-or, article_count) from relation->evidence,
// which must already be sorted and deduplicated; the result depends only on
// that list, bit for bit.
void SummarizeEvidence(Relation* relation);

}  // namespace irkg
