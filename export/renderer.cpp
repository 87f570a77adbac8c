#include "export/renderer.h"

#include <graphviz/gvc.h>

#include <algorithm>

#include "export/graphviz.h"

namespace irkg {
namespace {

std::string Choices(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

bool Contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

const std::vector<std::string>& DiagramLayouts() {
  static const std::vector<std::string> layouts = {"dot", "neato", "sfdp", "fdp", "circo"};
  return layouts;
}

const std::vector<std::string>& DiagramFormats() {
  static const std::vector<std::string> formats = {"svg", "png", "pdf"};
  return formats;
}

Status RenderDiagram(const KnowledgeGraph& graph, const DiagramOptions& options, const std::string& layout,
                     const std::string& format, OutputFile& out) {
  if (!Contains(DiagramLayouts(), layout))
    return Status::Usage("unknown diagram layout '" + layout + "' (valid: " + Choices(DiagramLayouts()) + ")");
  if (!Contains(DiagramFormats(), format))
    return Status::Usage("unknown diagram format '" + format + "' (valid: " + Choices(DiagramFormats()) + ")");
  if (!out.stream()) return Status::IoError(out.path() + ": not open for writing");

  Result<GVC_t*> gvc = gv::SharedContext();
  if (!gvc.ok()) return gvc.status();
  Result<gv::Graph> diagram = BuildDiagram(graph, options);
  if (!diagram.ok()) return diagram.status();

  gv::ErrorCapture errors;
  // Declared after the graph: the layout is freed first, as Graphviz needs.
  Result<gv::Layout> laid_out = gv::Layout::Compute(*gvc, diagram->get(), layout);
  if (!laid_out.ok()) return gv::WithMessages(laid_out.status(), errors);
  // Rendered into memory, then written: on a short write to a FILE*,
  // Graphviz 2.42 calls exit(1), with no message and the temporary file left.
  char* data = nullptr;
  unsigned int length = 0;
  if (gvRenderData(*gvc, diagram->get(), format.c_str(), &data, &length) != 0) {
    gvFreeRenderData(data);
    return gv::WithMessages(Status::IoError(out.name() + ": graphviz could not render " + format), errors);
  }
  out.Write(std::string_view(data, length));
  gvFreeRenderData(data);
  return Status::Ok();
}

}  // namespace irkg
