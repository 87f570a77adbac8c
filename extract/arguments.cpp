#include "extract/arguments.h"

#include <algorithm>

namespace irkg::internal {
namespace {

bool IsPersonRef(const Ref& r) { return r.type == EntityType::kPerson; }

}  // namespace

void IndexRefsByChunk(const Document& d, SentenceView* v) {
  v->first_chunk = v->last_chunk = 0;
  v->refs_of_chunk.clear();
  if (v->last <= v->first || d.chunk_of.empty()) return;
  const uint32_t first = v->first_chunk = d.chunk_of[v->first];
  const uint32_t last = v->last_chunk = d.chunk_of[v->last - 1] + 1;
  v->refs_of_chunk.assign(last - first, {0, 0});
  for (size_t r = 0; r < v->refs.size(); ++r) {
    uint32_t c = d.chunk_of[v->refs[r].first];
    if (c < first || c >= last) continue;
    auto& range = v->refs_of_chunk[c - first];
    if (range.first == range.second) range.first = static_cast<int>(r);
    range.second = static_cast<int>(r) + 1;
  }
}

ArgumentFinder::ArgumentFinder(const Document& d, const SentenceView& s)
    : d_(d), s_(s), first_(s.first_chunk), last_(s.last_chunk) {}

bool ArgumentFinder::SameFamily(int a, int b) const {
  return IsPersonRef(s_.refs[a]) == IsPersonRef(s_.refs[b]);
}

int ArgumentFinder::HeadActor(uint32_t np) const {
  if (!Is(np, ChunkKind::kNoun)) return -1;
  auto [from, to] = s_.refs_of_chunk[np - first_];
  int demonym = -1;
  for (int r = to - 1; r >= from; --r) {
    const Ref& ref = s_.refs[r];
    if (!ref.adjective) return NamesMembers(d_, ref) ? -1 : r;
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

// An office named without a name of its own: "the Foreign Minister", "the
// US Secretary", "Chairperson".
bool ArgumentFinder::IsOfficePhrase(uint32_t np) const {
  if (!Is(np, ChunkKind::kNoun)) return false;
  // (an office read back to its holder, "B, the Minister of X,", is still
  // an office phrase; one that names someone is not)
  if (int a = HeadActor(np); a >= 0 && !s_.refs[a].resolved) return false;
  const Chunk& c = d_.chunks[np];
  for (uint32_t t = c.first; t < c.last; ++t)
    if (d_.title_at[t] >= 0 || d_.Is(t, "role_noun")) return true;
  return false;
}

uint32_t ArgumentFinder::TitleStart(uint32_t chunk) const {
  const uint32_t t = d_.chunks[chunk].first;
  const int title = d_.title_at[t];
  if (title < 0 || t == 0 || d_.title_at[t - 1] != title) return chunk;
  const uint32_t start = d_.chunk_of[d_.titles[title].first];
  return start >= first_ ? start : chunk;
}

// "DPRK Ambassador", "EU envoy": a state or body named before the office
// word that ends the phrase owns the office; the holder is named after it.
bool ArgumentFinder::NamedOffice(uint32_t np, int owner) const {
  const Chunk& c = d_.chunks[np];
  const Ref& ref = s_.refs[owner];
  if (IsPersonRef(ref) || ref.last >= c.last) return false;
  uint32_t last = c.last - 1;
  return d_.title_at[last] >= 0 || d_.Is(last, "role_noun");
}

// "of Armenia", "of Kazakhstan and Russia", "for Foreign Affairs": the
// complements of an office, which name its state or domain, not its holder.
bool ArgumentFinder::IsComplementPrep(uint32_t c) const {
  if (!Is(c, ChunkKind::kPreposition)) return false;
  uint32_t w = d_.chunks[c].first;
  if (d_.IsWord(w, "of") || d_.IsWord(w, "for")) return true;
  // "Ambassador to Spain", "the envoy to the UN": where an envoy is sent
  if (!d_.IsWord(w, "to") || c <= first_ || !Is(c - 1, ChunkKind::kNoun)) return false;
  const Chunk& office = d_.chunks[c - 1];
  for (uint32_t t = office.first; t < office.last; ++t)
    if (d_.Is(t, "envoy")) return true;
  return false;
}

uint32_t ArgumentFinder::SkipComplements(uint32_t c) const {
  while (IsComplementPrep(c) && Is(c + 1, ChunkKind::kNoun)) {
    // "Speaker of [Parliament Ana Pérez]": the name fused into the complement
    if (int a = HeadActor(c + 1); a >= 0 && IsPersonRef(s_.refs[a])) return c + 1;
    c += 2;
    // "of Kazakhstan and Russia", "for Trade, Industry and Energy": words
    // joined inside the complement (a comma only where an "and" ends the list)
    auto joins = [&](uint32_t at) {
      if (Is(at, ChunkKind::kCoordinator)) return true;
      return Is(at, ChunkKind::kComma) &&
             (Is(at + 2, ChunkKind::kCoordinator) || (Is(at + 2, ChunkKind::kComma) && Is(at + 4, ChunkKind::kCoordinator)));
    };
    while (joins(c) && Is(c + 1, ChunkKind::kNoun)) {
      int a = HeadActor(c + 1);
      // "Minister of Culture and [Heritage Ana Pérez]": a name fused into
      // the title's last word ends the complement; one after an "and" the
      // title does not span starts the next item
      if (a >= 0 && IsPersonRef(s_.refs[a])) {
        if (TitleStart(c + 1) != c + 1) return c + 1;
        break;
      }
      c += 2;
    }
  }
  return c;
}

bool ArgumentFinder::VerbBefore(uint32_t chunk) const {
  for (uint32_t c = chunk; c-- > first_;) {
    if (Is(c, ChunkKind::kVerb)) return true;
    if (Is(c, ChunkKind::kSubordinator) || Is(c, ChunkKind::kBoundary)) return false;
  }
  return false;
}

ArgumentFinder::Item ArgumentFinder::ItemAt(uint32_t np) const {
  // "the Treasury's senior adviser for Asia, Ana Pérez": an owner that names
  // no actor belongs to the office phrase after it
  // "the council's senior director for Asia, Ana Pérez": likewise when the
  // owner is a state or a body, if a person holds the office
  if (Is(np, ChunkKind::kNoun) && d_.chunks[np].possessor && IsOfficePhrase(np + 1)) {
    Item office = ItemAt(np + 1);
    if (office.actor >= 0) office.first = np;
    if (HeadActor(np) < 0 || (office.actor >= 0 && IsPersonRef(s_.refs[office.actor]))) return office;
  }
  // "Peru's Foreign Minister Luis Vega", "Chile's Ana Rojas", "Peru's party
  // newspaper Vesna": a person or a body named after an owner is the item,
  // not the owner
  if (Is(np, ChunkKind::kNoun) && d_.chunks[np].possessor && Is(np + 1, ChunkKind::kNoun)) {
    int person = HeadActor(np + 1);
    if (person >= 0 && (IsPersonRef(s_.refs[person]) || s_.refs[person].type == EntityType::kOrganization))
      return {person, np, np + 1};
  }
  // "QatarEnergy chief executive A", "Gazprom CEO A": a body's name, then
  // an office phrase naming its holder, is one item, the holder (the
  // chunker splits the name from the office)
  if (Is(np, ChunkKind::kNoun) && Is(np + 1, ChunkKind::kNoun) && HeadActor(np) >= 0 &&
      !IsPersonRef(s_.refs[HeadActor(np)])) {
    const Chunk& next = d_.chunks[np + 1];
    const bool office_first = d_.title_at[next.first] >= 0 || d_.Is(next.first, "role_noun") ||
                              (next.first + 1 < next.last && (d_.title_at[next.first + 1] >= 0 || d_.Is(next.first + 1, "role_noun")));
    const int holder = HeadActor(np + 1);
    if (office_first && holder >= 0 && IsPersonRef(s_.refs[holder])) return {holder, np, np + 1};
  }
  Item item{HeadActor(np), np, np};
  // "the Peruvian capital, Lima": the place named after the comma
  if (item.actor < 0 && Is(np, ChunkKind::kNoun) && d_.Is(d_.chunks[np].head, "capital_word") &&
      Is(np + 1, ChunkKind::kComma) && Is(np + 2, ChunkKind::kNoun)) {
    int place = HeadActor(np + 2);
    if (place >= 0 && s_.refs[place].type == EntityType::kLocation) return {place, np, np + 2};
  }
  // "her Chilean counterpart, B": the person named after the comma
  if (Is(np, ChunkKind::kNoun) && d_.Is(d_.chunks[np].head, "counterpart") && Is(np + 1, ChunkKind::kComma) &&
      Is(np + 2, ChunkKind::kNoun)) {
    int person = HeadActor(np + 2);
    if (person >= 0 && IsPersonRef(s_.refs[person])) return {person, np, np + 2};
  }
  if (item.actor >= 0 ? !NamedOffice(np, item.actor) : !IsOfficePhrase(np)) return item;
  // "the Foreign Minister of Armenia Ana Pérez", "the US envoy, Ana Pérez"
  uint32_t c = SkipComplements(np + 1);
  // "the Peruvian Prime Minister and Minister of Foreign Affairs Luis
  // Vega": two offices joined by "and", one holder named after the second
  if (Is(c, ChunkKind::kCoordinator) && d_.IsWord(d_.chunks[c].first, "and") && IsOfficePhrase(c + 1)) {
    Item second = ItemAt(c + 1);
    if (second.actor >= 0 && IsPersonRef(s_.refs[second.actor])) return {second.actor, np, second.last};
  }
  if (Is(c, ChunkKind::kComma) && Is(c + 1, ChunkKind::kNoun)) ++c;
  int person = HeadActor(c);
  if (person >= 0 && IsPersonRef(s_.refs[person])) return {person, np, c};
  if (item.actor < 0) return UnnamedHolderOf(np);
  return item;
}

ArgumentFinder::Item ArgumentFinder::UnnamedHolderOf(uint32_t np) const {
  // "his counterpart from Jamaica", "the head of state of Togo": an office
  // of a state whose holder the text does not name stands for the state
  // (ANNOTATION: a state acts through its unnamed officials)
  // ("A, Minister of State of Ghana, opened": an apposition names A's office)
  if (np > first_ && Is(np - 1, ChunkKind::kComma)) return {-1, np, np};
  const Chunk& office = d_.chunks[np];
  bool counterpart = false;
  for (uint32_t t = office.first; t < office.last; ++t) counterpart |= d_.Is(t, "counterpart");
  if (!counterpart && !IsOfficePhrase(np)) return {-1, np, np};
  // "summoned the Afghan envoy": a state's demonym before the office
  auto [from, to] = s_.refs_of_chunk[np - first_];
  for (int r = from; r < to; ++r) {
    const Ref& ref = s_.refs[r];
    if (ref.adjective && ref.type == EntityType::kCountry && !ref.resolved && !counterpart) return {r, np, np};
  }
  for (uint32_t c = np + 1; c + 1 < last_ && c <= np + 4; c += 2) {
    if (!Is(c, ChunkKind::kPreposition) || !Is(c + 1, ChunkKind::kNoun)) break;
    if (!d_.IsWord(d_.chunks[c].first, "of") && !d_.IsWord(d_.chunks[c].first, "from")) break;
    int owner = HeadActor(c + 1);
    if (owner < 0) continue;
    const Ref& ref = s_.refs[owner];
    if (ref.type != EntityType::kCountry || ref.adjective || ref.resolved) break;
    return {owner, np, c + 1};
  }
  return {-1, np, np};
}

uint32_t ArgumentFinder::ItemStart(uint32_t np) const {
  // walk back over "OFFICE (of STATE)* [,]" before a name; over the comma
  // only to a person's name ("the minister of Chile, A"): after a comma a
  // state or body is the next of a list ("the ministers of Chile, Peru and
  // Bolivia")
  uint32_t k = np;
  if (k > first_ && Is(k - 1, ChunkKind::kComma)) {
    int named = HeadActor(np);
    if (named >= 0 && !IsPersonRef(s_.refs[named])) return np;
    --k;
  }
  uint32_t c = k;
  // "Minister of Culture and [Heritage Ana Pérez]": the name fused into a
  // title's last word
  if (c == np && TitleStart(c) != c) {
    int person = HeadActor(np);
    if (person >= 0 && IsPersonRef(s_.refs[person])) return TitleStart(c);
  }
  // "Under Secretary for [Political Affairs Ana Pérez]": the name fused
  // into the office's complement
  if (c == np && c >= first_ + 2 && IsComplementPrep(c - 1)) {
    int person = HeadActor(np);
    if (person >= 0 && IsPersonRef(s_.refs[person])) {
      for (uint32_t office = c - 2;; office -= 2) {
        if (IsOfficePhrase(office)) return office;
        if (office < first_ + 2 || !Is(office, ChunkKind::kNoun) || !IsComplementPrep(office - 1)) break;
      }
    }
  }
  while (c >= first_ + 2 && Is(c - 1, ChunkKind::kNoun) && IsComplementPrep(c - 2)) {
    c -= 2;
    // ("Minister of [Education] of Chile A": the office began before)
    if (c > first_ && IsOfficePhrase(c - 1)) return TitleStart(c - 1);
  }
  // "the US envoy, Ana Pérez": an office right before the name or its comma
  if (c > first_ && IsOfficePhrase(c - 1) && ItemAt(c - 1).last == np) return TitleStart(c - 1);
  return np;
}

bool ArgumentFinder::EndsWithHyphen(uint32_t chunk) const {
  if (!Is(chunk, ChunkKind::kNoun)) return false;
  uint32_t last = d_.chunks[chunk].last - 1;
  return d_.Text(last) == "-" && !d_.tokens[last].space_before && last + 1 < d_.tokens.size() &&
         !d_.tokens[last + 1].space_before;
}

Actors ArgumentFinder::ListFrom(uint32_t np) const {
  Actors out;
  Item item = ItemAt(np);
  // "by six countries including A, B and C": a group that names no one,
  // then the members it includes
  if (item.actor < 0 && Is(np, ChunkKind::kNoun) && Is(np + 1, ChunkKind::kPreposition) &&
      d_.IsWord(d_.chunks[np + 1].first, "including") && Is(np + 2, ChunkKind::kNoun))
    return ListFrom(np + 2);
  if (item.actor < 0) return out;
  int head = item.actor;
  out.push_back(s_.refs[head]);
  uint32_t c = SkipItemTail(item.last + 1);
  while (c + 1 < last_) {
    // separators: ",", "and", "or", ", and"
    uint32_t next = c;
    bool sep = false, joined = false;
    while (next < last_ && (Is(next, ChunkKind::kComma) || Is(next, ChunkKind::kCoordinator))) {
      sep = true;
      joined |= Is(next, ChunkKind::kCoordinator);
      ++next;
    }
    // "the Chile-Peru drills": a pair joined by a hyphen
    if (!sep && Is(next, ChunkKind::kNoun) && EndsWithHyphen(c - 1)) sep = joined = true;
    // "A, as well as B and C": "as well as" joins like "and"
    if (Is(next, ChunkKind::kPreposition) && d_.IsWord(d_.chunks[next].first, "as") && Is(next + 1, ChunkKind::kNoun) &&
        d_.IsWord(d_.chunks[next + 1].first, "well") && d_.chunks[next + 1].last == d_.chunks[next + 1].first + 1 &&
        Is(next + 2, ChunkKind::kPreposition) && d_.IsWord(d_.chunks[next + 2].first, "as")) {
      next += 3;
      sep = joined = true;
    }
    if (!sep || !Is(next, ChunkKind::kNoun)) break;
    Item more = ItemAt(next);
    // "A met B, and C visited D": a phrase followed by its own verb starts a
    // clause; but in "talks between A, B and C ended" no verb came before
    // the list, so the verb after it is the clause's own. A comma alone
    // never ends a list: "after talks with A, B said" starts the clause.
    // An infinitive or a participle has no subject of its own ("A and B to
    // explore", "A and B, meeting in Lima").
    const bool finite_after = Is(more.last + 1, ChunkKind::kVerb) && !d_.chunks[more.last + 1].gerund &&
                              !d_.chunks[more.last + 1].infinitive;
    if (finite_after && (VerbBefore(np) || !joined)) break;
    if (more.actor < 0 || !SameFamily(more.actor, head)) break;
    out.push_back(s_.refs[more.actor]);
    c = SkipItemTail(more.last + 1);
  }
  return out;
}

bool ArgumentFinder::PlaceWithin(uint32_t place, uint32_t container) const {
  int inner = HeadActor(place), outer = HeadActor(container);
  if (inner < 0 || outer < 0) return false;
  const Ref& a = s_.refs[inner];
  const Ref& b = s_.refs[outer];
  if (a.type != EntityType::kLocation || a.entities.size() != 1 || b.entities.size() != 1 || b.adjective) return false;
  if (d_.entities[a.entities[0]].subtype != "city") return false;
  if (b.type == EntityType::kCountry) return true;
  return b.type == EntityType::kLocation && d_.entities[b.entities[0]].subtype == "region";
}

uint32_t ArgumentFinder::SkipItemTail(uint32_t c) const {
  // "Arlington, Virginia, and Lyon": the region or state a city lies in is
  // part of the city's item, unless the list goes on with it ("Lima,
  // Cusco and Puno")
  if (Is(c, ChunkKind::kComma) && c > first_ && PlaceWithin(c - 1, c + 1)) {
    uint32_t after = c + 2;
    bool list_goes_on = Is(after, ChunkKind::kCoordinator) && Is(after + 1, ChunkKind::kNoun) && HeadActor(after + 1) >= 0;
    if (!list_goes_on) return after;
  }
  // "President A of Chile and President B of Peru": the state or body a
  // person's office belongs to, named after the person, is part of the item
  if (c > first_ && Is(c, ChunkKind::kPreposition) &&
      (d_.IsWord(d_.chunks[c].first, "of") || d_.IsWord(d_.chunks[c].first, "from")) && Is(c + 1, ChunkKind::kNoun)) {
    const int person = HeadActor(c - 1), owner = HeadActor(c + 1);
    if (person >= 0 && IsPersonRef(s_.refs[person]) && owner >= 0 && !IsPersonRef(s_.refs[owner])) c += 2;
  }
  // What may follow a name inside a list, between commas, and says who the
  // person is rather than adding one: "A, Minister of Energy of Chile, and
  // B", "A, Shell's president for Asia, and B", "A, on behalf of the
  // African Union, and B". Only skipped when a comma closes it.
  const uint32_t start = c;
  for (int tails = 0; tails < 2 && Is(c, ChunkKind::kComma); ++tails) {
    uint32_t t = c + 1;
    if (Is(t, ChunkKind::kNoun) && d_.chunks[t].possessor && IsOfficePhrase(t + 1)) ++t;
    if (IsOfficePhrase(t)) {
      t = SkipComplements(t + 1);
    } else if (Is(t, ChunkKind::kPreposition) && d_.IsWord(d_.chunks[t].first, "on") && Is(t + 1, ChunkKind::kNoun) &&
               d_.IsWord(d_.chunks[t + 1].head, "behalf") && IsComplementPrep(t + 2)) {
      t = SkipComplements(t + 2);
    } else {
      break;
    }
    if (!Is(t, ChunkKind::kComma)) return start;
    c = t;
  }
  return c;
}

Actors ArgumentFinder::CoAgents(uint32_t verb) const {
  // "A, together with B and C, signed ...", "A, along with B, met ...": the
  // companions do what the subject does
  uint32_t k = verb;
  while (k > first_ && Is(k - 1, ChunkKind::kOther)) --k;
  if (k < first_ + 5 || !Is(k - 1, ChunkKind::kComma)) return {};
  for (uint32_t w = k - 2; w > first_ + 2; --w) {
    if (Is(w, ChunkKind::kBoundary) || Is(w, ChunkKind::kVerb) || Is(w, ChunkKind::kSubordinator)) return {};
    if (!Is(w, ChunkKind::kPreposition) || !d_.IsWord(d_.chunks[w].first, "with")) continue;
    const uint32_t adverb = w - 1;
    if (!d_.IsWord(d_.chunks[adverb].first, "together") && !d_.IsWord(d_.chunks[adverb].first, "along")) return {};
    if (!Is(adverb - 1, ChunkKind::kComma) || !Is(adverb - 2, ChunkKind::kNoun) || !Is(w + 1, ChunkKind::kNoun)) return {};
    Actors main = ListEndingAt(adverb - 2);
    Actors companions = ListFrom(w + 1);
    if (main.empty() || companions.empty() || IsPersonRef(main.front()) != IsPersonRef(companions.front())) return {};
    main.insert(main.end(), companions.begin(), companions.end());
    return main;
  }
  return {};
}

bool ArgumentFinder::StateGroupFrom(uint32_t np) const {
  if (!Is(np, ChunkKind::kNoun) || !Is(np + 1, ChunkKind::kPreposition) || !d_.IsWord(d_.chunks[np + 1].first, "from"))
    return false;
  uint32_t head = d_.chunks[np].head;
  return d_.Is(head, "state_proxy") || d_.Is(head, "group_pair");
}

Actors ArgumentFinder::ListOrOwners(uint32_t np) const {
  if (Actors people = CounterpartsNamed(np); !people.empty()) return people;
  Actors out = ListFrom(np);
  if (!out.empty()) return out;
  // "six new members, including A, B and C", "several states such as A and
  // B": the examples stand for the phrase
  uint32_t c = np + 1;
  if (Is(c, ChunkKind::kComma)) ++c;
  if (Is(c, ChunkKind::kVerb) && d_.chunks[c].gerund && d_.lexicon &&
      HeadLemma(c) == "include" && Is(c + 1, ChunkKind::kNoun))
    return ListFrom(c + 1);
  if (Is(c, ChunkKind::kPreposition) && (d_.IsWord(d_.chunks[c].first, "including") || d_.IsWord(d_.chunks[c].first, "such")) &&
      Is(c + 1, ChunkKind::kNoun))
    return ListFrom(c + 1);
  // "blacklisted two shipping firms, A and B,": names in apposition to a
  // phrase that names no one (not a clause's subject: "the plan, Peru said")
  if (Is(np, ChunkKind::kNoun) && d_.tags[d_.chunks[np].head].pos == Pos::kNoun && Is(np + 1, ChunkKind::kComma) &&
      Is(np + 2, ChunkKind::kNoun)) {
    Actors named = ListFrom(np + 2);
    const uint32_t end = named.empty() ? np : d_.chunk_of[named.back().last - 1] + 1;
    if (!named.empty() && (end >= last_ || Is(end, ChunkKind::kComma) || Is(end, ChunkKind::kBoundary) ||
                           Is(end, ChunkKind::kPreposition)))
      return named;
  }
  // "condemned the actions of Chile", "concern over the build-up of Peruvian
  // troops": a phrase that names no actor stands for what its owner did
  // ("Chile's actions" is read as its possessor already). One step only: "the
  // future of the talks of A" is too far from A.
  // "delegations from Chile and Peru", "troops from Peru": a state's body
  // or people named by where they come from
  // "condemned the violation of its airspace by a Peruvian drone": an act
  // named with its doer's by-phrase stands for the doer
  // ("any provocation from B": an act's "from" names its doer too)
  const bool deed = Is(np, ChunkKind::kNoun) && d_.Is(d_.chunks[np].head, "deed_noun");
  // "the sovereignty and territorial integrity of B": two words for what B
  // has share the one "of"
  if (Is(np + 1, ChunkKind::kCoordinator) && d_.IsWord(d_.chunks[np + 1].first, "and") && Is(np + 2, ChunkKind::kNoun) &&
      Is(np + 3, ChunkKind::kPreposition) && d_.IsWord(d_.chunks[np + 3].first, "of") && ListFrom(np + 2).empty())
    return ListOrOwners(np + 2);
  for (uint32_t by = np + 1; by <= np + 3 && Is(by, ChunkKind::kPreposition) && Is(by + 1, ChunkKind::kNoun); by += 2)
    if ((d_.IsWord(d_.chunks[by].first, "by") || (deed && d_.IsWord(d_.chunks[by].first, "from"))) && !IsOfficePhrase(np))
      if (Actors doers = ListFrom(by + 1); !doers.empty()) return doers;
  if (Is(np + 1, ChunkKind::kPreposition) && (d_.IsWord(d_.chunks[np + 1].first, "of") || StateGroupFrom(np)) &&
      Is(np + 2, ChunkKind::kNoun) && !IsOfficePhrase(np)) {
    // an owner acts: "the signing of the Lima Accord" is no act of the accord's
    Actors owners = ListFrom(np + 2);
    if (!owners.empty() && (owners.front().type == EntityType::kAgreement || owners.front().type == EntityType::kProject))
      return out;
    // "a ban on imports of Russian diamonds": goods stand for the state
    // they come from
    if (owners.empty() && d_.Is(d_.chunks[np].head, "import_word") && d_.IsWord(d_.chunks[np + 1].first, "of"))
      return DemonymStates(np + 2);
    return owners;
  }
  // "condemned the new Chilean measures": a state's demonym before a word
  // for what states do (cue class deed_noun) stands for the state that did it
  if (deed) return DemonymStates(np);
  return out;
}

Actors ArgumentFinder::DemonymStates(uint32_t np) const {
  Actors out;
  auto [from, to] = s_.refs_of_chunk[np - first_];
  for (int r = from; r < to; ++r) {
    const Ref& ref = s_.refs[r];
    if (ref.adjective && (ref.type == EntityType::kCountry || ref.type == EntityType::kOrganization) && !ref.resolved &&
        ref.last < d_.chunks[np].last)
      out.push_back(ref);
  }
  return out;
}

Actors ArgumentFinder::ListEndingAt(uint32_t np) const {
  Actors out;
  int head = HeadActor(np);
  // "Chile's defence minister warned ...", "Peru's army shelled ...": an
  // unnamed office or body acts for its owner; "A's plane landed in Lima":
  // what carries a person goes where the person goes
  if (head < 0 && np > first_ && Is(np - 1, ChunkKind::kNoun) && d_.chunks[np - 1].possessor &&
      (IsOfficePhrase(np) || d_.Is(d_.chunks[np].head, "state_proxy") || d_.Is(d_.chunks[np].head, "conveyance")))
    return ListEndingAt(np - 1);
  // "Russian drones and missiles struck ...": arms or forces listed after
  // those of an owner are the owner's
  if (head < 0 && np >= first_ + 2 && Is(np - 1, ChunkKind::kCoordinator) && Is(np - 2, ChunkKind::kNoun) &&
      d_.Is(d_.chunks[np].head, "armed_force") && d_.Is(d_.chunks[np - 2].head, "armed_force"))
    return ListEndingAt(np - 2);
  if (head < 0) return out;
  out.push_back(s_.refs[head]);
  uint32_t c = ItemStart(np);
  while (c > first_ + 1) {
    uint32_t prev = c - 1;
    bool sep = false;
    while (prev > first_ && (Is(prev, ChunkKind::kComma) || Is(prev, ChunkKind::kCoordinator))) {
      sep = true;
      --prev;
    }
    if (!sep || !Is(prev, ChunkKind::kNoun)) break;
    int item = HeadActor(prev);
    // "condemned the M23 offensive, and the bloc ...": a name describing
    // another noun is no item of a list
    if (item >= 0 && !s_.refs[item].adjective && s_.refs[item].last < d_.chunks[prev].last && !d_.chunks[prev].possessor)
      break;
    // "A of Chile and B of Peru met": a person with the state they serve
    // after "of" is one item of a list of people
    if (IsPersonRef(s_.refs[head]) && prev >= first_ + 2 && IsComplementPrep(prev - 1) && Is(prev - 2, ChunkKind::kNoun)) {
      int person = HeadActor(prev - 2);
      if (person >= 0 && IsPersonRef(s_.refs[person]) && (item < 0 || !IsPersonRef(s_.refs[item]))) {
        out.insert(out.begin(), s_.refs[person]);
        c = ItemStart(prev - 2);
        continue;
      }
    }
    if (prev > first_ && Is(prev - 1, ChunkKind::kPreposition) && ItemStart(prev) == prev) {
      // "the foreign ministers of Chile and Peru signed": the states the
      // officials act for, the list ending there; but in "of Chile, A and
      // B" the people are a list of their own
      if (item >= 0 && SameFamily(item, head) && !IsPersonRef(s_.refs[head]) && prev >= first_ + 2 &&
          (IsOfficePhrase(prev - 2) || StateGroupFrom(prev - 2))) {
        // "the foreign ministers of Chile and Peru, A and B, met": the
        // holders the apposition names act, not their states
        if (Is(np + 1, ChunkKind::kComma) && Is(np + 2, ChunkKind::kNoun))
          if (int holder = HeadActor(np + 2); holder >= 0 && IsPersonRef(s_.refs[holder])) return ListFrom(np + 2);
        out.insert(out.begin(), s_.refs[item]);
      }
      break;
    }
    if (item < 0 || !SameFamily(item, head)) break;
    out.insert(out.begin(), s_.refs[item]);
    c = ItemStart(prev);
  }
  return out;
}

int ArgumentFinder::LeaderInParenthetical(uint32_t comma) const {
  uint32_t open = comma;
  while (open > first_ && !Is(open - 1, ChunkKind::kComma) && !Is(open - 1, ChunkKind::kBoundary)) --open;
  // ", led by A," / ", headed by A,": the verb right after the opening comma
  if (open <= first_ + 1 || !Is(open - 1, ChunkKind::kComma) || !Is(open, ChunkKind::kVerb) || !d_.lexicon) return -1;
  std::string_view lemma = HeadLemma(open);
  if ((lemma != "lead" && lemma != "head") || !Is(open + 1, ChunkKind::kPreposition) ||
      !d_.IsWord(d_.chunks[open + 1].first, "by") || !Is(open + 2, ChunkKind::kNoun))
    return -1;
  int person = HeadActor(ItemAt(open + 2).last);
  return person >= 0 && IsPersonRef(s_.refs[person]) ? static_cast<int>(ItemAt(open + 2).last) : -1;
}

int ArgumentFinder::BeforeParenthetical(uint32_t comma) const {
  // "OFFICE, NAME, met ...": the name between the commas is the subject;
  // "A, who arrived on Monday, met B", "A, accompanied by B, met C": a
  // parenthetical, skipped to the phrase before it
  // "the council, which groups A, B and C, condemned": a relative clause
  // whose own list holds commas is skipped whole
  for (uint32_t c = comma; c-- > first_ + 2;) {
    if (Is(c, ChunkKind::kBoundary) || Is(c, ChunkKind::kSubordinator)) break;
    if (Is(c, ChunkKind::kNoun) && d_.chunks[c].relative) {
      if (Is(c - 1, ChunkKind::kComma) && Is(c - 2, ChunkKind::kNoun)) return static_cast<int>(c - 2);
      break;
    }
  }
  uint32_t open = comma;
  while (open > first_ && !Is(open - 1, ChunkKind::kComma) && !Is(open - 1, ChunkKind::kBoundary)) --open;
  if (Is(open, ChunkKind::kNoun)) {
    // (not "A, the Chilean foreign minister, signed": a state's adjective
    // describes the office that stands in apposition)
    Item item = ItemAt(open);
    if (item.actor >= 0 && !s_.refs[item.actor].adjective && item.last + 1 == comma)
      return static_cast<int>(item.last);
  }
  if (open > first_ + 1 && Is(open - 1, ChunkKind::kComma)) return static_cast<int>(open - 2);
  return -1;
}

bool ArgumentFinder::CanOpenClause(uint32_t word) const {
  if (!d_.lexicon) return false;
  lower_.clear();
  for (char ch : d_.Text(word)) lower_.push_back(ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch);
  for (const WordReading& r : d_.lexicon->Find(lower_))
    if (r.pos == Pos::kSubordinator) return true;
  return false;
}

bool ArgumentFinder::SameTense(uint32_t a, uint32_t b) const {
  if (d_.tags.empty()) return true;
  auto past = [&](uint32_t chunk) {
    const VerbForm f = d_.tags[d_.chunks[chunk].first].form;  // the group's first word carries its tense
    return f == VerbForm::kPast || f == VerbForm::kPastOrParticiple;
  };
  return past(a) == past(b);
}

int ArgumentFinder::ReportingVerbOf(uint32_t verb) const {
  for (uint32_t c = verb; c-- > first_;) {
    if (Is(c, ChunkKind::kBoundary) || Is(c, ChunkKind::kVerb)) return -1;
    if (!Is(c, ChunkKind::kSubordinator) || !d_.IsWord(d_.chunks[c].first, "that")) continue;
    if (c > first_ && Is(c - 1, ChunkKind::kVerb) &&
        (d_.Is(d_.chunks[c - 1].head, "speech") || d_.Is(d_.chunks[c - 1].head, "denial_verb")))
      return static_cast<int>(c - 1);
    return -1;
  }
  return -1;
}

int ArgumentFinder::SubjectPhrase(uint32_t verb) const {
  if (verb <= first_) return -1;
  uint32_t k = verb - 1;
  // skip adverbs between subject and verb, and a floating quantifier ("A
  // and B both belong", "the states all agreed")
  auto floating = [&](uint32_t c) {
    const Chunk& ch = d_.chunks[c];
    return Is(c, ChunkKind::kNoun) && ch.last == ch.first + 1 && c > first_ && Is(c - 1, ChunkKind::kNoun) &&
           d_.Is(ch.first, "floating_quantifier");
  };
  // (and a quotation's opening mark: 'said Chile "stands with B"')
  while (k > first_ && (Is(k, ChunkKind::kOther) || floating(k) || (QuoteMark(k) && Is(k - 1, ChunkKind::kNoun))))
    --k;
  // "A arrived in Lima and met B": the coordinated verb shares the subject;
  // of the verbs before, the nearest in its tense ("A stated that B is to
  // blame and accused C": "accused" goes with "stated", not "is")
  if (Is(k, ChunkKind::kCoordinator)) {
    int nearest = -1;
    bool past_quotation = false;  // a verb quoted is no nearest guess
    for (uint32_t j = k; j-- > first_;) {
      if (Is(j, ChunkKind::kVerb)) {
        // "A denied that B's troops were in C and accused C": a word of
        // stance goes with the verb that reports, not with the reported
        // clause's verb ("A said B met C and signed the deal": B signed)
        if (int reporting = d_.IsStanceWord(d_.chunks[verb].head) ? ReportingVerbOf(j) : -1; reporting >= 0 && SameTense(static_cast<uint32_t>(reporting), verb))
          return SubjectPhrase(static_cast<uint32_t>(reporting));
        if (SameTense(j, verb)) return SubjectPhrase(j);
        if (nearest < 0 && !past_quotation) nearest = static_cast<int>(j);
      }
      // (past a quotation inside the clause: 'A reaffirmed "support for
      // B" and warned that ...')
      past_quotation |= QuoteMark(j);
      if (EndsClause(j) || Is(j, ChunkKind::kSubordinator)) break;
    }
    return nearest < 0 ? -1 : SubjectPhrase(static_cast<uint32_t>(nearest));
  }
  if (Is(k, ChunkKind::kComma)) {
    // "the Chilean delegation, led by A, arrived": the leader stands for it
    if (int leader = LeaderInParenthetical(k); leader >= 0) return leader;
    // "the foreign ministers of A, B and C, X, Y and Z, met": the people
    // the apposition lists are the subject
    // ("the ministers, A of Chile and B of Peru, met": past the state the
    // last one serves)
    if (k > first_ && Is(k - 1, ChunkKind::kNoun)) {
      uint32_t last = k - 1;
      if (last >= first_ + 2 && IsComplementPrep(last - 1) && Is(last - 2, ChunkKind::kNoun))
        if (int person = HeadActor(last - 2); person >= 0 && IsPersonRef(s_.refs[person])) last -= 2;
      Actors listed = ListEndingAt(last);
      if (listed.size() >= 2 && std::all_of(listed.begin(), listed.end(), [&](const Ref& r) { return IsPersonRef(r); }))
        return static_cast<int>(last);
    }
    int before = BeforeParenthetical(k);
    if (before < 0) return -1;
    if (Is(static_cast<uint32_t>(before), ChunkKind::kNoun) && static_cast<uint32_t>(before) + 1 == k) return before;
    k = static_cast<uint32_t>(before);
  }
  for (uint32_t c = k + 1; c-- > first_;) {
    const Chunk& ch = d_.chunks[c];
    switch (ch.kind) {
      case ChunkKind::kNoun: {
        // "after A spoke to B": a word that is a preposition or a
        // subordinator opens a clause when a verb follows its noun phrase
        if (c == k && c > first_ && Is(c - 1, ChunkKind::kPreposition) && CanOpenClause(d_.chunks[c - 1].first))
          return static_cast<int>(c);
        if (c > first_ && Is(c - 1, ChunkKind::kPreposition)) {
          // "Secretary of State A met ...": the name ends an office phrase
          if (ItemStart(c) != c) return static_cast<int>(c);
          // "US Secretary of [State A]": the name fused into the complement
          if (c >= first_ + 2 && Is(c - 2, ChunkKind::kNoun) &&
              (d_.title_at[d_.chunks[c - 2].head] >= 0 || d_.Is(d_.chunks[c - 2].head, "role_noun"))) {
            int a = HeadActor(c);
            if (a >= 0 && IsPersonRef(s_.refs[a])) return static_cast<int>(c);
          }
          --c;  // the object of a preposition: skip the phrase
          continue;
        }
        if (ch.possessor) continue;  // the owner of what follows, not the subject
        if (ch.relative) {
          // "A, who met B, ...": the phrase before the comma
          uint32_t j = c;
          while (j > first_ && Is(j - 1, ChunkKind::kComma)) --j;
          if (j <= first_ || !Is(j - 1, ChunkKind::kNoun)) return -1;
          // "A and B were among the leaders who arrived": those the copula names
          if (int copula = CopulaAmong(j - 1); copula >= 0) return SubjectPhrase(static_cast<uint32_t>(copula));
          return static_cast<int>(j - 1);
        }
        return static_cast<int>(c);
      }
      case ChunkKind::kVerb:
        // "the delegation led by A is in Lima": the leader stands for it
        if (c > first_ && Is(c - 1, ChunkKind::kNoun) && LeadByAt(c)) return static_cast<int>(ItemAt(c + 2).last);
        return -1;
      case ChunkKind::kComma: {
        // "A, Minister of Energy, on Thursday opened ...": an adjunct after
        // an apposition; the subject stands before the apposition
        if (c + 1 > k || !Is(c + 1, ChunkKind::kPreposition)) return -1;
        int before = BeforeParenthetical(c);
        return before >= 0 && Is(static_cast<uint32_t>(before), ChunkKind::kNoun) && HeadActor(before) >= 0 ? before : -1;
      }
      case ChunkKind::kSubordinator:
      case ChunkKind::kBoundary:
        return -1;
      default:
        continue;
    }
  }
  return -1;
}

int ArgumentFinder::AmongCopula(uint32_t verb) const {
  const Chunk& v = d_.chunks[verb];
  if (verb < first_ + 1 || v.infinitive || v.gerund || v.first + 1 != v.last) return -1;
  return CopulaAmong(verb - 1);
}

int ArgumentFinder::CopulaAmong(uint32_t np) const {
  if (np < first_ + 2 || !Is(np, ChunkKind::kNoun) || !Is(np - 1, ChunkKind::kPreposition) ||
      !d_.IsWord(d_.chunks[np - 1].first, "among") || !Is(np - 2, ChunkKind::kVerb))
    return -1;
  const Chunk& copula = d_.chunks[np - 2];
  if (copula.first + 1 != copula.last) return -1;
  uint32_t be = copula.head;
  bool is_be = d_.IsWord(be, "were") || d_.IsWord(be, "was") || d_.IsWord(be, "are") || d_.IsWord(be, "is");
  return is_be ? static_cast<int>(np - 2) : -1;
}

Actors ArgumentFinder::Agent(uint32_t verb) const {
  if (d_.chunks[verb].passive || ReducedPassive(verb) || ObjectParticiple(verb) || SetOffParticiple(verb) ||
      AmongCopula(verb) >= 0)
    return PrepAfter(verb, "by", true);
  // "A and B agreed to deepen ...", "A decided to expel ...": an infinitive
  // right after a verb has that verb's doer
  if (d_.chunks[verb].infinitive && verb > first_ && Is(verb - 1, ChunkKind::kVerb) && !d_.chunks[verb - 1].passive)
    return Agent(verb - 1);
  if (Actors decider = Decider(verb); !decider.empty()) return decider;
  if (d_.chunks[verb].infinitive)
    if (Actors purpose = PurposeAgent(verb); !purpose.empty()) return purpose;
  // "Speaking to reporters in Lima, A said ...": a participle opening the
  // sentence has the main clause's subject
  if (d_.chunks[verb].gerund && verb == first_)
    if (int main = MainVerbAfterFronted(verb); main >= 0) return Agent(static_cast<uint32_t>(main));
  if (d_.chunks[verb].gerund && verb > first_) {
    // "A thanked B for signing", "A praised B for joining", "A accused B of
    // shelling", "A charged B with violating": the one thanked or accused did it
    if (Is(verb - 1, ChunkKind::kPreposition) && verb >= first_ + 3 && Is(verb - 2, ChunkKind::kNoun) &&
        Is(verb - 3, ChunkKind::kVerb)) {
      const uint32_t prep = d_.chunks[verb - 1].first;
      if (d_.IsWord(prep, "for") || d_.IsWord(prep, "of") || d_.IsWord(prep, "with")) return Patient(verb - 3);
    }
    // "A issued a statement, condemning B", "A retaliated by announcing
    // sanctions": a participle after a comma or a preposition shares the
    // subject of the clause before it
    // (past an infinitive of the clause: "gave him a day to leave, accusing him")
    if (Is(verb - 1, ChunkKind::kComma) || Is(verb - 1, ChunkKind::kPreposition))
      for (uint32_t c = verb - 1; c-- > first_;) {
        if (Is(c, ChunkKind::kVerb) && !d_.chunks[c].gerund && !d_.chunks[c].infinitive) return Agent(c);
        if (Is(c, ChunkKind::kSubordinator) || Is(c, ChunkKind::kBoundary)) break;
      }
  }
  // "Chile fires missile, warns B of ...": in a headline's run of
  // present-tense verbs, a verb right after a comma has the subject of
  // the verb before it
  if (verb > first_ + 1 && Is(verb - 1, ChunkKind::kComma) && d_.tags[d_.chunks[verb].head].form == VerbForm::kPresent3s)
    for (uint32_t c = verb - 1; c-- > first_;) {
      if (Is(c, ChunkKind::kVerb)) {
        if (d_.tags[d_.chunks[c].head].form == VerbForm::kPresent3s && !d_.chunks[c].passive) return Agent(c);
        break;
      }
      if (Is(c, ChunkKind::kSubordinator) || Is(c, ChunkKind::kBoundary)) break;
    }
  if (Actors together = CoAgents(verb); !together.empty()) return together;
  int np = SubjectPhrase(verb);
  if (np < 0) return {};
  // "Chile, whose navy has held joint drills with B,": forces of a state
  // act for it (ANNOTATION.md: armed action), the state the clause describes
  if (const Chunk& subject = d_.chunks[np]; d_.IsWord(subject.first, "whose") && d_.Is(subject.head, "armed_force") &&
                                             np >= static_cast<int>(first_) + 2 && Is(np - 1, ChunkKind::kComma) &&
                                             Is(np - 2, ChunkKind::kNoun))
    return ListEndingAt(static_cast<uint32_t>(np - 2));
  Actors doers = WithOfficeHolders(WithCounterpartsAnchor(ListEndingAt(static_cast<uint32_t>(np))));
  // "A founded the bloc in 2024 together with B and C": companions named
  // after the verb's phrases do what the subject does
  if (!doers.empty()) {
    const Actors companions = CompanionsAfter(verb);
    doers.insert(doers.end(), companions.begin(), companions.end());
  }
  return doers;
}

Actors ArgumentFinder::CompanionsAfter(uint32_t verb) const {
  for (uint32_t c = verb + 1; c + 1 < last_; ++c) {
    if (Is(c, ChunkKind::kVerb) || Is(c, ChunkKind::kSubordinator) || Is(c, ChunkKind::kBoundary)) break;
    if (!Is(c, ChunkKind::kPreposition) || !d_.IsWord(d_.chunks[c].first, "with") || !Is(c + 1, ChunkKind::kNoun)) continue;
    const uint32_t before = d_.chunks[c].first;
    if (before > 0 && (d_.IsWord(before - 1, "together") || d_.IsWord(before - 1, "along"))) {
      Actors companions = ListFrom(c + 1);
      std::erase_if(companions, [](const Ref& r) { return r.type == EntityType::kLocation; });
      return companions;
    }
  }
  return {};
}

Actors ArgumentFinder::WithOfficeHolders(Actors list) const {
  if (list.size() < 2 || list.size() > 4) return list;
  for (const Ref& r : list)
    if (r.type != EntityType::kCountry || r.entities.size() != 1 || r.resolved) return list;
  // "the presidents of": right before the first state
  const uint32_t first = list.front().first;
  if (first < s_.first + 3 || !d_.IsWord(first - 1, "of")) return list;
  const uint32_t office = first - 2;
  // back over the office's other words ("the foreign ministers of") to "the"
  uint32_t opener = office;
  while (opener > s_.first && d_.title_at[office] >= 0 && d_.title_at[opener - 1] == d_.title_at[office]) --opener;
  if (opener == s_.first || !d_.IsWord(opener - 1, "the")) return list;
  const std::string_view plural = d_.Text(office);
  if (plural.size() < 4 || plural.back() != 's' || (d_.title_at[office] < 0 && plural != "presidents" && plural != "ministers"))
    return list;
  Actors holders;
  for (const Ref& state : list) {
    int holder = -1;
    for (size_t e = 0; e < d_.entities.size(); ++e) {
      const EntityInfo& p = d_.entities[e];
      if (p.type != EntityType::kPerson || p.country != state.entities[0] || !HoldsOfficeNamed(p, plural)) continue;
      if (holder >= 0) return list;  // two holders of one state's office: no telling
      holder = static_cast<int>(e);
    }
    if (holder < 0) return list;
    Ref r = state;
    r.entities = {holder};
    r.type = EntityType::kPerson;
    r.resolved = true;
    holders.push_back(r);
  }
  list.insert(list.end(), holders.begin(), holders.end());
  return list;
}

Actors ArgumentFinder::WithCounterpartsAnchor(Actors list) const {
  if (list.empty() || list.front().type != EntityType::kPerson) return list;
  const uint32_t c = d_.chunk_of[list.front().first];
  if (c < first_ + 2 || !Is(c - 1, ChunkKind::kComma)) return list;
  uint32_t k = c - 2;
  if (!Is(k, ChunkKind::kNoun) || !d_.Is(d_.chunks[k].head, "counterpart")) return list;
  // back over "his Chilean and Peruvian" to the possessive that opens it
  for (int steps = 0; steps < 6 && k > first_; ++steps) {
    if (Is(k, ChunkKind::kNoun) && d_.Is(d_.chunks[k].first, "possessive_pron")) break;
    if (!Is(k - 1, ChunkKind::kNoun) && !Is(k - 1, ChunkKind::kComma) && !Is(k - 1, ChunkKind::kCoordinator)) return list;
    --k;
  }
  if (!d_.Is(d_.chunks[k].first, "possessive_pron") || k < first_ + 2 || !Is(k - 1, ChunkKind::kCoordinator) ||
      !d_.IsWord(d_.chunks[k - 1].first, "and"))
    return list;
  Actors anchor = ListEndingAt(k - 2);
  if (anchor.empty() || anchor.front().type != EntityType::kPerson) return list;
  anchor.insert(anchor.end(), list.begin(), list.end());
  return anchor;
}

int ArgumentFinder::PurposeGovernor(uint32_t infinitive) const {
  // "A flew to Lima on Monday to meet B": an infinitive of purpose after the
  // phrases of a clause belongs to that clause's verb. Only places and times
  // may stand between: after a person or a body ("urged B to meet C", "sent
  // envoy B to meet C") the doer is someone else, and "visited Chile to meet
  // B" cannot tell the two readings apart.
  if (!Is(infinitive, ChunkKind::kVerb) || !d_.chunks[infinitive].infinitive) return -1;
  for (uint32_t c = infinitive; c-- > first_;) {
    if (Is(c, ChunkKind::kVerb)) {
      const Chunk& v = d_.chunks[c];
      return v.passive || v.gerund || v.infinitive ? -1 : static_cast<int>(c);
    }
    if (Is(c, ChunkKind::kNoun)) {
      auto [from, to] = s_.refs_of_chunk[c - first_];
      bool after_place_prep =
          c > first_ && Is(c - 1, ChunkKind::kPreposition) && d_.Is(d_.chunks[c - 1].first, "location_prep");
      for (int r = from; r < to; ++r) {
        EntityType t = s_.refs[r].type;
        if (t != EntityType::kLocation && !(t == EntityType::kCountry && after_place_prep)) return -1;
      }
      continue;
    }
    if (!Is(c, ChunkKind::kPreposition) && !Is(c, ChunkKind::kOther)) return -1;
  }
  return -1;
}

Actors ArgumentFinder::PurposeAgent(uint32_t infinitive) const {
  int verb = PurposeGovernor(infinitive);
  return verb < 0 ? Actors{} : Agent(static_cast<uint32_t>(verb));
}

int ArgumentFinder::AgreementBefore(uint32_t verb) const {
  uint32_t t = d_.chunks[verb].first;
  for (size_t r = 0; r < s_.refs.size(); ++r)
    if (s_.refs[r].last == t && s_.refs[r].type == EntityType::kAgreement && !s_.refs[r].resolved)
      return static_cast<int>(r);
  return -1;
}

bool ArgumentFinder::ObjectParticiple(uint32_t verb) const {
  if (!Is(verb, ChunkKind::kVerb) || verb < first_ + 2) return false;
  const Chunk& v = d_.chunks[verb];
  if (v.passive || v.gerund || v.infinitive || v.modal || v.negated || v.last - v.first != 1) return false;
  if (Is(verb + 1, ChunkKind::kNoun)) return false;  // an object of its own: an active verb
  // "the importance of the Lima Accord signed in 2020": agreements sign nothing
  if (AgreementBefore(verb) >= 0) return true;
  if (!Is(verb - 1, ChunkKind::kNoun) || d_.chunks[verb - 1].relative || d_.chunks[verb - 1].pronoun) return false;
  // (a finite form is no participle: "said Chile stands with B"; nor is
  // the verb of a clause a speech verb reports: "said Chile signed")
  const VerbForm form = d_.tags[v.head].form;
  if (form == VerbForm::kPresent3s || form == VerbForm::kBase) return false;
  const Chunk& before = d_.chunks[verb - 2];
  return Is(verb - 2, ChunkKind::kVerb) && !before.gerund && !before.infinitive && !before.passive &&
         !d_.Is(before.head, "speech");
}

Actors ArgumentFinder::Patient(uint32_t verb) const {
  // "B's bid was endorsed by A", "B's bid, endorsed by A": the owner of
  // what was done to, as the active "endorsed B's bid" gives it
  auto done_to = [&](uint32_t np) {
    Actors out = ListEndingAt(np);
    if (out.empty() && np > first_ && Is(np - 1, ChunkKind::kNoun) && d_.chunks[np - 1].possessor) return ListEndingAt(np - 1);
    return out;
  };
  // "the deal struck by A": the noun the participle follows
  if (ObjectParticiple(verb))
    if (int agreement = AgreementBefore(verb); agreement >= 0) return {s_.refs[agreement]};
  if (ReducedPassive(verb) || ObjectParticiple(verb)) {
    Actors patients = done_to(verb - 1);
    // "the Lima Accord, a pact signed by A": the name the apposition describes
    if (patients.empty() && verb >= first_ + 3 && Is(verb - 2, ChunkKind::kComma)) patients = ListEndingAt(verb - 3);
    return patients;
  }
  if (SetOffParticiple(verb)) return done_to(verb - 2);
  // "A and B were among six states invited to join": those the copula names
  if (int copula = AmongCopula(verb); copula >= 0) {
    int np = SubjectPhrase(static_cast<uint32_t>(copula));
    return np < 0 ? Actors{} : ListEndingAt(static_cast<uint32_t>(np));
  }
  // "Peru sent warships, a move (that) Chile condemned": the act a clause
  // told, named again after a comma, was done by that clause's doer
  // (the act a speaker tells of, when the clause reports one: "A said his
  // government would ask the court to rule, a move Chile opposes")
  if (int told = ClauseRenamedAsAct(verb); told >= 0) {
    int doer_verb = -1;
    for (uint32_t c = first_; c < static_cast<uint32_t>(told); ++c) {
      if (!Is(c, ChunkKind::kVerb) || d_.chunks[c].infinitive || d_.chunks[c].gerund) continue;
      if (doer_verb < 0) doer_verb = static_cast<int>(c);
      else if (d_.Is(d_.chunks[doer_verb].head, "speech")) doer_verb = static_cast<int>(c);
      else break;
    }
    return doer_verb < 0 ? Actors{} : Agent(static_cast<uint32_t>(doer_verb));
  }
  // "the Lima Accord, which Chile signed in 2016", "Colonel B, whom Chile
  // accused of spying": the object of a relative clause is the phrase the
  // clause describes
  if (const int pronoun = RelativePronounOf(verb); pronoun >= 0 && !Is(verb + 1, ChunkKind::kNoun)) {
    const uint32_t p = static_cast<uint32_t>(pronoun);
    if (p < first_ + 1) return {};
    uint32_t antecedent = Is(p - 1, ChunkKind::kComma) && p >= first_ + 2 ? p - 2 : p - 1;
    return Is(antecedent, ChunkKind::kNoun) ? ListEndingAt(antecedent) : Actors{};
  }
  // "the Andes Treaty it signed with Chile": a named agreement, then the
  // clause that tells of it without a pronoun (its subject a name or a
  // pronoun, the verb with no object of its own)
  if (verb >= first_ + 2 && !d_.chunks[verb].passive && Is(verb - 1, ChunkKind::kNoun) && Is(verb - 2, ChunkKind::kNoun) &&
      !Is(verb + 1, ChunkKind::kNoun) && (HeadActor(verb - 1) >= 0 || d_.tags[d_.chunks[verb - 1].head].pos == Pos::kPronoun))
    if (const int agreement = HeadActor(verb - 2);
        agreement >= 0 && s_.refs[agreement].type == EntityType::kAgreement && s_.refs[agreement].last == d_.chunks[verb - 2].last)
      return {s_.refs[agreement]};
  if (d_.chunks[verb].passive) {
    const int np = SubjectPhrase(verb);
    if (np < 0) return {};
    const uint32_t subject = static_cast<uint32_t>(np);
    // "any incursion by B will be met with force": the act's phrase, whose
    // doer is named after it; in "any violation of Chile's territory will
    // be met with ..." the phrase after "of" is what the act befalls
    if (subject >= first_ + 2 && Is(subject - 1, ChunkKind::kPreposition) && Is(subject - 2, ChunkKind::kNoun)) {
      if (d_.IsWord(d_.chunks[subject - 1].first, "by") && d_.Is(d_.chunks[subject - 2].head, "deed_noun"))
        return ListOrOwners(subject - 2);
      if (d_.Is(d_.chunks[subject - 2].head, "deed_noun")) return done_to(subject - 2);
    }
    // "any Chilean escalation will be met with force": a state's act (not
    // what its "of" phrase names: what the act befalls)
    if (Actors done = done_to(subject); !done.empty()) return done;
    const bool befalls = Is(subject + 1, ChunkKind::kPreposition) && d_.IsWord(d_.chunks[subject + 1].first, "of");
    return d_.Is(d_.chunks[subject].head, "deed_noun") && !befalls ? ListOrOwners(subject) : Actors{};
  }
  const int object = ObjectPhrase(verb);
  if (object < 0) return {};
  const uint32_t c = static_cast<uint32_t>(object);
  if (uint32_t named = NamedAs(c); named != c) return ListOrOwners(named);
  return ListOrOwners(c);
}

int ArgumentFinder::ClauseRenamedAsAct(uint32_t verb) const {
  if (verb < first_ + 3 || !Is(verb - 1, ChunkKind::kNoun) || d_.chunks[verb].passive || Is(verb + 1, ChunkKind::kNoun))
    return -1;
  const Chunk& rel = d_.chunks[verb - 2];
  const bool marked = rel.last == rel.first + 1 && (d_.IsWord(rel.first, "that") || d_.IsWord(rel.first, "which"));
  const uint32_t act = marked ? verb - 3 : verb - 2;
  if (act <= first_ + 1 || !Is(act, ChunkKind::kNoun) || !d_.Is(d_.chunks[act].head, "deed_noun") || HeadActor(act) >= 0 ||
      !Is(act - 1, ChunkKind::kComma))
    return -1;
  return static_cast<int>(act - 1);
}

int ArgumentFinder::ObjectPhrase(uint32_t verb) const {
  uint32_t c = verb + 1;
  while (c < last_ && Is(c, ChunkKind::kOther)) ++c;
  return Is(c, ChunkKind::kNoun) && !d_.chunks[c].relative ? static_cast<int>(c) : -1;
}

// "condemned what it called B's coercion", "what they described as B's
// occupation": a free relative with a verb of naming stands for the phrase
// it names. The chunk of that phrase, or `np` itself.
uint32_t ArgumentFinder::NamedAs(uint32_t np) const {
  const Chunk& what = d_.chunks[np];
  if (what.last != what.first + 1 || !d_.IsWord(what.first, "what")) return np;
  uint32_t c = np + 1;
  if (Is(c, ChunkKind::kNoun)) ++c;  // "it", "they", "Lima"
  if (!Is(c, ChunkKind::kVerb)) return np;
  // "struck what the army said were rebel depots": a copula after a verb of
  // saying names the phrase as well
  const bool said_to_be = d_.Is(d_.chunks[c].head, "speech") && Is(c + 1, ChunkKind::kVerb) && d_.lexicon &&
                          HeadLemma(c + 1) == "be";
  if (!said_to_be && !d_.Is(d_.chunks[c].head, "naming_verb")) return np;
  c += said_to_be ? 2 : 1;
  if (c < last_ && Is(c, ChunkKind::kPreposition) && d_.IsWord(d_.chunks[c].first, "as")) ++c;
  return c < last_ && Is(c, ChunkKind::kNoun) ? c : np;
}

bool ArgumentFinder::TimePhrase(uint32_t np) const {
  auto [from, to] = s_.refs_of_chunk[np - first_];
  if (from != to) return false;
  uint32_t head = d_.chunks[np].head;
  return d_.Is(head, "time_noun") || d_.Is(head, "weekday") || d_.Is(head, "month");
}

Actors ArgumentFinder::PrepAfter(uint32_t from, LowerWord prep, bool across_clause) const {
  for (uint32_t c = from + 1; c < last_; ++c) {
    const Chunk& ch = d_.chunks[c];
    if (ch.kind == ChunkKind::kPreposition) {
      if (d_.IsWord(ch.first, prep) && Is(c + 1, ChunkKind::kNoun)) {
        Actors out = ListOrOwners(c + 1);
        // "talks with a delegation of the bank led by A": its leader too
        for (const Ref& leader : LeadersOf(c + 1)) out.push_back(leader);
        // "members of NATO and of the OAS": the phrase repeated after "and"
        if (!out.empty()) {
          const uint32_t end = d_.chunk_of[out.back().last - 1];
          if (Is(end + 1, ChunkKind::kCoordinator) && d_.IsWord(d_.chunks[end + 1].first, "and") &&
              Is(end + 2, ChunkKind::kPreposition) && d_.IsWord(d_.chunks[end + 2].first, prep) && Is(end + 3, ChunkKind::kNoun))
            for (const Ref& more : ListOrOwners(end + 3)) out.push_back(more);
        }
        return out;
      }
      // "the visit of A", but not "the visit at the invitation of B": a
      // noun's "of" is the phrase right after it
      if (!across_clause && prep.text() == "of") return {};
      continue;
    }
    if (ch.kind == ChunkKind::kNoun) {
      // nouns see only their own chain of prepositional phrases, and a time
      // phrase inside it ("talks earlier this year in X")
      if (!across_clause && !Is(c - 1, ChunkKind::kPreposition) && !TimePhrase(c)) return {};
      // "talks with A, B and C in X": the chain goes on after the list
      if (!across_clause && Is(c - 1, ChunkKind::kPreposition) && (Is(c + 1, ChunkKind::kComma) || Is(c + 1, ChunkKind::kCoordinator))) {
        Actors list = ListFrom(c);
        if (list.size() > 1) c = std::max(c, d_.chunk_of[list.back().last - 1]);
      }
      continue;
    }
    // "sanctions imposed by A on B": the chain goes on past the participle
    if (!across_clause && c == from + 1 && ReducedPassive(c)) continue;
    // "talks were held between A and B", "sanctions were imposed on B": a
    // passive light verb after the noun carries the noun's phrases
    // ("the talks resumed on Monday between A and B": so does an
    // intransitive one, with no object of its own)
    if (!across_clause && c == from + 1 && ch.kind == ChunkKind::kVerb && (ch.passive || !Is(c + 1, ChunkKind::kNoun)) &&
        d_.frames && d_.lexicon && d_.frames->IsLightVerb(d_.lexicon->LemmaText(d_.tags[ch.head].lemma)))
      continue;
    if (ch.kind == ChunkKind::kCoordinator || ch.kind == ChunkKind::kOther) continue;
    // 'stood "firmly with B"': a quotation's mark inside the clause
    if (QuoteMark(c)) continue;
    if (ch.kind == ChunkKind::kComma) {
      if (across_clause && Is(c + 1, ChunkKind::kPreposition)) continue;
      // "handed it to the chair, B, at a ceremony in X", "talks with B, the
      // Minister of Foreign Affairs of Peru, in Lima": an apposition closed
      // by a comma, the chain going on after it
      uint32_t closing = Is(c + 1, ChunkKind::kNoun) && Is(c + 2, ChunkKind::kComma) ? c + 2 : SkipItemTail(c);
      if (closing != c && Is(closing, ChunkKind::kComma) && Is(closing + 1, ChunkKind::kPreposition)) {
        c = closing;
        continue;
      }
    }
    return {};  // a verb, a subordinate clause, a boundary: the clause ends
  }
  return {};
}

// "led by A", "headed by A": a verb group of leading and its agent phrase
// at chunk `verb`.
bool ArgumentFinder::LeadByAt(uint32_t verb) const {
  if (!Is(verb, ChunkKind::kVerb) || !Is(verb + 1, ChunkKind::kPreposition) ||
      !d_.IsWord(d_.chunks[verb + 1].first, "by") || !Is(verb + 2, ChunkKind::kNoun) || !d_.lexicon)
    return false;
  std::string_view lemma = HeadLemma(verb);
  return lemma == "lead" || lemma == "head";
}

// The people who lead the delegation phrase `np` names: "a delegation (of
// the bank) led by A and B" -> A, B.
Actors ArgumentFinder::LeadersOf(uint32_t np) const {
  if (!d_.Is(d_.chunks[np].head, "state_proxy")) return {};
  uint32_t c = np + 1;
  while (Is(c, ChunkKind::kPreposition) && d_.IsWord(d_.chunks[c].first, "of") && Is(c + 1, ChunkKind::kNoun)) c += 2;
  if (Is(c, ChunkKind::kComma)) ++c;
  if (!LeadByAt(c)) return {};
  Actors people;
  for (const Ref& r : ListOrOwners(c + 2))
    if (IsPersonRef(r)) people.push_back(r);
  return people;
}

Actors ArgumentFinder::Possessor(uint32_t event_np) const {
  const uint32_t np = EventPhrase(event_np);
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
  if (d_.IsWord(t, "their")) {
    // "A and B agreed at their talks in X": the doers of the clause's verb;
    // "At their talks in X, A and B agreed": of the main clause's
    const int verb = ClauseVerbOf(np);
    if (verb < 0) return {};
    Actors doers = Agent(static_cast<uint32_t>(verb));
    if (doers.size() < 2) return {};
    for (Ref& doer : doers) doer.resolved = true;
    return doers;
  }
  // "Chile honoured its obligations": the state or body of the clause
  if (d_.IsWord(t, "its")) return ItsOwner(np);
  return {};
}

// The verb group before a noun phrase in its clause, else the main clause's
// after a fronted phrase, or -1.
int ArgumentFinder::ClauseVerbOf(uint32_t np) const {
  for (uint32_t v = np; v-- > first_;) {
    if (Is(v, ChunkKind::kSubordinator) || Is(v, ChunkKind::kBoundary)) break;
    if (!Is(v, ChunkKind::kVerb) || d_.chunks[v].gerund || d_.chunks[v].infinitive) continue;
    return static_cast<int>(v);
  }
  return MainVerbAfterFronted(np);
}

Actors ArgumentFinder::ItsOwner(uint32_t np) const {
  if (!d_.IsWord(d_.chunks[np].first, "its")) return {};
  const int verb = ClauseVerbOf(np);
  if (verb < 0) return {};
  Actors doers = Agent(static_cast<uint32_t>(verb));
  if (doers.size() != 1 || (doers[0].type != EntityType::kCountry && doers[0].type != EntityType::kOrganization))
    return {};
  doers[0].resolved = true;
  return doers;
}

Actors ArgumentFinder::Modifiers(uint32_t np, uint32_t head_token) const {
  Actors out;
  auto [from, to] = s_.refs_of_chunk[np - first_];
  for (int r = from; r < to; ++r)
    if (s_.refs[r].last <= head_token) out.push_back(s_.refs[r]);
  // "Chilean and Bolivian strikes", "Chilean, Peruvian and Bolivian
  // troops": demonyms listed before the one the noun's phrase opens with
  // are chunked apart, and describe the same noun
  if (out.empty() || !out.front().adjective || out.front().first != d_.chunks[np].first) return out;
  for (uint32_t c = np; c >= first_ + 2 && (Is(c - 1, ChunkKind::kCoordinator) || Is(c - 1, ChunkKind::kComma));) {
    const uint32_t before = c - 2;
    auto [bf, bt] = s_.refs_of_chunk[before - first_];
    const Chunk& ch = d_.chunks[before];
    // ("the US and British strikes": a state's name after "the" describes
    // the noun as its demonym would)
    const bool attributive_name = s_.refs[bf].type == EntityType::kCountry && d_.IsWord(ch.first, "the") &&
                                  s_.refs[bf].first == ch.first + 1;
    if (!Is(before, ChunkKind::kNoun) || bt - bf != 1 || !(s_.refs[bf].adjective || attributive_name) ||
        s_.refs[bf].last != ch.last)
      break;
    out.insert(out.begin(), s_.refs[bf]);
    c = before;
  }
  return out;
}

Actors ArgumentFinder::CounterpartsNamed(uint32_t np) const {
  // over the describing list ("her Chilean, Peruvian and Bolivian
  // counterparts") to the word for the people, then its names
  uint32_t c = np;
  for (int steps = 0; steps < 8 && c < last_; ++steps, ++c) {
    if (Is(c, ChunkKind::kNoun) && d_.Is(d_.chunks[c].head, "counterpart")) {
      if (!Is(c + 1, ChunkKind::kComma) || !Is(c + 2, ChunkKind::kNoun)) return {};
      Actors people = ListFrom(c + 2);
      return !people.empty() && people.front().type == EntityType::kPerson ? people : Actors{};
    }
    if (!Is(c, ChunkKind::kNoun) && !Is(c, ChunkKind::kComma) && !Is(c, ChunkKind::kCoordinator)) return {};
    // ("A and his Chilean counterpart, B": a person before is an item of
    // its own, and ListFrom reads the counterpart as B)
    if (Is(c, ChunkKind::kNoun))
      if (int actor = HeadActor(c); actor >= 0 && IsPersonRef(s_.refs[actor])) return {};
  }
  return {};
}

Actors ArgumentFinder::GoodsOrigin(uint32_t verb) const {
  uint32_t c = verb + 1;
  while (Is(c, ChunkKind::kOther)) ++c;
  if (!Is(c, ChunkKind::kNoun)) return {};
  Actors states;
  for (const Ref& r : Modifiers(c, d_.chunks[c].head))
    if (r.type == EntityType::kCountry) states.push_back(r);
  // "imports of Chinese steel": the goods named in the "of" phrase
  if (states.empty() && Is(c + 1, ChunkKind::kPreposition) && d_.IsWord(d_.chunks[c + 1].first, "of") &&
      Is(c + 2, ChunkKind::kNoun))
    for (const Ref& r : Modifiers(c + 2, d_.chunks[c + 2].head))
      if (r.type == EntityType::kCountry) states.push_back(r);
  return states;
}

Actors ArgumentFinder::InfinitiveObject(uint32_t verb) const {
  uint32_t c = verb + 1;
  while (Is(c, ChunkKind::kNoun) || Is(c, ChunkKind::kOther)) ++c;  // "invited Chile to join"
  if (!Is(c, ChunkKind::kVerb) || !d_.chunks[c].infinitive) return {};
  if (Actors patient = Patient(c); !patient.empty()) return patient;
  // "threatened to close its border with B", "to cut gas supplies to B": an
  // object that names no one, and the one its own phrase points at
  const int object = ObjectPhrase(c);
  if (object < 0) return {};
  for (LowerWord prep : {LowerWord("with"), LowerWord("to"), LowerWord("against")})
    if (Actors at = PrepAfter(static_cast<uint32_t>(object), prep, false); !at.empty()) return at;
  // "threatened to strike Iranian nuclear sites": the state whose things
  // the act would hit
  return DemonymStates(static_cast<uint32_t>(object));
}

Actors ArgumentFinder::Speaker(uint32_t chunk) const {
  auto speech = [&](uint32_t c) { return Is(c, ChunkKind::kVerb) && d_.Is(d_.chunks[c].head, "speech"); };
  for (uint32_t c = chunk; c-- > first_;)
    if (speech(c)) return Agent(c);
  for (uint32_t c = chunk + 1; c < last_; ++c)
    if (speech(c)) return Agent(c);
  // "According to A, B violated ...": the source the sentence opens with
  for (uint32_t c = first_; c + 2 < chunk; ++c)
    if (d_.IsWord(d_.chunks[c].last - 1, "according") && d_.IsWord(d_.chunks[c + 1].first, "to") &&
        Is(c + 2, ChunkKind::kNoun))
      return ListEndingAt(c + 2);
  // '"B will pay. Its ships are targets," A said': a sentence of a
  // quotation over several sentences is said by the one its attribution names
  if (s_.index < d_.quote_speaker.size())
    if (const int speaker = d_.quote_speaker[s_.index]; speaker >= 0) {
      Ref r;
      r.first = d_.chunks[chunk].first;
      r.last = r.first + 1;
      r.entities = {speaker};
      r.type = d_.entities[speaker].type;
      r.resolved = true;
      return {r};
    }
  return {};
}

Actors ArgumentFinder::Apposed(uint32_t np) const {
  // before it: "A, a fierce critic of B,", "A and C, fellow members of B,"
  // (back over the apposition's own phrases to its comma)
  uint32_t c = np;
  for (int steps = 0; c > first_ && steps < 6; ++steps) {
    const uint32_t prev = c - 1;
    if (Is(prev, ChunkKind::kComma)) {
      if (prev == first_ || !Is(prev - 1, ChunkKind::kNoun)) break;
      return ListEndingAt(prev - 1);
    }
    if (!Is(prev, ChunkKind::kNoun) && !Is(prev, ChunkKind::kCoordinator)) break;
    c = prev;
  }
  // after it: "the members of B, A, C and D, met" (a list between commas;
  // past the complements one phrase each: the list is no part of them)
  uint32_t after = np + 1;
  while (IsComplementPrep(after) && Is(after + 1, ChunkKind::kNoun)) after += 2;
  if (!Is(after, ChunkKind::kComma) || !Is(after + 1, ChunkKind::kNoun)) return {};
  Actors listed = ListFrom(after + 1);
  if (listed.empty()) return {};
  const uint32_t end = d_.chunk_of[listed.back().last - 1] + 1;
  return Is(end, ChunkKind::kComma) ? listed : Actors{};
}

Actors ArgumentFinder::ConditionAgent(uint32_t chunk) const {
  static constexpr LowerWord kCondition[] = {"if", "unless"};
  if (std::optional<Actors> after = DoerOfClauseAfter(chunk, kCondition)) return *after;
  // "..., should B continue on its course": a condition told by inversion,
  // after a comma
  for (uint32_t c = chunk + 1; c + 2 < last_; ++c) {
    if (EndsClause(c) || Is(c, ChunkKind::kSubordinator)) break;
    if (!Is(c, ChunkKind::kComma)) continue;
    const uint32_t v = QuoteMark(c + 1) ? c + 2 : c + 1;  // ',"' closing a quotation
    if (Is(v, ChunkKind::kVerb) && d_.IsWord(d_.chunks[v].first, "should") && d_.chunks[v].last == d_.chunks[v].first + 1 &&
        Is(v + 1, ChunkKind::kNoun))
      return ListFrom(v + 1);
  }
  // "If B crosses the line, Chile will respond", "warned that unless B
  // withdraws, it would close the border": a condition set before the
  // clause, ended by a comma, and opening the sentence or the reported
  // clause
  bool comma = false;
  for (uint32_t c = chunk; c-- > first_;) {
    if (EndsClause(c)) return {};
    comma |= Is(c, ChunkKind::kComma);
    if (!Is(c, ChunkKind::kSubordinator)) continue;
    if (!OpensWith(c, kCondition) || !comma) return {};
    const bool opens = c == first_ || Is(c - 1, ChunkKind::kBoundary) || Is(c - 1, ChunkKind::kSubordinator) ||
                       (Is(c - 1, ChunkKind::kVerb) && d_.Is(d_.chunks[c - 1].head, "speech"));
    return opens ? DoerOfClauseAt(c) : Actors{};
  }
  return {};
}

Actors ArgumentFinder::CauseAgent(uint32_t chunk) const {
  static constexpr LowerWord kCause[] = {"after", "because"};
  return DoerOfClauseAfter(chunk, kCause).value_or(Actors{});
}

bool ArgumentFinder::QuoteMark(uint32_t c) const {
  if (!Is(c, ChunkKind::kBoundary)) return false;
  std::string_view t = d_.Text(d_.chunks[c].first);
  return t == "\"" || t == "\u201C" || t == "\u201D";
}

bool ArgumentFinder::ObjectRelativeVerb(uint32_t verb) const { return RelativePronounOf(verb) >= 0; }

int ArgumentFinder::RelativePronounOf(uint32_t verb) const {
  if (verb < first_ + 2 || verb >= last_ || !Is(verb, ChunkKind::kVerb) || d_.chunks[verb].passive ||
      !Is(verb - 1, ChunkKind::kNoun))
    return -1;
  // past the subject, one phrase or a list: "which Chile and Peru signed"
  uint32_t subject = verb - 1;
  while (subject >= first_ + 3 && (Is(subject - 1, ChunkKind::kCoordinator) || Is(subject - 1, ChunkKind::kComma)) &&
         Is(subject - 2, ChunkKind::kNoun))
    subject -= 2;
  const Chunk& pronoun = d_.chunks[subject - 1];
  const bool relative = pronoun.last == pronoun.first + 1 && (d_.IsWord(pronoun.first, "which") || d_.IsWord(pronoun.first, "whom"));
  return relative ? static_cast<int>(subject - 1) : -1;
}

// Quotation marks inside a clause do not end it: warned of "grave
// consequences" if B ...
bool ArgumentFinder::EndsClause(uint32_t c) const { return Is(c, ChunkKind::kBoundary) && !QuoteMark(c); }

bool ArgumentFinder::OpensWith(uint32_t c, std::span<const LowerWord> words) const {
  if (!Is(c, ChunkKind::kSubordinator)) return false;
  for (LowerWord w : words)
    if (d_.IsWord(d_.chunks[c].first, w)) return true;
  return false;
}

std::optional<Actors> ArgumentFinder::DoerOfClauseAfter(uint32_t chunk, std::span<const LowerWord> openers) const {
  for (uint32_t c = chunk + 1; c < last_; ++c) {
    if (EndsClause(c)) return std::nullopt;
    // ("after" read as a preposition, opening a clause all the same:
    // "vows a response after B expels three diplomats")
    if (Is(c, ChunkKind::kPreposition) && Is(c + 1, ChunkKind::kNoun) && Is(c + 2, ChunkKind::kVerb) &&
        !d_.chunks[c + 2].gerund && !d_.chunks[c + 2].infinitive)
      for (LowerWord w : openers)
        if (d_.IsWord(d_.chunks[c].first, w)) return Agent(c + 2);
    if (!Is(c, ChunkKind::kSubordinator)) continue;
    if (!OpensWith(c, openers)) return std::nullopt;  // another clause opens first
    return DoerOfClauseAt(c);
  }
  return std::nullopt;
}

Actors ArgumentFinder::DoerOfClauseAt(uint32_t opener) const {
  for (uint32_t v = opener + 1; v < last_; ++v) {
    if (EndsClause(v) || Is(v, ChunkKind::kSubordinator)) break;
    if (Is(v, ChunkKind::kVerb)) return Agent(v);
  }
  // no verb read (a verb taken for a noun: "if the bloc ratchets up"):
  // the phrase that opens the clause is its subject
  return Is(opener + 1, ChunkKind::kNoun) ? ListFrom(opener + 1) : Actors{};
}

int ArgumentFinder::ClauseVerb(uint32_t np) const {
  if (np <= first_ || !Is(np - 1, ChunkKind::kPreposition)) return -1;
  for (uint32_t c = np - 1; c-- > first_;) {
    if (Is(c, ChunkKind::kVerb)) return d_.chunks[c].gerund || d_.chunks[c].infinitive ? -1 : static_cast<int>(c);
    if (!Is(c, ChunkKind::kNoun) && !Is(c, ChunkKind::kPreposition) && !Is(c, ChunkKind::kOther)) return -1;
  }
  return -1;
}

int ArgumentFinder::PredicateOf(uint32_t np) const {
  if (VerbBefore(np)) return -1;  // an object, not the clause's subject
  for (uint32_t c = np + 1; c < last_; ++c) {
    // "a meeting between A and B, which had been planned for May, was
    // cancelled": past a relative clause set off by commas
    if (Is(c, ChunkKind::kNoun) && d_.chunks[c].relative && Is(c - 1, ChunkKind::kComma)) {
      uint32_t close = c + 1;
      while (close < last_ && !Is(close, ChunkKind::kComma)) ++close;
      if (close == last_) return -1;
      c = close;
      continue;
    }
    if (Is(c, ChunkKind::kVerb)) return d_.chunks[c].gerund || d_.chunks[c].infinitive ? -1 : static_cast<int>(c);
    if (!Is(c, ChunkKind::kNoun) && !Is(c, ChunkKind::kPreposition) && !Is(c, ChunkKind::kCoordinator) &&
        !Is(c, ChunkKind::kComma) && !Is(c, ChunkKind::kOther))
      return -1;
  }
  return -1;
}

uint32_t ArgumentFinder::EventPhrase(uint32_t np) const {
  // "held the third round of consultations", "their latest round of talks":
  // the event stands where the phrase that counts it stands
  if (np >= first_ + 2 && Is(np - 1, ChunkKind::kPreposition) && d_.IsWord(d_.chunks[np - 1].first, "of") &&
      Is(np - 2, ChunkKind::kNoun) && d_.Is(d_.chunks[np - 2].head, "event_measure"))
    return np - 2;
  return np;
}

int ArgumentFinder::Governor(uint32_t np) const {
  uint32_t c = EventPhrase(np);
  // "expressed the bloc's full solidarity": the verb governs the phrase
  // with its possessor ("the bloc's" is whose solidarity is told, the
  // subject of "expressed" the one who tells it)
  if (c >= first_ + 2 && Is(c - 1, ChunkKind::kNoun) && d_.chunks[c - 1].possessor && Is(c - 2, ChunkKind::kVerb)) --c;
  // 'expressed "full solidarity with B"': past a quotation's opening mark
  if (c >= first_ + 2 && QuoteMark(c - 1) && Is(c - 2, ChunkKind::kVerb)) --c;
  // "held talks", "paid an official visit": the verb right before
  if (c > first_ && Is(c - 1, ChunkKind::kVerb)) return static_cast<int>(c - 1);
  // "carried out strikes", "wrapped up a tour": a verb and its particle
  if (c > first_ + 1 && Is(c - 1, ChunkKind::kPreposition) &&
      (d_.IsWord(d_.chunks[c - 1].first, "out") || d_.IsWord(d_.chunks[c - 1].first, "up")) &&
      d_.chunks[c - 1].last == d_.chunks[c - 1].first + 1 && Is(c - 2, ChunkKind::kVerb))
    return static_cast<int>(c - 2);
  // "talks were held": the passive verb right after
  if (c + 1 < last_ && Is(c + 1, ChunkKind::kVerb) && d_.chunks[c + 1].passive) return static_cast<int>(c + 1);
  return -1;
}

bool ArgumentFinder::ReducedPassive(uint32_t verb) const {
  // a bare participle: "B's claims over the river were rejected by A" has
  // its auxiliary, and its subject before the phrase "the river"
  // ("A spoke by phone with B": a simple past is no participle)
  return Is(verb, ChunkKind::kVerb) && verb > first_ && d_.chunks[verb].last - d_.chunks[verb].first == 1 &&
         d_.tags[d_.chunks[verb].head].form != VerbForm::kPast &&
         Is(verb - 1, ChunkKind::kNoun) && !d_.chunks[verb - 1].relative &&
         !d_.chunks[verb - 1].pronoun && !d_.chunks[verb].gerund && !d_.chunks[verb].infinitive &&
         Is(verb + 1, ChunkKind::kPreposition) && d_.IsWord(d_.chunks[verb + 1].first, "by") && Is(verb + 2, ChunkKind::kNoun);
}

bool ArgumentFinder::SetOffParticiple(uint32_t verb) const {
  if (!Is(verb, ChunkKind::kVerb) || verb < first_ + 2 || d_.chunks[verb].last - d_.chunks[verb].first != 1) return false;
  const Chunk& v = d_.chunks[verb];
  if (d_.tags[v.head].form != VerbForm::kParticiple || v.gerund || v.infinitive) return false;
  if (!Is(verb - 1, ChunkKind::kComma) || !Is(verb - 2, ChunkKind::kNoun) || d_.chunks[verb - 2].pronoun) return false;
  // "X, signed in Lima in 1998 by A,": the participle's own phrases may
  // come before its by-phrase
  uint32_t by = verb + 1;
  for (int phrases = 0; phrases < 3 && Is(by, ChunkKind::kPreposition) && !d_.IsWord(d_.chunks[by].first, "by") &&
                        Is(by + 1, ChunkKind::kNoun);
       ++phrases)
    by += 2;
  if (!Is(by, ChunkKind::kPreposition) || !d_.IsWord(d_.chunks[by].first, "by") || !Is(by + 1, ChunkKind::kNoun))
    return false;
  // the phrase closes with a comma before the main verb: "X, signed by A,
  // B and C in 2024, ended ..." (after an object, "A met B, accompanied by
  // C", the participle may tell of the subject)
  for (uint32_t c = by + 1; c < last_; ++c) {
    if (Is(c, ChunkKind::kComma)) {
      if (Is(c + 1, ChunkKind::kVerb)) return true;
      continue;
    }
    if (!Is(c, ChunkKind::kNoun) && !Is(c, ChunkKind::kCoordinator) && !Is(c, ChunkKind::kPreposition)) return false;
  }
  return false;
}

Actors ArgumentFinder::Decider(uint32_t verb) const {
  if (!d_.chunks[verb].infinitive || verb < first_ + 2 || !Is(verb - 1, ChunkKind::kNoun) ||
      !d_.Is(d_.chunks[verb - 1].head, "decision_noun") || !Is(verb - 2, ChunkKind::kNoun) || !d_.chunks[verb - 2].possessor)
    return {};
  return ListEndingAt(verb - 2);
}

int ArgumentFinder::RelativeLightVerb(uint32_t np) const {
  if (!d_.frames || !d_.lexicon) return -1;
  uint32_t c = np + 1;
  // "the sanctions (that|which) A imposed", "the talks A held"
  if ((Is(c, ChunkKind::kSubordinator) && d_.IsWord(d_.chunks[c].first, "that")) ||
      (Is(c, ChunkKind::kNoun) && d_.chunks[c].relative && !d_.IsWord(d_.chunks[c].first, "who")))
    ++c;
  if (!Is(c, ChunkKind::kNoun) || d_.chunks[c].relative || HeadActor(c) < 0) return -1;
  // (past a list of subjects: "that Chile and Peru imposed")
  uint32_t verb = c + 1;
  while (verb < c + 8 && (Is(verb, ChunkKind::kOther) || Is(verb, ChunkKind::kNoun) || Is(verb, ChunkKind::kComma) ||
                          Is(verb, ChunkKind::kCoordinator)))
    ++verb;
  if (!Is(verb, ChunkKind::kVerb) || d_.chunks[verb].passive || d_.chunks[verb].gerund || d_.chunks[verb].infinitive)
    return -1;
  return d_.frames->IsLightVerb(HeadLemma(verb)) ? static_cast<int>(verb) : -1;
}

Actors ArgumentFinder::Holder(uint32_t np) const {
  if (int relative = RelativeLightVerb(np); relative >= 0) return Agent(static_cast<uint32_t>(relative));
  // "sanctions imposed by A on B": a participle after the noun, its doer in
  // the by-phrase
  if (ReducedPassive(np + 1) && d_.frames && d_.lexicon &&
      d_.frames->IsLightVerb(HeadLemma(np + 1)))
    return PrepAfter(np + 1, "by", false);
  int verb = Governor(np);
  if (verb >= 0) {
    if (!d_.frames || !d_.lexicon) return {};
    // "A received a call from B": the one it came from
    if (ReceiptVerbOf(np) >= 0) return PrepAfter(np, "from", false);
    if (!d_.frames->IsLightVerb(HeadLemma(verb))) return {};
    return Agent(static_cast<uint32_t>(verb));
  }
  // "At a meeting with B in Lima, A said ...", "During his talks with B, A
  // ...": a fronted phrase belongs to the main clause's subject
  int main_verb = MainVerbAfterFronted(np);
  return main_verb < 0 ? Actors{} : Agent(static_cast<uint32_t>(main_verb));
}

Actors ArgumentFinder::Recipient(uint32_t np) const {
  const int verb = ReceiptVerbOf(np);
  return verb < 0 ? Actors{} : Agent(static_cast<uint32_t>(verb));
}

int ArgumentFinder::ReceiptVerbOf(uint32_t np) const {
  const int verb = Governor(np);
  return verb >= 0 && d_.frames && d_.frames->IsReceiptVerb(HeadLemma(static_cast<uint32_t>(verb))) ? verb : -1;
}

std::string_view ArgumentFinder::HeadLemma(uint32_t chunk) const {
  return d_.lexicon ? d_.lexicon->LemmaText(d_.tags[d_.chunks[chunk].head].lemma) : std::string_view();
}

int ArgumentFinder::MainVerbAfterFronted(uint32_t np) const {
  for (uint32_t c = first_; c < np; ++c)
    if (!Is(c, ChunkKind::kPreposition) && !Is(c, ChunkKind::kNoun) && !Is(c, ChunkKind::kOther)) return -1;
  for (uint32_t c = np + 1; c + 1 < last_; ++c) {
    if (Is(c, ChunkKind::kComma)) {
      for (uint32_t v = c + 1; v < last_; ++v) {
        if (Is(v, ChunkKind::kVerb)) return static_cast<int>(v);
        if (!Is(v, ChunkKind::kNoun) && !Is(v, ChunkKind::kOther) && !Is(v, ChunkKind::kComma) &&
            !Is(v, ChunkKind::kCoordinator) && !Is(v, ChunkKind::kPreposition))
          break;
      }
      return -1;
    }
    if (!Is(c, ChunkKind::kPreposition) && !Is(c, ChunkKind::kNoun) && !Is(c, ChunkKind::kOther)) return -1;
  }
  return -1;
}

uint32_t ArgumentFinder::ApposedPhraseEnd(uint32_t np) const {
  // a few noun phrases ("the bloc's" "current chairman") and their "of"
  // phrases, closed by a comma
  for (uint32_t c = np; c < last_ && c < np + 5; ++c) {
    if (Is(c, ChunkKind::kComma)) return c;
    if (!Is(c, ChunkKind::kNoun) && !(Is(c, ChunkKind::kPreposition) && d_.IsWord(d_.chunks[c].first, "of"))) return np;
  }
  return np;
}

Actors ArgumentFinder::Participants(uint32_t np) const {
  if (!d_.frames || !d_.lexicon) return {};
  // Walk the noun's clause: its own prepositional phrases ("a summit in
  // Lima"), a passive light verb ("was held"), participles of taking part
  // ("chaired by A", "attended by B") and participation phrases ("with the
  // participation of C and D"), between commas. Every list found counts:
  // "the meeting was held in Lima, chaired by A, with the participation of
  // B and C" names three participants.
  Actors all;
  auto take = [&](Actors listed) {
    if (listed.empty()) return false;
    all.insert(all.end(), listed.begin(), listed.end());
    return true;
  };
  // (past what the last one named is: "chaired by A, Minister of Energy of
  // Chile, with the participation of B")
  auto after = [&](const Actors& listed) { return SkipItemTail(d_.chunk_of[listed.back().last - 1] + 1); };
  bool light_seen = false;
  for (uint32_t c = np + 1; c < last_;) {
    if (Is(c, ChunkKind::kPreposition) && Is(c + 1, ChunkKind::kNoun)) {
      Actors listed = ParticipationList(c);
      c = take(listed) ? after(listed) : c + 2;
    } else if (Is(c, ChunkKind::kComma)) {
      ++c;
    } else if (Is(c, ChunkKind::kCoordinator) && Is(c + 1, ChunkKind::kNoun) && !Is(c - 1, ChunkKind::kComma)) {
      c += 2;  // "of Heads of State and Government of the bloc"
    } else if (Is(c, ChunkKind::kNoun) && Is(c - 1, ChunkKind::kComma) && ApposedPhraseEnd(c) > c) {
      // "in Lima, the Peruvian capital,", "chaired by A, the bloc's
      // current chairman,": an apposition
      c = ApposedPhraseEnd(c);
    } else if (Is(c, ChunkKind::kCoordinator) && Is(c + 1, ChunkKind::kVerb)) {
      ++c;  // "chaired by A and attended by B"
    } else if (Is(c, ChunkKind::kVerb)) {
      const Chunk& v = d_.chunks[c];
      const std::string_view lemma = d_.lexicon->LemmaText(d_.tags[v.head].lemma);
      if (d_.frames->IsParticipantVerb(lemma)) {
        Actors listed = ParticipantsOfVerb(c);
        if (!take(listed)) break;
        c = after(listed);
      } else if ((v.passive || d_.tags[v.head].form == VerbForm::kParticiple) && !light_seen &&
                 d_.frames->IsLightVerb(lemma)) {
        // "a ceremony was held in Lima under the leadership of A and B",
        // "the summit, held in Lima under the chairmanship of A,"
        light_seen = true;
        ++c;
      } else {
        break;
      }
    } else {
      break;
    }
  }
  // "A hosted a summit attended by B and C", "A held talks with the
  // participation of B": the one who held the gathering took part too
  // ("A led her delegation to the summit, chaired by B": the one who came to it)
  if (!all.empty()) {
    Actors holders = Holder(np);
    if (holders.empty() && np > first_ && Is(np - 1, ChunkKind::kPreposition) &&
        (d_.IsWord(d_.chunks[np - 1].first, "to") || d_.IsWord(d_.chunks[np - 1].first, "at")))
      if (int verb = ClauseVerb(np); verb >= 0) holders = Agent(static_cast<uint32_t>(verb));
    all.insert(all.begin(), holders.begin(), holders.end());
  }
  return all;
}

Actors ArgumentFinder::WherePlace(uint32_t chunk) const {
  // ("where he is due to hold talks", "where she will meet B": not yet)
  auto ahead = [&](uint32_t c) {
    if (d_.chunks[c].modal) return true;
    for (uint32_t t = d_.chunks[c].first; t < d_.chunks[c].last; ++t)
      if (d_.Is(t, "modal") || d_.IsWord(t, "due")) return true;
    return false;
  };
  for (uint32_t c = chunk; c < last_ && c <= chunk + 1 && !Is(c, ChunkKind::kComma); ++c)
    if (ahead(c)) return {};
  for (uint32_t c = chunk; c-- > first_;) {
    if (ahead(c)) return {};
    if (Is(c, ChunkKind::kSubordinator)) {
      if (!d_.IsWord(d_.chunks[c].first, "where") || c < first_ + 2 || !Is(c - 1, ChunkKind::kComma) ||
          !Is(c - 2, ChunkKind::kNoun))
        return {};
      Actors places;
      for (const Ref& r : ListEndingAt(c - 2))
        if (r.type == EntityType::kLocation || r.type == EntityType::kCountry) places.push_back(r);
      return places;
    }
    if (Is(c, ChunkKind::kBoundary)) return {};
  }
  return {};
}

int ArgumentFinder::HeldParticiple(uint32_t np) const {
  if (!d_.frames || !d_.lexicon) return -1;
  uint32_t c = np + 1;
  while (c + 1 < last_ && (Is(c, ChunkKind::kPreposition) || Is(c, ChunkKind::kCoordinator)) && Is(c + 1, ChunkKind::kNoun))
    c += 2;
  if (Is(c, ChunkKind::kComma)) ++c;
  if (!Is(c, ChunkKind::kVerb)) return -1;
  const Chunk& v = d_.chunks[c];
  if (!v.passive && d_.tags[v.head].form != VerbForm::kParticiple) return -1;
  return d_.frames->IsLightVerb(d_.lexicon->LemmaText(d_.tags[v.head].lemma)) ? static_cast<int>(c) : -1;
}

Actors ArgumentFinder::OfWhich(uint32_t np) const {
  for (uint32_t c = np; c-- > first_ + 3;) {
    if (Is(c, ChunkKind::kNoun) && d_.IsWord(d_.chunks[c].first, "which") && d_.chunks[c].last == d_.chunks[c].first + 1) {
      if (!Is(c - 1, ChunkKind::kPreposition) || !d_.IsWord(d_.chunks[c - 1].first, "of") || !Is(c - 2, ChunkKind::kComma) ||
          !Is(c - 3, ChunkKind::kNoun))
        return {};
      return ListEndingAt(c - 3);
    }
    if (Is(c, ChunkKind::kComma) || Is(c, ChunkKind::kBoundary) || Is(c, ChunkKind::kSubordinator)) return {};
  }
  return {};
}

Actors ArgumentFinder::Attributed(uint32_t np) const {
  uint32_t c = np + 1;
  // past the noun's own phrases: "a strike on a fuel depot in B, blamed on C"
  for (int phrases = 0; phrases < 2 && Is(c, ChunkKind::kPreposition) && Is(c + 1, ChunkKind::kNoun); ++phrases) c += 2;
  if (Is(c, ChunkKind::kComma)) ++c;
  if (!Is(c, ChunkKind::kVerb) || !d_.Is(d_.chunks[c].head, "attribution_verb") || !Is(c + 1, ChunkKind::kPreposition) ||
      !Is(c + 2, ChunkKind::kNoun))
    return {};
  const uint32_t prep = d_.chunks[c + 1].first;
  if (!d_.IsWord(prep, "on") && !d_.IsWord(prep, "to") && !d_.IsWord(prep, "by")) return {};
  return ListFrom(c + 2);
}

Actors ArgumentFinder::ParticipantsOfVerb(uint32_t verb) const {
  // passive, or a participle whose "by" follows ("the summit, chaired by
  // A,", "attended by B" sharing the first verb's auxiliary)
  auto listed_by = [&](uint32_t v) {
    const bool by = Is(v + 1, ChunkKind::kPreposition) && d_.IsWord(d_.chunks[v + 1].first, "by");
    // "attended by, among others, A and B": past the aside
    if (by && Is(v + 2, ChunkKind::kComma) && Is(v + 3, ChunkKind::kPreposition) && d_.IsWord(d_.chunks[v + 3].first, "among") &&
        Is(v + 4, ChunkKind::kNoun) && d_.IsWord(d_.chunks[v + 4].first, "others") && Is(v + 5, ChunkKind::kComma) &&
        Is(v + 6, ChunkKind::kNoun))
      return ListFrom(v + 6);
    if (d_.chunks[v].passive || by) return PrepAfter(v, "by", false);
    return Is(v + 1, ChunkKind::kNoun) ? ListFrom(v + 1) : Actors{};
  };
  // "the summit was not attended by A", "will be attended by A": no one
  // (yet) took part
  if (d_.chunks[verb].negated || d_.chunks[verb].modal) return {};
  Actors listed = listed_by(verb);
  if (listed.empty()) return listed;
  // "chaired by A and attended by B": the next participant verb's list too
  uint32_t c = d_.chunk_of[listed.back().last - 1] + 1;
  if (Is(c, ChunkKind::kComma)) ++c;
  if (!Is(c, ChunkKind::kCoordinator) || !Is(c + 1, ChunkKind::kVerb)) return listed;
  if (!d_.frames->IsParticipantVerb(HeadLemma(c + 1))) return listed;
  const Actors more = listed_by(c + 1);
  listed.insert(listed.end(), more.begin(), more.end());
  return listed;
}

Actors ArgumentFinder::ParticipationList(uint32_t prep) const {
  if (!Is(prep + 1, ChunkKind::kNoun) || !Is(prep + 2, ChunkKind::kPreposition) ||
      !d_.IsWord(d_.chunks[prep + 2].first, "of") || !Is(prep + 3, ChunkKind::kNoun))
    return {};
  const uint32_t head = d_.chunks[prep + 1].head;
  if (!d_.frames->IsParticipationNoun(d_.lexicon->LemmaText(d_.tags[head].lemma))) return {};
  return ListFrom(prep + 3);
}

Actors ArgumentFinder::EnvoyStates(uint32_t verb) const {
  Actors out;
  for (Ref ref : Patient(verb)) {
    if (ref.type == EntityType::kCountry) {
      out.push_back(ref);
    } else if (IsPersonRef(ref) && ref.entities.size() == 1) {
      const int state = d_.entities[ref.entities[0]].country;
      if (state < 0) continue;
      ref.entities = {state};
      ref.type = EntityType::kCountry;
      ref.resolved = true;  // (the state is read from the person, not written here)
      out.push_back(ref);
    }
  }
  return out;
}

Actors ArgumentFinder::CopulaSubject(uint32_t np) const {
  int verb = Governor(np);
  // "B's ships are now legitimate targets": past an adverb
  if (verb < 0 && np >= first_ + 2 && Is(np - 1, ChunkKind::kOther) && Is(np - 2, ChunkKind::kVerb))
    verb = static_cast<int>(np - 2);
  if (verb < 0 || !d_.lexicon || HeadLemma(verb) != "be") return {};
  return Agent(static_cast<uint32_t>(verb));
}

}  // namespace irkg::internal
