// irkg explain, run as a user would, on invented records: a surname alone
// merged into the full name by its office, and a namesake kept apart.
#include <catch2/catch.hpp>

#include <fstream>

#include "tests/cli/cli_test_util.h"

using namespace irkg::test;

namespace {

std::string OfficeRecord(const std::string& doc, const std::string& date, const std::string& person) {
  const std::string sentence = "President " + person + " of Norway spoke.";
  return "{\"doc\": \"" + doc + "\", \"date\": \"" + date + "\", \"entities\": [" +
         "{\"id\": \"p\", \"name\": \"" + person + "\", \"type\": \"Person\", \"mentions\": []}, " +
         "{\"id\": \"n\", \"name\": \"Norway\", \"type\": \"Country\", \"code\": \"NOR\", \"mentions\": []}], " +
         "\"triples\": [{\"subject\": \"p\", \"predicate\": \"holdsPosition\", \"object\": \"n\", \"confidence\": 0.9, " +
         "\"rule\": \"r\", \"title\": \"President\", \"evidence\": {\"start\": 0, \"end\": " +
         std::to_string(sentence.size()) + ", \"text\": \"" + sentence + "\"}}]}\n";
}

}  // namespace

TEST_CASE("explain names the rule that merged a surname and the namesake it kept apart") {
  Workdir w;
  {
    std::ofstream records(w / "records.jsonl");
    records << OfficeRecord("full", "2021-05-01", "Velimir Starkov") << OfficeRecord("alone", "2022-05-01", "Starkov")
            << OfficeRecord("namesake", "2012-05-01", "Irina Starkov");
  }
  Irkg(w, {"merge", w / "records.jsonl", "-o", w / "g.jsonld", "-q"});
  Irkg(w, {"explain", w / "g.jsonld", "Velimir Starkov"}, w / "out.txt");
  const std::string out = Slurp(w / "out.txt");
  CHECK(out.find("\"Starkov\" in alone joined \"Velimir Starkov\" in full") != std::string::npos);
  CHECK(out.find("surname alone, the one full name with its title and state within 2 years") != std::string::npos);
  CHECK(out.find("\"Irina Starkov\" in namesake") != std::string::npos);
  CHECK(out.find("same surname, different given names") != std::string::npos);

  Irkg(w, {"explain", w / "g.jsonld", "person/velimir-starkov", "--json"}, w / "out.json");
  CHECK(Slurp(w / "out.json").find("\"otherEntity\":\"person/irina-starkov\"") != std::string::npos);

  CHECK(IrkgStatus(w, {"explain", w / "g.jsonld", "Nobody Known"}) != 0);
  CHECK(IrkgStatus(w, {"explain", w / "g.jsonld"}) == 2);
  CHECK(IrkgStatus(w, {"explain", "--help"}) == 0);
}
