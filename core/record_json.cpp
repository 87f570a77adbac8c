#include "core/record_json.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>

#include "core/text.h"

namespace irkg {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void WriteSpan(Writer& w, const TextSpan& span) {
  w.StartObject();
  w.Key("start");
  w.Uint(span.start);
  w.Key("end");
  w.Uint(span.end);
  w.Key("text");
  w.String(span.text);
  w.EndObject();
}

void WriteOptional(Writer& w, const char* key, const std::string& value) {
  if (value.empty()) return;
  w.Key(key);
  w.String(value);
}

}  // namespace

void AppendRecordJson(const ExtractionRecord& r, std::string* out) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.SetMaxDecimalPlaces(3);
  w.StartObject();
  w.Key("doc");
  w.String(r.doc);
  WriteOptional(w, "date", r.date);
  WriteOptional(w, "title", r.title);
  WriteOptional(w, "url", r.url);
  w.Key("entities");
  w.StartArray();
  for (const auto& e : r.entities) {
    w.StartObject();
    w.Key("id");
    w.String(e.id);
    w.Key("name");
    w.String(e.name);
    w.Key("type");
    w.String(EntityTypeName(e.type).data(), EntityTypeName(e.type).size());
    WriteOptional(w, "subtype", e.subtype);
    WriteOptional(w, "code", e.code);
    w.Key("mentions");
    w.StartArray();
    for (const auto& m : e.mentions) WriteSpan(w, m);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("triples");
  w.StartArray();
  for (const auto& t : r.triples) {
    const PredicateInfo& info = Info(t.predicate);
    w.StartObject();
    w.Key("subject");
    w.String(t.subject);
    w.Key("predicate");
    w.String(info.name.data(), info.name.size());
    w.Key("object");
    w.String(t.object);
    WriteOptional(w, "title", t.title);
    WriteOptional(w, "date", t.date);
    WriteOptional(w, "what", t.what);
    if (!info.cameo.empty()) {
      w.Key("cameo");
      w.String(info.cameo.data(), info.cameo.size());
      w.Key("goldstein");
      w.Double(info.goldstein);
    }
    w.Key("confidence");
    w.Double(std::isfinite(t.confidence) ? t.confidence : 0.0);
    WriteOptional(w, "rule", t.rule);
    if (t.evidence) {
      w.Key("evidence");
      WriteSpan(w, *t.evidence);
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out->append(buffer.GetString(), buffer.GetSize());
  out->push_back('\n');
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
