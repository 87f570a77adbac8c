#include "graph/graph_reader.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include <algorithm>
#include <cassert>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <tuple>

#include "graph/graph_builder.h"
#include "graph/vocabulary.h"

namespace irkg {
namespace {

using Value = rapidjson::Value;
using Document = rapidjson::Document;

std::string Quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

// ---------------------------------------------------------------------------
// The bytes of a graph, as RapidJSON's parser takes them.

// RapidJSON 1.1.0's full-precision number parser reads out of bounds on a
// number of some hundreds of digits ("0.000...01"; found by fuzzing). irkg
// writes no number longer than 25 characters, so a longer run of number
// characters outside strings is refused; the parser never sees more than
// kMaxNumberLength of it.
constexpr size_t kMaxNumberLength = 64;

// A RapidJSON input stream (Peek, Take, Tell) over a graph held in memory or
// read from a file a chunk at a time. Each chunk is scanned for overlong
// numbers before the parser is given it; the stream ends for the parser just
// before the character that makes a number too long.
class GraphBytes {
 public:
  using Ch = char;

  explicit GraphBytes(std::string_view text)
      : chunk_(text.data()), next_(chunk_), limit_(chunk_), data_end_(text.data() + text.size()) {
    Scan(text.data(), text.data() + text.size());
  }
  explicit GraphBytes(std::FILE* file) : file_(file), buffer_(new char[kChunkSize]) {
    chunk_ = next_ = limit_ = data_end_ = buffer_.get();
  }

  Ch Peek() { return next_ < limit_ || Refill() ? *next_ : '\0'; }
  Ch Take() { return next_ < limit_ || Refill() ? *next_++ : '\0'; }
  size_t Tell() const { return offset_ + static_cast<size_t>(next_ - chunk_); }
  // The writing half of the stream concept, which the parser does not use.
  Ch* PutBegin() { assert(false); return nullptr; }
  void Put(Ch) { assert(false); }
  void Flush() {}
  size_t PutEnd(Ch*) { return 0; }

  // Reads and scans what the parser left unread, so that what follows
  // describes the whole input, as if it had been scanned before parsing.
  void ScanRest() {
    while (!overlong_ && Refill()) next_ = limit_;
  }
  bool read_failed() const { return read_failed_; }
  // Where the first number too long to parse starts, if there is one.
  std::optional<size_t> overlong_number() const { return overlong_; }
  bool blank() const { return blank_; }  // nothing but JSON whitespace
  size_t size() const { return size_; }

  // The line (from 1) and column (from 1, in bytes) of `offset`, for
  // messages; known for an offset in the chunk now held (the parser's
  // place, the input's end after ScanRest), else nullopt.
  struct LineColumn {
    size_t line, column;
  };
  std::optional<LineColumn> Where(size_t offset) const {
    if (offset < offset_ || offset - offset_ > static_cast<size_t>(data_end_ - chunk_)) return std::nullopt;
    const char* at = chunk_ + (offset - offset_);
    const size_t line = lines_before_chunk_ + static_cast<size_t>(std::count(chunk_, at, '\n')) + 1;
    const char* newline = std::find(std::make_reverse_iterator(at), std::make_reverse_iterator(chunk_), '\n').base();
    const size_t line_start = newline != chunk_ ? offset_ + static_cast<size_t>(newline - chunk_) : line_start_before_chunk_;
    return LineColumn{line, offset - line_start + 1};
  }

 private:
  static constexpr size_t kChunkSize = 1 << 20;

  // Makes the next chunk available; false at the end of the input or at
  // an overlong number. The parser must see no part of an overlong number
  // (RapidJSON misreads long ones too, not only those past its tables), so
  // number characters at the end of a chunk are held back until the next
  // one shows where they end.
  bool Refill() {
    if (!file_ || overlong_) return false;
    for (;;) {
      CountLines(chunk_, limit_);
      offset_ += static_cast<size_t>(limit_ - chunk_);
      const size_t held = static_cast<size_t>(data_end_ - limit_);
      std::memmove(buffer_.get(), limit_, held);
      chunk_ = next_ = buffer_.get();
      size_t n = std::fread(buffer_.get() + held, 1, kChunkSize - held, file_);
      data_end_ = limit_ = chunk_ + held + n;
      if (n == 0) {
        read_failed_ = std::ferror(file_);
        return held > 0;  // a number that ends the input
      }
      Scan(chunk_ + held, data_end_);
      if (!overlong_ && run_ > 0) limit_ = data_end_ - run_;
      if (next_ < limit_ || overlong_) return next_ < limit_;
    }
  }

  // Lines of the bytes the parser is done with, so that Where() needs only
  // the chunk it holds.
  void CountLines(const char* begin, const char* end) {
    lines_before_chunk_ += static_cast<size_t>(std::count(begin, end, '\n'));
    const char* newline = std::find(std::make_reverse_iterator(end), std::make_reverse_iterator(begin), '\n').base();
    if (newline != begin) line_start_before_chunk_ = offset_ + static_cast<size_t>(newline - chunk_);
  }

  // FindOverlongNumber as it was over the whole text, a chunk at a time:
  // a run of number characters outside strings (tracked as a plain scan
  // does, without parsing) longer than kMaxNumberLength is overlong.
  void Scan(const char* begin, const char* end) {
    for (const char* p = begin; p < end; ++p) {
      char c = *p;
      if (in_string_) {
        if (escaped_) escaped_ = false;
        else if (c == '\\') escaped_ = true;
        else if (c == '"') in_string_ = false;
        continue;
      }
      bool number = (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
      run_ = number ? run_ + 1 : 0;
      if (run_ > kMaxNumberLength) {
        overlong_ = size_ + static_cast<size_t>(p - begin) + 1 - run_;
        size_ += static_cast<size_t>(p - begin);
        limit_ = p + 1 - run_;  // in this chunk: the run's start was held back
        return;
      }
      in_string_ = c == '"';
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') blank_ = false;
    }
    size_ += static_cast<size_t>(end - begin);
    limit_ = end;
  }

  std::FILE* file_ = nullptr;  // null: all the input is in the first chunk
  std::unique_ptr<char[]> buffer_;
  const char* chunk_ = nullptr;  // the bytes at offset_ of the input
  const char* next_ = nullptr;   // the parser's position in the chunk
  const char* limit_ = nullptr;  // the end of what the parser may read of it
  const char* data_end_ = nullptr;  // the end of the bytes read into the chunk
  size_t offset_ = 0;
  size_t lines_before_chunk_ = 0;       // newlines before offset_
  size_t line_start_before_chunk_ = 0;  // the offset just after the last of them
  bool read_failed_ = false;
  // The scan, which runs ahead of the parser.
  size_t size_ = 0;  // bytes scanned
  bool in_string_ = false, escaped_ = false, blank_ = true;
  size_t run_ = 0;
  std::optional<size_t> overlong_;
};

// ---------------------------------------------------------------------------
// The nodes of a graph, checked and gathered into a KnowledgeGraph.

// Where a node is in the file, for messages: "node 3", "entity 'country/FRA'",
// "statement 12", "statement 12: evidence 2". Kept as parts and spelled out
// only when something is wrong.
struct Place {
  enum Kind { kNode, kEntity, kStatement } kind;
  size_t number = 0;    // of the node or statement
  Symbol entity;        // kEntity
  size_t evidence = 0;  // within a statement, from 1

  static Place Node(size_t number) { return {kNode, number, Symbol(), 0}; }
  static Place Entity(Symbol id) { return {kEntity, 0, id, 0}; }
  static Place Statement(size_t number, size_t evidence = 0) { return {kStatement, number, Symbol(), evidence}; }

  std::string str() const {
    if (kind == kEntity) return "entity " + Quoted(entity.view());
    std::string s = (kind == kNode ? "node " : "statement ") + std::to_string(number);
    if (evidence) s += ": evidence " + std::to_string(evidence);
    return s;
  }
};

Status FaultAt(const std::string& file, const Place& place, const std::string& what) {
  return Status::InvalidInput(file + ": " + place.str() + ": " + what);
}

// Interns the strings of one graph file. Most of them recur (an article's
// id in each of its evidence, dates, rules, names), and the process-wide
// table is large, so that each look-up there misses the CPU's caches; a
// small table of the strings met last answers most of them from cache.
class SymbolCache {
 public:
  Symbol operator()(std::string_view text) {
    if (text.empty()) return Symbol();
    size_t hash = std::hash<std::string_view>()(text);
    Entry& e = entries_[hash & (kSize - 1)];
    if (e.hash != hash || e.symbol.view() != text) e = {hash, Symbol(text)};
    return e.symbol;
  }

 private:
  static constexpr size_t kSize = 1 << 14;
  struct Entry {
    size_t hash = 0;
    Symbol symbol;
  };
  std::vector<Entry> entries_ = std::vector<Entry>(kSize);
};

// Reads fields of one node; every failure names the file and the node.
class NodeReader {
 public:
  NodeReader(const std::string& file, Place place, SymbolCache& symbols)
      : file_(file), place_(place), symbols_(symbols) {}

  Status Fail(const std::string& what) const { return FaultAt(file_, place_, what); }

  // Text is std::string or Symbol.
  template <typename Text>
  Status OptString(const Value& obj, const char* key, Text* out) const {
    auto it = obj.FindMember(key);
    if (it == obj.MemberEnd()) return Status::Ok();
    if (!it->value.IsString()) return Fail(std::string("\"") + key + "\" is not a string");
    Assign(std::string_view(it->value.GetString(), it->value.GetStringLength()), out);
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
      out->push_back(symbols_(std::string_view(it->value.GetString(), it->value.GetStringLength())));
      return Status::Ok();
    }
    if (!it->value.IsArray()) return Fail(std::string("\"") + key + "\" is not a list");
    for (const Value& v : it->value.GetArray()) {
      if (!v.IsString()) return Fail(std::string("\"") + key + "\" holds a value that is not a string");
      out->push_back(symbols_(std::string_view(v.GetString(), v.GetStringLength())));
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
  void Assign(std::string_view text, std::string* out) const { *out = text; }
  void Assign(std::string_view text, Symbol* out) const { *out = symbols_(text); }

  const std::string& file_;
  Place place_;
  SymbolCache& symbols_;
};

void SortUnique(std::vector<Symbol>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

// The doc whose article IRI is `iri` spelled as the writer spells it; only
// such an IRI can name an article of the graph, as ReadArticle insists on
// that spelling.
std::optional<std::string> DocOfArticleIri(std::string_view iri) {
  std::optional<std::string> doc = iri == vocab::kArticleBase ? std::string() : vocab::DocFromArticleIri(iri);
  if (!doc || vocab::ArticleIri(*doc) != iri) return std::nullopt;
  return doc;
}

struct PendingStatement {
  size_t number;  // 1-based among statements, for messages
  Symbol subject, object;
  Relation relation;
};

// The first reference to an entity or article not defined yet where it was
// read: nodes may refer to nodes further on (the writer puts articles
// last). If the target never comes, the first reference is the one to name.
struct Reference {
  enum Kind : uint8_t { kEntity = 1, kArticleBySighting = 2, kArticleByStatement = 4 } kind;
  Symbol target;
  Place place;
  const char* key = nullptr;  // "subject" or "object", for kEntity
};

// A fault found in a node whose report waits for the end of the file: the
// faults of each kind are reported in a fixed order (below).
struct Fault {
  size_t after = 0;  // how many References were kept before it was found
  Status status;     // OK: none
};

// Takes the nodes of a graph one at a time, in file order, and at the end
// gives the graph or the first fault. Faults are reported in the order a
// reader of the whole file would find them: first a fault of a node on its
// own (not an object, no @type, a bad entity or article); then a sighting of
// an article that is not defined; then the first statement with a fault,
// the first in a statement being its reference to an entity or article that
// is not defined or else what was wrong when it was read; then a statement
// that repeats another.
class GraphFileReader {
 public:
  explicit GraphFileReader(const std::string& name) : name_(name) {}

  void ReadNode(const Value& node);
  Result<KnowledgeGraph> Finish();

 private:
  Status ReadEntity(const Value& node, NodeReader& r);
  Status ReadArticle(const Value& node, NodeReader& r);
  Status ReadStatement(const Value& node, size_t number);
  Status ReadEvidence(const Value& v, NodeReader& r, const Place& place, Evidence* e);
  Status ArticleRef(const Value& obj, NodeReader& r, const Place& place, Symbol* doc);
  Status EntityRef(const Value& obj, const char* key, NodeReader& r, const Place& place, Symbol* id);
  void Refer(Reference::Kind kind, Symbol target, const Place& place, const char* key = nullptr);
  Status FirstUndefined(uint8_t kinds, const Fault& fault) const;
  Status FirstFault() const;
  Status ResolveStatements();
  Result<KnowledgeGraph> BuildGraph();

  // What is known of a string met as an entity id or article doc, by its
  // Symbol's id (dense within the process): whether it is defined, and of
  // which Reference::Kind a first reference is kept. An array, not a map,
  // as it is asked for every piece of evidence.
  enum : uint8_t { kEntityDefined = 8, kArticleDefined = 16 };
  uint8_t& Known(Symbol s) {
    if (s.id() >= known_.size()) known_.resize(std::max<size_t>(s.id() + 1, 2 * known_.size()));
    return known_[s.id()];
  }

  const std::string& name_;
  size_t node_count_ = 0, statement_count_ = 0;
  Status node_fault_;
  Fault sighting_fault_, statement_fault_;
  std::map<Symbol, Entity> entities_;
  std::map<Symbol, ArticleInfo> articles_;
  std::vector<uint8_t> known_;
  std::vector<Reference> references_;  // in file order
  SymbolCache symbols_;
  std::vector<PendingStatement> statements_;
};

void GraphFileReader::ReadNode(const Value& node) {
  ++node_count_;
  if (!node_fault_.ok()) return;
  NodeReader r(name_, Place::Node(node_count_), symbols_);
  if (!node.IsObject()) {
    node_fault_ = r.Fail("is not an object");
    return;
  }
  std::string type;
  Status s = r.ReqString(node, "@type", &type);
  if (!s.ok()) {
    node_fault_ = s;
  } else if (type == "Statement") {
    // A statement's faults come after those of every other node; once one
    // statement has one, the later ones cannot be named first.
    ++statement_count_;
    if (statement_fault_.status.ok() && !(s = ReadStatement(node, statement_count_)).ok())
      statement_fault_ = {references_.size(), s};
  } else if (type == "Article") {
    node_fault_ = ReadArticle(node, r);
  } else if (std::count(vocab::AllSchemaOrgClasses().begin(), vocab::AllSchemaOrgClasses().end(), type)) {
    node_fault_ = ReadEntity(node, r);
  } else {
    node_fault_ = r.Fail("unknown @type " + Quoted(type));
  }
}

void GraphFileReader::Refer(Reference::Kind kind, Symbol target, const Place& place, const char* key) {
  uint8_t& known = Known(target);
  if (known & kind) return;
  known |= kind;
  references_.push_back({kind, target, place, key});
}

Status GraphFileReader::ReadEntity(const Value& node, NodeReader& r) {
  Entity e;
  std::string iri, type;
  if (Status s = r.ReqString(node, "@id", &iri); !s.ok()) return s;
  auto id = vocab::EntityIdFromIri(iri);
  if (!id) return r.Fail("@id " + Quoted(iri) + " is not an irkg entity IRI");
  e.id = symbols_(*id);
  NodeReader er(name_, Place::Entity(e.id), symbols_);
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
        sighting.article = symbols_(*doc);
        // Whether the article is defined is known at the end; an IRI not
        // spelled as the writer spells it never names one.
        if (vocab::ArticleIri(*doc) != article_iri) {
          if (sighting_fault_.status.ok())
            sighting_fault_ = {references_.size(), er.Fail("article " + Quoted(article_iri) + " is not defined")};
        } else if (!(Known(sighting.article) & kArticleDefined)) {
          Refer(Reference::kArticleBySighting, sighting.article, Place::Entity(e.id));
        }
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
  Known(entity_id) |= kEntityDefined;
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
  Known(a.doc) |= kArticleDefined;
  return Status::Ok();
}

Status GraphFileReader::EntityRef(const Value& obj, const char* key, NodeReader& r, const Place& place, Symbol* id) {
  std::string iri;
  if (Status s = r.ReqString(obj, key, &iri); !s.ok()) return s;
  auto parsed = vocab::EntityIdFromIri(iri);
  if (!parsed) return r.Fail(std::string(key) + " " + Quoted(iri) + " is not an irkg entity IRI");
  *id = symbols_(*parsed);
  if (!(Known(*id) & kEntityDefined)) Refer(Reference::kEntity, *id, place, key);
  return Status::Ok();
}

Status GraphFileReader::ArticleRef(const Value& obj, NodeReader& r, const Place& place, Symbol* doc) {
  std::string iri;
  if (Status s = r.OptString(obj, "article", &iri); !s.ok() || iri.empty()) return s;
  std::optional<std::string> named = DocOfArticleIri(iri);
  if (!named) return r.Fail("article " + Quoted(iri) + " is not defined");
  *doc = symbols_(*named);
  if (!(Known(*doc) & kArticleDefined)) Refer(Reference::kArticleByStatement, *doc, place);
  return Status::Ok();
}

Status GraphFileReader::ReadEvidence(const Value& v, NodeReader& r, const Place& place, Evidence* e) {
  if (!v.IsObject()) return r.Fail("is not an object");
  Status s = ArticleRef(v, r, place, &e->article);
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
  Place place = Place::Statement(number);
  NodeReader r(name_, place, symbols_);
  PendingStatement st;
  st.number = number;
  Relation& rel = st.relation;
  std::string predicate;
  Status s = EntityRef(node, "subject", r, place, &st.subject);
  if (s.ok()) s = r.ReqString(node, "predicate", &predicate);
  if (s.ok()) s = EntityRef(node, "object", r, place, &st.object);
  if (!s.ok()) return s;
  auto p = ParsePredicate(predicate);
  if (!p) return r.Fail("unknown predicate " + Quoted(predicate));
  rel.predicate = *p;

  auto evidence = node.FindMember("evidence");
  if (evidence == node.MemberEnd() || !evidence->value.IsArray() || evidence->value.Empty())
    return r.Fail("has no evidence");
  rel.evidence.reserve(evidence->value.Size());
  size_t n = 0;
  for (const Value& v : evidence->value.GetArray()) {
    Place evidence_place = Place::Statement(number, ++n);
    NodeReader er(name_, evidence_place, symbols_);
    Evidence e;
    if (!(s = ReadEvidence(v, er, evidence_place, &e)).ok()) return s;
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

// The first of the references of `kinds` whose target never came, unless
// `fault` was found before it.
Status GraphFileReader::FirstUndefined(uint8_t kinds, const Fault& fault) const {
  for (size_t i = 0; i < references_.size(); ++i) {
    if (!fault.status.ok() && i >= fault.after) break;
    const Reference& ref = references_[i];
    uint8_t defined = ref.kind == Reference::kEntity ? kEntityDefined : kArticleDefined;
    if (!(ref.kind & kinds) || (known_[ref.target.id()] & defined)) continue;
    if (ref.kind == Reference::kEntity)
      return FaultAt(name_, ref.place, std::string(ref.key) + " " + Quoted(ref.target.view()) + " is not defined");
    return FaultAt(name_, ref.place, "article " + Quoted(vocab::ArticleIri(ref.target)) + " is not defined");
  }
  return fault.status;
}

Status GraphFileReader::FirstFault() const {
  if (!node_fault_.ok()) return node_fault_;
  if (Status s = FirstUndefined(Reference::kArticleBySighting, sighting_fault_); !s.ok()) return s;
  return FirstUndefined(Reference::kEntity | Reference::kArticleByStatement, statement_fault_);
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

Result<KnowledgeGraph> GraphFileReader::Finish() {
  if (Status s = FirstFault(); !s.ok()) return s;
  if (Status s = ResolveStatements(); !s.ok()) return s;
  return BuildGraph();
}

// The graph is built where the Result holds it: a KnowledgeGraph cannot be
// moved cheaply (Boost 1.74's adjacency_list copies itself when moved).
Result<KnowledgeGraph> GraphFileReader::BuildGraph() {
  Result<KnowledgeGraph> result{KnowledgeGraph()};
  KnowledgeGraph& graph = *result;
  graph.Reserve(entities_.size(), statements_.size());
  for (auto& [id, entity] : entities_) graph.AddEntity(std::move(entity));
  entities_.clear();
  for (auto& st : statements_)
    graph.AddRelation(*graph.FindById(st.subject), *graph.FindById(st.object), std::move(st.relation));
  statements_ = {};
  graph.Compact();
  std::vector<ArticleInfo> articles;
  articles.reserve(articles_.size());
  for (auto& [doc_id, article] : articles_) articles.push_back(article);
  graph.SetArticles(std::move(articles));
  return result;
}

// ---------------------------------------------------------------------------
// The file around the nodes.

// A Document is a SAX handler: the events of one value, sent to it as the
// file is parsed, leave that value on its stack. Populate() with a generator
// that sends nothing more moves it from there into the Document.
void TakeSentValue(Document* doc) {
  auto nothing_more = [](Document&) { return true; };
  doc->Populate(nothing_more);
}

// Follows the parser through the file: notes what the envelope holds, and
// builds each element of "@graph" as a small Document of its own, handed to
// the GraphFileReader as soon as it is complete and then dropped. The
// writer puts "@context" first, but no order is required: the envelope is
// judged at the end.
class GraphHandler {
 public:
  explicit GraphHandler(GraphFileReader* nodes)
      : nodes_(nodes), node_buffer_(new char[kNodeBufferSize]), node_pool_(node_buffer_.get(), kNodeBufferSize),
        node_(&node_pool_) {}

  // An irkg graph: a JSON-LD object with an irkg @context and a @graph list.
  bool IsIrkgGraph() const {
    if (!root_is_object_ || !graph_is_array_ || !context_.IsObject()) return false;
    auto vocab_prefix = context_.FindMember("irkg");
    return vocab_prefix != context_.MemberEnd() && vocab_prefix->value.IsString() &&
           vocab_prefix->value.GetString() == vocab::kVocabBase;
  }

  // The parser's events (RapidJSON's Handler concept).
  bool Null() { return Scalar([](Document& d) { return d.Null(); }); }
  bool Bool(bool b) { return Scalar([b](Document& d) { return d.Bool(b); }); }
  bool Int(int i) { return Scalar([i](Document& d) { return d.Int(i); }); }
  bool Uint(unsigned i) { return Scalar([i](Document& d) { return d.Uint(i); }); }
  bool Int64(int64_t i) { return Scalar([i](Document& d) { return d.Int64(i); }); }
  bool Uint64(uint64_t i) { return Scalar([i](Document& d) { return d.Uint64(i); }); }
  bool Double(double x) { return Scalar([x](Document& d) { return d.Double(x); }); }
  bool RawNumber(const char* s, rapidjson::SizeType n, bool copy) {
    return Scalar([&](Document& d) { return d.RawNumber(s, n, copy); });
  }
  bool String(const char* s, rapidjson::SizeType n, bool copy) {
    return Scalar([&](Document& d) { return d.String(s, n, copy); });
  }
  bool Key(const char* s, rapidjson::SizeType n, bool copy) {
    if (into_) return into_->Key(s, n, copy);
    if (depth_ == 1 && root_is_object_) member_ = std::string_view(s, n);
    return true;
  }
  bool StartObject() { return Open(Kind::kObject, [](Document& d) { return d.StartObject(); }); }
  bool StartArray() { return Open(Kind::kArray, [](Document& d) { return d.StartArray(); }); }
  bool EndObject(rapidjson::SizeType n) { return Close([n](Document& d) { return d.EndObject(n); }); }
  bool EndArray(rapidjson::SizeType n) { return Close([n](Document& d) { return d.EndArray(n); }); }

 private:
  enum class Kind { kScalar, kObject, kArray };
  // Most nodes fit; a larger one takes more from the heap for its time.
  static constexpr size_t kNodeBufferSize = 64 << 10;

  template <typename Event>
  bool Scalar(Event send) {
    if (Document* into = Begin(Kind::kScalar)) {
      send(*into);
      if (depth_ == into_depth_) Complete();
    }
    return true;
  }
  template <typename Event>
  bool Open(Kind kind, Event send) {
    Document* into = Begin(kind);
    ++depth_;
    if (into) send(*into);
    return true;
  }
  template <typename Event>
  bool Close(Event send) {
    --depth_;
    if (into_) {
      send(*into_);
      if (depth_ == into_depth_) Complete();
    } else if (depth_ == 1 && in_graph_) {
      in_graph_ = false;  // the end of @graph, whose elements are all built
    }
    return true;
  }

  // Where the events of a value that starts now go: to the Document being
  // built, to a new one for the first @context or an element of the first
  // @graph, else nowhere (the rest of the envelope is not read, as before).
  Document* Begin(Kind kind) {
    if (into_) return into_;
    if (depth_ == 0) {
      root_is_object_ = kind == Kind::kObject;
    } else if (depth_ == 1 && root_is_object_) {
      if (member_ == "@context" && !context_seen_) {
        context_seen_ = true;
        into_ = &context_;
      } else if (member_ == "@graph" && !graph_seen_) {
        graph_seen_ = true;
        graph_is_array_ = in_graph_ = kind == Kind::kArray;
      }
    } else if (depth_ == 2 && in_graph_) {
      into_ = &node_;
    }
    into_depth_ = depth_;
    return into_;
  }

  void Complete() {
    TakeSentValue(into_);
    if (into_ == &node_) {
      nodes_->ReadNode(node_);
      node_.SetNull();
      node_pool_.Clear();
    }
    into_ = nullptr;
  }

  GraphFileReader* nodes_;
  size_t depth_ = 0;         // containers open
  Document* into_ = nullptr;  // the value being built, if any
  size_t into_depth_ = 0;    // the depth at which it started
  std::string member_;       // the last key of the root object
  bool root_is_object_ = false, context_seen_ = false, graph_seen_ = false;
  bool graph_is_array_ = false, in_graph_ = false;
  Document context_;
  std::unique_ptr<char[]> node_buffer_;
  rapidjson::MemoryPoolAllocator<> node_pool_;
  Document node_;
};

void SkipByteOrderMark(GraphBytes* bytes) {
  // As Document::Parse did (EncodedInputStream<UTF8<>, MemoryStream>): each
  // byte of a UTF-8 byte order mark is skipped where it is found.
  for (unsigned char b : {0xEFu, 0xBBu, 0xBFu})
    if (static_cast<unsigned char>(bytes->Peek()) == b) bytes->Take();
}

// Parses the file and reads it node by node. Faults are reported by kind as
// if the file had been checked first for overlong numbers, then parsed
// whole, then its envelope checked, then its nodes: parsing goes on to the
// end after a node's fault, to find a fault of an earlier kind.
Result<KnowledgeGraph> ReadGraph(GraphBytes& bytes, const std::string& name) {
  GraphFileReader nodes(name);
  GraphHandler handler(&nodes);
  SkipByteOrderMark(&bytes);
  rapidjson::Reader parser;
  constexpr unsigned kFlags =
      rapidjson::kParseFullPrecisionFlag | rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag;
  rapidjson::ParseResult parsed = parser.Parse<kFlags>(bytes, handler);
  // "FILE:LINE: ... at column C (byte N)": irkg writes a graph one node a
  // line, so the line finds the node in an editor; the byte, in a file of
  // one long line.
  auto at = [&](size_t offset, const std::string& what) {
    const auto where = bytes.Where(offset);
    if (!where) return Status::InvalidInput(name + ": " + what + " at byte " + std::to_string(offset));
    return Status::InvalidInput(name + ":" + std::to_string(where->line) + ": " + what + " at column " +
                                std::to_string(where->column) + " (byte " + std::to_string(offset) + ")");
  };
  const Status parse_fault = parsed.IsError() ? at(parsed.Offset(), "invalid JSON") : Status::Ok();
  bytes.ScanRest();
  if (bytes.read_failed()) return Status::IoError(name + ": read failed");
  if (auto overlong = bytes.overlong_number()) return at(*overlong, "number too long");
  if (parsed.IsError()) {
    if (bytes.blank()) return Status::InvalidInput(name + ": file is empty");
    if (parsed.Offset() >= bytes.size()) {
      const auto end = bytes.Where(bytes.size());
      return Status::InvalidInput(name + (end ? ":" + std::to_string(end->line) : std::string()) +
                                  ": JSON ends early at byte " + std::to_string(bytes.size()) + " (truncated file?)");
    }
    return Status::InvalidInput(parse_fault.message() + ": " + rapidjson::GetParseError_En(parsed.Code()));
  }
  if (!handler.IsIrkgGraph())
    return Status::InvalidInput(name + ": not an irkg graph (expected a JSON-LD object with an irkg @context and @graph)");
  return nodes.Finish();
}

}  // namespace

Result<KnowledgeGraph> ReadGraphJsonLd(std::string_view text, const std::string& name) {
  GraphBytes bytes(text);
  return ReadGraph(bytes, name);
}

Result<KnowledgeGraph> ReadGraphFile(const std::string& path) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), std::fclose);
  if (!f) return Status::IoError(path + ": cannot read: " + std::strerror(errno));
  GraphBytes bytes(f.get());
  return ReadGraph(bytes, path);
}

}  // namespace irkg
