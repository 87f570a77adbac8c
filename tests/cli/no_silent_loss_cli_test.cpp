// Nothing is left out without a word: every export format honours the
// filters, date bounds say how many undated facts they dropped, and inputs
// that give no articles (an empty .jsonl, a PDF in a directory) are named.
// The articles are short texts invented for these tests.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "tests/cli/cli_test_util.h"

namespace fs = std::filesystem;
using namespace irkg::test;

namespace {

const fs::path kArticles = IRKG_CLI_TESTS_DIR "/articles";

// The three dated test articles and one without a date.
std::string Corpus(const Workdir& w) {
  std::string path = w / "corpus.jsonl";
  std::ofstream out(path, std::ios::binary);
  for (const char* name : {"a.jsonl", "b.jsonl", "c.jsonl"}) out << Slurp((kArticles / name).string());
  out << "{\"id\": \"undated-note\", \"text\": \"Portuguese Foreign Minister Rui Tavares met Finnish Foreign"
         " Minister Aino Koski in Lisbon.\"}\n";
  return path;
}

std::string Graph(const Workdir& w) {
  std::string graph = w / "g.jsonld";
  Irkg(w, {"build", Corpus(w), "-o", graph, "-q"});
  return graph;
}

// The text of a file, or of every file in a directory.
std::string Contents(const std::string& path) {
  if (!fs::is_directory(path)) return Slurp(path);
  std::string all;
  for (const auto& entry : fs::directory_iterator(path)) all += Slurp(entry.path().string());
  return all;
}

}  // namespace

TEST_CASE("every export format honours --types, --predicates and --focus") {
  Workdir w;
  const std::string graph = Graph(w);
  for (const char* format : {"jsonld", "nt", "ttl", "graphml", "cypher", "dot", "neo4j", "kuzu"}) {
    INFO("format " << format);
    std::string all = w / (std::string("all.") + format), countries = w / (std::string("countries.") + format),
                meetings = w / (std::string("met.") + format), focus = w / (std::string("focus.") + format);
    Irkg(w, {"export", graph, "--format", format, "-o", all});
    CHECK(Contents(all).find("Khalafov") != std::string::npos);
    Irkg(w, {"export", graph, "--format", format, "--types", "Country", "-o", countries});
    CHECK(Contents(countries).find("khalaf-khalafov") == std::string::npos);
    CHECK(Contents(countries).find("Khalaf Khalafov met") == std::string::npos);
    Irkg(w, {"export", graph, "--format", format, "--predicates", "metWith", "-o", meetings});
    CHECK(Contents(meetings).find("Trans Adriatic") == std::string::npos);
    Irkg(w, {"export", graph, "--format", format, "--focus", "Aino Koski", "-o", focus});
    CHECK(Contents(focus).find("Aino Koski") != std::string::npos);
    CHECK(Contents(focus).find("Khalafov") == std::string::npos);
  }
}

TEST_CASE("since: the count of undated relations left out is said, and include-undated keeps them") {
  Workdir w;
  const std::string graph = Graph(w);
  Irkg(w, {"export", graph, "--format", "nt", "--since", "2023", "-o", w / "since.nt"});
  CHECK(Slurp(w / "stderr.log").find("left out ") != std::string::npos);
  CHECK(Slurp(w / "stderr.log").find("with no dated evidence") != std::string::npos);
  CHECK(Slurp(w / "since.nt").find("Aino Koski met") == std::string::npos);
  Irkg(w, {"export", graph, "--format", "nt", "--since", "2023", "--include-undated", "-o", w / "kept.nt"});
  CHECK(Slurp(w / "stderr.log").find("left out") == std::string::npos);
  CHECK(Slurp(w / "kept.nt").find("Rui Tavares met Finnish") != std::string::npos);

  Irkg(w, {"neighbors", graph, "Rui Tavares", "--since", "2023"}, w / "n.txt");
  CHECK(Slurp(w / "stderr.log").find("with no dated evidence (--include-undated keeps them)") != std::string::npos);
  CHECK(Slurp(w / "n.txt").find("Aino Koski") == std::string::npos);
  Irkg(w, {"neighbors", graph, "Rui Tavares", "--since", "2023", "--include-undated"}, w / "n.txt");
  CHECK(Slurp(w / "n.txt").find("Aino Koski") != std::string::npos);
}

TEST_CASE("inputs that give no articles are an error or a warning, never a silent empty graph") {
  Workdir w;
  std::ofstream(w / "empty.jsonl").close();
  CHECK(IrkgStatus(w, {"build", w / "empty.jsonl", "-o", w / "g.jsonld"}) == 1);
  CHECK(Slurp(w / "stderr.log").find("no articles in the input: 1 file (" + (w / "empty.jsonl") + ")") !=
        std::string::npos);
  CHECK_FALSE(fs::exists(w / "g.jsonld"));

  // An empty corpus beside a real one: the graph is built, the empty one named.
  Irkg(w, {"build", w / "empty.jsonl", (kArticles / "a.jsonl").string(), "-o", w / "g.jsonld"});
  CHECK(Slurp(w / "stderr.log").find("warning: 1 file (" + (w / "empty.jsonl") + ") held no articles") !=
        std::string::npos);

  // A directory with a PDF and an image beside its article.
  fs::create_directories(w / "inbox");
  fs::copy_file(kArticles / "b.jsonl", w / "inbox/b.jsonl");
  std::ofstream(w / "inbox/briefing.pdf") << "%PDF-1.4 Norway and Chile met";
  std::ofstream(w / "inbox/photo.png") << "PNG";
  Irkg(w, {"extract", w / "inbox", "-o", w / "r.jsonl"});
  CHECK(Slurp(w / "stderr.log").find("skipped 2 files (" + (w / "inbox/briefing.pdf") + ", " + (w / "inbox/photo.png") +
                                     ") that are not .txt or .jsonl") != std::string::npos);
}

TEST_CASE("a date-narrowed JSON-LD export reads back: it keeps every article its entities were seen in") {
  Workdir w;
  const std::string graph = Graph(w);
  // an entity kept for a dated relation was also seen in articles that
  // state nothing dated: the file must still define those articles
  Irkg(w, {"export", graph, "--format", "jsonld", "--since", "2023", "-o", w / "since.jsonld"});
  Irkg(w, {"stats", w / "since.jsonld"}, w / "stats.txt");
  CHECK(Slurp(w / "stats.txt").find("articles") != std::string::npos);
  Irkg(w, {"merge", w / "since.jsonld", graph, "-o", w / "merged.jsonld", "-q"});
}
