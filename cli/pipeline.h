// The read -> extract stage shared by `extract` and `build`: articles from
// the inputs go through the Extractor and come out as records, in input
// order. A bad input stops the run unless --keep-going, which skips it,
// counts it and makes the run fail at the end.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "cli/args.h"
#include "core/record.h"
#include "core/status.h"
#include "extract/extractor.h"

namespace irkg::cli {

struct PipelineOptions {
  std::vector<std::string> inputs;
  std::vector<std::string> dictionaries;  // --dict files
  bool keep_going = false;
  bool quiet = false;
  unsigned jobs = 1;
  // Skips articles whose doc id this returns true for (already in a graph).
  std::function<bool(const std::string&)> skip;
  bool time_passes = false;  // fill PipelineResult::pass_times (the benchmark)
};

struct PipelineResult {
  size_t articles = 0;
  size_t skipped_bad = 0;     // bad inputs skipped under --keep-going
  size_t skipped_known = 0;   // articles `skip` said were done
  uint64_t bytes = 0;
  PassTimes pass_times;       // summed over the extraction threads, when asked
  double load_seconds = 0;    // loading the dictionaries, lexicon and frames (wall), before any article
};

// The options extract and build share, for their option tables.
std::vector<OptionSpec> PipelineOptionSpecs();
Result<PipelineOptions> PipelineOptionsFrom(const Args& args);

// Calls `sink` with each record in input order.
Result<PipelineResult> RunPipeline(const PipelineOptions& options,
                                   const std::function<void(ExtractionRecord&&)>& sink);

}  // namespace irkg::cli
