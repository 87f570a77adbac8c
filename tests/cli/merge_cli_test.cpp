// Merging through the real program: every way of putting the same articles
// together (one build, shards merged in any order, graphs merged with
// graphs and records, incremental builds) must write the very same bytes,
// and re-adding an article already in a graph must change nothing. The
// articles in tests/cli/articles are short texts written for these tests.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/cli/cli_test_util.h"

namespace fs = std::filesystem;
using namespace irkg::test;

namespace {

const fs::path kArticles = IRKG_CLI_TESTS_DIR "/articles";

std::string Article(const std::string& name) { return (kArticles / name).string(); }

// One file holding every article, for the single build the others must equal.
std::string AllArticles(const Workdir& w) {
  std::string all = w / "all.jsonl";
  std::ofstream out(all, std::ios::binary);
  for (const char* name : {"a.jsonl", "b.jsonl", "c.jsonl"}) out << Slurp(Article(name));
  return all;
}

}  // namespace

TEST_CASE("merging shards, graphs and incremental builds gives the bytes of one build") {
  Workdir w;
  Irkg(w, {"build", AllArticles(w), "-o", w / "full.jsonld", "-q"});
  const std::string full = Slurp(w / "full.jsonld");
  REQUIRE(full.find("Khalaf Khalafov") != std::string::npos);

  for (const char* shard : {"a", "b", "c"})
    Irkg(w, {"extract", Article(std::string(shard) + ".jsonl"), "-o", w / (std::string(shard) + ".records.jsonl"), "-q"});

  SECTION("record shards in any order") {
    Irkg(w, {"merge", w / "a.records.jsonl", w / "b.records.jsonl", w / "c.records.jsonl", "-o", w / "abc.jsonld", "-q"});
    Irkg(w, {"merge", w / "c.records.jsonl", w / "a.records.jsonl", w / "b.records.jsonl", "-o", w / "cab.jsonld", "-q"});
    Irkg(w, {"merge", w / "b.records.jsonl", w / "c.records.jsonl", w / "a.records.jsonl", "-o", w / "bca.jsonld", "-q"});
    CHECK(Slurp(w / "abc.jsonld") == full);
    CHECK(Slurp(w / "cab.jsonld") == full);
    CHECK(Slurp(w / "bca.jsonld") == full);
    // On threads, one file after another, as irkg-dask's last merge runs.
    Irkg(w, {"merge", "-j", "2", w / "c.records.jsonl", w / "a.records.jsonl", w / "b.records.jsonl", "-o",
             w / "cab-j2.jsonld", "-q"});
    CHECK(Slurp(w / "cab-j2.jsonld") == full);
  }

  SECTION("files listed one a line (--inputs-from), after those given") {
    {
      std::ofstream(w / "list.txt", std::ios::binary) << w / "b.records.jsonl" << "\n\n" << w / "c.records.jsonl" << "\r\n";
    }
    Irkg(w, {"merge", w / "a.records.jsonl", "--inputs-from", w / "list.txt", "-o", w / "listed.jsonld", "-q"});
    CHECK(Slurp(w / "listed.jsonld") == full);
    Irkg(w, {"merge", "--inputs-from", w / "list.txt", "-o", w / "bc.jsonld", "-q"});
    Irkg(w, {"merge", w / "a.records.jsonl", "-o", w / "a.jsonld", "-q"});
    {
      std::ofstream(w / "graphs.txt", std::ios::binary) << w / "bc.jsonld" << "\n" << w / "a.jsonld" << "\n";
    }
    Irkg(w, {"merge", "--inputs-from", w / "graphs.txt", "-o", w / "graphs.jsonld", "-q"});
    CHECK(Slurp(w / "graphs.jsonld") == full);
    // A listed file that is not there is named, and no graph is written.
    {
      std::ofstream(w / "missing.txt", std::ios::binary) << w / "a.records.jsonl" << "\n" << w / "nowhere.jsonl" << "\n";
    }
    CHECK(IrkgStatus(w, {"merge", "--inputs-from", w / "missing.txt", "-o", w / "missing.jsonld", "-q"}) != 0);
    CHECK(Slurp(w / "stderr.log").find("nowhere.jsonl: cannot open") != std::string::npos);
    CHECK(!fs::exists(w / "missing.jsonld"));
  }

  SECTION("graphs with graphs, and graphs with records") {
    Irkg(w, {"merge", w / "a.records.jsonl", "-o", w / "a.jsonld", "-q"});
    Irkg(w, {"merge", w / "c.records.jsonl", w / "b.records.jsonl", "-o", w / "bc.jsonld", "-q"});
    Irkg(w, {"merge", w / "bc.jsonld", w / "a.jsonld", "-o", w / "graphs.jsonld", "-q"});
    Irkg(w, {"merge", w / "b.records.jsonl", w / "a.jsonld", w / "c.records.jsonl", "-o", w / "mixed.jsonld", "-q"});
    // Merging a graph with itself and with its own parts adds nothing.
    Irkg(w, {"merge", w / "graphs.jsonld", w / "a.jsonld", w / "graphs.jsonld", "-o", w / "again.jsonld", "-q"});
    CHECK(Slurp(w / "graphs.jsonld") == full);
    CHECK(Slurp(w / "mixed.jsonld") == full);
    CHECK(Slurp(w / "again.jsonld") == full);
  }

  SECTION("build --into equals a full rebuild") {
    Irkg(w, {"build", Article("b.jsonl"), "-o", w / "b.jsonld", "-q"});
    Irkg(w, {"build", Article("c.jsonl"), "--into", w / "b.jsonld", "-o", w / "bc.jsonld", "-q"});
    Irkg(w, {"build", Article("a.jsonl"), "--into", w / "bc.jsonld", "-o", w / "bca.jsonld", "-q"});
    CHECK(Slurp(w / "bca.jsonld") == full);
  }

  SECTION("re-adding articles already in the graph adds nothing twice") {
    Irkg(w, {"build", Article("a.jsonl"), "--into", w / "full.jsonld", "-o", w / "readd.jsonld", "-q"});
    CHECK(Slurp(w / "readd.jsonld") == full);
    Irkg(w, {"merge", w / "full.jsonld", w / "c.records.jsonl", w / "a.records.jsonl", "-o", w / "remerge.jsonld", "-q"});
    CHECK(Slurp(w / "remerge.jsonld") == full);
  }
}

TEST_CASE("an office keeps the first and last dates it was seen, in the JSON-LD") {
  Workdir w;
  Irkg(w, {"build", AllArticles(w), "-o", w / "full.jsonld", "-q"});
  // Khalafov's office is in all three articles (2023-03-10, 2023-11-20,
  // 2024-02-05), none of which dates the fact itself: the article dates count.
  Irkg(w, {"neighbors", w / "full.jsonld", "Khalaf Khalafov", "--predicates", "holdsPosition", "--json"}, w / "n.json");
  const std::string json = Slurp(w / "n.json");
  CHECK(json.find("\"predicate\":\"holdsPosition\",\"object\":\"country/AZE\"") != std::string::npos);
  CHECK(json.find("\"firstSeen\":\"2023-03-10\",\"lastSeen\":\"2024-02-05\"") != std::string::npos);
  const std::string graph = Slurp(w / "full.jsonld");
  size_t office = graph.find("\"subject\":\"https://w3id.org/irkg/id/person/khalaf-khalafov\",\"predicate\":\"holdsPosition\"");
  REQUIRE(office != std::string::npos);
  std::string statement = graph.substr(office, graph.find('\n', office) - office);
  CHECK(statement.find("\"firstSeen\":\"2023-03-10\",\"lastSeen\":\"2024-02-05\"") != std::string::npos);
  CHECK(statement.find("\"articleCount\":3") != std::string::npos);
}

TEST_CASE("path and neighbors answer on the command line") {
  Workdir w;
  Irkg(w, {"build", AllArticles(w), "-o", w / "full.jsonld", "-q"});
  Irkg(w, {"path", w / "full.jsonld", "Antonio Tajani", "Ilia Darchiashvili", "--k", "2", "--json"}, w / "p.json");
  const std::string paths = Slurp(w / "p.json");
  CHECK(paths.rfind("{\"paths\":[{\"length\":2,", 0) == 0);
  CHECK(paths.find("\"evidence\":[{\"article\":\"rome-forum\"") != std::string::npos);
  Irkg(w, {"neighbors", w / "full.jsonld", "Georgia", "--depth", "2", "--dot"}, w / "n.dot");
  const std::string dot = Slurp(w / "n.dot");
  CHECK(dot.rfind("digraph", 0) == 0);
  CHECK(dot.find("person/khalaf-khalafov") != std::string::npos);
  CHECK(dot.find("location/rome") == std::string::npos);
}

TEST_CASE("merge parses records on several threads to the same bytes and the same first bad line") {
  Workdir w;
  Irkg(w, {"build", AllArticles(w), "-o", w / "full.jsonld", "-q"});
  const std::string full = Slurp(w / "full.jsonld");
  Irkg(w, {"extract", AllArticles(w), "-o", w / "all.records.jsonl", "-q"});
  // The same records again and again (a merge keeps each article once), with
  // blank lines, past the 4 MB a reader thread hands over at a time: chunks
  // are parsed out of order and must still be taken in order. Seven chunks,
  // more than -j 2 holds at once (six), so parsed chunks' buffers are filled
  // again.
  const std::string records = Slurp(w / "all.records.jsonl");
  std::string many;
  while (many.size() < (26u << 20)) many += records + "\n \n";
  {
    std::ofstream(w / "many.jsonl", std::ios::binary) << many;
  }
  for (const char* jobs : {"1", "2", "3"}) {
    INFO("-j " << jobs);
    Irkg(w, {"merge", "-j", jobs, w / "many.jsonl", "-o", w / "many.jsonld", "-q"});
    CHECK(Slurp(w / "many.jsonld") == full);
  }

  // Two bad lines, both late: the first in file order is the one named.
  size_t lines = 0;
  for (char c : many) lines += c == '\n';
  std::string bad = many + "{\"id\": \"talk-x\", \"text\"\n" + many + "not json\n";
  {
    std::ofstream(w / "bad.jsonl", std::ios::binary) << bad;
  }
  const std::string named = "bad.jsonl:" + std::to_string(lines + 1) + ":";
  for (const char* jobs : {"1", "3"}) {
    INFO("-j " << jobs);
    CHECK(IrkgStatus(w, {"merge", "-j", jobs, w / "bad.jsonl", "-o", w / "bad.jsonld", "-q"}) != 0);
    CHECK(Slurp(w / "stderr.log").find(named) != std::string::npos);
    CHECK(!fs::exists(w / "bad.jsonld"));
  }
}
