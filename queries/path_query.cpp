#include "queries/path_query.h"

#include <algorithm>
#include <limits>
#include <map>
#include <queue>
#include <set>
#include <string>
#include <tuple>

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
  std::vector<std::tuple<size_t, std::string, VertexId>> near;  // distance, id, vertex
  for (VertexId v = 0; v < graph.entity_count(); ++v) {
    const Entity& e = graph.entity(v);
    size_t best = NameDistance(key, NameKey(e.name));
    for (const auto& alias : e.aliases) best = std::min(best, NameDistance(key, NameKey(alias)));
    if (best <= limit) near.emplace_back(best, e.id, v);
  }
  std::sort(near.begin(), near.end());
  if (near.size() > 3) near.resize(3);
  if (near.empty()) return Status::NotFound(message);
  std::multiset<std::string> names;
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
  if (auto v = graph.FindById(std::string(name))) return *v;
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

Result<Path> ShortestPath(const KnowledgeGraph& graph, VertexId from, VertexId to, const PathOptions& options) {
  const BoostGraph& g = graph.boost_graph();
  const size_t n = graph.entity_count();
  if (from >= n || to >= n) return Status::InvalidInput("path endpoint is not an entity of this graph");

  struct Arrival {
    VertexId previous;
    PathHop hop;
  };
  constexpr int kUnseen = std::numeric_limits<int>::max();
  std::vector<int> depth(n, kUnseen);
  std::vector<Arrival> arrival(n);
  std::queue<VertexId> frontier;
  depth[from] = 0;
  frontier.push(from);
  while (!frontier.empty() && depth[to] == kUnseen) {
    VertexId v = frontier.front();
    frontier.pop();
    if (depth[v] >= options.max_hops) continue;
    // Neighbours in a fixed order: by id, then predicate, forward first.
    std::vector<std::tuple<const std::string*, Predicate, bool, VertexId, EdgeId>> next;
    for (EdgeId e : boost::make_iterator_range(boost::out_edges(v, g)))
      next.emplace_back(&graph.entity(graph.target(e)).id, graph.relation(e).predicate, true, graph.target(e), e);
    for (EdgeId e : boost::make_iterator_range(boost::in_edges(v, g)))
      next.emplace_back(&graph.entity(graph.source(e)).id, graph.relation(e).predicate, false, graph.source(e), e);
    std::sort(next.begin(), next.end(), [](const auto& a, const auto& b) {
      return std::make_tuple(*std::get<0>(a), std::get<1>(a), !std::get<2>(a)) <
             std::make_tuple(*std::get<0>(b), std::get<1>(b), !std::get<2>(b));
    });
    for (const auto& [id, predicate, forward, w, e] : next) {
      if (depth[w] != kUnseen) continue;
      depth[w] = depth[v] + 1;
      arrival[w] = Arrival{v, PathHop{e, forward}};
      frontier.push(w);
    }
  }
  if (depth[to] == kUnseen)
    return Status::NotFound("no path between '" + graph.entity(from).name + "' and '" + graph.entity(to).name +
                            "' within " + std::to_string(options.max_hops) + " hops");

  Path path;
  for (VertexId v = to; v != from; v = arrival[v].previous) {
    path.vertices.push_back(v);
    path.hops.push_back(arrival[v].hop);
  }
  path.vertices.push_back(from);
  std::reverse(path.vertices.begin(), path.vertices.end());
  std::reverse(path.hops.begin(), path.hops.end());
  return path;
}

}  // namespace irkg
