#include "export/renderer.h"

#include "export/dot_writer.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "tests/export/diagram_sample.h"

namespace irkg {
namespace {

using testing::ReadFile;
using testing::TestDir;

Status Render(const KnowledgeGraph& g, const DiagramOptions& o, const std::string& layout,
              const std::string& format, const std::filesystem::path& path) {
  Result<OutputFile> out = OutputFile::Open(path.string());
  REQUIRE(out.ok());
  Status s = RenderDiagram(g, o, layout, format, *out);
  if (!s.ok()) return s;
  return out->Commit();
}

std::string RenderToString(const KnowledgeGraph& g, const DiagramOptions& o, const std::string& layout,
                           const std::string& format, const std::filesystem::path& path) {
  Status s = Render(g, o, layout, format, path);
  INFO(s.message());
  REQUIRE(s.ok());
  return ReadFile(path);
}

bool Has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST_CASE("SVG carries names and evidence tooltips", "[render]") {
  auto dir = TestDir("render");
  std::string svg = RenderToString(testing::TrickyGraph(), {}, "dot", "svg", dir / "tricky.svg");
  CHECK(Has(svg, "<svg"));
  CHECK(Has(svg, ">Mevlüt Çavuşoğlu</text>"));
  CHECK(Has(svg, ">Nguyễn Phú Trọng</text>"));
  CHECK(Has(svg, ">Conor O&#39;Brien</text>"));
  CHECK(Has(svg, ">Côte d&#39;Ivoire (CIV)</text>"));
  CHECK(Has(svg, ">The &quot;Quoted\\Backslash&quot;</text>"));
  CHECK(Has(svg, ">&lt;Institute&gt; &amp; Co</text>"));
  CHECK(Has(svg, ">holdsPosition</text>"));
  CHECK(Has(svg, ">Foreign Minister</text>"));
  CHECK(Has(svg, "font-family=\"DejaVu Sans\""));

  // Edge tooltips: the sentence, then the article.
  CHECK(Has(svg, "xlink:title=\"Mevlüt Çavuşoğlu metWith Conor O&#39;Brien&#10;"
                 "“Çavuşoğlu met O&#39;Brien in Ankara &lt;on Tuesday&gt; &amp; talked.”&#10;— tr&#45;news.txt"));
  // One backslash in, one backslash out, even before an N.
  CHECK(Has(svg, "O&#39;Brien said C:\\Nuclear\\path was &quot;wrong&quot;."));
  CHECK(Has(svg, "background knowledge (no evidence)"));
  // Node tooltips.
  CHECK(Has(svg, "xlink:title=\"The &quot;Quoted\\Backslash&quot; &lt;Institute&gt; &amp; Co&#10;Organization"));
  CHECK(Has(svg, "id: person/obrien"));
  // The key under the title.
  CHECK(Has(svg, ">Organization</text>"));
  CHECK(Has(svg, ">hostile</text>"));
}

TEST_CASE("PNG and PDF output", "[render]") {
  auto dir = TestDir("render");
  KnowledgeGraph g = testing::DiplomaticGraph();
  std::string png = RenderToString(g, {}, "dot", "png", dir / "d.png");
  REQUIRE(png.size() > 8);
  CHECK(png.substr(0, 8) == std::string("\x89PNG\r\n\x1a\n", 8));
  std::string pdf = RenderToString(g, {}, "dot", "pdf", dir / "d.pdf");
  CHECK(pdf.rfind("%PDF-", 0) == 0);
}

TEST_CASE("every listed layout draws", "[render]") {
  auto dir = TestDir("render");
  KnowledgeGraph g = testing::DiplomaticGraph();
  for (const std::string& layout : DiagramLayouts()) {
    INFO(layout);
    std::string svg = RenderToString(g, {}, layout, "svg", dir / (layout + ".svg"));
    CHECK(Has(svg, ">Khalaf Khalafov</text>"));
  }
}

TEST_CASE("focus and filters reach the picture", "[render]") {
  auto dir = TestDir("render");
  DiagramOptions o;
  o.focus = {"Nguyễn Phú Trọng"};
  o.depth = 1;
  std::string svg = RenderToString(testing::TrickyGraph(), o, "neato", "svg", dir / "focus.svg");
  CHECK(Has(svg, ">Nguyễn Phú Trọng</text>"));
  CHECK(Has(svg, ">Vietnam (VNM)</text>"));
  CHECK_FALSE(Has(svg, "Çavuşoğlu"));
}

TEST_CASE("unknown layout or format is a usage error naming the valid ones", "[render]") {
  auto dir = TestDir("render");
  KnowledgeGraph g = testing::TrickyGraph();
  Status s = Render(g, {}, "twopi-ish", "svg", dir / "x.svg");
  CHECK(s.code() == Status::Code::kUsage);
  CHECK(Has(s.message(), "dot, neato, sfdp, fdp, circo"));
  s = Render(g, {}, "dot", "gif", dir / "x.gif");
  CHECK(s.code() == Status::Code::kUsage);
  CHECK(Has(s.message(), "svg, png, pdf"));
  CHECK_FALSE(std::filesystem::exists(dir / "x.gif"));

  DiagramOptions o;
  o.focus = {"Atlantis"};
  CHECK(Render(g, o, "dot", "svg", dir / "x.svg").code() == Status::Code::kNotFound);
}

// Not run by default: draws the sample article for a person to look at.
//   export_tests "[.look]"
TEST_CASE("draw the diplomatic sample to /tmp", "[.look]") {
  KnowledgeGraph g = testing::DiplomaticGraph();
  DiagramOptions o;
  o.title = "Azerbaijan – Italy, from one article";
  for (std::string layout : {"dot", "neato", "sfdp"}) {
    std::string stem = std::string("/tmp/diagram-test") + (layout == "dot" ? "" : "-" + layout);
    CHECK(Render(g, o, layout, "png", stem + ".png").ok());
    CHECK(Render(g, o, layout, "svg", stem + ".svg").ok());
  }
  DiagramOptions tricky;
  tricky.title = "Names Graphviz reads specially: \"quotes\", back\\slashes, <angles> & Co";
  CHECK(Render(testing::TrickyGraph(), tricky, "dot", "png", "/tmp/diagram-tricky.png").ok());
  Result<OutputFile> dot = OutputFile::Open("/tmp/diagram-test.dot");
  REQUIRE(dot.ok());
  Status s = WriteDot(g, o, *dot);
  REQUIRE(s.ok());
  REQUIRE(dot->Commit().ok());
}

}  // namespace
}  // namespace irkg
