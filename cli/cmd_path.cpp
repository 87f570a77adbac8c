// irkg path: how two entities are connected, hop by hop, with the evidence
// for each hop (the sentence and the article it came from): the fewest
// hops, the most reliable chain (--reliable) or the k best (--k).
#include <cstdio>

#include "cli/command.h"
#include "cli/query_output.h"
#include "graph/graph_reader.h"

namespace irkg::cli {

int RunPath(const Args& args) {
  if (args.positional().size() != 3) return Fail(Status::Usage("path needs GRAPH FROM TO"));
  if (args.Has("--json") && args.Has("--dot")) return Fail(Status::Usage("choose one of --json and --dot"));
  auto graph = ReadGraphFile(args.positional()[0]);
  if (!graph.ok()) return Fail(graph.status());
  auto paths = FindPaths(*graph, args);
  if (!paths.ok()) return Fail(paths.status());
  if (args.Has("--dot")) {
    std::vector<VertexId> vertices;
    std::vector<EdgeId> edges;
    for (const Path& p : *paths) {
      vertices.insert(vertices.end(), p.vertices.begin(), p.vertices.end());
      for (const PathHop& hop : p.hops) edges.push_back(hop.edge);
    }
    const Path& best = paths->front();
    std::string title = "from " + graph->entity(best.vertices.front()).name + " to " + graph->entity(best.vertices.back()).name;
    Status s = PrintDot(Subgraph(*graph, std::move(vertices), std::move(edges)), title);
    if (!s.ok()) return Fail(s);
  } else if (args.Has("--json")) {
    PrintPathsJson(*graph, *paths, args.Has("--k"));
  } else {
    PrintPathsText(*graph, *paths, args.Has("--reliable"));
  }
  return FinishOutput();
}

}  // namespace irkg::cli
