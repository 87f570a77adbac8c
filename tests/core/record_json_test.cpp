#include <catch2/catch.hpp>

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

TEST_CASE("malformed records are rejected with the place named") {
  auto r = ParseRecordJson("{\"doc\": 1}", "in.jsonl:7");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message().rfind("in.jsonl:7: ", 0) == 0);

  CHECK_FALSE(ParseRecordJson("{not json", "f:1").ok());
  CHECK_FALSE(ParseRecordJson("[]", "f:1").ok());
  CHECK_FALSE(ParseRecordJson(R"({"doc":"a","entities":[],"triples":[{"subject":"e1","predicate":"metWith","object":"e2"}]})", "f:1").ok());
  CHECK_FALSE(ParseRecordJson(R"({"doc":"a","entities":[{"id":"e1","name":"X","type":"Planet"}],"triples":[]})", "f:1").ok());
}
