// irkg explain: why an entity is one entity. The reasons come from
// queries/resolution_explanation.h; this file only reads the options and prints.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdio>

#include "cli/command.h"
#include "cli/query_output.h"
#include "graph/graph_reader.h"
#include "graph/person_name_folds.h"
#include "queries/path_query.h"
#include "queries/resolution_explanation.h"

namespace irkg::cli {
namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void String(JsonWriter& w, std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }

std::string Describe(const ObservedName& o) {
  return "\"" + o.name.str() + "\"" + (o.article.empty() ? "" : " in " + o.article.str());
}

void WriteObserved(JsonWriter& w, const char* key, const ObservedName& o) {
  w.Key(key);
  w.StartObject();
  w.Key("name"), String(w, o.name);
  w.Key("article"), String(w, o.article);
  w.EndObject();
}

void PrintJson(const Entity& e, const ResolutionExplanation& why) {
  rapidjson::StringBuffer buf;
  JsonWriter w(buf);
  w.StartObject();
  w.Key("id"), String(w, e.id);
  w.Key("name"), String(w, e.name);
  w.Key("type"), String(w, EntityTypeName(e.type));
  // One array of {observation, the other one, why} objects per list.
  auto write_list = [&w](const char* key, const auto& items, const char* other_key, auto other, auto why) {
    w.Key(key);
    w.StartArray();
    for (const auto& item : items) {
      w.StartObject();
      WriteObserved(w, "observation", item.*other.first);
      WriteObserved(w, other_key, item.*other.second);
      why(item);
      w.EndObject();
    }
    w.EndArray();
  };
  using Merge = ResolutionExplanation::Merge;
  using KeptApart = ResolutionExplanation::KeptApart;
  write_list("merged", why.merges, "with", std::pair{&Merge::joined, &Merge::with},
             [&](const Merge& m) { w.Key("rule"), String(w, m.rule); });
  write_list("keptApart", why.kept_apart, "other", std::pair{&KeptApart::own, &KeptApart::other},
             [&](const KeptApart& k) {
               w.Key("otherEntity"), String(w, k.other_entity);
               w.Key("reason"), String(w, k.reason);
             });
  w.EndObject();
  std::printf("%s\n", buf.GetString());
}

}  // namespace

int RunExplain(const Args& args) {
  if (args.positional().size() != 2) return Fail(Status::Usage("explain needs GRAPH ENTITY"));
  if (Status folds = PersonNameFolds::InUseStatus(); !folds.ok()) return Fail(folds);
  auto graph = ReadGraphFile(args.positional()[0]);
  if (!graph.ok()) return Fail(graph.status());
  auto entity = ResolveEntity(*graph, args.positional()[1]);
  if (!entity.ok()) return Fail(entity.status());
  const Entity& e = graph->entity(*entity);
  const ResolutionExplanation why = ExplainEntity(*graph, *entity);
  if (args.Has("--json")) {
    PrintJson(e, why);
    return FinishOutput();
  }
  std::printf("%s (%s, %s): %zu observation(s)\n", e.name.c_str(), e.id.c_str(), std::string(EntityTypeName(e.type)).c_str(),
              std::max<size_t>(e.sightings.size(), 1));
  std::printf("\nmerged:\n");
  if (why.merges.empty()) std::printf("  nothing: one name, one observation\n");
  for (const auto& m : why.merges)
    std::printf("  %s joined %s\n    rule: %s\n", Describe(m.joined).c_str(), Describe(m.with).c_str(), m.rule.c_str());
  std::printf("\nkept apart:\n");
  if (why.kept_apart.empty()) std::printf("  nothing came close\n");
  for (const auto& k : why.kept_apart)
    std::printf("  %s, not %s [%s]\n    reason: %s\n", Describe(k.other).c_str(), Describe(k.own).c_str(),
                k.other_entity.c_str(), k.reason.c_str());
  return FinishOutput();
}

}  // namespace irkg::cli
