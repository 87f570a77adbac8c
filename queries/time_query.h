// Questions about time: who held an office of a state on a date (Holders),
// an entity's facts in date order (Timeline), and how two actors dealt with
// each other period by period (Dyad), with the CAMEO Goldstein weights of
// core/schema.h summed per period. Dates are ISO 8601 prefixes ("2023",
// "2023-06", "2023-06-12"); a date names a period, and two dates are
// compared on the precision both have.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/iso_date.h"
#include "core/schema.h"
#include "core/status.h"
#include "graph/knowledge_graph.h"

namespace irkg {

// One person's tenure of an office as the evidence shows it: the evidence
// that names this title, and the first and last date it was seen.
struct OfficeTerm {
  VertexId person;
  EdgeId relation;                 // the holdsPosition relation
  std::vector<size_t> evidence;    // indices into its evidence naming the title
  Symbol first_seen, last_seen;    // empty when no such evidence is dated
};

struct HoldersAnswer {
  std::vector<OfficeTerm> terms;  // by first seen (undated last), then person id
  // With a date: true when no term spans it and `terms` holds instead the
  // term seen last before it (the latest knowledge of who held it).
  bool last_known_before = false;
};

// Who held `title` (compared by NameKey: "foreign minister" finds "Foreign
// Minister") of `state`. With `on` not empty, only the terms whose
// [first seen, last seen] contains that date; when none does, the term last
// seen before it. NotFound when nobody is known to have held it.
Result<HoldersAnswer> Holders(const KnowledgeGraph& graph, std::string_view title, VertexId state,
                              std::string_view on = {});

// Each title a relation's evidence names, with the first and last date it
// was seen under that title (empty when undated), by first seen.
struct TitleSpan {
  Symbol title, first_seen, last_seen;
};
std::vector<TitleSpan> TitleSpans(const Relation& relation);

// One piece of evidence of a relation of the entity.
struct TimelineFact {
  Symbol date;    // empty: undated
  EdgeId relation;
  size_t evidence;  // index into the relation's evidence
};

// Every piece of evidence of every relation of `entity`, by date (undated
// last), then by (subject id, predicate, object id), then article.
std::vector<TimelineFact> Timeline(const KnowledgeGraph& graph, VertexId entity);

enum class Period { kMonth, kYear };

// What passed between two actors in one period.
struct DyadPeriod {
  std::string period;                       // "2023-06" or "2023"; "undated"
  std::map<Predicate, size_t> counts;       // pieces of evidence per predicate
  double goldstein = 0.0;                   // sum of the evidence's Goldstein weights
};

// The relations between `a` and `b` (either direction), their evidence
// grouped by period in date order, the undated last. A date less precise
// than the period ("2023" by month) is a period of its own.
struct DyadAnswer {
  std::vector<EdgeId> relations;
  std::vector<DyadPeriod> periods;
};
DyadAnswer Dyad(const KnowledgeGraph& graph, VertexId a, VertexId b, Period by);

}  // namespace irkg
