#include "queries/frozen_graph.h"

#include <algorithm>
#include <numeric>
#include <string>
#include <tuple>
#include <utility>

namespace irkg {

FrozenGraph::FrozenGraph(const KnowledgeGraph& graph) {
  const BoostGraph& g = graph.boost_graph();
  const size_t n = graph.entity_count();
  for (auto [it, end] = boost::edges(g); it != end; ++it) edges_.push_back(*it);

  // Arcs go in ShortestPath's neighbour order (neighbour id, predicate,
  // forward first), so a walk over them meets neighbours as it does. Ids
  // are compared once here, through their rank, and never during queries.
  std::vector<uint32_t> by_id(n), rank(n);
  std::iota(by_id.begin(), by_id.end(), 0u);
  std::sort(by_id.begin(), by_id.end(),
            [&](uint32_t a, uint32_t b) { return graph.entity(a).id < graph.entity(b).id; });
  for (uint32_t r = 0; r < n; ++r) rank[by_id[r]] = r;

  struct Pending {
    uint32_t from, to;
    Predicate predicate;
    Arc arc;
  };
  std::vector<Pending> pending;
  pending.reserve(edges_.size() * 2);
  for (uint32_t i = 0; i < edges_.size(); ++i) {
    auto s = static_cast<uint32_t>(graph.source(edges_[i]));
    auto o = static_cast<uint32_t>(graph.target(edges_[i]));
    Predicate p = graph.relation(edges_[i]).predicate;
    pending.push_back({s, o, p, Arc{i << 1 | 1u}});
    pending.push_back({o, s, p, Arc{i << 1}});
  }
  std::sort(pending.begin(), pending.end(), [&](const Pending& a, const Pending& b) {
    return std::make_tuple(a.from, rank[a.to], a.predicate, !a.arc.forward()) <
           std::make_tuple(b.from, rank[b.to], b.predicate, !b.arc.forward());
  });
  std::vector<std::pair<uint32_t, uint32_t>> ends;
  std::vector<Arc> arcs;
  ends.reserve(pending.size());
  arcs.reserve(pending.size());
  for (const auto& p : pending) {
    ends.emplace_back(p.from, p.to);
    arcs.push_back(p.arc);
  }
  pending = {};
  csr_ = Csr(boost::edges_are_sorted, ends.begin(), ends.end(), arcs.begin(), static_cast<uint32_t>(n));
}

size_t FrozenGraph::MemoryBytes() const {
  return (boost::num_vertices(csr_) + 1) * sizeof(uint32_t) + boost::num_edges(csr_) * (sizeof(uint32_t) + sizeof(Arc)) +
         edges_.capacity() * sizeof(EdgeId);
}

SearchSpace::SearchSpace(size_t vertices)
    : seen_from_start_(vertices, 0),
      seen_from_goal_(vertices, 0),
      depth_from_start_(vertices, 0),
      depth_from_goal_(vertices, 0),
      parent_start_(vertices, 0),
      parent_goal_(vertices, 0),
      via_start_(vertices),
      via_goal_(vertices) {}

void SearchSpace::NewSearch() {
  if (++search_ == 0) {  // the stamp wrapped: forget every old mark once
    std::fill(seen_from_start_.begin(), seen_from_start_.end(), 0);
    std::fill(seen_from_goal_.begin(), seen_from_goal_.end(), 0);
    search_ = 1;
  }
}

Result<Path> FrozenShortestPath(const FrozenGraph& frozen, const KnowledgeGraph& graph, VertexId from, VertexId to,
                                const PathOptions& options, SearchSpace* space) {
  const auto& csr = frozen.csr();
  const size_t n = frozen.vertex_count();
  if (from >= n || to >= n || space->seen_from_start_.size() != n)
    return Status::InvalidInput("path endpoint is not an entity of this graph");
  Path path;
  if (from == to) {
    path.vertices.push_back(from);
    return path;
  }
  // Depths are kept in a byte; no question about news needs 250 hops.
  const int max_hops = std::clamp(options.max_hops, 0, 250);

  SearchSpace& s = *space;
  s.NewSearch();
  const uint32_t stamp = s.search_;
  s.seen_from_start_[from] = stamp;
  s.depth_from_start_[from] = 0;
  s.seen_from_goal_[to] = stamp;
  s.depth_from_goal_[to] = 0;
  std::vector<uint32_t> start_frontier{static_cast<uint32_t>(from)}, goal_frontier{static_cast<uint32_t>(to)};
  int start_depth = 0, goal_depth = 0;
  int best = max_hops + 1;
  uint32_t meet = 0;

  while (!start_frontier.empty() && !goal_frontier.empty() && start_depth + goal_depth < max_hops) {
    // Grow the smaller side: around hubs the two frontiers differ by orders
    // of magnitude, and the small one meets the large one just as well.
    const bool forward_side = start_frontier.size() <= goal_frontier.size();
    auto& frontier = forward_side ? start_frontier : goal_frontier;
    auto& seen = forward_side ? s.seen_from_start_ : s.seen_from_goal_;
    auto& depth = forward_side ? s.depth_from_start_ : s.depth_from_goal_;
    auto& parent = forward_side ? s.parent_start_ : s.parent_goal_;
    auto& via = forward_side ? s.via_start_ : s.via_goal_;
    const auto& other_seen = forward_side ? s.seen_from_goal_ : s.seen_from_start_;
    const auto& other_depth = forward_side ? s.depth_from_goal_ : s.depth_from_start_;
    const int level = (forward_side ? start_depth : goal_depth) + 1;

    s.next_.clear();
    for (uint32_t v : frontier) {
      for (auto e : boost::make_iterator_range(boost::out_edges(v, csr))) {
        uint32_t w = boost::target(e, csr);
        if (seen[w] == stamp) continue;
        seen[w] = stamp;
        depth[w] = static_cast<uint8_t>(level);
        parent[w] = v;
        via[w] = csr[e];
        s.next_.push_back(w);
        if (other_seen[w] == stamp && level + other_depth[w] < best) {
          best = level + other_depth[w];
          meet = w;
        }
      }
    }
    frontier.swap(s.next_);
    (forward_side ? start_depth : goal_depth) = level;
    // Every vertex of this level has been looked at, so the best meeting
    // point among them is a shortest path (none was shorter last round).
    if (best <= max_hops) break;
  }
  if (best > max_hops)
    return Status::NotFound("no path between '" + graph.entity(from).name + "' and '" + graph.entity(to).name +
                            "' within " + std::to_string(options.max_hops) + " hops");

  for (uint32_t v = meet; v != from; v = s.parent_start_[v]) {
    path.vertices.push_back(v);
    path.hops.push_back(PathHop{frozen.edge(s.via_start_[v].relation()), s.via_start_[v].forward()});
  }
  path.vertices.push_back(from);
  std::reverse(path.vertices.begin(), path.vertices.end());
  std::reverse(path.hops.begin(), path.hops.end());
  // From the meeting point on, arcs were found walking back from the goal,
  // so each is taken the other way round.
  for (uint32_t v = meet; v != to; v = s.parent_goal_[v]) {
    path.hops.push_back(PathHop{frozen.edge(s.via_goal_[v].relation()), !s.via_goal_[v].forward()});
    path.vertices.push_back(s.parent_goal_[v]);
  }
  return path;
}

size_t Neighborhood(const FrozenGraph& frozen, VertexId center, int depth, SearchSpace* space,
                    std::vector<VertexId>* out) {
  const auto& csr = frozen.csr();
  if (center >= frozen.vertex_count()) return 0;
  SearchSpace& s = *space;
  s.NewSearch();
  const uint32_t stamp = s.search_;
  s.seen_from_start_[center] = stamp;
  std::vector<uint32_t>& frontier = s.frontier_;
  frontier.assign(1, static_cast<uint32_t>(center));
  if (out) out->push_back(center);
  size_t count = 1;
  for (int level = 0; level < depth && !frontier.empty(); ++level) {
    s.next_.clear();
    for (uint32_t v : frontier)
      for (auto e : boost::make_iterator_range(boost::out_edges(v, csr))) {
        uint32_t w = boost::target(e, csr);
        if (s.seen_from_start_[w] == stamp) continue;
        s.seen_from_start_[w] = stamp;
        s.next_.push_back(w);
      }
    count += s.next_.size();
    if (out) out->insert(out->end(), s.next_.begin(), s.next_.end());
    frontier.swap(s.next_);
  }
  return count;
}

}  // namespace irkg
