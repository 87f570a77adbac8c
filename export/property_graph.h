// What the property-graph exports (GraphML, Neo4j, Cypher, Kùzu) share: the
// order entities and relations are written in (the JSON-LD's, so files diff
// well), the relationship type names, and the check that the text is UTF-8
// before a single byte is written.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "graph/knowledge_graph.h"

namespace irkg::pg {

// Entities sorted by id; relations by (subject id, predicate, object id).
std::vector<VertexId> EntitiesInOrder(const KnowledgeGraph& graph);
std::vector<EdgeId> RelationsInOrder(const KnowledgeGraph& graph);

// The Neo4j-style relationship type of a predicate: "HOLDS_POSITION". Only
// ever made from the fixed schema, never from data.
std::string RelationshipType(Predicate p);

// The event coding of a relation's predicate: its CAMEO root code and the
// Goldstein weight as the RDF form writes it ("5.0E0"); both empty for
// predicates that are not events (holdsPosition, memberOf, ...).
std::string_view Cameo(const Relation& r);
std::string Goldstein(const Relation& r);

// The first evidence sentence of a relation, empty for background knowledge.
std::string_view FirstEvidence(const Relation& r);

// Fails, naming the entity or statement, when some text is not UTF-8.
Status CheckText(const KnowledgeGraph& graph);

}  // namespace irkg::pg
