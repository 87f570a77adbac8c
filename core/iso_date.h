// ISO 8601 calendar dates as irkg stores them: "YYYY", "YYYY-MM" or
// "YYYY-MM-DD", as precise as the source was. A date names a period, so
// dates are compared on the precision both have: "2023" overlaps
// "2023-06-12". The one place that knows this form; the extractor's
// normalizer (extract/dates.h) produces it.
#pragma once

#include <string_view>

namespace irkg {

// True for "YYYY", "YYYY-MM" and "YYYY-MM-DD" with plausible numbers.
bool IsIsoDate(std::string_view date);

// -1, 0 or 1: `a` before, overlapping or after `b`, on their common precision.
int CompareDates(std::string_view a, std::string_view b);

}  // namespace irkg
