// irkg export, irkg render and irkg view: a graph file out in another form.
#include <filesystem>

#include "cli/command.h"
#include "cli/graph_io.h"
#include "cli/query_output.h"
#include "core/output_file.h"
#include "export/diagram.h"
#include "export/cypher_writer.h"
#include "export/dot_writer.h"
#include "export/graphml_writer.h"
#include "export/jsonld_writer.h"
#include "export/kuzu_writer.h"
#include "export/neo4j_writer.h"
#include "export/ntriples_writer.h"
#include "export/renderer.h"
#include "export/turtle_writer.h"
#include "export/viewer.h"
#include "graph/graph_reader.h"

namespace irkg::cli {
namespace {

Result<DiagramOptions> DiagramOptionsFrom(const Args& args) {
  DiagramOptions o;
  o.focus = args.All("--focus");
  auto depth = args.GetInt("--depth", 1, 0, 100);
  if (!depth.ok()) return depth.status();
  o.depth = static_cast<int>(*depth);
  auto max_nodes = args.GetInt("--max-nodes", 0, 0, 10000000);
  if (!max_nodes.ok()) return max_nodes.status();
  o.max_nodes = static_cast<size_t>(*max_nodes);
  if (args.Has("--predicates")) {
    auto p = ParsePredicateList(args.Get("--predicates"));
    if (!p.ok()) return p.status();
    o.predicates = *p;
  }
  if (args.Has("--types")) {
    auto t = ParseTypeList(args.Get("--types"));
    if (!t.ok()) return t.status();
    o.types = *t;
  }
  o.title = args.Get("--title");
  o.include_isolated = args.Has("--all");
  return o;
}

// True when the command line narrows the graph down in any way.
bool Narrows(const Args& args) {
  for (const char* option : {"--focus", "--types", "--predicates", "--max-nodes", "--since", "--until"})
    if (args.Has(option)) return true;
  return false;
}

// The part of `graph` an export keeps: SelectForDiagram's choice of
// entities and relations (focus, depth, types, predicates, size, --all),
// then the date bounds on the relations; the same for every format.
Result<KnowledgeGraph> Narrowed(const KnowledgeGraph& graph, const DiagramOptions& options, const QueryFilter& dates) {
  auto selection = SelectForDiagram(graph, options);
  if (!selection.ok()) return selection.status();
  std::vector<EdgeId> edges;
  for (EdgeId e : selection->edges)
    if (dates.Admits(graph.relation(e))) edges.push_back(e);
  if (size_t left_out = UndatedLeftOut(graph, dates)) WarnUndated(left_out);
  return Subgraph(graph, std::move(selection->vertices), std::move(edges));
}

Result<KnowledgeGraph> LoadGraphArg(const Args& args, const char* command) {
  if (args.positional().size() != 1)
    return Status::Usage(std::string(command) + " needs exactly one GRAPH file");
  return ReadGraphFile(args.positional()[0]);
}

// The GRAPH argument read and, when the command line narrows it (focus,
// types, predicates, size, dates), narrowed as `options` and the date
// bounds say. The date options are checked before the file is read.
Result<KnowledgeGraph> LoadNarrowedGraph(const Args& args, const char* command, const DiagramOptions& options) {
  auto dates = QueryFilterFrom(args);
  if (!dates.ok()) return dates.status();
  auto graph = LoadGraphArg(args, command);
  if (!graph.ok() || !Narrows(args)) return graph;
  return Narrowed(*graph, options, *dates);
}

}  // namespace

int RunExport(const Args& args) {
  static const char* kFormats = "jsonld, nt, ttl, graphml, neo4j, cypher, kuzu, dot";
  std::string format = args.Get("--format");
  if (format.empty()) return Fail(Status::Usage(std::string("export needs --format (") + kFormats + ")"));
  using FileWriter = Status (*)(const KnowledgeGraph&, OutputFile&);
  using DirWriter = Status (*)(const KnowledgeGraph&, const std::string&);
  FileWriter file_writer = format == "jsonld"    ? WriteJsonLd
                           : format == "nt"      ? WriteNTriples
                           : format == "ttl"     ? WriteTurtle
                           : format == "graphml" ? WriteGraphMl
                           : format == "cypher"  ? WriteCypher
                                                 : nullptr;
  DirWriter dir_writer = format == "neo4j" ? WriteNeo4jImport : format == "kuzu" ? WriteKuzu : nullptr;
  if (!file_writer && !dir_writer && format != "dot")
    return Fail(Status::Usage("unknown format '" + format + "' (" + kFormats + ")"));
  // A directory format has no standard-output form.
  if (dir_writer && (args.Get("--output").empty() || args.Get("--output") == "-"))
    return Fail(Status::Usage("--format " + format + " writes several files: give -o DIR"));
  auto options = DiagramOptionsFrom(args);
  if (!options.ok()) return Fail(options.status());
  auto graph = LoadNarrowedGraph(args, "export", *options);
  if (!graph.ok()) return Fail(graph.status());
  if (Narrows(args)) {
    // What the diagram draws is chosen already; only --all still applies.
    DiagramOptions drawn;
    drawn.include_isolated = options->include_isolated;
    *options = std::move(drawn);
  }
  if (dir_writer) {
    Status s = dir_writer(*graph, args.Get("--output"));
    return s.ok() ? kExitOk : Fail(s);
  }
  auto out = OutputFile::Open(args.Get("--output", "-"));
  if (!out.ok()) return Fail(out.status());
  options->legend = false;
  Status s = file_writer ? file_writer(*graph, *out) : WriteDot(*graph, *options, *out);
  if (s.ok()) s = out->Commit();
  return s.ok() ? kExitOk : Fail(s);
}

int RunRender(const Args& args) {
  std::string output = args.Get("--output");
  if (output.empty()) return Fail(Status::Usage("render needs -o FILE.svg, FILE.png or FILE.pdf"));
  std::string format = std::filesystem::path(output).extension().string();
  if (!format.empty()) format.erase(0, 1);
  auto options = DiagramOptionsFrom(args);
  if (!options.ok()) return Fail(options.status());
  auto graph = LoadGraphArg(args, "render");
  if (!graph.ok()) return Fail(graph.status());
  auto out = OutputFile::Open(output);
  if (!out.ok()) return Fail(out.status());
  Status s = RenderDiagram(*graph, *options, args.Get("--layout", "dot"), format, *out);
  if (s.ok()) s = out->Commit();
  return s.ok() ? kExitOk : Fail(s);
}

int RunView(const Args& args) {
  const std::string output = args.Get("--output");
  if (output.empty() || output == "-") return Fail(Status::Usage("view needs -o FILE.html"));
  auto options = DiagramOptionsFrom(args);
  if (!options.ok()) return Fail(options.status());
  // The graph before the page's assets: a fault in the user's file is
  // reported as every other command reports it, whether or not this
  // installation has the viewer's script.
  auto graph = LoadNarrowedGraph(args, "view", *options);
  if (!graph.ok()) return Fail(graph.status());
  auto assets = LoadViewerAssets();
  if (!assets.ok()) return Fail(assets.status());
  auto out = OutputFile::Open(output);
  if (!out.ok()) return Fail(out.status());
  Status s = WriteViewer(*graph, options->title, *assets, *out);
  if (s.ok()) s = out->Commit();
  return s.ok() ? kExitOk : Fail(s);
}

}  // namespace irkg::cli
