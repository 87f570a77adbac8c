// irkg-bench: measurements of irkg on this machine, each printed as one
// JSON object so results can be compared run to run (docs/benchmarks.md).
// Subcommands live in a table, as irkg's own do: name, summary, options,
// function.
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "bench/commands.h"
#include "cli/command.h"

namespace irkg::bench {
namespace {

struct BenchCommand {
  const char* name;
  const char* synopsis;
  const char* summary;
  std::vector<cli::OptionSpec> options;
  int (*run)(const cli::Args&);
};

const std::vector<BenchCommand>& Table() {
  static const std::vector<BenchCommand> table = {
      {"graph", "irkg-bench graph [--entities N] [--edges M] [--queries Q] [--seed S] [--load GRAPH.jsonld]",
       "random news-like graph: build time, bytes per edge, path and neighbourhood query latency", GraphOptions(),
       RunGraphBench},
      {"corpus", "irkg-bench corpus --mb N [--seed S] -o FILE.jsonl",
       "write a deterministic synthetic diplomatic-news corpus (JSON Lines: id, title, date, text)", CorpusOptions(),
       RunCorpus},
      {"extract", "irkg-bench extract --input FILE.jsonl [-j N]",
       "run the extraction pipeline in-process: MB/s, articles/s, sentences/s, peak RSS", PipelineBenchOptions(),
       RunExtractBench},
      {"build", "irkg-bench build --input FILE.jsonl [-j N] [-o GRAPH.jsonld]",
       "extract, build the graph and write its JSON-LD in-process: time per stage, peak RSS", PipelineBenchOptions(),
       RunBuildBench},
      {"linearity", "irkg-bench linearity [--paragraphs N] [--factor F] [--max-ratio X]",
       "time one article and one F times as long: the ratio shows whether extraction is linear", LinearityOptions(),
       RunLinearityBench},
      {"resolution", "irkg-bench resolution [--articles N] [--factor F] [--max-ratio X]",
       "merge N and N x F synthetic articles: the time ratio shows whether entity resolution is near-linear; peak RSS",
       ResolutionOptions(), RunResolutionBench},
  };
  return table;
}

void Usage(FILE* to) {
  std::fprintf(to, "usage: irkg-bench COMMAND [options]   (each prints one JSON object)\n\n");
  for (const auto& c : Table()) std::fprintf(to, "  %-10s %s\n", c.name, c.summary);
  std::fprintf(to, "\nirkg-bench COMMAND --help lists a command's options.\n");
}

}  // namespace
}  // namespace irkg::bench

int main(int argc, char** argv) {
  using namespace irkg;
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "help")) {
    bench::Usage(argc < 2 ? stderr : stdout);
    return argc < 2 ? cli::kExitUsage : cli::kExitOk;
  }
  for (const auto& c : bench::Table()) {
    if (c.name != std::string(argv[1])) continue;
    std::vector<std::string> rest(argv + 2, argv + argc);
    if (!rest.empty() && (rest[0] == "--help" || rest[0] == "-h")) {
      std::printf("usage: %s\n\n%s\n\n%s", c.synopsis, c.summary, cli::FormatOptions(c.options).c_str());
      return cli::kExitOk;
    }
    auto args = cli::Args::Parse(rest, c.options);
    if (!args.ok()) return cli::Fail(args.status());
    return c.run(*args);
  }
  std::fprintf(stderr, "irkg-bench: unknown command '%s'\n", argv[1]);
  bench::Usage(stderr);
  return cli::kExitUsage;
}
