#include "extract/rule_context.h"

#include <algorithm>

namespace irkg::internal {

// Refs are made left to right without overlap, so sorted by `first`: a
// binary search, as a scan per token was quadratic in a sentence's length.
int RuleContext::RefAt(uint32_t tok) const {
  auto after = std::upper_bound(s.refs.begin(), s.refs.end(), tok,
                                [](uint32_t t, const Ref& r) { return t < r.first; });
  if (after == s.refs.begin() || tok >= (after - 1)->last) return -1;
  return static_cast<int>(after - 1 - s.refs.begin());
}

namespace {

// A demonym that modifies a following noun ("Italian companies") is not an
// actor of its own; one standing for its people or state ("the Italian
// side" aside) mostly is not either.
bool Modifier(const Document&, const Ref& r) {
  if (!r.adjective) return false;
  return true;
}

}  // namespace

int RuleContext::SubjectBefore(uint32_t tok, unsigned types) const {
  // the sentence proper starts after a dateline's dash or colon
  uint32_t start = s.first;
  for (uint32_t i = s.first; i < tok && i < s.first + 12; ++i) {
    std::string_view t = d.Text(i);
    bool spaced_dash = (t == "\u2013" || t == "\u2014" || t == "-") && d.tokens[i].space_before;
    bool colon = t == ":" && !d.tokens[i].space_before;
    if (spaced_dash || colon) start = i + 1;
  }
  int first_actor = -1;
  for (size_t r = 0; r < s.refs.size() && s.refs[r].first < tok; ++r) {
    const Ref& ref = s.refs[r];
    if (ref.first < start) continue;
    if (!(types & TypeBit(ref.type))) continue;
    if (ref.type == EntityType::kPerson) return static_cast<int>(r);
    if (first_actor < 0 && !Modifier(d, ref)) first_actor = static_cast<int>(r);
  }
  if (first_actor >= 0) return first_actor;
  // a demonym subject ("Azerbaijani companies ...") is still better than none
  for (size_t r = 0; r < s.refs.size() && s.refs[r].first < tok; ++r)
    if (types & TypeBit(s.refs[r].type)) return static_cast<int>(r);
  return -1;
}

int RuleContext::NearestBefore(uint32_t tok, unsigned types, uint32_t window) const {
  for (int r = static_cast<int>(s.refs.size()) - 1; r >= 0; --r) {
    const Ref& ref = s.refs[r];
    if (ref.last > tok) continue;
    if (tok - ref.last > window) break;
    if (types & TypeBit(ref.type)) return r;
  }
  return -1;
}

bool RuleContext::OfficeBetween(uint32_t from, uint32_t to) const {
  if (from >= to) return false;
  for (uint32_t i = from; i < to; ++i)
    if (d.title_at[i] < 0 && !d.Is(i, "role_noun")) return false;
  return true;
}

std::vector<int> RuleContext::ListFrom(int r, unsigned types) const {
  std::vector<int> out;
  if (r < 0) return out;
  out.push_back(r);
  for (size_t k = r + 1; k < s.refs.size(); ++k) {
    uint32_t gap_first = s.refs[k - 1].last, gap_last = s.refs[k].first;
    // separators allowed between list items: ",", "and", "as well as", "or", "the"
    bool list = gap_last > gap_first, comma = false, conjunction = false;
    for (uint32_t i = gap_first; i < gap_last && list; ++i) {
      std::string_view t = d.Text(i);
      // "the Chile-Peru drills": a hyphen joining two names
      const bool hyphen = t == "-" && !d.tokens[i].space_before && gap_last == i + 1 && !d.tokens[gap_last].space_before;
      list = t == "," || t == "and" || t == "or" || t == "the" || t == "as" || t == "well" || hyphen;
      comma = comma || t == ",";
      conjunction = conjunction || t == "and" || t == "or";
    }
    // "to Ukraine, and the Netherlands pledged": two items take no comma
    // before "and", so ", and" after one item starts a new clause
    if (comma && conjunction && out.size() == 1) break;
    if (!list) break;
    // "A and Chilean President B": the demonym opens the next item's
    // office, and the name after the office is the item
    if (s.refs[k].adjective && s.refs[k - 1].type == EntityType::kPerson && k + 1 < s.refs.size() &&
        s.refs[k + 1].type == EntityType::kPerson && OfficeBetween(s.refs[k].last, s.refs[k + 1].first))
      ++k;
    // a demonym after a comma describes what follows ("Nairobi, French President ..."): not an item
    if (!(types & TypeBit(s.refs[k].type)) || s.refs[k].adjective) break;
    out.push_back(static_cast<int>(k));
  }
  return out;
}

std::vector<int> RuleContext::ListAfter(uint32_t tok, unsigned types, uint32_t window) const {
  for (size_t r = 0; r < s.refs.size(); ++r) {
    const Ref& ref = s.refs[r];
    if (ref.first <= tok) continue;
    if (ref.first - tok > window) break;
    if (!(types & TypeBit(ref.type))) continue;
    // skip a demonym that only describes a person's office ("his Italian counterpart X")
    if (ref.adjective && r + 1 < s.refs.size() && s.refs[r + 1].type == EntityType::kPerson &&
        s.refs[r + 1].first - ref.last <= 4 && (types & TypeBit(EntityType::kPerson)))
      continue;
    // "thanked A for its help and slammed B": B is the next verb's
    if (NextVerbBetween(tok, ref.first)) return {};
    return ListFrom(static_cast<int>(r), types);
  }
  return {};
}

std::vector<int> RuleContext::ListBefore(uint32_t tok, unsigned types) const {
  int last = NearestBefore(tok, types, 3);
  if (last < 0) return {};
  int start = last;
  while (start > 0) {
    auto list = ListFrom(start - 1, types);
    if (static_cast<int>(list.size()) < last - start + 2) break;
    --start;
  }
  return ListFrom(start, types);
}

std::vector<int> RuleContext::ConjoinedBefore(uint32_t tok, unsigned types) const {
  return Conjoined(s.first, tok, types);
}

std::vector<int> RuleContext::Conjoined(uint32_t from, uint32_t to, unsigned types) const {
  int first = -1;
  for (size_t r = 0; r < s.refs.size() && s.refs[r].last <= to; ++r) {
    if (s.refs[r].first < from) continue;
    if (!(types & TypeBit(s.refs[r].type)) || s.refs[r].adjective) continue;
    if (first < 0) {
      first = static_cast<int>(r);
      continue;
    }
    bool joined = false;
    for (uint32_t i = s.refs[first].last; i < s.refs[r].first; ++i) {
      if (d.IsWord(i, "and")) joined = true;
      // a verb or a clause between them means they are not one subject
      if (d.Is(i, "speech") || d.Is(i, "meet_verb") || d.Is(i, "clause_break") || d.Text(i) == ";") return {};
    }
    if (joined) return {first, static_cast<int>(r)};
    return {};
  }
  return {};
}

bool RuleContext::ClauseBetween(uint32_t trigger, uint32_t to) const {
  for (uint32_t i = trigger + 1; i < to && i < s.last; ++i) {
    if (d.IsWord(i, "while") || d.IsWord(i, "whereas") || d.Text(i) == ";") return true;
    // "A criticised the talks, with Prime Minister B warning ...": an
    // absolute phrase of its own
    if (d.Text(i) == "," && i + 1 < s.last && d.IsWord(i + 1, "with")) return true;
  }
  return NextVerbBetween(trigger, to);
}

bool RuleContext::NextVerbBetween(uint32_t trigger, uint32_t to) const {
  if (d.tags.empty()) return false;
  for (uint32_t i = trigger + 1; i < to && i + 1 < s.last; ++i) {
    if (i == trigger + 1 && d.tags[trigger].pos == Pos::kVerb) continue;  // "condemned and denounced B"
    if (d.tags[i].pos == Pos::kCoordinator && d.tags[i + 1].pos == Pos::kVerb &&
        (d.tags[i + 1].form == VerbForm::kPast || d.tags[i + 1].form == VerbForm::kPresent3s))
      return true;
  }
  return false;
}

bool RuleContext::SubordinateBetween(uint32_t from, uint32_t to) const {
  if (d.tags.empty()) return false;
  for (uint32_t i = from; i < to && i < s.last; ++i)
    if (d.tags[i].pos == Pos::kSubordinator) return true;
  return false;
}

bool RuleContext::CrossesQuote(uint32_t a, uint32_t b) const { return d.QuoteBetween(a, std::min(b, s.last)); }

bool RuleContext::Negated(uint32_t trigger) const {
  if (SentenceHas("negation")) {
    uint32_t from = trigger > s.first + 4 ? trigger - 4 : s.first;
    // ("would not hesitate to respond": a denied reluctance affirms the act)
    for (uint32_t i = from; i < trigger; ++i)
      if (d.Is(i, "negation") && !(i + 1 < trigger && d.Is(i + 1, "litotes_verb"))) return true;
  }
  return Denied(trigger);
}

bool RuleContext::Denied(uint32_t trigger) const {
  // "A denied that its forces had attacked B", "A denied carrying out
  // strikes on B": what a denial's clause tells is not asserted (a bounded
  // look back: constant work a trigger)
  constexpr uint32_t kReach = 15;
  if (!SentenceHas("denial_verb")) return false;
  // "A denied that its troops were in B and accused B of ...": a word of
  // stance joined by "and" to the denial is the denier's next act, not part
  // of what was denied
  if (trigger > s.first && d.IsWord(trigger - 1, "and") && !d.tags.empty() && d.tags[trigger].pos == Pos::kVerb &&
      (d.tags[trigger].form == VerbForm::kPast || d.tags[trigger].form == VerbForm::kPastOrParticiple ||
       d.tags[trigger].form == VerbForm::kPresent3s) &&
      d.IsStanceWord(trigger))
    return false;
  uint32_t from = trigger > s.first + kReach ? trigger - kReach : s.first;
  for (uint32_t i = trigger; i-- > from;) {
    if (d.Text(i) == ";" || (d.mention_at[i] < 0 && d.Is(i, "speech"))) return false;  // another's words begin
    if (d.mention_at[i] >= 0 || !d.Is(i, "denial_verb")) continue;
    if (d.IsWord(i + 1, "that")) return true;
    return i + 1 < s.last && !d.tags.empty() && d.tags[i + 1].pos == Pos::kVerb && d.tags[i + 1].form == VerbForm::kGerund;
  }
  return false;
}

bool NamesMembers(const Document& d, const Ref& r) {
  return r.type == EntityType::kOrganization && !r.resolved && r.last < d.tokens.size() && d.mention_at[r.last] < 0 &&
         d.Is(r.last, "body_members");
}

bool RuleContext::NamesMembers(int ref) const { return internal::NamesMembers(d, s.refs[ref]); }

bool RuleContext::Stopped(uint32_t trigger) const {
  if (!SentenceHas("stop_verb")) return false;
  uint32_t from = trigger > s.first + 4 ? trigger - 4 : s.first;
  for (uint32_t i = trigger; i-- > from;) {
    if (d.Text(i) == "," || d.Text(i) == ";" || d.Is(i, "clause_break")) return false;
    if (d.mention_at[i] < 0 && d.Is(i, "stop_verb")) return true;
  }
  return false;
}

bool RuleContext::Passive(uint32_t trigger) const {
  if (d.tags.empty() || d.tags[trigger].pos != Pos::kVerb || d.tags[trigger].form != VerbForm::kParticiple) return false;
  uint32_t i = trigger;
  while (i > s.first && (d.tags[i - 1].pos == Pos::kAdverb || d.tags[i - 1].pos == Pos::kNegator)) --i;
  if (i == s.first) return false;
  // "firms accused of ...": a participle right after its noun, a reduced relative
  if (i == trigger && d.tags[i - 1].pos == Pos::kNoun) return true;
  std::string_view be = d.Text(i - 1);
  for (std::string_view form : {"was", "were", "is", "are", "been", "be", "being", "got", "get", "gets"})
    if (EqualsLowerAscii(be, form)) return true;
  return false;
}

bool RuleContext::TopicPlace(const Ref& place) const {
  if (place.first < s.first + 2 || !d.IsWord(place.first - 1, "in")) return false;
  if (d.Is(place.first - 2, "topic_noun")) return true;
  // "discussed preparations for the summit in Manila", "ahead of the talks
  // in Lima": the place of a gathering still to come, not of this act
  if (!d.Is(place.first - 2, "gathering")) return false;
  for (uint32_t k = place.first - 2; k > s.first && k + 5 > place.first; --k)
    if (d.IsWord(k - 1, "for") || d.IsWord(k - 1, "ahead") || d.IsWord(k - 1, "toward") || d.IsWord(k - 1, "towards"))
      return true;
  return false;
}

bool RuleContext::Conditional(uint32_t trigger) const {
  for (uint32_t i = s.first; i < trigger && i < s.last; ++i)
    if (d.IsWord(i, "if") || d.IsWord(i, "unless") || d.IsWord(i, "whether")) return true;
  return false;
}

bool RuleContext::Modal(uint32_t trigger) const {
  // "is due to hold a round of talks": the modal word may stand a few words back
  uint32_t from = trigger > s.first + 6 ? trigger - 6 : s.first;
  for (uint32_t i = trigger; i-- > from;)
    if (d.IsWord(i, ",") || d.IsWord(i, ";")) {
      from = i + 1;
      break;
    }
  for (uint32_t i = from; i < trigger; ++i) {
    // "will continue to support B", "would keep backing B": what goes on
    // now, not what may come (unless a condition follows: "would continue
    // to back B only if ...")
    // (a word of a name is no modal: "the Action Plan was signed")
    if (d.Is(i, "modal") && d.mention_at[i] < 0 &&
        !(i + 1 < trigger && (d.IsWord(i + 1, "continue") || d.IsWord(i + 1, "keep")) && !ConditionAfter(trigger)))
      return true;
    // "to sign", "to visit" (a headline's "To Back"), "to hold talks" — but
    // "keeps shelling" is happening
    // (an infinitive completing a verb: "offered to host talks"; after a
    // place it tells a purpose, "arrived in Oslo to hold talks"; after a
    // verb of commitment the frames decide, "agreed to deepen ties")
    // (and one that asks another to act: "invited B to pay a visit")
    // (the word first: few tokens are "to", and the tags are read only then)
    if (!d.IsWord(i, "to")) continue;
    bool infinitive = !d.tags.empty() && i > s.first && d.tags[i].pos == Pos::kParticle &&
                      ((d.tags[i - 1].pos == Pos::kVerb && !d.Is(i - 1, "commit_verb")) || DirectiveBefore(i));
    if (i + 1 == trigger || infinitive) {
      // ... and "traveled to meet X" is a journey made for it
      bool ongoing = i > s.first && (d.IsWord(i - 1, "continues") || d.IsWord(i - 1, "continue") ||
                                     d.IsWord(i - 1, "continued") || d.IsWord(i - 1, "began") ||
                                     d.IsWord(i - 1, "started") || d.IsWord(i - 1, "keeps") ||
                                     d.IsWord(i - 1, "traveled") || d.IsWord(i - 1, "travelled") ||
                                     d.IsWord(i - 1, "went") || d.IsWord(i - 1, "flew") || d.IsWord(i - 1, "came"));
      if (!ongoing) return true;
    }
  }
  return false;
}

// Whether "if" or "unless" follows `tok` in its sentence.
bool RuleContext::ConditionAfter(uint32_t tok) const {
  for (uint32_t i = tok + 1; i < s.last; ++i)
    if (d.IsWord(i, "if") || d.IsWord(i, "unless")) return true;
  return false;
}

// Whether a verb asking another to act stands a few words before the
// infinitive's "to" at `to`, in its clause: "invited her Peruvian
// counterpart [to] visit".
bool RuleContext::DirectiveBefore(uint32_t to) const {
  for (uint32_t i = to; i-- > s.first && i + 8 > to;) {
    if (d.Text(i) == "," || d.Text(i) == ";") return false;
    if (d.Is(i, "directive_verb") && !d.tags.empty() && d.tags[i].pos == Pos::kVerb) return true;
  }
  return false;
}

bool RuleContext::PeopleOfStatesList(uint32_t first) const {
  uint32_t k = first;
  // back over the names before it in its list: "A, B and C"
  while (k >= s.first + 2 && (d.Text(k - 1) == "," || d.IsWord(k - 1, "and")) && d.mention_at[k - 2] >= 0)
    k = d.mentions[d.mention_at[k - 2]].first;
  if (k > s.first && d.IsWord(k - 1, "the")) --k;
  return k >= s.first + 2 && (d.IsWord(k - 1, "of") || d.IsWord(k - 1, "from")) && d.Is(k - 2, "people_plural");
}

std::string RuleContext::DateNear(uint32_t trigger, bool event) const {
  // News dates the fact after its verb or noun ("opened its embassy in 1997",
  // "established on March 3, 1994"); a date before it belongs to it only when
  // none follows ("On July 15, the embassy resumed its work"). An event is
  // not dated by the start of a period ("his first visit since 2019").
  const DateMention* after = nullptr;
  const DateMention* before = nullptr;
  for (const auto& dm : s.dates) {
    if (event && dm.since) continue;
    if (dm.first > trigger) {
      if (!after || dm.first < after->first) after = &dm;
    } else if (!before || dm.first > before->first) {
      before = &dm;
    }
  }
  const DateMention* best = after ? after : before;
  return best ? best->iso : "";
}

void RuleContext::AddEntities(int subject, Predicate p, int object, double confidence, const char* rule,
                              const std::string& date, const std::string& title, const std::string& what) {
  if (subject < 0 || object < 0 || subject == object) return;
  const EntityInfo& se = d.entities[subject];
  const EntityInfo& oe = d.entities[object];
  if (!Admits(p, se.type, oe.type)) return;
  // a state does not meet, nor act together with, one who serves it ("Chile
  // hosted the talks" among its own minister's)
  if (p == Predicate::kMetWith || p == Predicate::kCooperatesWith)
    if ((se.type == EntityType::kPerson && se.country == object) || (oe.type == EntityType::kPerson && oe.country == subject))
      return;
  // "Putre, a town in northern Chile": where the venue rules look for the
  // state of a place the dictionary does not know
  if (p == Predicate::kLocatedIn && se.type == EntityType::kLocation && se.placed_in < 0) {
    const int state = oe.type == EntityType::kCountry ? object : oe.placed_in;
    if (state >= 0) d.entities[subject].placed_in = state;
  }
  if (Document::LastAct* act = d.LastActOf(p)) act->Add(s.index, subject, object);
  Fact f;
  f.subject = subject;
  f.object = object;
  f.predicate = p;
  f.confidence = confidence;
  f.rule = rule;
  f.date = date;
  f.title = title;
  f.what = what;
  f.sentence = s.index;
  d.facts.push_back(std::move(f));
}

void RuleContext::Add(int subject_ref, Predicate p, int object_ref, double confidence, const char* rule,
                      const std::string& date, const std::string& title, const std::string& what) {
  if (subject_ref < 0 || object_ref < 0) return;
  const Ref& sr = s.refs[subject_ref];
  const Ref& orf = s.refs[object_ref];
  // a resolved reference (pronoun, "the two countries") is less certain than a name
  double c = confidence;
  if (sr.resolved || orf.resolved) c *= 0.9;
  if (sr.entities.size() == 2 && orf.entities == sr.entities && Info(p).symmetric) {
    AddEntities(sr.entities[0], p, sr.entities[1], c, rule, date, title, what);
    return;
  }
  for (int a : sr.entities)
    for (int b : orf.entities) AddEntities(a, p, b, c, rule, date, title, what);
}

}  // namespace irkg::internal
