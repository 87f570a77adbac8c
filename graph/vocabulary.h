// The irkg RDF vocabulary: the IRIs a graph's entities, articles and
// predicates get in JSON-LD, the schema.org class of each entity, and the
// nearest Wikidata property of each predicate. The JSON-LD writer (export/)
// and the graph reader (graph/) both take their names from here, so that
// what one writes the other reads.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/schema.h"

namespace irkg::vocab {

inline constexpr std::string_view kEntityBase = "https://w3id.org/irkg/id/";
inline constexpr std::string_view kArticleBase = "https://w3id.org/irkg/id/article/";
inline constexpr std::string_view kVocabBase = "https://w3id.org/irkg/vocab#";
inline constexpr std::string_view kSchemaOrg = "https://schema.org/";
inline constexpr std::string_view kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";
inline constexpr std::string_view kWikidataProperty = "http://www.wikidata.org/prop/direct/";

// kEntityBase + the id, percent-encoding what an IRI path cannot hold.
std::string EntityIri(std::string_view entity_id);
std::string ArticleIri(std::string_view doc);
// The inverses; nullopt when `iri` does not start with the base.
std::optional<std::string> EntityIdFromIri(std::string_view iri);
std::optional<std::string> DocFromArticleIri(std::string_view iri);

// The schema.org class (local name, e.g. "GovernmentOrganization") for an
// entity of type `type` with `subtype`.
std::string_view SchemaOrgClass(EntityType type, std::string_view subtype);
// Every class SchemaOrgClass can return, for JSON-LD contexts.
const std::vector<std::string_view>& AllSchemaOrgClasses();

// kVocabBase + the SCHEMA.md name ("https://w3id.org/irkg/vocab#holdsPosition").
std::string PredicateIri(Predicate p);

// The Wikidata property nearest in meaning, empty when there is none.
// `exact` is false where the match is loose: P39 "position held" points at
// an office, not at the state; P1891 "signatory" runs from the agreement to
// the signer; P710 "participant" belongs to the meeting, not to the pair.
struct WikidataMapping {
  std::string_view property;  // "P530"
  bool exact;
};
WikidataMapping WikidataProperty(Predicate p);

}  // namespace irkg::vocab
