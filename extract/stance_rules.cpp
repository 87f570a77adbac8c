// Stances and hostile acts: cooperatesWith, supports, criticizes,
// threatens, sanctions, attacks, supplies. The speaker of a statement is
// its subject ("X stressed that Armenia's position poses a threat" gives
// X criticizes Armenia).
#include <algorithm>

#include "extract/arguments.h"
#include "extract/rule_context.h"

namespace irkg::internal {
namespace {

constexpr unsigned kCountry = TypeBit(EntityType::kCountry);
constexpr unsigned kPerson = TypeBit(EntityType::kPerson);

// The speaker of a sentence: the subject of its speech verb, which may
// follow a quote ("...," he said) or open the sentence (X said that ...).
int Speaker(const RuleContext& c) {
  if (!c.s.cues[CueClass("speech").id()]) return -1;  // no speech verb: no need to look at each word
  for (uint32_t i = c.s.first; i < c.s.last; ++i) {
    if (!c.Cue(i, "speech")) continue;  // never a word inside a name
    // the person right before the verb ("Sara Lind of Sweden said", "..., he tweeted"), else any actor
    int person = c.NearestBefore(i, kPerson, 6);
    if (person >= 0) return person;
    int before = c.NearestBefore(i, kActors, 4);
    if (before >= 0) return before;
    auto after = c.ListAfter(i, kActors, 5);
    if (!after.empty()) return after[0];
  }
  return -1;
}

// "Azerbaijan-Iran relations", "Kazakh-Georgian ties": the pair named with a
// hyphen before the noun.
bool HyphenPair(const RuleContext& c, uint32_t t, int* a, int* b) {
  for (uint32_t i = t; i > c.s.first && i + 4 > t; --i) {
    int r2 = c.RefAt(i - 1);
    if (r2 < 0 || !c.TypeIn(r2, kCountry)) continue;
    uint32_t h = c.s.refs[r2].first;
    if (h > c.s.first + 1 && c.d.Text(h - 1) == "-") {
      int r1 = c.RefAt(h - 2);
      if (r1 >= 0 && c.TypeIn(r1, kCountry)) {
        *a = r1, *b = r2;
        return true;
      }
    }
    return false;
  }
  return false;
}

// "bilateral" means the two states of the sentence's two people when they
// serve different ones ("A met his Chilean counterpart B and discussed
// bilateral trade", in an article where A meets several guests in turn),
// else the article's pair of states.
std::vector<int> BilateralPair(const RuleContext& c) {
  std::vector<int> states;
  for (const Ref& r : c.s.refs) {
    if (r.type != EntityType::kPerson || r.entities.size() != 1) continue;
    int state = c.d.entities[r.entities[0]].country;
    if (state < 0 || std::find(states.begin(), states.end(), state) != states.end()) continue;
    states.push_back(state);
  }
  return states.size() == 2 ? states : c.s.pair_of_states;
}

int ReportedSubject(const RuleContext& c, uint32_t t);

// The state a partnership word's clause is about: the reported clause's own
// subject ("A, a former envoy to B, said Lima valued its partnership with
// C" -> Lima), else the sentence's first state.
int ReportedCountry(const RuleContext& c, uint32_t t) {
  const int subject = ReportedSubject(c, t);
  if (subject >= 0 && c.s.refs[subject].type == EntityType::kCountry) return subject;
  return c.SubjectBefore(t, kCountry);
}

void Cooperation(RuleContext& c) {
  // relations named by a hyphenated pair are a partnership the text states
  for (uint32_t t : c.Triggers("relations")) {
    int a, b;
    if (!c.Negated(t) && !c.Word(t, "relationship") && HyphenPair(c, t, &a, &b))
      c.Add(a, Predicate::kCooperatesWith, b, 0.6, "coop.hyphen-relations");
  }
  for (uint32_t t : c.Triggers("coop")) {
    if (c.Negated(t) || c.Stopped(t)) continue;
    // "a member of the alliance", "join the coalition": the body, not a partnership stated
    if (c.Word(t - 1, "the") && (c.Word(t - 2, "of") || c.Cue(t - 2, "member"))) continue;
    // "should cooperate", "ready to strengthen cooperation": wishes, not statements
    if (c.Modal(t) && !c.Cue(t, "coop")) continue;
    if (t > c.s.first && (c.Word(t - 1, "should") || c.Word(t - 1, "would") || c.Word(t - 1, "could"))) continue;
    int a = -1, b = -1;
    // "A-B cooperation", "Kazakh-Azerbaijani strategic partnership"
    HyphenPair(c, t, &a, &b);
    // "cooperation between A and B", "partnership between the two countries"
    if (a < 0 && (c.Word(t + 1, "between") || c.Word(t + 2, "between"))) {
      auto pair = c.ListAfter(t + 1, kActors, 3);
      if (pair.size() >= 2) a = pair[0], b = pair[1];
      else if (pair.size() == 1 && c.s.refs[pair[0]].entities.size() == 2) a = b = pair[0];
    }
    // "cooperation with B" by the sentence's subject
    if (a < 0 && (c.Word(t + 1, "with") || c.Word(t + 2, "with"))) {
      auto obj = c.ListAfter(t + 1, kCountry, 3);
      int subject = ReportedCountry(c, t);
      if (!obj.empty() && subject >= 0) a = subject, b = obj[0];
    }
    // "the sides stressed ... cooperation", "bilateral cooperation", "Y considers X its partner"
    if (a < 0) {
      int subject = c.SubjectBefore(t, kActors);
      if (subject >= 0 && c.s.refs[subject].entities.size() == 2 && c.s.refs[subject].type == EntityType::kCountry)
        a = b = subject;
      else if (auto pair = c.ConjoinedBefore(t, kCountry); pair.size() == 2)
        a = pair[0], b = pair[1];  // "for Chile and Peru to widen their cooperation"
      else if (c.Word(t - 1, "bilateral") || (t >= 2 && c.Word(t - 2, "bilateral"))) {
        // "bilateral cooperation": between the sentence's or the article's pair of states
        if (std::vector<int> pair = BilateralPair(c); pair.size() == 2 && !c.Modal(t))
          c.AddEntities(pair[0], Predicate::kCooperatesWith, pair[1], 0.6, "coop.bilateral");
      } else if (c.Word(t - 1, "its") || c.Word(t - 1, "important") || c.Word(t - 1, "strategic")) {
        int subj = ReportedCountry(c, t);
        auto obj = c.ListAfter(subj >= 0 ? c.s.refs[subj].last : t, kCountry, 6);
        if (subj >= 0 && !obj.empty() && c.s.refs[obj[0]].first < t) a = subj, b = obj[0];
      }
    }
    if (a < 0) continue;
    if (a == b) c.Add(a, Predicate::kCooperatesWith, a, 0.7, "coop.pair");
    else c.Add(a, Predicate::kCooperatesWith, b, 0.8, "coop.explicit");
  }
}

// "A and B kept close ties ever since C rejected D's plan", "A recalled its
// envoy because C had condemned D": a trigger in an adverbial clause after
// the sentence's subject has the clause's own doer, the first actor after
// the conjunction. A comma between that actor and the trigger closes the
// clause ("after meeting C, A condemned D"): then the subject stands.
bool AdverbialConjunction(const RuleContext& c, uint32_t i) {
  return c.Word(i, "since") || c.Word(i, "because") || c.Word(i, "after") || c.Word(i, "before") ||
         c.Word(i, "when") || c.Word(i, "while") || c.Word(i, "although") || c.Word(i, "though") ||
         c.Word(i, "whereas") || c.Word(i, "until") || c.Word(i, "once");
}
// Whether a verb stands in [from, to): the clause there has its own predicate.
bool VerbBetween(const RuleContext& c, uint32_t from, uint32_t to) {
  for (uint32_t i = from; i < to; ++i)
    if (c.d.tags[i].pos == Pos::kVerb || c.d.tags[i].pos == Pos::kAuxiliary) return true;
  return false;
}

int SubordinateSubject(const RuleContext& c, int subject, uint32_t t) {
  uint32_t conjunction = 0;
  for (uint32_t i = c.s.refs[subject].last; i < t; ++i)
    if (AdverbialConjunction(c, i)) conjunction = i;
  if (!conjunction) return subject;
  auto inner = c.ListAfter(conjunction, kActors, t - conjunction);
  if (inner.empty() || c.s.refs[inner[0]].first >= t) return subject;
  for (uint32_t i = c.s.refs[inner[0]].last; i < t; ++i)
    if (c.d.Text(i) == ",") return subject;
  return inner[0];
}

// The subject of a trigger, read past a speech verb: in "X said that Y
// supports Z" it is Y, the first actor after "that" (the speaker rule makes
// it X when Y is X's own state); -2 when the reported clause names none
// ("X said that the activity supports Z"); -1 when no actor comes before.
int ReportedSubject(const RuleContext& c, uint32_t t) {
  int subject = c.SubjectBefore(t, kActors);
  if (subject < 0) return subject;
  for (uint32_t i = c.s.refs[subject].last; i < t; ++i) {
    if (c.Word(i, "that")) {
      auto inner = c.ListAfter(i, kActors, t - i);
      return inner.empty() || c.s.refs[inner[0]].first >= t ? -2 : inner[0];
    }
    // "A said Bolivia condemns B": a clause without "that" opens with its subject
    if (c.Cue(i, "speech")) {
      int inner = c.RefAt(i + 1);
      // ("A accused Bolivia of meddling and praised B", "thanked Peru for":
      // the one named is the verb's object, not a clause's subject)
      const bool object = inner >= 0 && (c.Word(c.s.refs[inner].last, "of") || c.Word(c.s.refs[inner].last, "for"));
      if (inner >= 0 && !object && c.TypeIn(inner, kActors) && !c.s.refs[inner].adjective && c.s.refs[inner].last <= t)
        return inner;
      // "A said the Chilean government supports B" as after "that"; "A said
      // the fund supported B": a subject that names no actor
      if (!c.d.tags.empty() && i + 1 < t && c.d.tags[i + 1].pos == Pos::kDeterminer) {
        auto first = c.ListAfter(i, kActors, t - i);
        if (!first.empty() && c.s.refs[first[0]].first < t && !VerbBetween(c, i + 1, c.s.refs[first[0]].first))
          return first[0];
        return -2;
      }
    }
  }
  return SubordinateSubject(c, subject, t);
}

// The subject and those listed with it ("A and B expressed concern"),
// none of them past the trigger.
std::vector<int> ReportedSubjects(const RuleContext& c, uint32_t t) {
  int subject = ReportedSubject(c, t);
  if (subject < 0) return {};
  auto subjects = c.ListFrom(subject, kActors);
  if (c.s.refs[subjects.back()].last > t) return {subject};
  return subjects;
}

// "A and B accused each other", "praised one another": a mutual stance,
// one triple each way between those listed as subject (ANNOTATION.md:
// mutual accusations give both directions). True when it applied.
bool Mutual(RuleContext& c, uint32_t t, Predicate p, const char* rule) {
  bool each = (c.Word(t + 1, "each") && c.Word(t + 2, "other")) || (c.Word(t + 1, "one") && c.Word(t + 2, "another"));
  if (!each) return false;
  auto subjects = ReportedSubjects(c, t);
  for (int a : subjects)
    for (int b : subjects)
      if (a != b) c.Add(a, p, b, 0.75, rule);
  return true;
}

// Whether `r`, after a comma that follows the trigger at `t`, opens the
// phrase of a speech verb that ends the sentence's clause ("..., State
// Department spokesperson A said").
bool SpeakerAfterComma(const RuleContext& c, uint32_t t, const Ref& r) {
  bool comma = false;
  for (uint32_t k = t + 1; k < r.first; ++k) comma |= c.d.Text(k) == ",";
  if (!comma) return false;
  for (uint32_t k = r.last; k < c.s.last && k < r.last + 5; ++k) {
    if (c.Cue(k, "speech")) return true;
    if (c.d.Text(k) == ",") return false;
  }
  return false;
}

// "A drew condemnation from B", "A received support from B": whether `t`
// is a noun of stance whose "from" phrase opens at the actor at `at`. That
// phrase names who took the stance; the one who drew, received or answered
// it is its object.
bool StanceFromPhrase(const RuleContext& c, uint32_t t, uint32_t at) {
  if (c.d.tags.empty() || c.d.tags[t].pos != Pos::kNoun || !c.Word(t + 1, "from") || at < t + 2) return false;
  // the actor heads the phrase right after "from": "from the Peruvian
  // President A" (chunks, when the pipeline made them), else its first words
  if (!c.d.chunk_of.empty()) return c.d.chunk_of[at] == c.d.chunk_of[t + 2];
  return at == t + 2 || (at == t + 3 && c.Word(t + 2, "the"));
}

void Support(RuleContext& c) {
  for (uint32_t t : c.Triggers("support")) {
    if (c.Negated(t) || c.Modal(t) || c.Stopped(t) || c.Passive(t)) continue;
    if (t > c.s.first && c.Word(t - 1, "for") && c.Word(t, "supporting")) continue;  // read with "thanked B for"
    // "thanks to the floods": a cause, not gratitude
    if (c.Word(t, "thanks") && c.Word(t + 1, "to")) continue;
    // "rebels backed by A": a passive, read by the frames (by-phrase = supporter)
    if (c.Word(t + 1, "by")) continue;
    if (Mutual(c, t, Predicate::kSupports, "support.mutual")) continue;
    // "A expressed the bloc's full solidarity with B": a possessed noun of
    // support is told by the subject of the verb before it, which the frames
    // read (holder before possessor)
    if (!c.d.tags.empty() && c.d.tags[t].pos == Pos::kNoun && !c.d.chunk_of.empty()) {
      const uint32_t chunk = c.d.chunk_of[t];
      if (chunk > 0 && c.d.chunks[chunk - 1].possessor && c.d.chunks[chunk - 1].last > c.s.first) continue;
    }
    int subject = ReportedSubject(c, t);
    if (subject == -1) subject = Speaker(c);
    if (subject < 0) continue;
    // "welcomed that A and B reached a deal": a fact welcomed, not an actor
    if (c.Word(t + 1, "that")) continue;
    // "efforts in support of B": the support of the noun before, which the
    // text leaves unnamed, not the subject's
    if (t >= c.s.first + 2 && c.Word(t - 1, "in") && c.Word(t + 1, "of") && !c.d.tags.empty() &&
        c.d.tags[t - 2].pos == Pos::kNoun)
      continue;
    auto objects = c.ListAfter(t, kActors, 6);
    if (objects.empty() || c.CrossesQuote(t, c.s.refs[objects[0]].first)) continue;
    int object = objects[0];
    // "A received support from B": the frames read it (B supports A)
    if (StanceFromPhrase(c, t, c.s.refs[object].first)) continue;
    // "A welcomed the agreement, B's spokesperson C said": the one named
    // before a trailing speech verb says it, and is welcomed by no one
    if (SpeakerAfterComma(c, t, c.s.refs[object])) continue;
    // "hailed the agreement between B and C": an act of others welcomed,
    // not one of them endorsed (an unnamed agreement gives no triple)
    if (c.s.refs[object].first > t + 1 && c.Word(c.s.refs[object].first - 1, "between")) continue;
    const Ref& obj = c.s.refs[object];
    // "backed schools in Kenya", "funded projects in B": a verb whose
    // object names no actor supports what is in the place, not the place
    if (!c.d.tags.empty() && c.d.tags[t].pos == Pos::kVerb && obj.first > t + 2 && c.Word(obj.first - 1, "in") &&
        c.d.tags[obj.first - 2].pos == Pos::kNoun && !c.Cue(obj.first - 2, "state_proxy"))  // "the government in B"
      continue;
    // "welcomed his Chilean counterpart": a guest greeted, not his state endorsed
    if (obj.adjective && (c.Cue(obj.last, "role_noun") || c.Cue(obj.last, "counterpart"))) continue;
    // "welcomed B in Lima": a person welcomed is a guest (the welcome frame's meeting)
    if (obj.type == EntityType::kPerson && c.d.lexicon && !c.d.tags.empty() &&
        c.d.lexicon->LemmaText(c.d.tags[t].lemma) == "welcome")
      continue;
    c.Add(subject, Predicate::kSupports, object, 0.75, "support.trigger");
    // "thanked B for supporting C": B supports C
    for (uint32_t i = c.s.refs[object].last; i + 1 < c.s.last && i < c.s.refs[object].last + 4; ++i) {
      if (c.Word(i, "for") && c.Cue(i + 1, "support")) {
        auto what = c.ListAfter(i + 1, kActors, 4);
        if (!what.empty()) c.Add(object, Predicate::kSupports, what[0], 0.75, "support.for-supporting");
        break;
      }
      if (c.Word(i, "for")) {
        // "thanked his colleague for the position of Uzbekistan": support of
        // that state too, named in the phrase after "for" (not in a clause
        // after it: "thanked B for its help and said Togo was ready")
        auto what = c.ListAfter(i, kCountry, 8);
        // (not the pair of "his work for relations between Peru and Chile")
        bool in_phrase = !what.empty() && !c.Word(c.s.refs[what[0]].first - 1, "between");
        for (uint32_t k = i + 1; in_phrase && k < c.s.refs[what[0]].first; ++k)
          in_phrase = !c.Word(k, "and") && c.d.Text(k) != "," && (c.d.tags.empty() || c.d.tags[k].pos != Pos::kVerb);
        if (in_phrase) c.Add(subject, Predicate::kSupports, what[0], 0.6, "support.for-position");
        break;
      }
    }
  }
}

// The actor a hostile word is aimed at: the one owning it ("Russia's terror",
// "Russian savages", "the regime in Iran"), or the first actor of the
// reported clause ("said that Armenia's position ... poses a threat").
int HostileTarget(const RuleContext& c, uint32_t word, int speaker) {
  int before = c.NearestBefore(word, kActors, 3);
  if (before >= 0 && !c.s.refs[before].resolved && before != speaker) return before;
  // "described B's decision as a provocation", "branded the move by B
  // illegal": the one the naming verb's object names
  for (uint32_t i = word; i > c.s.first && i + 8 > word; --i)
    if (c.Cue(i - 1, "naming_verb")) {
      auto named = c.ListAfter(i - 1, kActors, 4);
      if (!named.empty() && c.s.refs[named[0]].first < word && named[0] != speaker) return named[0];
      break;
    }
  // "aggression by B", "terrorism in B", "any threat from B"; "the
  // destabilizing activities of B", "crimes (were) committed by B"
  uint32_t prep = word + 1;
  // ("crimes were committed by B")
  if (!c.d.tags.empty() && prep + 2 < c.s.last && c.d.tags[prep].pos == Pos::kAuxiliary &&
      c.d.tags[prep + 1].pos == Pos::kVerb && c.d.tags[prep + 1].form == VerbForm::kParticiple)
    ++prep;
  if (!c.d.tags.empty() && prep + 1 < c.s.last &&
      ((c.d.tags[prep].pos == Pos::kNoun && c.Word(prep + 1, "of")) ||
       (c.d.tags[prep].pos == Pos::kVerb && c.d.tags[prep].form == VerbForm::kParticiple && c.Word(prep + 1, "by"))))
    ++prep;
  if (c.Word(prep, "in") || c.Word(prep, "by") || c.Word(prep, "from") || (prep > word + 1 && c.Word(prep, "of"))) {
    auto after = c.ListAfter(prep, kActors, 2);
    if (!after.empty()) return after[0];
  }
  for (uint32_t i = c.s.first; i < word; ++i)
    if (c.Word(i, "that") && i > c.s.first && c.Cue(i - 1, "speech")) {
      auto first = c.ListAfter(i, kActors, 4);
      if (!first.empty() && c.s.refs[first[0]].first < word) return first[0];
    }
  return -1;
}

// A quote that runs over several sentences ("“... . ...,” A said.") is
// said by the person named with a speech verb where it closes: that
// person's entity, else -1. The look-ahead is bounded (a long quote loses
// its speaker), so a sentence costs constant time.
int QuoteSpeaker(const RuleContext& c) {
  const Document& d = c.d;
  auto opens = [&](uint32_t i) { return d.Text(i) == "\u201C" || d.Text(i) == "\""; };
  auto closes = [&](uint32_t i) { return d.Text(i) == "\u201D" || d.Text(i) == "\""; };
  if (!opens(c.s.first)) return -1;
  for (uint32_t i = c.s.first + 1; i < c.s.last; ++i)
    if (opens(i) || closes(i)) return -1;  // closed in its own sentence: Speaker() reads it
  constexpr uint32_t kQuoteTokens = 150;
  const uint32_t end = static_cast<uint32_t>(d.tokens.size());
  for (uint32_t i = c.s.last; i < end && i < c.s.last + kQuoteTokens; ++i) {
    if (d.Text(i) == "\u201C") return -1;  // another quote opens: the first one's end is lost
    if (!closes(i)) continue;
    // ", A said", ", said A", "A wrote on social media"
    bool speech = false;
    int person = -1;
    for (uint32_t j = i + 1; j < end && j < i + 10; ++j) {
      if (d.Text(j) == "." || d.Text(j) == "\u201C") break;
      speech |= d.mention_at[j] < 0 && d.Is(j, "speech");
      int m = d.mention_at[j];
      if (person < 0 && m >= 0 && d.mentions[m].type == EntityType::kPerson) person = d.mentions[m].entity;
    }
    return speech ? person : -1;
  }
  return -1;
}

// A verb of reacting to an act (criticism, speech, support) between two
// tokens: "A condemned the attack", "A said the strike".
bool ReactionBetween(const RuleContext& c, uint32_t from, uint32_t to) {
  for (uint32_t i = from; i < to; ++i)
    if (c.Cue(i, "criticize") || c.Cue(i, "speech") || c.Cue(i, "support")) return true;
  return false;
}

// Whether the actor at `at`, after the trigger `t`, is named as the one an
// act of force was done to: "condemned the attack on [B]", "the strikes
// against [B]".
bool VictimOfAct(const RuleContext& c, uint32_t t, uint32_t at) {
  // back over the object's determiners and adjectives: "on [a] Malian post"
  uint32_t prep = at - 1;
  while (prep > t + 1 && at - prep <= 3 &&
         (c.d.tags[prep].pos == Pos::kDeterminer || c.d.tags[prep].pos == Pos::kAdjective))
    --prep;
  if (prep < t + 2 || !(c.Word(prep, "on") || c.Word(prep, "against"))) return false;
  for (uint32_t i = t + 1; i < prep; ++i)
    if (c.Cue(i, "attack")) return true;
  return false;
}

void Criticism(RuleContext& c) {
  bool found = false;
  const ArgumentFinder args(c.d, c.s);
  for (uint32_t t : c.Triggers("criticize")) {
    // "the firm, which the EU accused of ...", "B, whom A accused": the
    // frames read who did it to whom (the nearest name before the pronoun
    // is not the doer)
    if (!c.d.chunk_of.empty() && args.ObjectRelativeVerb(c.d.chunk_of[t])) continue;
    // "rejected (the) criticism from B": the verb that answers a criticism
    // named with its critic negates the answer, not the criticism made
    uint32_t negation_at = t;
    if (!c.d.tags.empty() && c.d.tags[t].pos == Pos::kNoun && c.Word(t + 1, "from")) {
      uint32_t v = t;
      while (v > c.s.first && (c.d.tags[v - 1].pos == Pos::kDeterminer || c.d.tags[v - 1].pos == Pos::kAdjective)) --v;
      if (v > c.s.first && c.d.tags[v - 1].pos == Pos::kVerb) negation_at = v - 1;
    }
    if (c.Negated(negation_at) || c.Modal(t) || c.Stopped(t) || c.Passive(t)) continue;
    // "B's launch condemned by A": a reduced passive, read by the frames too
    if (c.Word(t + 1, "by") && t > c.s.first && c.d.tags.size() > t && c.d.tags[t].pos == Pos::kVerb) continue;

    // "vetoed the bloc's statement condemning B": the -ing word describes
    // the noun before it, whose owner condemns (the frames read it)
    if (t > c.s.first && c.d.tags.size() > t && c.d.tags[t].form == VerbForm::kGerund &&
        c.d.tags[t - 1].pos == Pos::kNoun)
      continue;
    if (Mutual(c, t, Predicate::kCriticizes, "criticize.mutual")) {
      found = true;
      continue;
    }
    // "rejected (the) criticism from B": the noun's critic, read at the noun
    if (uint32_t noun = t + 1; !c.d.tags.empty()) {
      while (noun < c.s.last && (c.d.tags[noun].pos == Pos::kDeterminer || c.d.tags[noun].pos == Pos::kAdjective)) ++noun;
      if (noun < c.s.last && c.Cue(noun, "criticize") && c.Word(noun + 1, "from")) continue;
    }
    auto subjects = ReportedSubjects(c, t);
    // "A condemned an attack by B ... and accused C", "A denied it, saying
    // ..., and accused C": a past verb coordinated after a clause takes the
    // sentence's subject, not the nearest actor before it
    if (t > c.s.first && c.Word(t - 1, "and") && c.d.tags.size() > t && c.d.tags[t].pos == Pos::kVerb &&
        (c.d.tags[t].form == VerbForm::kPast || c.d.tags[t].form == VerbForm::kPastOrParticiple))
      if (int subject = c.SubjectBefore(t, kActors); subject >= 0) subjects = {subject};
    auto objects = c.ListAfter(t, kActors, 10);
    if (subjects.empty() || objects.empty()) continue;
    // "rejected any displacement of Palestinians": the object of "of" after a
    // noun is who suffered the thing rejected, not its target; nouns of
    // criticism ("condemnation of X") take their target with "of"
    uint32_t at = c.s.refs[objects[0]].first;
    // "A's opposition protested, while B held elections": B stands in
    // another clause, no target of the trigger
    if (c.ClauseBetween(t, at)) continue;
    // "condemned the raid, in which four Chilean officers died": a relative
    // clause describing what was condemned names its victims, no target
    bool relative_between = false;
    for (uint32_t i = t + 1; i < at && !relative_between; ++i)
      relative_between = c.Word(i, "which") || c.Word(i, "who") || c.Word(i, "whom") || c.Word(i, "whose");
    if (relative_between) continue;
    bool noun_trigger = c.Word(t, "criticism") || c.Word(t, "condemnation") || c.Word(t, "repudiation");
    // "A drew condemnation from B", "A rejected criticism from B and C":
    // a criticism's "from" phrase names its critics, and the one who drew,
    // faced or answered it is its target
    if (StanceFromPhrase(c, t, at)) {
      for (int critic : objects)
        for (int s : subjects) c.Add(critic, Predicate::kCriticizes, s, 0.75, "criticize.from");
      found = true;
      continue;
    }
    if (at > t + 2 && c.Word(at - 1, "of") && !noun_trigger && !c.Word(t + 1, "of")) continue;
    // "condemned the attack on a Malian post": the victim of the act
    // condemned is no target of the condemnation
    if (VictimOfAct(c, t, at)) continue;
    for (int s : subjects) c.Add(s, Predicate::kCriticizes, objects[0], 0.8, "criticize.trigger");
    found = true;
  }
  // "expressed concern over China's ...": concern about an actor
  for (uint32_t t : c.Triggers("concern")) {
    uint32_t after = t + 1;
    while (after < c.s.last && c.d.tokens[after].shape == TokenShape::kPunct && after < t + 3) ++after;
    if (c.Negated(t) || !(c.Word(after, "over") || c.Word(after, "about") || c.Word(after, "at"))) continue;
    auto subjects = ReportedSubjects(c, t);
    auto objects = c.ListAfter(t + 1, kActors, 10);
    if (subjects.empty() || objects.empty()) continue;
    // "concern over attacks on minorities, while B asked ...": B is no topic
    if (c.ClauseBetween(t, c.s.refs[objects[0]].first)) continue;
    for (int s : subjects) c.Add(s, Predicate::kCriticizes, objects[0], 0.7, "criticize.concern");
    found = true;
  }
  if (found) return;
  // a speaker and hostile words about an actor (the words first: most
  // sentences have none, and then the speaker does not matter)
  std::vector<uint32_t> hostile;
  for (uint32_t t : c.Triggers("hostile_word")) hostile.push_back(t);
  std::erase_if(hostile, [&](uint32_t t) { return !c.d.tags.empty() && c.d.tags[t].pos == Pos::kVerb; });
  for (uint32_t t : c.Triggers("hostile_verb")) hostile.push_back(t);
  std::sort(hostile.begin(), hostile.end());
  if (hostile.empty()) return;
  int speaker = Speaker(c);
  // the first sentence of a quote that closes later: its speaker is named there
  int quoted_by = speaker < 0 ? QuoteSpeaker(c) : -1;
  if (speaker < 0 && quoted_by < 0) return;
  int best = -1;
  for (uint32_t t : hostile) {
    // "non-interference", "anti-terrorism", "counter-terrorism": against the thing, not hostile
    if (t >= c.s.first + 2 && c.d.Text(t - 1) == "-" &&
        (c.Word(t - 2, "non") || c.Word(t - 2, "anti") || c.Word(t - 2, "counter")))
      continue;
    int target = HostileTarget(c, t, speaker);
    if (target >= 0 && target != speaker) {
      best = target;
      break;
    }
  }
  if (best < 0) return;
  if (speaker >= 0) {
    // "Iran's regime is strong, Iranian minister A said": his own state is no target
    const Ref& who = c.s.refs[speaker];
    if (who.type == EntityType::kPerson && who.entities.size() == 1) {
      int own = c.d.entities[who.entities[0]].country;
      const auto& targets = c.s.refs[best].entities;
      if (own >= 0 && std::find(targets.begin(), targets.end(), own) != targets.end()) return;
    }
    c.Add(speaker, Predicate::kCriticizes, best, 0.6, "criticize.hostile-words");
    return;
  }
  int own_state = c.d.entities[quoted_by].country;
  for (int e : c.s.refs[best].entities)
    if (e != quoted_by && e != own_state)
      c.AddEntities(quoted_by, Predicate::kCriticizes, e, 0.55, "criticize.hostile-words-quote");
}

// "A said that Chile would strike B if ...", "Chile will attack B unless
// ...": force promised on a condition is a threat (ANNOTATION.md, Threats)
// by the one who would use it, when that one says it: the sentence reports
// no one else ("Analysts said Chile would strike B if ..." is a guess), or
// the speaker speaks for that state (the speaker rule then makes the
// speaker the subject).
void ConditionalForce(RuleContext& c) {
  if (!c.SentenceHas("attack")) return;  // (no trigger: no need to look for a condition)
  bool condition = false;
  for (uint32_t i = c.s.first; i < c.s.last; ++i) condition |= c.Word(i, "if") || c.Word(i, "unless");
  if (!condition) return;
  for (uint32_t t : c.Triggers("attack")) {
    if (c.Negated(t) || t == c.s.first || !(c.Word(t - 1, "would") || c.Word(t - 1, "will"))) continue;
    int subject = ReportedSubject(c, t);
    if (subject < 0) continue;
    const Ref& doer = c.s.refs[subject];
    int speaker = Speaker(c);
    if (speaker < 0 && c.s.cues[CueClass("speech").id()]) continue;  // "analysts said ...": an observer
    // "analysts said that Chile would ...": Speaker() falls back on the
    // reported clause's own doer, who does not say it
    bool reported = false;
    for (uint32_t i = c.s.first + 1; i < t; ++i) reported |= c.Word(i, "that") && c.Cue(i - 1, "speech");
    if (reported && speaker == subject) continue;
    if (speaker >= 0 && speaker != subject) {
      const Ref& who = c.s.refs[speaker];
      if (who.type != EntityType::kPerson || who.entities.size() != 1 || doer.entities.size() != 1 ||
          c.d.entities[who.entities[0]].country != doer.entities[0])
        continue;
    }
    auto targets = c.ListAfter(t, kActors, 3);
    for (int o : targets) c.Add(subject, Predicate::kThreatens, o, 0.65, "threaten.conditional-force");
  }
}

// The actor that imposed the article's sanctions, for "those sanctioned are ...".
int LastSanctioner(const Document& d) {
  for (auto it = d.facts.rbegin(); it != d.facts.rend(); ++it)
    if (it->predicate == Predicate::kSanctions) return it->subject;
  return -1;
}

void Sanctions(RuleContext& c) {
  for (uint32_t t : c.Triggers("sanction")) {
    // ("lifted sanctions on B", "ended its sanctions against B": no longer)
    if (c.Negated(t) || c.Stopped(t)) continue;
    bool modal = c.Modal(t);
    // "boycott of Qatar by Bahrain, Saudi Arabia and the UAE"
    if (c.Word(t + 1, "of")) {
      auto targets = c.ListAfter(t + 1, kActors, 4);
      if (!targets.empty()) {
        uint32_t end = c.s.refs[targets.back()].last;
        for (uint32_t i = end; i < end + 3 && i < c.s.last; ++i)
          if (c.Word(i, "by")) {
            for (int s : c.ListAfter(i, kActors, 2))
              for (int o : targets) c.Add(s, modal ? Predicate::kThreatens : Predicate::kSanctions, o, 0.8, "sanction.of-by");
            break;
          }
        continue;
      }
    }
    // "recalled their ambassadors from Israel", "sanctions on|against|targeting X", "expelled X's diplomats"
    std::vector<int> targets;
    for (uint32_t i = t + 1; i < c.s.last && i < t + 8; ++i) {
      if (c.Word(i, "on") || c.Word(i, "against") || c.Word(i, "targeting") || c.Word(i, "from") || c.Word(i, "with") ||
          c.Word(i, "are") || c.Word(i, "include") || c.Word(i, "including")) {
        targets = c.ListAfter(i, kActors, 6);
        break;
      }
      // (the trigger's own phrases only: "talks, suspended since May,
      // resumed on Monday between A and B" names no target)
      if (!c.d.tags.empty() && c.d.tags[i].pos == Pos::kVerb) break;
    }
    // "X were sanctioned by Y": Y acts, the subject before is the target
    if (targets.empty() && c.Word(t + 1, "by") && (c.Word(t - 1, "were") || c.Word(t - 1, "was") || c.Word(t - 1, "been"))) {
      auto by = c.ListAfter(t + 1, kActors, 3);
      int target = c.SubjectBefore(t, kActors);
      if (!by.empty() && target >= 0)
        for (int o : c.ListFrom(target, kActors))
          if (c.s.refs[o].last <= t) c.Add(by[0], Predicate::kSanctions, o, 0.8, "sanction.passive-by");
      continue;
    }
    if (targets.empty() && (c.Word(t, "sanctioned") || c.Word(t, "blacklisted") || c.Word(t, "expelled") ||
                            c.Word(t, "suspended") || c.Word(t, "boycotted")))
      targets = c.ListAfter(t, kActors, 2);
    if (targets.empty()) continue;
    int subject = c.SubjectBefore(t, kActors);
    std::vector<int> subjects;
    if (subject >= 0 && c.s.refs[subject].first < t) {
      subjects = c.ListFrom(subject, kActors);
      if (c.s.refs[subjects.back()].last > t) subjects = {subject};
    }
    // the subject must not be a target named before ("Among those sanctioned are X")
    bool passive = subjects.empty() || c.Word(t - 1, "those") || c.Word(t - 1, "been") || c.Word(t - 1, "were") || c.Word(t - 1, "was");
    if (passive) {
      int s = LastSanctioner(c.d);
      if (s < 0) continue;
      for (int o : targets)
        for (int e : c.s.refs[o].entities)
          c.AddEntities(s, modal ? Predicate::kThreatens : Predicate::kSanctions, e, 0.7, "sanction.previous-actor");
      continue;
    }
    for (int s : subjects)
      for (int o : targets) c.Add(s, modal ? Predicate::kThreatens : Predicate::kSanctions, o, 0.85, "sanction.trigger");
  }
  // "cut ties with X", "break diplomatic relations with X"
  for (uint32_t t : c.Triggers("cut_verb")) {
    if (c.Negated(t)) continue;
    // "would cut ties", "threatened to sever relations": a threat (the
    // frames read it), not a break; "decided to break ties" is one
    if (t > c.s.first && (c.Cue(t - 1, "threat_modal") || c.Word(t - 1, "will") ||
                          (c.Word(t - 1, "to") && t > c.s.first + 1 && c.Cue(t - 2, "threat_modal"))))
      continue;
    bool relations = false;
    uint32_t with = 0;
    for (uint32_t i = t + 1; i < c.s.last && i < t + 6; ++i) {
      if (c.Cue(i, "relations")) relations = true;
      if (relations && c.Word(i, "with")) {
        with = i;
        break;
      }
    }
    if (!with) continue;
    int subject = c.SubjectBefore(t, kActors);
    // "the country decided to break ...": a state acting through its spokesperson
    if (subject >= 0 && c.s.refs[subject].type == EntityType::kPerson) {
      int person = c.s.refs[subject].entities[0];
      int country = c.d.entities[person].country;
      if (country >= 0) {
        auto targets = c.ListAfter(with, kActors, 4);
        for (int o : targets)
          for (int e : c.s.refs[o].entities) c.AddEntities(country, Predicate::kSanctions, e, 0.7, "sanction.cut-ties");
        continue;
      }
    }
    auto targets = c.ListAfter(with, kActors, 4);
    for (int o : targets) c.Add(subject, Predicate::kSanctions, o, 0.8, "sanction.cut-ties");
  }
}

// "hit", "struck", "pounded" are also said of films, storms and markets: as
// attacks they need a weapon or armed forces in the sentence.
bool AmbiguousStrike(const RuleContext& c, uint32_t t) {
  return c.Word(t, "hit") || c.Word(t, "hits") || c.Word(t, "struck") || c.Word(t, "strike") || c.Word(t, "strikes") ||
         c.Word(t, "pounded");
}
bool ArmedContext(const RuleContext& c) {
  if (c.s.cues[CueClass("weapon").id()]) return true;
  for (uint32_t i = c.s.first; i < c.s.last; ++i)
    if (c.Word(i, "troops") || c.Word(i, "forces") || c.Word(i, "army") || c.Word(i, "military") || c.Word(i, "shelling") ||
        c.Word(i, "airstrike") || c.Word(i, "airstrikes"))
      return true;
  return false;
}

// "the expansion is an assault on our security", "was a direct attack on
// us": what a copula calls an attack is a stance taken, no armed act.
bool CalledAnAttack(const RuleContext& c, uint32_t t) {
  for (uint32_t k = t; k > c.s.first && k + 4 > t; --k) {
    const uint32_t w = k - 1;
    if (c.Word(w, "is") || c.Word(w, "was") || c.Word(w, "are") || c.Word(w, "were") || c.Word(w, "be") ||
        c.Word(w, "been"))
      return true;
    const bool describing = c.Word(w, "a") || c.Word(w, "an") || (!c.d.tags.empty() && c.d.tags[w].pos == Pos::kAdjective);
    if (!describing) return false;
  }
  return false;
}

void Attacks(RuleContext& c) {
  for (uint32_t t : c.Triggers("attack")) {
    if (c.Negated(t) || c.Modal(t) || CalledAnAttack(c, t)) continue;
    if (AmbiguousStrike(c, t) && !ArmedContext(c)) continue;
    // "attack by A on B", "A hits B", "A's strikes on B", "continues to bombard B"
    int subject = -1;
    if (c.Word(t + 1, "by")) {
      auto a = c.ListAfter(t + 1, kActors, 3);
      if (!a.empty()) subject = a[0];
    }
    // "the shelling of three villages by rebels": a by-phrase further on
    // names the doer, even one that is no actor (then no one named did it)
    bool by_later = false;
    for (uint32_t k = t + 2; subject < 0 && k < c.s.last && k < t + 9 && c.d.Text(k) != ","; ++k) {
      if (!c.d.tags.empty() && c.d.tags[k].pos == Pos::kVerb) break;
      if (!c.Word(k, "by")) continue;
      by_later = true;
      if (auto a = c.ListAfter(k, kActors, 3); !a.empty()) subject = a[0];
      break;
    }
    if (subject < 0 && by_later) continue;
    if (subject < 0) {
      subject = c.NearestBefore(t, kActors, 6);
      // "Ghana condemned the attack on B": one who reacts to an attack
      // (condemns, reports, welcomes an end to it) did not make it
      if (subject >= 0 && ReactionBetween(c, c.s.refs[subject].last, t)) continue;
    }
    if (subject < 0) continue;
    std::vector<int> targets;
    uint32_t from = t;
    if (c.Word(t + 1, "on") || c.Word(t + 1, "against")) from = t + 1;
    auto after = c.ListAfter(from, kActors | TypeBit(EntityType::kLocation), 3);
    if (after.empty()) continue;
    for (int o : after) c.Add(subject, Predicate::kAttacks, o, 0.75, "attack.trigger");
  }
}

void Supplies(RuleContext& c) {
  for (uint32_t t : c.Triggers("supply")) {
    if (c.Negated(t) || c.Modal(t) || c.Stopped(t)) continue;
    // "A ... energy supplier for B", "A supplies B with gas", "gas delivered to B by A"
    std::string what;
    // (not the trigger itself: "ships" is goods and a verb of delivery)
    for (uint32_t i = (t > c.s.first + 3 ? t - 3 : c.s.first); i < c.s.last && i < t + 4; ++i)
      if (i != t && c.Cue(i, "supply_goods")) {
        what = c.d.QualifierWord(i);
        break;
      }
    // "supplier" needs its goods named ("energy supplier"); a verb of delivery does not
    bool verb = c.Word(t, "delivered") || c.Word(t, "supplied") || c.Word(t, "supplies") || c.Word(t, "exported") ||
                c.Word(t, "donated") || c.Word(t, "shipped") || c.Word(t, "delivers") || c.Word(t, "exports");
    if (what.empty() && !verb) continue;
    int subject = -1;
    std::vector<int> objects;
    bool aimed = false;  // "sent drones toward B", "fired missiles at B": an attack, not a delivery
    for (uint32_t i = t + 1; i < c.s.last && i < t + 8; ++i)
      aimed |= c.Word(i, "toward") || c.Word(i, "towards") || c.Word(i, "at") || c.Word(i, "against") || c.Word(i, "into");
    if (aimed) continue;
    for (uint32_t i = t + 1; i < c.s.last && i < t + 8; ++i)
      if (c.Word(i, "to") || c.Word(i, "for") || c.Word(i, "of")) {
        objects = c.ListAfter(i, kCountry, 3);
        break;
      }
    if (objects.empty()) objects = c.ListAfter(t, kCountry, 2);
    for (uint32_t i = t + 1; i < c.s.last && i < t + 10; ++i)
      if (c.Word(i, "by")) {
        auto by = c.ListAfter(i, kActors, 3);
        if (!by.empty()) subject = c.NamesMembers(by[0]) ? -2 : by[0];  // "by NATO members": not NATO
        break;
      }
    if (subject == -1) subject = c.NearestBefore(t, kCountry | TypeBit(EntityType::kOrganization), 10);
    if (subject < 0 || objects.empty()) continue;
    for (int o : objects) c.Add(subject, Predicate::kSupplies, o, 0.75, "supply.trigger", "", "", what);
  }
}

}  // namespace

void ExtractStances(Document* doc, const SentenceView& s) {
  RuleContext c(doc, s);
  Cooperation(c);
  Support(c);
  Criticism(c);
  ConditionalForce(c);
  Sanctions(c);
  Attacks(c);
  Supplies(c);
}

}  // namespace irkg::internal
