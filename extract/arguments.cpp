#include "extract/arguments.h"

#include <algorithm>

namespace irkg::internal {
namespace {

bool IsPersonRef(const Ref& r) { return r.type == EntityType::kPerson; }

}  // namespace

ArgumentFinder::ArgumentFinder(const Document& d, const SentenceView& s) : d_(d), s_(s) {
  if (s.last <= s.first || d.chunk_of.empty()) return;
  first_ = d.chunk_of[s.first];
  last_ = d.chunk_of[s.last - 1] + 1;
  refs_of_.assign(last_ - first_, {0, 0});
  for (size_t r = 0; r < s.refs.size(); ++r) {
    uint32_t c = d.chunk_of[s.refs[r].first];
    if (c < first_ || c >= last_) continue;
    auto& range = refs_of_[c - first_];
    if (range.first == range.second) range.first = static_cast<int>(r);
    range.second = static_cast<int>(r) + 1;
  }
}

bool ArgumentFinder::SameFamily(int a, int b) const {
  return IsPersonRef(s_.refs[a]) == IsPersonRef(s_.refs[b]);
}

int ArgumentFinder::HeadActor(uint32_t np) const {
  if (!Is(np, ChunkKind::kNoun)) return -1;
  auto [from, to] = refs_of_[np - first_];
  int demonym = -1;
  for (int r = to - 1; r >= from; --r) {
    const Ref& ref = s_.refs[r];
    if (!ref.adjective) return r;
    if (demonym < 0) demonym = r;
  }
  if (demonym < 0) return -1;
  // "the Chilean side", "Peruvian troops", or the demonym itself as the
  // noun ("the Chileans"): the state; "Chilean wine" is no actor
  const Chunk& c = d_.chunks[np];
  const Ref& dem = s_.refs[demonym];
  if (dem.last == c.last || (dem.last < c.last && d_.Is(c.head, "state_proxy")) ||
      (c.possessor && dem.last + 1 == c.last))
    return demonym;
  return -1;
}

Actors ArgumentFinder::ListFrom(uint32_t np) const {
  Actors out;
  int head = HeadActor(np);
  if (head < 0) return out;
  out.push_back(s_.refs[head]);
  uint32_t c = np + 1;
  while (c + 1 < last_) {
    // separators: ",", "and", "or", ", and", "as well as"
    uint32_t next = c;
    bool sep = false;
    while (next < last_ && (Is(next, ChunkKind::kComma) || Is(next, ChunkKind::kCoordinator))) {
      sep = true;
      ++next;
    }
    if (!sep || !Is(next, ChunkKind::kNoun)) break;
    // "A met B, and C visited D": a phrase followed by its own verb starts a clause
    if (next + 1 < last_ && Is(next + 1, ChunkKind::kVerb) && !d_.chunks[next + 1].gerund) break;
    int item = HeadActor(next);
    if (item < 0 || !SameFamily(item, head)) break;
    out.push_back(s_.refs[item]);
    c = next + 1;
  }
  return out;
}

Actors ArgumentFinder::ListEndingAt(uint32_t np) const {
  Actors out;
  int head = HeadActor(np);
  if (head < 0) return out;
  out.push_back(s_.refs[head]);
  uint32_t c = np;
  while (c > first_ + 1) {
    uint32_t prev = c - 1;
    bool sep = false;
    while (prev > first_ && (Is(prev, ChunkKind::kComma) || Is(prev, ChunkKind::kCoordinator))) {
      sep = true;
      --prev;
    }
    if (!sep || !Is(prev, ChunkKind::kNoun)) break;
    if (prev > first_ && Is(prev - 1, ChunkKind::kPreposition)) break;  // "of Chile, A and B" is no list
    int item = HeadActor(prev);
    if (item < 0 || !SameFamily(item, head)) break;
    out.insert(out.begin(), s_.refs[item]);
    c = prev;
  }
  return out;
}

int ArgumentFinder::SubjectPhrase(uint32_t verb) const {
  if (verb <= first_) return -1;
  uint32_t k = verb - 1;
  // skip adverbs between subject and verb
  while (k > first_ && Is(k, ChunkKind::kOther)) --k;
  // "A arrived in Lima and met B": the coordinated verb shares the subject
  if (Is(k, ChunkKind::kCoordinator)) {
    for (uint32_t j = k; j-- > first_;) {
      if (Is(j, ChunkKind::kVerb)) return SubjectPhrase(j);
      if (Is(j, ChunkKind::kBoundary) || Is(j, ChunkKind::kSubordinator)) break;
    }
    return -1;
  }
  for (uint32_t c = k + 1; c-- > first_;) {
    const Chunk& ch = d_.chunks[c];
    switch (ch.kind) {
      case ChunkKind::kNoun: {
        if (c > first_ && Is(c - 1, ChunkKind::kPreposition)) {
          --c;  // the object of a preposition: skip the phrase
          continue;
        }
        if (ch.possessor) continue;  // the owner of what follows, not the subject
        if (ch.relative) {
          // "A, who met B, ...": the phrase before the comma
          uint32_t j = c;
          while (j > first_ && (Is(j - 1, ChunkKind::kComma))) --j;
          return j > first_ && Is(j - 1, ChunkKind::kNoun) ? static_cast<int>(j - 1) : -1;
        }
        // "A, the foreign minister, met": an apposition without a name points back to the name
        if (HeadActor(c) < 0 && c >= first_ + 2 && Is(c - 1, ChunkKind::kComma) && HeadActor(c - 2) >= 0)
          return static_cast<int>(c - 2);
        return static_cast<int>(c);
      }
      case ChunkKind::kComma: {
        // a parenthetical between subject and verb ("A, who arrived on
        // Monday, met B"; "A, accompanied by B, met C"): jump to its start
        if (c == k) {
          for (uint32_t j = c; j-- > first_;) {
            if (Is(j, ChunkKind::kComma)) {
              c = j;  // the loop's decrement moves before the opening comma
              break;
            }
            if (Is(j, ChunkKind::kBoundary)) break;
          }
        }
        continue;
      }
      case ChunkKind::kVerb:
      case ChunkKind::kSubordinator:
      case ChunkKind::kBoundary:
        return -1;
      default:
        continue;
    }
  }
  return -1;
}

Actors ArgumentFinder::Agent(uint32_t verb) const {
  if (d_.chunks[verb].passive) return PrepAfter(verb, "by", true);
  int np = SubjectPhrase(verb);
  return np < 0 ? Actors{} : ListEndingAt(static_cast<uint32_t>(np));
}

Actors ArgumentFinder::Patient(uint32_t verb) const {
  if (d_.chunks[verb].passive) {
    int np = SubjectPhrase(verb);
    return np < 0 ? Actors{} : ListEndingAt(static_cast<uint32_t>(np));
  }
  uint32_t c = verb + 1;
  while (c < last_ && Is(c, ChunkKind::kOther)) ++c;
  if (!Is(c, ChunkKind::kNoun) || d_.chunks[c].relative) return {};
  // "condemned Chile's decision": the owner is what is condemned
  if (d_.chunks[c].possessor && HeadActor(c + 1) < 0) return ListFrom(c);
  return ListFrom(c);
}

Actors ArgumentFinder::PrepAfter(uint32_t from, std::string_view prep, bool across_clause) const {
  for (uint32_t c = from + 1; c < last_; ++c) {
    const Chunk& ch = d_.chunks[c];
    if (ch.kind == ChunkKind::kPreposition) {
      if (d_.IsWord(ch.first, prep) && Is(c + 1, ChunkKind::kNoun)) return ListFrom(c + 1);
      continue;
    }
    if (ch.kind == ChunkKind::kNoun) {
      // nouns see only their own chain of prepositional phrases
      if (!across_clause && !Is(c - 1, ChunkKind::kPreposition)) return {};
      continue;
    }
    if (ch.kind == ChunkKind::kCoordinator || ch.kind == ChunkKind::kOther) continue;
    if (ch.kind == ChunkKind::kComma && across_clause && Is(c + 1, ChunkKind::kPreposition)) continue;
    return {};  // a verb, a subordinate clause, a boundary: the clause ends
  }
  return {};
}

Actors ArgumentFinder::Possessor(uint32_t np) const {
  if (np > first_ && Is(np - 1, ChunkKind::kNoun) && d_.chunks[np - 1].possessor) return ListEndingAt(np - 1);
  const Chunk& c = d_.chunks[np];
  uint32_t t = c.first;
  if (d_.IsWord(t, "his") || d_.IsWord(t, "her")) {
    // the person the sentence names before it, else the one the text is about
    int person = s_.salient_person;
    for (size_t r = 0; r < s_.refs.size() && s_.refs[r].last <= t; ++r)
      if (IsPersonRef(s_.refs[r]) && !s_.refs[r].resolved && s_.refs[r].entities.size() == 1) {
        person = s_.refs[r].entities[0];
        break;
      }
    if (person < 0) return {};
    Ref r;
    r.first = t, r.last = t + 1, r.entities = {person}, r.type = EntityType::kPerson, r.resolved = true;
    return {r};
  }
  return {};
}

Actors ArgumentFinder::Modifiers(uint32_t np, uint32_t head_token) const {
  Actors out;
  auto [from, to] = refs_of_[np - first_];
  for (int r = from; r < to; ++r)
    if (s_.refs[r].last <= head_token) out.push_back(s_.refs[r]);
  return out;
}

int ArgumentFinder::Governor(uint32_t np) const {
  uint32_t c = np;
  // "held talks", "paid an official visit": the verb right before
  if (c > first_ && Is(c - 1, ChunkKind::kVerb)) return static_cast<int>(c - 1);
  // "talks were held": the passive verb right after
  if (c + 1 < last_ && Is(c + 1, ChunkKind::kVerb) && d_.chunks[c + 1].passive) return static_cast<int>(c + 1);
  return -1;
}

Actors ArgumentFinder::Holder(uint32_t np) const {
  int verb = Governor(np);
  if (verb < 0) return {};
  const Chunk& v = d_.chunks[verb];
  if (!d_.frames || !d_.lexicon || !d_.frames->IsLightVerb(d_.lexicon->LemmaText(d_.tags[v.head].lemma))) return {};
  return Agent(static_cast<uint32_t>(verb));
}

}  // namespace irkg::internal
