#include "export/dot_writer.h"

#include <cerrno>
#include <cstring>

#include <graphviz/cgraph.h>

namespace irkg {

Status WriteDot(const KnowledgeGraph& graph, const DiagramOptions& options, OutputFile& out) {
  if (!out.stream()) return Status::IoError(out.path() + ": not open for writing");
  Result<gv::Graph> diagram = BuildDiagram(graph, options);
  if (!diagram.ok()) return diagram.status();
  // The graph was opened with the default discipline, whose I/O channel is a
  // FILE*: agwrite writes straight into the output file.
  if (agwrite(diagram->get(), out.stream()) != 0)
    return Status::IoError(out.name() + ": write failed: " + std::strerror(errno ? errno : EIO));
  return Status::Ok();
}

}  // namespace irkg
