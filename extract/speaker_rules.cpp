// Reported stances: the speaker is the subject. "Foreign Minister A (of
// Chile) said that Chile firmly supports B" states A's support of B: the one
// who speaks for a state is the subject of what he says of that state's
// stance (ANNOTATION.md, Speakers). Read after the stance and frame rules
// of a sentence, once for all their facts.
//
// Reads: the sentence's facts, chunks, resolved refs.
// Changes: the subject of a supports / criticizes / threatens fact whose
//          subject is the speaker's own state named in the reported clause
//          (after the speech verb, or before ", A said").
#include "extract/arguments.h"

namespace irkg::internal {
namespace {

bool IsStatement(Predicate p) {
  return p == Predicate::kSupports || p == Predicate::kCriticizes || p == Predicate::kThreatens;
}

// The person who says the reported clause, and the clause's tokens
// [from, to): "A said that ...", "A stressed ...", 'A said "..."' (the
// clause after the verb, which must report one: "that", or a name and its
// verb, not an actor addressed), or "..., A said" (the clause before the
// comma that opens the speaker's phrase).
struct Speech {
  int person = -1;
  uint32_t from = 0, to = 0;
  bool before_verb = false;  // "..., A said"
};

Speech FindSpeech(const Document& d, const ArgumentFinder& args) {
  const uint32_t first = args.first_chunk(), last = args.last_chunk();
  for (uint32_t c = first; c < last; ++c) {
    const Chunk& v = d.chunks[c];
    if (v.kind != ChunkKind::kVerb || v.negated || !d.Is(v.head, "speech") || d.mention_at[v.head] >= 0) continue;
    // "..., A said": a comma (past a closing quotation mark) before the speaker
    uint32_t comma = c >= first + 2 && d.chunks[c - 1].kind == ChunkKind::kNoun ? c - 2 : c;
    if (comma > first && args.QuoteMark(comma)) --comma;
    const bool after_clause = comma < c && comma > first && d.chunks[comma].kind == ChunkKind::kComma;
    uint32_t k = c + 1;
    if (k < last && args.QuoteMark(k)) ++k;  // 'A said "Chile stands with B"'
    bool that = k < last && d.chunks[k].kind == ChunkKind::kSubordinator && d.IsWord(d.chunks[k].first, "that");
    // "A said Chile supports B", 'A said Chile "stands with B"': a clause
    // without "that" opens with its subject, a name, and its verb
    uint32_t verb_at = k + 1;
    if (verb_at < last && args.QuoteMark(verb_at)) ++verb_at;
    bool bare_clause = verb_at < last && d.chunks[k].kind == ChunkKind::kNoun && args.HeadActor(k) >= 0 &&
                       d.chunks[verb_at].kind == ChunkKind::kVerb;
    if (!that && !bare_clause && !after_clause) continue;
    Actors agent = args.Agent(c);
    if (agent.size() != 1 || agent[0].type != EntityType::kPerson || agent[0].entities.size() != 1) return {};
    if (that || bare_clause) return {agent[0].entities[0], v.last, d.sentences[d.sentence_of[v.first]].last};
    return {agent[0].entities[0], d.sentences[d.sentence_of[v.first]].first, d.chunks[comma].first, true};
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
    for (uint32_t k = r.last; k + 1 < speech.from; ++k)
      if (d.Text(k) == ";" || (d.Text(k) == "," && (d.IsWord(k + 1, "and") || d.IsWord(k + 1, "but") ||
                                                     d.IsWord(k + 1, "while"))))
        return true;
    return false;
  };
  bool named_in_clause = false;
  for (const Ref& r : s.refs) {
    if (r.adjective || r.entities.size() != 1 || r.entities[0] != state) continue;
    if (r.first < speech.from && own_clause(r)) return;
    named_in_clause |= r.first >= speech.from && r.last <= speech.to;
  }
  if (!named_in_clause) return;
  for (size_t i = first_fact; i < d.facts.size(); ++i) {
    Fact& f = d.facts[i];
    // (a threat told before ", A said" is the state's and the speaker's:
    // the threat rows read both, "Chile will strike B, A said")
    if (speech.before_verb && f.predicate == Predicate::kThreatens) continue;
    if (IsStatement(f.predicate) && f.subject == state && f.object != speech.person) f.subject = speech.person;
  }
}

}  // namespace irkg::internal
