// irkg stats: what a graph file holds.
#include <cstdio>
#include <map>

#include "cli/command.h"
#include "graph/graph_reader.h"

namespace irkg::cli {

int RunStats(const Args& args) {
  if (args.positional().size() != 1) return Fail(Status::Usage("stats needs exactly one GRAPH file"));
  auto graph = ReadGraphFile(args.positional()[0]);
  if (!graph.ok()) return Fail(graph.status());
  std::map<std::string, size_t> types, preds;
  for (size_t v = 0; v < graph->entity_count(); ++v) ++types[std::string(EntityTypeName(graph->entity(v).type))];
  graph->ForEachRelation([&](EdgeId, const Relation& r) { ++preds[std::string(PredicateName(r.predicate))]; });
  if (args.Has("--json")) {
    std::printf("{\"articles\": %zu, \"entities\": %zu, \"edges\": %zu, \"by_type\": {", graph->articles().size(),
                graph->entity_count(), graph->relation_count());
    const char* sep = "";
    for (const auto& [k, n] : types) std::printf("%s\"%s\": %zu", sep, k.c_str(), n), sep = ", ";
    std::printf("}, \"by_predicate\": {");
    sep = "";
    for (const auto& [k, n] : preds) std::printf("%s\"%s\": %zu", sep, k.c_str(), n), sep = ", ";
    std::printf("}}\n");
  } else {
    std::printf("articles   %zu\nentities   %zu\n", graph->articles().size(), graph->entity_count());
    for (const auto& [k, n] : types) std::printf("  %-20s %zu\n", k.c_str(), n);
    std::printf("relations  %zu\n", graph->relation_count());
    for (const auto& [k, n] : preds) std::printf("  %-20s %zu\n", k.c_str(), n);
  }
  return std::fflush(stdout) == 0 && !std::ferror(stdout) ? kExitOk : Fail(Status::IoError("standard output: write failed"));
}

}  // namespace irkg::cli
