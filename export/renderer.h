// RenderDiagram: draws a diagram of a knowledge graph (diagram.h) with
// Graphviz's own layout engines and renderers, in-process, into SVG, PNG or
// PDF. SVG output carries tooltips: hovering an edge shows the sentence the
// relation was read from and its article.
#pragma once

#include <string>
#include <vector>

#include "core/output_file.h"
#include "core/status.h"
#include "export/diagram.h"
#include "graph/knowledge_graph.h"

namespace irkg {

// Layout engines and output formats RenderDiagram accepts, in the order a
// usage message lists them.
const std::vector<std::string>& DiagramLayouts();  // dot, neato, sfdp, fdp, circo
const std::vector<std::string>& DiagramFormats();  // svg, png, pdf

// Lays out the diagram `options` selects with `layout` and writes it to
// `out` as `format`; the caller commits. An unknown layout or format gives
// Status::Usage naming the valid ones.
Status RenderDiagram(const KnowledgeGraph& graph, const DiagramOptions& options, const std::string& layout,
                     const std::string& format, OutputFile& out);

}  // namespace irkg
