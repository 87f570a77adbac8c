// Internal to extract/: the view of one sentence the relation rules work on.
// References in it — names, pronouns, role nouns ("the deputy minister"),
// group phrases ("the two countries") — are already resolved to entities.
#pragma once

#include <algorithm>
#include <cassert>
#include <initializer_list>
#include <vector>

#include "core/text.h"
#include "extract/dates.h"
#include "extract/document.h"

namespace irkg::internal {

// Whether `person` holds an office a plural word names ("ministers" for a
// "Foreign Minister", "presidents" for a "President"): one of its titles
// has the singular as a word.
inline bool HoldsOfficeNamed(const EntityInfo& person, std::string_view plural) {
  if (plural.size() < 2 || plural.back() != 's') return false;
  const std::string role = " " + FoldName(plural.substr(0, plural.size() - 1)) + " ";
  return std::any_of(person.titles.begin(), person.titles.end(),
                     [&](const std::string& t) { return (" " + FoldName(t) + " ").find(role) != std::string::npos; });
}

// The entities a Ref stands for: one, or the two of the article's pair
// ("the two countries", "they"). Inline: a sentence has several refs, and
// a heap vector for each was most of the relation stage's allocations.
class RefEntities {
 public:
  RefEntities() = default;
  RefEntities(std::initializer_list<int> ids) {
    assert(ids.size() <= kMax);
    for (int e : ids) ids_[size_++] = e;
  }
  static constexpr size_t capacity() { return kMax; }
  void push_back(int e) {
    assert(size_ < kMax);
    ids_[size_++] = e;
  }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  int operator[](size_t i) const { return ids_[i]; }
  const int* begin() const { return ids_; }
  const int* end() const { return ids_ + size_; }
  bool operator==(const RefEntities& o) const { return std::equal(begin(), end(), o.begin(), o.end()); }

 private:
  // a pair, or the few people a sentence lists ("A, B and C arrived. They met D")
  static constexpr size_t kMax = 4;
  int ids_[kMax] = {};
  uint32_t size_ = 0;  // (32 bits: a Ref is then 32 bytes, see below)
};

struct Ref {
  uint32_t first = 0, last = 0;  // tokens of the phrase
  RefEntities entities;          // one, or the members of a group
  EntityType type = EntityType::kPerson;
  bool adjective = false;        // a demonym: "Italian companies"
  bool possessive = false;       // followed by 's
  bool resolved = false;         // a pronoun, role noun or group phrase
};
// A power of two: the rules walk a sentence's refs, and a vector's size()
// divides by the element's size.
static_assert(sizeof(Ref) == 32);

struct SentenceView {
  uint32_t index = 0;
  uint32_t first = 0, last = 0;
  std::vector<Ref> refs;         // in text order
  std::vector<DateMention> dates;
  CueMask cues;                  // the cue classes of all its words
  std::vector<int> pair_of_states;  // the two states the article is about, if known
  int salient_person = -1;       // whom "he" and "his" mean here, when known
  // The sentence's chunks [first_chunk, last_chunk), and for each (less
  // first_chunk) the refs [first, last) inside it: IndexRefsByChunk, once a
  // view, for every rule's ArgumentFinder.
  uint32_t first_chunk = 0, last_chunk = 0;
  std::vector<std::pair<int, int>> refs_of_chunk;
};

// Fills v->first_chunk, last_chunk and refs_of_chunk from v->refs.
void IndexRefsByChunk(const Document& d, SentenceView* v);

// The place a story's dateline names ("LIMA, May 2 -", "Lima (Andina) -")
// in its first sentences, as an entity, or -1: what its "here" means.
int DatelinePlace(const Document& d);
// The first token after a dateline opening sentence `sentence` ("GENEVA
// (Andes Press) - ..."), or the sentence's first token: the dateline's
// names are no actors of the sentence.
uint32_t DatelineEnd(const Document& d, uint32_t sentence);
// The organizations a dateline names as the outlet ("KAZPRESS -", "(Andina)").
std::vector<int> DatelineOutlets(const Document& d);

// "NATO members", "EU states": a body's name right before a word for its
// members names them, not the body as an actor.
bool NamesMembers(const Document& d, const Ref& r);

// Rules by predicate family; each appends Facts to doc->facts.
void ExtractOffices(Document* doc);  // holdsPosition; fills EntityInfo::titles and ::country
void ExtractEvents(Document* doc, const SentenceView& s);      // metWith, visited, signed
void ExtractStances(Document* doc, const SentenceView& s);     // cooperatesWith, supports, criticizes, threatens, sanctions, attacks, supplies
void ExtractStructure(Document* doc, const SentenceView& s);   // memberOf, locatedIn, diplomaticRelations, hasEmbassyIn
// The event frames of data/language/frames.tsv matched against the
// sentence's verb groups and noun phrases (frame_rules.cpp).
void ExtractFrames(Document* doc, const SentenceView& s);
// "A said that Chile supports B": the stances the sentence's rules found
// from `first_fact` on, with the speaker's own state as subject, go to the
// speaker (speaker_rules.cpp).
void AttributeToSpeakers(Document* doc, const SentenceView& s, size_t first_fact);
// "A, accompanied by B, met C": one who accompanies a participant meets the
// other side (companion_rules.cpp); reads the metWith facts from `first_fact`.
void AddCompanions(Document* doc, const SentenceView& s, size_t first_fact);
// "Ministers A of Chile and B of Peru signed the Lima Accord": the states of
// the signers are parties too (signer_states.cpp); reads the signed facts
// from `first_fact`.
void AddSignerStates(Document* doc, size_t first_fact);

}  // namespace irkg::internal
