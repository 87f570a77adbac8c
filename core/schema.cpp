#include "core/schema.h"

namespace irkg {
namespace {

constexpr unsigned kPerson = TypeBit(EntityType::kPerson);
constexpr unsigned kCountry = TypeBit(EntityType::kCountry);
constexpr unsigned kOrg = TypeBit(EntityType::kOrganization);
constexpr unsigned kLoc = TypeBit(EntityType::kLocation);
constexpr unsigned kAgreement = TypeBit(EntityType::kAgreement);
constexpr unsigned kActor = kPerson | kCountry | kOrg;

using F = PredicateFamily;
// Goldstein weights are those of the CAMEO root categories (Goldstein 1992 as
// used by GDELT); hostile roots are negative.
constexpr std::array<PredicateInfo, kPredicateCount> kPredicates = {{
    {Predicate::kHoldsPosition, "holdsPosition", false, "", 0.0, F::kStructural, kPerson, kCountry | kOrg, false},
    {Predicate::kMemberOf, "memberOf", false, "", 0.0, F::kStructural, kCountry | kOrg, kOrg, false},
    {Predicate::kLocatedIn, "locatedIn", false, "", 0.0, F::kStructural, kOrg | kLoc, kLoc | kCountry, false},
    {Predicate::kDiplomaticRelations, "diplomaticRelations", true, "", 0.0, F::kCooperative, kCountry, kCountry, false},
    {Predicate::kHasEmbassyIn, "hasEmbassyIn", false, "", 0.0, F::kCooperative, kCountry, kCountry | kLoc, false},
    {Predicate::kMetWith, "metWith", true, "04", 1.0, F::kCooperative, kActor, kActor, false},
    {Predicate::kVisited, "visited", false, "04", 1.9, F::kCooperative, kPerson | kCountry, kCountry | kLoc, false},
    {Predicate::kSigned, "signed", false, "05", 3.5, F::kCooperative, kActor, kAgreement, false},
    {Predicate::kCooperatesWith, "cooperatesWith", true, "06", 6.0, F::kCooperative, kActor, kActor, true},
    {Predicate::kSupports, "supports", false, "05", 3.5, F::kCooperative, kActor, kActor, true},
    {Predicate::kSupplies, "supplies", false, "07", 7.0, F::kCooperative, kCountry | kOrg, kCountry, true},
    {Predicate::kCriticizes, "criticizes", false, "11", -2.0, F::kHostile, kActor, kActor, true},
    {Predicate::kThreatens, "threatens", false, "13", -6.0, F::kHostile, kActor, kActor, true},
    {Predicate::kSanctions, "sanctions", false, "16", -4.0, F::kHostile, kActor, kActor, false},
    {Predicate::kAttacks, "attacks", false, "18", -9.0, F::kHostile, kActor, kActor | kLoc, false},
}};

constexpr std::array<std::string_view, kEntityTypeCount> kTypeNames = {
    "Person", "Country", "Organization", "Location", "Agreement", "Project"};

}  // namespace

std::string_view EntityTypeName(EntityType t) { return kTypeNames[static_cast<int>(t)]; }

std::optional<EntityType> ParseEntityType(std::string_view name) {
  for (int i = 0; i < kEntityTypeCount; ++i)
    if (kTypeNames[i] == name) return static_cast<EntityType>(i);
  return std::nullopt;
}

const PredicateInfo& Info(Predicate p) { return kPredicates[static_cast<int>(p)]; }
const std::array<PredicateInfo, kPredicateCount>& AllPredicates() { return kPredicates; }

std::optional<Predicate> ParsePredicate(std::string_view name) {
  for (const auto& info : kPredicates)
    if (info.name == name) return info.predicate;
  return std::nullopt;
}

bool Admits(Predicate p, EntityType s, EntityType o) {
  const auto& info = Info(p);
  return (info.subject_types & TypeBit(s)) && (info.object_types & TypeBit(o));
}

}  // namespace irkg
