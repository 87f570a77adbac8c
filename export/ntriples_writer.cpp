#include "export/ntriples_writer.h"

#include "export/escape.h"

namespace irkg {
namespace {

constexpr char kHex[] = "0123456789ABCDEF";

// IRIREF excludes controls, space and <>"{}|^`\ ; %XX keeps the IRI's
// meaning for the few that entity ids could smuggle in.
bool ForbiddenInIri(unsigned char c) {
  return c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' ||
         c == '`' || c == '\\';
}

}  // namespace

void AppendIriRef(std::string_view iri, std::string* out) {
  out->push_back('<');
  for (unsigned char c : iri) {
    if (ForbiddenInIri(c)) {
      out->push_back('%');
      out->push_back(kHex[c >> 4]);
      out->push_back(kHex[c & 15]);
    } else {
      out->push_back(static_cast<char>(c));
    }
  }
  out->push_back('>');
}

void AppendQuotedString(std::string_view text, std::string* out) { AppendBackslashEscaped(text, '"', out); }

void AppendNTriplesTerm(const rdf::Term& term, std::string* out) {
  switch (term.kind) {
    case rdf::Term::Kind::kIri: AppendIriRef(term.value, out); break;
    case rdf::Term::Kind::kBlank:
      out->append("_:");
      out->append(term.value);
      break;
    case rdf::Term::Kind::kLiteral:
      AppendQuotedString(term.value, out);
      if (!term.datatype.empty()) {
        out->append("^^");
        AppendIriRef(term.datatype, out);
      }
      break;
  }
}

Status WriteNTriples(const KnowledgeGraph& graph, OutputFile& out) {
  std::string buffer;
  Status s = rdf::ForEachTriple(graph, [&](const rdf::Term& subject, std::string_view predicate, const rdf::Term& object) {
    AppendNTriplesTerm(subject, &buffer);
    buffer.push_back(' ');
    AppendIriRef(predicate, &buffer);
    buffer.push_back(' ');
    AppendNTriplesTerm(object, &buffer);
    buffer.append(" .\n");
    if (buffer.size() >= (1 << 16)) {
      out.Write(buffer);
      buffer.clear();
    }
  });
  if (!s.ok()) return s;
  out.Write(buffer);
  return Status::Ok();
}

}  // namespace irkg
