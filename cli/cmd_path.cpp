// irkg path: how two entities are connected, hop by hop, with the evidence
// for each hop (the sentence and the article it came from).
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdio>

#include "cli/command.h"
#include "graph/graph_reader.h"
#include "queries/path_query.h"

namespace irkg::cli {
namespace {

void PrintText(const KnowledgeGraph& g, const Path& path) {
  std::printf("%zu hop%s from %s to %s\n", path.hops.size(), path.hops.size() == 1 ? "" : "s",
              g.entity(path.vertices.front()).name.c_str(), g.entity(path.vertices.back()).name.c_str());
  for (size_t i = 0; i < path.hops.size(); ++i) {
    const Relation& r = g.relation(path.hops[i].edge);
    const Entity& s = g.entity(g.source(path.hops[i].edge));
    const Entity& o = g.entity(g.target(path.hops[i].edge));
    std::string quals;
    if (!r.titles.empty()) quals += " [" + r.titles.front() + "]";
    if (!r.dates.empty()) quals += " (" + r.dates.front() + ")";
    std::printf("\n%zu. %s --%s--> %s%s\n", i + 1, s.name.c_str(), std::string(PredicateName(r.predicate)).c_str(),
                o.name.c_str(), quals.c_str());
    std::printf("   confidence %.2f, %u article%s\n", r.confidence, r.article_count, r.article_count == 1 ? "" : "s");
    size_t shown = 0;
    for (const Evidence& e : r.evidence) {
      if (e.text.empty()) continue;
      if (shown++ == 3) {
        std::printf("   ... and %zu more\n", r.evidence.size() - 3);
        break;
      }
      std::printf("   \"%s\"\n     -- %s\n", e.text.c_str(), e.article.c_str());
    }
  }
}

void PrintJson(const KnowledgeGraph& g, const Path& path) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.SetMaxDecimalPlaces(4);
  auto entity = [&](VertexId v) {
    const Entity& e = g.entity(v);
    w.StartObject();
    w.Key("id"), w.String(e.id);
    w.Key("name"), w.String(e.name);
    w.Key("type"), w.String(std::string(EntityTypeName(e.type)));
    w.EndObject();
  };
  w.StartObject();
  w.Key("length"), w.Uint(static_cast<unsigned>(path.hops.size()));
  w.Key("entities");
  w.StartArray();
  for (VertexId v : path.vertices) entity(v);
  w.EndArray();
  w.Key("hops");
  w.StartArray();
  for (const PathHop& hop : path.hops) {
    const Relation& r = g.relation(hop.edge);
    w.StartObject();
    w.Key("subject"), w.String(g.entity(g.source(hop.edge)).id);
    w.Key("predicate"), w.String(std::string(PredicateName(r.predicate)));
    w.Key("object"), w.String(g.entity(g.target(hop.edge)).id);
    w.Key("forward"), w.Bool(hop.forward);
    w.Key("confidence"), w.Double(r.confidence);
    if (!r.titles.empty()) w.Key("title"), w.String(r.titles.front());
    if (!r.dates.empty()) w.Key("date"), w.String(r.dates.front());
    w.Key("evidence");
    w.StartArray();
    for (const Evidence& e : r.evidence) {
      w.StartObject();
      w.Key("article"), w.String(e.article);
      w.Key("text"), w.String(e.text);
      w.Key("start"), w.Uint(e.start);
      w.Key("end"), w.Uint(e.end);
      if (!e.date.empty()) w.Key("date"), w.String(e.date);
      w.Key("confidence"), w.Double(e.confidence);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  std::printf("%s\n", buf.GetString());
}

}  // namespace

int RunPath(const Args& args) {
  if (args.positional().size() != 3) return Fail(Status::Usage("path needs GRAPH FROM TO"));
  auto hops = args.GetInt("--max-hops", 6, 1, 1000);
  if (!hops.ok()) return Fail(hops.status());
  auto graph = ReadGraphFile(args.positional()[0]);
  if (!graph.ok()) return Fail(graph.status());
  auto from = ResolveEntity(*graph, args.positional()[1]);
  if (!from.ok()) return Fail(from.status());
  auto to = ResolveEntity(*graph, args.positional()[2]);
  if (!to.ok()) return Fail(to.status());
  PathOptions options;
  options.max_hops = static_cast<int>(*hops);
  auto path = ShortestPath(*graph, *from, *to, options);
  if (!path.ok()) return Fail(path.status());
  if (args.Has("--json")) PrintJson(*graph, *path);
  else PrintText(*graph, *path);
  return std::fflush(stdout) == 0 && !std::ferror(stdout) ? kExitOk : Fail(Status::IoError("standard output: write failed"));
}

}  // namespace irkg::cli
