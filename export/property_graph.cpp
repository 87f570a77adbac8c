#include "export/property_graph.h"

#include <algorithm>
#include <tuple>

#include "export/rdf_graph.h"

namespace irkg::pg {

std::vector<VertexId> EntitiesInOrder(const KnowledgeGraph& graph) {
  std::vector<VertexId> vertices;
  for (VertexId v : boost::make_iterator_range(boost::vertices(graph.boost_graph()))) vertices.push_back(v);
  std::sort(vertices.begin(), vertices.end(),
            [&](VertexId a, VertexId b) { return graph.entity(a).id < graph.entity(b).id; });
  return vertices;
}

std::vector<EdgeId> RelationsInOrder(const KnowledgeGraph& graph) {
  std::vector<EdgeId> edges;
  for (EdgeId e : boost::make_iterator_range(boost::edges(graph.boost_graph()))) edges.push_back(e);
  auto key = [&](EdgeId e) {
    return std::tie(graph.entity(graph.source(e)).id, graph.relation(e).predicate, graph.entity(graph.target(e)).id);
  };
  std::stable_sort(edges.begin(), edges.end(), [&](EdgeId a, EdgeId b) { return key(a) < key(b); });
  return edges;
}

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
