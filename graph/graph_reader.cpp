#include "graph/graph_reader.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <set>
#include <tuple>

#include "graph/graph_builder.h"
#include "graph/vocabulary.h"

namespace irkg {
namespace {

using Value = rapidjson::Value;

std::string Quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

// Reads fields of one node; every failure names the file and the node.
class NodeReader {
 public:
  NodeReader(const std::string& file, std::string node) : where_(file + ": " + std::move(node)) {}

  Status Fail(const std::string& what) const { return Status::InvalidInput(where_ + ": " + what); }

  // Text is std::string or Symbol.
  template <typename Text>
  Status OptString(const Value& obj, const char* key, Text* out) const {
    auto it = obj.FindMember(key);
    if (it == obj.MemberEnd()) return Status::Ok();
    if (!it->value.IsString()) return Fail(std::string("\"") + key + "\" is not a string");
    *out = Text(std::string_view(it->value.GetString(), it->value.GetStringLength()));
    return Status::Ok();
  }

  template <typename Text>
  Status ReqString(const Value& obj, const char* key, Text* out) const {
    if (!obj.HasMember(key)) return Fail(std::string("has no \"") + key + "\"");
    return OptString(obj, key, out);
  }

  // A missing list is empty; a single string counts as a list of one, as
  // JSON-LD has it.
  Status StringList(const Value& obj, const char* key, std::vector<Symbol>* out) const {
    auto it = obj.FindMember(key);
    if (it == obj.MemberEnd()) return Status::Ok();
    if (it->value.IsString()) {
      out->emplace_back(std::string_view(it->value.GetString(), it->value.GetStringLength()));
      return Status::Ok();
    }
    if (!it->value.IsArray()) return Fail(std::string("\"") + key + "\" is not a list");
    for (const Value& v : it->value.GetArray()) {
      if (!v.IsString()) return Fail(std::string("\"") + key + "\" holds a value that is not a string");
      out->emplace_back(std::string_view(v.GetString(), v.GetStringLength()));
    }
    return Status::Ok();
  }

  Status OptUint(const Value& obj, const char* key, uint32_t* out) const {
    auto it = obj.FindMember(key);
    if (it == obj.MemberEnd()) return Status::Ok();
    if (!it->value.IsUint()) return Fail(std::string("\"") + key + "\" is not a whole number from 0 to 4294967295");
    *out = it->value.GetUint();
    return Status::Ok();
  }

  Status Probability(const Value& obj, const char* key, double* out) const {
    auto it = obj.FindMember(key);
    if (it == obj.MemberEnd()) return Fail(std::string("has no \"") + key + "\"");
    if (!it->value.IsNumber()) return Fail(std::string("\"") + key + "\" is not a number");
    *out = it->value.GetDouble();
    if (!(*out >= 0.0 && *out <= 1.0)) return Fail(std::string("\"") + key + "\" is outside [0, 1]");
    return Status::Ok();
  }

 private:
  std::string where_;
};

void SortUnique(std::vector<Symbol>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

struct PendingStatement {
  size_t number;  // 1-based among statements, for messages
  Symbol subject, object;
  Relation relation;
};

class GraphFileReader {
 public:
  explicit GraphFileReader(const std::string& name) : name_(name) {}

  Result<KnowledgeGraph> Read(std::string_view text);

 private:
  Status CheckEnvelope(const rapidjson::Document& doc) const;
  Status ReadEntity(const Value& node, NodeReader& r);
  Status ReadArticle(const Value& node, NodeReader& r);
  Status ReadStatement(const Value& node, size_t number);
  Status ReadEvidence(const Value& v, NodeReader& r, Evidence* e) const;
  Status ArticleRef(const Value& obj, NodeReader& r, Symbol* doc) const;
  Status EntityRef(const Value& obj, const char* key, NodeReader& r, Symbol* id) const;
  Status ResolveStatements();

  const std::string& name_;
  std::map<Symbol, Entity> entities_;
  std::map<Symbol, ArticleInfo> articles_;
  std::map<std::string, Symbol> doc_by_iri_;
  std::vector<std::pair<const Value*, size_t>> statement_nodes_;
  // Sighting article references, checked once every article is known.
  std::vector<std::pair<std::string, Symbol>> sighting_articles_;  // (iri, entity id)
  std::vector<PendingStatement> statements_;
};

Status GraphFileReader::CheckEnvelope(const rapidjson::Document& doc) const {
  auto foreign = [&] {
    return Status::InvalidInput(name_ + ": not an irkg graph (expected a JSON-LD object with an irkg @context and @graph)");
  };
  if (!doc.IsObject()) return foreign();
  auto context = doc.FindMember("@context");
  auto graph = doc.FindMember("@graph");
  if (context == doc.MemberEnd() || graph == doc.MemberEnd() || !context->value.IsObject() ||
      !graph->value.IsArray())
    return foreign();
  auto vocab_prefix = context->value.FindMember("irkg");
  if (vocab_prefix == context->value.MemberEnd() || !vocab_prefix->value.IsString() ||
      vocab_prefix->value.GetString() != vocab::kVocabBase)
    return foreign();
  return Status::Ok();
}

// RapidJSON 1.1.0's full-precision number parser reads out of bounds on a
// number of some hundreds of digits ("0.000...01"; found by fuzzing). irkg
// writes no number longer than 25 characters, so longer ones are refused
// before the parser sees them; the offset is that of the number's start.
size_t FindOverlongNumber(std::string_view text) {
  const size_t kMaxNumberLength = 64;
  bool in_string = false;
  size_t run = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    bool number = (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
    run = number ? run + 1 : 0;
    if (run > kMaxNumberLength) return i + 1 - run;
    in_string = c == '"';
  }
  return std::string_view::npos;
}

Result<KnowledgeGraph> GraphFileReader::Read(std::string_view text) {
  size_t overlong = FindOverlongNumber(text);
  if (overlong != std::string_view::npos)
    return Status::InvalidInput(name_ + ": number too long at byte " + std::to_string(overlong));
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseFullPrecisionFlag | rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag>(
      text.data(), text.size());
  if (doc.HasParseError()) {
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return Status::InvalidInput(name_ + ": file is empty");
    if (doc.GetErrorOffset() >= text.size())
      return Status::InvalidInput(name_ + ": JSON ends early at byte " + std::to_string(text.size()) +
                                  " (truncated file?)");
    return Status::InvalidInput(name_ + ": invalid JSON at byte " + std::to_string(doc.GetErrorOffset()) + ": " +
                                rapidjson::GetParseError_En(doc.GetParseError()));
  }
  if (Status s = CheckEnvelope(doc); !s.ok()) return s;

  size_t node_number = 0, statement_number = 0;
  for (const Value& node : doc["@graph"].GetArray()) {
    ++node_number;
    NodeReader r(name_, "node " + std::to_string(node_number));
    if (!node.IsObject()) return r.Fail("is not an object");
    std::string type;
    if (Status s = r.ReqString(node, "@type", &type); !s.ok()) return s;
    Status s;
    if (type == "Statement") {
      statement_nodes_.emplace_back(&node, ++statement_number);
    } else if (type == "Article") {
      s = ReadArticle(node, r);
    } else if (std::count(vocab::AllSchemaOrgClasses().begin(), vocab::AllSchemaOrgClasses().end(), type)) {
      s = ReadEntity(node, r);
    } else {
      s = r.Fail("unknown @type " + Quoted(type));
    }
    if (!s.ok()) return s;
  }
  for (const auto& [iri, entity] : sighting_articles_)
    if (!doc_by_iri_.count(iri))
      return Status::InvalidInput(name_ + ": entity " + Quoted(entity.view()) + ": article " + Quoted(iri) + " is not defined");
  for (const auto& [node, number] : statement_nodes_)
    if (Status s = ReadStatement(*node, number); !s.ok()) return s;
  if (Status s = ResolveStatements(); !s.ok()) return s;

  KnowledgeGraph graph;
  graph.Reserve(entities_.size(), statements_.size());
  for (auto& [id, entity] : entities_) graph.AddEntity(std::move(entity));
  for (auto& st : statements_)
    graph.AddRelation(*graph.FindById(st.subject), *graph.FindById(st.object), std::move(st.relation));
  graph.Compact();
  std::vector<ArticleInfo> articles;
  for (auto& [doc_id, article] : articles_) articles.push_back(std::move(article));
  graph.SetArticles(std::move(articles));
  return graph;
}

Status GraphFileReader::ReadEntity(const Value& node, NodeReader& r) {
  Entity e;
  std::string iri, type;
  if (Status s = r.ReqString(node, "@id", &iri); !s.ok()) return s;
  auto id = vocab::EntityIdFromIri(iri);
  if (!id) return r.Fail("@id " + Quoted(iri) + " is not an irkg entity IRI");
  e.id = *id;
  NodeReader er(name_, "entity " + Quoted(e.id.view()));
  Status s = er.ReqString(node, "name", &e.name);
  if (s.ok()) s = er.ReqString(node, "entityType", &type);
  if (s.ok()) s = er.OptString(node, "subtype", &e.subtype);
  if (s.ok()) s = er.OptString(node, "code", &e.code);
  if (s.ok()) s = er.StringList(node, "alternateName", &e.aliases);
  if (!s.ok()) return s;
  auto entity_type = ParseEntityType(type);
  if (!entity_type) return er.Fail("unknown entityType " + Quoted(type));
  e.type = *entity_type;
  SortUnique(&e.aliases);
  e.aliases.erase(std::remove(e.aliases.begin(), e.aliases.end(), e.name), e.aliases.end());

  auto seen = node.FindMember("seenIn");
  if (seen != node.MemberEnd()) {
    if (!seen->value.IsArray()) return er.Fail("\"seenIn\" is not a list");
    for (const Value& v : seen->value.GetArray()) {
      if (!v.IsObject()) return er.Fail("\"seenIn\" holds a value that is not an object");
      Sighting sighting;
      std::string article_iri;
      if (!(s = er.OptString(v, "article", &article_iri)).ok() || !(s = er.ReqString(v, "name", &sighting.name)).ok() ||
          !(s = er.OptString(v, "subtype", &sighting.subtype)).ok() || !(s = er.OptString(v, "code", &sighting.code)).ok() ||
          !(s = er.StringList(v, "alternateName", &sighting.mentions)).ok())
        return s;
      if (!article_iri.empty()) {
        auto doc = vocab::DocFromArticleIri(article_iri);
        if (!doc) return er.Fail("article " + Quoted(article_iri) + " is not an irkg article IRI");
        sighting.article = *doc;
        sighting_articles_.emplace_back(article_iri, e.id);
      }
      SortUnique(&sighting.mentions);
      e.sightings.push_back(std::move(sighting));
    }
    std::sort(e.sightings.begin(), e.sightings.end(), [](const Sighting& a, const Sighting& b) {
      return std::tie(a.article, a.name) < std::tie(b.article, b.name);
    });
  }
  Symbol entity_id = e.id;
  if (!entities_.emplace(entity_id, std::move(e)).second) return er.Fail("is defined twice");
  return Status::Ok();
}

Status GraphFileReader::ReadArticle(const Value& node, NodeReader& r) {
  ArticleInfo a;
  std::string iri;
  Status s = r.ReqString(node, "@id", &iri);
  if (s.ok()) s = r.ReqString(node, "doc", &a.doc);
  if (s.ok()) s = r.OptString(node, "datePublished", &a.date);
  if (s.ok()) s = r.OptString(node, "url", &a.url);
  if (s.ok()) s = r.OptString(node, "headline", &a.title);
  if (!s.ok()) return s;
  if (iri != vocab::ArticleIri(a.doc)) return r.Fail("article @id " + Quoted(iri) + " does not match its doc " + Quoted(a.doc.view()));
  if (!articles_.emplace(a.doc, a).second) return r.Fail("article " + Quoted(a.doc.view()) + " is defined twice");
  doc_by_iri_.emplace(iri, a.doc);
  return Status::Ok();
}

Status GraphFileReader::EntityRef(const Value& obj, const char* key, NodeReader& r, Symbol* id) const {
  std::string iri;
  if (Status s = r.ReqString(obj, key, &iri); !s.ok()) return s;
  auto parsed = vocab::EntityIdFromIri(iri);
  if (!parsed) return r.Fail(std::string(key) + " " + Quoted(iri) + " is not an irkg entity IRI");
  if (!entities_.count(Symbol(*parsed))) return r.Fail(std::string(key) + " " + Quoted(*parsed) + " is not defined");
  *id = *parsed;
  return Status::Ok();
}

Status GraphFileReader::ArticleRef(const Value& obj, NodeReader& r, Symbol* doc) const {
  std::string iri;
  if (Status s = r.OptString(obj, "article", &iri); !s.ok() || iri.empty()) return s;
  auto it = doc_by_iri_.find(iri);
  if (it == doc_by_iri_.end()) return r.Fail("article " + Quoted(iri) + " is not defined");
  *doc = it->second;
  return Status::Ok();
}

Status GraphFileReader::ReadEvidence(const Value& v, NodeReader& r, Evidence* e) const {
  if (!v.IsObject()) return r.Fail("is not an object");
  Status s = ArticleRef(v, r, &e->article);
  if (s.ok()) s = r.OptString(v, "text", &e->text);
  if (s.ok()) s = r.OptUint(v, "start", &e->start);
  if (s.ok()) s = r.OptUint(v, "end", &e->end);
  if (s.ok()) s = r.OptString(v, "date", &e->date);
  if (s.ok()) s = r.Probability(v, "confidence", &e->confidence);
  if (s.ok()) s = r.OptString(v, "rule", &e->rule);
  if (s.ok()) s = r.OptString(v, "title", &e->title);
  if (s.ok()) s = r.OptString(v, "what", &e->what);
  if (!s.ok()) return s;
  if (e->end < e->start) return r.Fail("ends before it starts");
  auto from_text = v.FindMember("dateFromText");
  if (from_text != v.MemberEnd()) {
    if (!from_text->value.IsBool()) return r.Fail("\"dateFromText\" is not true or false");
    e->date_from_text = from_text->value.GetBool();
  }
  return Status::Ok();
}

Status GraphFileReader::ReadStatement(const Value& node, size_t number) {
  NodeReader r(name_, "statement " + std::to_string(number));
  PendingStatement st;
  st.number = number;
  Relation& rel = st.relation;
  std::string predicate;
  Status s = EntityRef(node, "subject", r, &st.subject);
  if (s.ok()) s = r.ReqString(node, "predicate", &predicate);
  if (s.ok()) s = EntityRef(node, "object", r, &st.object);
  if (!s.ok()) return s;
  auto p = ParsePredicate(predicate);
  if (!p) return r.Fail("unknown predicate " + Quoted(predicate));
  rel.predicate = *p;

  auto evidence = node.FindMember("evidence");
  if (evidence == node.MemberEnd() || !evidence->value.IsArray() || evidence->value.Empty())
    return r.Fail("has no evidence");
  size_t n = 0;
  for (const Value& v : evidence->value.GetArray()) {
    NodeReader er(name_, "statement " + std::to_string(number) + ": evidence " + std::to_string(++n));
    Evidence e;
    if (!(s = ReadEvidence(v, er, &e)).ok()) return s;
    rel.evidence.push_back(std::move(e));
  }
  NormalizeEvidence(&rel.evidence);
  SummarizeEvidence(&rel);

  // The summary fields are derived; a file whose numbers disagree with its
  // own evidence has been damaged or edited by hand.
  std::vector<Symbol> titles, dates, whats;
  Symbol first_seen, last_seen;
  double confidence = 0;
  uint32_t article_count = 0;
  if (!(s = r.StringList(node, "title", &titles)).ok() || !(s = r.StringList(node, "date", &dates)).ok() ||
      !(s = r.StringList(node, "what", &whats)).ok() || !(s = r.Probability(node, "confidence", &confidence)).ok() ||
      !(s = r.OptUint(node, "articleCount", &article_count)).ok() ||
      !(s = r.OptString(node, "firstSeen", &first_seen)).ok() || !(s = r.OptString(node, "lastSeen", &last_seen)).ok())
    return s;
  SortUnique(&titles);
  SortUnique(&dates);
  SortUnique(&whats);
  auto disagrees = [&](const std::string& what) { return r.Fail(what + " disagrees with its evidence"); };
  if (std::fabs(confidence - rel.confidence) > 2e-6) return disagrees("confidence");
  if (article_count != rel.article_count) return disagrees("articleCount");
  if (first_seen != FirstSeen(rel) || last_seen != LastSeen(rel)) return disagrees("firstSeen/lastSeen");
  if (titles != Titles(rel) || dates != Dates(rel) || whats != Whats(rel)) return disagrees("a title, date or what list");

  if (Info(rel.predicate).symmetric && st.object < st.subject) std::swap(st.subject, st.object);
  statements_.push_back(std::move(st));
  return Status::Ok();
}

Status GraphFileReader::ResolveStatements() {
  auto key = [](const PendingStatement& s) { return std::tie(s.subject, s.relation.predicate, s.object); };
  std::stable_sort(statements_.begin(), statements_.end(),
                   [&](const PendingStatement& a, const PendingStatement& b) { return key(a) < key(b); });
  for (size_t i = 1; i < statements_.size(); ++i)
    if (key(statements_[i - 1]) == key(statements_[i]))
      return Status::InvalidInput(name_ + ": statement " + std::to_string(statements_[i].number) + ": repeats statement " +
                                  std::to_string(statements_[i - 1].number) + " (" + statements_[i].subject.str() + " " +
                                  std::string(PredicateName(statements_[i].relation.predicate)) + " " +
                                  statements_[i].object.str() + ")");
  return Status::Ok();
}

}  // namespace

Result<KnowledgeGraph> ReadGraphJsonLd(std::string_view text, const std::string& name) {
  GraphFileReader reader(name);
  return reader.Read(text);
}

Result<KnowledgeGraph> ReadGraphFile(const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Status::IoError(path + ": cannot read: " + std::strerror(errno));
  std::string text;
  char buffer[1 << 16];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) text.append(buffer, n);
  bool failed = std::ferror(f);
  std::fclose(f);
  if (failed) return Status::IoError(path + ": read failed");
  return ReadGraphJsonLd(text, path);
}

}  // namespace irkg
