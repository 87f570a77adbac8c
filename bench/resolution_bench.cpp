// irkg-bench resolution: does entity resolution stay near-linear? N and
// N x FACTOR synthetic articles (extraction records, no text to read) are
// merged and the graph built (GraphBuilder::Build, where the EntityResolver
// runs), timed in CPU seconds; the ratio is of Build alone, merge_ratio of
// adding the records and Build together (what the builder costs a corpus,
// whichever side does the work). Each article names three of a population
// of persons that grows with the corpus, a third of the time by surname
// alone, each holding an office of one of 40 states in a year; two persons
// share each surname (the resolver must tell them apart by office and
// time). A resolver that compared every person with every other would give
// a ratio near FACTOR squared; blocking by surname gives one near FACTOR.
// With --max-ratio the command fails when the ratio exceeds it (CTest runs
// it so).
//
// Each build runs in a process of its own, small and large in turn, --reps
// times; the fastest of each size counts (other jobs on a shared machine
// only ever add time), and the medians are printed beside it.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "bench/commands.h"
#include "bench/json_out.h"
#include "bench/measure.h"
#include "bench/ratio_guard.h"
#include "bench/prng.h"
#include "bench/synthetic_names.h"
#include "cli/command.h"
#include "cli/graph_io.h"
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

// What one build of a corpus cost. Plain numbers: a child process writes it
// to its parent through a pipe as it is.
struct BuildCost {
  double build_cpu_s = 0;    // GraphBuilder::Build
  double merge_cpu_s = 0;    // AddRecord of every article, and Build
  double build_faults = 0;   // minor page faults during Build
  double instructions = -1;  // during Build; negative when the machine has no counter
  double peak_rss_mb = 0;    // of the whole process
  double entities = 0;
};

// Adds `articles` synthetic articles to a builder and builds the graph,
// timing both; writes the graph to `graph_out` unless it is empty.
BuildCost BuildOnce(uint64_t articles, uint64_t seed, const std::string& graph_out) {
  BuildCost cost;
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
  FreeBuffer(batch);
  InstructionCounter instructions;
  const long faults = MinorFaults();
  const double start = CpuSeconds();
  instructions.Start();
  KnowledgeGraph graph = builder.Build();
  const std::optional<uint64_t> counted = instructions.Read();
  cost.build_cpu_s = CpuSeconds() - start;
  cost.build_faults = static_cast<double>(MinorFaults() - faults);
  if (counted) cost.instructions = static_cast<double>(*counted);
  cost.merge_cpu_s = cost.build_cpu_s + add_s;
  cost.entities = static_cast<double>(graph.entity_count());
  cost.peak_rss_mb = PeakRssMb();
  if (!graph_out.empty()) {
    Status saved = cli::SaveGraph(graph, graph_out);
    if (!saved.ok()) std::fprintf(stderr, "irkg-bench: %s\n", saved.message().c_str());
  }
  return cost;
}

// BuildOnce in a child process, so that every build starts alike, as a run
// of `irkg build` does: an empty symbol table, and no heap or mappings that
// an earlier build grew. In one process the later builds ran on what the
// earlier ones left: the small corpus's second build on memory its first
// had faulted in, the large one's (which outgrew it) mostly not, so the
// ratio compared different work.
Result<BuildCost> BuildInChild(uint64_t articles, uint64_t seed, const std::string& graph_out) {
  int fds[2];
  if (pipe(fds) != 0) return Status::IoError("irkg-bench: no pipe for a child build");
  std::fflush(nullptr);  // what is buffered is the parent's to print, once
  const pid_t child = fork();
  if (child < 0) return Status::IoError("irkg-bench: cannot fork a child build");
  if (child == 0) {
    close(fds[0]);
    const BuildCost cost = BuildOnce(articles, seed, graph_out);
    const bool written = write(fds[1], &cost, sizeof cost) == static_cast<ssize_t>(sizeof cost);
    _exit(written ? 0 : 1);
  }
  close(fds[1]);
  BuildCost cost;
  const bool read_all = read(fds[0], &cost, sizeof cost) == static_cast<ssize_t>(sizeof cost);
  close(fds[0]);
  int status = 0;
  waitpid(child, &status, 0);
  if (!read_all || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
    return Status::IoError("irkg-bench: a child build of " + std::to_string(articles) + " articles failed");
  return cost;
}

// One figure of the builds of one size: the smallest and the median.
struct Spread {
  double min = 0;
  double median = 0;
};
Spread SpreadOf(const std::vector<BuildCost>& runs, double BuildCost::*figure) {
  std::vector<double> values;
  for (const BuildCost& run : runs) values.push_back(run.*figure);
  const double median = Quantile(values, 0.5);  // sorts
  return Spread{values.front(), median};
}

}  // namespace

std::vector<cli::OptionSpec> ResolutionOptions() {
  return {
      {"--articles", nullptr, "N", "articles of the smaller corpus (default 10000)"},
      {"--factor", nullptr, "F", "the larger corpus has F times as many (default 10)"},
      {"--seed", nullptr, "S", "seed of the synthetic corpus (default 1)"},
      {"--reps", nullptr, "R", "builds of each corpus, each in a process of its own, the fastest counts (default 3)"},
      {"--graph-out", nullptr, "PREFIX", "write the first build of each corpus to PREFIX.small.jsonld and PREFIX.large.jsonld"},
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
  const std::string graph_out = args.Get("--graph-out");
  // Small and large in turn, so that a change in the machine's load falls
  // on both sizes alike.
  std::vector<BuildCost> small, large;
  for (int64_t r = 0; r < *reps; ++r) {
    for (auto [n, runs, name] : {std::tuple(small_n, &small, "small"), std::tuple(large_n, &large, "large")}) {
      auto cost = BuildInChild(n, static_cast<uint64_t>(*seed), r == 0 && !graph_out.empty() ? graph_out + "." + name + ".jsonld" : "");
      if (!cost.ok()) return cli::Fail(cost.status());
      runs->push_back(*cost);
    }
  }
  std::string pair_ratios;
  for (size_t r = 0; r < small.size(); ++r) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s%.1f", r ? " " : "", large[r].build_cpu_s / std::max(small[r].build_cpu_s, 1e-6));
    pair_ratios += buf;
  }
  const Spread small_build = SpreadOf(small, &BuildCost::build_cpu_s), large_build = SpreadOf(large, &BuildCost::build_cpu_s);
  const Spread small_merge = SpreadOf(small, &BuildCost::merge_cpu_s), large_merge = SpreadOf(large, &BuildCost::merge_cpu_s);
  const double ratio = large_build.min / std::max(small_build.min, 1e-6);
  JsonOut out;
  out.Num("articles", static_cast<double>(small_n));
  out.Num("factor", static_cast<double>(*factor));
  out.Num("reps", static_cast<double>(*reps));
  out.Num("small_entities", small[0].entities);
  out.Num("large_entities", large[0].entities);
  out.Num("small_cpu_s", small_build.min);
  out.Num("large_cpu_s", large_build.min);
  out.Num("ratio", ratio);
  out.Num("median_ratio", large_build.median / std::max(small_build.median, 1e-6));
  out.Str("pair_ratios", pair_ratios);
  out.Num("small_merge_cpu_s", small_merge.min);
  out.Num("large_merge_cpu_s", large_merge.min);
  out.Num("merge_ratio", large_merge.min / std::max(small_merge.min, 1e-6));
  out.Num("small_faults", SpreadOf(small, &BuildCost::build_faults).median);
  out.Num("large_faults", SpreadOf(large, &BuildCost::build_faults).median);
  const Spread small_instructions = SpreadOf(small, &BuildCost::instructions);
  const Spread large_instructions = SpreadOf(large, &BuildCost::instructions);
  if (small_instructions.min > 0 && large_instructions.min > 0) {
    out.Num("small_instructions", small_instructions.min);
    out.Num("large_instructions", large_instructions.min);
    out.Num("instruction_ratio", large_instructions.min / small_instructions.min);
  }
  out.Num("small_peak_rss_mb", SpreadOf(small, &BuildCost::peak_rss_mb).median);
  out.Num("peak_rss_mb", SpreadOf(large, &BuildCost::peak_rss_mb).median);
  out.Print();
  return CheckRatio("resolution", *factor, ratio, *max_ratio);
}

}  // namespace irkg::bench
