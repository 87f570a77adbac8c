#include "export/viewer.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <numeric>
#include <unordered_map>

#include "core/data_directory.h"
#include "export/diagram.h"
#include "export/escape.h"
#include "export/graphviz.h"
#include "graph/graph_builder.h"

namespace irkg {
namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void Key(JsonWriter& w, const char* key) { w.Key(key); }
void Text(JsonWriter& w, std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }
void Field(JsonWriter& w, const char* key, std::string_view value) {
  Key(w, key);
  Text(w, value);
}

// Entities by id: the order of the page's arrays and of path mode's tie-break.
std::vector<VertexId> VerticesInIdOrder(const KnowledgeGraph& graph) {
  std::vector<VertexId> order(graph.entity_count());
  std::iota(order.begin(), order.end(), VertexId{0});
  std::sort(order.begin(), order.end(),
            [&](VertexId a, VertexId b) { return graph.entity(a).id < graph.entity(b).id; });
  return order;
}

// The schema and the diagrams' colours, so that the page names and paints
// predicates and types exactly as the rest of irkg does.
void WriteSchema(JsonWriter& w) {
  Key(w, "types");
  w.StartArray();
  for (int t = 0; t < kEntityTypeCount; ++t) {
    const auto type = static_cast<EntityType>(t);
    w.StartObject();
    Field(w, "name", EntityTypeName(type));
    Field(w, "fill", StyleOf(type).fill);
    Field(w, "border", StyleOf(type).border);
    w.EndObject();
  }
  w.EndArray();
  Key(w, "families");
  w.StartArray();
  for (PredicateFamily f : {PredicateFamily::kStructural, PredicateFamily::kCooperative, PredicateFamily::kHostile}) {
    w.StartObject();
    Field(w, "name", StyleOf(f).name);
    Field(w, "line", StyleOf(f).line);
    w.EndObject();
  }
  w.EndArray();
  Key(w, "predicates");
  w.StartArray();
  for (const PredicateInfo& p : AllPredicates()) {
    w.StartObject();
    Field(w, "name", p.name);
    Key(w, "family");
    w.Int(static_cast<int>(p.family));
    Key(w, "symmetric");
    w.Bool(p.symmetric);
    Field(w, "cameo", p.cameo);
    Key(w, "goldstein");
    w.Double(p.goldstein);
    w.EndObject();
  }
  w.EndArray();
}

// Articles the evidence cites, by doc id; an evidence's "a" is an index
// here. A cited article the graph has no record of still gets its id.
std::vector<ArticleInfo> CitedArticles(const KnowledgeGraph& graph, std::unordered_map<Symbol, size_t>* index) {
  std::vector<ArticleInfo> articles = graph.articles();
  graph.ForEachRelation([&](EdgeId, const Relation& r) {
    for (const Evidence& e : r.evidence)
      if (!e.article.empty()) articles.push_back(ArticleInfo{e.article, {}, {}, {}});
  });
  // The graph's own record of an article comes first among equal ids and is kept.
  std::stable_sort(articles.begin(), articles.end(),
                   [](const ArticleInfo& a, const ArticleInfo& b) { return a.doc < b.doc; });
  articles.erase(std::unique(articles.begin(), articles.end(),
                             [](const ArticleInfo& a, const ArticleInfo& b) { return a.doc == b.doc; }),
                 articles.end());
  for (size_t i = 0; i < articles.size(); ++i) (*index)[articles[i].doc] = i;
  return articles;
}

void WriteEvidence(JsonWriter& w, const Evidence& e, const std::unordered_map<Symbol, size_t>& article_index) {
  w.StartObject();
  Key(w, "a");
  if (e.article.empty())
    w.Int(-1);
  else
    w.Uint64(article_index.at(e.article));
  Field(w, "text", e.text);
  Field(w, "date", e.date);
  Key(w, "conf");
  w.Double(e.confidence);
  if (!e.title.empty()) Field(w, "title", e.title);
  if (!e.what.empty()) Field(w, "what", e.what);
  if (IsBackground(e)) {
    Key(w, "bg");
    w.Bool(true);
  }
  w.EndObject();
}

std::string InlineSafe(std::string text, std::string_view tag) {
  // "</script" and "<!--" would end or bend a script element wherever they
  // stand; "<\/" and "<\!" read the same inside the strings, regular
  // expressions and comments where a bundle can hold them.
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '<' && i + 1 < text.size() && text[i + 1] == '/' && text.size() - i - 2 >= tag.size()) {
      bool closes = true;
      for (size_t k = 0; k < tag.size() && closes; ++k)
        closes = std::tolower(static_cast<unsigned char>(text[i + 2 + k])) == tag[k];
      if (closes) {
        out += "<\\/";
        ++i;
        continue;
      }
    }
    if (text.compare(i, 4, "<!--") == 0) {
      out += "<\\!";
      ++i;
      continue;
    }
    out += text[i];
  }
  return out;
}

}  // namespace

Result<ViewerAssets> LoadViewerAssets() {
  std::vector<std::filesystem::path> candidates;
  if (const char* env = std::getenv("IRKG_VIEWER_DIR")) candidates.emplace_back(env);
  candidates.emplace_back(IRKG_INSTALL_VIEWER_DIR);
  candidates.emplace_back(IRKG_BUILD_VIEWER_DIR);
  for (const auto& dir : candidates) {
    if (!std::filesystem::exists(dir / "irkg-viewer.js") || !std::filesystem::exists(dir / "irkg-viewer.css")) continue;
    auto script = ReadDataFile((dir / "irkg-viewer.js").string(), "the viewer's script");
    if (!script.ok()) return script.status();
    auto style = ReadDataFile((dir / "irkg-viewer.css").string(), "the viewer's style");
    if (!style.ok()) return style.status();
    return ViewerAssets{std::move(*script), std::move(*style)};
  }
  return Status::NotFound(
      "the viewer's script was not built (irkg-viewer.js): run scripts/setup-deps, which installs node and "
      "viewer/node_modules, then rebuild; or set IRKG_VIEWER_DIR");
}

std::string ScriptSafeJson(std::string_view json) {
  std::string out;
  out.reserve(json.size() + json.size() / 16);
  for (size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else if (c == '\xE2' && i + 2 < json.size() && json[i + 1] == '\x80' &&
               (json[i + 2] == '\xA8' || json[i + 2] == '\xA9')) {
      out += json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

std::string ViewerJson(const KnowledgeGraph& graph, const std::vector<ViewerPoint>& positions,
                       const std::string& title) {
  const std::vector<VertexId> order = VerticesInIdOrder(graph);
  std::vector<size_t> rank(graph.entity_count());
  for (size_t i = 0; i < order.size(); ++i) rank[order[i]] = i;
  std::unordered_map<Symbol, size_t> article_index;
  const std::vector<ArticleInfo> articles = CitedArticles(graph, &article_index);

  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.SetMaxDecimalPlaces(4);
  w.StartObject();
  Field(w, "title", title);
  WriteSchema(w);
  Key(w, "articles");
  w.StartArray();
  for (const ArticleInfo& a : articles) {
    w.StartObject();
    Field(w, "id", a.doc);
    Field(w, "title", a.title);
    Field(w, "date", a.date);
    Field(w, "url", a.url);
    w.EndObject();
  }
  w.EndArray();
  Key(w, "nodes");
  w.StartArray();
  for (size_t i = 0; i < order.size(); ++i) {
    const Entity& e = graph.entity(order[i]);
    w.StartObject();
    Field(w, "id", e.id);
    Field(w, "name", e.name);
    Key(w, "type");
    w.Int(static_cast<int>(e.type));
    if (!e.subtype.empty()) Field(w, "subtype", e.subtype);
    if (!e.code.empty()) Field(w, "code", e.code);
    Key(w, "aliases");
    w.StartArray();
    for (Symbol alias : e.aliases) Text(w, alias);
    w.EndArray();
    Key(w, "x");
    w.Double(i < positions.size() ? positions[i].x : 0.0);
    Key(w, "y");
    w.Double(i < positions.size() ? positions[i].y : 0.0);
    w.EndObject();
  }
  w.EndArray();
  Key(w, "edges");
  w.StartArray();
  for (EdgeId id : EdgesInIdOrder(graph)) {
    const Relation& r = graph.relation(id);
    w.StartObject();
    Key(w, "s");
    w.Uint64(rank[graph.source(id)]);
    Key(w, "t");
    w.Uint64(rank[graph.target(id)]);
    Key(w, "p");
    w.Int(static_cast<int>(r.predicate));
    Key(w, "conf");
    w.Double(r.confidence);
    Key(w, "articles");
    w.Uint(r.article_count);
    Key(w, "ev");
    w.StartArray();
    for (const Evidence& e : r.evidence) WriteEvidence(w, e, article_index);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

Result<std::vector<ViewerPoint>> SfdpPositions(const KnowledgeGraph& graph) {
  std::vector<ViewerPoint> points(graph.entity_count());
  if (graph.entity_count() == 0) return points;
  Result<GVC_t*> gvc = gv::SharedContext();
  if (!gvc.ok()) return gvc.status();
  gv::Graph g(agopen(gv::CString("irkg").get(), Agdirected, nullptr));
  if (!g) return Status::IoError("graphviz: cannot create a graph");
  // Small fixed circles: the page draws its own nodes; only room between
  // them matters. A fixed seed keeps the picture the same from run to run.
  gv::SetGraphDefault(g.get(), "overlap", "prism");
  gv::SetGraphDefault(g.get(), "start", "1");
  gv::SetNodeDefault(g.get(), "shape", "circle");
  gv::SetNodeDefault(g.get(), "fixedsize", "true");
  gv::SetNodeDefault(g.get(), "width", "0.3");
  gv::SetNodeDefault(g.get(), "label", "");
  const std::vector<VertexId> order = VerticesInIdOrder(graph);
  std::vector<Agnode_t*> nodes(graph.entity_count());
  for (size_t i = 0; i < order.size(); ++i)
    nodes[order[i]] = agnode(g.get(), gv::CString("n" + std::to_string(i)).get(), 1);
  graph.ForEachRelation([&](EdgeId id, const Relation&) {
    agedge(g.get(), nodes[graph.source(id)], nodes[graph.target(id)], nullptr, 1);
  });
  gv::ErrorCapture errors;
  Result<gv::Layout> laid_out = gv::Layout::Compute(*gvc, g.get(), "sfdp");
  if (!laid_out.ok()) return gv::WithMessages(laid_out.status(), errors);
  for (size_t i = 0; i < order.size(); ++i) {
    // (to a tenth of a point: sfdp's seeded layout still moves a node by
    // a ten-thousandth from run to run, and two runs must write one page)
    const pointf p = ND_coord(nodes[order[i]]);
    points[i] = ViewerPoint{std::round(p.x * 10) / 10, std::round(p.y * 10) / 10};
  }
  return points;
}

Status WriteViewer(const KnowledgeGraph& graph, const std::string& title, const ViewerAssets& assets,
                   OutputFile& out) {
  if (!out.stream()) return Status::IoError(out.path() + ": not open for writing");
  Result<std::vector<ViewerPoint>> positions = SfdpPositions(graph);
  if (!positions.ok()) return positions.status();
  std::string heading;
  AppendXml(title.empty() ? std::string_view("irkg graph") : std::string_view(title), &heading);
  out.Write(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      // Nothing leaves the page: no fetch, no image, font or frame from
      // anywhere; only the inline script and style run, images the page
      // itself makes (PNG export) and the live layout's worker, whose
      // script the page hands it as a blob.
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'; "
      "style-src 'unsafe-inline'; img-src data: blob:; worker-src blob:\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
  out.Write(heading);
  out.Write("</title>\n<style>\n");
  out.Write(InlineSafe(assets.style, "style"));
  out.Write("\n</style>\n</head>\n<body>\n<script type=\"application/json\" id=\"irkg-data\">");
  out.Write(ScriptSafeJson(ViewerJson(graph, *positions, title)));
  out.Write("</script>\n<script>\n");
  out.Write(InlineSafe(assets.script, "script"));
  out.Write("\n</script>\n</body>\n</html>\n");
  return Status::Ok();
}

}  // namespace irkg
