#include "core/iso_date.h"

#include <algorithm>

namespace irkg {
namespace {

// The number `n` decimal digits at `at` write, or -1 when any is not a digit
// or the text is too short.
int Digits(std::string_view text, size_t at, size_t n) {
  if (text.size() < at + n) return -1;
  int value = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

std::optional<IsoDateParts> ReadIsoDate(std::string_view d) {
  if (d.size() != 4 && d.size() != 7 && d.size() != 10) return std::nullopt;
  IsoDateParts parts;
  parts.year = Digits(d, 0, 4);
  if (parts.year < 0) return std::nullopt;
  if (d.size() >= 7) {
    parts.month = Digits(d, 5, 2);
    if (d[4] != '-' || parts.month < 0) return std::nullopt;
  }
  if (d.size() == 10) {
    parts.day = Digits(d, 8, 2);
    if (d[7] != '-' || parts.day < 0) return std::nullopt;
  }
  return parts;
}

bool IsIsoDate(std::string_view d) {
  std::optional<IsoDateParts> parts = ReadIsoDate(d);
  if (!parts) return false;
  if (d.size() >= 7 && (parts->month < 1 || parts->month > 12)) return false;
  if (d.size() == 10 && (parts->day < 1 || parts->day > 31)) return false;
  return true;
}

int YearOf(std::string_view iso_date) { return std::max(Digits(iso_date, 0, 4), 0); }

int CompareDates(std::string_view a, std::string_view b) {
  size_t n = std::min(a.size(), b.size());
  int c = a.substr(0, n).compare(b.substr(0, n));
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

}  // namespace irkg
