// The irkg-bench subcommands, one file each; irkg_bench.cpp holds the table.
// Each prints one JSON object on stdout (corpus prints it on stderr when
// the corpus itself goes to stdout) and returns an exit code.
#pragma once

#include <vector>

#include "cli/args.h"

namespace irkg::bench {

int RunGraphBench(const cli::Args& args);
int RunCorpus(const cli::Args& args);
int RunExtractBench(const cli::Args& args);
int RunBuildBench(const cli::Args& args);
int RunLinearityBench(const cli::Args& args);
int RunResolutionBench(const cli::Args& args);

std::vector<cli::OptionSpec> GraphOptions();
std::vector<cli::OptionSpec> CorpusOptions();
std::vector<cli::OptionSpec> PipelineBenchOptions();
std::vector<cli::OptionSpec> LinearityOptions();
std::vector<cli::OptionSpec> ResolutionOptions();

}  // namespace irkg::bench
