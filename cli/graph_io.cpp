#include "cli/graph_io.h"

#include <map>

#include "core/output_file.h"
#include "export/jsonld_writer.h"

namespace irkg::cli {

Status SaveGraph(const KnowledgeGraph& graph, const std::string& path, unsigned jobs) {
  auto out = OutputFile::Open(path);
  if (!out.ok()) return out.status();
  Status s = WriteJsonLdInParallel(graph, *out, jobs);
  if (!s.ok()) return s;
  return out->Commit();
}

std::string Summary(const KnowledgeGraph& g) {
  std::map<std::string, int> types, preds;
  for (size_t v = 0; v < g.entity_count(); ++v) ++types[std::string(EntityTypeName(g.entity(v).type))];
  g.ForEachRelation([&](EdgeId, const Relation& r) { ++preds[std::string(PredicateName(r.predicate))]; });
  auto list = [](const std::map<std::string, int>& m) {
    std::string s;
    for (const auto& [k, n] : m) s += (s.empty() ? "" : ", ") + k + " " + std::to_string(n);
    return s;
  };
  return "  articles:  " + std::to_string(g.articles().size()) + "\n  entities:  " + std::to_string(g.entity_count()) +
         " (" + list(types) + ")\n  relations: " + std::to_string(g.relation_count()) + " (" + list(preds) + ")";
}

namespace {

std::vector<std::string> SplitComma(const std::string& s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i <= s.size()) {
    size_t j = s.find(',', i);
    if (j == std::string::npos) j = s.size();
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

}  // namespace

Result<std::vector<Predicate>> ParsePredicateList(const std::string& list) {
  std::vector<Predicate> out;
  for (const auto& name : SplitComma(list)) {
    auto p = ParsePredicate(name);
    if (!p) {
      std::string known;
      for (const auto& info : AllPredicates()) known += (known.empty() ? "" : ", ") + std::string(info.name);
      return Status::Usage("unknown predicate '" + name + "' (known: " + known + ")");
    }
    out.push_back(*p);
  }
  return out;
}

Result<std::vector<EntityType>> ParseTypeList(const std::string& list) {
  std::vector<EntityType> out;
  for (const auto& name : SplitComma(list)) {
    auto t = ParseEntityType(name);
    if (!t) return Status::Usage("unknown entity type '" + name + "' (Person, Country, Organization, Location, Agreement, Project)");
    out.push_back(*t);
  }
  return out;
}

}  // namespace irkg::cli
