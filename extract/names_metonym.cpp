// Recognizer pass: capitals standing for their states.
//   MetonymPass reads the city mentions that are a state's capital and, where
//   they stand as an actor ("Oslo said", "talks between Oslo and Lima",
//   "a deal with Oslo", "Oslo's demands", "urged Oslo to act"),
//   turns them into mentions of the state (kMetonym); as a place ("in
//   Oslo") they stay Locations.
#include "core/text.h"
#include "extract/name_recognizer.h"

namespace irkg::internal {

// A capital standing for its state: "Moscow said", "blacklisted by
// Washington", "rivalry between Washington and Havana". Such a mention
// names the state, not the city.
void Recognizer::MetonymPass() {
  for (auto& m : d.mentions) {
    if (m.type != EntityType::kLocation || m.last <= m.first || m.subtype != "city") continue;
    int country = CapitalOf(m);
    if (country < 0 || !ActorPosition(m)) continue;
    const DictEntry& e = entries[country];
    m.type = EntityType::kCountry;
    m.form = MentionForm::kMetonym;
    m.dict_entry = country;
    m.name = e.canonical;
    m.code = e.code;
    m.subtype = {};
  }
}

// A word of stance whose "from" phrase names who took it: "condemnation
// from", "support from", "warnings from".
bool Recognizer::StanceWord(uint32_t i) const {
  return d.Is(i, "criticize") || d.Is(i, "support") || d.Is(i, "threaten") || d.Is(i, "concern");
}

// The country entry whose capital form this mention is, or -1.
int Recognizer::CapitalOf(const Mention& m) const { return d.StateEntryOfCapitalAt(m.first, m.last); }

bool Recognizer::ActorPosition(const Mention& m) const {
  // whose wishes or acts, wherever the phrase stands: "Ankara's demands",
  // "all of Lima's proposals" — not "Lima's suburbs", "Lima's Miraflores"
  if (m.last < n && Possessive(m.last))
    return !(m.last + 1 < n && (d.Is(m.last + 1, "place_part") || d.Is(m.last + 1, "place_kind") ||
                                d.Is(m.last + 1, "place_word") || Cap(m.last + 1)));
  if (m.first > 0) {
    // "recalled its ambassador from Managua": the state an envoy leaves
    if (d.IsWord(m.first - 1, "from") && m.first >= 2 && d.Is(m.first - 2, "envoy")) return true;
    // whose stance another's word reports: "drew condemnation from Oslo",
    // "praise from Lima" (but "flew from Oslo", "a delegation from Lima")
    if (d.IsWord(m.first - 1, "from") && m.first >= 2 && StanceWord(m.first - 2)) return true;
    // whose ally or partner: "a close ally of Damascus", "a partner of
    // Lima", "criticism of Quito" (but "the mayor of Oslo", "east of Lima");
    // whom a stance is for: "expressed support for Manila"
    if (d.IsWord(m.first - 1, "of") && m.first >= 2 && (d.Is(m.first - 2, "coop") || StanceWord(m.first - 2)))
      return true;
    if (d.IsWord(m.first - 1, "for") && m.first >= 2 && StanceWord(m.first - 2)) return true;
    // the target of a phrasal stance: "hit back at Oslo", "lashed out at
    // Lima", "took aim at Quito" (but "talks at Oslo", "flew back at dawn")
    if (d.IsWord(m.first - 1, "at") && m.first >= 2 &&
        (d.Is(m.first - 2, "stance_at") ||
         (m.first >= 3 && d.Is(m.first - 2, "stance_particle") && d.Is(m.first - 3, "stance_verb"))))
      return true;
    // the next of a list whose first capital stands for its state: "condemned
    // Oslo and Lima", "from Oslo, Lima and Quito" (but "in Oslo and Lima")
    if ((d.IsWord(m.first - 1, "and") || d.Text(m.first - 1) == ",") && m.first >= 2 &&
        d.mention_at[m.first - 2] >= 0 && d.mentions[d.mention_at[m.first - 2]].form == MentionForm::kMetonym)
      return true;
    // the recipient of goods: "supplied weapons to Kyiv", "delivered gas to
    // Minsk" (a word of supply a few words before "to"; not "flew to Kyiv",
    // nor "sent a delegation to Kyiv", where people go)
    if (d.IsWord(m.first - 1, "to"))
      for (uint32_t k = m.first - 1; k-- > 0 && k + 5 >= m.first && SameSentence(k, m.first);)
        if (d.Is(k, "supply") && d.mention_at[k] < 0 && !d.IsWord(k, "sent") && !d.IsWord(k, "send") &&
            !d.IsWord(k, "sends"))
          return true;
    std::string_view prev = d.Text(m.first - 1);
    if (prev == "in" || prev == "to" || prev == "at" || prev == "from" || prev == "near" || prev == "of" ||
        prev == "into" || prev == "In" || prev == "visit" || prev == "toward" || prev == "towards" || prev == "," ||
        prev == "capital")
      return false;
    if (d.IsWord(m.first - 1, "by") || d.IsWord(m.first - 1, "between")) return true;
    // the object of a stance or a sanction: "threatened Seoul", "condemned Washington"
    if (d.Is(m.first - 1, "threaten") || d.Is(m.first - 1, "criticize") || d.Is(m.first - 1, "sanction") ||
        d.Is(m.first - 1, "support"))
      return true;
    // "between Washington and Havana": the second of the pair
    if (d.IsWord(m.first - 1, "and") && m.first >= 3 && d.IsWord(m.first - 3, "between")) return true;
    // the other side of a dealing: "an agreement with Beijing", "ties with Moscow"
    if (d.IsWord(m.first - 1, "with")) return true;
    // the target of measures: "sanctions against Moscow", "sanctions on
    // Minsk", "vowed reciprocal measures against Washington", "would
    // retaliate against Lima" (but "strikes against Kyiv" hit a city)
    if ((d.IsWord(m.first - 1, "against") || d.IsWord(m.first - 1, "on")) && m.first >= 3) {
      const uint32_t what = IsQuote(m.first - 2) ? m.first - 3 : m.first - 2;  // 'took "measures" against'
      if (d.Is(what, "sanction") || d.Is(what, "countermeasure") || d.Is(what, "threaten")) return true;
    }
  }
  if (m.last >= n) return false;
  // (past an adverb: "Lima also suspended ...", "Oslo later said"; or a
  // quotation's opening mark: 'said Lima "stands with B"')
  if (const uint32_t after = m.last; !d.tags.empty() && (d.tags[after].pos == Pos::kAdverb || IsQuote(after)) &&
      after + 1 < n && d.tags[after + 1].pos == Pos::kVerb && SameSentence(after + 1, m.first))
    return FollowedByAct(after + 1);
  // one of a pair of actors: "Quito and Lima signed", "Quito and Peru agreed"
  if (d.IsWord(m.last, "and") && m.last + 1 < n && d.mention_at[m.last + 1] >= 0) {
    const Mention& other = d.mentions[d.mention_at[m.last + 1]];
    if (other.type == EntityType::kCountry && other.form != MentionForm::kAdjective) return true;
    if (other.type == EntityType::kLocation && CapitalOf(other) >= 0 && ActorPosition(other)) return true;
  }
  // one of a group that acts together: "Oslo and its allies weigh new
  // steps", "Lima and its Andean partners rejected" (but "Lima and its
  // suburbs were flooded": what befalls a place is no act)
  if (d.IsWord(m.last, "and") && m.last + 1 < n && (d.IsWord(m.last + 1, "its") || d.IsWord(m.last + 1, "their")) &&
      !d.tags.empty()) {
    uint32_t head = m.last + 2;
    while (head < n && (d.tags[head].pos == Pos::kAdjective || d.tags[head].pos == Pos::kNoun ||
                        d.tags[head].pos == Pos::kProperNoun))
      ++head;
    // (a plural subject's present tense is the verb's base form: "weigh")
    if (head > m.last + 2 && head < n && SameSentence(head, m.first))
      return (d.tags[head].pos == Pos::kVerb && d.tags[head].form == VerbForm::kBase) || FollowedByAct(head);
  }
  // made to act: "prompted Quito to close its embassy", "urged Lima to respond"
  if (d.IsWord(m.last, "to") && m.last + 1 < n && !d.tags.empty() && d.tags[m.last + 1].pos == Pos::kVerb &&
      d.tags[m.last + 1].form == VerbForm::kBase)
    return true;
  return FollowedByAct(m.last);
}

// Whether the words from `at` on tell an act of the capital just before:
// a verb ("Washington imposed ...", "Moscow has"), a modal ("Lima would
// respond"), a headline's present tense ("Quito asks ...").
bool Recognizer::FollowedByAct(uint32_t at) const {
  std::string_view next = d.Text(at);
  bool past_tense = d.tokens[at].shape == TokenShape::kWord && !d.tokens[at].cap && next.size() > 4 &&
                    next.substr(next.size() - 2) == "ed";
  // a headline's present tense: "Quito asks Lima to ...", "Lima rejects ..."
  bool finite = !d.tags.empty() && d.tags[at].pos == Pos::kVerb &&
                (d.tags[at].form == VerbForm::kPresent3s || d.tags[at].form == VerbForm::kPast);
  // what it would or will do: "Lima would respond", "Oslo will not
  // attend" (but what would befall the city: "Lima will burn", "Oslo
  // would be shelled")
  if (!d.tags.empty() && d.tags[at].pos == Pos::kModal) {
    uint32_t verb = at + 1;
    while (verb < n && (d.tags[verb].pos == Pos::kNegator || d.tags[verb].pos == Pos::kAdverb)) ++verb;
    return verb < n && d.tags[verb].pos == Pos::kVerb && !d.Is(verb, "befall_verb");
  }
  // what it is doing: "Lima was seeking", "Oslo is preparing" (but "Lima
  // was shelled": a participle tells what befell it)
  if ((d.IsWord(at, "is") || d.IsWord(at, "was") || d.IsWord(at, "are") || d.IsWord(at, "were")) && at + 1 < n &&
      !d.tags.empty() && d.tags[at + 1].pos == Pos::kVerb && d.tags[at + 1].form == VerbForm::kGerund)
    return true;
  return past_tense || finite || d.Is(at, "speech") || d.IsWord(at, "has") || d.IsWord(at, "have") ||
         d.Is(at, "sanction") || d.Is(at, "criticize") || d.Is(at, "threaten") ||
         d.Is(at, "support") || d.Is(at, "sign_verb");
}

}  // namespace irkg::internal
