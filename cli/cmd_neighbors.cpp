// irkg neighbors: the ego network of one entity, every entity within
// --depth hops and the relations among them, with their evidence.
#include "cli/command.h"
#include "cli/query_output.h"
#include "graph/graph_reader.h"

namespace irkg::cli {

int RunNeighbors(const Args& args) {
  if (args.positional().size() != 2) return Fail(Status::Usage("neighbors needs GRAPH ENTITY"));
  if (args.Has("--json") && args.Has("--dot")) return Fail(Status::Usage("choose one of --json and --dot"));
  auto graph = ReadGraphFile(args.positional()[0]);
  if (!graph.ok()) return Fail(graph.status());
  auto net = FindNeighbors(*graph, args);
  if (!net.ok()) return Fail(net.status());
  if (args.Has("--dot")) {
    Status s = PrintDot(Subgraph(*graph, net->vertices, net->edges), "around " + graph->entity(net->vertices.front()).name);
    if (!s.ok()) return Fail(s);
  } else if (args.Has("--json")) {
    PrintNeighborsJson(*graph, *net);
  } else {
    PrintNeighborsText(*graph, *net);
  }
  return FinishOutput();
}

}  // namespace irkg::cli
