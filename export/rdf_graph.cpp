#include "export/rdf_graph.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <tuple>
#include <vector>

#include "core/text.h"
#include "graph/vocabulary.h"

namespace irkg::rdf {
namespace {

using vocab::kRdf;
using vocab::kSchemaOrg;
using vocab::kVocabBase;
using vocab::kXsd;

const std::string kRdfType = std::string(kRdf) + "type";
const std::string kRdfStatement = std::string(kRdf) + "Statement";
const std::string kXsdDouble = std::string(kXsd) + "double";
const std::string kXsdInteger = std::string(kXsd) + "integer";
const std::string kXsdBoolean = std::string(kXsd) + "boolean";

std::string Schema(std::string_view local) { return std::string(kSchemaOrg) + std::string(local); }
std::string Irkg(std::string_view local) { return std::string(kVocabBase) + std::string(local); }

// The predicate IRIs, built once rather than per triple.
struct Names {
  std::string name = Schema("name"), alternate_name = Schema("alternateName"), identifier = Schema("identifier");
  std::string entity_type = Irkg("entityType"), subtype = Irkg("subtype"), seen_in = Irkg("seenIn");
  std::string article = Irkg("article"), subject = std::string(kRdf) + "subject";
  std::string predicate = std::string(kRdf) + "predicate", object = std::string(kRdf) + "object";
  std::string title = Irkg("title"), date = Irkg("date"), what = Irkg("what"), confidence = Irkg("confidence");
  std::string article_count = Irkg("articleCount"), first_seen = Irkg("firstSeen"), last_seen = Irkg("lastSeen");
  std::string cameo = Irkg("cameo"), goldstein = Irkg("goldstein");
  std::string evidence = Irkg("evidence"), text = Irkg("text"), start = Irkg("start"), end = Irkg("end");
  std::string rule = Irkg("rule"), date_from_text = Irkg("dateFromText"), doc = Irkg("doc");
  std::string news_article = Schema("NewsArticle"), date_published = Schema("datePublished");
  std::string url = Schema("url"), headline = Schema("headline");
};

Term Iri(std::string iri) { return Term{Term::Kind::kIri, std::move(iri), {}}; }
Term Blank(std::string label) { return Term{Term::Kind::kBlank, std::move(label), {}}; }
Term Literal(std::string_view text, std::string_view datatype = {}) {
  return Term{Term::Kind::kLiteral, std::string(text), datatype};
}

// Emits triples for one subject and remembers the first text that is not
// UTF-8, so the caller reports it once instead of checking every call.
class Emitter {
 public:
  Emitter(const TripleSink& sink, std::string* bad_text) : sink_(sink), bad_text_(bad_text) {}
  void Subject(Term s) { subject_ = std::move(s); }
  void Add(std::string_view p, const Term& o) {
    if (o.kind == Term::Kind::kLiteral && bad_text_->empty() && FindInvalidUtf8(o.value) != std::string_view::npos)
      *bad_text_ = o.value;
    sink_(subject_, p, o);
  }
  void String(std::string_view p, std::string_view text) { Add(p, Literal(text)); }
  void StringIfSet(std::string_view p, std::string_view text) {
    if (!text.empty()) String(p, text);
  }
  void Strings(std::string_view p, const std::vector<Symbol>& values) {
    for (const auto& v : values) String(p, v);
  }
  void Integer(std::string_view p, uint64_t n) { Add(p, Literal(std::to_string(n), kXsdInteger)); }
  void Double(std::string_view p, double d) { Add(p, Literal(DoubleLexical(d), kXsdDouble)); }

 private:
  const TripleSink& sink_;
  std::string* bad_text_;
  Term subject_;
};

Status Unwritable(const std::string& where) {
  return Status::InvalidInput(where + ": text is not valid UTF-8, cannot be written as RDF");
}

}  // namespace

std::string DoubleLexical(double value) {
  if (!std::isfinite(value)) return value != value ? "NaN" : value > 0 ? "INF" : "-INF";
  // The JSON-LD file holds the number rounded as RapidJSON prints it (six
  // decimals); the RDF value is that number, not the one in memory.
  rapidjson::StringBuffer printed;
  rapidjson::Writer<rapidjson::StringBuffer> writer(printed);
  writer.SetMaxDecimalPlaces(6);
  writer.Double(value);
  double d = std::strtod(printed.GetString(), nullptr);
  // Shortest digits that read back to the same double, in E notation with
  // at least one fractional digit: the canonical form JSON-LD 1.1 asks for.
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string s(buf, res.ptr);  // "9.7e-01", "1e+00"
  size_t e = s.find('e');
  std::string mantissa = s.substr(0, e);
  int exponent = std::atoi(s.c_str() + e + 1);
  if (mantissa.find('.') == std::string::npos) mantissa += ".0";
  return mantissa + "E" + std::to_string(exponent);
}

Status ForEachTriple(const KnowledgeGraph& graph, const TripleSink& sink) {
  static const Names n;
  std::string bad;
  Emitter out(sink, &bad);

  // Entities in id order, as the JSON-LD lists them.
  const std::vector<VertexId> vertices = EntitiesInIdOrder(graph);
  size_t entity_number = 0;
  for (VertexId v : vertices) {
    ++entity_number;
    const Entity& e = graph.entity(v);
    std::string iri = vocab::EntityIri(e.id);
    out.Subject(Iri(iri));
    out.Add(kRdfType, Iri(Schema(vocab::SchemaOrgClass(e.type, e.subtype))));
    out.String(n.name, e.name);
    out.Strings(n.alternate_name, e.aliases);
    out.String(n.entity_type, EntityTypeName(e.type));
    out.StringIfSet(n.subtype, e.subtype);
    out.StringIfSet(n.identifier, e.code);
    auto sighting_label = [&](size_t k) { return "n" + std::to_string(entity_number) + "s" + std::to_string(k + 1); };
    for (size_t k = 0; k < e.sightings.size(); ++k) out.Add(n.seen_in, Blank(sighting_label(k)));
    graph.ForEachOutgoing(v, [&](EdgeId edge, VertexId object) {
      out.Add(vocab::PredicateIri(graph.relation(edge).predicate), Iri(vocab::EntityIri(graph.entity(object).id)));
    });
    for (size_t k = 0; k < e.sightings.size(); ++k) {
      const Sighting& s = e.sightings[k];
      out.Subject(Blank(sighting_label(k)));
      if (!s.article.empty()) out.Add(n.article, Iri(vocab::ArticleIri(s.article)));
      out.String(n.name, s.name);
      out.StringIfSet(n.subtype, s.subtype);
      out.StringIfSet(n.identifier, s.code);
      out.Strings(n.alternate_name, s.mentions);
    }
    if (!bad.empty()) return Unwritable("entity '" + e.id + "'");
  }

  // One rdf:Statement per relation, in the JSON-LD's order.
  std::vector<EdgeId> edges = EdgesInIdOrder(graph);
  for (size_t i = 0; i < edges.size(); ++i) {
    const Relation& r = graph.relation(edges[i]);
    std::string label = "r" + std::to_string(i + 1);
    out.Subject(Blank(label));
    out.Add(kRdfType, Iri(kRdfStatement));
    out.Add(n.subject, Iri(vocab::EntityIri(graph.entity(graph.source(edges[i])).id)));
    out.Add(n.predicate, Iri(vocab::PredicateIri(r.predicate)));
    out.Add(n.object, Iri(vocab::EntityIri(graph.entity(graph.target(edges[i])).id)));
    out.Strings(n.title, Titles(r));
    out.Strings(n.date, Dates(r));
    out.Strings(n.what, Whats(r));
    out.Double(n.confidence, r.confidence);
    out.Integer(n.article_count, r.article_count);
    out.StringIfSet(n.first_seen, FirstSeen(r));
    out.StringIfSet(n.last_seen, LastSeen(r));
    if (const PredicateInfo& info = Info(r.predicate); !info.cameo.empty()) {
      out.String(n.cameo, info.cameo);
      out.Double(n.goldstein, info.goldstein);
    }
    for (size_t k = 0; k < r.evidence.size(); ++k) out.Add(n.evidence, Blank(label + "e" + std::to_string(k + 1)));
    for (size_t k = 0; k < r.evidence.size(); ++k) {
      const Evidence& ev = r.evidence[k];
      out.Subject(Blank(label + "e" + std::to_string(k + 1)));
      if (!ev.article.empty()) out.Add(n.article, Iri(vocab::ArticleIri(ev.article)));
      out.StringIfSet(n.text, ev.text);
      out.Integer(n.start, ev.start);
      out.Integer(n.end, ev.end);
      out.StringIfSet(n.date, ev.date);
      if (ev.date_from_text) out.Add(n.date_from_text, Literal("true", kXsdBoolean));
      out.Double(n.confidence, ev.confidence);
      out.StringIfSet(n.rule, ev.rule);
      out.StringIfSet(n.title, ev.title);
      out.StringIfSet(n.what, ev.what);
    }
    if (!bad.empty()) return Unwritable("statement " + std::to_string(i + 1));
  }

  for (const auto& a : graph.articles()) {
    out.Subject(Iri(vocab::ArticleIri(a.doc)));
    out.Add(kRdfType, Iri(n.news_article));
    out.String(n.doc, a.doc);
    out.StringIfSet(n.date_published, a.date);
    out.StringIfSet(n.url, a.url);
    out.StringIfSet(n.headline, a.title);
    if (!bad.empty()) return Unwritable("article '" + a.doc + "'");
  }
  return Status::Ok();
}

}  // namespace irkg::rdf
