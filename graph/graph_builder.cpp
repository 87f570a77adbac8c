#include "graph/graph_builder.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <map>
#include <set>
#include <span>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "core/text.h"
#include "graph/entity_resolver.h"

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

using ObservationList = std::vector<std::pair<const ObservationKey*, const ObservationFacts*>>;

// The fullest name; among equally long ones the most used, then the
// smallest, so that the choice depends only on the set of observations.
Symbol ChooseCanonicalName(const ObservationList& obs, std::span<const size_t> members) {
  std::vector<Symbol> names;
  names.reserve(members.size());
  for (size_t m : members) names.push_back(obs[m].first->name);
  std::sort(names.begin(), names.end());
  Symbol best;
  size_t best_length = 0, best_uses = 0;
  for (size_t i = 0; i < names.size();) {
    size_t count = 1;
    while (i + count < names.size() && names[i + count] == names[i]) ++count;
    const size_t length = CodePointCount(names[i]);
    if (best.empty() || length > best_length || (length == best_length && count > best_uses)) {
      best = names[i];
      best_length = length;
      best_uses = count;
    }
    i += count;
  }
  return best;
}

Entity MakeEntity(const ObservationList& obs, std::span<const size_t> members) {
  Entity entity;
  entity.type = obs[members[0]].first->type;
  entity.name = ChooseCanonicalName(obs, members);
  std::vector<Symbol>& aliases = entity.aliases;
  entity.sightings.reserve(members.size());
  for (size_t m : members) {
    const auto& [key, facts] = obs[m];
    KeepSmallestNonEmpty(&entity.subtype, facts->subtype);
    KeepSmallestNonEmpty(&entity.code, facts->code);
    if (key->name != entity.name) aliases.push_back(key->name);
    for (Symbol mention : facts->mentions)
      if (mention != entity.name && (entity.type != EntityType::kCountry || !IsAgencyTag(mention))) aliases.push_back(mention);
    // Members come in key order, so the sightings are sorted already.
    entity.sightings.push_back(Sighting{key->doc, key->name, facts->subtype, facts->code, facts->mentions});
  }
  std::sort(aliases.begin(), aliases.end());
  aliases.erase(std::unique(aliases.begin(), aliases.end()), aliases.end());
  aliases.shrink_to_fit();

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

// Sorts relation observations by edge (subject, predicate, object ranks),
// then by EvidenceOrder. The edges are sorted apart, as 16 bytes of integers
// an observation, only the observations of one edge compare their evidence
// (strings), and the deque is then permuted in place, each observation moved
// once: sorting the 64-byte observations themselves moved each about log n
// times, across memory far larger than the caches.
void SortByEdgeThenEvidence(std::deque<RelationObservation>* relations) {
  std::deque<RelationObservation>& rel = *relations;
  const size_t n = rel.size();
  if (n > std::numeric_limits<uint32_t>::max()) {  // beyond the keys' indices: the plain way
    std::sort(rel.begin(), rel.end(), [](const RelationObservation& a, const RelationObservation& b) {
      return std::tuple_cat(std::tie(a.subject, a.predicate, a.object), EvidenceOrder(a.evidence)) <
             std::tuple_cat(std::tie(b.subject, b.predicate, b.object), EvidenceOrder(b.evidence));
    });
    return;
  }
  struct Key {
    uint32_t subject;
    uint32_t object;
    uint32_t index;  // where the observation is now; after sorting, where the key's place takes it from
    Predicate predicate;
  };
  auto edge = [](const Key& k) { return std::tie(k.subject, k.predicate, k.object); };
  std::vector<Key> keys(n);
  for (size_t i = 0; i < n; ++i)
    keys[i] = Key{rel[i].subject, rel[i].object, static_cast<uint32_t>(i), rel[i].predicate};
  std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
    return std::tuple_cat(edge(a), std::tie(a.index)) < std::tuple_cat(edge(b), std::tie(b.index));
  });
  for (size_t first = 0; first < n;) {
    size_t last = first + 1;
    while (last < n && edge(keys[last]) == edge(keys[first])) ++last;
    if (last - first > 1)
      std::sort(keys.begin() + static_cast<std::ptrdiff_t>(first), keys.begin() + static_cast<std::ptrdiff_t>(last),
                [&](const Key& a, const Key& b) {
                  return EvidenceOrder(rel[a.index].evidence) < EvidenceOrder(rel[b.index].evidence);
                });
    first = last;
  }
  // Place k takes the observation at keys[k].index; each cycle of the
  // permutation is followed once, and a place done is marked by index == k.
  for (size_t start = 0; start < n; ++start) {
    if (keys[start].index == start) continue;
    RelationObservation held = std::move(rel[start]);
    size_t place = start;
    while (true) {
      const size_t from = keys[place].index;
      keys[place].index = static_cast<uint32_t>(place);
      if (from == start) {
        rel[place] = std::move(held);
        break;
      }
      rel[place] = std::move(rel[from]);
      place = from;
    }
  }
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

  // The observations as the resolver sees them, in key order (`keys` alike),
  // with each article's story fingerprint and the offices its evidence gives.
  std::vector<NameObservation> ResolverInput(ObservationList* keys) const {
    std::vector<NameObservation> out;
    out.reserve(entities.size());
    std::vector<uint32_t> index_of_serial(entities.size());
    // Articles (by doc) are numbered as first met. The hashes of what each
    // holds are gathered as (article, hash) pairs and grouped by a counting
    // sort, and each observation keeps its article's number: a list per
    // article and a hash lookup per observation were an allocation and a
    // cache miss each, scattered, once the corpus outgrew the caches.
    std::unordered_map<Symbol, uint32_t> story_of_doc;
    story_of_doc.reserve(articles.size() + 1);
    auto story_of = [&](Symbol doc) {
      return story_of_doc.try_emplace(doc, static_cast<uint32_t>(story_of_doc.size())).first->second;
    };
    std::vector<std::pair<uint32_t, uint64_t>> parts;  // (article number, hash)
    parts.reserve(entities.size() + relations.size());
    std::vector<uint32_t> story_of_observation;
    story_of_observation.reserve(entities.size());
    // Offices name few titles many times over: each is folded once.
    std::unordered_map<Symbol, Symbol> title_keys;
    // Offices are gathered as (observation, office) pairs, counted, and each
    // observation's list allocated in observation order, next to the
    // previous one's: the resolver reads them in that order, and lists grown
    // in evidence order were a cache miss each once the corpus outgrew the
    // caches.
    std::vector<std::pair<uint32_t, OfficeSighting>> offices;
    for (const auto& [key, facts] : entities) {
      index_of_serial[facts.serial] = static_cast<uint32_t>(out.size());
      if (keys) keys->emplace_back(&key, &facts);
      out.push_back(NameObservation{key.type, key.doc, key.name, facts.code, facts.mentions, 0, 0, {}});
      story_of_observation.push_back(story_of(key.doc));
      parts.emplace_back(story_of_observation.back(), HashText(key.name.view(), static_cast<uint64_t>(key.type)));
    }
    for (const RelationObservation& r : relations) {
      const Evidence& ev = r.evidence;
      if (!IsBackground(ev))
        parts.emplace_back(story_of(ev.article), HashText(ev.text.view(), (uint64_t{ev.start} << 32) | ev.end));
      if (r.predicate != Predicate::kHoldsPosition) continue;
      const NameObservation& state = out[index_of_serial[r.object]];
      if (state.type != EntityType::kCountry) continue;
      auto [title, fresh] = title_keys.try_emplace(ev.title);
      if (fresh) title->second = Symbol(NameKey(ev.title));
      offices.emplace_back(index_of_serial[r.subject], OfficeSighting{title->second, state.code, YearOf(ev.date)});
    }
    {
      std::vector<uint32_t> office_count(out.size(), 0);
      for (const auto& [i, office] : offices) ++office_count[i];
      for (size_t i = 0; i < out.size(); ++i) out[i].offices.reserve(office_count[i]);
    }
    for (const auto& [i, office] : offices) out[i].offices.push_back(office);  // evidence order within each, as before
    offices = {};
    const size_t story_count = story_of_doc.size();
    std::vector<size_t> part_start(story_count + 1, 0);
    for (const auto& [story, hash] : parts) ++part_start[story + 1];
    for (size_t s = 0; s < story_count; ++s) part_start[s + 1] += part_start[s];
    std::vector<uint64_t> grouped(parts.size());
    {
      std::vector<size_t> next(part_start.begin(), part_start.end() - 1);
      for (const auto& [story, hash] : parts) grouped[next[story]++] = hash;
    }
    parts = {};
    std::vector<uint64_t> fingerprint(story_count);
    for (size_t s = 0; s < story_count; ++s)
      fingerprint[s] = StoryFingerprint(std::vector<uint64_t>(grouped.begin() + static_cast<std::ptrdiff_t>(part_start[s]),
                                                              grouped.begin() + static_cast<std::ptrdiff_t>(part_start[s + 1])));
    grouped = {};
    std::vector<int> year(story_count, 0);
    for (const auto& [doc, article] : articles) {
      auto story = story_of_doc.find(doc);
      if (story != story_of_doc.end()) year[story->second] = YearOf(article.date);
    }
    for (size_t i = 0; i < out.size(); ++i) {
      NameObservation& o = out[i];
      o.story = fingerprint[story_of_observation[i]];
      o.year = year[story_of_observation[i]];
      std::sort(o.offices.begin(), o.offices.end());
      o.offices.erase(std::unique(o.offices.begin(), o.offices.end()), o.offices.end());
    }
    return out;
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
  graph.ForEachEntity([&](VertexId, const Entity& e) {
    if (e.sightings.empty()) impl_->AddEntity(ObservationKey{e.type, Symbol(), e.name}, e.subtype, e.code, e.aliases);
    for (const Sighting& s : e.sightings)
      impl_->AddEntity(ObservationKey{e.type, s.article, s.name}, s.subtype, s.code, s.mentions);
  });
  graph.ForEachRelation([&](EdgeId edge, const Relation& rel) {
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
  });
}

ResolutionReport GraphBuilder::ExplainResolution() const {
  ResolutionReport report;
  report.observations = impl_->ResolverInput(nullptr);
  report.resolution = ResolveEntities(report.observations, /*explain=*/true);
  return report;
}

KnowledgeGraph GraphBuilder::Build() {
  ObservationList obs;
  obs.reserve(impl_->entities.size());
  const Resolution resolution = ResolveEntities(impl_->ResolverInput(&obs));

  // The members of each cluster, in observation (key) order, clusters by
  // root: a counting sort, the roots being observation indices.
  const size_t n = obs.size();
  std::vector<size_t> member_start(n + 1, 0), members(n);
  for (size_t i = 0; i < n; ++i) ++member_start[resolution.cluster[i] + 1];
  for (size_t i = 0; i < n; ++i) member_start[i + 1] += member_start[i];
  {
    std::vector<size_t> next(member_start.begin(), member_start.end() - 1);
    for (size_t i = 0; i < n; ++i) members[next[resolution.cluster[i]]++] = i;
  }
  auto members_of = [&](size_t root) {
    return std::span<const size_t>(members.data() + member_start[root], member_start[root + 1] - member_start[root]);
  };

  std::vector<Entity> entities;
  std::vector<size_t> root_of;  // each entity's cluster root
  for (size_t root = 0; root < n; ++root) {
    if (member_start[root] == member_start[root + 1]) continue;
    entities.push_back(MakeEntity(obs, members_of(root)));
    root_of.push_back(root);
  }

  // Entities in id order; ids made unique in a way that depends only on the
  // clusters. Sorted as a permutation: an Entity is too big to move about.
  std::vector<uint32_t> order(entities.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<std::string_view> id_text(entities.size());
  auto refresh_text = [&] {
    for (size_t i = 0; i < entities.size(); ++i) id_text[i] = entities[i].id.view();
  };
  refresh_text();
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return std::tie(id_text[a], root_of[a]) < std::tie(id_text[b], root_of[b]);
  });
  std::unordered_set<Symbol> used_ids;
  used_ids.reserve(entities.size());
  bool renamed = false;
  for (uint32_t i : order) {
    Entity& entity = entities[i];
    std::string base = entity.id.str();
    for (int k = 2; !used_ids.insert(entity.id).second; ++k) entity.id = base + "-" + std::to_string(k), renamed = true;
  }
  if (renamed) {
    refresh_text();
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return id_text[a] < id_text[b]; });
  }

  // Entities are now in strictly increasing id order, so an entity's rank
  // compares as its id does: relations are keyed and sorted by ranks, which
  // orders them exactly as the ids would without a string comparison per
  // piece of evidence.
  std::vector<uint32_t> rank_of_serial(n);
  for (size_t rank = 0; rank < order.size(); ++rank)
    for (size_t m : members_of(root_of[order[rank]])) rank_of_serial[obs[m].second->serial] = static_cast<uint32_t>(rank);
  members = {};
  member_start = {};
  obs.clear();
  impl_->entities.clear();

  std::deque<RelationObservation>& relations = impl_->relations;
  for (RelationObservation& r : relations) {
    r.subject = rank_of_serial[r.subject];
    r.object = rank_of_serial[r.object];
    if (Info(r.predicate).symmetric && r.object < r.subject) std::swap(r.subject, r.object);
  }
  SortByEdgeThenEvidence(&relations);
  auto edge_key = [](const RelationObservation& r) { return std::tie(r.subject, r.predicate, r.object); };
  size_t edge_count = 0;
  for (size_t i = 0; i < relations.size(); ++i)
    if (i == 0 || edge_key(relations[i - 1]) != edge_key(relations[i])) ++edge_count;

  KnowledgeGraph graph;
  graph.Reserve(entities.size(), edge_count);
  std::vector<VertexId> vertex_of_rank;
  vertex_of_rank.reserve(entities.size());
  for (uint32_t i : order) vertex_of_rank.push_back(graph.AddEntity(std::move(entities[i])));
  entities = {};
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
