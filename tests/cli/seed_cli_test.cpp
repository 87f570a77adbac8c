// The founding example end to end, through the program as a user runs it:
// the seed article's record holds the facts a reader takes from it, the
// graph of examples/ connects its two presidents, and the diagram names the
// two deputy ministers.
#include <catch2/catch.hpp>

#include "core/record_json.h"
#include "core/text.h"
#include "tests/cli/cli_test_util.h"

using namespace irkg;
using namespace irkg::test;

namespace {

const std::string kExamples = IRKG_SOURCE_DIR "/examples";
const std::string kSeed = kExamples + "/seed-azernews-italy.txt";

const ExtractedTriple* Find(const ExtractionRecord& r, const std::string& s, Predicate p, const std::string& o) {
  for (const auto& t : r.triples) {
    const auto* a = r.FindEntity(t.subject);
    const auto* b = r.FindEntity(t.object);
    if (t.predicate != p) continue;
    if (a->name == s && b->name == o) return &t;
    if (Info(p).symmetric && a->name == o && b->name == s) return &t;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("the seed article's record states what a reader takes from it") {
  Workdir w;
  Irkg(w, {"extract", kSeed, "-o", w / "seed.jsonl", "-q"});
  std::string line = Slurp(w / "seed.jsonl");
  REQUIRE(line.find('\n') == line.size() - 1);
  auto record = ParseRecordJson(line, "seed.jsonl:1");
  REQUIRE(record.ok());
  const ExtractionRecord& r = *record;
  CHECK(r.doc == "seed-azernews-italy.txt");

  const auto* office = Find(r, "Khalaf Khalafov", Predicate::kHoldsPosition, "Azerbaijan");
  REQUIRE(office);
  CHECK(office->title == "Deputy Foreign Minister");
  CHECK(office->evidence->text.find("Khalaf Khalafov") != std::string::npos);
  // the evidence span is where the record says it is
  std::string text = Slurp(kSeed);
  CHECK(text.substr(office->evidence->start, office->evidence->end - office->evidence->start) == office->evidence->text);

  const auto* counterpart = Find(r, "Edmondo Chirielli", Predicate::kHoldsPosition, "Italy");
  REQUIRE(counterpart);
  CHECK(counterpart->title == "Deputy Foreign Minister");
  CHECK(Find(r, "Khalaf Khalafov", Predicate::kMetWith, "Edmondo Chirielli"));
  CHECK(Find(r, "Ilham Aliyev", Predicate::kVisited, "Italy"));
  CHECK(Find(r, "Sergio Mattarella", Predicate::kVisited, "Azerbaijan"));
  const auto* relations = Find(r, "Azerbaijan", Predicate::kDiplomaticRelations, "Italy");
  REQUIRE(relations);
  CHECK(relations->date == "1992-05-08");
  const auto* embassy = Find(r, "Azerbaijan", Predicate::kHasEmbassyIn, "Italy");
  REQUIRE(embassy);
  CHECK(embassy->date == "2003");
  const auto* supply = Find(r, "Azerbaijan", Predicate::kSupplies, "Italy");
  REQUIRE(supply);
  CHECK(supply->what == "energy");
  CHECK(Find(r, "Khalaf Khalafov", Predicate::kCriticizes, "Armenia"));
  CHECK(Find(r, "Italy-Azerbaijan University", Predicate::kLocatedIn, "Baku"));
  // "the necessity to sign a peace treaty" is no signing
  for (const auto& t : r.triples) CHECK(r.FindEntity(t.object)->name.find("peace treaty") == std::string::npos);
}

TEST_CASE("the graph of examples/ connects the presidents, and the diagram names the ministers") {
  Workdir w;
  Irkg(w, {"build", kExamples, "-o", w / "g.jsonld", "--diagram", w / "g.svg", "-q"});
  Irkg(w, {"path", w / "g.jsonld", "Ilham Aliyev", "Sergio Mattarella", "--json"}, w / "path.json");
  std::string path = Slurp(w / "path.json");
  CHECK(path.find("\"length\":2") != std::string::npos);
  CHECK(path.find("\"evidence\":[{\"article\":\"seed-azernews-italy.txt\"") != std::string::npos);

  std::string svg = Slurp(w / "g.svg");
  CHECK(svg.find("Khalaf Khalafov") != std::string::npos);
  CHECK(svg.find("Edmondo Chirielli") != std::string::npos);

  Irkg(w, {"stats", w / "g.jsonld", "--json"}, w / "stats.json");
  std::string stats = Slurp(w / "stats.json");
  CHECK(stats.find("\"entities\": ") != std::string::npos);
  CHECK(stats.find("\"edges\": ") != std::string::npos);
}

TEST_CASE("the command line: help, version, usage errors") {
  Workdir w;
  CHECK(IrkgStatus(w, {"--version"}, w / "v.txt") == 0);
  CHECK(Slurp(w / "v.txt").rfind("irkg ", 0) == 0);
  CHECK(IrkgStatus(w, {"help"}, w / "h.txt") == 0);
  CHECK(Slurp(w / "h.txt").find("extract") != std::string::npos);
  CHECK(IrkgStatus(w, {"extract", "--help"}, w / "eh.txt") == 0);
  CHECK(Slurp(w / "eh.txt").find("--keep-going") != std::string::npos);
  CHECK(IrkgStatus(w, {"frobnicate"}) == 2);
  CHECK(IrkgStatus(w, {"extract", "--no-such-option", kSeed}) == 2);
  CHECK(Slurp(w / "stderr.log").rfind("irkg: error: unknown option '--no-such-option'", 0) == 0);
  CHECK(IrkgStatus(w, {"extract", w / "missing.txt"}) == 1);
  CHECK(Slurp(w / "stderr.log").find("missing.txt: no such file or directory") != std::string::npos);
}
