#include "export/graphml_writer.h"

#include <string>
#include <vector>

#include "core/text.h"
#include "export/property_graph.h"
#include "export/rdf_graph.h"

namespace irkg {
namespace {

// Character data and attribute values alike: the five markup characters as
// entities, and the code points XML 1.0 cannot carry at all (C0 controls
// other than tab, newline and return; U+FFFE, U+FFFF) dropped, since no
// escape can bring them through an XML parser.
void AppendXml(std::string_view text, std::string* out) {
  for (size_t i = 0; i < text.size();) {
    size_t at = i;
    char32_t cp = DecodeUtf8(text, &i);
    switch (cp) {
      case '<': out->append("&lt;"); break;
      case '>': out->append("&gt;"); break;
      case '&': out->append("&amp;"); break;
      case '"': out->append("&quot;"); break;
      case '\'': out->append("&apos;"); break;
      // Tab, newline and return are kept as references: attribute value
      // normalization would turn literal ones into spaces.
      case '\t': out->append("&#9;"); break;
      case '\n': out->append("&#10;"); break;
      case '\r': out->append("&#13;"); break;
      default:
        if (cp < 0x20 || cp == 0xFFFE || cp == 0xFFFF) break;
        out->append(text.substr(at, i - at));
    }
  }
}

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
    w.Data("evidence", pg::FirstEvidence(r));
    w.raw().append("    </edge>\n");
    w.Flush();
  }
  w.raw().append("  </graph>\n</graphml>\n");
  return Status::Ok();
}

}  // namespace irkg
