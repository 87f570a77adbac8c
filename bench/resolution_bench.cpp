// irkg-bench resolution: does entity resolution stay near-linear? N and
// N x FACTOR synthetic articles (extraction records, no text to read) are
// merged and the graph built (GraphBuilder::Build, where the EntityResolver
// runs), timed in CPU seconds, the fastest of --reps builds of each; the
// ratio is of Build alone, merge_ratio of adding the records and Build
// together (what the builder costs a corpus, whichever side does the work). Each
// article names three of a population of persons that grows with the
// corpus, a third of the time by surname alone, each holding an office of
// one of 40 states in a year; two persons share each surname (the resolver
// must tell them apart by office and time). A resolver that compared every
// person with every other would give a ratio near FACTOR squared; blocking
// by surname gives one near FACTOR. With --max-ratio the command fails when
// the ratio exceeds it (CTest runs it so).
#include <string>
#include <vector>

#include "bench/commands.h"
#include "bench/json_out.h"
#include "bench/measure.h"
#include "bench/ratio_guard.h"
#include "bench/prng.h"
#include "bench/synthetic_names.h"
#include "cli/command.h"
#include "graph/graph_builder.h"

namespace irkg::bench {
namespace {

constexpr const char* kTitles[] = {"President", "Prime Minister", "Foreign Minister", "Defence Minister", "Ambassador"};

ExtractedEntity Named(std::string id, std::string name, EntityType type, std::string code = "") {
  ExtractedEntity e;
  e.id = std::move(id);
  e.name = std::move(name);
  e.type = type;
  e.code = std::move(code);
  return e;
}

ExtractionRecord SyntheticArticle(uint64_t k, uint64_t persons, uint64_t seed) {
  Prng prng = Prng::For(seed, k);
  ExtractionRecord r;
  r.doc = "article-" + std::to_string(k);
  r.date = std::to_string(2000 + prng.Below(20)) + "-06-01";
  for (int i = 0; i < 3; ++i) {
    const uint64_t person = prng.Below(persons);
    const std::string surname = SyllableName(person / 2 + 1000, 3);
    const std::string name = prng.Below(3) == 0 ? surname : SyllableName(person + 5000000) + " " + surname;
    const uint64_t state = (person * 7) % 40;
    r.entities.push_back(Named("p" + std::to_string(i), name, EntityType::kPerson));
    r.entities.push_back(Named("c" + std::to_string(i), "State " + SyllableName(state), EntityType::kCountry,
                               "S" + std::string(1, char('A' + state / 26)) + char('A' + state % 26)));
    ExtractedTriple t;
    t.subject = r.entities[r.entities.size() - 2].id;
    t.object = r.entities.back().id;
    t.predicate = Predicate::kHoldsPosition;
    t.title = kTitles[person % 5];
    t.confidence = 0.9;
    t.rule = "synthetic";
    const std::string sentence = t.title + " " + name + " spoke.";
    t.evidence = TextSpan{static_cast<uint32_t>(100 * i), static_cast<uint32_t>(100 * i + sentence.size()), sentence};
    r.triples.push_back(std::move(t));
  }
  return r;
}

struct ResolutionRun {
  double cpu_s = 0;        // Build
  double merge_cpu_s = 0;  // AddRecord of every article, and Build
  size_t entities = 0;
};

// The fastest of `reps` builds of the same corpus: on a shared machine the
// other jobs only ever add time (and evict caches), so the minimum is the
// figure least disturbed by them.
ResolutionRun TimeResolution(uint64_t articles, uint64_t seed, int64_t reps) {
  ResolutionRun best;
  for (int64_t r = 0; r < reps; ++r) {
    GraphBuilder builder;
    // Articles are made a batch at a time, outside the clock, so that only
    // adding them is timed.
    double add_s = 0;
    std::vector<ExtractionRecord> batch;
    for (uint64_t k = 0; k < articles;) {
      batch.clear();
      for (; k < articles && batch.size() < 1024; ++k) batch.push_back(SyntheticArticle(k, articles / 5 + 10, seed));
      const double start = CpuSeconds();
      for (const ExtractionRecord& record : batch) builder.AddRecord(record);
      add_s += CpuSeconds() - start;
    }
    batch = {};
    const double start = CpuSeconds();
    KnowledgeGraph graph = builder.Build();
    const double cpu_s = CpuSeconds() - start;
    if (r == 0 || cpu_s < best.cpu_s) best.cpu_s = cpu_s, best.entities = graph.entity_count();
    if (r == 0 || cpu_s + add_s < best.merge_cpu_s) best.merge_cpu_s = cpu_s + add_s;
  }
  return best;
}

}  // namespace

std::vector<cli::OptionSpec> ResolutionOptions() {
  return {
      {"--articles", nullptr, "N", "articles of the smaller corpus (default 10000)"},
      {"--factor", nullptr, "F", "the larger corpus has F times as many (default 10)"},
      {"--seed", nullptr, "S", "seed of the synthetic corpus (default 1)"},
      {"--reps", nullptr, "R", "builds of each corpus, the fastest counts (default 3)"},
      {"--max-ratio", nullptr, "X", "fail when time(larger)/time(smaller) exceeds X"},
  };
}

int RunResolutionBench(const cli::Args& args) {
  auto articles = args.GetInt("--articles", 10000, 10, 100000000);
  auto factor = args.GetInt("--factor", 10, 2, 1000);
  auto seed = args.GetInt("--seed", 1, 0, 1L << 40);
  auto reps = args.GetInt("--reps", 3, 1, 100);
  if (!articles.ok()) return cli::Fail(articles.status());
  if (!factor.ok()) return cli::Fail(factor.status());
  if (!seed.ok()) return cli::Fail(seed.status());
  if (!reps.ok()) return cli::Fail(reps.status());
  auto max_ratio = MaxRatio(args);
  if (!max_ratio.ok()) return cli::Fail(max_ratio.status());
  const auto small_n = static_cast<uint64_t>(*articles), large_n = small_n * static_cast<uint64_t>(*factor);
  const ResolutionRun small = TimeResolution(small_n, static_cast<uint64_t>(*seed), *reps);
  const ResolutionRun large = TimeResolution(large_n, static_cast<uint64_t>(*seed), *reps);
  const double ratio = large.cpu_s / std::max(small.cpu_s, 1e-6);
  const double merge_ratio = large.merge_cpu_s / std::max(small.merge_cpu_s, 1e-6);
  JsonOut out;
  out.Num("articles", static_cast<double>(small_n));
  out.Num("factor", static_cast<double>(*factor));
  out.Num("reps", static_cast<double>(*reps));
  out.Num("small_entities", static_cast<double>(small.entities));
  out.Num("large_entities", static_cast<double>(large.entities));
  out.Num("small_cpu_s", small.cpu_s);
  out.Num("large_cpu_s", large.cpu_s);
  out.Num("ratio", ratio);
  out.Num("small_merge_cpu_s", small.merge_cpu_s);
  out.Num("large_merge_cpu_s", large.merge_cpu_s);
  out.Num("merge_ratio", merge_ratio);
  out.Num("peak_rss_mb", PeakRssMb());
  out.Print();
  return CheckRatio("resolution", *factor, ratio, *max_ratio);
}

}  // namespace irkg::bench
