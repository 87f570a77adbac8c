#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
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

// The same through a file: ReadGraphFile reads a file in chunks (of 1 MB),
// not whole. Messages name the file as "graph.jsonld" all the same.
Result<KnowledgeGraph> ReadAsFile(const std::string& text) {
  std::string path =
      (std::filesystem::temp_directory_path() / ("graph_reader_test." + std::to_string(getpid()) + ".jsonld")).string();
  std::ofstream(path, std::ios::binary) << text;
  auto g = ReadGraphFile(path);
  std::filesystem::remove(path);
  if (g.ok()) return g;
  std::string message = g.status().message();
  return Status::InvalidInput("graph.jsonld" + message.substr(path.size()));
}

std::string FileMessage(const std::string& text) {
  auto g = ReadAsFile(text);
  REQUIRE_FALSE(g.ok());
  return g.status().message();
}

const std::string kArticleB =
    ",\n{\"@id\":\"https://w3id.org/irkg/id/article/b.txt\",\"@type\":\"Article\",\"doc\":\"b.txt\"}";

}  // namespace

TEST_CASE("a small hand-written graph reads") {
  auto g = ReadGraphJsonLd(kHead + Statement("country/FRA", "metWith", "country/DEU") + "]}", "graph.jsonld");
  INFO(g.status().message());
  REQUIRE(g.ok());
  CHECK(g->entity_count() == 2);
  REQUIRE(g->relation_count() == 1);
  // Entities come back in id order, and the symmetric statement subject first.
  CHECK(g->entity(0).id == "country/DEU");
  auto e = EdgesInIdOrder(*g).front();
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

// The line (from 1) `offset` is on.
std::string LineOf(const std::string& text, size_t offset) {
  return std::to_string(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n') + 1);
}

TEST_CASE("truncated, empty and foreign files get one clear line") {
  std::string whole = kHead + Statement("country/FRA", "metWith", "country/DEU") + "]}";
  std::string truncated = whole.substr(0, whole.size() / 2);
  CHECK(Message(truncated) == "graph.jsonld:" + LineOf(truncated, truncated.size()) + ": JSON ends early at byte " +
                                  std::to_string(truncated.size()) + " (truncated file?)");
  CHECK(Message("") == "graph.jsonld: file is empty");
  CHECK(Message("{\"name\": \"package.json\", \"version\": \"1.0.0\"}") ==
        "graph.jsonld: not an irkg graph (expected a JSON-LD object with an irkg @context and @graph)");
  CHECK(Message("[1, 2, 3]").find("not an irkg graph") != std::string::npos);
  CHECK(Message("{\"a\": 1} trailing") == "graph.jsonld:1: invalid JSON at column 10 (byte 9): The document root must not be followed by other values.");
  CHECK(Message("{\"@context\":{\"irkg\":\"https://w3id.org/irkg/vocab#\"},\"@graph\":[\"\xff\"]}")
            .find("invalid JSON") != std::string::npos);
}

TEST_CASE("a missing file is an I/O error naming the path") {
  auto g = ReadGraphFile("/nonexistent/dir/graph.jsonld");
  REQUIRE_FALSE(g.ok());
  CHECK(g.status().code() == Status::Code::kIoError);
  CHECK(g.status().message().rfind("/nonexistent/dir/graph.jsonld: cannot read:", 0) == 0);
}

TEST_CASE("nodes may refer to nodes further on, and @graph may come before @context") {
  // The writer puts entities, then statements, then articles; any order reads.
  std::string statement = Statement("country/FRA", "metWith", "country/DEU");
  size_t entities_end = kHead.find(",\n{\"@id\":\"https://w3id.org/irkg/id/article/");
  std::string context = "\"@context\":{\"irkg\":\"https://w3id.org/irkg/vocab#\"}";
  std::string nodes = kHead.substr(kHead.find("[\n") + 2, entities_end - kHead.find("[\n") - 2);
  std::string article = kHead.substr(entities_end + 2);
  for (const std::string& text : {
           "{" + context + ",\"@graph\":[" + article + statement + ",\n" + nodes + "]}",
           "{\"@graph\":[" + article + "," + nodes + statement + "]," + context + "}",
           "\xEF\xBB\xBF" + kHead + statement + "]}",  // a byte order mark is skipped
       }) {
    auto g = ReadGraphJsonLd(text, "graph.jsonld");
    INFO(text);
    INFO(g.status().message());
    REQUIRE(g.ok());
    CHECK(g->entity_count() == 2);
    CHECK(g->relation_count() == 1);
  }
  CHECK(Message("{\"@graph\":[" + nodes + statement + "]}") ==
        "graph.jsonld: not an irkg graph (expected a JSON-LD object with an irkg @context and @graph)");
}

TEST_CASE("of several faults, the reader names the one a check of the whole file finds first") {
  std::string undefined_article = Statement("country/FRA", "metWith", "country/DEU");
  undefined_article.replace(undefined_article.find("a.txt"), 5, "c.txt");
  // A reference to what never comes, before a fault in a later statement.
  CHECK(Message(kHead + Statement("country/FRA", "metWith", "person/x") + Statement("country/FRA", "likes", "country/DEU") +
                "]}") == "graph.jsonld: statement 1: object 'person/x' is not defined");
  CHECK(Message(kHead + undefined_article + Statement("country/FRA", "likes", "country/DEU") + "]}") ==
        "graph.jsonld: statement 1: evidence 1: article 'https://w3id.org/irkg/id/article/c.txt' is not defined");
  // A fault in a statement, before a reference in a later one.
  CHECK(Message(kHead + Statement("country/FRA", "likes", "country/DEU") + Statement("country/FRA", "metWith", "person/x") +
                "]}") == "graph.jsonld: statement 1: unknown predicate 'likes'");
  // Articles may be defined after the statements that cite them.
  std::string cites_b = Statement("country/FRA", "metWith", "country/DEU");
  cites_b.replace(cites_b.find("a.txt"), 5, "b.txt");
  CHECK(ReadGraphJsonLd(kHead + cites_b + kArticleB + "]}", "graph.jsonld").ok());
  CHECK(Message(kHead + cites_b + "]}") ==
        "graph.jsonld: statement 1: evidence 1: article 'https://w3id.org/irkg/id/article/b.txt' is not defined");
  // A node's own fault comes before any statement's, wherever it is.
  CHECK(Message(kHead + Statement("country/FRA", "likes", "country/DEU") + ",{\"@type\":\"Spaceship\"}]}") ==
        "graph.jsonld: node 5: unknown @type 'Spaceship'");
  // JSON that does not parse comes before everything in it.
  std::string cut = kHead + ",{\"@type\":\"Spaceship\"}" + Statement("country/FRA", "metWith", "country/DEU");
  CHECK(Message(cut) == "graph.jsonld:" + LineOf(cut, cut.size()) + ": JSON ends early at byte " + std::to_string(cut.size()) +
                            " (truncated file?)");
  CHECK(Message("{\"@graph\":[{\"@type\":\"Spaceship\"}]}").find("not an irkg graph") != std::string::npos);
}

TEST_CASE("a file read in chunks reads as it does in memory") {
  // Some 3 MB of entities whose names carry escapes, across chunk boundaries.
  std::string text = kHead;
  for (int i = 0; i < 30000; ++i)
    text += ",\n{\"@id\":\"https://w3id.org/irkg/id/person/p" + std::to_string(i) +
            "\",\"@type\":\"Person\",\"entityType\":\"Person\",\"name\":\"Jos\\u00e9 \\\"P\\\" " + std::to_string(i) +
            " \\\\ " + std::string(i % 50, 'x') + "\"}";
  text += Statement("country/FRA", "metWith", "person/p29999") + "]}";
  auto in_memory = ReadGraphJsonLd(text, "graph.jsonld");
  auto from_file = ReadAsFile(text);
  INFO(from_file.status().message());
  REQUIRE(in_memory.ok());
  REQUIRE(from_file.ok());
  REQUIRE(from_file->entity_count() == 30002);
  CHECK(from_file->relation_count() == 1);
  for (size_t v = 0; v < from_file->entity_count(); ++v) CHECK(from_file->entity(v) == in_memory->entity(v));

  std::string half = text.substr(0, text.size() / 2);
  CHECK(FileMessage(half) == Message(half));
  CHECK(FileMessage(half) == "graph.jsonld:" + LineOf(half, half.size()) + ": JSON ends early at byte " +
                                 std::to_string(half.size()) + " (truncated file?)");

  // A fault in the third chunk is placed by line and column as in memory.
  std::string broken = text;
  const size_t line_start = broken.find("\n{", 5 * text.size() / 6) + 1;
  broken.insert(line_start + 1, "x");  // {x"@id":...
  const std::string where = "graph.jsonld:" + LineOf(broken, line_start) + ": invalid JSON at column 2 (byte " +
                            std::to_string(line_start + 1) + "): Missing a name for object member.";
  CHECK(Message(broken) == where);
  CHECK(FileMessage(broken) == where);
}

TEST_CASE("numbers too long to parse are refused, first of all faults") {
  // RapidJSON 1.1.0 reads out of bounds on them; the parser must not see one.
  std::string digits(300, '1');
  std::string text = "{\"pad\":\"" + std::string((1 << 20) - 20, ' ') + "\",\"n\":0." + digits + "}";
  size_t start = text.find("0.1");
  std::string expected = "graph.jsonld:1: number too long at column " + std::to_string(start + 1) + " (byte " +
                         std::to_string(start) + ")";
  CHECK(Message(text) == expected);
  CHECK(FileMessage(text) == expected);  // the number spans two chunks
  // Even after JSON that does not parse, and in a file that is cut short.
  std::string after_error = "{\"a\": } " + digits;
  CHECK(Message(after_error) == "graph.jsonld:1: number too long at column 9 (byte 8)");
  CHECK(FileMessage(after_error) == "graph.jsonld:1: number too long at column 9 (byte 8)");
  CHECK(Message("[\"" + digits + "\", 1e5]").find("invalid") == std::string::npos);  // digits in a string are text
}

// The graph keeps its Boost storage to itself: callers iterate through
// ForEachEntity, ForEachRelation, ForEachOutgoing and ForEachIncident.
template <typename Graph>
concept HandsOutItsStorage = requires(const Graph& g) { g.boost_graph(); };
static_assert(!HandsOutItsStorage<irkg::KnowledgeGraph>);
