// irkg holders, timeline, dyad and entities: the analyst's questions of
// time and identity. The answers come from queries/time_query.h and
// queries/entity_list.h; this file only reads the options and prints.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdio>
#include <filesystem>

#include "cli/command.h"
#include "cli/query_output.h"
#include "core/output_file.h"
#include "export/chart.h"
#include "graph/graph_reader.h"
#include "queries/entity_list.h"
#include "queries/time_query.h"

namespace irkg::cli {
namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void String(JsonWriter& w, std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }

std::string Span(Symbol first, Symbol last) {
  if (first.empty()) return "undated";
  return first == last ? first.str() : first + " to " + last;
}

void PrintEvidenceLine(const Evidence& e) {
  std::printf("    \"%s\"\n      -- %s%s\n", e.text.c_str(), e.article.c_str(), e.date.empty() ? "" : (" (" + e.date + ")").c_str());
}

}  // namespace

int RunHolders(const Args& args) {
  if (args.positional().size() != 3) return Fail(Status::Usage("holders needs GRAPH TITLE STATE"));
  auto graph = ReadGraphFile(args.positional()[0]);
  if (!graph.ok()) return Fail(graph.status());
  auto answer = FindHolders(*graph, args);
  if (!answer.ok()) return Fail(answer.status());
  const std::string on = args.Get("--on");
  const VertexId state = *ResolveEntity(*graph, args.positional()[2]);
  const std::string& title = args.positional()[1];
  if (args.Has("--json")) {
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    w.StartObject();
    w.Key("title"), String(w, title);
    w.Key("state"), String(w, graph->entity(state).id);
    if (!on.empty()) w.Key("on"), String(w, on), w.Key("lastKnownBefore"), w.Bool(answer->last_known_before);
    w.Key("holders");
    w.StartArray();
    for (const OfficeTerm& t : answer->terms) {
      const Relation& r = graph->relation(t.relation);
      w.StartObject();
      w.Key("id"), String(w, graph->entity(t.person).id);
      w.Key("name"), String(w, graph->entity(t.person).name);
      w.Key("type"), String(w, EntityTypeName(graph->entity(t.person).type));
      if (!t.first_seen.empty()) w.Key("firstSeen"), String(w, t.first_seen), w.Key("lastSeen"), String(w, t.last_seen);
      w.Key("evidence");
      w.StartArray();
      for (size_t i : t.evidence) {
        w.StartObject();
        w.Key("article"), String(w, r.evidence[i].article);
        w.Key("text"), String(w, r.evidence[i].text);
        if (!r.evidence[i].date.empty()) w.Key("date"), String(w, r.evidence[i].date);
        w.EndObject();
      }
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    std::printf("%s\n", buf.GetString());
    return FinishOutput();
  }
  const std::string office = title + " of " + graph->entity(state).name.str();
  if (answer->last_known_before)
    std::printf("nobody is seen as %s on %s; last seen before it:\n", office.c_str(), on.c_str());
  else
    std::printf("%s%s:\n", office.c_str(), on.empty() ? "" : (" on " + on).c_str());
  for (const OfficeTerm& t : answer->terms) {
    const Relation& r = graph->relation(t.relation);
    std::printf("\n  %s (%s), %s\n", graph->entity(t.person).name.c_str(), graph->entity(t.person).id.c_str(),
                Span(t.first_seen, t.last_seen).c_str());
    for (size_t i : t.evidence) PrintEvidenceLine(r.evidence[i]);
  }
  return FinishOutput();
}

int RunTimeline(const Args& args) {
  if (args.positional().size() != 2) return Fail(Status::Usage("timeline needs GRAPH ENTITY"));
  auto graph = ReadGraphFile(args.positional()[0]);
  if (!graph.ok()) return Fail(graph.status());
  auto entity = ResolveEntity(*graph, args.positional()[1]);
  if (!entity.ok()) return Fail(entity.status());
  const KnowledgeGraph& g = *graph;
  std::vector<TimelineFact> facts = Timeline(g, *entity);
  if (args.Has("--json")) {
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    w.StartObject();
    w.Key("entity"), String(w, g.entity(*entity).id);
    w.Key("name"), String(w, g.entity(*entity).name);
    w.Key("facts");
    w.StartArray();
    for (const TimelineFact& f : facts) {
      const Relation& r = g.relation(f.relation);
      const Evidence& e = r.evidence[f.evidence];
      w.StartObject();
      if (!f.date.empty()) w.Key("date"), String(w, f.date);
      w.Key("subject"), String(w, g.entity(g.source(f.relation)).id);
      w.Key("subjectName"), String(w, g.entity(g.source(f.relation)).name);
      w.Key("predicate"), String(w, PredicateName(r.predicate));
      w.Key("object"), String(w, g.entity(g.target(f.relation)).id);
      w.Key("objectName"), String(w, g.entity(g.target(f.relation)).name);
      if (!e.title.empty()) w.Key("title"), String(w, e.title);
      w.Key("article"), String(w, e.article);
      w.Key("text"), String(w, e.text);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    std::printf("%s\n", buf.GetString());
    return FinishOutput();
  }
  std::printf("%s (%s): %zu facts\n", g.entity(*entity).name.c_str(), g.entity(*entity).id.c_str(), facts.size());
  for (const TimelineFact& f : facts) {
    const Relation& r = g.relation(f.relation);
    const Evidence& e = r.evidence[f.evidence];
    std::string title = e.title.empty() ? "" : " [" + e.title + "]";
    std::printf("\n%-10s %s --%s--> %s%s\n", f.date.empty() ? "undated" : f.date.c_str(),
                g.entity(g.source(f.relation)).name.c_str(), std::string(PredicateName(r.predicate)).c_str(),
                g.entity(g.target(f.relation)).name.c_str(), title.c_str());
    std::printf("           \"%s\" -- %s\n", e.text.c_str(), e.article.c_str());
  }
  return FinishOutput();
}

int RunDyad(const Args& args) {
  if (args.positional().size() != 3) return Fail(Status::Usage("dyad needs GRAPH A B"));
  std::string plot = args.Get("--plot");
  if (!plot.empty() && std::filesystem::path(plot).extension() != ".svg")
    return Fail(Status::Usage("--plot writes SVG: give a FILE.svg"));
  auto graph = ReadGraphFile(args.positional()[0]);
  if (!graph.ok()) return Fail(graph.status());
  auto found = FindDyad(*graph, args);
  if (!found.ok()) return Fail(found.status());
  const KnowledgeGraph& g = *graph;
  const DyadAnswer& answer = *found;
  const std::string by = args.Get("--by", "year");
  const VertexId a = *ResolveEntity(g, args.positional()[1]), b = *ResolveEntity(g, args.positional()[2]);
  const std::string names = g.entity(a).name + " and " + g.entity(b).name;
  if (!plot.empty()) {
    BarChart chart;
    chart.title = names + ": Goldstein sum per " + by;
    for (const DyadPeriod& p : answer.periods) chart.bars.push_back({p.period, p.goldstein});
    auto out = OutputFile::Open(plot);
    if (!out.ok()) return Fail(out.status());
    WriteBarChartSvg(chart, *out);
    if (Status s = out->Commit(); !s.ok()) return Fail(s);
  }
  if (args.Has("--json")) {
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    w.SetMaxDecimalPlaces(4);
    w.StartObject();
    w.Key("a"), String(w, g.entity(a).id), w.Key("aName"), String(w, g.entity(a).name);
    w.Key("b"), String(w, g.entity(b).id), w.Key("bName"), String(w, g.entity(b).name);
    w.Key("by"), String(w, by);
    w.Key("periods");
    w.StartArray();
    for (const DyadPeriod& p : answer.periods) {
      w.StartObject();
      w.Key("period"), String(w, p.period);
      w.Key("counts");
      w.StartObject();
      for (const auto& [predicate, n] : p.counts) w.Key(PredicateName(predicate).data(), static_cast<rapidjson::SizeType>(PredicateName(predicate).size())), w.Uint64(n);
      w.EndObject();
      w.Key("goldstein"), w.Double(p.goldstein);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    std::printf("%s\n", buf.GetString());
    return FinishOutput();
  }
  std::printf("%s: %zu relations, by %s\n\n", names.c_str(), answer.relations.size(), by.c_str());
  std::printf("%-10s %10s  %s\n", "period", "goldstein", "events");
  for (const DyadPeriod& p : answer.periods) {
    std::string counts;
    for (const auto& [predicate, n] : p.counts)
      counts += (counts.empty() ? "" : ", ") + std::string(PredicateName(predicate)) + " " + std::to_string(n);
    std::printf("%-10s %10.1f  %s\n", p.period.c_str(), p.goldstein, counts.c_str());
  }
  return FinishOutput();
}

int RunEntities(const Args& args) {
  if (args.positional().size() != 1) return Fail(Status::Usage("entities needs GRAPH"));
  auto graph = ReadGraphFile(args.positional()[0]);
  if (!graph.ok()) return Fail(graph.status());
  auto found = FindEntities(*graph, args);
  if (!found.ok()) return Fail(found.status());
  const std::vector<ListedEntity>& listed = *found;
  if (args.Has("--json")) {
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    w.StartArray();
    for (const ListedEntity& l : listed) {
      const Entity& e = graph->entity(l.vertex);
      w.StartObject();
      w.Key("id"), String(w, e.id);
      w.Key("name"), String(w, e.name);
      w.Key("type"), String(w, EntityTypeName(e.type));
      w.Key("aliases");
      w.StartArray();
      for (Symbol alias : e.aliases) String(w, alias);
      w.EndArray();
      w.Key("degree"), w.Uint64(l.degree);
      w.EndObject();
    }
    w.EndArray();
    std::printf("%s\n", buf.GetString());
    return FinishOutput();
  }
  for (const ListedEntity& l : listed) {
    const Entity& e = graph->entity(l.vertex);
    std::string aliases;
    for (Symbol alias : e.aliases) aliases += (aliases.empty() ? " (also " : ", ") + alias;
    if (!aliases.empty()) aliases += ")";
    std::printf("%6zu  %-13s %s%s  [%s]\n", l.degree, std::string(EntityTypeName(e.type)).c_str(), e.name.c_str(),
                aliases.c_str(), e.id.c_str());
  }
  return FinishOutput();
}

}  // namespace irkg::cli
