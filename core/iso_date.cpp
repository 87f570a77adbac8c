#include "core/iso_date.h"

#include <algorithm>

namespace irkg {

bool IsIsoDate(std::string_view d) {
  auto digits = [&](size_t at, size_t n) {
    if (d.size() < at + n) return -1;
    int value = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (d[i] < '0' || d[i] > '9') return -1;
      value = value * 10 + (d[i] - '0');
    }
    return value;
  };
  if (d.size() != 4 && d.size() != 7 && d.size() != 10) return false;
  if (digits(0, 4) < 0) return false;
  if (d.size() >= 7) {
    int month = digits(5, 2);
    if (d[4] != '-' || month < 1 || month > 12) return false;
  }
  if (d.size() == 10) {
    int day = digits(8, 2);
    if (d[7] != '-' || day < 1 || day > 31) return false;
  }
  return true;
}

int CompareDates(std::string_view a, std::string_view b) {
  size_t n = std::min(a.size(), b.size());
  int c = a.substr(0, n).compare(b.substr(0, n));
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

}  // namespace irkg
