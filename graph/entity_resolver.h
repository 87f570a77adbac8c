// EntityResolver: which observations of entities are one real-world actor.
//
// What this object represents: a decision over a set of observations (an
// entity as one article named it, with the offices that article gives it),
// partitioning them into clusters, one per actor, with the rule behind every
// link and the near misses it kept apart. GraphBuilder::Build uses it at merge
// time; `irkg explain` prints its reasons (queries/resolution_explanation.h).
//
// The result depends only on the set of observations and on the content of
// their articles, never on article ids or input order: an article read
// twice under two ids is one story (StoryFingerprint), so a corpus read twice
// gives the entities it gives once. Types never merge. Cost is near-linear:
// persons are compared only within a block of one folded surname, and
// offices are looked up by (surname, title, state, year).
//
// Person names are compared by one folding routine (PersonNameTokens):
// NameKey (case, accents, punctuation), honorifics and Arabic article
// particles dropped ("Mr", "al-", "el-"), transliteration variants folded
// ("Zelenskyy"/"Zelenskiy"/"Zelensky", "Bayramov"/"Bairamov"). The lists of
// honorifics, particles and variants are data (graph/person_name_folds.h).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/huge_page_allocator.h"
#include "core/iso_date.h"  // YearOf, for the offices of observations
#include "core/schema.h"
#include "core/symbol.h"

namespace irkg {

// An office an article says the entity holds: the title as NameKey folds it,
// the state's ISO code and the year of the evidence (0 when undated).
struct OfficeSighting {
  Symbol title_key;
  Symbol state_code;
  int year = 0;
  auto operator<=>(const OfficeSighting&) const = default;
};

// One entity as one article named it. Its mentions and offices lie in
// the arrays of the ResolverInput that holds it (one array for all of them:
// a list allocated per observation was a cache miss each for the resolver,
// scattered over the heap), found by position and count: 48 bytes an
// observation, where two spans made it 64 (a million articles have six
// million observations, the largest array while resolving).
struct NameObservation {
  EntityType type = EntityType::kPerson;
  Symbol article;
  Symbol name;
  Symbol code;     // ISO 3166-1 alpha-3 for countries
  Symbol subtype;  // not read by the resolver: the graph's entities take it
  int year = 0;    // the article's year, 0 when undated
  uint64_t story = 0;  // StoryFingerprint of the article
  uint32_t first_mention = 0, mention_count = 0;  // the article's other words for it
  uint32_t first_office = 0, office_count = 0;    // sorted, unique
};
static_assert(sizeof(NameObservation) == 48);

// The observations to resolve (in any order; the partition does not depend
// on it), and the arrays their mentions and offices lie in.
struct ResolverInput {
  LargeVector<NameObservation> observations;
  LargeVector<OfficeSighting> offices;
  LargeVector<Symbol> mentions;

  std::span<const Symbol> MentionsOf(const NameObservation& o) const {
    return {mentions.data() + o.first_mention, o.mention_count};
  }
  std::span<const OfficeSighting> OfficesOf(const NameObservation& o) const {
    return {offices.data() + o.first_office, o.office_count};
  }
};

enum class ResolutionRule {
  kSameName,         // the same name, once folded (spelling, accents, honorifics)
  kShortForm,        // a shorter form of exactly one fuller name ("Javad Zarif")
  kSurnameInStory,   // a surname alone, in the same story as the full name
  kSurnameByOffice,  // a surname alone; the one full name with its title, state and year (±2; any when undated)
  kSurnameByState,   // a surname alone, no title; the one full name in office in a state the article names (±2 years)
  kSameStory,        // a surname alone, twice in one story (an article and its copies)
  kCountryCode,      // one ISO code
  kCountryName,      // a state's name that only one code claims
  kAcronym,          // an acronym that only one full name lists
};
std::string_view ResolutionRuleName(ResolutionRule rule);

// Observation `from` joined `to`'s cluster by `rule`.
struct ResolutionLink {
  size_t from = 0;
  size_t to = 0;
  ResolutionRule rule = ResolutionRule::kSameName;
};

// Observations that looked alike but stay apart, and why.
struct NearMiss {
  size_t observation = 0;
  size_t candidate = 0;
  std::string reason;
};

struct Resolution {
  // For each observation, the smallest observation index of its cluster
  // (32 bits, as observations are numbered: at a million articles six
  // million of these, which Build() reads twice; in huge pages, made from
  // memory the resolver kept rather than 48 MB of fresh small pages).
  LargeVector<uint32_t> cluster;
  // With `explain` only: every link made, and the near misses.
  std::vector<ResolutionLink> links;
  std::vector<NearMiss> near_misses;
};

// Partitions the input's observations.
Resolution ResolveEntities(const ResolverInput& input, bool explain = false);

// A fingerprint of an article's content from hashes of its parts (its
// observations and pieces of evidence): equal for an article and its copy
// under a new id, whatever order the parts come in.
uint64_t StoryFingerprint(std::vector<uint64_t> part_hashes);
// The same, sorting (and reordering) the caller's hashes rather than a copy.
uint64_t StoryFingerprintInPlace(std::span<uint64_t> part_hashes);
uint64_t HashText(std::string_view text, uint64_t seed = 0);

// A news agency's tag as a dateline writes it, "(XNA)": a parenthesised run
// of capitals. Never the name of a state, whatever article it sits in.
bool IsAgencyTag(std::string_view mention);

// "OSCE", "NATO", "G20": two to ten capitals and digits, at least two capitals.
bool IsAcronym(std::string_view s);

// --- Person names: the one folding routine -----------------------------------

// The tokens of NameKey(name), honorifics and article particles dropped, each
// folded by TransliterationKey; a single letter stands for an initial.
std::vector<std::string> PersonNameTokens(std::string_view name);

// Folds one lower-case ASCII token so that spellings that differ only by
// romanization convention compare equal. Not meant to be read.
std::string TransliterationKey(std::string_view token);

// True when `shorter` could be a shortened form of the different name
// `longer`: both end in the same surname, and the tokens of `shorter` appear
// in order in `longer`, an initial matching a token with that first letter.
bool CouldBeShortFormOf(const std::vector<std::string>& shorter, const std::vector<std::string>& longer);

}  // namespace irkg
