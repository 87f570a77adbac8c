// N-Triples (RDF 1.1): the graph as one triple per line, exactly the triples
// its JSON-LD expands to (rdf_graph.h). Line-oriented, so it streams, splits
// and concatenates; blank node labels are unique within one file only.
#pragma once

#include <string>
#include <string_view>

#include "core/output_file.h"
#include "core/status.h"
#include "export/rdf_graph.h"
#include "graph/knowledge_graph.h"

namespace irkg {

// Streams the graph into `out`; the caller commits it.
Status WriteNTriples(const KnowledgeGraph& graph, OutputFile& out);

// The N-Triples spelling of one term, which Turtle shares:
// <iri> with anything IRIREF forbids percent-encoded, _:label, or a quoted
// literal with \" \\ \n \r \t and \uXXXX for the other control characters,
// followed by ^^<datatype> unless it is xsd:string.
void AppendNTriplesTerm(const rdf::Term& term, std::string* out);
void AppendIriRef(std::string_view iri, std::string* out);
void AppendQuotedString(std::string_view text, std::string* out);

}  // namespace irkg
