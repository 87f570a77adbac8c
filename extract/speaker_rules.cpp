// Reported stances: the speaker is the subject. "Foreign Minister A (of
// Chile) said that Chile firmly supports B" states A's support of B: the one
// who speaks for a state is the subject of what he says of that state's
// stance (ANNOTATION.md, Speakers). Read after the stance and frame rules
// of a sentence, once for all their facts.
//
// Reads: the sentence's facts, chunks, resolved refs.
// Changes: the subject of a supports / criticizes / threatens fact whose
//          subject is the speaker's own state named after the speech verb.
#include "extract/arguments.h"

namespace irkg::internal {
namespace {

bool IsStatement(Predicate p) {
  return p == Predicate::kSupports || p == Predicate::kCriticizes || p == Predicate::kThreatens;
}

// The person who says the reported clause, and the first token after the
// speech verb: "A said that ...", "A stressed ...". The verb must report a
// clause ("that", or a name right after it), not address an actor.
struct Speech {
  int person = -1;
  uint32_t after = 0;
};

Speech FindSpeech(const Document& d, const ArgumentFinder& args) {
  for (uint32_t c = args.first_chunk(); c < args.last_chunk(); ++c) {
    const Chunk& v = d.chunks[c];
    if (v.kind != ChunkKind::kVerb || v.negated || !d.Is(v.head, "speech") || d.mention_at[v.head] >= 0) continue;
    if (c + 1 >= args.last_chunk()) continue;
    const Chunk& next = d.chunks[c + 1];
    bool that = next.kind == ChunkKind::kSubordinator && d.IsWord(next.first, "that");
    // "A said Chile supports B": a clause without "that" opens with its
    // subject, a name, and its verb
    bool bare_clause = next.kind == ChunkKind::kNoun && args.HeadActor(c + 1) >= 0 && c + 2 < args.last_chunk() &&
                       d.chunks[c + 2].kind == ChunkKind::kVerb;
    if (!that && !bare_clause) continue;
    Actors agent = args.Agent(c);
    if (agent.size() != 1 || agent[0].type != EntityType::kPerson || agent[0].entities.size() != 1) return {};
    return {agent[0].entities[0], v.last};
  }
  return {};
}

}  // namespace

void AttributeToSpeakers(Document* doc, const SentenceView& s, size_t first_fact) {
  Document& d = *doc;
  if (first_fact >= d.facts.size() || !s.cues[CueClass("speech").id()]) return;
  ArgumentFinder args(d, s);
  Speech speech = FindSpeech(d, args);
  if (speech.person < 0) return;
  int state = d.entities[speech.person].country;
  if (state < 0) return;
  // the state must be named in the reported clause, not only in the
  // speaker's title ("Chilean Foreign Minister A said ...")
  // and not before the speech verb, where it acts in a clause of its own
  // ("Chile and Peru expressed support for B, and Chile's Foreign Minister
  // A said Santiago stood with B": Chile's support stays Chile's)
  // (a clause of its own: ", and" or ";" between it and the speech verb;
  // "Chile's Foreign Minister A said", "A of Chile said" name the speaker)
  auto own_clause = [&](const Ref& r) {
    for (uint32_t k = r.last; k + 1 < speech.after; ++k)
      if (d.Text(k) == ";" || (d.Text(k) == "," && (d.IsWord(k + 1, "and") || d.IsWord(k + 1, "but") ||
                                                     d.IsWord(k + 1, "while"))))
        return true;
    return false;
  };
  bool named_after = false;
  for (const Ref& r : s.refs) {
    if (r.adjective || r.entities.size() != 1 || r.entities[0] != state) continue;
    if (r.first < speech.after && own_clause(r)) return;
    named_after |= r.first >= speech.after;
  }
  if (!named_after) return;
  for (size_t i = first_fact; i < d.facts.size(); ++i) {
    Fact& f = d.facts[i];
    if (IsStatement(f.predicate) && f.subject == state && f.object != speech.person) f.subject = speech.person;
  }
}

}  // namespace irkg::internal
