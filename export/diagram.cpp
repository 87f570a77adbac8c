#include "export/diagram.h"

#include "graph/graph_builder.h"

#include <graphviz/cgraph.h>

#include <algorithm>
#include <array>
#include <bitset>
#include <cmath>
#include <cstdio>
#include <limits>
#include <tuple>
#include <unordered_map>

#include "core/text.h"
#include "graph/breadth_first.h"
#include "graph/entity_lookup.h"
#include "graph/graph_builder.h"

namespace irkg {

// ---------------------------------------------------------------------------
// Style: public, so that the viewer (viewer.h) draws in the same colours.

namespace {

// Light fills, one hue per type, with a darker border of the same hue: dark
// text stays readable on every fill, in colour and in grey print.
constexpr std::array<TypeStyle, kEntityTypeCount> kTypeStyles = {{
    {"ellipse", "filled", "#DCE8F5", "#4E79A7"},          // Person
    {"box", "rounded,filled", "#FCE5CD", "#C07F33"},      // Country
    {"hexagon", "filled", "#DDEFD9", "#59A14F"},          // Organization
    {"house", "filled", "#ECE4F3", "#8C6BB1"},            // Location
    {"note", "filled", "#FFF5CC", "#B59B2E"},             // Agreement
    {"folder", "filled", "#F8DDE3", "#C25A78"},           // Project
}};

constexpr std::array<FamilyStyle, 3> kFamilyStyles = {{
    {"structural", "#8D959E", "#56606B"},   // PredicateFamily::kStructural
    {"cooperative", "#3B8A6E", "#276150"},  // PredicateFamily::kCooperative
    {"hostile", "#C8443A", "#9C2F27"},      // PredicateFamily::kHostile
}};

}  // namespace

const TypeStyle& StyleOf(EntityType t) { return kTypeStyles[static_cast<size_t>(t)]; }
const FamilyStyle& StyleOf(PredicateFamily f) { return kFamilyStyles[static_cast<size_t>(f)]; }

namespace {

// ---------------------------------------------------------------------------
// Selection

}  // namespace

Result<DiagramSelection> SelectForDiagram(const KnowledgeGraph& graph, const DiagramOptions& options) {
  if (options.depth < 0) return Status::Usage("diagram depth must be 0 or more, not " + std::to_string(options.depth));
  const size_t n = graph.entity_count();

  std::vector<bool> is_focus(n, false);
  std::vector<VertexId> focus;
  for (const std::string& wanted : options.focus) {
    Result<VertexId> v = ResolveEntity(graph, wanted);
    if (!v.ok()) return v.status();
    if (!is_focus[*v]) focus.push_back(*v);
    is_focus[*v] = true;
  }

  std::bitset<kPredicateCount> predicate_ok;
  if (options.predicates.empty()) predicate_ok.set();
  for (Predicate p : options.predicates) predicate_ok.set(static_cast<size_t>(p));
  std::bitset<kEntityTypeCount> type_ok;
  if (options.types.empty()) type_ok.set();
  for (EntityType t : options.types) type_ok.set(static_cast<size_t>(t));

  auto vertex_ok = [&](VertexId v) { return is_focus[v] || type_ok.test(static_cast<size_t>(graph.entity(v).type)); };
  auto edge_ok = [&](EdgeId e, VertexId other) {
    return predicate_ok.test(static_cast<size_t>(graph.relation(e).predicate)) && vertex_ok(other);
  };

  // Distance from the nearest focus entity; without focus every admitted
  // entity is a candidate at distance 0.
  constexpr int kUnreached = std::numeric_limits<int>::max();
  std::vector<int> distance(n, kUnreached);
  if (focus.empty()) {
    for (VertexId v = 0; v < n; ++v)
      if (vertex_ok(v)) distance[v] = 0;
  } else {
    std::vector<VertexId> reached = focus;
    std::vector<int> hops(focus.size(), 0);
    for (VertexId v : focus) distance[v] = 0;
    BreadthFirst(
        &reached, &hops, options.depth,
        [&](VertexId v, auto&& visit) {
          graph.ForEachIncident(v, [&](EdgeId e, VertexId other, bool) {
            if (edge_ok(e, other)) visit(other);
          });
        },
        [&](VertexId w, int hops_to_w) {
          if (distance[w] != kUnreached) return false;
          distance[w] = hops_to_w;
          return true;
        });
  }
  auto candidate = [&](VertexId v) { return distance[v] != kUnreached; };

  std::vector<size_t> degree(n, 0);
  std::vector<VertexId> kept;
  for (VertexId v = 0; v < n; ++v) {
    if (!candidate(v)) continue;
    graph.ForEachIncident(v, [&](EdgeId e, VertexId other, bool) {
      if (candidate(other) && edge_ok(e, other)) ++degree[v];
    });
    // Entities without any relation drawn would only be clutter.
    if (degree[v] == 0 && !is_focus[v] && !options.include_isolated) continue;
    kept.push_back(v);
  }

  if (options.max_nodes > 0 && kept.size() > options.max_nodes) {
    // Nearest first keeps the diagram connected: every kept entity's path
    // to the focus is kept too. Among equals, the most connected say most.
    auto rank = [&](VertexId v) {
      return std::tuple<bool, int, long, Symbol>(!is_focus[v], distance[v], -static_cast<long>(degree[v]),
                                                             graph.entity(v).id);
    };
    std::sort(kept.begin(), kept.end(), [&](VertexId a, VertexId b) { return rank(a) < rank(b); });
    size_t keep = std::max(options.max_nodes, focus.size());
    kept.resize(std::min(keep, kept.size()));
  }

  DiagramSelection selection;
  std::vector<bool> in(n, false);
  for (VertexId v : kept) in[v] = true;
  selection.vertices = kept;
  std::sort(selection.vertices.begin(), selection.vertices.end(),
            [&](VertexId a, VertexId b) { return graph.entity(a).id < graph.entity(b).id; });
  for (EdgeId e : EdgesInIdOrder(graph))
    if (in[graph.source(e)] && in[graph.target(e)] && predicate_ok.test(static_cast<size_t>(graph.relation(e).predicate)))
      selection.edges.push_back(e);
  return selection;
}

namespace {

// ---------------------------------------------------------------------------
// Text for labels and tooltips

// Graphviz reads backslash sequences in labels (\n, \N, ...), so a literal
// backslash must be doubled there. Tooltips of Graphviz 2.42 are unescaped
// twice on their way to SVG, so there it takes four.
constexpr std::string_view kLabelBackslash = "\\\\";
constexpr std::string_view kTooltipBackslash = "\\\\\\\\";
// Line break inside a label or tooltip, as Graphviz spells it.
constexpr std::string_view kBreak = "\\n";

// Runs of white space (newlines included) become one space; ends trimmed.
std::string OneLine(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string Escape(std::string_view s, std::string_view backslash) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '\\')
      out += backslash;
    else
      out += c;
  }
  return out;
}

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// At most `max` code points of s, with an ellipsis when cut.
std::string Truncate(std::string_view s, size_t max) {
  size_t count = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (count++ == max) return std::string(s.substr(0, i)) + "…";
  }
  return std::string(s);
}

// Breaks text into lines of about `width` code points at spaces; a long
// name reads better as a block than as one wide box.
std::vector<std::string> Wrap(std::string_view text, size_t width) {
  std::vector<std::string> lines;
  std::string line;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(start, end - start);
    if (!word.empty()) {
      if (!line.empty() && CodePoints(line) + 1 + CodePoints(word) > width) {
        lines.push_back(line);
        line.clear();
      }
      if (!line.empty()) line += ' ';
      line += word;
    }
    start = end + 1;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

std::string JoinLabelLines(const std::vector<std::string>& lines, std::string_view backslash) {
  std::string out;
  for (const std::string& line : lines) {
    if (!out.empty()) out += kBreak;
    out += Escape(line, backslash);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Style

constexpr std::string_view kFont = "DejaVu Sans";  // shipped with Graphviz on Debian
constexpr std::string_view kTextColor = "#1F2933";
constexpr size_t kWrapWidth = 22;
constexpr size_t kTooltipSentence = 320;

std::string NodeLabel(const Entity& e) {
  std::string name = OneLine(e.name);
  if (e.type == EntityType::kCountry && !e.code.empty()) name += " (" + OneLine(e.code) + ")";
  return JoinLabelLines(Wrap(name, kWrapWidth), kLabelBackslash);
}

std::string NodeTooltip(const Entity& e) {
  std::vector<std::string> lines = {OneLine(e.name)};
  std::string kind(EntityTypeName(e.type));
  if (!e.subtype.empty()) kind += " · " + OneLine(e.subtype);
  if (!e.code.empty()) kind += " · " + OneLine(e.code);
  lines.push_back(kind);
  lines.push_back("id: " + OneLine(e.id));
  if (!e.aliases.empty()) {
    std::string also = "also: ";
    for (size_t i = 0; i < e.aliases.size() && i < 6; ++i) also += (i ? ", " : "") + OneLine(e.aliases[i]);
    if (e.aliases.size() > 6) also += ", …";
    lines.push_back(also);
  }
  return JoinLabelLines(lines, kTooltipBackslash);
}

std::string EdgeLabel(const Relation& r) {
  std::vector<std::string> lines = {std::string(PredicateName(r.predicate))};
  std::vector<Symbol> qualifiers = Titles(r);
  if (qualifiers.empty()) qualifiers = Whats(r);
  for (size_t i = 0; i < qualifiers.size() && i < 2; ++i) {
    for (std::string& line : Wrap(OneLine(qualifiers[i]), kWrapWidth + 6)) lines.push_back(std::move(line));
  }
  if (qualifiers.size() > 2) lines.push_back("+" + std::to_string(qualifiers.size() - 2) + " more");
  std::vector<Symbol> dates = Dates(r);
  if (dates.size() == 1) lines.push_back(OneLine(dates.front()));
  if (dates.size() > 1) lines.push_back(OneLine(dates.front()) + " – " + OneLine(dates.back()));
  return JoinLabelLines(lines, kLabelBackslash);
}

// Background knowledge: nothing behind the relation but the graph's own
// knowledge (no evidence, or only evidence marked as background).
bool BackgroundOnly(const Relation& r) {
  return std::all_of(r.evidence.begin(), r.evidence.end(), [](const Evidence& e) { return IsBackground(e); });
}

std::string EdgeTooltip(const Entity& subject, const Relation& r, const Entity& object) {
  std::vector<std::string> lines = {OneLine(subject.name) + " " + std::string(PredicateName(r.predicate)) + " " +
                                    OneLine(object.name)};
  if (BackgroundOnly(r)) {
    lines.push_back("background knowledge (no evidence)");
  } else {
    const Evidence& first = r.evidence.front();
    lines.push_back("“" + Truncate(OneLine(first.text), kTooltipSentence) + "”");
    lines.push_back("— " + OneLine(first.article));
    char summary[96];
    std::snprintf(summary, sizeof summary, "%zu sighting%s in %u article%s, confidence %.2f", r.evidence.size(),
                  r.evidence.size() == 1 ? "" : "s", r.article_count, r.article_count == 1 ? "" : "s", r.confidence);
    lines.push_back(summary);
  }
  return JoinLabelLines(lines, kTooltipBackslash);
}

// Thicker lines for relations reported by more articles; logarithmic, so
// that a relation in fifty articles does not swallow the picture.
std::string PenWidth(uint32_t article_count) {
  double w = 1.2 + 0.7 * std::log2(std::max<uint32_t>(article_count, 1));
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f", std::min(w, 4.5));
  return buf;
}

void SetGraphStyle(Agraph_t* g) {
  gv::SetGraphDefault(g, "fontname", kFont);
  gv::SetGraphDefault(g, "fontsize", "16");
  gv::SetGraphDefault(g, "fontcolor", kTextColor);
  gv::SetGraphDefault(g, "bgcolor", "white");
  gv::SetGraphDefault(g, "pad", "0.3");
  // dot: left to right reads like the sentences the relations come from.
  gv::SetGraphDefault(g, "rankdir", "LR");
  gv::SetGraphDefault(g, "nodesep", "0.35");
  gv::SetGraphDefault(g, "ranksep", "0.9");
  // neato, fdp, sfdp: no overlapping nodes, curved edges around them.
  gv::SetGraphDefault(g, "overlap", "false");
  gv::SetGraphDefault(g, "splines", "true");
  gv::SetGraphDefault(g, "sep", "+12");
  // sfdp, fdp: longer springs than the default 0.3 leave room for edge labels.
  gv::SetGraphDefault(g, "K", "1.0");
  gv::SetGraphDefault(g, "outputorder", "edgesfirst");
  gv::SetGraphDefault(g, "labelloc", "t");
  gv::SetGraphDefault(g, "labeljust", "l");

  gv::SetNodeDefault(g, "fontname", kFont);
  gv::SetNodeDefault(g, "fontsize", "11");
  gv::SetNodeDefault(g, "fontcolor", kTextColor);
  gv::SetNodeDefault(g, "margin", "0.12,0.06");
  gv::SetNodeDefault(g, "penwidth", "1.2");

  gv::SetEdgeDefault(g, "fontname", kFont);
  gv::SetEdgeDefault(g, "fontsize", "9");
  gv::SetEdgeDefault(g, "arrowsize", "0.7");
}

void StyleNode(Agnode_t* node, EntityType type) {
  const TypeStyle& s = StyleOf(type);
  gv::SetAttr(node, "shape", s.shape);
  gv::SetAttr(node, "style", s.style);
  gv::SetAttr(node, "fillcolor", s.fill);
  gv::SetAttr(node, "color", s.border);
}

void StyleEdge(Agedge_t* edge, Predicate p) {
  const FamilyStyle& s = StyleOf(Info(p).family);
  gv::SetAttr(edge, "color", s.line);
  gv::SetAttr(edge, "fontcolor", s.text);
  if (Info(p).symmetric) gv::SetAttr(edge, "dir", "none");
}

std::string XmlEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// The title and a key to the entity types and predicate families drawn, as
// the graph's own label. Every engine lays the graph label out beside the
// drawing; a key made of nodes (a cluster) would be placed by the engine
// instead: a full-width row or a tall column in dot, scattered over the
// graph by neato and sfdp, which ignore clusters.
void SetTitleAndKey(Agraph_t* g, const std::string& title, const std::bitset<kEntityTypeCount>& types,
                    const std::bitset<3>& families, bool background) {
  std::string html = R"(<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0">)";
  if (!title.empty())
    html += R"(<TR><TD ALIGN="LEFT" CELLPADDING="4"><FONT POINT-SIZE="16">)" + XmlEscape(OneLine(title)) +
            "</FONT></TD></TR>";
  // One row: a swatch per entity type, then a line sample per family, the
  // friendly before the hostile before the merely structural.
  html += R"(<TR><TD ALIGN="LEFT"><TABLE BORDER="0" CELLSPACING="4" CELLPADDING="3"><TR>)";
  for (int t = 0; t < kEntityTypeCount; ++t) {
    if (!types.test(t)) continue;
    const TypeStyle& s = StyleOf(static_cast<EntityType>(t));
    html += R"(<TD BORDER="1" STYLE="rounded" BGCOLOR=")" + std::string(s.fill) + R"(" COLOR=")" +
            std::string(s.border) + R"("><FONT POINT-SIZE="9">)" +
            std::string(EntityTypeName(static_cast<EntityType>(t))) + "</FONT></TD>";
  }
  for (PredicateFamily f : {PredicateFamily::kCooperative, PredicateFamily::kHostile, PredicateFamily::kStructural}) {
    if (!families.test(static_cast<size_t>(f))) continue;
    const FamilyStyle& s = StyleOf(f);
    html += R"(<TD><FONT POINT-SIZE="9" COLOR=")" + std::string(s.line) + R"(">  ━━▶ </FONT><FONT POINT-SIZE="9" COLOR=")" +
            std::string(s.text) + R"(">)" + std::string(s.name) + "</FONT></TD>";
  }
  if (background)
    html += R"(<TD><FONT POINT-SIZE="9" COLOR="#8D959E">  ╌╌▶ background knowledge</FONT></TD>)";
  html += "</TR></TABLE></TD></TR>";
  html += "</TABLE>";
  gv::SetHtmlAttr(g, "label", html);
}

}  // namespace

Result<gv::Graph> BuildDiagram(const KnowledgeGraph& graph, const DiagramOptions& options) {
  Result<DiagramSelection> selection = SelectForDiagram(graph, options);
  if (!selection.ok()) return selection.status();

  gv::Graph g(agopen(gv::CString("irkg").get(), Agdirected, nullptr));
  if (!g) return Status::IoError("graphviz: cannot create a graph");
  SetGraphStyle(g.get());

  std::bitset<kEntityTypeCount> types_drawn;
  std::bitset<3> families_drawn;
  bool background_drawn = false;
  std::unordered_map<VertexId, Agnode_t*> nodes;
  for (VertexId v : selection->vertices) {
    const Entity& e = graph.entity(v);
    Agnode_t* node = agnode(g.get(), gv::CString(e.id).get(), 1);
    StyleNode(node, e.type);
    gv::SetAttr(node, "label", NodeLabel(e));
    gv::SetAttr(node, "tooltip", NodeTooltip(e));
    nodes[v] = node;
    types_drawn.set(static_cast<size_t>(e.type));
  }
  for (EdgeId id : selection->edges) {
    const Relation& r = graph.relation(id);
    const Entity& subject = graph.entity(graph.source(id));
    const Entity& object = graph.entity(graph.target(id));
    Agedge_t* edge = agedge(g.get(), nodes.at(graph.source(id)), nodes.at(graph.target(id)), nullptr, 1);
    StyleEdge(edge, r.predicate);
    gv::SetAttr(edge, "label", EdgeLabel(r));
    gv::SetAttr(edge, "tooltip", EdgeTooltip(subject, r, object));
    gv::SetAttr(edge, "penwidth", PenWidth(r.article_count));
    families_drawn.set(static_cast<size_t>(Info(r.predicate).family));
    if (BackgroundOnly(r)) {
      // Added from background knowledge, not read in any article: SCHEMA.md
      // asks for it to be told apart.
      gv::SetAttr(edge, "style", "dashed");
      background_drawn = true;
    }
  }
  if (options.legend && (types_drawn.any() || !options.title.empty())) {
    SetTitleAndKey(g.get(), options.title, types_drawn, families_drawn, background_drawn);
  } else if (!options.title.empty()) {
    gv::SetGraphDefault(g.get(), "label", Escape(OneLine(options.title), kLabelBackslash));
  }
  return g;
}

}  // namespace irkg
