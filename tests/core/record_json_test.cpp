#include <catch2/catch.hpp>

#include <cmath>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "core/record_json.h"

using namespace irkg;

TEST_CASE("an extraction record survives a JSON round trip") {
  ExtractionRecord r;
  r.doc = "talks.txt";
  r.date = "2024-03-01";
  r.entities.push_back({"e1", "Ana Pérez", EntityType::kPerson, "", "", {{0, 10, "Ana Pérez"}}});
  r.entities.push_back({"e2", "Chile", EntityType::kCountry, "", "CHL", {{20, 27, "Chilean"}}});
  ExtractedTriple t;
  t.subject = "e1";
  t.predicate = Predicate::kHoldsPosition;
  t.object = "e2";
  t.title = "Foreign \"Minister\"";
  t.confidence = 0.9;
  t.evidence = TextSpan{0, 40, "Chilean Foreign Minister Ana Pérez said\n"};
  r.triples.push_back(t);

  std::string line;
  AppendRecordJson(r, &line);
  REQUIRE(line.back() == '\n');
  REQUIRE(line.find('\n') == line.size() - 1);

  auto back = ParseRecordJson(line, "x:1");
  REQUIRE(back.ok());
  CHECK(back->doc == "talks.txt");
  REQUIRE(back->entities.size() == 2);
  CHECK(back->entities[0].name == "Ana Pérez");
  CHECK(back->entities[1].code == "CHL");
  REQUIRE(back->triples.size() == 1);
  CHECK(back->triples[0].predicate == Predicate::kHoldsPosition);
  CHECK(back->triples[0].title == "Foreign \"Minister\"");
  CHECK(back->triples[0].evidence->text == "Chilean Foreign Minister Ana Pérez said\n");
}

// The record writer writes its own bytes (record_json.cpp): they must be
// those RapidJSON's Writer gives, escapes and numbers included, so that
// records files stay byte-identical across the change; confidences are
// rounded to three decimals first (RapidJSON's limit truncates).
TEST_CASE("record strings and numbers are written as RapidJSON writes them") {
  std::string tricky = "quote \" backslash \\ slash / tab\t nl\n cr\r ff\f bs\b";
  for (char c = 1; c < 0x20; ++c) tricky += c;
  tricky += "\x7f caf\xc3\xa9 \xe2\x80\x94 twelve bytes";  // DEL and UTF-8 pass as they are
  for (std::string text : {std::string(), std::string("ab"), std::string(40, 'x') + "\"", tricky}) {
    ExtractionRecord r;
    r.doc = text;
    r.entities.push_back({"e1", text, EntityType::kPerson, "", "", {{7, 4294967295u, text}}});
    ExtractedTriple t;
    t.subject = t.object = "e1";
    t.predicate = Predicate::kMetWith;  // one with a CAMEO code and Goldstein weight
    // (0.85 - 0.05 is 0.7999...: rounded to 0.8, as the graph keeps it)
    for (double confidence : {0.0, 0.5, 0.123456, 1.0 / 3, 0.9995, 1.0, 0.85 - 0.05}) {
      t.confidence = confidence;
      r.triples.push_back(t);
    }
    std::string ours;
    AppendRecordJson(r, &ours);

    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.SetMaxDecimalPlaces(3);
    w.StartObject();
    w.Key("doc"), w.String(text);
    w.Key("entities"), w.StartArray(), w.StartObject();
    w.Key("id"), w.String("e1"), w.Key("name"), w.String(text), w.Key("type"), w.String("Person");
    w.Key("mentions"), w.StartArray(), w.StartObject();
    w.Key("start"), w.Uint(7), w.Key("end"), w.Uint(4294967295u), w.Key("text"), w.String(text);
    w.EndObject(), w.EndArray(), w.EndObject(), w.EndArray();
    w.Key("triples"), w.StartArray();
    const PredicateInfo& info = Info(Predicate::kMetWith);
    REQUIRE_FALSE(info.cameo.empty());
    for (const ExtractedTriple& x : r.triples) {
      w.StartObject();
      w.Key("subject"), w.String("e1"), w.Key("predicate"), w.String(info.name.data(), info.name.size());
      w.Key("object"), w.String("e1");
      w.Key("cameo"), w.String(info.cameo.data(), info.cameo.size()), w.Key("goldstein"), w.Double(info.goldstein);
      w.Key("confidence"), w.Double(std::round(x.confidence * 1000.0) / 1000.0);
      w.EndObject();
    }
    w.EndArray(), w.EndObject();
    CHECK(ours == std::string(buffer.GetString(), buffer.GetSize()) + "\n");
  }
}

TEST_CASE("malformed records are rejected with the place named") {
  auto r = ParseRecordJson("{\"doc\": 1}", "in.jsonl:7");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message().rfind("in.jsonl:7: ", 0) == 0);

  CHECK_FALSE(ParseRecordJson("{not json", "f:1").ok());
  CHECK_FALSE(ParseRecordJson("[]", "f:1").ok());
  CHECK_FALSE(ParseRecordJson(R"({"doc":"a","entities":[],"triples":[{"subject":"e1","predicate":"metWith","object":"e2"}]})", "f:1").ok());
  CHECK_FALSE(ParseRecordJson(R"({"doc":"a","entities":[{"id":"e1","name":"X","type":"Planet"}],"triples":[]})", "f:1").ok());
}

// Lines of valid UTF-8 are parsed without RapidJSON's own check, the others
// with it (record_json.cpp): both must give the same records and errors.
TEST_CASE("a record parses the same with escapes, non-ASCII text and bad bytes") {
  const std::string good =
      R"({"doc":"caf\u00e9 \"d\"","entities":[{"id":"e1","name":"Zoë Ndlovu — envoy","type":"Person",)"
      R"("mentions":[{"start":0,"end":4,"text":"tab\there"}]}],"triples":[]})";
  auto r = ParseRecordJson(good + "\n", "f:1");
  REQUIRE(r.ok());
  CHECK(r->doc == "caf\xc3\xa9 \"d\"");
  CHECK(r->entities[0].name == "Zo\xc3\xab Ndlovu \xe2\x80\x94 envoy");
  CHECK(r->entities[0].mentions[0].text == "tab\there");

  auto bad = ParseRecordJson(R"({"doc":"plain ascii then )" + std::string("\xff") + R"(","entities":[],"triples":[]})", "f:2");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("Invalid encoding") != std::string::npos);

  // A NUL byte must not end the line early: the error is RapidJSON's own.
  auto nul = ParseRecordJson(std::string(R"({"doc":"a)") + '\0' + R"(b","entities":[],"triples":[]})", "f:3");
  REQUIRE_FALSE(nul.ok());
  INFO(nul.status().message());
  CHECK(nul.status().message().find("f:3: invalid JSON at column 10") == 0);
}

TEST_CASE("malformed lines of valid UTF-8 name RapidJSON's error and column") {
  auto cut = ParseRecordJson(R"({"doc":"a","entities":[{"id":"e1")", "f:4");
  REQUIRE_FALSE(cut.ok());
  INFO(cut.status().message());
  CHECK(cut.status().message().find("f:4: invalid JSON at column 34: Missing a comma or '}'") == 0);
  auto surrogate = ParseRecordJson(R"({"doc":"\ud800x","entities":[],"triples":[]})", "f:5");
  REQUIRE_FALSE(surrogate.ok());
  INFO(surrogate.status().message());
  CHECK(surrogate.status().message().find("f:5: invalid JSON at column 9: The surrogate pair in string is invalid") == 0);
}
