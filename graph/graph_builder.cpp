#include "graph/graph_builder.h"

#include <algorithm>
#include <cmath>
#include <deque>
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
  Symbol doc;
  Symbol name;
  auto operator<=>(const ObservationKey&) const = default;
};

struct ObservationFacts {
  Symbol subtype;
  Symbol code;
  std::vector<Symbol> mentions;  // sorted, unique
  // Numbers the observation in the order it was first made, so that a
  // relation can name its ends in four bytes (RelationObservation).
  uint32_t serial = 0;
};

using Observations = std::map<ObservationKey, ObservationFacts>;

// One piece of evidence for a triple between two observations, 64 bytes: a
// corpus has millions of these and few observations. Until Build() the ends
// are observation serials; Build() turns them into entity ranks in place.
struct RelationObservation {
  uint32_t subject;
  uint32_t object;
  Predicate predicate;
  Evidence evidence;
};

auto EvidenceOrder(const Evidence& e) {
  return std::tie(e.article, e.start, e.end, e.rule, e.text, e.date, e.confidence, e.title, e.what,
                  e.date_from_text);
}

bool SameEvidenceKey(const Evidence& a, const Evidence& b) {
  return std::tie(a.article, a.start, a.end, a.rule) == std::tie(b.article, b.start, b.end, b.rule);
}

Symbol Clean(std::string s) {
  RepairUtf8(&s);
  return Symbol(s);
}

// Confidences are kept to six decimals so that the JSON-LD file, which
// prints six, reads back to the very same doubles.
double QuantizeConfidence(double c) {
  if (!(c >= 0.0)) return 0.0;
  if (c > 1.0) return 1.0;
  return std::round(c * 1e6) / 1e6;
}

void KeepSmallestNonEmpty(Symbol* kept, Symbol candidate) {
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


template <typename Key>
void UnionGroups(const std::map<Key, std::vector<size_t>>& groups, DisjointSets* sets) {
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
      std::string local = key.doc.str() + '\n' + (tokens.empty() ? std::string() : tokens[0]);
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
  std::map<Symbol, std::vector<size_t>> by_code;
  std::map<std::string, std::vector<size_t>> by_name;
  std::map<std::string, std::set<Symbol>> codes_by_name;
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
  std::map<Symbol, std::vector<size_t>> named_by_acronym;
  std::map<Symbol, std::map<std::string, size_t>> claims;  // acronym -> full name key -> an observation
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
Symbol ChooseCanonicalName(const ObservationList& obs, const std::vector<size_t>& members) {
  std::map<Symbol, size_t> uses;
  for (size_t m : members) ++uses[obs[m].first->name];
  const Symbol* best = nullptr;
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
  std::set<Symbol> aliases;
  for (size_t m : members) {
    const auto& [key, facts] = obs[m];
    KeepSmallestNonEmpty(&entity.subtype, facts->subtype);
    KeepSmallestNonEmpty(&entity.code, facts->code);
    aliases.insert(key->name);
    aliases.insert(facts->mentions.begin(), facts->mentions.end());
    // Members come in key order, so the sightings are sorted already.
    entity.sightings.push_back(Sighting{key->doc, key->name, facts->subtype, facts->code, facts->mentions});
  }
  aliases.erase(entity.name);
  entity.aliases.assign(aliases.begin(), aliases.end());

  std::string prefix = LowerAscii(EntityTypeName(entity.type)) + "/";
  if (entity.type == EntityType::kCountry && !entity.code.empty()) {
    entity.id = prefix + entity.code.str();
  } else if (entity.type == EntityType::kPerson && PersonNameTokens(entity.name).size() < 2) {
    // A bare surname is an entity of its article only; its id says which.
    Symbol doc = obs[members[0]].first->doc;
    entity.id = prefix + Slug(entity.name) + (doc.empty() ? "" : "--" + Slug(doc));
  } else {
    entity.id = prefix + Slug(entity.name);
  }
  return entity;
}

}  // namespace

bool IsBackground(const Evidence& evidence) {
  static const Symbol background(kBackgroundRule);
  return evidence.rule == background;
}

void NormalizeEvidence(std::vector<Evidence>* evidence) {
  std::sort(evidence->begin(), evidence->end(),
            [](const Evidence& a, const Evidence& b) { return EvidenceOrder(a) < EvidenceOrder(b); });
  evidence->erase(std::unique(evidence->begin(), evidence->end(), SameEvidenceKey), evidence->end());
}

void SummarizeEvidence(Relation* relation) {
  double all_wrong = 1.0;
  uint32_t articles = 0;
  Symbol last_article;  // evidence is sorted by article
  for (const Evidence& e : relation->evidence) {
    all_wrong *= 1.0 - e.confidence;
    if (!IsBackground(e) && !e.article.empty() && e.article != last_article) ++articles, last_article = e.article;
  }
  relation->confidence = 1.0 - all_wrong;
  relation->article_count = articles;
}

struct GraphBuilder::Impl {
  std::map<Symbol, ArticleInfo> articles;
  Observations entities;
  // A deque, not a vector: it grows without copying millions of pieces of
  // evidence, and Build() frees it block by block as it hands them on.
  std::deque<RelationObservation> relations;

  // The observation's facts, made empty the first time the key is seen.
  ObservationFacts& Observe(const ObservationKey& key) {
    auto [it, inserted] = entities.try_emplace(key);
    if (inserted) it->second.serial = static_cast<uint32_t>(entities.size() - 1);
    return it->second;
  }

  void AddArticle(const ArticleInfo& article) {
    auto [it, inserted] = articles.emplace(article.doc, article);
    if (!inserted) MergeArticle(article, &it->second);
  }

  // Observes the entity and adds what this sighting says of it; returns its serial.
  uint32_t AddEntity(const ObservationKey& key, Symbol subtype, Symbol code, const std::vector<Symbol>& mentions) {
    ObservationFacts& facts = Observe(key);
    KeepSmallestNonEmpty(&facts.subtype, subtype);
    KeepSmallestNonEmpty(&facts.code, key.type == EntityType::kCountry ? Symbol(UpperAscii(code)) : code);
    for (Symbol m : mentions) {
      if (m.empty() || m == key.name) continue;
      auto at = std::lower_bound(facts.mentions.begin(), facts.mentions.end(), m);
      if (at == facts.mentions.end() || *at != m) facts.mentions.insert(at, m);
    }
    return facts.serial;
  }

  void Add(uint32_t subject, Predicate predicate, uint32_t object, Evidence evidence) {
    relations.push_back(RelationObservation{subject, object, predicate, std::move(evidence)});
  }
};

GraphBuilder::GraphBuilder() : impl_(std::make_unique<Impl>()) {}
GraphBuilder::~GraphBuilder() = default;

bool GraphBuilder::HasArticle(const std::string& doc) const { return impl_->articles.count(Symbol(doc)) > 0; }
size_t GraphBuilder::article_count() const { return impl_->articles.size(); }

void GraphBuilder::AddRecord(const ExtractionRecord& record) {
  const Symbol doc = Clean(record.doc);
  const Symbol article_date = Clean(record.date);
  impl_->AddArticle(ArticleInfo{doc, article_date, Clean(record.url), Clean(record.title)});

  std::map<std::string_view, uint32_t> observed;  // record-local entity id -> observation serial
  for (const ExtractedEntity& e : record.entities) {
    ObservationKey key{e.type, doc, Clean(e.name)};
    if (key.name.empty()) continue;
    std::vector<Symbol> mentions;
    for (const TextSpan& m : e.mentions) mentions.push_back(Clean(m.text));
    const uint32_t serial = impl_->AddEntity(key, Clean(e.subtype), Clean(e.code), mentions);
    observed.emplace(e.id, serial);
  }

  for (const ExtractedTriple& t : record.triples) {
    auto subject = observed.find(t.subject);
    auto object = observed.find(t.object);
    if (subject == observed.end() || object == observed.end()) continue;
    Evidence ev;
    ev.article = doc;
    ev.date = t.date.empty() ? article_date : Clean(t.date);
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
    impl_->Add(subject->second, t.predicate, object->second, std::move(ev));
  }
}

namespace {

// The observation a graph's evidence from `article` stands for: the
// entity's sighting in that article (sightings are sorted by article).
ObservationKey SightingFor(const Entity& entity, Symbol article) {
  if (entity.sightings.empty()) return ObservationKey{entity.type, Symbol(), entity.name};
  auto it = std::lower_bound(entity.sightings.begin(), entity.sightings.end(), article,
                             [](const Sighting& s, Symbol doc) { return s.article < doc; });
  if (it == entity.sightings.end() || it->article != article) it = entity.sightings.begin();
  return ObservationKey{entity.type, it->article, it->name};
}

}  // namespace

void GraphBuilder::AddGraph(const KnowledgeGraph& graph) {
  for (const ArticleInfo& a : graph.articles()) impl_->AddArticle(a);
  const BoostGraph& g = graph.boost_graph();
  for (VertexId v : boost::make_iterator_range(boost::vertices(g))) {
    const Entity& e = graph.entity(v);
    if (e.sightings.empty()) impl_->AddEntity(ObservationKey{e.type, Symbol(), e.name}, e.subtype, e.code, e.aliases);
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
      ev.confidence = QuantizeConfidence(ev.confidence);
      impl_->Add(impl_->Observe(SightingFor(subject, ev.article)).serial, rel.predicate,
                 impl_->Observe(SightingFor(object, ev.article)).serial, std::move(ev));
    }
  }
}

KnowledgeGraph GraphBuilder::Build() {
  ObservationList obs;
  obs.reserve(impl_->entities.size());
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
  std::set<Symbol> used_ids;
  for (auto& [entity, root] : entities) {
    std::string base = entity.id.str();
    for (int n = 2; !used_ids.insert(entity.id).second; ++n) entity.id = base + "-" + std::to_string(n);
  }
  std::sort(entities.begin(), entities.end(),
            [](const auto& a, const auto& b) { return a.first.id < b.first.id; });

  // Entities are now in strictly increasing id order, so an entity's rank
  // compares as its id does: relations are keyed and sorted by ranks, which
  // orders them exactly as the ids would without a string comparison per
  // piece of evidence.
  std::vector<uint32_t> rank_of_serial(obs.size());
  for (size_t rank = 0; rank < entities.size(); ++rank)
    for (size_t m : clusters.at(entities[rank].second)) rank_of_serial[obs[m].second->serial] = static_cast<uint32_t>(rank);
  clusters.clear();
  obs.clear();
  impl_->entities.clear();

  std::deque<RelationObservation>& relations = impl_->relations;
  for (RelationObservation& r : relations) {
    r.subject = rank_of_serial[r.subject];
    r.object = rank_of_serial[r.object];
    if (Info(r.predicate).symmetric && r.object < r.subject) std::swap(r.subject, r.object);
  }
  auto edge_key = [](const RelationObservation& r) { return std::tie(r.subject, r.predicate, r.object); };
  std::sort(relations.begin(), relations.end(), [&](const RelationObservation& a, const RelationObservation& b) {
    return std::tuple_cat(edge_key(a), EvidenceOrder(a.evidence)) < std::tuple_cat(edge_key(b), EvidenceOrder(b.evidence));
  });
  size_t edge_count = 0;
  for (size_t i = 0; i < relations.size(); ++i)
    if (i == 0 || edge_key(relations[i - 1]) != edge_key(relations[i])) ++edge_count;

  KnowledgeGraph graph;
  graph.Reserve(entities.size(), edge_count);
  std::vector<VertexId> vertex_of_rank;
  vertex_of_rank.reserve(entities.size());
  for (auto& [entity, root] : entities) vertex_of_rank.push_back(graph.AddEntity(std::move(entity)));
  entities.clear();
  while (!relations.empty()) {
    const RelationObservation& first = relations.front();
    size_t same = 1;
    while (same < relations.size() && edge_key(relations[same]) == edge_key(first)) ++same;
    Relation rel;
    rel.predicate = first.predicate;
    rel.evidence.reserve(same);
    // Sorted already: keep the first of each (article, start, end, rule), as NormalizeEvidence does.
    for (size_t i = 0; i < same; ++i)
      if (rel.evidence.empty() || !SameEvidenceKey(rel.evidence.back(), relations[i].evidence))
        rel.evidence.push_back(relations[i].evidence);
    rel.evidence.shrink_to_fit();
    SummarizeEvidence(&rel);
    VertexId subject = vertex_of_rank[first.subject], object = vertex_of_rank[first.object];
    relations.erase(relations.begin(), relations.begin() + static_cast<std::ptrdiff_t>(same));
    graph.AddRelation(subject, object, std::move(rel));
  }
  relations.shrink_to_fit();
  graph.Compact();

  std::vector<ArticleInfo> articles;
  articles.reserve(impl_->articles.size());
  for (const auto& [doc, article] : impl_->articles) articles.push_back(article);
  graph.SetArticles(std::move(articles));
  impl_ = std::make_unique<Impl>();
  return graph;
}

}  // namespace irkg
