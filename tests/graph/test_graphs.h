// Shared by the graph, export and queries tests: a small way to write
// extraction records by hand, a handful of invented articles about
// diplomats, and a structural comparison of two graphs.
#pragma once

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "core/record.h"
#include "graph/graph_builder.h"
#include "graph/knowledge_graph.h"

namespace irkg::testing {

class RecordMaker {
 public:
  RecordMaker(std::string doc, std::string date) {
    record_.doc = std::move(doc);
    record_.date = std::move(date);
  }

  std::string Entity(const std::string& name, EntityType type, const std::string& code = "",
                     std::vector<std::string> mentions = {}, const std::string& subtype = "") {
    ExtractedEntity e;
    e.id = "e" + std::to_string(record_.entities.size() + 1);
    e.name = name;
    e.type = type;
    e.code = code;
    e.subtype = subtype;
    uint32_t at = 0;
    for (auto& m : mentions) {
      e.mentions.push_back(TextSpan{at, at + static_cast<uint32_t>(m.size()), m});
      at += 100;
    }
    record_.entities.push_back(std::move(e));
    return record_.entities.back().id;
  }

  ExtractedTriple& Triple(const std::string& s, Predicate p, const std::string& o, uint32_t start,
                          const std::string& sentence, double confidence = 0.8, const std::string& rule = "pattern") {
    ExtractedTriple t;
    t.subject = s;
    t.predicate = p;
    t.object = o;
    t.confidence = confidence;
    t.rule = rule;
    t.evidence = TextSpan{start, start + static_cast<uint32_t>(sentence.size()), sentence};
    record_.triples.push_back(std::move(t));
    return record_.triples.back();
  }

  ExtractedTriple& Background(const std::string& s, Predicate p, const std::string& o) {
    ExtractedTriple t;
    t.subject = s;
    t.predicate = p;
    t.object = o;
    t.confidence = 1.0;
    t.rule = "gazetteer";
    record_.triples.push_back(std::move(t));
    return record_.triples.back();
  }

  const ExtractionRecord& record() const { return record_; }

 private:
  ExtractionRecord record_;
};

// The relations in the order the graph stores them.
inline std::vector<EdgeId> StoredEdges(const KnowledgeGraph& g) {
  std::vector<EdgeId> edges;
  g.ForEachRelation([&](EdgeId e, const Relation&) { edges.push_back(e); });
  return edges;
}

// The graph of `records`, added in order.
inline KnowledgeGraph BuildFrom(const std::vector<ExtractionRecord>& records) {
  GraphBuilder b;
  for (const auto& r : records) b.AddRecord(r);
  return b.Build();
}

// Six invented articles: Zarif under two names, Lavrov under two
// spellings, Türkiye without a code, a bare surname, and background facts.
inline std::vector<ExtractionRecord> SampleRecords() {
  using T = EntityType;
  std::vector<ExtractionRecord> records;
  {
    RecordMaker m("tehran-talks.txt", "2019-07-14");
    auto zarif = m.Entity("Javad Zarif", T::kPerson, "", {"Javad Zarif", "Zarif"});
    auto iran = m.Entity("Iran", T::kCountry, "IRN", {"Iranian"});
    auto lavrov = m.Entity("Sergei Lavrov", T::kPerson, "", {"Sergei Lavrov", "Lavrov"});
    auto russia = m.Entity("Russia", T::kCountry, "RUS", {"Russian"});
    m.Triple(zarif, Predicate::kHoldsPosition, iran, 0, "Iranian Foreign Minister Javad Zarif arrived on Sunday.", 0.9)
        .title = "Foreign Minister";
    m.Triple(lavrov, Predicate::kMetWith, zarif, 58, "Sergei Lavrov held talks with Zarif in Tehran.", 0.7);
    m.Triple(lavrov, Predicate::kHoldsPosition, russia, 58, "Russian Foreign Minister Sergei Lavrov held talks.", 0.85)
        .title = "Foreign Minister";
    records.push_back(m.record());
  }
  {
    RecordMaker m("moscow-visit.txt", "2020-02-03");
    auto zarif = m.Entity("Mohammad Javad Zarif", T::kPerson, "", {"Mohammad Javad Zarif", "the Iranian minister"});
    auto lavrov = m.Entity("Sergey Lavrov", T::kPerson, "", {"Sergey Lavrov"});
    auto russia = m.Entity("Russia", T::kCountry, "RUS", {"Moscow"});
    auto moscow = m.Entity("Moscow", T::kLocation, "", {"Moscow"}, "city");
    m.Triple(zarif, Predicate::kVisited, russia, 0, "Mohammad Javad Zarif visited Moscow on Monday.", 0.8).date =
        "2020-02-03";
    m.Triple(zarif, Predicate::kMetWith, lavrov, 48, "Zarif met his counterpart Sergey Lavrov.", 0.75);
    m.Background(moscow, Predicate::kLocatedIn, russia);
    records.push_back(m.record());
  }
  {
    RecordMaker m("ankara-gas.txt", "2021-11-20");
    auto turkey = m.Entity("Türkiye", T::kCountry, "", {"Turkish"});
    auto azerbaijan = m.Entity("Azerbaijan", T::kCountry, "AZE", {"Azerbaijani"});
    auto tanap = m.Entity("Trans-Anatolian Pipeline", T::kProject, "", {"TANAP"});
    auto socar = m.Entity("SOCAR", T::kOrganization, "", {"SOCAR"}, "company");
    m.Triple(azerbaijan, Predicate::kSupplies, turkey, 0, "Azerbaijan supplies gas to Türkiye through TANAP.", 0.6)
        .what = "gas";
    m.Triple(turkey, Predicate::kCooperatesWith, azerbaijan, 52, "Türkiye and Azerbaijan are strategic partners.", 0.7);
    m.Triple(socar, Predicate::kCooperatesWith, turkey, 100, "SOCAR works with Turkish firms.", 0.5);
    (void)tanap;
    records.push_back(m.record());
  }
  {
    RecordMaker m("baku-ties.txt", "2022-05-08");
    auto turkey = m.Entity("Turkey", T::kCountry, "TUR", {"Turkey", "Türkiye"});
    auto azerbaijan = m.Entity("Azerbaijan", T::kCountry, "AZE", {"Baku"});
    auto khalafov = m.Entity("Khalafov", T::kPerson, "", {"Khalafov"});
    m.Triple(azerbaijan, Predicate::kDiplomaticRelations, turkey, 0,
             "Azerbaijan and Turkey established diplomatic relations in 1992.", 0.9)
        .date = "1992";
    m.Triple(khalafov, Predicate::kHoldsPosition, azerbaijan, 70, "Deputy minister Khalafov said.", 0.6).title =
        "Deputy Foreign Minister";
    m.Triple(turkey, Predicate::kCooperatesWith, azerbaijan, 110, "Turkey and Azerbaijan pledged cooperation.", 0.65);
    records.push_back(m.record());
  }
  {
    RecordMaker m("rome-forum.txt", "2023-08-26");
    auto khalafov = m.Entity("Khalafov", T::kPerson, "", {"Khalafov"});
    auto italy = m.Entity("Italy", T::kCountry, "ITA", {"Italian"});
    auto azerbaijan = m.Entity("Azerbaijan", T::kCountry, "AZE", {"Azerbaijani"});
    m.Triple(khalafov, Predicate::kVisited, italy, 0, "Khalafov visited Rome.", 0.55);
    m.Triple(italy, Predicate::kCooperatesWith, azerbaijan, 30, "Italy and Azerbaijan deepen cooperation.", 0.8);
    records.push_back(m.record());
  }
  {
    RecordMaker m("islamabad.txt", "2023-09-01");
    auto imran = m.Entity("Imran Ali Khan", T::kPerson, "", {"Imran Ali Khan"});
    auto pakistan = m.Entity("Pakistan", T::kCountry, "PAK", {"Pakistani"});
    m.Triple(imran, Predicate::kHoldsPosition, pakistan, 0, "Pakistani Prime Minister Imran Ali Khan spoke.", 0.9)
        .title = "Prime Minister";
    records.push_back(m.record());
  }
  return records;
}

inline std::vector<std::string> EntityIds(const KnowledgeGraph& g) {
  std::vector<std::string> ids;
  for (size_t v = 0; v < g.entity_count(); ++v) ids.push_back(g.entity(v).id.str());
  return ids;
}

inline std::string DescribeRelation(const Relation& r) {
  std::ostringstream out;
  out << "confidence " << r.confidence << ", " << r.article_count << " articles, " << FirstSeen(r) << ".."
      << LastSeen(r) << ", titles";
  for (const auto& t : Titles(r)) out << " '" << t << "'";
  for (const auto& e : r.evidence)
    out << "\n  [" << e.article << " " << e.start << "-" << e.end << " " << e.rule << " " << e.date << " "
        << e.confidence << " '" << e.title << "' '" << e.what << "']";
  return out.str();
}

// Everything in `a` equals `b`, in the same order: entities, edges with
// their relations, articles.
inline void RequireSameGraph(const KnowledgeGraph& a, const KnowledgeGraph& b) {
  REQUIRE(EntityIds(a) == EntityIds(b));
  for (size_t v = 0; v < a.entity_count(); ++v) {
    INFO("entity " << a.entity(v).id);
    CHECK(a.entity(v) == b.entity(v));
  }
  REQUIRE(a.relation_count() == b.relation_count());
  // In storage order: equal graphs store their relations alike.
  const std::vector<EdgeId> ea = StoredEdges(a), eb = StoredEdges(b);
  for (auto ia = ea.begin(), ib = eb.begin(); ia != ea.end(); ++ia, ++ib) {
    INFO("edge " << a.entity(a.source(*ia)).id << " " << PredicateName(a.relation(*ia).predicate) << " "
                 << a.entity(a.target(*ia)).id);
    CHECK(a.entity(a.source(*ia)).id == b.entity(b.source(*ib)).id);
    CHECK(a.entity(a.target(*ia)).id == b.entity(b.target(*ib)).id);
    INFO("left:  " << DescribeRelation(a.relation(*ia)));
    INFO("right: " << DescribeRelation(b.relation(*ib)));
    CHECK(a.relation(*ia) == b.relation(*ib));
  }
  CHECK(a.articles() == b.articles());
}

// The relation subject -predicate-> object, or nullptr.
inline const Relation* FindRelation(const KnowledgeGraph& g, const std::string& subject, Predicate p,
                                    const std::string& object) {
  auto s = g.FindById(subject);
  auto o = g.FindById(object);
  if (!s || !o) return nullptr;
  const Relation* found = nullptr;
  g.ForEachOutgoing(*s, [&](EdgeId e, VertexId target) {
    if (!found && target == *o && g.relation(e).predicate == p) found = &g.relation(e);
  });
  return found;
}

}  // namespace irkg::testing
