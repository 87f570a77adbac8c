// ISO 8601 calendar dates as irkg stores them: "YYYY", "YYYY-MM" or
// "YYYY-MM-DD", as precise as the source was. A date names a period, so
// dates are compared on the precision both have: "2023" overlaps
// "2023-06-12". The one place that knows this form; the extractor's
// normalizer (extract/dates.h) produces it.
#pragma once

#include <optional>
#include <string_view>

namespace irkg {

// The numbers a date of one of the three forms writes; month and day are 0
// when the date does not give them.
struct IsoDateParts {
  int year = 0;
  int month = 0;
  int day = 0;
};

// Reads "YYYY", "YYYY-MM" or "YYYY-MM-DD" (digits and dashes in place, no
// range checks: "2023-13" reads as month 13); nullopt for any other text.
// The one reader of the form: callers judge the numbers as they need.
std::optional<IsoDateParts> ReadIsoDate(std::string_view date);

// True for "YYYY", "YYYY-MM" and "YYYY-MM-DD" with plausible numbers.
bool IsIsoDate(std::string_view date);

// The year a date begins with (its first four characters, when they are
// digits), 0 when it has none.
int YearOf(std::string_view iso_date);

// -1, 0 or 1: `a` before, overlapping or after `b`, on their common precision.
int CompareDates(std::string_view a, std::string_view b);

}  // namespace irkg
