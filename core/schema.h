// The irkg schema (../shared/SCHEMA.md) as values: the six entity types and
// the fifteen predicates, with the facts every module needs about them
// (names, symmetry, CAMEO root code, Goldstein weight, admitted types).
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace irkg {

enum class EntityType : unsigned char { kPerson, kCountry, kOrganization, kLocation, kAgreement, kProject };
inline constexpr int kEntityTypeCount = 6;

enum class Predicate : unsigned char {
  kHoldsPosition, kMemberOf, kLocatedIn, kDiplomaticRelations, kHasEmbassyIn,
  kMetWith, kVisited, kSigned, kCooperatesWith, kSupports, kSupplies,
  kCriticizes, kThreatens, kSanctions, kAttacks,
};
inline constexpr int kPredicateCount = 15;

// How a predicate reads on a diagram: friendly, hostile or a fact of structure.
enum class PredicateFamily : unsigned char { kStructural, kCooperative, kHostile };

struct PredicateInfo {
  Predicate predicate;
  std::string_view name;       // the SCHEMA.md name, e.g. "holdsPosition"
  bool symmetric;
  std::string_view cameo;      // CAMEO root code, empty when none
  double goldstein;            // Goldstein scale weight of the CAMEO root; 0 when none
  PredicateFamily family;
  unsigned subject_types;      // bit set of EntityType admitted as subject
  unsigned object_types;       // bit set of EntityType admitted as object
  // A stance or a flow that holds until stopped ("ended its cooperation",
  // "halted gas supplies"), not an event, which a verb of ending only tells
  // ("the talks ended").
  bool standing;
};

constexpr unsigned TypeBit(EntityType t) { return 1u << static_cast<unsigned>(t); }

std::string_view EntityTypeName(EntityType t);
std::optional<EntityType> ParseEntityType(std::string_view name);

const PredicateInfo& Info(Predicate p);
const std::array<PredicateInfo, kPredicateCount>& AllPredicates();
std::optional<Predicate> ParsePredicate(std::string_view name);
inline std::string_view PredicateName(Predicate p) { return Info(p).name; }

// True when SCHEMA.md admits subject type `s` and object type `o` for `p`.
bool Admits(Predicate p, EntityType s, EntityType o);

}  // namespace irkg
