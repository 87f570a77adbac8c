// Dates in text, normalized to ISO 8601 as precisely as the text allows:
// "May 8, 1992" -> 1992-05-08, "in 2020" -> 2020, "June 2023" -> 2023-06,
// "on May 19" and "last Tuesday" completed from the article's date, "the
// 1990s" -> 199 (ISO 8601's decade), "the 30th anniversary" -> the article's
// year less 30.
#pragma once

#include <string>
#include <vector>

#include "extract/document.h"

namespace irkg::internal {

struct DateMention {
  uint32_t first = 0, last = 0;  // tokens
  std::string iso;
  bool full = false;             // year, month and day
  bool since = false;            // "since 2019": where a state began, no event's date
};

// Date expressions among tokens [first, last).
std::vector<DateMention> FindDates(const Document& doc, uint32_t first, uint32_t last);

// The article's own date from its first lines (a dateline, "Updated: ..."),
// or empty.
std::string FindArticleDate(const Document& doc);

// Whether `iso` is a day within `days` days before `article_date` (both
// YYYY-MM-DD), the article's day included: a day the news is about, not
// background ("in March", "in 2019") nor a day ahead.
bool DayOfTheNews(const std::string& iso, const std::string& article_date, int days);

// Normalizes a metadata date ("2023-08-26", "2023-08-26T10:00:00Z") to ISO 8601.
std::string NormalizeIsoDate(const std::string& s);

}  // namespace irkg::internal
