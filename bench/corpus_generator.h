// A generator of synthetic diplomatic news: articles of 300-800 words about
// a recurring cast (countries, their officials, international bodies) who
// meet, visit, sign, sanction, attack, join, open embassies and make
// statements, in varied phrasing. Article i depends only on (seed, i), so
// corpora of any size are prefixes of one another and the same bytes on
// every machine (bench/prng.h).
//
// The text is made to keep the extractor busy the way real news does (names
// with titles and demonyms, dates, quotes), not to be correct or true.
#pragma once

#include <cstdint>
#include <string>

namespace irkg::bench {

struct SyntheticArticle {
  std::string id, title, date, text;
};

SyntheticArticle MakeArticle(uint64_t seed, uint64_t index);

// The article as one JSON Lines record ({"id","title","date","text"} and '\n').
void AppendArticleJson(const SyntheticArticle& article, std::string* out);

}  // namespace irkg::bench
