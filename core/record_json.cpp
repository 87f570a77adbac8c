#include "core/record_json.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/internal/dtoa.h>
#include <rapidjson/internal/itoa.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/text.h"

namespace irkg {
namespace {

// The record is written straight into the caller's string through a raw
// pointer rather than through RapidJSON's Writer, which kept a state stack,
// escaped byte by byte into a buffer of its own and copied that out at the
// end: a tenth of `irkg extract`'s instructions, most of them for the
// mentions' spans. The bytes are still RapidJSON's: its escapes below, its
// integers and its shortest round-trip doubles cut to 3 decimal places (the
// same internal functions), no spaces.
class JsonText {
 public:
  // Writes after what `out` holds; `out` is cut to the bytes written when
  // this is destroyed.
  explicit JsonText(std::string* out) : out_(*out), used_(out->size()) {}
  ~JsonText() { out_.resize(used_); }

  // Text that needs no escaping: keys with their punctuation.
  void Raw(std::string_view text) {
    std::memcpy(Room(text.size()), text.data(), text.size());
    used_ += text.size();
  }

  // A JSON string: the quote and the backslash escaped, the control
  // characters as \b \t \n \f \r or \u00XX (upper-case hex), every other
  // byte, UTF-8 included, as it is. Eight bytes are checked at a time: an
  // article's text seldom needs an escape.
  void String(std::string_view s) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    char* const begin = Room(2 + 6 * s.size());  // at worst every byte a \u00XX
    char* p = begin;
    *p++ = '"';
    for (size_t i = 0; i < s.size();) {
      if (uint64_t block; i + 8 <= s.size()) {
        std::memcpy(&block, s.data() + i, 8);
        if (!AnyNeedsEscape(block)) {
          std::memcpy(p, &block, 8);
          p += 8, i += 8;
          continue;
        }
      }
      const auto c = static_cast<unsigned char>(s[i++]);
      if (c >= 0x20 && c != '"' && c != '\\') {
        *p++ = static_cast<char>(c);
        continue;
      }
      *p++ = '\\';
      switch (c) {
        case '"': *p++ = '"'; break;
        case '\\': *p++ = '\\'; break;
        case '\b': *p++ = 'b'; break;
        case '\t': *p++ = 't'; break;
        case '\n': *p++ = 'n'; break;
        case '\f': *p++ = 'f'; break;
        case '\r': *p++ = 'r'; break;
        default:
          *p++ = 'u', *p++ = '0', *p++ = '0';
          *p++ = kHex[c >> 4], *p++ = kHex[c & 15];
      }
    }
    *p++ = '"';
    used_ += static_cast<size_t>(p - begin);
  }

  void Uint(uint32_t v) {
    char* begin = Room(10);
    used_ += static_cast<size_t>(rapidjson::internal::u32toa(v, begin) - begin);
  }

  // A non-finite value (which JSON cannot carry) is written as 0. Three
  // decimals, rounded to the nearest (dtoa's limit truncates: 0.85 - 0.05
  // is 0.7999... and would read back as 0.799, where a build that never
  // wrote the record keeps 0.8).
  void Double(double v) {
    char* begin = Room(25);  // RapidJSON's own bound
    const double rounded = std::isfinite(v) ? std::round(v * 1000.0) / 1000.0 : 0.0;
    used_ += static_cast<size_t>(rapidjson::internal::dtoa(rounded, begin, 3) - begin);
  }

  // `key` is the member's ,"name": (or {"name": for an object's first).
  void Member(std::string_view key, std::string_view value) {
    Raw(key);
    String(value);
  }
  void Optional(std::string_view key, std::string_view value) {
    if (!value.empty()) Member(key, value);
  }

  void Span(const TextSpan& span) {
    Raw("{\"start\":");
    Uint(span.start);
    Raw(",\"end\":");
    Uint(span.end);
    Member(",\"text\":", span.text);
    Raw("}");
  }

 private:
  // Whether one of the eight bytes is below 0x20, '"' or '\\' (the
  // classic zero-byte test on the bytes, and on them xor each character).
  static bool AnyNeedsEscape(uint64_t v) {
    constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = kOnes * 0x80;
    auto zero_byte = [&](uint64_t x) { return (x - kOnes) & ~x & kHigh; };
    return ((v - kOnes * 0x20) & ~v & kHigh) | zero_byte(v ^ (kOnes * '"')) | zero_byte(v ^ (kOnes * '\\'));
  }

  // Room for `n` more bytes past those written; where they go. Inline
  // and cheap when there is room, which the first call makes likely.
  char* Room(size_t n) {
    if (out_.size() - used_ < n) Grow(n);
    return out_.data() + used_;
  }
  // Twofold at least, and a few kB at once: a record's line is a few kB, and
  // every resize zeroes the room it adds.
  [[gnu::noinline]] void Grow(size_t n) { out_.resize(std::max({used_ + n, 2 * out_.size(), used_ + 4096})); }

  std::string& out_;
  size_t used_;
};

}  // namespace

void AppendRecordJson(const ExtractionRecord& r, std::string* out) {
  JsonText json(out);
  json.Member("{\"doc\":", r.doc);
  json.Optional(",\"date\":", r.date);
  json.Optional(",\"title\":", r.title);
  json.Optional(",\"url\":", r.url);
  json.Raw(",\"entities\":[");
  for (size_t i = 0; i < r.entities.size(); ++i) {
    const ExtractedEntity& e = r.entities[i];
    json.Member(i == 0 ? "{\"id\":" : ",{\"id\":", e.id);
    json.Member(",\"name\":", e.name);
    json.Member(",\"type\":", EntityTypeName(e.type));
    json.Optional(",\"subtype\":", e.subtype);
    json.Optional(",\"code\":", e.code);
    json.Raw(",\"mentions\":[");
    for (size_t k = 0; k < e.mentions.size(); ++k) {
      if (k > 0) json.Raw(",");
      json.Span(e.mentions[k]);
    }
    json.Raw("]}");
  }
  json.Raw("],\"triples\":[");
  for (size_t i = 0; i < r.triples.size(); ++i) {
    const ExtractedTriple& t = r.triples[i];
    const PredicateInfo& info = Info(t.predicate);
    json.Member(i == 0 ? "{\"subject\":" : ",{\"subject\":", t.subject);
    json.Member(",\"predicate\":", info.name);
    json.Member(",\"object\":", t.object);
    json.Optional(",\"title\":", t.title);
    json.Optional(",\"date\":", t.date);
    json.Optional(",\"what\":", t.what);
    if (!info.cameo.empty()) {
      json.Member(",\"cameo\":", info.cameo);
      json.Raw(",\"goldstein\":");
      json.Double(info.goldstein);
    }
    json.Raw(",\"confidence\":");
    json.Double(t.confidence);
    json.Optional(",\"rule\":", t.rule);
    if (t.evidence) {
      json.Raw(",\"evidence\":");
      json.Span(*t.evidence);
    }
    json.Raw("}");
  }
  json.Raw("]}\n");
}

namespace {

using Value = rapidjson::Value;

struct Parser {
  const std::string& where;

  Status Fail(const std::string& what) const { return Status::InvalidInput(where + ": " + what); }

  // Reads an optional string member; a present member of another type is an error.
  Status OptString(const Value& obj, const char* key, std::string* out) const {
    auto it = obj.FindMember(key);
    if (it == obj.MemberEnd() || it->value.IsNull()) return Status::Ok();
    if (!it->value.IsString()) return Fail(std::string("\"") + key + "\" is not a string");
    out->assign(it->value.GetString(), it->value.GetStringLength());
    return Status::Ok();
  }

  Status ReqString(const Value& obj, const char* key, std::string* out) const {
    if (!obj.HasMember(key)) return Fail(std::string("missing \"") + key + "\"");
    return OptString(obj, key, out);
  }

  Status Span(const Value& v, TextSpan* span) const {
    if (!v.IsObject()) return Fail("span is not an object");
    auto start = v.FindMember("start");
    auto end = v.FindMember("end");
    if (start == v.MemberEnd() || !start->value.IsUint() || end == v.MemberEnd() || !end->value.IsUint())
      return Fail("span needs unsigned \"start\" and \"end\"");
    span->start = start->value.GetUint();
    span->end = end->value.GetUint();
    if (span->end < span->start) return Fail("span ends before it starts");
    return OptString(v, "text", &span->text);
  }
};

// Parses the line into `doc`. RapidJSON checks UTF-8 byte by byte inside its
// string scanner, which then cannot copy strings 16 bytes at a time; a
// merge spends most of its parsing there. So a line that is valid UTF-8
// (one fast pass over it) is parsed without that check, in place in a
// NUL-terminated copy that RapidJSON's SSE2 scanner may read in aligned
// blocks (in place: the strings are not copied into the document as well,
// only into the record); any other line (invalid UTF-8, or a NUL byte, which would end the
// copy early) the old way, so that errors and their columns stay the same.
void ParseLine(std::string_view line, rapidjson::Document* doc) {
  constexpr unsigned kChecked = rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag;
  if (FindInvalidUtf8(line) != std::string_view::npos || line.find('\0') != std::string_view::npos) {
    doc->Parse<kChecked>(line.data(), line.size());
    return;
  }
  // The padding keeps the scanner's last aligned 16-byte load inside the buffer.
  thread_local std::string copy;
  copy.assign(line);
  copy.append(16, '\0');
  doc->ParseInsitu<rapidjson::kParseIterativeFlag>(copy.data());
}

}  // namespace

Result<ExtractionRecord> ParseRecordJson(std::string_view line, const std::string& where) {
  rapidjson::Document doc;
  ParseLine(line, &doc);
  Parser p{where};
  if (doc.HasParseError())
    return p.Fail(std::string("invalid JSON at column ") + std::to_string(doc.GetErrorOffset() + 1) + ": " +
                  rapidjson::GetParseError_En(doc.GetParseError()));
  if (!doc.IsObject()) return p.Fail("not a JSON object");

  ExtractionRecord r;
  Status s = p.ReqString(doc, "doc", &r.doc);
  if (s.ok()) s = p.OptString(doc, "date", &r.date);
  if (s.ok()) s = p.OptString(doc, "title", &r.title);
  if (s.ok()) s = p.OptString(doc, "url", &r.url);
  if (!s.ok()) return s;

  auto ents = doc.FindMember("entities");
  if (ents == doc.MemberEnd() || !ents->value.IsArray()) return p.Fail("\"entities\" is not an array");
  for (const Value& v : ents->value.GetArray()) {
    if (!v.IsObject()) return p.Fail("entity is not an object");
    ExtractedEntity e;
    std::string type;
    if (!(s = p.ReqString(v, "id", &e.id)).ok() || !(s = p.ReqString(v, "name", &e.name)).ok() ||
        !(s = p.ReqString(v, "type", &type)).ok() || !(s = p.OptString(v, "subtype", &e.subtype)).ok() ||
        !(s = p.OptString(v, "code", &e.code)).ok())
      return s;
    auto t = ParseEntityType(type);
    if (!t) return p.Fail("unknown entity type \"" + type + "\"");
    e.type = *t;
    auto ms = v.FindMember("mentions");
    if (ms != v.MemberEnd()) {
      if (!ms->value.IsArray()) return p.Fail("\"mentions\" is not an array");
      for (const Value& m : ms->value.GetArray()) {
        TextSpan span;
        if (!(s = p.Span(m, &span)).ok()) return s;
        e.mentions.push_back(std::move(span));
      }
    }
    r.entities.push_back(std::move(e));
  }

  auto trips = doc.FindMember("triples");
  if (trips == doc.MemberEnd() || !trips->value.IsArray()) return p.Fail("\"triples\" is not an array");
  for (const Value& v : trips->value.GetArray()) {
    if (!v.IsObject()) return p.Fail("triple is not an object");
    ExtractedTriple t;
    std::string pred;
    if (!(s = p.ReqString(v, "subject", &t.subject)).ok() || !(s = p.ReqString(v, "predicate", &pred)).ok() ||
        !(s = p.ReqString(v, "object", &t.object)).ok() || !(s = p.OptString(v, "title", &t.title)).ok() ||
        !(s = p.OptString(v, "date", &t.date)).ok() || !(s = p.OptString(v, "what", &t.what)).ok() ||
        !(s = p.OptString(v, "rule", &t.rule)).ok())
      return s;
    auto pp = ParsePredicate(pred);
    if (!pp) return p.Fail("unknown predicate \"" + pred + "\"");
    t.predicate = *pp;
    if (!r.FindEntity(t.subject) || !r.FindEntity(t.object))
      return p.Fail("triple names an entity id that the record does not define");
    auto c = v.FindMember("confidence");
    if (c != v.MemberEnd()) {
      if (!c->value.IsNumber()) return p.Fail("\"confidence\" is not a number");
      t.confidence = c->value.GetDouble();
      if (!(t.confidence >= 0.0 && t.confidence <= 1.0)) return p.Fail("\"confidence\" is outside [0, 1]");
    }
    auto ev = v.FindMember("evidence");
    if (ev != v.MemberEnd() && !ev->value.IsNull()) {
      TextSpan span;
      if (!(s = p.Span(ev->value, &span)).ok()) return s;
      t.evidence = std::move(span);
    }
    r.triples.push_back(std::move(t));
  }
  return r;
}

}  // namespace irkg
