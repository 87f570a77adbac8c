#include "graph/entity_lookup.h"

#include <algorithm>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "core/text.h"

namespace irkg {
namespace {

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t substitute = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      diagonal = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitute});
    }
  }
  return row[b.size()];
}

// How far `query` is from a name: from the whole name or, so that a
// misspelt surname finds the full name, from any one of its words.
size_t NameDistance(const std::string& query, const std::string& key) {
  size_t best = EditDistance(query, key);
  size_t begin = 0;
  while (begin < key.size() && best > 0) {
    size_t end = std::min(key.find(' ', begin), key.size());
    best = std::min(best, EditDistance(query, std::string_view(key).substr(begin, end - begin)));
    begin = end + 1;
  }
  return best;
}

std::string Describe(const Entity& e) { return e.name + " (" + e.id + ")"; }

Status Unknown(const KnowledgeGraph& graph, std::string_view name, const std::string& key) {
  std::string message = "no entity named '" + std::string(name) + "'";
  // One edit in three letters still reads as a misspelling; more is noise.
  const size_t limit = std::max<size_t>(1, key.size() / 3);
  std::vector<std::tuple<size_t, Symbol, VertexId>> near;  // distance, id, vertex
  for (VertexId v = 0; v < graph.entity_count(); ++v) {
    const Entity& e = graph.entity(v);
    size_t best = NameDistance(key, NameKey(e.name));
    for (const auto& alias : e.aliases) best = std::min(best, NameDistance(key, NameKey(alias)));
    if (best <= limit) near.emplace_back(best, e.id, v);
  }
  std::sort(near.begin(), near.end());
  if (near.size() > 3) near.resize(3);
  if (near.empty()) return Status::NotFound(message);
  std::multiset<Symbol> names;
  for (const auto& [distance, id, v] : near) names.insert(graph.entity(v).name);
  message += "; did you mean: ";
  for (size_t i = 0; i < near.size(); ++i) {
    const Entity& e = graph.entity(std::get<2>(near[i]));
    message += (i ? ", " : "") + (names.count(e.name) > 1 ? e.id : e.name);
  }
  return Status::NotFound(message + "?");
}

}  // namespace

Result<VertexId> ResolveEntity(const KnowledgeGraph& graph, std::string_view name) {
  if (auto v = graph.FindById(name)) return *v;
  const std::string key = NameKey(name);
  std::vector<VertexId> by_name, by_alias;
  if (!key.empty()) {
    for (VertexId v = 0; v < graph.entity_count(); ++v) {
      const Entity& e = graph.entity(v);
      if (NameKey(e.name) == key) {
        by_name.push_back(v);
        continue;
      }
      for (const auto& alias : e.aliases)
        if (NameKey(alias) == key) {
          by_alias.push_back(v);
          break;
        }
    }
  }
  if (by_name.size() == 1) return by_name[0];
  if (by_name.empty() && by_alias.size() == 1) return by_alias[0];
  if (by_name.empty() && by_alias.empty()) return Unknown(graph, name, key);

  const std::vector<VertexId>& candidates = by_name.empty() ? by_alias : by_name;
  std::vector<std::string> listed;
  for (VertexId v : candidates) listed.push_back(Describe(graph.entity(v)));
  std::sort(listed.begin(), listed.end());
  std::string message = "'" + std::string(name) + "' is ambiguous: ";
  for (size_t i = 0; i < listed.size(); ++i) message += (i ? ", " : "") + listed[i];
  return Status::InvalidInput(message + "; name one by its id");
}

}  // namespace irkg
