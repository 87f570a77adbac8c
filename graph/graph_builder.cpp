#include "graph/graph_builder.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "core/text.h"
#include "graph/person_names.h"

namespace irkg {
namespace {

// An entity as one article named it. Resolution is a function of the set of
// these, so observations with the same key are one observation.
struct ObservationKey {
  EntityType type;
  std::string doc;
  std::string name;
  auto operator<=>(const ObservationKey&) const = default;
};

struct ObservationFacts {
  std::string subtype;
  std::string code;
  std::set<std::string> mentions;
};

// One piece of evidence for a triple between two observations. The keys
// are interned (GraphBuilder::Impl::keys): a corpus has millions of pieces
// of evidence but few observations, and two keys held by value were a third
// of a piece's memory.
struct RelationObservation {
  const ObservationKey* subject;
  Predicate predicate;
  const ObservationKey* object;
  Evidence evidence;
};

auto EvidenceOrder(const Evidence& e) {
  return std::tie(e.article, e.start, e.end, e.rule, e.text, e.date, e.confidence, e.title, e.what,
                  e.date_from_text);
}

bool SameEvidenceKey(const Evidence& a, const Evidence& b) {
  return std::tie(a.article, a.start, a.end, a.rule) == std::tie(b.article, b.start, b.end, b.rule);
}

struct RelationObservationLess {
  bool operator()(const RelationObservation& a, const RelationObservation& b) const {
    return std::tuple_cat(std::tie(*a.subject, a.predicate, *a.object), EvidenceOrder(a.evidence)) <
           std::tuple_cat(std::tie(*b.subject, b.predicate, *b.object), EvidenceOrder(b.evidence));
  }
};

std::string Clean(std::string s) {
  RepairUtf8(&s);
  return s;
}

// Confidences are kept to six decimals so that the JSON-LD file, which
// prints six, reads back to the very same doubles.
double QuantizeConfidence(double c) {
  if (!(c >= 0.0)) return 0.0;
  if (c > 1.0) return 1.0;
  return std::round(c * 1e6) / 1e6;
}

void KeepSmallestNonEmpty(std::string* kept, const std::string& candidate) {
  if (candidate.empty()) return;
  if (kept->empty() || candidate < *kept) *kept = candidate;
}

void MergeArticle(const ArticleInfo& from, ArticleInfo* into) {
  KeepSmallestNonEmpty(&into->date, from.date);
  KeepSmallestNonEmpty(&into->url, from.url);
  KeepSmallestNonEmpty(&into->title, from.title);
}

size_t CodePointCount(std::string_view s) {
  size_t count = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++count;
  return count;
}

std::string Slug(std::string_view text) {
  std::string slug = NameKey(text);
  std::replace(slug.begin(), slug.end(), ' ', '-');
  return slug.empty() ? "unnamed" : slug;
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string UpperAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

class DisjointSets {
 public:
  explicit DisjointSets(size_t n) : parent_(n) {
    for (size_t i = 0; i < n; ++i) parent_[i] = i;
  }
  size_t Find(size_t i) {
    while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
    return i;
  }
  void Union(size_t a, size_t b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<size_t> parent_;
};

using ObservationList = std::vector<std::pair<const ObservationKey*, const ObservationFacts*>>;

void UnionGroups(const std::map<std::string, std::vector<size_t>>& groups, DisjointSets* sets) {
  for (const auto& [key, members] : groups)
    for (size_t m : members) sets->Union(members[0], m);
}

// Full person names link across articles when one could only be a short
// form of the other. A name that could shorten two different fuller names
// ("Ali Khan": Imran Ali Khan, Liaquat Ali Khan) stays on its own, and a
// bare surname never leaves its article.
void ResolvePersons(const ObservationList& obs, DisjointSets* sets) {
  std::map<std::vector<std::string>, size_t> full_names;  // tokens -> first observation
  std::map<std::string, std::vector<size_t>> local_names;
  for (size_t i = 0; i < obs.size(); ++i) {
    const ObservationKey& key = *obs[i].first;
    if (key.type != EntityType::kPerson) continue;
    std::vector<std::string> tokens = PersonNameTokens(key.name);
    if (tokens.size() >= 2) {
      auto [it, inserted] = full_names.emplace(std::move(tokens), i);
      if (!inserted) sets->Union(it->second, i);
    } else {
      std::string local = key.doc + '\n' + (tokens.empty() ? std::string() : tokens[0]);
      local_names[local].push_back(i);
    }
  }
  UnionGroups(local_names, sets);

  std::map<std::string, std::vector<const std::vector<std::string>*>> by_surname;
  for (const auto& [tokens, first] : full_names) by_surname[tokens.back()].push_back(&tokens);
  for (const auto& [surname, names] : by_surname) {
    std::vector<bool> maximal(names.size(), true);
    for (size_t a = 0; a < names.size(); ++a)
      for (size_t b = 0; b < names.size() && maximal[a]; ++b)
        if (CouldBeShortFormOf(*names[a], *names[b])) maximal[a] = false;
    for (size_t a = 0; a < names.size(); ++a) {
      if (maximal[a]) continue;
      size_t fuller = 0, candidates = 0;
      for (size_t b = 0; b < names.size(); ++b)
        if (maximal[b] && CouldBeShortFormOf(*names[a], *names[b])) fuller = b, ++candidates;
      if (candidates == 1) sets->Union(full_names.at(*names[a]), full_names.at(*names[fuller]));
    }
  }
}

// Countries are one entity per ISO code. A country seen without a code joins
// the coded one whose names include it, unless two codes claim that name.
void ResolveCountries(const ObservationList& obs, DisjointSets* sets) {
  std::map<std::string, std::vector<size_t>> by_code, by_name;
  std::map<std::string, std::set<std::string>> codes_by_name;
  for (size_t i = 0; i < obs.size(); ++i) {
    const auto& [key, facts] = obs[i];
    if (key->type != EntityType::kCountry) continue;
    if (facts->code.empty()) {
      by_name[NameKey(key->name)].push_back(i);
      continue;
    }
    by_code[facts->code].push_back(i);
    codes_by_name[NameKey(key->name)].insert(facts->code);
    for (const auto& mention : facts->mentions) codes_by_name[NameKey(mention)].insert(facts->code);
  }
  UnionGroups(by_code, sets);
  UnionGroups(by_name, sets);
  for (const auto& [name, members] : by_name) {
    auto claims = codes_by_name.find(name);
    if (claims != codes_by_name.end() && claims->second.size() == 1)
      sets->Union(members[0], by_code.at(*claims->second.begin())[0]);
  }
}

void ResolveByName(const ObservationList& obs, DisjointSets* sets) {
  std::map<std::string, std::vector<size_t>> groups;
  for (size_t i = 0; i < obs.size(); ++i) {
    const ObservationKey& key = *obs[i].first;
    if (key.type == EntityType::kPerson || key.type == EntityType::kCountry) continue;
    groups[std::string(EntityTypeName(key.type)) + '\n' + NameKey(key.name)].push_back(i);
  }
  UnionGroups(groups, sets);
}

// "OSCE", "NATO", "G20": two to ten capitals and digits, with at least two capitals.
bool IsAcronym(std::string_view s) {
  if (s.size() < 2 || s.size() > 10) return false;
  size_t capitals = 0;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') ++capitals;
    else if (c < '0' || c > '9') return false;
  }
  return capitals >= 2;
}

// An organization one article names only by its acronym ("OSCE") is the
// one another article names in full with that acronym among its mentions
// ("Organization for Security and Co-operation in Europe (OSCE)"), unless
// two different full names claim the acronym. Like every rule here it
// looks only at the set of observations, so merging stays order-free.
void ResolveAcronyms(const ObservationList& obs, DisjointSets* sets) {
  std::map<std::string, std::vector<size_t>> named_by_acronym;
  std::map<std::string, std::map<std::string, size_t>> claims;  // acronym -> full name key -> an observation
  for (size_t i = 0; i < obs.size(); ++i) {
    const auto& [key, facts] = obs[i];
    if (key->type != EntityType::kOrganization) continue;
    if (IsAcronym(key->name)) {
      named_by_acronym[key->name].push_back(i);
      continue;
    }
    for (const auto& mention : facts->mentions)
      if (IsAcronym(mention)) claims[mention].emplace(NameKey(key->name), i);
  }
  for (const auto& [acronym, members] : named_by_acronym) {
    auto claim = claims.find(acronym);
    if (claim != claims.end() && claim->second.size() == 1) sets->Union(members[0], claim->second.begin()->second);
  }
}

// The fullest name; among equally long ones the most used, then the
// smallest, so that the choice depends only on the set of observations.
std::string ChooseCanonicalName(const ObservationList& obs, const std::vector<size_t>& members) {
  std::map<std::string, size_t> uses;
  for (size_t m : members) ++uses[obs[m].first->name];
  const std::string* best = nullptr;
  size_t best_length = 0, best_uses = 0;
  for (const auto& [name, count] : uses) {
    size_t length = CodePointCount(name);
    if (!best || length > best_length || (length == best_length && count > best_uses)) {
      best = &name;
      best_length = length;
      best_uses = count;
    }
  }
  return *best;
}

Entity MakeEntity(const ObservationList& obs, const std::vector<size_t>& members) {
  Entity entity;
  entity.type = obs[members[0]].first->type;
  entity.name = ChooseCanonicalName(obs, members);
  std::set<std::string> aliases;
  for (size_t m : members) {
    const auto& [key, facts] = obs[m];
    KeepSmallestNonEmpty(&entity.subtype, facts->subtype);
    KeepSmallestNonEmpty(&entity.code, facts->code);
    aliases.insert(key->name);
    aliases.insert(facts->mentions.begin(), facts->mentions.end());
    // Members come in key order, so the sightings are sorted already.
    entity.sightings.push_back(Sighting{key->doc, key->name, facts->subtype, facts->code,
                                        std::vector<std::string>(facts->mentions.begin(), facts->mentions.end())});
  }
  aliases.erase(entity.name);
  entity.aliases.assign(aliases.begin(), aliases.end());

  std::string prefix = LowerAscii(EntityTypeName(entity.type)) + "/";
  if (entity.type == EntityType::kCountry && !entity.code.empty()) {
    entity.id = prefix + entity.code;
  } else if (entity.type == EntityType::kPerson && PersonNameTokens(entity.name).size() < 2) {
    // A bare surname is an entity of its article only; its id says which.
    const std::string& doc = obs[members[0]].first->doc;
    entity.id = prefix + Slug(entity.name) + (doc.empty() ? "" : "--" + Slug(doc));
  } else {
    entity.id = prefix + Slug(entity.name);
  }
  return entity;
}

}  // namespace

bool IsBackground(const Evidence& evidence) { return evidence.rule == kBackgroundRule; }

void NormalizeEvidence(std::vector<Evidence>* evidence) {
  std::sort(evidence->begin(), evidence->end(),
            [](const Evidence& a, const Evidence& b) { return EvidenceOrder(a) < EvidenceOrder(b); });
  evidence->erase(std::unique(evidence->begin(), evidence->end(), SameEvidenceKey), evidence->end());
}

void SummarizeEvidence(Relation* relation) {
  double all_wrong = 1.0;
  std::set<std::string_view> articles;
  for (const Evidence& e : relation->evidence) {
    all_wrong *= 1.0 - e.confidence;
    if (!IsBackground(e) && !e.article.empty()) articles.insert(e.article);
  }
  relation->confidence = 1.0 - all_wrong;
  relation->article_count = static_cast<uint32_t>(articles.size());
}

struct GraphBuilder::Impl {
  std::map<std::string, ArticleInfo> articles;
  std::map<ObservationKey, ObservationFacts> entities;
  std::set<RelationObservation, RelationObservationLess> relations;
  std::set<ObservationKey> keys;  // every key a relation names, stored once

  const ObservationKey* Intern(ObservationKey key) { return &*keys.insert(std::move(key)).first; }

  void AddArticle(const ArticleInfo& article) {
    auto [it, inserted] = articles.emplace(article.doc, article);
    if (!inserted) MergeArticle(article, &it->second);
  }

  void AddEntity(const ObservationKey& key, const std::string& subtype, const std::string& code,
                 const std::vector<std::string>& mentions) {
    ObservationFacts& facts = entities[key];
    KeepSmallestNonEmpty(&facts.subtype, subtype);
    KeepSmallestNonEmpty(&facts.code, key.type == EntityType::kCountry ? UpperAscii(code) : code);
    for (const auto& m : mentions)
      if (!m.empty() && m != key.name) facts.mentions.insert(m);
  }
};

GraphBuilder::GraphBuilder() : impl_(std::make_unique<Impl>()) {}
GraphBuilder::~GraphBuilder() = default;

bool GraphBuilder::HasArticle(const std::string& doc) const { return impl_->articles.count(doc) > 0; }
size_t GraphBuilder::article_count() const { return impl_->articles.size(); }

void GraphBuilder::AddRecord(const ExtractionRecord& record) {
  const std::string doc = Clean(record.doc);
  impl_->AddArticle(ArticleInfo{doc, Clean(record.date), Clean(record.url), Clean(record.title)});

  std::map<std::string, ObservationKey> observed;  // record-local entity id -> observation
  for (const ExtractedEntity& e : record.entities) {
    ObservationKey key{e.type, doc, Clean(e.name)};
    if (key.name.empty()) continue;
    std::vector<std::string> mentions;
    for (const TextSpan& m : e.mentions) mentions.push_back(Clean(m.text));
    impl_->AddEntity(key, Clean(e.subtype), Clean(e.code), mentions);
    observed.emplace(e.id, std::move(key));
  }

  for (const ExtractedTriple& t : record.triples) {
    auto subject = observed.find(t.subject);
    auto object = observed.find(t.object);
    if (subject == observed.end() || object == observed.end()) continue;
    RelationObservation r{impl_->Intern(subject->second), t.predicate, impl_->Intern(object->second), {}};
    Evidence& ev = r.evidence;
    ev.article = doc;
    ev.date = Clean(t.date.empty() ? record.date : t.date);
    ev.date_from_text = !t.date.empty();
    ev.title = Clean(t.title);
    ev.what = Clean(t.what);
    ev.confidence = QuantizeConfidence(t.confidence);
    if (t.evidence) {
      ev.text = Clean(t.evidence->text);
      ev.start = t.evidence->start;
      ev.end = t.evidence->end;
      ev.rule = Clean(t.rule);
    } else {
      ev.rule = kBackgroundRule;
    }
    impl_->relations.insert(std::move(r));
  }
}

namespace {

// The observation a graph's evidence from `article` stands for: the
// entity's sighting in that article (sightings are sorted by article).
ObservationKey SightingFor(const Entity& entity, const std::string& article) {
  if (entity.sightings.empty()) return ObservationKey{entity.type, "", entity.name};
  auto it = std::lower_bound(entity.sightings.begin(), entity.sightings.end(), article,
                             [](const Sighting& s, const std::string& doc) { return s.article < doc; });
  if (it == entity.sightings.end() || it->article != article) it = entity.sightings.begin();
  return ObservationKey{entity.type, it->article, it->name};
}

}  // namespace

void GraphBuilder::AddGraph(const KnowledgeGraph& graph) {
  for (const ArticleInfo& a : graph.articles()) impl_->AddArticle(a);
  const BoostGraph& g = graph.boost_graph();
  for (VertexId v : boost::make_iterator_range(boost::vertices(g))) {
    const Entity& e = graph.entity(v);
    if (e.sightings.empty()) impl_->AddEntity(ObservationKey{e.type, "", e.name}, e.subtype, e.code, e.aliases);
    for (const Sighting& s : e.sightings)
      impl_->AddEntity(ObservationKey{e.type, s.article, s.name}, s.subtype, s.code, s.mentions);
  }
  for (EdgeId edge : boost::make_iterator_range(boost::edges(g))) {
    const Relation& rel = graph.relation(edge);
    const Entity& subject = graph.entity(graph.source(edge));
    const Entity& object = graph.entity(graph.target(edge));
    std::vector<Evidence> evidence = rel.evidence;
    if (evidence.empty()) {
      // A relation with nothing behind it (hand-made graphs) survives as background.
      Evidence background;
      background.rule = kBackgroundRule;
      background.confidence = rel.confidence;
      // (with no evidence there are no qualifiers either: they live in evidence)
      evidence.push_back(std::move(background));
    }
    for (Evidence& ev : evidence) {
      RelationObservation r{impl_->Intern(SightingFor(subject, ev.article)), rel.predicate,
                            impl_->Intern(SightingFor(object, ev.article)), {}};
      ev.confidence = QuantizeConfidence(ev.confidence);
      r.evidence = std::move(ev);
      impl_->relations.insert(std::move(r));
    }
  }
}

KnowledgeGraph GraphBuilder::Build() const {
  ObservationList obs;
  for (const auto& [key, facts] : impl_->entities) obs.emplace_back(&key, &facts);

  DisjointSets sets(obs.size());
  ResolvePersons(obs, &sets);
  ResolveCountries(obs, &sets);
  ResolveByName(obs, &sets);
  ResolveAcronyms(obs, &sets);

  std::map<size_t, std::vector<size_t>> clusters;
  for (size_t i = 0; i < obs.size(); ++i) clusters[sets.Find(i)].push_back(i);

  // Entities in id order; ids made unique in a way that depends only on the clusters.
  std::vector<std::pair<Entity, size_t>> entities;  // entity, its cluster root
  for (const auto& [root, members] : clusters) entities.emplace_back(MakeEntity(obs, members), root);
  std::sort(entities.begin(), entities.end(), [](const auto& a, const auto& b) {
    return std::tie(a.first.id, a.second) < std::tie(b.first.id, b.second);
  });
  std::set<std::string> used_ids;
  for (auto& [entity, root] : entities) {
    std::string base = entity.id;
    for (int n = 2; !used_ids.insert(entity.id).second; ++n) entity.id = base + "-" + std::to_string(n);
  }
  std::sort(entities.begin(), entities.end(),
            [](const auto& a, const auto& b) { return a.first.id < b.first.id; });

  // Entities are now in strictly increasing id order, so an entity's rank
  // compares as its id does: edges are keyed and sorted by ranks, which
  // orders them exactly as the ids would without a string comparison per
  // piece of evidence.
  std::vector<size_t> rank_of_observation(obs.size());
  std::vector<std::string> ids;
  ids.reserve(entities.size());
  for (size_t rank = 0; rank < entities.size(); ++rank) {
    ids.push_back(entities[rank].first.id);
    for (size_t m : clusters.at(entities[rank].second)) rank_of_observation[m] = rank;
  }
  // Relations name interned keys: find each key's observation once, not once
  // per piece of evidence. Both the keys and the observations are sorted,
  // so one walk through both pairs them.
  std::unordered_map<const ObservationKey*, size_t> observation_of;
  observation_of.reserve(impl_->keys.size());
  size_t next_observation = 0;
  for (const ObservationKey& key : impl_->keys) {
    while (next_observation < obs.size() && *obs[next_observation].first < key) ++next_observation;
    if (next_observation < obs.size() && *obs[next_observation].first == key)
      observation_of.emplace(&key, next_observation);
  }

  std::map<std::tuple<size_t, Predicate, size_t>, std::vector<Evidence>> edges;
  for (const RelationObservation& r : impl_->relations) {
    auto s = observation_of.find(r.subject);
    auto o = observation_of.find(r.object);
    if (s == observation_of.end() || o == observation_of.end()) continue;
    size_t subject = rank_of_observation[s->second];
    size_t object = rank_of_observation[o->second];
    if (Info(r.predicate).symmetric && object < subject) std::swap(subject, object);
    edges[{subject, r.predicate, object}].push_back(r.evidence);
  }

  KnowledgeGraph graph;
  graph.Reserve(entities.size(), edges.size());
  for (auto& [entity, root] : entities) graph.AddEntity(std::move(entity));
  for (auto& [key, evidence] : edges) {
    const auto& [subject, predicate, object] = key;
    Relation rel;
    rel.predicate = predicate;
    NormalizeEvidence(&evidence);
    rel.evidence = std::move(evidence);
    SummarizeEvidence(&rel);
    graph.AddRelation(*graph.FindById(ids[subject]), *graph.FindById(ids[object]), std::move(rel));
  }
  graph.Compact();

  std::vector<ArticleInfo> articles;
  for (const auto& [doc, article] : impl_->articles) articles.push_back(article);
  graph.SetArticles(std::move(articles));
  return graph;
}

}  // namespace irkg
