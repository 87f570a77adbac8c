// The interactive viewer: one self-contained HTML page that shows a
// knowledge graph with search, filters, evidence panels and path mode
// (the page's scripts live in viewer/, bundled at build time).
//
// WriteViewer lays the graph out with Graphviz sfdp, so the page opens laid
// out, and writes the page: the graph as JSON, the bundled script and style
// inlined, a Content-Security-Policy that lets nothing be fetched. Text from
// the graph can never end the element it sits in (ScriptSafeJson), so a
// name or sentence holding markup or script stays inert text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/output_file.h"
#include "core/status.h"
#include "graph/knowledge_graph.h"

namespace irkg {

// The page's script and style sheet, as the build made them.
struct ViewerAssets {
  std::string script;
  std::string style;
};

// Reads irkg-viewer.js and irkg-viewer.css from $IRKG_VIEWER_DIR, else the
// installed share/irkg/viewer, else the build tree's viewer/. NotFound,
// saying how to get them, when none has both.
Result<ViewerAssets> LoadViewerAssets();

// JSON text made safe inside an HTML <script> element: '<', '>' and '&' and
// the line separators U+2028 and U+2029 become \u escapes, which JSON.parse
// reads back unchanged, so no "</script>" or "<!--" can appear in it.
std::string ScriptSafeJson(std::string_view json);

// The graph as the page reads it: entities in id order (an entity's index
// is its rank by id, which path mode's tie-break uses), relations in
// (subject id, predicate, object id) order with all their evidence,
// articles, the schema's predicates and the DOT diagrams' colours.
// `positions` holds x, y per entity in id order, or is empty (all at 0).
struct ViewerPoint {
  double x = 0, y = 0;
};
std::string ViewerJson(const KnowledgeGraph& graph, const std::vector<ViewerPoint>& positions,
                       const std::string& title);

// Positions from Graphviz sfdp, one per entity in id order.
Result<std::vector<ViewerPoint>> SfdpPositions(const KnowledgeGraph& graph);

// Writes the page for `graph` to `out`; the caller commits. An asset's
// "</script", "</style" or "<!--" is escaped so that it cannot end or
// bend its element.
Status WriteViewer(const KnowledgeGraph& graph, const std::string& title, const ViewerAssets& assets,
                   OutputFile& out);

}  // namespace irkg
