// Recognizer pass: acronyms.
//   AcronymPass reads "NAME (ACRONYM)" and adds the acronym as a mention of
//   the name's entity (kAcronym), then every later bare use of it.
#include "core/text.h"
#include "extract/name_recognizer.h"

namespace irkg::internal {

void Recognizer::AcronymPass() {
  struct Def {
    std::string text;
    int mention;
  };
  std::vector<Def> defs;
  // (an acronym is written in capitals: only the capitalized words are looked at)
  for (const uint32_t acronym : capitals) {
    if (acronym < 2 || acronym + 1 >= n) continue;
    const uint32_t i = acronym - 1;  // the opening parenthesis
    if (d.Text(i) != "(" || d.Text(i + 2) != ")" || !d.tokens[i + 1].upper) continue;
    int prev = d.mention_at[i - 1];
    if (prev < 0 || d.mention_at[i + 1] >= 0) continue;
    defs.push_back({std::string(d.Text(i + 1)), prev});
    Mention m = d.mentions[prev];
    m.first = i + 1;
    m.last = i + 2;
    m.form = MentionForm::kAcronym;
    AddMention(std::move(m));
  }
  if (defs.empty()) return;
  for (const uint32_t i : capitals) {
    if (d.mention_at[i] >= 0 || !d.tokens[i].upper) continue;
    for (const auto& def : defs)
      if (d.Text(i) == def.text) {
        Mention m = d.mentions[def.mention];
        m.first = i;
        m.last = i + 1;
        m.form = MentionForm::kAcronym;
        AddMention(std::move(m));
        break;
      }
  }
}

}  // namespace irkg::internal
