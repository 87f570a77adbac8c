// Runs the query cases in tests/queries/cases/*.test, so that adding a case
// takes a text file and no C++. The format, after the manner of Kuzu's
// .test files:
//
//   # a comment
//   -GRAPH diplomats.jsonl            fixture in tests/queries/fixtures:
//                                     extraction records (.jsonl) or a graph (.jsonld)
//   -CASE the name of a case
//   -QUERY path "Khalaf Khalafov" Italy --k 2
//   ---- 2                            how many answer lines follow
//   person/khalaf-khalafov country/AZE country/ITA
//   person/khalaf-khalafov person/edmondo-cirielli country/ITA
//
// A query is an irkg command line without "irkg" and without GRAPH, read
// with the command's own option table. An answer line of `path` is the
// entity ids along one path, in rank order; of `neighbors`, one entity id
// within reach (the centre left out), compared as a set; of `holders`,
// "[before ]PERSON-ID FIRST-SEEN LAST-SEEN"; of `timeline`, "DATE SUBJECT
// PREDICATE OBJECT" per piece of evidence; of `dyad`, "PERIOD GOLDSTEIN
// PREDICATE:COUNT..."; of `entities`, "ID DEGREE". `---- error` instead
// expects the query to fail with the message on the next line.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/query_output.h"
#include "core/record_json.h"
#include "graph/graph_builder.h"
#include "graph/graph_reader.h"

using namespace irkg;
namespace fs = std::filesystem;

namespace {

struct QueryCase {
  std::string name;
  int line = 0;
  std::string query;
  bool expect_error = false;
  std::vector<std::string> expected;
};

struct CaseFile {
  std::string graph;
  std::vector<QueryCase> cases;
};

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

CaseFile ReadCaseFile(const fs::path& path) {
  std::ifstream in(path);
  REQUIRE(in);
  CaseFile file;
  std::string line;
  int line_no = 0;
  auto next_line = [&] {
    INFO(path.string() << ": answer lines missing after line " << line_no);
    REQUIRE(std::getline(in, line));
    ++line_no;
    return Trim(line);
  };
  while (std::getline(in, line)) {
    ++line_no;
    line = Trim(line);
    if (line.empty() || line[0] == '#') continue;
    INFO(path.string() << ":" << line_no << ": " << line);
    if (line.rfind("-GRAPH ", 0) == 0) {
      file.graph = Trim(line.substr(7));
    } else if (line.rfind("-CASE ", 0) == 0) {
      file.cases.push_back(QueryCase{Trim(line.substr(6)), line_no, "", false, {}});
    } else if (line.rfind("-QUERY ", 0) == 0) {
      REQUIRE_FALSE(file.cases.empty());
      file.cases.back().query = Trim(line.substr(7));
    } else if (line.rfind("----", 0) == 0) {
      REQUIRE_FALSE(file.cases.empty());
      QueryCase& c = file.cases.back();
      std::string count = Trim(line.substr(4));
      if (count == "error") {
        c.expect_error = true;
        c.expected.push_back(next_line());
      } else {
        int n = std::stoi(count);
        for (int i = 0; i < n; ++i) c.expected.push_back(next_line());
      }
    } else {
      FAIL("unexpected line");
    }
  }
  REQUIRE_FALSE(file.graph.empty());
  return file;
}

// Splits a command line at spaces, keeping "double-quoted words" together.
std::vector<std::string> SplitWords(const std::string& s) {
  std::vector<std::string> words;
  std::string word;
  bool quoted = false, any = false;
  for (char c : s) {
    if (c == '"') {
      quoted = !quoted;
      any = true;
    } else if (c == ' ' && !quoted) {
      if (any) words.push_back(word);
      word.clear();
      any = false;
    } else {
      word += c;
      any = true;
    }
  }
  if (any) words.push_back(word);
  return words;
}

KnowledgeGraph LoadFixture(const fs::path& path) {
  INFO("fixture " << path.string());
  if (path.extension() == ".jsonld") {
    auto g = ReadGraphFile(path.string());
    INFO(g.status().message());
    REQUIRE(g.ok());
    return std::move(*g);
  }
  std::ifstream in(path);
  REQUIRE(in);
  GraphBuilder builder;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (Trim(line).empty()) continue;
    auto r = ParseRecordJson(line, path.string() + ":" + std::to_string(n));
    INFO(r.status().message());
    REQUIRE(r.ok());
    builder.AddRecord(*r);
  }
  return builder.Build();
}

// The answer lines a query gives, or its error message as the one line.
std::vector<std::string> Run(const KnowledgeGraph& graph, const std::string& query, bool* failed) {
  std::vector<std::string> words = SplitWords(query);
  REQUIRE_FALSE(words.empty());
  const cli::Command* command = nullptr;
  for (const auto& c : cli::Commands())
    if (words[0] == c.name) command = &c;
  INFO("command " << words[0]);
  REQUIRE(command != nullptr);
  words[0] = "GRAPH";  // where the graph file goes on a real command line
  auto args = cli::Args::Parse(words, command->options);
  *failed = !args.ok();
  if (!args.ok()) return {args.status().message()};

  std::vector<std::string> lines;
  if (std::string(command->name) == "path") {
    auto paths = cli::FindPaths(graph, *args);
    *failed = !paths.ok();
    if (!paths.ok()) return {paths.status().message()};
    for (const Path& p : *paths) {
      std::string line;
      for (VertexId v : p.vertices) line += (line.empty() ? "" : " ") + graph.entity(v).id;
      lines.push_back(line);
    }
  } else if (std::string(command->name) == "neighbors") {
    auto net = cli::FindNeighbors(graph, *args);
    *failed = !net.ok();
    if (!net.ok()) return {net.status().message()};
    for (size_t i = 1; i < net->vertices.size(); ++i) lines.push_back(graph.entity(net->vertices[i]).id.str());
    std::sort(lines.begin(), lines.end());
  } else if (std::string(command->name) == "holders") {
    auto answer = cli::FindHolders(graph, *args);
    *failed = !answer.ok();
    if (!answer.ok()) return {answer.status().message()};
    for (const OfficeTerm& t : answer->terms)
      lines.push_back((answer->last_known_before ? "before " : "") + graph.entity(t.person).id + " " + t.first_seen + " " +
                      t.last_seen.str());
  } else if (std::string(command->name) == "timeline") {
    auto entity = ResolveEntity(graph, args->positional().at(1));
    *failed = !entity.ok();
    if (!entity.ok()) return {entity.status().message()};
    for (const TimelineFact& f : Timeline(graph, *entity))
      lines.push_back(f.date + " " + graph.entity(graph.source(f.relation)).id + " " +
                      std::string(PredicateName(graph.relation(f.relation).predicate)) + " " +
                      graph.entity(graph.target(f.relation)).id.str());
  } else if (std::string(command->name) == "dyad") {
    auto answer = cli::FindDyad(graph, *args);
    *failed = !answer.ok();
    if (!answer.ok()) return {answer.status().message()};
    for (const DyadPeriod& p : answer->periods) {
      char goldstein[32];
      std::snprintf(goldstein, sizeof goldstein, "%.1f", p.goldstein);
      std::string line = p.period + " " + goldstein;
      for (const auto& [predicate, n] : p.counts) line += " " + std::string(PredicateName(predicate)) + ":" + std::to_string(n);
      lines.push_back(line);
    }
  } else if (std::string(command->name) == "entities") {
    auto listed = cli::FindEntities(graph, *args);
    *failed = !listed.ok();
    if (!listed.ok()) return {listed.status().message()};
    for (const ListedEntity& l : *listed) lines.push_back(graph.entity(l.vertex).id + " " + std::to_string(l.degree));
  } else {
    FAIL("no query command '" << command->name << "'");
  }
  return lines;
}

}  // namespace

TEST_CASE("query cases in tests/queries/cases") {
  const fs::path root = IRKG_QUERY_TESTS_DIR;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(root / "cases"))
    if (entry.path().extension() == ".test") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  REQUIRE_FALSE(files.empty());
  size_t ran = 0;
  for (const fs::path& file : files) {
    const CaseFile cases = ReadCaseFile(file);
    const KnowledgeGraph graph = LoadFixture(root / "fixtures" / cases.graph);
    for (const QueryCase& c : cases.cases) {
      DYNAMIC_SECTION(file.filename().string() << ":" << c.line << ": " << c.name) {
        INFO("query: " << c.query);
        bool failed = false;
        std::vector<std::string> actual = Run(graph, c.query, &failed);
        std::vector<std::string> expected = c.expected;
        if (!c.expect_error && c.query.rfind("neighbors", 0) == 0) std::sort(expected.begin(), expected.end());
        CHECK(failed == c.expect_error);
        CHECK(actual == expected);
        ++ran;
      }
    }
  }
  CHECK(ran > 0);
}
