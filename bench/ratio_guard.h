// The --max-ratio guard the linearity benchmarks share: read the limit, and
// fail with one line when the measured ratio of times exceeds it.
#pragma once

#include <cstdio>
#include <string>

#include "cli/command.h"

namespace irkg::bench {

// The --max-ratio limit, 0 when none is given.
inline Result<double> MaxRatio(const cli::Args& args) {
  if (!args.Has("--max-ratio")) return 0.0;
  try {
    return std::stod(args.Get("--max-ratio"));
  } catch (...) {
    return Status::Usage("--max-ratio needs a number");
  }
}

// kExitOk, or kExitFailure with a message when `ratio` exceeds a non-zero `limit`.
inline int CheckRatio(const char* what, long factor, double ratio, double limit) {
  if (limit <= 0 || ratio <= limit) return cli::kExitOk;
  std::fprintf(stderr, "irkg-bench: %s grows faster than linearly: %ldx the input took %.1fx the time (limit %g)\n", what,
               factor, ratio, limit);
  return cli::kExitFailure;
}

}  // namespace irkg::bench
