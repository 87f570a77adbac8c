#include "queries/time_query.h"

#include <algorithm>
#include <tuple>

#include "core/text.h"

namespace irkg {
namespace {

// Undated sorts after every date.
bool DateBefore(Symbol a, Symbol b) {
  if (a.empty() || b.empty()) return !a.empty() && b.empty();
  return a < b;
}

}  // namespace

Result<HoldersAnswer> Holders(const KnowledgeGraph& graph, std::string_view title, VertexId state, std::string_view on) {
  const std::string wanted = NameKey(title);
  std::vector<OfficeTerm> terms;
  graph.ForEachIncident(state, [&](EdgeId edge, VertexId person, bool outgoing) {
    const Relation& r = graph.relation(edge);
    if (outgoing || r.predicate != Predicate::kHoldsPosition) return;
    OfficeTerm term{person, edge, {}, {}, {}};
    for (size_t i = 0; i < r.evidence.size(); ++i) {
      const Evidence& e = r.evidence[i];
      if (e.title.empty() || NameKey(e.title) != wanted) continue;
      term.evidence.push_back(i);
      if (e.date.empty()) continue;
      if (term.first_seen.empty() || e.date < term.first_seen) term.first_seen = e.date;
      if (term.last_seen.empty() || e.date > term.last_seen) term.last_seen = e.date;
    }
    if (!term.evidence.empty()) terms.push_back(std::move(term));
  });
  const Entity& s = graph.entity(state);
  if (terms.empty()) return Status::NotFound("nobody is known to have held '" + std::string(title) + "' of " + s.name);
  auto order = [&](const OfficeTerm& a, const OfficeTerm& b) {
    if (a.first_seen != b.first_seen) return DateBefore(a.first_seen, b.first_seen);
    return graph.entity(a.person).id < graph.entity(b.person).id;
  };
  std::sort(terms.begin(), terms.end(), order);
  HoldersAnswer answer;
  if (on.empty()) {
    answer.terms = std::move(terms);
    return answer;
  }
  for (const OfficeTerm& t : terms)
    if (!t.first_seen.empty() && CompareDates(t.first_seen, on) <= 0 && CompareDates(on, t.last_seen) <= 0)
      answer.terms.push_back(t);
  if (!answer.terms.empty()) return answer;
  // Nobody seen in office on that date: the latest knowledge before it.
  const OfficeTerm* latest = nullptr;
  for (const OfficeTerm& t : terms)
    if (!t.last_seen.empty() && CompareDates(t.last_seen, on) < 0 && (!latest || t.last_seen > latest->last_seen))
      latest = &t;
  if (!latest)
    return Status::NotFound("nobody is known to have held '" + std::string(title) + "' of " + s.name + " on or before " +
                            std::string(on));
  answer.terms.push_back(*latest);
  answer.last_known_before = true;
  return answer;
}

std::vector<TitleSpan> TitleSpans(const Relation& r) {
  std::vector<TitleSpan> spans;
  for (Symbol title : Titles(r)) {
    TitleSpan span{title, {}, {}};
    for (const Evidence& e : r.evidence) {
      if (e.title != title || e.date.empty()) continue;
      if (span.first_seen.empty() || e.date < span.first_seen) span.first_seen = e.date;
      if (span.last_seen.empty() || e.date > span.last_seen) span.last_seen = e.date;
    }
    spans.push_back(span);
  }
  std::stable_sort(spans.begin(), spans.end(),
                   [](const TitleSpan& a, const TitleSpan& b) { return DateBefore(a.first_seen, b.first_seen); });
  return spans;
}

std::vector<TimelineFact> Timeline(const KnowledgeGraph& graph, VertexId entity) {
  std::vector<TimelineFact> facts;
  graph.ForEachIncident(entity, [&](EdgeId edge, VertexId, bool) {
    const Relation& r = graph.relation(edge);
    for (size_t i = 0; i < r.evidence.size(); ++i) facts.push_back(TimelineFact{r.evidence[i].date, edge, i});
  });
  auto key = [&](const TimelineFact& f) {
    return std::make_tuple(f.date.empty(), f.date, graph.entity(graph.source(f.relation)).id,
                           graph.relation(f.relation).predicate, graph.entity(graph.target(f.relation)).id,
                           graph.relation(f.relation).evidence[f.evidence].article, f.evidence);
  };
  std::sort(facts.begin(), facts.end(), [&](const TimelineFact& a, const TimelineFact& b) { return key(a) < key(b); });
  return facts;
}

DyadAnswer Dyad(const KnowledgeGraph& graph, VertexId a, VertexId b, Period by) {
  DyadAnswer answer;
  std::map<std::pair<bool, std::string>, DyadPeriod> periods;  // (undated, period)
  const size_t width = by == Period::kMonth ? 7 : 4;
  graph.ForEachIncident(a, [&](EdgeId edge, VertexId other, bool) {
    if (other != b) return;
    answer.relations.push_back(edge);
    const Relation& r = graph.relation(edge);
    for (const Evidence& e : r.evidence) {
      std::string period = e.date.empty() ? "undated" : e.date.str().substr(0, width);
      DyadPeriod& p = periods[{e.date.empty(), period}];
      p.period = period;
      ++p.counts[r.predicate];
      p.goldstein += Info(r.predicate).goldstein;
    }
  });
  for (auto& [key, p] : periods) answer.periods.push_back(std::move(p));
  return answer;
}

}  // namespace irkg
