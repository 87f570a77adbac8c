// Reading files of extraction records (JSON Lines, as `irkg extract` writes
// them) for `irkg merge`: every record handed on in file order, the first bad
// line named FILE:LINE as one reader would name it. With N > 1 jobs the
// lines are parsed on N - 1 threads while the caller's thread, the N-th,
// takes the records, because parsing is the largest part of a merge of
// records (docs/scale.md) and the rest of it must stay in order.
#pragma once

#include <functional>
#include <string>

#include "core/record.h"
#include "core/status.h"

namespace irkg::cli {

// Calls `sink` with each record of `path` ("-" for standard input) in file
// order, skipping blank lines; stops at the first line that is not a record.
Status ReadRecordFile(const std::string& path, unsigned jobs, const std::function<void(ExtractionRecord&&)>& sink);

}  // namespace irkg::cli
