#include "export/jsonld_writer.h"

#include <rapidjson/writer.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <tuple>
#include <vector>

#include "core/text.h"
#include "graph/vocabulary.h"

namespace irkg {
namespace {

// A RapidJSON output stream that hands the text to a sink in large chunks.
// The writer asks for room once per value (PutReserve, below) and then puts
// each byte unchecked (PutUnsafe): a byte is a store and an increment, not a
// std::string push_back, which was a fifth of a merge's instructions.
class ChunkStream {
 public:
  using Ch = char;
  explicit ChunkStream(std::function<void(std::string_view)> sink) : sink_(std::move(sink)), buffer_(2 * kChunk) {}
  void Put(char c) {
    if (size_ == buffer_.size()) MakeRoom(1);
    buffer_[size_++] = c;
  }
  void PutUnchecked(char c) { buffer_[size_++] = c; }
  void PutUncheckedBytes(std::string_view s) {
    std::memcpy(buffer_.data() + size_, s.data(), s.size());
    size_ += s.size();
  }
  void Reserve(size_t count) {
    if (buffer_.size() - size_ < count) MakeRoom(count);
  }
  void PutRaw(std::string_view s) {
    Reserve(s.size());
    std::memcpy(buffer_.data() + size_, s.data(), s.size());
    size_ += s.size();
    if (size_ >= kChunk) Drain();
  }
  // RapidJSON flushes after every root value, i.e. every node; only a full
  // chunk is worth passing on then.
  void Flush() {
    if (size_ >= kChunk) Drain();
  }
  // Passes `s` on after what is buffered, without copying it into the
  // buffer, in pieces of a chunk, as one thread's writer passes them on (a
  // batch of megabytes at once cost the kernel's copy into the file's pages
  // about twice the CPU: 536 samples against 259, perf, 200 MB of news).
  void PassOn(std::string_view s) {
    Drain();
    for (size_t i = 0; i < s.size(); i += kChunk) sink_(s.substr(i, kChunk));
  }
  void Drain() {
    if (size_ == 0) return;
    sink_(std::string_view(buffer_.data(), size_));
    size_ = 0;
  }

 private:
  static constexpr size_t kChunk = 1 << 16;
  void MakeRoom(size_t count) {
    if (size_ >= kChunk) Drain();
    if (buffer_.size() - size_ < count) buffer_.resize(std::max(2 * buffer_.size(), size_ + count));
  }
  std::function<void(std::string_view)> sink_;
  std::vector<char> buffer_;
  size_t size_ = 0;
};

// Found by argument-dependent lookup from RapidJSON's Writer.
void PutReserve(ChunkStream& stream, size_t count) { stream.Reserve(count); }
void PutUnsafe(ChunkStream& stream, char c) { stream.PutUnchecked(c); }

// Whether s goes into JSON between quotes as it is: valid UTF-8 and no
// byte that JSON escapes ('"', '\\', controls). Eight bytes at a time.
bool IsPlainJsonString(std::string_view s) {
  constexpr uint64_t kOnes = 0x0101010101010101u, kHigh = 0x8080808080808080u;
  auto has_zero_byte = [](uint64_t v) { return ((v - kOnes) & ~v & kHigh) != 0; };
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    // A byte below 0x20 borrows in w - 0x20..20 and keeps its high bit clear.
    if (((w - 0x20 * kOnes) & ~w & kHigh) || has_zero_byte(w ^ ('"' * kOnes)) || has_zero_byte(w ^ ('\\' * kOnes)))
      return false;
  }
  for (; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == '"' || c == '\\') return false;
  }
  return FindInvalidUtf8(s) == std::string_view::npos;
}

using ValidatingWriter = rapidjson::Writer<ChunkStream, rapidjson::UTF8<>, rapidjson::UTF8<>, rapidjson::CrtAllocator,
                                           rapidjson::kWriteValidateEncodingFlag>;

// RapidJSON's writer checks and escapes a string byte by byte, a third of a
// merge's instructions once the records parse fast. Nearly every string of a
// graph needs neither: those are copied whole, the rest go the checked way
// (same bytes, and the same failure for invalid UTF-8).
class RapidWriter : public ValidatingWriter {
 public:
  using ValidatingWriter::ValidatingWriter;
  bool String(const char* s, rapidjson::SizeType length) {
    if (!IsPlainJsonString(std::string_view(s, length))) return ValidatingWriter::String(s, length);
    Prefix(rapidjson::kStringType);
    os_->Reserve(length + 2);
    os_->PutUnchecked('"');
    os_->PutUncheckedBytes(std::string_view(s, length));
    os_->PutUnchecked('"');
    return EndValue(true);
  }
  bool Key(const char* s, rapidjson::SizeType length) { return String(s, length); }
};

// Wraps the RapidJSON writer so that one failed call (invalid UTF-8, a
// non-finite number) poisons the whole node instead of being lost.
class NodeWriter {
 public:
  explicit NodeWriter(ChunkStream* stream) : stream_(stream), writer_(*stream) { writer_.SetMaxDecimalPlaces(6); }

  void Begin() {
    writer_.Reset(*stream_);
    ok_ = true;
  }
  bool ok() const { return ok_ && writer_.IsComplete(); }

  void StartObject() { ok_ = writer_.StartObject() && ok_; }
  void EndObject() { ok_ = writer_.EndObject() && ok_; }
  void StartArray() { ok_ = writer_.StartArray() && ok_; }
  void EndArray() { ok_ = writer_.EndArray() && ok_; }
  void Key(std::string_view k) { ok_ = writer_.Key(k.data(), static_cast<rapidjson::SizeType>(k.size())) && ok_; }
  void String(std::string_view s) {
    ok_ = writer_.String(s.data(), static_cast<rapidjson::SizeType>(s.size())) && ok_;
  }
  void Uint(unsigned n) { ok_ = writer_.Uint(n) && ok_; }
  void Bool(bool b) { ok_ = writer_.Bool(b) && ok_; }
  void Double(double d) { ok_ = std::isfinite(d) && writer_.Double(d) && ok_; }

  void Member(std::string_view key, std::string_view value) {
    Key(key);
    String(value);
  }
  void MemberIfSet(std::string_view key, std::string_view value) {
    if (!value.empty()) Member(key, value);
  }
  void StringList(std::string_view key, const std::vector<Symbol>& values) {
    if (values.empty()) return;
    Key(key);
    StartArray();
    for (const auto& v : values) String(v);
    EndArray();
  }

 private:
  ChunkStream* stream_;
  RapidWriter writer_;
  bool ok_ = true;
};

void WriteContext(NodeWriter& w) {
  using namespace vocab;
  auto term = [&](std::string_view name, std::string_view iri, std::string_view type = {},
                  std::string_view container = {}) {
    w.Key(name);
    if (type.empty() && container.empty()) {
      w.String(iri);
      return;
    }
    w.StartObject();
    w.Member("@id", iri);
    if (!type.empty()) w.Member("@type", type);
    if (!container.empty()) w.Member("@container", container);
    w.EndObject();
  };
  w.StartObject();
  w.Key("@version");
  w.Double(1.1);
  term("schema", kSchemaOrg);
  term("irkg", kVocabBase);
  term("rdf", kRdf);
  term("xsd", kXsd);
  for (std::string_view cls : AllSchemaOrgClasses()) term(cls, "schema:" + std::string(cls));
  term("Statement", "rdf:Statement");
  term("Article", "schema:NewsArticle");
  term("name", "schema:name");
  term("alternateName", "schema:alternateName", {}, "@set");
  term("entityType", "irkg:entityType");
  term("subtype", "irkg:subtype");
  term("code", "schema:identifier");
  term("seenIn", "irkg:seenIn", {}, "@set");
  for (const PredicateInfo& p : AllPredicates()) term(p.name, "irkg:" + std::string(p.name), "@id", "@set");
  term("subject", "rdf:subject", "@id");
  term("predicate", "rdf:predicate", "@vocab");
  term("object", "rdf:object", "@id");
  term("title", "irkg:title", {}, "@set");
  term("date", "irkg:date", {}, "@set");
  term("what", "irkg:what", {}, "@set");
  term("confidence", "irkg:confidence", "xsd:double");
  term("articleCount", "irkg:articleCount", "xsd:integer");
  term("firstSeen", "irkg:firstSeen");
  term("lastSeen", "irkg:lastSeen");
  term("cameo", "irkg:cameo");
  term("goldstein", "irkg:goldstein", "xsd:double");
  term("evidence", "irkg:evidence", {}, "@set");
  term("article", "irkg:article", "@id");
  term("text", "irkg:text");
  term("start", "irkg:start", "xsd:integer");
  term("end", "irkg:end", "xsd:integer");
  term("rule", "irkg:rule");
  term("dateFromText", "irkg:dateFromText", "xsd:boolean");
  term("doc", "irkg:doc");
  term("datePublished", "schema:datePublished");
  term("url", "schema:url");
  term("headline", "schema:headline");
  w.EndObject();
}

void WriteEntity(NodeWriter& w, const KnowledgeGraph& graph, VertexId v) {
  const Entity& e = graph.entity(v);
  w.StartObject();
  w.Member("@id", vocab::EntityIri(e.id));
  w.Member("@type", vocab::SchemaOrgClass(e.type, e.subtype));
  w.Member("name", e.name);
  w.StringList("alternateName", e.aliases);
  w.Member("entityType", EntityTypeName(e.type));
  w.MemberIfSet("subtype", e.subtype);
  w.MemberIfSet("code", e.code);
  if (!e.sightings.empty()) {
    w.Key("seenIn");
    w.StartArray();
    for (const Sighting& s : e.sightings) {
      w.StartObject();
      if (!s.article.empty()) w.Member("article", vocab::ArticleIri(s.article));
      w.Member("name", s.name);
      w.MemberIfSet("subtype", s.subtype);
      w.MemberIfSet("code", s.code);
      w.StringList("alternateName", s.mentions);
      w.EndObject();
    }
    w.EndArray();
  }
  // The direct edges, so that a plain RDF reading has each triple.
  std::vector<std::pair<Predicate, Symbol>> out;
  graph.ForEachOutgoing(v, [&](EdgeId edge, VertexId object) {
    out.emplace_back(graph.relation(edge).predicate, graph.entity(object).id);
  });
  std::sort(out.begin(), out.end());
  for (size_t i = 0; i < out.size();) {
    w.Key(PredicateName(out[i].first));
    w.StartArray();
    Predicate p = out[i].first;
    for (; i < out.size() && out[i].first == p; ++i) w.String(vocab::EntityIri(out[i].second));
    w.EndArray();
  }
  w.EndObject();
}

void WriteStatement(NodeWriter& w, const KnowledgeGraph& graph, EdgeId edge) {
  const Relation& r = graph.relation(edge);
  w.StartObject();
  w.Member("@type", "Statement");
  w.Member("subject", vocab::EntityIri(graph.entity(graph.source(edge)).id));
  w.Member("predicate", PredicateName(r.predicate));
  w.Member("object", vocab::EntityIri(graph.entity(graph.target(edge)).id));
  w.StringList("title", Titles(r));
  w.StringList("date", Dates(r));
  w.StringList("what", Whats(r));
  w.Key("confidence");
  w.Double(r.confidence);
  w.Key("articleCount");
  w.Uint(r.article_count);
  w.MemberIfSet("firstSeen", FirstSeen(r));
  w.MemberIfSet("lastSeen", LastSeen(r));
  // The event coding of the predicate (core/schema.h), for analysts who sum
  // Goldstein weights; derived, so the reader checks it.
  if (const PredicateInfo& info = Info(r.predicate); !info.cameo.empty()) {
    w.Member("cameo", info.cameo);
    w.Key("goldstein");
    w.Double(info.goldstein);
  }
  w.Key("evidence");
  w.StartArray();
  for (const Evidence& e : r.evidence) {
    w.StartObject();
    if (!e.article.empty()) w.Member("article", vocab::ArticleIri(e.article));
    w.MemberIfSet("text", e.text);
    w.Key("start");
    w.Uint(e.start);
    w.Key("end");
    w.Uint(e.end);
    w.MemberIfSet("date", e.date);
    if (e.date_from_text) {
      w.Key("dateFromText");
      w.Bool(true);
    }
    w.Key("confidence");
    w.Double(e.confidence);
    w.MemberIfSet("rule", e.rule);
    w.MemberIfSet("title", e.title);
    w.MemberIfSet("what", e.what);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void WriteArticle(NodeWriter& w, const ArticleInfo& a) {
  w.StartObject();
  w.Member("@id", vocab::ArticleIri(a.doc));
  w.Member("@type", "Article");
  w.Member("doc", a.doc);
  w.MemberIfSet("datePublished", a.date);
  w.MemberIfSet("url", a.url);
  w.MemberIfSet("headline", a.title);
  w.EndObject();
}

Status Unwritable(const std::string& what) {
  return Status::InvalidInput(what + ": cannot be written as JSON (invalid UTF-8 or a non-finite number)");
}

// The nodes of @graph in file order: the entities, the statements, the articles.
class NodeList {
 public:
  explicit NodeList(const KnowledgeGraph& graph)
      : graph_(graph), vertices_(EntitiesInIdOrder(graph)), edges_(EdgesInIdOrder(graph)) {}
  size_t size() const { return vertices_.size() + edges_.size() + graph_.articles().size(); }

  // About how much text node i makes, in units of a sighting (about 100
  // bytes): an entity lists every article that names it, a statement every
  // piece of evidence (about four times a sighting's text).
  size_t Weight(size_t i) const {
    if (i < vertices_.size()) return 1 + graph_.entity(vertices_[i]).sightings.size();
    i -= vertices_.size();
    if (i < edges_.size()) return 1 + 4 * graph_.relation(edges_[i]).evidence.size();
    return 1;
  }

  // Writes node i; on failure, the message names it.
  Status Write(NodeWriter& w, size_t i) const {
    if (i < vertices_.size()) {
      WriteEntity(w, graph_, vertices_[i]);
      return w.ok() ? Status::Ok() : Unwritable("entity '" + graph_.entity(vertices_[i]).id + "'");
    }
    i -= vertices_.size();
    if (i < edges_.size()) {
      WriteStatement(w, graph_, edges_[i]);
      return w.ok() ? Status::Ok() : Unwritable("statement " + std::to_string(i + 1));
    }
    const ArticleInfo& a = graph_.articles()[i - edges_.size()];
    WriteArticle(w, a);
    return w.ok() ? Status::Ok() : Unwritable("article '" + a.doc + "'");
  }

 private:
  const KnowledgeGraph& graph_;
  std::vector<VertexId> vertices_;
  std::vector<EdgeId> edges_;
};

const char* Separator(size_t node) { return node == 0 ? "\n" : ",\n"; }

// Nodes [first, end) written one after the other, as text.
struct Batch {
  std::string text;
  Status status;
};

void WriteBatch(const NodeList& nodes, size_t first, size_t end, Batch* batch) {
  ChunkStream stream([batch](std::string_view chunk) { batch->text.append(chunk); });
  NodeWriter w(&stream);
  for (size_t i = first; i < end && batch->status.ok(); ++i) {
    stream.PutRaw(Separator(i));
    w.Begin();
    batch->status = nodes.Write(w, i);
  }
  stream.Drain();
}

// Where each batch of nodes starts, and the end last: at most kBatchNodes
// nodes and about kBatchWeight (NodeList::Weight) each. By count alone the
// first batch held nearly every entity, a fifth of the file (79 MB of 380
// at 200 MB of news: each entity lists its sightings), which one thread
// wrote, growing its buffer by doubling, while the other stopped at the
// ring's end waiting for it.
std::vector<size_t> BatchStarts(const NodeList& nodes) {
  constexpr size_t kBatchNodes = 2048, kBatchWeight = 16384;
  std::vector<size_t> starts{0};
  size_t count = 0, weight = 0;
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (count == kBatchNodes || weight >= kBatchWeight) {
      starts.push_back(i);
      count = weight = 0;
    }
    ++count;
    weight += nodes.Weight(i);
  }
  if (nodes.size() > 0) starts.push_back(nodes.size());
  return starts;
}

// Each node is written on its own (the writer is reset for every node), so
// `jobs` threads write consecutive batches of nodes while the caller's thread
// passes the finished ones on in order: the same bytes as one thread. The
// batches are a ring of 4 * jobs slots, which bounds the text held in memory;
// a slot's buffer is used again, and the caller writes one batch while the
// threads make the next ones (they used to meet after every round of
// batches, each grown in a new buffer whose pages faulted in afresh).
Status WriteNodes(const NodeList& nodes, unsigned jobs, ChunkStream& stream) {
  const std::vector<size_t> starts = BatchStarts(nodes);
  const size_t batch_count = starts.size() - 1;
  std::vector<Batch> ring(std::min(batch_count, 4 * size_t{jobs}));
  std::vector<char> ready(ring.size(), 0);  // slot holds its batch, not yet passed on
  std::mutex mu;
  std::condition_variable changed;
  size_t next = 0;     // the next batch a thread takes
  size_t passed = 0;   // batches passed on; slot b % ring.size() is free once b < passed + ring.size()
  bool stop = false;   // a batch failed: no more are taken
  auto work = [&] {
    while (true) {
      size_t b;
      {
        std::unique_lock<std::mutex> lock(mu);
        changed.wait(lock, [&] { return stop || next == batch_count || next < passed + ring.size(); });
        if (stop || next == batch_count) return;
        b = next++;
      }
      Batch& batch = ring[b % ring.size()];
      batch.text.clear();
      batch.status = Status::Ok();
      WriteBatch(nodes, starts[b], starts[b + 1], &batch);
      std::lock_guard<std::mutex> lock(mu);
      ready[b % ring.size()] = 1;
      changed.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(work);
  Status status;
  for (size_t b = 0; b < batch_count; ++b) {
    const size_t slot = b % ring.size();
    {
      std::unique_lock<std::mutex> lock(mu);
      changed.wait(lock, [&] { return ready[slot] != 0; });
    }
    stream.PassOn(ring[slot].text);
    status = ring[slot].status;
    std::lock_guard<std::mutex> lock(mu);
    ready[slot] = 0;
    ++passed;
    if (!status.ok()) stop = true;
    changed.notify_all();
    if (stop) break;
  }
  for (auto& t : threads) t.join();
  return status;
}

// One node per line, so that the file diffs and greps well.
Status WriteDocument(const KnowledgeGraph& graph, unsigned jobs, ChunkStream& stream) {
  NodeWriter w(&stream);
  stream.PutRaw("{\"@context\":");
  w.Begin();
  WriteContext(w);
  if (!w.ok()) return Unwritable("the JSON-LD context");
  stream.PutRaw(",\n\"@graph\":[");
  const NodeList nodes(graph);
  if (jobs > 1) {
    Status s = WriteNodes(nodes, jobs, stream);
    if (!s.ok()) return s;
  } else {
    for (size_t i = 0; i < nodes.size(); ++i) {
      stream.PutRaw(Separator(i));
      w.Begin();
      Status s = nodes.Write(w, i);
      if (!s.ok()) return s;
    }
  }
  stream.PutRaw("\n]}\n");
  stream.Drain();
  return Status::Ok();
}

}  // namespace

Status WriteJsonLd(const KnowledgeGraph& graph, OutputFile& out) { return WriteJsonLdInParallel(graph, out, 1); }

Status WriteJsonLdInParallel(const KnowledgeGraph& graph, OutputFile& out, unsigned jobs) {
  ChunkStream stream([&out](std::string_view chunk) { out.Write(chunk); });
  return WriteDocument(graph, std::max(1u, jobs), stream);
}

Status WriteJsonLdToString(const KnowledgeGraph& graph, std::string* out, unsigned jobs) {
  out->clear();
  ChunkStream stream([out](std::string_view chunk) { out->append(chunk); });
  return WriteDocument(graph, std::max(1u, jobs), stream);
}

}  // namespace irkg
