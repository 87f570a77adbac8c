#include "export/dot_writer.h"

#include <graphviz/cgraph.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "export/graphviz.h"
#include "tests/export/diagram_sample.h"

namespace irkg {
namespace {

using testing::ReadFile;
using testing::TestDir;
using testing::TrickyGraph;

std::string WriteToString(const KnowledgeGraph& g, const DiagramOptions& o, const std::filesystem::path& path) {
  Result<OutputFile> out = OutputFile::Open(path.string());
  REQUIRE(out.ok());
  Status s = WriteDot(g, o, *out);
  INFO(s.message());
  REQUIRE(s.ok());
  REQUIRE(out->Commit().ok());
  return ReadFile(path);
}

std::string Attr(void* object, const char* name) {
  char* value = agget(object, gv::CString(name).get());
  return value ? value : "<undeclared>";
}

Agnode_t* Node(Agraph_t* g, const std::string& name) { return agnode(g, gv::CString(name).get(), 0); }

TEST_CASE("DOT output parses back with every label intact", "[dot]") {
  auto dir = TestDir("dot");
  KnowledgeGraph g = TrickyGraph();
  DiagramOptions all;
  all.include_isolated = true;
  std::string text = WriteToString(g, all, dir / "tricky.dot");
  REQUIRE(text.rfind("digraph irkg {", 0) == 0);

  gv::Graph parsed(agmemread(text.c_str()));
  REQUIRE(parsed);
  Agraph_t* p = parsed.get();
  CHECK(agnnodes(p) == 9);
  CHECK(agnedges(p) == 7);
  // The title and key, an HTML-like label, survive too.
  char* key = agget(p, gv::CString("label").get());
  REQUIRE(key);
  CHECK(aghtmlstr(key));
  CHECK(std::string(key).find(">Organization<") != std::string::npos);

  CHECK(Attr(Node(p, "person/obrien"), "label") == "Conor O'Brien");
  CHECK(Attr(Node(p, "person/cavusoglu"), "label") == "Mevlüt Çavuşoğlu");
  CHECK(Attr(Node(p, "person/nguyen"), "label") == "Nguyễn Phú Trọng");
  CHECK(Attr(Node(p, "country/TUR"), "label") == "Türkiye (TUR)");
  CHECK(Attr(Node(p, "country/CIV"), "label") == "Côte d'Ivoire (CIV)");
  CHECK(Attr(Node(p, "org/quoted"), "label") == R"(The "Quoted\\Backslash"\n<Institute> & Co)");
  CHECK(Attr(Node(p, "location/abidjan"), "label") == "Abidjan City");

  Agedge_t* criticizes = agedge(p, Node(p, "person/obrien"), Node(p, "org/quoted"), nullptr, 0);
  REQUIRE(criticizes);
  CHECK(Attr(criticizes, "label") == "criticizes");
  CHECK(Attr(criticizes, "tooltip").find(R"(O'Brien said C:\\\\Nuclear\\\\path was "wrong".)") != std::string::npos);
  Agedge_t* holds = agedge(p, Node(p, "person/cavusoglu"), Node(p, "country/TUR"), nullptr, 0);
  REQUIRE(holds);
  CHECK(Attr(holds, "label") == "holdsPosition\\nForeign Minister");
}

TEST_CASE("DOT output is the same every time", "[dot]") {
  auto dir = TestDir("dot");
  KnowledgeGraph g = TrickyGraph();
  DiagramOptions o;
  o.title = "Same";
  CHECK(WriteToString(g, o, dir / "a.dot") == WriteToString(g, o, dir / "b.dot"));
}

TEST_CASE("dot -Tcanon accepts the DOT file", "[dot]") {
  if (!std::filesystem::exists("/usr/bin/dot")) {
    WARN("no /usr/bin/dot; skipped");
    return;
  }
  auto dir = TestDir("dot");
  KnowledgeGraph g = TrickyGraph();
  DiagramOptions o;
  o.title = "Côte d'Ivoire \"and\" friends \\ <all>";
  WriteToString(g, o, dir / "canon.dot");
  std::string command = "/usr/bin/dot -Tcanon '" + (dir / "canon.dot").string() + "' > '" +
                        (dir / "canon.out").string() + "' 2> '" + (dir / "canon.err").string() + "'";
  CHECK(std::system(command.c_str()) == 0);
  CHECK(ReadFile(dir / "canon.err") == "");
  std::string canon = ReadFile(dir / "canon.out");
  CHECK(canon.find("Mevlüt Çavuşoğlu") != std::string::npos);
  CHECK(canon.find("\"person/obrien\"") != std::string::npos);

  // And draws it, with the fonts and shapes it names.
  command = "/usr/bin/dot -Tsvg '" + (dir / "canon.dot").string() + "' > '" + (dir / "canon.svg").string() +
            "' 2> '" + (dir / "canon.err").string() + "'";
  CHECK(std::system(command.c_str()) == 0);
  CHECK(ReadFile(dir / "canon.err") == "");
}

TEST_CASE("WriteDot reports a bad selection and writes nothing", "[dot]") {
  auto dir = TestDir("dot");
  KnowledgeGraph g = TrickyGraph();
  DiagramOptions o;
  o.focus = {"nobody/at-all"};
  {
    Result<OutputFile> out = OutputFile::Open((dir / "bad.dot").string());
    REQUIRE(out.ok());
    CHECK(WriteDot(g, o, *out).code() == Status::Code::kNotFound);
  }
  CHECK_FALSE(std::filesystem::exists(dir / "bad.dot"));
}

}  // namespace
}  // namespace irkg
