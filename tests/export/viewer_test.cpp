// The viewer page: text from the graph cannot end the element it sits in,
// the page's arrays follow the ids' order, and the page fetches nothing.
#include "export/viewer.h"

#include <rapidjson/document.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <sstream>
#include <string>

#include "export/diagram.h"
#include "tests/export/diagram_sample.h"

namespace irkg {
namespace {

using testing::MakeEntity;
using testing::ReadFile;
using testing::Relate;
using testing::TestDir;

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// Invented names and sentences that would run as markup or script if the
// page pasted them in as they are.
KnowledgeGraph HostileGraph() {
  KnowledgeGraph g;
  g.AddEntity(MakeEntity("person/zed", "Zed </script><script>window.hit=1</script>", EntityType::kPerson, "",
                         {"<img src=x onerror=\"window.hit=2\">"}));
  g.AddEntity(MakeEntity("country/AAA", "Aland \"quoted\" & <b>bold</b>", EntityType::kCountry, "AAA"));
  g.AddEntity(MakeEntity("person/amy", "Amy <!-- comment", EntityType::kPerson));
  Relate(g, "person/zed", "country/AAA", Predicate::kCriticizes, "", "2024-03",
         "Zed said </SCRIPT> and \u2028 then \u2029 <script>alert(1)</script>.", "made-up.txt");
  Relate(g, "person/amy", "person/zed", Predicate::kMetWith, "", "2024-02", "Amy met Zed.", "made-up.txt");
  return g;
}

TEST_CASE("ScriptSafeJson leaves nothing that ends a script element or a line of JavaScript", "[viewer]") {
  CHECK(ScriptSafeJson(R"({"a":"</script><!-- & >"})") ==
        R"({"a":"\u003c/script\u003e\u003c!-- \u0026 \u003e"})");
  CHECK(ScriptSafeJson("\"x\u2028y\u2029z\"") == R"("x\u2028y\u2029z")");
  // Other characters, UTF-8 included, pass as they are.
  CHECK(ScriptSafeJson(R"({"n":"Çavuşoğlu \"q\" \\ /"})") == R"({"n":"Çavuşoğlu \"q\" \\ /"})");
  rapidjson::Document parsed;
  parsed.Parse(ScriptSafeJson(R"(["</script>\u2028"])").c_str());
  REQUIRE(parsed.IsArray());
  CHECK(std::string(parsed[0].GetString()) == "</script>\u2028");
}

TEST_CASE("The page's data lists entities by id and relations in canonical order", "[viewer]") {
  KnowledgeGraph g = HostileGraph();  // added out of id order on purpose
  rapidjson::Document data;
  data.Parse(ViewerJson(g, {}, "t").c_str());
  REQUIRE(data.IsObject());
  const auto& nodes = data["nodes"];
  REQUIRE(nodes.Size() == 3);
  CHECK(std::string(nodes[0]["id"].GetString()) == "country/AAA");
  CHECK(std::string(nodes[1]["id"].GetString()) == "person/amy");
  CHECK(std::string(nodes[2]["id"].GetString()) == "person/zed");
  const auto& edges = data["edges"];
  REQUIRE(edges.Size() == 2);
  // person/amy metWith person/zed before person/zed criticizes country/AAA,
  // and ends are indices into the id-ordered nodes.
  CHECK(edges[0]["s"].GetInt() == 1);
  CHECK(edges[0]["t"].GetInt() == 2);
  CHECK(std::string(data["predicates"][edges[0]["p"].GetInt()]["name"].GetString()) == "metWith");
  CHECK(edges[1]["s"].GetInt() == 2);
  CHECK(edges[1]["t"].GetInt() == 0);
  const auto& criticizes = data["predicates"][edges[1]["p"].GetInt()];
  CHECK(std::string(criticizes["cameo"].GetString()) == "11");
  CHECK(criticizes["goldstein"].GetDouble() < 0);
  // Evidence names its article by index into the cited articles.
  REQUIRE(data["articles"].Size() == 1);
  CHECK(std::string(data["articles"][0]["id"].GetString()) == "made-up.txt");
  CHECK(edges[1]["ev"][0]["a"].GetInt() == 0);
  CHECK(std::string(edges[1]["ev"][0]["date"].GetString()) == "2024-03");
  // The diagrams' colours.
  CHECK(std::string(data["types"][1]["border"].GetString()) == std::string(StyleOf(EntityType::kCountry).border));
}

TEST_CASE("A hostile graph gives a page whose only script elements are its own", "[viewer]") {
  auto dir = TestDir("viewer");
  KnowledgeGraph g = HostileGraph();
  ViewerAssets assets{"console.log('</script> and <!-- in a bundle string');", "a::after{content:'</style>'}"};
  {
    auto out = OutputFile::Open((dir / "hostile.html").string());
    REQUIRE(out.ok());
    Status s = WriteViewer(g, "A <title> & \"quotes\"", assets, *out);
    INFO(s.message());
    REQUIRE(s.ok());
    REQUIRE(out->Commit().ok());
  }
  const std::string page = ReadFile(dir / "hostile.html");
  std::string lower = page;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  // Two script elements (data, bundle) and one style element: each opened
  // and closed once, whatever the names, sentences and assets hold.
  CHECK(Count(lower, "<script") == 2);
  CHECK(Count(lower, "</script") == 2);
  CHECK(Count(lower, "</style") == 1);
  CHECK(Count(page, "<!--") == 0);
  CHECK(Count(page, "<img") == 0);
  CHECK(Count(page, "\u2028") == 0);
  CHECK(page.find("<title>A &lt;title&gt; &amp; &quot;quotes&quot;</title>") != std::string::npos);
  CHECK(page.find("Content-Security-Policy") != std::string::npos);
  CHECK(page.find("default-src 'none'") != std::string::npos);
  // Every source the policy allows is the page itself: inline script and
  // style, or data: and blob: addresses it makes (images, the live layout's
  // worker); no host, no scheme that reaches the network.
  const std::string policy_start = "Content-Security-Policy\" content=\"";
  const size_t from = page.find(policy_start) + policy_start.size();
  std::istringstream policy(page.substr(from, page.find('"', from) - from));
  std::string word;
  while (policy >> word) {
    if (!word.empty() && word.back() == ';') word.pop_back();
    if (word.ends_with("-src")) continue;
    INFO(word);
    CHECK((word == "'none'" || word == "'unsafe-inline'" || word == "data:" || word == "blob:"));
  }
}

TEST_CASE("sfdp places every entity, in id order, apart from the others", "[viewer]") {
  // (Two runs of irkg view give the same page: tests/viewer checks that.
  // Within one process sfdp's second layout differs from its first.)
  KnowledgeGraph g = testing::DiplomaticGraph();
  auto points = SfdpPositions(g);
  REQUIRE(points.ok());
  REQUIRE(points->size() == g.entity_count());
  for (size_t i = 0; i < points->size(); ++i)
    for (size_t j = i + 1; j < points->size(); ++j)
      CHECK(((*points)[i].x != (*points)[j].x || (*points)[i].y != (*points)[j].y));
  CHECK(SfdpPositions(KnowledgeGraph())->empty());
}

}  // namespace
}  // namespace irkg
