// Companions at a meeting: one who accompanies a participant takes part on
// that participant's side, so meets the other side (ANNOTATION.md: every
// pair of named participants from different sides; members of one
// delegation are not paired with each other).
//
//   A, accompanied by B, met C.                 B metWith C
//   A met C. C was accompanied at the talks by D.   D metWith A
//   A met C. Accompanying C at the meeting was D.   D metWith A
//   B accompanied A to the talks with C.         B metWith C
//
// Reads: the sentence's chunks and refs, the metWith facts found so far in
// it, and the latest gathering (Document::gathering). Run after the frame
// pass of each sentence. Adds: metWith facts (rule "frame:companion").
#include <algorithm>

#include "extract/arguments.h"
#include "extract/rule_context.h"

namespace irkg::internal {
namespace {

// The person phrase after the copula of an inverted clause: "Accompanying
// A at the meeting [was] B".
Actors AfterCopula(const Document& d, const SentenceView& s, const ArgumentFinder& args, uint32_t from) {
  for (uint32_t c = from + 1; c + 1 < args.last_chunk(); ++c) {
    const Chunk& ch = d.chunks[c];
    if (ch.kind != ChunkKind::kVerb) continue;
    const bool be = ch.first + 1 == ch.last && (d.IsWord(ch.head, "was") || d.IsWord(ch.head, "were"));
    if (!be || d.chunks[c + 1].kind != ChunkKind::kNoun) return {};
    int actor = args.HeadActor(c + 1);
    if (actor < 0) return {};
    return {s.refs[actor]};
  }
  return {};
}

// Whether the sentence speaks of "the meeting", "the talks": a gathering
// named with "the" and no names of its own is the one told last, however
// far back ("Accompanying A at the meeting was B").
bool NamesTheMeeting(const Document& d, const SentenceView& s, const ArgumentFinder& args) {
  for (uint32_t c = args.first_chunk(); c < args.last_chunk(); ++c) {
    const Chunk& np = d.chunks[c];
    if (np.kind != ChunkKind::kNoun || !d.IsWord(np.first, "the") || !d.Is(np.head, "gathering")) continue;
    if (std::none_of(s.refs.begin(), s.refs.end(), [&](const Ref& r) { return r.first >= np.first && r.last <= np.last; }))
      return true;
  }
  return false;
}

// The people a participant met: in this sentence's metWith facts, and in
// the gathering told last when the participant is one of it (and it is
// recent, or the sentence names it).
std::vector<int> MetBy(const Document& d, const SentenceView& s, size_t first_fact, int participant, bool names_meeting) {
  std::vector<int> met;
  auto add = [&](int e) {
    if (e != participant && std::find(met.begin(), met.end(), e) == met.end()) met.push_back(e);
  };
  for (size_t i = first_fact; i < d.facts.size(); ++i) {
    const Fact& f = d.facts[i];
    if (f.predicate != Predicate::kMetWith) continue;
    if (f.subject == participant) add(f.object);
    if (f.object == participant) add(f.subject);
  }
  const Document::Gathering& g = d.gathering;
  constexpr uint32_t kRecentSentences = 2;
  if ((names_meeting || s.index <= g.sentence + kRecentSentences) &&
      std::find(g.people.begin(), g.people.end(), participant) != g.people.end())
    for (int e : g.people) add(e);
  return met;
}

}  // namespace

void AddCompanions(Document* doc, const SentenceView& s, size_t first_fact) {
  Document& d = *doc;
  if (!s.cues[CueClass("same_side").id()] || d.tags.empty()) return;
  ArgumentFinder args(d, s);
  RuleContext rules(doc, s);
  for (uint32_t c = args.first_chunk(); c < args.last_chunk(); ++c) {
    const Chunk& ch = d.chunks[c];
    const uint32_t word = ch.kind == ChunkKind::kVerb ? ch.head : ch.first;
    if (!d.Is(word, "same_side") || ch.negated || ch.modal) continue;
    Actors companions, principals;
    auto person_at = [&](uint32_t np) -> Actors {
      int actor = np < args.last_chunk() && d.chunks[np].kind == ChunkKind::kNoun ? args.HeadActor(np) : -1;
      return actor < 0 ? Actors{} : Actors{s.refs[actor]};
    };
    if (c == args.first_chunk() && (ch.kind == ChunkKind::kNoun || ch.gerund)) {
      // "Accompanying A at the meeting was B" (the -ing word may open A's phrase)
      principals = ch.kind == ChunkKind::kNoun ? person_at(c) : args.Patient(c);
      companions = AfterCopula(d, s, args, c);
    } else if (ch.kind != ChunkKind::kVerb) {
      continue;
    } else if (c >= args.first_chunk() + 2 && d.chunks[c - 1].kind == ChunkKind::kComma && !ch.passive) {
      // "A, accompanied by B, met C": a participle in apposition to A
      principals = person_at(c - 2);
      companions = args.PrepAfter(c, "by", false);
    } else {
      companions = args.Agent(c);  // "B accompanied A", "A was accompanied by B"
      principals = args.Patient(c);
    }
    for (const Ref& principal : principals) {
      if (principal.type != EntityType::kPerson || principal.entities.size() != 1) continue;
      const std::vector<int> met = MetBy(d, s, first_fact, principal.entities[0], NamesTheMeeting(d, s, args));
      for (const Ref& companion : companions) {
        if (companion.type != EntityType::kPerson || companion.entities.size() != 1) continue;
        const int who = companion.entities[0];
        const int side = d.entities[who].country;
        for (int other : met) {
          if (other == who || d.entities[other].type != EntityType::kPerson) continue;
          if (side >= 0 && d.entities[other].country == side) continue;  // one delegation
          rules.AddEntities(who, Predicate::kMetWith, other, 0.6, "frame:companion");
        }
      }
    }
  }
}

}  // namespace irkg::internal
