// The RDF graph that a KnowledgeGraph's JSON-LD (jsonld_writer.h) denotes,
// as a stream of triples, so that N-Triples and Turtle say exactly what the
// JSON-LD says. This is the one place that knows how JSON-LD expansion turns
// our @context into RDF: keep it in step with jsonld_writer.cpp.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "core/status.h"
#include "graph/knowledge_graph.h"

namespace irkg::rdf {

struct Term {
  enum class Kind : unsigned char { kIri, kBlank, kLiteral };
  Kind kind = Kind::kIri;
  std::string value;          // IRI, blank node label (no "_:"), or lexical form
  std::string_view datatype;  // literals only: a full IRI, empty for xsd:string
};

// Every triple of the graph, grouped by subject: all triples of one subject
// come together, so a Turtle writer can use ';'. Blank node labels are
// ASCII letters and digits. Fails (naming the place) on text that is not
// UTF-8, as the JSON-LD writer does.
using TripleSink = std::function<void(const Term& subject, std::string_view predicate, const Term& object)>;
Status ForEachTriple(const KnowledgeGraph& graph, const TripleSink& sink);

// The lexical form JSON-LD gives a JSON number coerced to xsd:double, for
// the number as jsonld_writer prints it: "9.7E-1", "1.0E0".
std::string DoubleLexical(double value);

}  // namespace irkg::rdf
