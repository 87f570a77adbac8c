// being written
#include "bench/commands.h"
namespace irkg::bench {
std::vector<cli::OptionSpec> CorpusOptions() { return {}; }
std::vector<cli::OptionSpec> PipelineBenchOptions() { return {}; }
int RunCorpus(const cli::Args&) { return 1; }
int RunExtractBench(const cli::Args&) { return 1; }
int RunBuildBench(const cli::Args&) { return 1; }
}
