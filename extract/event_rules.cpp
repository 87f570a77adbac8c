// Events: metWith and visited (CAMEO 04), by cue words; older than the
// event frames (frame_rules.cpp), which read the same events and signings.
//   A met (with) B | A held talks with B | A and B held consultations |
//   talks between A and B | A's meeting with B              -> metWith
//   A visited X | A's visit to X | visits of A to X | A arrived in X |
//   A made a stopover in X | A traveled to X, Y and Z        -> visited
// Negated or future triggers ("did not meet", "plans to visit") give nothing.
#include "extract/rule_context.h"

namespace irkg::internal {
namespace {

constexpr unsigned kPerson = TypeBit(EntityType::kPerson);

// The subject of the clause a trigger is in: the first actor after the last
// comma before it ("Before his talks with Soto, Pérez had a call with
// ..."), else the sentence's subject.
int ClauseSubject(const RuleContext& c, uint32_t trigger, unsigned types) {
  uint32_t comma = 0;
  for (uint32_t i = c.s.first; i < trigger; ++i)
    if (c.d.Text(i) == ",") comma = i;
  if (comma)
    for (size_t r = 0; r < c.s.refs.size(); ++r) {
      const Ref& ref = c.s.refs[r];
      if (ref.first > comma && ref.last <= trigger && (types & TypeBit(ref.type)) && !ref.adjective)
        return static_cast<int>(r);
    }
  return c.SubjectBefore(trigger, types);
}

// Whether a possessor right before the noun at `t` ("the Pope's recent
// visit", up to two describing words between) is no person the text names:
// the visit is that owner's, not the sentence subject's.
bool OwnedByNonPerson(const RuleContext& c, uint32_t t) {
  uint32_t k = t;
  for (int words = 0; words < 2 && k > c.s.first + 1 && !c.d.tags.empty() && c.d.tags[k - 1].pos == Pos::kAdjective; ++words)
    --k;
  if (k < c.s.first + 2) return false;
  std::string_view mark = c.d.Text(k - 1);
  if (mark != "'s" && mark != "\u2019s") return false;
  int owner = c.RefAt(k - 2);
  return owner < 0 || c.s.refs[owner].type != EntityType::kPerson;
}

// Whether the words from `k` are a noun phrase naming a thing: determiners
// and describing words, then a common noun that is no office ("its debt
// payments", "the deadline"), not an actor or a person's office.
bool ThingAfter(const RuleContext& c, uint32_t k) {
  if (c.d.tags.empty()) return false;
  while (k < c.s.last && c.d.mention_at[k] < 0 &&
         (c.d.tags[k].pos == Pos::kDeterminer || c.d.tags[k].pos == Pos::kAdjective ||
          (c.d.tags[k].pos == Pos::kPronoun && (c.Word(k, "its") || c.Word(k, "their") || c.Word(k, "his") || c.Word(k, "her")))))
    ++k;
  return k < c.s.last && c.d.mention_at[k] < 0 && c.d.title_at[k] < 0 && c.d.tags[k].pos == Pos::kNoun &&
         !c.Cue(k, "role_noun") && !c.Cue(k, "counterpart") && !c.Cue(k, "group_pair") && !c.Cue(k, "envoy");
}

// "A attended the summit, and B attended a forum": a name after a comma or
// "and" that a finite verb follows is the subject of a clause of its own.
bool OwnClauseSubject(const RuleContext& c, uint32_t trigger, const Ref& r) {
  if (c.d.tags.empty() || r.last >= c.s.last) return false;
  const TokenTag& next = c.d.tags[r.last];
  if (next.pos != Pos::kVerb || (next.form != VerbForm::kPast && next.form != VerbForm::kPresent3s)) return false;
  for (uint32_t i = trigger + 1; i < r.first; ++i)
    if (c.d.Text(i) == "," || c.Word(i, "and")) return true;
  return false;
}

// "talks on the sidelines of the AU summit", "on the margins of the G20":
// the body whose gathering is the occasion is no party to the talks.
bool OccasionOwner(const RuleContext& c, const Ref& r) {
  uint32_t k = r.first;
  auto back = [&](std::string_view w) {
    if (k > c.s.first && c.Word(k - 1, w)) return --k, true;
    return false;
  };
  back("the");
  if (!back("of")) return false;
  return back("sidelines") || back("sideline") || back("margins") || back("margin") || back("occasion");
}

// After "A met B in City": whichever of them is not of City's state visited it.
void VenueVisits(RuleContext& c, int a, int b, const std::string& date) {
  for (size_t r = 0; r < c.s.refs.size(); ++r) {
    const Ref& place = c.s.refs[r];
    if (place.type != EntityType::kLocation || place.resolved || place.first == 0 || !c.Word(place.first - 1, "in") ||
        c.TopicPlace(place))
      continue;
    const EntityInfo& city = c.d.entities[place.entities[0]];
    if (city.subtype != "city" || city.dict_entry < 0) continue;
    const std::string& state = c.d.dict->entries()[city.dict_entry].in;
    auto state_of = [&](int person) {
      int s = c.d.entities[person].country;
      return s >= 0 && c.d.entities[s].dict_entry >= 0 ? c.d.dict->entries()[c.d.entities[s].dict_entry].canonical : "";
    };
    std::string sa = state_of(a), sb = state_of(b);
    if (sa.empty() || sb.empty() || sa == sb) continue;
    if (sa == state) c.AddEntities(b, Predicate::kVisited, place.entities[0], 0.65, "visit.venue", date);
    if (sb == state) c.AddEntities(a, Predicate::kVisited, place.entities[0], 0.65, "visit.venue", date);
  }
}

void Meetings(RuleContext& c) {
  std::vector<uint32_t> triggers;
  for (uint32_t t : c.Triggers("meet_verb")) triggers.push_back(t);
  for (uint32_t t : c.Triggers("meet_noun")) triggers.push_back(t);
  bool done = false;
  for (uint32_t t : triggers) {
    if (done) break;
    if (c.Negated(t) || c.Modal(t)) continue;
    // a meeting noun alone ("the CFM meeting", "a meeting of ministers") says
    // nobody met: it needs "with|between", a verb of holding, or two people
    // "talks were held between A and B", "a meeting between Greek PM A and Turkish President B"
    uint32_t between = 0;
    for (uint32_t i = t + 1; i < c.s.last && i < t + 5; ++i)
      if (c.Word(i, "between")) {
        between = i;
        break;
      } else if (!(c.Word(i, "were") || c.Word(i, "was") || c.Word(i, "held") || c.Word(i, "took") || c.Word(i, "place"))) {
        break;
      }
    if (between && !c.Negated(t)) {
      auto pair = c.Conjoined(between + 1, c.s.last, kPerson);
      if (pair.size() < 2) pair = c.Conjoined(between + 1, c.s.last, kActors & ~kPerson);
      if (pair.size() == 2) {
        c.Add(pair[0], Predicate::kMetWith, pair[1], 0.8, "meet.between", c.DateNear(t, true));
        break;
      }
      // "talks between the two neighbours", "between Ethiopia and the
      // rebels": the parties are named so, or not at all; no actor further
      // on in the sentence is one of them
      continue;
    }
    if (c.Cue(t, "meet_noun") && !c.Cue(t, "meet_verb")) {
      bool partner = c.Word(t + 1, "with") || c.Word(t + 1, "between");
      bool held = false;
      for (uint32_t i = (t > c.s.first + 4 ? t - 4 : c.s.first); i < t; ++i)
        if (c.Word(i, "held") || c.Word(i, "hold") || c.Word(i, "holds") || c.Word(i, "had") || c.Word(i, "have") ||
            c.Word(i, "has") || c.Word(i, "conducted") || c.Word(i, "began"))
          held = true;
      // "In their first telephone talks, A and his counterpart B ...": the pair may follow
      if (!partner && !held && c.ConjoinedBefore(c.s.last, kPerson).empty()) continue;
    }
    // "met its debt payments", "met the deadline": a thing met, not a party
    if (c.Cue(t, "meet_verb") && ThingAfter(c, t + 1)) continue;
    std::string date = c.DateNear(t, true);
    // "talks between A and B", "meeting with B", "met (with) B", "received B"
    uint32_t after = t + 1;
    while (after < c.s.last && (c.Word(after, "with") || c.Word(after, "between") || c.Cue(after, "meet_noun")))
      ++after;
    // the people who met: persons if the sentence names them, else states
    // or bodies — never a person's state standing in for him
    bool persons_named = c.SubjectBefore(t, kPerson) >= 0;
    for (unsigned types : {kPerson, kActors & ~kPerson}) {
      if (types != kPerson && persons_named) break;
      int subject = ClauseSubject(c, t, types);
      if (subject >= 0 && c.s.refs[subject].adjective) continue;
      // "A said that B had met C": the reporter is no party (the frames
      // read the reported clause)
      if (subject >= 0 && c.SubordinateBetween(c.s.refs[subject].last, t)) continue;
      std::vector<int> objects = c.ListAfter(after - 1, types, 12);
      if (subject >= 0) {
        // "A and B held talks", "A and his Italian counterpart B held consultations"
        auto subjects = c.ListFrom(subject, types);
        if (subjects.size() < 2) subjects = c.ConjoinedBefore(t, types);
        bool conjoined = subjects.size() >= 2 && c.s.refs[subjects.back()].last <= t;
        // "the foreign ministers of A, B and C met": unnamed people met, not their states
        if (conjoined && types != kPerson && c.PeopleOfStatesList(c.s.refs[subjects[0]].first)) continue;
        if (conjoined && (objects.empty() || c.Cue(t, "meet_noun"))) {
          c.Add(subjects[0], Predicate::kMetWith, subjects[1], 0.8, "meet.conjoined", date);
          done = true;
          break;
        }
        if (c.s.refs[subject].entities.size() == 2 && objects.empty()) {
          c.Add(subject, Predicate::kMetWith, subject, 0.7, "meet.pair", date);
          done = true;
          break;
        }
        // "A hosted talks between B and C": the parties the talks name met
        // each other (meet.between); their host is no party to them
        if (c.Word(after - 1, "between") && objects.size() >= 2) break;
        for (int o : objects) {
          if (c.s.refs[o].adjective || OccasionOwner(c, c.s.refs[o])) continue;
          // ("A attended the summit, and B attended a forum": the subject of
          // a clause of its own)
          if (c.ClauseBetween(t, c.s.refs[o].first) || OwnClauseSubject(c, t, c.s.refs[o])) continue;
          c.Add(subject, Predicate::kMetWith, o, 0.85, "meet.subject-object", date);
          if (types == kPerson && c.s.refs[subject].entities.size() == 1 && c.s.refs[o].entities.size() == 1)
            VenueVisits(c, c.s.refs[subject].entities[0], c.s.refs[o].entities[0], date);
          done = true;
        }
        if (done) break;
      }
    }
  }
}

// The entity of a state's capital, when the article names it.
int CapitalOf(const Document& d, int country) {
  int entry = d.entities[country].dict_entry;
  if (entry < 0) return -1;
  const std::string& name = d.dict->entries()[entry].canonical;
  for (size_t e = 0; e < d.entities.size(); ++e) {
    const EntityInfo& info = d.entities[e];
    if (info.type != EntityType::kLocation || info.dict_entry < 0) continue;
    if (d.dict->entries()[info.dict_entry].in == name && info.subtype == "city") {
      // a capital is the city whose name the country's capital form gives
      for (int k : info.mentions) {
        const Mention& m = d.mentions[k];
        std::vector<FormMatch> matches;
        std::vector<uint32_t> keys;
        std::vector<std::string_view> texts;
        for (uint32_t i = m.first; i < m.last; ++i) keys.push_back(d.tokens[i].key), texts.push_back(d.token_text[i]);
        if (d.dict->LongestMatch(keys.data(), texts.data(), keys.size(), &matches) == keys.size())
          for (const auto& fm : matches)
            if (fm.form == FormKind::kCapital && static_cast<int>(fm.entry) == entry) return static_cast<int>(e);
      }
    }
  }
  return -1;
}

// "A held talks with visiting President B": the guest came to the state
// of the host, the sentence's subject, when the text gives the host one and
// the guest serves another.
void GuestCameToHost(RuleContext& c, uint32_t visiting) {
  auto guests = c.ListAfter(visiting, kPerson, 6);
  int host = c.SubjectBefore(visiting, kPerson);
  if (guests.empty() || host < 0 || c.s.refs[host].entities.size() != 1 || c.Negated(visiting) || c.Modal(visiting))
    return;
  // ("during his trip to Lima, A met visiting B": the host is abroad too)
  for (uint32_t i = c.s.first; i < c.s.last; ++i)
    if (i != visiting && (c.Cue(i, "visit_verb") || c.Cue(i, "visit_noun"))) return;
  const int host_state = c.d.entities[c.s.refs[host].entities[0]].country;
  if (host_state < 0) return;
  std::string date = c.DateNear(visiting, true);
  for (int g : c.s.refs[guests[0]].entities) {
    const int guest_state = c.d.entities[g].country;
    if (guest_state == host_state || g == c.s.refs[host].entities[0]) continue;
    c.AddEntities(g, Predicate::kVisited, host_state, 0.6, "visit.guest", date);
  }
}

void Visits(RuleContext& c) {
  for (uint32_t t : c.Triggers("visit_verb")) {
    if (c.Negated(t) || c.Modal(t)) continue;
    // "is travelling to", "will be visiting": under way or ahead, not done
    if (t > c.s.first && (c.Word(t - 1, "is") || c.Word(t - 1, "are") || c.Word(t - 1, "be"))) continue;
    // "held talks with visiting President B": "visiting" describes the
    // guest after it; the host visited nothing
    if (c.Word(t, "visiting") && t + 1 < c.s.last && (c.RefAt(t + 1) >= 0 || c.d.tokens[t + 1].cap)) {
      GuestCameToHost(c, t);
      continue;
    }
    // "discussed the Pope's recent visit": a visit another owns, whom the
    // text names by no name of a person the rule could take
    if (OwnedByNonPerson(c, t)) continue;
    std::string date = c.DateNear(t, true);
    // who: "visits of A to X" names the visitor after the trigger
    int visitor = -1;
    uint32_t from = t + 1;
    if (c.Word(t + 1, "of")) {
      auto v = c.ListAfter(t + 1, kPerson, 4);
      if (!v.empty()) {
        visitor = v[0];
        from = c.s.refs[visitor].last;
      }
    }
    // the visitor is the person nearest before the trigger ("..., as Aliyev
    // arrived", "X, who is on a visit to"), else the sentence's subject
    if (visitor < 0) {
      int near = c.NearestBefore(t, kPerson, 10);
      if (near >= 0 && c.s.refs[near].entities.size() == 1) visitor = near;
    }
    if (visitor < 0) visitor = c.SubjectBefore(t, kPerson);
    // "During his visit to Nairobi, Macron met ...": the person the sentence goes on to name
    if (visitor < 0 && t > c.s.first && (c.Word(t - 1, "his") || c.Word(t - 1, "her"))) {
      auto after = c.ListAfter(t, kPerson);
      if (!after.empty()) visitor = after[0];
    }
    if (visitor < 0) continue;  // a state "visits" through a person the frames find, if the text names one
    // where: the places right after "to|in" (or the verb itself: "visited Oman")
    std::vector<int> places;
    int country_of_capital = -1;  // "the Kazakh capital Astana": Kazakhstan too
    for (uint32_t i = from; i < c.s.last && i < from + 8; ++i) {
      // "a tour that will also take him to X": a clause of its own, or ahead
      if (i > from && (c.Cue(i, "modal") || c.Word(i, "that") || c.Word(i, "which"))) break;
      int r = c.RefAt(i);
      if (r >= 0 && c.s.refs[r].adjective && c.s.refs[r].last < c.s.last && c.Cue(c.s.refs[r].last, "capital_word")) {
        country_of_capital = r;
        i = c.s.refs[r].last;
        continue;
      }
      // "visited Oman's new sultan": the state whose leader received the visitor
      bool hosts = r >= 0 && c.s.refs[r].possessive && c.s.refs[r].type == EntityType::kCountry && i == t + 1;
      if (r >= 0 && c.TypeIn(r, kPlaces) && !c.s.refs[r].adjective && (!c.s.refs[r].possessive || hosts)) {
        uint32_t prep = i > c.s.first && c.Word(i - 1, "the") ? i - 1 : i;
        bool direct = i == t + 1 || (prep > c.s.first && (c.Word(prep - 1, "to") || c.Word(prep - 1, "in") ||
                                                          c.Word(prep - 1, "into") || c.Word(prep - 1, "at"))) ||
                      c.Cue(i - 1, "capital_word");
        if (!direct) break;
        places = c.ListFrom(r, kPlaces);
        break;
      }
      if (c.Cue(i, "clause_break")) break;
    }
    for (int p : places) c.Add(visitor, Predicate::kVisited, p, 0.8, "visit.trigger", date);
    if (country_of_capital >= 0) {
      // "visited the Russian capital": the state, and its capital when the article names it
      c.Add(visitor, Predicate::kVisited, country_of_capital, 0.75, "visit.capital", date);
      if (places.empty())
        for (int e : c.s.refs[country_of_capital].entities)
          if (int cap = CapitalOf(c.d, e); cap >= 0)
            for (int v : c.s.refs[visitor].entities) c.AddEntities(v, Predicate::kVisited, cap, 0.7, "visit.capital", date);
    }
    // "visits of A to X, and B to Y": a second visitor in the same list
    if (visitor >= 0 && c.Word(t + 1, "of") && !places.empty()) {
      uint32_t i = c.s.refs[places.back()].last;
      auto more = c.ListAfter(i, kPerson, 8);
      if (!more.empty()) {
        auto where = c.ListAfter(c.s.refs[more[0]].last, kPlaces, 3);
        if (!where.empty()) c.Add(more[0], Predicate::kVisited, where[0], 0.75, "visit.list", date);
      }
    }
  }
}

}  // namespace

void ExtractEvents(Document* doc, const SentenceView& s) {
  // "the meeting was cancelled", "called off the visit": these older word
  // rules cannot tell which event a sentence calls off, so they leave every
  // event of such a sentence to the frames, which can
  if (s.cues[CueClass("call_off").id()]) return;
  RuleContext c(doc, s);
  Meetings(c);
  Visits(c);
}

}  // namespace irkg::internal
