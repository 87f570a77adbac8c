#include "extract/dates.h"

#include <cstdio>
#include <cstdlib>

#include "core/iso_date.h"
#include "core/text.h"

namespace irkg::internal {
namespace {

int MonthOf(std::string_view w) {
  static const char* kNames[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  if (w.size() < 3) return 0;
  static const char* kFull[] = {"january", "february", "march", "april", "may", "june", "july",
                                "august", "september", "october", "november", "december"};
  for (int m = 0; m < 12; ++m)
    if (EqualsLowerAscii(w, kFull[m]) || EqualsLowerAscii(w, kNames[m]) || (m == 8 && EqualsLowerAscii(w, "sept"))) return m + 1;
  return 0;
}

int WeekdayOf(std::string_view w) {
  static const char* kDays[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  for (int d = 0; d < 7; ++d)
    if (EqualsLowerAscii(w, kDays[d])) return d;
  return -1;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// Digits only and at most four of them, so no overflow and no need for
// atoi's copy into a NUL-terminated string (this runs for every token).
int Number(std::string_view s) {
  if (s.size() > 4 || !AllDigits(s)) return -1;
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

int DayNumber(std::string_view s) {
  // "8", "8th", "21st"
  size_t k = 0;
  while (k < s.size() && s[k] >= '0' && s[k] <= '9') ++k;
  if (k == 0 || k > 2) return -1;
  std::string_view rest = s.substr(k);
  if (!rest.empty() && rest != "st" && rest != "nd" && rest != "rd" && rest != "th") return -1;
  int d = 0;
  for (size_t j = 0; j < k; ++j) d = d * 10 + (s[j] - '0');
  return d >= 1 && d <= 31 ? d : -1;
}

bool IsYear(int y) { return y >= 1800 && y <= 2100; }

// "30th", "1st", "101st": the number of an ordinal written in digits, else -1.
int OrdinalNumber(std::string_view s) {
  size_t k = 0;
  while (k < s.size() && s[k] >= '0' && s[k] <= '9') ++k;
  std::string_view rest = s.substr(k);
  if (k == 0 || k > 3 || (rest != "st" && rest != "nd" && rest != "rd" && rest != "th")) return -1;
  return Number(s.substr(0, k));
}

// YYYY, YYYY-MM or YYYY-MM-DD. By hand: snprintf cost more than finding the
// date. Years are 1800-2100 and months and days at most two digits wherever
// this is called; anything else takes snprintf's path.
std::string Iso(int y, int m, int d) {
  char buf[16];
  if (y < 0 || y > 9999 || m < 0 || m > 99 || d < 0 || d > 99) {
    if (d > 0) std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    else if (m > 0) std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
    else std::snprintf(buf, sizeof buf, "%04d", y);
    return buf;
  }
  auto put2 = [&](char* p, int v) {
    p[0] = static_cast<char>('0' + v / 10);
    p[1] = static_cast<char>('0' + v % 10);
  };
  put2(buf, y / 100);
  put2(buf + 2, y % 100);
  size_t n = 4;
  if (m > 0 || d > 0) {
    buf[4] = '-';
    put2(buf + 5, m);
    n = 7;
    if (d > 0) {
      buf[7] = '-';
      put2(buf + 8, d);
      n = 10;
    }
  }
  return std::string(buf, n);
}

// Days since 1970-01-01 (civil calendar), and back.
long DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(long z, int* y, int* m, int* d) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(yoe + era * 400 + (*m <= 2));
}

bool ParseIso(const std::string& s, int* y, int* m, int* d) {
  *y = *m = *d = 0;
  // The article's date is parsed once per sentence, and it is nearly always
  // in the normalized forms Iso() writes; read those without sscanf, which
  // costs more than the rest of FindDates on a short sentence.
  if (std::optional<IsoDateParts> parts = ReadIsoDate(s)) {
    *y = parts->year;
    *m = parts->month;
    *d = parts->day;
    return IsYear(*y);
  }
  return std::sscanf(s.c_str(), "%4d-%2d-%2d", y, m, d) >= 1 && IsYear(*y);
}

// The year of a day and month written without one ("on December 28"): the
// article's, unless that puts it half a year or more after the article —
// news tells what happened, so a December day in a January story is last
// year's.
int YearOfDayMonth(int article_year, int article_month, int month) {
  return month - article_month >= 6 ? article_year - 1 : article_year;
}

}  // namespace

std::string NormalizeIsoDate(const std::string& s) {
  int y, m, d;
  if (!ParseIso(s, &y, &m, &d)) return "";
  if (m < 1 || m > 12) return Iso(y, 0, 0);
  if (d < 1 || d > 31) return Iso(y, m, 0);
  return Iso(y, m, d);
}

std::vector<DateMention> FindDates(const Document& doc, uint32_t first, uint32_t last) {
  std::vector<DateMention> out;
  // Every form below starts at a month or weekday word or at a number; most
  // sentences have none, and need neither the article's date nor a look at
  // each word.
  uint32_t start = first;
  while (start < last && doc.tokens[start].shape != TokenShape::kNumber && !doc.Is(start, "month") &&
         !doc.Is(start, "weekday") && !EqualsLowerAscii(doc.Text(start), "yesterday"))
    ++start;
  if (start == last) return out;
  int ay = 0, am = 0, ad = 0;
  bool have_article = ParseIso(doc.article_date, &ay, &am, &ad);
  auto text = [&](uint32_t i) { return i < last ? doc.Text(i) : std::string_view(); };
  for (uint32_t i = start; i < last; ++i) {
    std::string_view w = text(i);
    int month = doc.Is(i, "month") ? MonthOf(w) : 0;
    if (month && doc.tokens[i].cap) {
      // Month D(,) YYYY | Month D | Month YYYY
      uint32_t k = i + 1;
      if (text(k) == ".") ++k;
      int day = DayNumber(text(k));
      if (day > 0) {
        uint32_t j = k + 1;
        if (text(j) == ",") ++j;
        int year = Number(text(j));
        if (IsYear(year)) {
          out.push_back({i, j + 1, Iso(year, month, day), true});
          i = j;
          continue;
        }
        if (have_article) out.push_back({i, k + 1, Iso(YearOfDayMonth(ay, am, month), month, day), true});
        i = k;
        continue;
      }
      int year = Number(text(k));
      if (IsYear(year)) {
        out.push_back({i, k + 1, Iso(year, month, 0), false});
        i = k;
      }
      continue;
    }
    // Only number tokens start with a digit: words and punctuation are no
    // day and no year, and need not be parsed as one.
    const bool number = doc.tokens[i].shape == TokenShape::kNumber;
    int day = number ? DayNumber(w) : -1;
    if (day > 0) {
      // D Month(,) YYYY | D Month
      uint32_t k = i + 1;
      if (text(k) == "of") ++k;
      int m = k < last && doc.Is(k, "month") ? MonthOf(text(k)) : 0;
      if (m && doc.tokens[k].cap) {
        uint32_t j = k + 1;
        if (text(j) == ".") ++j;
        if (text(j) == ",") ++j;
        int year = Number(text(j));
        if (IsYear(year)) {
          out.push_back({i, j + 1, Iso(year, m, day), true});
          i = j;
        } else if (have_article) {
          out.push_back({i, k + 1, Iso(YearOfDayMonth(ay, am, m), m, day), true});
          i = k;
        }
        continue;
      }
    }
    // DD-MM-YYYY or YYYY-MM-DD written as one run of number and hyphen tokens
    if (number && text(i + 1) == "-" && text(i + 3) == "-" &&
        doc.tokens[i + 2].shape == TokenShape::kNumber && doc.tokens[i + 4].shape == TokenShape::kNumber &&
        !doc.tokens[i + 1].space_before && !doc.tokens[i + 3].space_before) {
      int a = Number(w), b = Number(text(i + 2)), c = Number(text(i + 4));
      if (IsYear(a) && b >= 1 && b <= 12 && c >= 1 && c <= 31) out.push_back({i, i + 5, Iso(a, b, c), true});
      else if (IsYear(c) && b >= 1 && b <= 12 && a >= 1 && a <= 31) out.push_back({i, i + 5, Iso(c, b, a), true});
      i += 4;
      continue;
    }
    // "the 1990s": a decade, ISO 8601's three-digit form "199"
    if (number && w.size() == 5 && w[3] == '0' && w[4] == 's' && IsYear(Number(w.substr(0, 4)))) {
      out.push_back({i, i + 1, std::string(w.substr(0, 3)), false});
      continue;
    }
    // "the 30th anniversary": counted back from the article's year
    if (number && have_article && EqualsLowerAscii(text(i + 1), "anniversary")) {
      int n = OrdinalNumber(w);
      if (n > 0 && n < 500) out.push_back({i, i + 2, Iso(ay - n, 0, 0), false});
      i += 1;
      continue;
    }
    // in|since|by|until YYYY
    int year = number ? Number(w) : -1;
    if (IsYear(year) && w.size() == 4 && i > first) {
      std::string_view prev = text(i - 1);
      if (prev == "in" || prev == "since" || prev == "In" || prev == "Since" || prev == "until" || prev == "by" ||
          prev == "of" || prev == "early" || prev == "late" || prev == "mid") {
        // a year that starts a range ("2022-2027") is a period, not a date
        if (text(i + 1) == "-" && !doc.tokens[i + 1].space_before) continue;
        out.push_back({i, i + 1, Iso(year, 0, 0), false, prev == "since" || prev == "Since"});
      }
      continue;
    }
    // "yesterday": the day before the article's
    if (have_article && ad > 0 && EqualsLowerAscii(w, "yesterday")) {
      int y, m, d;
      CivilFromDays(DaysFromCivil(ay, am, ad) - 1, &y, &m, &d);
      out.push_back({i, i + 1, Iso(y, m, d), true});
      continue;
    }
    // (on|last|this)? Weekday — completed from the article's date
    int wd = doc.Is(i, "weekday") ? WeekdayOf(w) : -1;
    if (wd >= 0 && doc.tokens[i].cap && have_article && ad > 0) {
      long article_days = DaysFromCivil(ay, am, ad);
      int article_wd = static_cast<int>(((article_days % 7) + 7 + 3) % 7);  // 1970-01-01 was a Thursday (3)
      int back = (article_wd - wd + 7) % 7;
      if (i > first && (text(i - 1) == "last" || text(i - 1) == "Last") && back == 0) back = 7;
      int y, m, d;
      CivilFromDays(article_days - back, &y, &m, &d);
      out.push_back({i, i + 1, Iso(y, m, d), true});
    }
  }
  return out;
}

bool DayOfTheNews(const std::string& iso, const std::string& article_date, int days) {
  int y, m, d, ay, am, ad;
  if (iso.size() != 10 || article_date.size() != 10 || !ParseIso(iso, &y, &m, &d) || !ParseIso(article_date, &ay, &am, &ad))
    return false;
  const long back = DaysFromCivil(ay, am, ad) - DaysFromCivil(y, m, d);
  return back >= 0 && back <= days;
}

std::string FindArticleDate(const Document& doc) {
  // Only the first few lines: datelines and "Updated:" stamps live there;
  // dates further down belong to the events.
  uint32_t limit = 0, lines = 0;
  while (limit < doc.tokens.size() && lines <= 4) {
    if (doc.tokens[limit].newline_before) ++lines;
    if (lines > 4) break;
    ++limit;
  }
  for (const auto& d : FindDates(doc, 0, limit))
    if (d.full && d.iso.size() == 10) return d.iso;
  return "";
}

}  // namespace irkg::internal
