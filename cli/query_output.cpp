#include "cli/query_output.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <unordered_set>
#include <cstdio>

#include "cli/command.h"
#include "cli/graph_io.h"
#include "core/output_file.h"
#include "export/dot_writer.h"

namespace irkg::cli {

Result<QueryFilter> QueryFilterFrom(const Args& args) {
  QueryFilter filter;
  if (args.Has("--predicates")) {
    auto p = ParsePredicateList(args.Get("--predicates"));
    if (!p.ok()) return p.status();
    filter.predicates = std::move(*p);
  }
  if (args.Has("--types")) {
    auto t = ParseTypeList(args.Get("--types"));
    if (!t.ok()) return t.status();
    filter.types = std::move(*t);
  }
  for (const char* name : {"--since", "--until"}) {
    if (!args.Has(name)) continue;
    std::string date = args.Get(name);
    if (!IsIsoDate(date))
      return Status::Usage("option '" + std::string(name) + "' needs a date YYYY, YYYY-MM or YYYY-MM-DD, not '" + date + "'");
    (name[2] == 's' ? filter.since : filter.until) = date;
  }
  filter.include_undated = args.Has("--include-undated");
  auto c = args.GetDouble("--min-confidence", 0.0, 0.0, 1.0);
  if (!c.ok()) return c.status();
  filter.min_confidence = *c;
  return filter;
}

void WarnUndated(size_t left_out) {
  Warn("--since/--until left out " + std::to_string(left_out) + (left_out == 1 ? " relation" : " relations") +
       " with no dated evidence (--include-undated keeps them)");
}

Result<std::vector<Path>> FindPaths(const KnowledgeGraph& graph, const Args& args) {
  if (args.positional().size() != 3) return Status::Usage("path needs GRAPH FROM TO");
  auto hops = args.GetInt("--max-hops", 6, 1, 1000);
  if (!hops.ok()) return hops.status();
  auto k = args.GetInt("--k", 1, 1, 1000);
  if (!k.ok()) return k.status();
  auto filter = QueryFilterFrom(args);
  if (!filter.ok()) return filter.status();
  auto from = ResolveEntity(graph, args.positional()[1]);
  if (!from.ok()) return from.status();
  auto to = ResolveEntity(graph, args.positional()[2]);
  if (!to.ok()) return to.status();
  if (size_t left_out = UndatedLeftOut(graph, *filter)) WarnUndated(left_out);
  PathOptions options;
  options.max_hops = static_cast<int>(*hops);
  options.k = static_cast<int>(*k);
  options.reliable = args.Has("--reliable");
  options.filter = std::move(*filter);
  return KShortestPaths(graph, *from, *to, options);
}

Result<EgoNetwork> FindNeighbors(const KnowledgeGraph& graph, const Args& args) {
  if (args.positional().size() != 2) return Status::Usage("neighbors needs GRAPH ENTITY");
  auto depth = args.GetInt("--depth", 1, 0, 100);
  if (!depth.ok()) return depth.status();
  auto filter = QueryFilterFrom(args);
  if (!filter.ok()) return filter.status();
  auto center = ResolveEntity(graph, args.positional()[1]);
  if (!center.ok()) return center.status();
  if (size_t left_out = UndatedLeftOut(graph, *filter)) WarnUndated(left_out);
  return Neighbors(graph, *center, static_cast<int>(*depth), *filter);
}

Result<HoldersAnswer> FindHolders(const KnowledgeGraph& graph, const Args& args) {
  if (args.positional().size() != 3) return Status::Usage("holders needs GRAPH TITLE STATE");
  std::string on = args.Get("--on");
  if (args.Has("--on") && !IsIsoDate(on))
    return Status::Usage("option '--on' needs a date YYYY, YYYY-MM or YYYY-MM-DD, not '" + on + "'");
  auto state = ResolveEntity(graph, args.positional()[2]);
  if (!state.ok()) return state.status();
  return Holders(graph, args.positional()[1], *state, on);
}

Result<DyadAnswer> FindDyad(const KnowledgeGraph& graph, const Args& args) {
  if (args.positional().size() != 3) return Status::Usage("dyad needs GRAPH A B");
  std::string by = args.Get("--by", "year");
  if (by != "year" && by != "month") return Status::Usage("option '--by' takes month or year, not '" + by + "'");
  auto a = ResolveEntity(graph, args.positional()[1]);
  if (!a.ok()) return a.status();
  auto b = ResolveEntity(graph, args.positional()[2]);
  if (!b.ok()) return b.status();
  return Dyad(graph, *a, *b, by == "month" ? Period::kMonth : Period::kYear);
}

Result<std::vector<ListedEntity>> FindEntities(const KnowledgeGraph& graph, const Args& args) {
  if (args.positional().size() != 1) return Status::Usage("entities needs GRAPH");
  std::optional<EntityType> type;
  if (args.Has("--type")) {
    auto types = ParseTypeList(args.Get("--type"));
    if (!types.ok()) return types.status();
    if (types->size() != 1) return Status::Usage("option '--type' takes one entity type");
    type = types->front();
  }
  return ListEntities(graph, type, args.Get("--search"));
}

namespace {

std::string Plural(size_t n, const std::string& word) {
  if (n == 1) return "1 " + word;
  if (word.ends_with("y")) return std::to_string(n) + " " + word.substr(0, word.size() - 1) + "ies";
  return std::to_string(n) + " " + word + "s";
}

// "Khalaf Khalafov --holdsPosition--> Azerbaijan [Deputy Foreign Minister] (2023)"
// with the confidence, the dates it was seen and up to three evidence sentences.
void PrintRelation(const KnowledgeGraph& g, EdgeId edge, const char* indent) {
  const Relation& r = g.relation(edge);
  std::string quals, titles;
  for (const TitleSpan& t : TitleSpans(r)) {
    titles += (titles.empty() ? "" : "; ") + t.title;
    if (!t.first_seen.empty()) titles += t.first_seen == t.last_seen ? " " + t.first_seen : " " + t.first_seen + " to " + t.last_seen;
  }
  if (!titles.empty()) quals += " [" + titles + "]";
  std::vector<Symbol> dates = Dates(r);
  if (!dates.empty()) quals += " (" + dates.front() + ")";
  std::printf("%s --%s--> %s%s\n", g.entity(g.source(edge)).name.c_str(), std::string(PredicateName(r.predicate)).c_str(),
              g.entity(g.target(edge)).name.c_str(), quals.c_str());
  std::string seen;
  Symbol first = FirstSeen(r), last = LastSeen(r);
  if (!first.empty()) seen = first == last ? ", seen " + first : ", seen " + first + " to " + last;
  std::printf("%sconfidence %.2f, %s%s\n", indent, r.confidence, Plural(r.article_count, "article").c_str(), seen.c_str());
  size_t shown = 0;
  for (const Evidence& e : r.evidence) {
    if (e.text.empty()) continue;
    if (shown++ == 3) {
      std::printf("%s... and %zu more\n", indent, r.evidence.size() - 3);
      break;
    }
    std::string date = e.date.empty() ? "" : " (" + e.date + ")";
    std::printf("%s\"%s\"\n%s  -- %s%s\n", indent, e.text.c_str(), indent, e.article.c_str(), date.c_str());
  }
}

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void String(JsonWriter& w, std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }

void EntityJson(JsonWriter& w, const KnowledgeGraph& g, VertexId v) {
  const Entity& e = g.entity(v);
  w.StartObject();
  w.Key("id"), String(w, e.id);
  w.Key("name"), String(w, e.name);
  w.Key("type"), String(w, EntityTypeName(e.type));
}

void RelationJson(JsonWriter& w, const KnowledgeGraph& g, EdgeId edge) {
  const Relation& r = g.relation(edge);
  const Entity &subject = g.entity(g.source(edge)), &object = g.entity(g.target(edge));
  w.Key("subject"), String(w, subject.id);
  w.Key("subjectName"), String(w, subject.name);
  w.Key("subjectType"), String(w, EntityTypeName(subject.type));
  w.Key("predicate"), String(w, PredicateName(r.predicate));
  w.Key("object"), String(w, object.id);
  w.Key("objectName"), String(w, object.name);
  w.Key("objectType"), String(w, EntityTypeName(object.type));
  w.Key("confidence"), w.Double(r.confidence);
  if (const PredicateInfo& info = Info(r.predicate); !info.cameo.empty())
    w.Key("cameo"), String(w, info.cameo), w.Key("goldstein"), w.Double(info.goldstein);
  std::vector<Symbol> dates = Dates(r);
  Symbol first = FirstSeen(r), last = LastSeen(r);
  if (std::vector<TitleSpan> spans = TitleSpans(r); !spans.empty()) {
    w.Key("titles");
    w.StartArray();
    for (const TitleSpan& t : spans) {
      w.StartObject();
      w.Key("title"), String(w, t.title);
      if (!t.first_seen.empty()) w.Key("firstSeen"), String(w, t.first_seen), w.Key("lastSeen"), String(w, t.last_seen);
      w.EndObject();
    }
    w.EndArray();
  }
  if (!dates.empty()) w.Key("date"), String(w, dates.front());
  if (!first.empty()) w.Key("firstSeen"), String(w, first);
  if (!last.empty()) w.Key("lastSeen"), String(w, last);
  w.Key("evidence");
  w.StartArray();
  for (const Evidence& e : r.evidence) {
    w.StartObject();
    w.Key("article"), String(w, e.article);
    w.Key("text"), String(w, e.text);
    w.Key("start"), w.Uint(e.start);
    w.Key("end"), w.Uint(e.end);
    if (!e.date.empty()) w.Key("date"), String(w, e.date);
    w.Key("confidence"), w.Double(e.confidence);
    w.EndObject();
  }
  w.EndArray();
}

void PathJson(JsonWriter& w, const KnowledgeGraph& g, const Path& path) {
  w.StartObject();
  w.Key("length"), w.Uint(static_cast<unsigned>(path.hops.size()));
  w.Key("reliability"), w.Double(Reliability(g, path));
  w.Key("entities");
  w.StartArray();
  for (VertexId v : path.vertices) EntityJson(w, g, v), w.EndObject();
  w.EndArray();
  w.Key("hops");
  w.StartArray();
  for (const PathHop& hop : path.hops) {
    w.StartObject();
    RelationJson(w, g, hop.edge);
    w.Key("forward"), w.Bool(hop.forward);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void PrintJsonBuffer(const rapidjson::StringBuffer& buf) { std::printf("%s\n", buf.GetString()); }

}  // namespace

void PrintPathsText(const KnowledgeGraph& g, const std::vector<Path>& paths, bool reliable) {
  for (size_t p = 0; p < paths.size(); ++p) {
    const Path& path = paths[p];
    if (p) std::printf("\n");
    std::string rank = paths.size() > 1 ? "path " + std::to_string(p + 1) + " of " + std::to_string(paths.size()) + ": " : "";
    std::string reliability;
    if (reliable) {
      char buf[48];
      std::snprintf(buf, sizeof buf, ", reliability %.3f", Reliability(g, path));
      reliability = buf;
    }
    std::printf("%s%s from %s to %s%s\n", rank.c_str(), Plural(path.hops.size(), "hop").c_str(),
                g.entity(path.vertices.front()).name.c_str(), g.entity(path.vertices.back()).name.c_str(),
                reliability.c_str());
    for (size_t i = 0; i < path.hops.size(); ++i) {
      std::printf("\n%zu. ", i + 1);
      PrintRelation(g, path.hops[i].edge, "   ");
    }
  }
}

void PrintPathsJson(const KnowledgeGraph& g, const std::vector<Path>& paths, bool as_list) {
  rapidjson::StringBuffer buf;
  JsonWriter w(buf);
  w.SetMaxDecimalPlaces(4);
  if (as_list) {
    w.StartObject();
    w.Key("paths");
    w.StartArray();
    for (const Path& p : paths) PathJson(w, g, p);
    w.EndArray();
    w.EndObject();
  } else {
    PathJson(w, g, paths.front());
  }
  PrintJsonBuffer(buf);
}

void PrintNeighborsText(const KnowledgeGraph& g, const EgoNetwork& net) {
  const Entity& center = g.entity(net.vertices.front());
  std::printf("%s (%s): %s within %s, %s\n", center.name.c_str(), center.id.c_str(),
              Plural(net.vertices.size() - 1, "entity").c_str(), Plural(static_cast<size_t>(net.depth), "hop").c_str(),
              Plural(net.edges.size(), "relation").c_str());
  int shown_depth = 0;
  for (size_t i = 1; i < net.vertices.size(); ++i) {
    if (net.distance[i] != shown_depth) {
      shown_depth = net.distance[i];
      std::printf("\n%s away:\n", Plural(static_cast<size_t>(shown_depth), "hop").c_str());
    }
    const Entity& e = g.entity(net.vertices[i]);
    std::printf("  %s (%s, %s)\n", e.name.c_str(), e.id.c_str(), std::string(EntityTypeName(e.type)).c_str());
  }
  if (!net.edges.empty()) std::printf("\nrelations:\n");
  for (EdgeId e : net.edges) {
    std::printf("\n  ");
    PrintRelation(g, e, "     ");
  }
}

void PrintNeighborsJson(const KnowledgeGraph& g, const EgoNetwork& net) {
  rapidjson::StringBuffer buf;
  JsonWriter w(buf);
  w.SetMaxDecimalPlaces(4);
  w.StartObject();
  w.Key("center"), String(w, g.entity(net.vertices.front()).id);
  w.Key("depth"), w.Int(net.depth);
  w.Key("entities");
  w.StartArray();
  for (size_t i = 0; i < net.vertices.size(); ++i) {
    EntityJson(w, g, net.vertices[i]);
    w.Key("distance"), w.Int(net.distance[i]);
    w.EndObject();
  }
  w.EndArray();
  w.Key("relations");
  w.StartArray();
  for (EdgeId e : net.edges) {
    w.StartObject();
    RelationJson(w, g, e);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  PrintJsonBuffer(buf);
}

KnowledgeGraph Subgraph(const KnowledgeGraph& graph, std::vector<VertexId> vertices, std::vector<EdgeId> edges) {
  auto by_id = [&](VertexId a, VertexId b) { return graph.entity(a).id < graph.entity(b).id; };
  std::sort(vertices.begin(), vertices.end(), by_id);
  vertices.erase(std::unique(vertices.begin(), vertices.end()), vertices.end());
  KnowledgeGraph sub;
  for (VertexId v : vertices) sub.AddEntity(graph.entity(v));
  auto key = [&](EdgeId e) {
    return std::make_tuple(std::cref(graph.entity(graph.source(e)).id), graph.relation(e).predicate,
                           std::cref(graph.entity(graph.target(e)).id));
  };
  std::sort(edges.begin(), edges.end(), [&](EdgeId a, EdgeId b) { return key(a) < key(b); });
  edges.erase(std::unique(edges.begin(), edges.end(), [&](EdgeId a, EdgeId b) { return key(a) == key(b); }), edges.end());
  for (EdgeId e : edges)
    sub.AddRelation(*sub.FindById(graph.entity(graph.source(e)).id), *sub.FindById(graph.entity(graph.target(e)).id),
                    graph.relation(e));
  // Only the articles the answer cites: by its evidence, and by where its
  // entities were seen (a graph file names every article it refers to, or
  // it does not read back).
  std::unordered_set<Symbol> cited;
  for (EdgeId e : edges)
    for (const Evidence& ev : graph.relation(e).evidence) cited.insert(ev.article);
  for (VertexId v : vertices)
    for (const Sighting& seen : graph.entity(v).sightings) cited.insert(seen.article);
  std::vector<ArticleInfo> articles;
  for (const ArticleInfo& a : graph.articles())
    if (cited.count(a.doc)) articles.push_back(a);
  sub.SetArticles(std::move(articles));
  return sub;
}

Status PrintDot(const KnowledgeGraph& answer, const std::string& title) {
  auto out = OutputFile::Open("-");
  if (!out.ok()) return out.status();
  DiagramOptions options;
  options.title = title;
  Status s = WriteDot(answer, options, *out);
  if (!s.ok()) return s;
  return out->Commit();
}

int FinishOutput() {
  return std::fflush(stdout) == 0 && !std::ferror(stdout) ? kExitOk
                                                          : Fail(Status::IoError("standard output: write failed"));
}

}  // namespace irkg::cli
