#include "queries/path_query.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <tuple>

#include "core/iso_date.h"
#include "core/text.h"
#include "graph/breadth_first.h"

namespace irkg {


namespace {

bool Contains(const auto& list, const auto& value) { return std::find(list.begin(), list.end(), value) != list.end(); }

bool IsUndated(const Relation& r) {
  return std::all_of(r.evidence.begin(), r.evidence.end(), [](const Evidence& e) { return e.date.empty(); });
}

}  // namespace

bool QueryFilter::Admits(const Relation& r) const {
  if (!predicates.empty() && !Contains(predicates, r.predicate)) return false;
  if (r.confidence < min_confidence) return false;
  if (since.empty() && until.empty()) return true;
  if (include_undated && IsUndated(r)) return true;
  for (const Evidence& e : r.evidence) {
    if (e.date.empty()) continue;
    if (!since.empty() && CompareDates(e.date, since) < 0) continue;
    if (!until.empty() && CompareDates(e.date, until) > 0) continue;
    return true;
  }
  return false;
}

bool QueryFilter::Admits(const Entity& e) const { return types.empty() || Contains(types, e.type); }

size_t UndatedLeftOut(const KnowledgeGraph& graph, const QueryFilter& filter) {
  if ((filter.since.empty() && filter.until.empty()) || filter.include_undated) return 0;
  QueryFilter undated_kept = filter;
  undated_kept.include_undated = true;
  size_t count = 0;
  graph.ForEachRelation([&](EdgeId, const Relation& r) {
    if (IsUndated(r) && undated_kept.Admits(r)) ++count;
  });
  return count;
}

namespace {

// A relation's length on a path: one hop, or -log confidence so that the
// shortest path is the one whose confidences have the largest product.
double Weight(const Relation& r, bool reliable) { return reliable ? -std::log(r.confidence) : 1.0; }

double Cost(const KnowledgeGraph& graph, const Path& path, bool reliable) {
  double cost = 0.0;
  for (const PathHop& hop : path.hops) cost += Weight(graph.relation(hop.edge), reliable);
  return cost;
}

// True when the filter admits every relation, so that a search need not
// read the relations at all (confidences, a noisy-or, are never negative).
bool AdmitsEveryRelation(const QueryFilter& f) {
  return f.predicates.empty() && f.since.empty() && f.until.empty() && !(f.min_confidence > 0.0);
}

// Scratch space for the searches of one thread. Marks carry a search
// number instead of being cleared, and the vectors keep their capacity, so
// a query costs what it visits rather than the size of the graph.
class Searcher {
 public:
  // Sizes the scratch space for `graph` and starts a fresh set of bans.
  void Reset(const KnowledgeGraph& graph) {
    graph_ = &graph;
    const size_t n = graph.entity_count();
    if (marks_.size() < n) marks_.resize(n);  // once a thread: 12 bytes an entity
    ClearBans();
  }
  // Bans are few (Yen's algorithm bars a path's first entities and some of
  // their relations), so they are lists, not marks.
  void ClearBans() {
    banned_.clear();
    banned_pairs_.clear();
  }
  void BanVertex(VertexId v) { banned_.push_back(v); }
  void BanPair(VertexId a, VertexId b) { banned_pairs_.emplace_back(std::min(a, b), std::max(a, b)); }

  // A best path within max_hops hops avoiding the bans, or nothing.
  std::optional<Path> Search(VertexId from, VertexId to, int max_hops, const PathOptions& options) {
    Begin(from, to, options.filter, options.reliable);
    if (from == to) return Path{{from}, {}};
    if (max_hops < 0) return std::nullopt;
    return options.reliable ? MostReliable(max_hops) : FewestHops(static_cast<uint32_t>(max_hops));
  }

  // Breadth-first over admitted relations and entities, up to `depth` hops.
  void Neighborhood(VertexId center, int depth, const QueryFilter& filter, EgoNetwork* out) {
    Begin(center, center, filter, false);
    out->vertices.assign(1, center);
    out->distance.assign(1, 0);
    Touch(center).hops[kStart] = 0;
    BreadthFirst(
        &out->vertices, &out->distance, depth,
        [&](VertexId v, auto&& visit) { ForEachStep(v, [&](VertexId w, PathHop) { visit(w); }); },
        [&](VertexId w, int hops) {
          Mark& m = Touch(w);
          if (m.hops[kStart] != kFar) return false;
          m.hops[kStart] = static_cast<uint32_t>(hops);
          return true;
        });
  }
  bool InLastNeighborhood(VertexId v) const { return Hops(v, kStart) != kFar; }

 private:
  static constexpr uint32_t kFar = std::numeric_limits<uint32_t>::max();
  static constexpr size_t kNoEntry = std::numeric_limits<size_t>::max();

  // What the current search knows of a vertex: how many hops it is from the
  // start and from the goal, kFar when not known. Stale when `search` is not
  // the current search's number.
  enum Side { kStart = 0, kGoal = 1 };
  struct Mark {
    uint32_t search = 0;
    uint32_t hops[2] = {kFar, kFar};
  };

  void Begin(VertexId from, VertexId to, const QueryFilter& filter, bool reliable) {
    from_ = from;
    to_ = to;
    filter_ = &filter;
    every_relation_ = AdmitsEveryRelation(filter);
    reliable_ = reliable;
    if (++search_ == 0) {  // wrapped: old marks could read as current
      std::fill(marks_.begin(), marks_.end(), Mark{});
      std::fill(slot_round_.begin(), slot_round_.end(), 0);
      search_ = 1;
    }
  }
  Mark& Touch(VertexId v) {
    Mark& m = marks_[v];
    if (m.search != search_) m = Mark{search_, {kFar, kFar}};
    return m;
  }
  uint32_t Hops(VertexId v, Side side) const { return marks_[v].search == search_ ? marks_[v].hops[side] : kFar; }

  bool Banned(VertexId a, VertexId b) const {
    if (Contains(banned_, b)) return true;
    const std::pair<VertexId, VertexId> pair(std::min(a, b), std::max(a, b));
    return Contains(banned_pairs_, pair);
  }

  // Calls step(w, hop) for every relation the search may walk from v, in
  // either direction: admitted by the filter, not barred, and to an entity
  // the filter admits (the two ends of the search always are). Walking a
  // relation is allowed from either end alike, so that searches from the
  // goal and back from the middle see the same graph as one from the start.
  template <typename Step>
  void ForEachStep(VertexId v, Step&& step) const {
    const KnowledgeGraph& graph = *graph_;
    auto consider = [&](EdgeId e, VertexId w, bool forward) {
      if (Banned(v, w)) return;
      if (w != from_ && w != to_ && !filter_->Admits(graph.entity(w))) return;
      if (!every_relation_ && !filter_->Admits(graph.relation(e))) return;
      if (reliable_ && !(graph.relation(e).confidence > 0.0)) return;
      step(w, PathHop{e, forward});
    };
    graph.ForEachIncident(v, consider);
  }

  // The documented tie-break: smaller neighbour id, then predicate, then
  // the relation walked forward.
  bool Before(VertexId a, PathHop a_hop, VertexId b, PathHop b_hop) const {
    auto order = [&](VertexId w, PathHop hop) {
      return std::make_tuple(std::cref(graph_->entity(w).id), graph_->relation(hop.edge).predicate, !hop.forward);
    };
    return order(a, a_hop) < order(b, b_hop);
  }

  // Fewest hops, and among those the path through the smallest ids.
  // Breadth-first from both ends, each round taking the side with the
  // smaller frontier one layer further (around hubs the two differ by
  // orders of magnitude), until some vertex is reached from both. Then
  // every vertex on a shortest path is given its distance to the goal, and
  // the path walks from the start to the smallest-id neighbour one hop
  // nearer the goal each time: only those few ids are ever compared.
  std::optional<Path> FewestHops(uint32_t max_hops) {
    uint32_t depth[2] = {0, 0};
    Touch(from_).hops[kStart] = 0;
    Touch(to_).hops[kGoal] = 0;
    frontier_[kStart].assign(1, from_);
    frontier_[kGoal].assign(1, to_);
    meetings_.clear();
    while (meetings_.empty() && depth[kStart] + depth[kGoal] < max_hops && !frontier_[kStart].empty() &&
           !frontier_[kGoal].empty()) {
      const Side side = frontier_[kStart].size() <= frontier_[kGoal].size() ? kStart : kGoal;
      Grow(side, ++depth[side]);
    }
    if (meetings_.empty()) return std::nullopt;
    GiveDistancesToGoal(depth[kStart], depth[kStart] + depth[kGoal]);
    return WalkToGoal();
  }

  // Takes one side's frontier a layer further, to `depth` hops from its
  // end, noting the vertices the other side has reached. The first time
  // there are any, they are all at the same distance from each end: none
  // was reached from both before, so no path is shorter than through them.
  void Grow(Side side, uint32_t depth) {
    const Side other = side == kStart ? kGoal : kStart;
    next_.clear();
    for (VertexId v : frontier_[side])
      ForEachStep(v, [&](VertexId w, PathHop) {
        Mark& m = Touch(w);
        if (m.hops[side] != kFar) return;
        m.hops[side] = depth;
        next_.push_back(w);
        if (m.hops[other] != kFar) meetings_.push_back(w);
      });
    frontier_[side].swap(next_);
  }

  // The goal's side knows how far its vertices are from the goal; this
  // tells the start side's vertices that lie on a shortest path, walking
  // back from the meeting points one layer at a time. No other vertex of
  // the start side has a distance to the goal, since none was reached from
  // the goal.
  void GiveDistancesToGoal(uint32_t start_depth, uint32_t length) {
    std::vector<VertexId>& layer = frontier_[kStart];
    layer.swap(meetings_);
    for (uint32_t depth = start_depth; depth > 0; --depth) {
      next_.clear();
      for (VertexId v : layer)
        ForEachStep(v, [&](VertexId u, PathHop) {
          if (Hops(u, kStart) != depth - 1 || Hops(u, kGoal) != kFar) return;
          marks_[u].hops[kGoal] = length - (depth - 1);
          next_.push_back(u);
        });
      layer.swap(next_);
    }
  }

  // From the start, each step to the neighbour one hop nearer the goal
  // that comes first in Before() order. Every vertex on a shortest path
  // knows its distance to the goal, and a neighbour one hop nearer than a
  // vertex on a shortest path is on one too, so the walk never strays.
  Path WalkToGoal() const {
    Path path{{from_}, {}};
    for (VertexId v = from_; v != to_;) {
      const uint32_t nearer = Hops(v, kGoal) - 1;
      VertexId best = v;
      PathHop best_hop{};
      ForEachStep(v, [&](VertexId w, PathHop hop) {
        if (Hops(w, kGoal) == nearer && (best == v || Before(w, hop, best, best_hop))) best = w, best_hop = hop;
      });
      path.vertices.push_back(best);
      path.hops.push_back(best_hop);
      v = best;
    }
    return path;
  }

  // The most reliable path: a layered relaxation (Bellman-Ford bounded by
  // hops). Round h holds the vertices whose best known path improved using
  // exactly h hops, so the hop limit is exact for weighted paths too;
  // neighbours are taken in Steps() order, so ties go to smaller ids.
  std::optional<Path> MostReliable(int max_hops) {
    const size_t n = graph_->entity_count();
    if (cost_.size() < n) {
      cost_.resize(n);
      slot_.resize(n);
      slot_round_.resize(n, 0);
    }
    const uint64_t round_base = uint64_t{search_} << 32;
    entries_.clear();
    entries_.push_back(Entry{from_, 0.0, kNoEntry, {}});
    Touch(from_).hops[kStart] = 0;
    cost_[from_] = 0.0;
    size_t goal = kNoEntry;
    size_t begin = 0, end = 1;
    for (int h = 1; h <= max_hops && begin < end; ++h) {
      for (size_t i = begin; i < end; ++i) {
        const Entry e = entries_[i];
        if (e.vertex == to_) continue;
        // Weights are never negative: nothing through here can beat the goal.
        if (goal != kNoEntry && e.cost >= cost_[to_]) continue;
        Steps(e.vertex);
        for (const Step& s : steps_) {
          const double cost = e.cost + s.weight;
          Mark& m = Touch(s.to);
          if (m.hops[kStart] != kFar && !(cost < cost_[s.to] - 1e-12)) continue;
          m.hops[kStart] = static_cast<uint32_t>(h);
          cost_[s.to] = cost;
          Entry next{s.to, cost, i, s.hop};
          if (slot_round_[s.to] == (round_base | static_cast<uint32_t>(h))) {
            entries_[slot_[s.to]] = next;  // a better way found in this same round
          } else {
            slot_round_[s.to] = round_base | static_cast<uint32_t>(h);
            slot_[s.to] = entries_.size();
            entries_.push_back(next);
          }
          if (s.to == to_) goal = slot_[s.to];
        }
      }
      begin = end;
      end = entries_.size();
    }
    if (goal == kNoEntry) return std::nullopt;
    Path path;
    for (size_t i = goal; i != kNoEntry; i = entries_[i].parent) {
      path.vertices.push_back(entries_[i].vertex);
      if (entries_[i].parent != kNoEntry) path.hops.push_back(entries_[i].hop);
    }
    std::reverse(path.vertices.begin(), path.vertices.end());
    std::reverse(path.hops.begin(), path.hops.end());
    return path;
  }

  struct Entry {
    VertexId vertex;
    double cost;
    size_t parent;  // index into entries_ of the previous round
    PathHop hop;    // how vertex was reached from the parent's vertex
  };
  struct Step {
    VertexId to;
    PathHop hop;
    double weight;
  };

  // The steps from v, one per neighbour, in Before() order: the lightest
  // relation to each, the first in that order among equally light ones.
  void Steps(VertexId v) {
    steps_.clear();
    ForEachStep(v, [&](VertexId w, PathHop hop) {
      steps_.push_back(Step{w, hop, Weight(graph_->relation(hop.edge), reliable_)});
    });
    std::sort(steps_.begin(), steps_.end(), [&](const Step& a, const Step& b) { return Before(a.to, a.hop, b.to, b.hop); });
    size_t kept = 0;
    for (size_t i = 0; i < steps_.size(); ++i) {
      if (kept > 0 && steps_[kept - 1].to == steps_[i].to) {
        if (steps_[i].weight < steps_[kept - 1].weight) steps_[kept - 1] = steps_[i];
        continue;
      }
      steps_[kept++] = steps_[i];
    }
    steps_.resize(kept);
  }

  const KnowledgeGraph* graph_ = nullptr;
  // The current search: its ends, what it may walk, and its number.
  VertexId from_ = 0, to_ = 0;
  const QueryFilter* filter_ = nullptr;
  bool every_relation_ = true, reliable_ = false;
  uint32_t search_ = 0;
  std::vector<Mark> marks_;
  std::vector<VertexId> banned_;
  std::vector<std::pair<VertexId, VertexId>> banned_pairs_;
  // Fewest hops: each side's frontier, the next layer, the meeting points.
  std::vector<VertexId> frontier_[2], next_, meetings_;
  // Most reliable: sized on first use, only the vertices reached are read.
  std::vector<double> cost_;
  std::vector<size_t> slot_;          // the vertex's entry in the round slot_round_ names
  std::vector<uint64_t> slot_round_;  // search << 32 | round
  std::vector<Entry> entries_;
  std::vector<Step> steps_;
};

Searcher& ThreadSearcher(const KnowledgeGraph& graph) {
  thread_local Searcher searcher;
  searcher.Reset(graph);
  return searcher;
}

Status CheckEndpoints(const KnowledgeGraph& graph, VertexId from, VertexId to, const PathOptions& options) {
  const size_t n = graph.entity_count();
  if (from >= n || to >= n) return Status::InvalidInput("path endpoint is not an entity of this graph");
  if (options.max_hops < 0) return Status::Usage("max hops must not be negative");
  return Status::Ok();
}

Status NoPath(const KnowledgeGraph& graph, VertexId from, VertexId to, const PathOptions& options) {
  return Status::NotFound("no path between '" + graph.entity(from).name + "' and '" + graph.entity(to).name +
                          "' within " + std::to_string(options.max_hops) + " hops");
}

}  // namespace

double Reliability(const KnowledgeGraph& graph, const Path& path) {
  double product = 1.0;
  for (const PathHop& hop : path.hops) product *= graph.relation(hop.edge).confidence;
  return product;
}

Result<Path> ShortestPath(const KnowledgeGraph& graph, VertexId from, VertexId to, const PathOptions& options) {
  if (Status s = CheckEndpoints(graph, from, to, options); !s.ok()) return s;
  auto path = ThreadSearcher(graph).Search(from, to, options.max_hops, options);
  if (!path) return NoPath(graph, from, to, options);
  return std::move(*path);
}

Result<std::vector<Path>> KShortestPaths(const KnowledgeGraph& graph, VertexId from, VertexId to,
                                         const PathOptions& options) {
  if (Status s = CheckEndpoints(graph, from, to, options); !s.ok()) return s;
  if (options.k < 1) return Status::Usage("k must be at least 1");
  Searcher& searcher = ThreadSearcher(graph);
  std::vector<Path> found;
  if (auto first = searcher.Search(from, to, options.max_hops, options)) found.push_back(std::move(*first));
  else return NoPath(graph, from, to, options);

  // Candidates ranked by (cost, hops, entity ids), so ties break the same
  // way on every machine and for every order the graph was merged in.
  struct Candidate {
    double cost;
    std::vector<std::string_view> ids;
    Path path;
  };
  auto better = [](const Candidate& a, const Candidate& b) {
    return std::make_tuple(a.cost, a.path.hops.size(), std::cref(a.ids)) <
           std::make_tuple(b.cost, b.path.hops.size(), std::cref(b.ids));
  };
  auto ids_of = [&](const Path& p) {
    std::vector<std::string_view> ids;
    for (VertexId v : p.vertices) ids.push_back(graph.entity(v).id);
    return ids;
  };
  std::vector<Candidate> candidates;
  auto known = [&](const Path& p) {
    for (const Path& f : found)
      if (f.vertices == p.vertices) return true;
    for (const Candidate& c : candidates)
      if (c.path.vertices == p.vertices) return true;
    return false;
  };

  while (static_cast<int>(found.size()) < options.k) {
    const Path previous = found.back();
    // Yen: deviate from the previous path at each of its entities in turn,
    // keeping the part before (the root) and barring every continuation
    // that an accepted path with the same root already took.
    for (size_t i = 0; i + 1 < previous.vertices.size(); ++i) {
      const VertexId spur = previous.vertices[i];
      searcher.ClearBans();
      for (size_t j = 0; j < i; ++j) searcher.BanVertex(previous.vertices[j]);
      for (const Path& f : found)
        if (f.vertices.size() > i + 1 && std::equal(f.vertices.begin(), f.vertices.begin() + i + 1, previous.vertices.begin()))
          searcher.BanPair(f.vertices[i], f.vertices[i + 1]);
      auto tail = searcher.Search(spur, to, options.max_hops - static_cast<int>(i), options);
      if (!tail) continue;
      Path path;
      path.vertices.assign(previous.vertices.begin(), previous.vertices.begin() + i);
      path.hops.assign(previous.hops.begin(), previous.hops.begin() + i);
      path.vertices.insert(path.vertices.end(), tail->vertices.begin(), tail->vertices.end());
      path.hops.insert(path.hops.end(), tail->hops.begin(), tail->hops.end());
      if (known(path)) continue;
      candidates.push_back(Candidate{Cost(graph, path, options.reliable), ids_of(path), std::move(path)});
    }
    if (candidates.empty()) break;
    auto best = std::min_element(candidates.begin(), candidates.end(), better);
    found.push_back(std::move(best->path));
    candidates.erase(best);
  }
  return found;
}

Result<EgoNetwork> Neighbors(const KnowledgeGraph& graph, VertexId center, int depth, const QueryFilter& filter) {
  if (center >= graph.entity_count()) return Status::InvalidInput("centre is not an entity of this graph");
  if (depth < 0) return Status::Usage("depth must not be negative");
  Searcher& searcher = ThreadSearcher(graph);
  EgoNetwork net;
  searcher.Neighborhood(center, depth, filter, &net);

  std::vector<size_t> order(net.vertices.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin() + 1, order.end(), [&](size_t a, size_t b) {
    return std::tie(net.distance[a], graph.entity(net.vertices[a]).id) <
           std::tie(net.distance[b], graph.entity(net.vertices[b]).id);
  });
  EgoNetwork sorted;
  sorted.depth = depth;
  for (size_t i : order) {
    sorted.vertices.push_back(net.vertices[i]);
    sorted.distance.push_back(net.distance[i]);
  }

  // Every admitted relation between two members, each found once: from its subject.
  for (VertexId v : sorted.vertices)
    graph.ForEachOutgoing(v, [&](EdgeId e, VertexId object) {
      if (searcher.InLastNeighborhood(object) && filter.Admits(graph.relation(e))) sorted.edges.push_back(e);
    });
  auto key = [&](EdgeId e) {
    return std::make_tuple(std::cref(graph.entity(graph.source(e)).id), graph.relation(e).predicate,
                           std::cref(graph.entity(graph.target(e)).id));
  };
  std::sort(sorted.edges.begin(), sorted.edges.end(), [&](EdgeId a, EdgeId b) { return key(a) < key(b); });
  return sorted;
}

}  // namespace irkg
