// KnowledgeGraph: the merged graph of many articles.
//
// What this object represents: a set of entities (vertices) and, for each
// (subject, predicate, object), one relation (edge) that carries every piece
// of evidence seen for it. It sits on a Boost.Graph adjacency_list with
// bundled properties, which it keeps to itself (callers iterate through
// ForEachEntity, ForEachRelation, ForEachOutgoing, ForEachIncident), and its own id -> vertex index; symmetric
// predicates are stored once, subject id < object id.
//
// Graphs are built by GraphBuilder (graph_builder.h), which resolves
// entities and orders everything canonically, so that the same observations
// give the same graph whatever order they arrived in. The graph never parses
// text: it receives ExtractionRecords and other graphs.
#pragma once

#include <boost/graph/adjacency_list.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/schema.h"
#include "core/symbol.h"

namespace irkg {

// One sighting of a relation: where it was read and how sure the reader was.
// Strings are Symbols (core/symbol.h): a graph holds millions of these and
// repeats their article ids, rules, dates and sentences; 48 bytes each.
struct Evidence {
  Symbol article;          // doc id of the article
  Symbol text;             // the sentence that states the fact
  Symbol date;             // the fact's date (qualifier), else the article's date, ISO 8601
  Symbol rule;             // the extractor rule that produced it
  // The qualifiers as this evidence states them (empty when it does not);
  // a Relation's qualifier lists are their union.
  Symbol title;
  Symbol what;
  uint32_t start = 0;      // byte offsets of `text` in the article
  uint32_t end = 0;
  double confidence = 0.0;
  bool date_from_text = false;  // `date` is the fact's date, not the article's

  bool operator==(const Evidence&) const = default;
};

// An article the graph has read; kept so that re-adding it adds nothing.
struct ArticleInfo {
  Symbol doc;
  Symbol date;
  Symbol url;
  Symbol title;

  bool operator==(const ArticleInfo&) const = default;
};

// How one article named an entity: the name, subtype and code its
// extraction record gave and the other words it used for it. Kept so that
// resolution can be redone from a graph exactly as from the records.
struct Sighting {
  Symbol article;               // doc id
  Symbol name;
  Symbol subtype;
  Symbol code;
  std::vector<Symbol> mentions; // sorted, unique, without `name`

  bool operator==(const Sighting&) const = default;
};

struct Entity {
  Symbol id;               // stable: "country/AZE", "person/khalaf-khalafov"
  Symbol name;             // canonical name
  Symbol subtype;
  Symbol code;             // ISO 3166-1 alpha-3 for countries
  EntityType type = EntityType::kPerson;
  std::vector<Symbol> aliases;       // sorted, unique, without `name`
  std::vector<Sighting> sightings;   // sorted by (article, name)

  bool operator==(const Entity&) const = default;
};

// Everything but `predicate` and `evidence` is derived from the evidence
// (graph_builder.h: SummarizeEvidence).
struct Relation {
  // (fields ordered largest first: a relation is 40 bytes, a million of them 40 MB)
  std::vector<Evidence> evidence;    // sorted by (article, start, end, rule)
  double confidence = 0.0;           // noisy-or over the evidence
  uint32_t article_count = 0;        // distinct articles among the evidence
  Predicate predicate = Predicate::kMetWith;

  bool operator==(const Relation&) const = default;
};

// What a relation's evidence says, summed up on demand: the qualifiers
// stated (sorted, unique; dates only where the text dated the fact) and the
// earliest and latest date it was seen. Kept out of Relation so that each
// value is stored once, in the evidence that states it.
std::vector<Symbol> Titles(const Relation& relation);
std::vector<Symbol> Dates(const Relation& relation);
std::vector<Symbol> Whats(const Relation& relation);
Symbol FirstSeen(const Relation& relation);
Symbol LastSeen(const Relation& relation);

// Edges in a vector (vecS edge list), not a list: a relation costs no list node
// and no allocation of its own (issue: <= 200 bytes per edge).
using BoostGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Entity, Relation, boost::no_property, boost::vecS>;
using VertexId = BoostGraph::vertex_descriptor;
using EdgeId = BoostGraph::edge_descriptor;

class KnowledgeGraph {
 public:
  KnowledgeGraph() = default;

  size_t entity_count() const { return boost::num_vertices(g_); }
  size_t relation_count() const { return boost::num_edges(g_); }

  const Entity& entity(VertexId v) const { return g_[v]; }
  const Relation& relation(EdgeId e) const { return g_[e]; }
  VertexId source(EdgeId e) const { return boost::source(e, g_); }
  VertexId target(EdgeId e) const { return boost::target(e, g_); }

  // Read-only iteration, for queries and exporters. `f(VertexId, const Entity&)`
  // for every entity, in storage (id) order.
  template <typename F>
  void ForEachEntity(F&& f) const {
    for (auto [it, end] = boost::vertices(g_); it != end; ++it) f(*it, g_[*it]);
  }
  // `f(EdgeId, const Relation&)`
  // for every relation, in storage order.
  template <typename F>
  void ForEachRelation(F&& f) const {
    for (auto [it, end] = boost::edges(g_); it != end; ++it) f(*it, g_[*it]);
  }
  // `f(EdgeId, VertexId object)` for every relation `v` is the subject of.
  template <typename F>
  void ForEachOutgoing(VertexId v, F&& f) const {
    for (auto [it, end] = boost::out_edges(v, g_); it != end; ++it) f(*it, boost::target(*it, g_));
  }
  // `f(EdgeId, VertexId other, bool outgoing)` for every relation of `v`:
  // those it is the subject of (outgoing), then those it is the object of.
  template <typename F>
  void ForEachIncident(VertexId v, F&& f) const {
    for (auto [it, end] = boost::out_edges(v, g_); it != end; ++it) f(*it, boost::target(*it, g_), true);
    for (auto [it, end] = boost::in_edges(v, g_); it != end; ++it) f(*it, boost::source(*it, g_), false);
  }
  // Relations of `v` in either direction.
  size_t degree(VertexId v) const { return boost::out_degree(v, g_) + boost::in_degree(v, g_); }

  std::optional<VertexId> FindById(std::string_view id) const;
  // Articles read, sorted by doc id.
  const std::vector<ArticleInfo>& articles() const { return articles_; }
  void SetArticles(std::vector<ArticleInfo> articles) { articles_ = std::move(articles); }

  // Makes room for this many entities and relations in one allocation each,
  // so that a graph whose size is known holds no spare capacity.
  void Reserve(size_t entities, size_t relations);
  // Gives back the spare capacity of every entity's edge lists, once the
  // graph is complete (they grow by doubling while edges are added).
  void Compact();

  // Adds an entity; its id must be new. Used by GraphBuilder and readers.
  VertexId AddEntity(Entity entity);
  // Adds a relation between existing vertices. Used by GraphBuilder and readers.
  EdgeId AddRelation(VertexId subject, VertexId object, Relation relation);

 private:
  BoostGraph g_;
  std::unordered_map<Symbol, VertexId> by_id_;
  std::vector<ArticleInfo> articles_;
};

// The relations in the graph's canonical order, (subject id, predicate,
// object id): the order every writer uses, so that the JSON-LD and the RDF
// forms of one graph list its statements alike.
std::vector<EdgeId> EdgesInIdOrder(const KnowledgeGraph& graph);
// The entities in id order: the order every writer lists them in.
std::vector<VertexId> EntitiesInIdOrder(const KnowledgeGraph& graph);

}  // namespace irkg
