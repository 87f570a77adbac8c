// States of the signers: one who signs a named agreement in an office of a
// state signs it for that state, so the state is a party too (ANNOTATION.md:
// "signed for each named signatory, state or person").
//
//   Foreign Ministers A of Chile and B of Peru signed the Lima Accord.
//       -> Chile signed Lima Accord, Peru signed Lima Accord
//   A, whom the text ties to no state, signed the Lima Accord -> A alone
//
// Reads: the signed facts found in the sentence from `first_fact` on, and
// the persons' states (EntityInfo::country, from the office pass). Run after
// the frame pass of each sentence. Adds: signed facts (rule
// "sign.signer-state"), at the signer's confidence less a tenth.
#include <algorithm>

#include "extract/relation_rules.h"

namespace irkg::internal {

void AddSignerStates(Document* doc, size_t first_fact) {
  const size_t end = doc->facts.size();
  for (size_t k = first_fact; k < end; ++k) {
    const Fact f = doc->facts[k];  // (a copy: the vector grows below)
    if (f.predicate != Predicate::kSigned) continue;
    const EntityInfo& signer = doc->entities[f.subject];
    if (signer.type != EntityType::kPerson || signer.country < 0) continue;
    // (a state the rules found signing already keeps that fact: the record
    // keeps the first fact of each triple)
    Fact party = f;
    party.subject = signer.country;
    party.title.clear();
    party.confidence = std::max(0.3, f.confidence - 0.1);
    party.rule = "sign.signer-state";
    doc->facts.push_back(std::move(party));
  }
}

}  // namespace irkg::internal
