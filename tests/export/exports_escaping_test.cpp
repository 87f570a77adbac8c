// The escaping each database export relies on, one place per format.
#include <catch2/catch.hpp>

#include "export/csv.h"
#include "export/cypher_writer.h"
#include "export/ntriples_writer.h"
#include "export/property_graph.h"
#include "export/rdf_graph.h"

namespace irkg {
namespace {

std::string NtString(std::string_view s) {
  std::string out;
  AppendQuotedString(s, &out);
  return out;
}

std::string CypherString(std::string_view s) {
  std::string out;
  AppendCypherString(s, &out);
  return out;
}

std::string CsvField(std::string_view s) {
  std::string out;
  csv::AppendField(s, &out);
  return out;
}

TEST_CASE("N-Triples literals escape quotes, backslashes and control characters, keep UTF-8") {
  CHECK(NtString("O\"Brien\\") == "\"O\\\"Brien\\\\\"");
  CHECK(NtString("a\nb\rc\td") == "\"a\\nb\\rc\\td\"");
  CHECK(NtString(std::string("bell\x07") + "\x7f") == "\"bell\\u0007\\u007F\"");
  CHECK(NtString("Çavuşoğlu Nguyễn") == "\"Çavuşoğlu Nguyễn\"");
}

TEST_CASE("N-Triples IRIs percent-encode what IRIREF forbids") {
  std::string out;
  AppendIriRef("https://x/a b<c>\"{|}^`\\", &out);
  CHECK(out == "<https://x/a%20b%3Cc%3E%22%7B%7C%7D%5E%60%5C>");
  out.clear();
  AppendIriRef("https://x/Türkiye", &out);
  CHECK(out == "<https://x/Türkiye>");
}

TEST_CASE("Cypher strings cannot be ended by data") {
  CHECK(CypherString("Robert'}) DETACH DELETE n //") == "'Robert\\'}) DETACH DELETE n //'");
  CHECK(CypherString("C:\\dir\n") == "'C:\\\\dir\\n'");
  CHECK(CypherString("\x01") == "'\\u0001'");
}

TEST_CASE("CSV quotes only when needed and doubles quotes") {
  CHECK(CsvField("plain") == "plain");
  CHECK(CsvField("a,b") == "\"a,b\"");
  CHECK(CsvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(CsvField("two\nlines") == "\"two\nlines\"");
  CHECK(CsvField(" edge") == "\" edge\"");
}

TEST_CASE("Doubles take JSON-LD's canonical form of the printed JSON number") {
  CHECK(rdf::DoubleLexical(0.97) == "9.7E-1");
  CHECK(rdf::DoubleLexical(1.0) == "1.0E0");
  CHECK(rdf::DoubleLexical(0.0) == "0.0E0");
  CHECK(rdf::DoubleLexical(0.9700000000000001) == "9.7E-1");  // six decimals in the JSON-LD
  CHECK(rdf::DoubleLexical(0.1234567) == "1.23456E-1");  // RapidJSON cuts, not rounds
}

TEST_CASE("Relationship types come from predicate names") {
  CHECK(pg::RelationshipType(Predicate::kHoldsPosition) == "HOLDS_POSITION");
  CHECK(pg::RelationshipType(Predicate::kMetWith) == "MET_WITH");
  CHECK(pg::RelationshipType(Predicate::kAttacks) == "ATTACKS");
}

}  // namespace
}  // namespace irkg
