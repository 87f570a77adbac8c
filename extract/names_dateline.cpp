// Recognizer pass: the agency of a dateline.
//   DatelinePass reads "CITY, DATE (AGENCY) -" at an article's start and
//   adds the agency in parentheses as a news organization: "Lima, May 2
//   (Andina) - ...", "Oct. 7 (Andes Press) — ...". Only the first sentences
//   hold a dateline; elsewhere "(X) -" is a note or an aside.
#include "extract/name_recognizer.h"

namespace irkg::internal {

void Recognizer::DatelinePass() {
  uint32_t end = d.sentences.size() > kDatelineSentences ? d.sentences[kDatelineSentences].first : n;
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
    m.name = std::string(d.Span(m.first, m.last));
    AddMention(std::move(m));
  }
}

}  // namespace irkg::internal
