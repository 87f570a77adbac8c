// Recognizer pass: the agency and the place of a dateline.
//   DatelinePass reads "CITY, DATE (AGENCY) -" at an article's start and
//   adds the agency in parentheses as a news organization: "Lima, May 2
//   (Andina) - ...", "Oct. 7 (Andes Press) — ...". Only the first sentences
//   hold a dateline; elsewhere "(X) -" is a note or an aside. A city the
//   dictionary lacks, written in capitals at a sentence's start before a
//   comma and a state, a date or the agency ("TROMSO, Norway, May 2 -"),
//   is a place, named in Title Case.
#include "extract/name_recognizer.h"

namespace irkg::internal {

namespace {

// "TROMSØ" -> "Tromsø": upper-case ASCII and Latin-1 letters after the
// first lowered (other scripts as written).
std::string TitleCaseWord(std::string_view w) {
  std::string out(w);
  for (size_t i = 1; i < out.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < out.size()) {
      // U+00C0..U+00DE (but U+00D7, the multiplication sign) lower by 0x20
      unsigned char next = static_cast<unsigned char>(out[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97) out[i + 1] = static_cast<char>(next + 0x20);
      ++i;
    }
  }
  return out;
}

}  // namespace

void Recognizer::DatelinePlacePass(uint32_t end) {
  for (uint32_t s = 0; s < d.sentences.size() && s < kDatelineSentences; ++s) {
    const uint32_t first = d.sentences[s].first;
    uint32_t last = first;
    while (last < end && last < first + 3 && d.tokens[last].upper && d.mention_at[last] < 0 && d.title_at[last] < 0) ++last;
    if (last == first || last + 1 >= end || d.Text(last) != ",") continue;
    const uint32_t next = last + 1;
    const int m = d.mention_at[next];
    const bool state_next = m >= 0 && d.mentions[m].type == EntityType::kCountry;
    if (!state_next && !d.Is(next, "month") && d.tokens[next].shape != TokenShape::kNumber) continue;
    Mention place;
    place.first = first;
    place.last = last;
    place.type = EntityType::kLocation;
    place.subtype = "city";
    std::string name;
    for (uint32_t i = first; i < last; ++i) {
      if (i > first) name += ' ';
      name += TitleCaseWord(d.Text(i));
    }
    place.name = d.KeepName(std::move(name));
    AddMention(std::move(place));
    return;
  }
}

void Recognizer::DatelinePass() {
  uint32_t end = d.sentences.size() > kDatelineSentences ? d.sentences[kDatelineSentences].first : n;
  DatelinePlacePass(end);
  for (uint32_t open = 0; open + 2 < end; ++open) {
    if (d.Text(open) != "(") continue;
    uint32_t close = open + 1;
    while (close < end && close < open + 5 && Cap(close) && d.mention_at[close] < 0 && d.title_at[close] < 0) ++close;
    if (close == open + 1 || close >= end || d.Text(close) != ")" || !IsDash(d.Text(close + 1))) continue;
    Mention m;
    m.first = open + 1;
    m.last = close;
    m.type = EntityType::kOrganization;
    m.subtype = "media";
    m.strong = true;
    m.name = d.Span(m.first, m.last);
    AddMention(std::move(m));
  }
}

}  // namespace irkg::internal
