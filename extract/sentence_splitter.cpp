// Sentence splitting on tokens. A sentence ends at a line break, or at
// . ! ? (with any closing quotes) followed by a capital, a digit or an
// opening quote — unless the period belongs to an abbreviation ("Dec.",
// "Mr.") or an initial ("Maria K. Lindqvist").
#include "extract/document.h"

namespace irkg::internal {
namespace {

constexpr uint32_t kMaxSentenceTokens = 160;

bool IsClosingQuote(std::string_view t) {
  return t == "\"" || t == "\u201D" || t == "\u2019" || t == "'" || t == ")" || t == "\u00BB";
}

// Asked of every token: the one-byte marks by their byte.
bool IsTerminal(std::string_view t) {
  if (t.size() == 1) return t[0] == '.' || t[0] == '!' || t[0] == '?';
  return t == "\u2026";
}

// Title Case headlines ("Latvian PM Meets Chilean President in Santiago"):
// most words capitalized and no final period.
bool LooksTitleCase(const Document& d, uint32_t first, uint32_t last) {
  int words = 0, caps = 0;
  for (uint32_t i = first; i < last; ++i) {
    if (d.tokens[i].shape != TokenShape::kWord) continue;
    ++words;
    if (d.tokens[i].cap) ++caps;
  }
  if (words < 4) return false;
  if (IsTerminal(d.Text(last - 1))) return false;
  return caps * 10 >= words * 7;
}

}  // namespace

void SplitSentences(Document* d) {
  const auto& toks = d->tokens;
  uint32_t n = static_cast<uint32_t>(toks.size());
  d->sentence_of.resize(n);  // (every token's is written: the sentences cover them all)
  uint32_t start = 0;
  auto close = [&](uint32_t end) {
    if (end <= start) return;
    Sentence s{start, end, LooksTitleCase(*d, start, end)};
    for (uint32_t i = start; i < end; ++i) d->sentence_of[i] = static_cast<uint32_t>(d->sentences.size());
    d->sentences.push_back(s);
    start = end;
  };
  for (uint32_t i = 0; i < n; ++i) {
    if (i > start && toks[i].newline_before) close(i);
    // Text without sentence ends (lists, scraped tables, one huge line) is cut
    // into bounded pieces, at a comma or semicolon where there is one: the
    // rules look within a sentence, and must stay linear in the article.
    if (i - start >= kMaxSentenceTokens) {
      uint32_t cut = i;
      for (uint32_t k = i; k > start + kMaxSentenceTokens / 2; --k)
        if (d->Text(k - 1) == "," || d->Text(k - 1) == ";") {
          cut = k;
          break;
        }
      close(cut);
    }
    if (!IsTerminal(d->Text(i))) continue;
    uint32_t end = i + 1;
    while (end < n && !toks[end].space_before && IsClosingQuote(d->Text(end))) ++end;
    if (end >= n) continue;
    const Token& next = toks[end];
    if (next.newline_before) continue;  // the line break closes it
    bool starts_sentence = next.cap || next.shape == TokenShape::kNumber || d->Text(end) == "\"" ||
                           d->Text(end) == "\u201C" || d->Text(end) == "\u2018";
    if (!starts_sentence) continue;
    if (d->Text(i) == "." && i > 0 && !toks[i].space_before) {
      std::string_view prev = d->Text(i - 1);
      bool initial = prev.size() == 1 && toks[i - 1].cap;
      if (initial || d->Is(i - 1, "abbreviation")) continue;
      // "U.S." keeps its period: the tokenizer put it inside the token
    }
    close(end);
    i = end - 1;
  }
  close(n);
}

}  // namespace irkg::internal
