// irkg-bench graph: a reproducible random graph with the real graph types,
// then the cost of building it, its memory, and the path and neighbourhood
// queries `irkg path` and `irkg neighbors` run on it.
//
// The graph looks like news: a few hundred countries are the hubs (most
// stories name one), organizations and places are next, and people — most
// of the entities — appear in few relations each. Endpoints are drawn with
// a power law over the entity index (index = n * u^3), which gives the low
// indices, the countries, most of the degree.
#include <cstdio>
#include <cstring>
#include <malloc.h>
#include <string>
#include <unordered_set>
#include <vector>

#include "bench/commands.h"
#include "bench/json_out.h"
#include "bench/measure.h"
#include "bench/prng.h"
#include "bench/synthetic_names.h"
#include "cli/command.h"
#include "graph/graph_builder.h"
#include "graph/graph_reader.h"
#include "queries/path_query.h"

namespace irkg::bench {
namespace {

struct PlannedEdge {
  uint32_t subject, object;
  Predicate predicate;
};

struct Plan {
  uint32_t entities = 0;
  std::vector<PlannedEdge> edges;
};

constexpr uint32_t kCountries = 200;

EntityType TypeOf(uint32_t v, uint32_t n) {
  if (v < kCountries) return EntityType::kCountry;
  // Then 2% organizations, 10% places, a few agreements; people the rest.
  uint32_t rest = v - kCountries, span = n > kCountries ? n - kCountries : 1;
  uint64_t per_mille = uint64_t{rest} * 1000 / span;
  if (per_mille < 20) return EntityType::kOrganization;
  if (per_mille < 120) return EntityType::kLocation;
  if (per_mille < 130) return EntityType::kAgreement;
  return EntityType::kPerson;
}

uint32_t SkewedVertex(Prng& rng, uint32_t n) {
  double u = rng.Unit();
  auto v = static_cast<uint32_t>(static_cast<double>(n) * u * u * u);
  return v < n ? v : n - 1;
}

Plan MakePlan(uint32_t entities, uint64_t edges, uint64_t seed) {
  Plan plan;
  plan.entities = entities;
  plan.edges.reserve(edges);
  Prng rng(seed);
  std::unordered_set<uint64_t> seen;
  seen.reserve(edges * 2);
  // At most one relation per (subject, predicate, object), as in a built graph.
  uint64_t attempts = 0;
  while (plan.edges.size() < edges && attempts < edges * 20) {
    ++attempts;
    // One end skewed (a hub, usually), the other uniform: most relations
    // tie an ordinary entity to a well-known one.
    uint32_t a = SkewedVertex(rng, entities);
    auto b = static_cast<uint32_t>(rng.Below(entities));
    if (a == b) continue;
    if (rng.Chance(0.5)) std::swap(a, b);
    auto p = static_cast<Predicate>(rng.Below(kPredicateCount));
    uint64_t key = (uint64_t{a} << 36) ^ (uint64_t{b} << 8) ^ static_cast<uint64_t>(p);
    if (!seen.insert(key).second) continue;
    plan.edges.push_back({a, b, p});
  }
  return plan;
}

std::string EntityName(uint32_t v, EntityType type) {
  switch (type) {
    case EntityType::kCountry: return SyllableName(v) + "ia";
    case EntityType::kOrganization: return SyllableName(v, 3) + " Council";
    case EntityType::kLocation: return SyllableName(v, 3) + "grad";
    case EntityType::kAgreement: return SyllableName(v, 3) + " Accord";
    default: return SyllableName(v * 7919 % 4096) + " " + SyllableName(v, 3);
  }
}

std::string EntityId(uint32_t v, EntityType type, std::string_view name) {
  std::string slug(name);
  for (auto& c : slug) c = c == ' ' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string prefix(EntityTypeName(type));
  for (auto& c : prefix) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  (void)v;
  return prefix + "/" + slug;
}

// The one piece of evidence each synthetic relation carries: a short
// sentence, as a real one would be (longer than the small-string buffer).
Evidence MakeEvidence(uint64_t i, const std::string& subject, const std::string& object, Predicate p) {
  Evidence e;
  e.article = "bench-" + std::to_string(i / 8);
  e.text = subject + " and " + object + " (" + std::string(PredicateName(p)) + "), the report said.";
  e.start = static_cast<uint32_t>(i % 8 * 120);
  e.end = e.start + static_cast<uint32_t>(e.text.size());
  e.date = "2023-05-17";
  e.confidence = 0.8;
  e.rule = "bench";
  return e;
}

KnowledgeGraph BuildDirect(const Plan& plan) {
  KnowledgeGraph g;
  g.Reserve(plan.entities, plan.edges.size());
  std::vector<std::string> names(plan.entities);
  for (uint32_t v = 0; v < plan.entities; ++v) {
    Entity e;
    e.type = TypeOf(v, plan.entities);
    e.name = EntityName(v, e.type);
    e.id = EntityId(v, e.type, e.name);
    names[v] = e.name.str();
    g.AddEntity(std::move(e));
  }
  for (size_t i = 0; i < plan.edges.size(); ++i) {
    const auto& pe = plan.edges[i];
    Relation r;
    r.predicate = pe.predicate;
    r.evidence.push_back(MakeEvidence(i, names[pe.subject], names[pe.object], pe.predicate));
    SummarizeEvidence(&r);
    g.AddRelation(pe.subject, pe.object, std::move(r));
  }
  g.Compact();  // as GraphBuilder and the graph reader leave their graphs
  return g;
}

// The same graph through GraphBuilder: eight relations an article, as
// extraction records, resolved and ordered as a real build does.
KnowledgeGraph BuildThroughBuilder(const Plan& plan) {
  GraphBuilder builder;
  const size_t per_article = 8;
  for (size_t first = 0; first < plan.edges.size(); first += per_article) {
    ExtractionRecord record;
    record.doc = "bench-" + std::to_string(first / per_article);
    record.date = "2023-05-17";
    std::vector<std::pair<uint32_t, std::string>> local;  // vertex -> "eN"
    auto local_id = [&](uint32_t v) {
      for (const auto& [w, id] : local)
        if (w == v) return id;
      ExtractedEntity e;
      e.id = "e" + std::to_string(local.size() + 1);
      e.type = TypeOf(v, plan.entities);
      e.name = EntityName(v, e.type);
      e.mentions.push_back(TextSpan{0, static_cast<uint32_t>(e.name.size()), e.name});
      record.entities.push_back(e);
      local.emplace_back(v, e.id);
      return e.id;
    };
    for (size_t i = first; i < std::min(first + per_article, plan.edges.size()); ++i) {
      const auto& pe = plan.edges[i];
      ExtractedTriple t;
      t.subject = local_id(pe.subject);
      t.object = local_id(pe.object);
      t.predicate = pe.predicate;
      t.confidence = 0.8;
      t.rule = "bench";
      Evidence e = MakeEvidence(i, EntityName(pe.subject, TypeOf(pe.subject, plan.entities)),
                                EntityName(pe.object, TypeOf(pe.object, plan.entities)), pe.predicate);
      t.evidence = TextSpan{e.start, e.end, e.text.str()};
      record.triples.push_back(std::move(t));
    }
    builder.AddRecord(record);
  }
  return builder.Build();
}

// Heap bytes glibc gives a request of `n` bytes (chunk header, 16-byte
// granules, 32 at least), so that computed sizes match what RSS sees.
size_t ChunkBytes(size_t n) { return n == 0 ? 0 : std::max<size_t>(32, (n + 8 + 15) & ~size_t{15}); }

// The heap the evidence lists hold: with the evidence text (interned before
// the build, InternEvidenceText), what "excluding evidence" takes out.
size_t EvidenceHeapBytes(const KnowledgeGraph& g) {
  size_t bytes = 0;
  g.ForEachRelation([&](EdgeId, const Relation& r) { bytes += ChunkBytes(r.evidence.capacity() * sizeof(Evidence)); });
  return bytes;
}

// Evidence strings live in the Symbol table (core/symbol.h), beside the
// entities' names and ids. Interning them before the build leaves the
// names and ids, and not the evidence text, in the build's RSS delta.
// Returns the table bytes they took.
size_t InternEvidenceText(const Plan& plan) {
  size_t before = SymbolUsage().bytes;
  for (size_t i = 0; i < plan.edges.size(); ++i) {
    const auto& pe = plan.edges[i];
    MakeEvidence(i, EntityName(pe.subject, TypeOf(pe.subject, plan.entities)),
                 EntityName(pe.object, TypeOf(pe.object, plan.entities)), pe.predicate);
  }
  return SymbolUsage().bytes - before;
}

}  // namespace

std::vector<cli::OptionSpec> GraphOptions() {
  return {
      {"--entities", nullptr, "N", "entities (vertices), default 200000"},
      {"--edges", nullptr, "M", "relations (edges), default 1000000"},
      {"--queries", nullptr, "Q", "path and neighbourhood queries, default 200"},
      {"--seed", nullptr, "S", "random seed, default 1"},
      {"--via", nullptr, "HOW", "direct (KnowledgeGraph::AddEntity/AddRelation, default) or builder (GraphBuilder)"},
      {"--depth", nullptr, "D", "ego network depth for the neighbourhood queries, default 2"},
      {"--load", nullptr, "GRAPH.jsonld", "also time ReadGraphFile on this graph"},
  };
}

int RunGraphBench(const cli::Args& args) {
  auto entities = args.GetInt("--entities", 200000, 2, 50000000);
  auto edges = args.GetInt("--edges", 1000000, 1, 500000000);
  auto queries = args.GetInt("--queries", 200, 1, 10000000);
  auto seed = args.GetInt("--seed", 1, 0, std::numeric_limits<long>::max());
  auto depth = args.GetInt("--depth", 2, 1, 10);
  for (const Status& s : {entities.status(), edges.status(), queries.status(), seed.status(), depth.status()})
    if (!s.ok()) return cli::Fail(s);
  std::string via = args.Get("--via", "direct");
  if (via != "direct" && via != "builder") return cli::Fail(Status::Usage("--via takes direct or builder"));

  JsonOut out;
  out.Str("bench", "graph");
  out.Num("entities", *entities);
  out.Num("seed", *seed);
  out.Str("via", via);

  Stopwatch plan_clock;
  Plan plan = MakePlan(static_cast<uint32_t>(*entities), static_cast<uint64_t>(*edges), static_cast<uint64_t>(*seed));
  out.Num("edges", static_cast<double>(plan.edges.size()));
  out.Num("plan_s", plan_clock.Seconds());

  size_t evidence_text = InternEvidenceText(plan);
  malloc_trim(0);
  long rss_before = CurrentRssBytes();
  Stopwatch build_clock;
  KnowledgeGraph graph = via == "builder" ? BuildThroughBuilder(plan) : BuildDirect(plan);
  out.Num("build_s", build_clock.Seconds());
  malloc_trim(0);  // the builder's scratch space is not part of the graph
  long rss_graph = CurrentRssBytes() - rss_before;
  const double m = static_cast<double>(std::max<size_t>(1, graph.relation_count()));
  size_t evidence = EvidenceHeapBytes(graph);
  out.Num("relations", static_cast<double>(graph.relation_count()));
  out.Num("bytes_per_edge", (static_cast<double>(rss_graph) - static_cast<double>(evidence)) / m);
  out.Str("bytes_per_edge_method",
          "RSS delta of building the KnowledgeGraph (entities included, their names and ids interned during the "
          "build) minus the evidence lists' heap computed from their capacities; the evidence text was interned "
          "before");
  out.Num("bytes_per_edge_with_evidence", static_cast<double>(rss_graph + evidence_text) / m);

  // Query endpoints: uniform over the entities (any entity may be asked about).
  Prng rng(static_cast<uint64_t>(*seed) ^ 0x5eed);
  const auto n = static_cast<uint32_t>(graph.entity_count());
  std::vector<std::pair<VertexId, VertexId>> pairs(static_cast<size_t>(*queries));
  for (auto& p : pairs) p = {rng.Below(n), rng.Below(n)};

  // The first query also sizes the thread's scratch space (once a thread)
  // and finds the caches cold, as a one-query `irkg path` does: timed on
  // its own, out of the quantiles.
  Stopwatch first_clock;
  (void)ShortestPath(graph, pairs.front().first, pairs.front().second);
  out.Num("path_first_ms", first_clock.Millis());
  std::vector<double> path_ms;
  size_t found = 0, hop_total = 0;
  for (const auto& [a, b] : pairs) {
    Stopwatch clock;
    auto path = ShortestPath(graph, a, b);
    path_ms.push_back(clock.Millis());
    if (path.ok()) ++found, hop_total += path->hops.size();
  }
  out.Num("path_queries", static_cast<double>(pairs.size()));
  out.Num("path_found", static_cast<double>(found));
  out.Num("path_mean_hops", found ? static_cast<double>(hop_total) / static_cast<double>(found) : 0);
  out.Str("path_method", "ShortestPath on the KnowledgeGraph (queries/path_query.h), as irkg path runs it");
  out.Num("path_p50_ms", Quantile(path_ms, 0.5));
  out.Num("path_p99_ms", Quantile(path_ms, 0.99));

  std::vector<double> ego_ms;
  size_t ego_total = 0;
  for (const auto& pair : pairs) {
    Stopwatch clock;
    auto net = Neighbors(graph, pair.first, static_cast<int>(*depth));
    ego_ms.push_back(clock.Millis());
    if (net.ok()) ego_total += net->vertices.size();
  }
  out.Num("neighbors_depth", *depth);
  out.Num("neighbors_mean_size", static_cast<double>(ego_total) / static_cast<double>(pairs.size()));
  out.Str("neighbors_method", "Neighbors on the KnowledgeGraph (queries/path_query.h), as irkg neighbors runs it");
  out.Num("neighbors_p50_ms", Quantile(ego_ms, 0.5));
  out.Num("neighbors_p99_ms", Quantile(ego_ms, 0.99));

  if (args.Has("--load")) {
    Stopwatch load_clock;
    auto loaded = ReadGraphFile(args.Get("--load"));
    if (!loaded.ok()) return cli::Fail(loaded.status());
    out.Num("load_dev_graph_s", load_clock.Seconds());
    out.Num("load_entities", static_cast<double>(loaded->entity_count()));
    out.Num("load_relations", static_cast<double>(loaded->relation_count()));
  }
  out.Num("peak_rss_mb", PeakRssMb());
  out.Print();
  return cli::kExitOk;
}

}  // namespace irkg::bench
