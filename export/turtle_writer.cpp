#include "export/turtle_writer.h"

#include <array>
#include <utility>

#include "export/ntriples_writer.h"
#include "export/rdf_graph.h"
#include "graph/vocabulary.h"

namespace irkg {
namespace {

const std::array<std::pair<std::string_view, std::string_view>, 4> kPrefixes = {{
    {"irkg", vocab::kVocabBase}, {"schema", vocab::kSchemaOrg}, {"rdf", vocab::kRdf}, {"xsd", vocab::kXsd}}};

// Only vocabulary IRIs become prefixed names, and only when the local part
// is plain ASCII letters and digits: entity IRIs carry percent escapes and
// UTF-8, which PN_LOCAL rules make easy to get wrong, so they stay <...>.
bool PlainLocalName(std::string_view s) {
  if (s.empty()) return false;
  for (unsigned char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  return true;
}

void AppendIri(std::string_view iri, std::string* out) {
  if (iri == std::string(vocab::kRdf) + "type") {
    out->push_back('a');
    return;
  }
  for (const auto& [prefix, base] : kPrefixes) {
    if (iri.substr(0, base.size()) == base && PlainLocalName(iri.substr(base.size()))) {
      out->append(prefix);
      out->push_back(':');
      out->append(iri.substr(base.size()));
      return;
    }
  }
  AppendIriRef(iri, out);
}

void AppendObject(const rdf::Term& term, std::string* out) {
  if (term.kind == rdf::Term::Kind::kIri) return AppendIri(term.value, out);
  if (term.kind == rdf::Term::Kind::kLiteral && !term.datatype.empty()) {
    std::string_view type = term.datatype.substr(vocab::kXsd.size());
    // Turtle's INTEGER, DOUBLE and BooleanLiteral stand for exactly these
    // datatypes; the lexical forms rdf_graph.h makes fit their grammar.
    if (term.datatype.substr(0, vocab::kXsd.size()) == vocab::kXsd &&
        (type == "integer" || type == "double" || type == "boolean")) {
      out->append(term.value);
      return;
    }
    AppendQuotedString(term.value, out);
    out->append("^^");
    AppendIri(term.datatype, out);
    return;
  }
  AppendNTriplesTerm(term, out);
}

}  // namespace

Status WriteTurtle(const KnowledgeGraph& graph, OutputFile& out) {
  std::string buffer;
  for (const auto& [prefix, base] : kPrefixes) {
    buffer.append("@prefix ").append(prefix).append(": ");
    AppendIriRef(base, &buffer);
    buffer.append(" .\n");
  }
  bool open = false;
  rdf::Term last;
  std::string last_predicate;
  Status s = rdf::ForEachTriple(graph, [&](const rdf::Term& subject, std::string_view predicate, const rdf::Term& object) {
    bool same_subject = open && subject.kind == last.kind && subject.value == last.value;
    if (same_subject && predicate == last_predicate) {
      buffer.append(" ,\n        ");
      AppendObject(object, &buffer);
      return;
    }
    if (same_subject) {
      buffer.append(" ;\n    ");
    } else {
      if (open) buffer.append(" .\n");
      buffer.push_back('\n');
      if (subject.kind == rdf::Term::Kind::kIri) AppendIriRef(subject.value, &buffer);
      else AppendNTriplesTerm(subject, &buffer);
      buffer.append("\n    ");
      last = subject;
      open = true;
    }
    last_predicate = predicate;
    AppendIri(predicate, &buffer);
    buffer.push_back(' ');
    AppendObject(object, &buffer);
    if (buffer.size() >= (1 << 16)) {
      out.Write(buffer);
      buffer.clear();
    }
  });
  if (!s.ok()) return s;
  if (open) buffer.append(" .\n");
  out.Write(buffer);
  return Status::Ok();
}

}  // namespace irkg
