#include "export/graphml_writer.h"

#include <string>
#include <vector>

#include "core/text.h"
#include "export/escape.h"
#include "export/property_graph.h"
#include "export/rdf_graph.h"

namespace irkg {
namespace {

class GraphMlOut {
 public:
  explicit GraphMlOut(OutputFile& out) : out_(out) {}
  ~GraphMlOut() { out_.Write(buffer_); }
  std::string& raw() { return buffer_; }
  void Text(std::string_view s) { AppendXml(s, &buffer_); }
  void Data(std::string_view key, std::string_view value) {
    if (value.empty()) return;
    buffer_.append("      <data key=\"").append(key).append("\">");
    AppendXml(value, &buffer_);
    buffer_.append("</data>\n");
  }
  void Flush() {
    if (buffer_.size() < (1 << 16)) return;
    out_.Write(buffer_);
    buffer_.clear();
  }

 private:
  OutputFile& out_;
  std::string buffer_;
};

}  // namespace

Status WriteGraphMl(const KnowledgeGraph& graph, OutputFile& out) {
  // Check the text first: DecodeUtf8 would silently repair it.
  if (Status valid = pg::CheckText(graph); !valid.ok()) return valid;

  GraphMlOut w(out);
  w.raw().append(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
      "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
      "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
      "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
      "  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
      "  <key id=\"subtype\" for=\"node\" attr.name=\"subtype\" attr.type=\"string\"/>\n"
      "  <key id=\"code\" for=\"node\" attr.name=\"code\" attr.type=\"string\"/>\n"
      "  <key id=\"aliases\" for=\"node\" attr.name=\"aliases\" attr.type=\"string\"/>\n"
      "  <key id=\"predicate\" for=\"edge\" attr.name=\"predicate\" attr.type=\"string\"/>\n"
      "  <key id=\"titles\" for=\"edge\" attr.name=\"titles\" attr.type=\"string\"/>\n"
      "  <key id=\"dates\" for=\"edge\" attr.name=\"dates\" attr.type=\"string\"/>\n"
      "  <key id=\"confidence\" for=\"edge\" attr.name=\"confidence\" attr.type=\"double\"/>\n"
      "  <key id=\"article_count\" for=\"edge\" attr.name=\"article_count\" attr.type=\"int\"/>\n"
      "  <key id=\"first_seen\" for=\"edge\" attr.name=\"first_seen\" attr.type=\"string\"/>\n"
      "  <key id=\"last_seen\" for=\"edge\" attr.name=\"last_seen\" attr.type=\"string\"/>\n"
      "  <key id=\"cameo\" for=\"edge\" attr.name=\"cameo\" attr.type=\"string\"/>\n"
      "  <key id=\"goldstein\" for=\"edge\" attr.name=\"goldstein\" attr.type=\"double\"/>\n"
      "  <key id=\"evidence\" for=\"edge\" attr.name=\"evidence\" attr.type=\"string\"/>\n"
      "  <graph id=\"irkg\" edgedefault=\"directed\">\n");

  for (VertexId v : pg::EntitiesInOrder(graph)) {
    const Entity& e = graph.entity(v);
    w.raw().append("    <node id=\"");
    w.Text(e.id);
    w.raw().append("\">\n");
    w.Data("name", e.name);
    w.Data("type", EntityTypeName(e.type));
    w.Data("subtype", e.subtype);
    w.Data("code", e.code);
    w.Data("aliases", Join(e.aliases, "; "));
    w.raw().append("    </node>\n");
    w.Flush();
  }

  std::vector<EdgeId> edges = pg::RelationsInOrder(graph);
  for (size_t i = 0; i < edges.size(); ++i) {
    const Relation& r = graph.relation(edges[i]);
    w.raw().append("    <edge id=\"r" + std::to_string(i + 1) + "\" source=\"");
    w.Text(graph.entity(graph.source(edges[i])).id);
    w.raw().append("\" target=\"");
    w.Text(graph.entity(graph.target(edges[i])).id);
    w.raw().append("\">\n");
    w.Data("predicate", PredicateName(r.predicate));
    w.Data("titles", Join(Titles(r), "; "));
    w.Data("dates", Join(Dates(r), "; "));
    // The JSON-LD's value, so every export agrees on the number.
    w.Data("confidence", rdf::DoubleLexical(r.confidence));
    w.Data("article_count", std::to_string(r.article_count));
    w.Data("first_seen", FirstSeen(r));
    w.Data("last_seen", LastSeen(r));
    w.Data("cameo", pg::Cameo(r));
    w.Data("goldstein", pg::Goldstein(r));
    w.Data("evidence", pg::FirstEvidence(r));
    w.raw().append("    </edge>\n");
    w.Flush();
  }
  w.raw().append("  </graph>\n</graphml>\n");
  return Status::Ok();
}

}  // namespace irkg
