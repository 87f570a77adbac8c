#include <catch2/catch.hpp>

#include <string>

#include "graph/graph_reader.h"

using namespace irkg;

namespace {

const std::string kHead =
    "{\"@context\":{\"irkg\":\"https://w3id.org/irkg/vocab#\"},\"@graph\":[\n"
    "{\"@id\":\"https://w3id.org/irkg/id/country/FRA\",\"@type\":\"Country\",\"name\":\"France\","
    "\"entityType\":\"Country\",\"code\":\"FRA\"},\n"
    "{\"@id\":\"https://w3id.org/irkg/id/country/DEU\",\"@type\":\"Country\",\"name\":\"Germany\","
    "\"entityType\":\"Country\",\"code\":\"DEU\"},\n"
    "{\"@id\":\"https://w3id.org/irkg/id/article/a.txt\",\"@type\":\"Article\",\"doc\":\"a.txt\"}";

std::string Statement(const std::string& subject, const std::string& predicate, const std::string& object,
                      const std::string& extra = "\"confidence\":0.5,\"articleCount\":1",
                      const std::string& evidence_confidence = "0.5") {
  return ",\n{\"@type\":\"Statement\",\"subject\":\"https://w3id.org/irkg/id/" + subject + "\",\"predicate\":\"" +
         predicate + "\",\"object\":\"https://w3id.org/irkg/id/" + object + "\"," + extra +
         ",\"evidence\":[{\"article\":\"https://w3id.org/irkg/id/article/a.txt\",\"start\":0,\"end\":9,"
         "\"confidence\":" + evidence_confidence + ",\"rule\":\"r\"}]}";
}

std::string Message(const std::string& text) {
  auto g = ReadGraphJsonLd(text, "graph.jsonld");
  REQUIRE_FALSE(g.ok());
  return g.status().message();
}

}  // namespace

TEST_CASE("a small hand-written graph reads") {
  auto g = ReadGraphJsonLd(kHead + Statement("country/FRA", "metWith", "country/DEU") + "]}", "graph.jsonld");
  INFO(g.status().message());
  REQUIRE(g.ok());
  CHECK(g->entity_count() == 2);
  REQUIRE(g->relation_count() == 1);
  // Entities come back in id order, and the symmetric statement subject first.
  CHECK(g->entity(0).id == "country/DEU");
  auto e = *boost::edges(g->boost_graph()).first;
  CHECK(g->entity(g->source(e)).id == "country/DEU");
  CHECK(g->relation(e).evidence.at(0).article == "a.txt");
}

TEST_CASE("the reader names what is wrong") {
  CHECK(Message(kHead + Statement("country/FRA", "metWith", "person/x") + "]}") ==
        "graph.jsonld: statement 1: object 'person/x' is not defined");
  CHECK(Message(kHead + Statement("country/FRA", "likes", "country/DEU") + "]}") ==
        "graph.jsonld: statement 1: unknown predicate 'likes'");
  CHECK(Message(kHead + Statement("country/FRA", "metWith", "country/DEU", "\"confidence\":0.5", "1.5") + "]}") ==
        "graph.jsonld: statement 1: evidence 1: \"confidence\" is outside [0, 1]");
  CHECK(Message(kHead + Statement("country/FRA", "metWith", "country/DEU", "\"confidence\":0.9,\"articleCount\":1") +
                "]}") == "graph.jsonld: statement 1: confidence disagrees with its evidence");
  CHECK(Message(kHead + Statement("country/FRA", "metWith", "country/DEU") +
                Statement("country/DEU", "metWith", "country/FRA") + "]}") ==
        "graph.jsonld: statement 2: repeats statement 1 (country/DEU metWith country/FRA)");
  CHECK(Message(kHead + ",{\"@type\":\"Spaceship\"}]}") == "graph.jsonld: node 4: unknown @type 'Spaceship'");
  CHECK(Message(kHead + "," + kHead.substr(kHead.find("{\"@id\":\"https://w3id.org/irkg/id/country/FRA"),
                                             kHead.find("},\n{") + 1 - kHead.find("{\"@id\":\"https://w3id.org/irkg/id/country/FRA")) +
                "]}") == "graph.jsonld: entity 'country/FRA': is defined twice");
}

TEST_CASE("truncated, empty and foreign files get one clear line") {
  std::string whole = kHead + Statement("country/FRA", "metWith", "country/DEU") + "]}";
  std::string truncated = whole.substr(0, whole.size() / 2);
  CHECK(Message(truncated) ==
        "graph.jsonld: JSON ends early at byte " + std::to_string(truncated.size()) + " (truncated file?)");
  CHECK(Message("") == "graph.jsonld: file is empty");
  CHECK(Message("{\"name\": \"package.json\", \"version\": \"1.0.0\"}") ==
        "graph.jsonld: not an irkg graph (expected a JSON-LD object with an irkg @context and @graph)");
  CHECK(Message("[1, 2, 3]").find("not an irkg graph") != std::string::npos);
  CHECK(Message("{\"a\": 1} trailing").find("invalid JSON at byte") != std::string::npos);
  CHECK(Message("{\"@context\":{\"irkg\":\"https://w3id.org/irkg/vocab#\"},\"@graph\":[\"\xff\"]}")
            .find("invalid JSON") != std::string::npos);
}

TEST_CASE("a missing file is an I/O error naming the path") {
  auto g = ReadGraphFile("/nonexistent/dir/graph.jsonld");
  REQUIRE_FALSE(g.ok());
  CHECK(g.status().code() == Status::Code::kIoError);
  CHECK(g.status().message().rfind("/nonexistent/dir/graph.jsonld: cannot read:", 0) == 0);
}
