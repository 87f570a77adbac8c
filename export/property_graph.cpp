#include "export/property_graph.h"

#include <algorithm>
#include <tuple>

#include "export/rdf_graph.h"

namespace irkg::pg {

std::vector<VertexId> EntitiesInOrder(const KnowledgeGraph& graph) {
  return EntitiesInIdOrder(graph);
}

std::vector<EdgeId> RelationsInOrder(const KnowledgeGraph& graph) { return EdgesInIdOrder(graph); }

std::string RelationshipType(Predicate p) {
  std::string out;
  for (char c : PredicateName(p)) {
    if (c >= 'A' && c <= 'Z') {
      out.push_back('_');
      out.push_back(c);
    } else {
      out.push_back(static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c));
    }
  }
  return out;
}

std::string_view Cameo(const Relation& r) { return Info(r.predicate).cameo; }

std::string Goldstein(const Relation& r) {
  return Cameo(r).empty() ? std::string() : rdf::DoubleLexical(Info(r.predicate).goldstein);
}

std::string_view FirstEvidence(const Relation& r) {
  for (const Evidence& e : r.evidence)
    if (!e.text.empty()) return e.text;
  return {};
}

Status CheckText(const KnowledgeGraph& graph) {
  // The RDF walk already visits every string and names the culprit.
  return rdf::ForEachTriple(graph, [](const rdf::Term&, std::string_view, const rdf::Term&) {});
}

}  // namespace irkg::pg
