#include "graph/graph_builder.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>
#include <set>
#include <span>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <utility>

#include "core/huge_page_allocator.h"
#include "core/text.h"
#include "graph/entity_resolver.h"
#include "graph/fetch_ahead.h"
#include "graph/position_index.h"

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

struct Observation {
  ObservationKey key;
  uint32_t doc_number = 0;  // key.doc's number in GraphBuilder::Impl::docs
  Symbol subtype;
  Symbol code;
  std::vector<Symbol> mentions;  // sorted, unique
};

// One piece of evidence for a triple between two observations, 64 bytes: a
// corpus has millions of these and few observations. Until Build() the ends
// are observation serials; Build() turns them into entity ranks in place.
struct RelationObservation {
  uint32_t subject;
  uint32_t object;
  Predicate predicate;
  uint32_t doc_number;  // evidence.article's number in GraphBuilder::Impl::docs (in what was padding)
  Evidence evidence;
};
static_assert(sizeof(RelationObservation) <= 64);
static_assert(std::is_trivially_destructible_v<RelationObservation>);  // Build() discards them page by page

// What the resolver's input takes of each observation, in serial order, and
// all their mentions in one array: half an Observation's 48 bytes (its
// document is found by number, its mentions by position). Build() packs the
// observations so and frees them before it makes the input, which reads
// these in key order: the two arrays of 48 bytes an observation were held
// at once there, the peak of Build(), and at a million articles (288 MB
// each) it outgrew the memory that adding the records had left and faulted
// 37-49 huge pages afresh, 4 ms each on this VM (docs/benchmarks.md).
struct PackedObservation {
  Symbol name;
  Symbol code;
  Symbol subtype;
  uint32_t doc_number;
  uint32_t first_mention;  // in PackedObservations::mentions; the next one's is where its mentions end
  EntityType type;
};
static_assert(sizeof(PackedObservation) == 24);

struct PackedObservations {
  LargeVector<PackedObservation> items;
  LargeVector<Symbol> mentions;

  uint32_t MentionCount(size_t serial) const {
    const size_t end = serial + 1 < items.size() ? items[serial + 1].first_mention : mentions.size();
    return static_cast<uint32_t>(end - items[serial].first_mention);
  }
};

uint64_t HashOf(const ObservationKey& k) {
  return MixHash((uint64_t{k.doc.id()} << 32 | k.name.id()) ^ (uint64_t{static_cast<unsigned char>(k.type)} << 59));
}

auto EvidenceOrder(const Evidence& e) {
  return std::tie(e.article, e.start, e.end, e.rule, e.text, e.date, e.confidence, e.title, e.what,
                  e.date_from_text);
}

bool SameEvidenceKey(const Evidence& a, const Evidence& b) {
  return std::tie(a.article, a.start, a.end, a.rule) == std::tie(b.article, b.start, b.end, b.rule);
}

// A record's text interned as it is when it is valid UTF-8, as nearly all
// is: the copy that repairing needs is made only then (with the entity ids
// below, AddRecord ran 23% fewer instructions than with a copy of every
// string; docs/scale.md).
Symbol Clean(std::string_view text) {
  if (FindInvalidUtf8(text) == std::string_view::npos) return Symbol(text);
  std::string repaired(text);
  RepairUtf8(&repaired);
  return Symbol(repaired);
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

// The fullest name; among equally long ones the most used, then the
// smallest, so that the choice depends only on the set of observations.
// The members' names are counted as runs (members come in key order, so a
// state's tens of thousands of observations of one name are one run or a
// few) and the runs' names sorted by Symbol id: sorting every member's name
// by its text was n log n over the largest clusters (the 40 states of the
// resolution bench, each named in a fortieth of the articles) and a text
// comparison each time two differed. Text is read once a distinct name, and
// compared only where two are equally long and equally used.
Symbol ChooseCanonicalName(std::span<const NameObservation> obs, std::span<const uint32_t> members) {
  std::vector<std::pair<Symbol, size_t>> uses;  // (name, members so named): runs, then distinct names
  for (uint32_t m : members) {
    if (!uses.empty() && uses.back().first == obs[m].name) {
      ++uses.back().second;
    } else {
      uses.emplace_back(obs[m].name, 1);
    }
  }
  if (uses.size() > 1) {
    std::sort(uses.begin(), uses.end(), [](const auto& a, const auto& b) { return a.first.id() < b.first.id(); });
    size_t distinct = 0;
    for (const auto& [name, count] : uses) {
      if (distinct > 0 && uses[distinct - 1].first == name) {
        uses[distinct - 1].second += count;
      } else {
        uses[distinct++] = {name, count};
      }
    }
    uses.resize(distinct);
  }
  Symbol best;
  size_t best_length = 0, best_uses = 0;
  for (const auto& [name, count] : uses) {
    const size_t length = CodePointCount(name);
    const bool longer = length > best_length, more_used = length == best_length && count > best_uses;
    const bool smaller = length == best_length && count == best_uses && name < best;
    if (best.empty() || longer || more_used || smaller) {
      best = name;
      best_length = length;
      best_uses = count;
    }
  }
  return best;
}

// The entity of one cluster, from its members' observations (in key order).
Entity MakeEntity(const ResolverInput& input, std::span<const uint32_t> members) {
  const std::span<const NameObservation> obs = input.observations;
  Entity entity;
  entity.type = obs[members[0]].type;
  entity.name = ChooseCanonicalName(obs, members);
  std::vector<Symbol>& aliases = entity.aliases;
  entity.sightings.reserve(members.size());
  for (uint32_t m : members) {
    const NameObservation& o = obs[m];
    KeepSmallestNonEmpty(&entity.subtype, o.subtype);
    KeepSmallestNonEmpty(&entity.code, o.code);
    if (o.name != entity.name) aliases.push_back(o.name);
    const std::span<const Symbol> mentions = input.MentionsOf(o);
    for (Symbol mention : mentions)
      if (mention != entity.name && (entity.type != EntityType::kCountry || !IsAgencyTag(mention))) aliases.push_back(mention);
    // Members come in key order, so the sightings are sorted already.
    entity.sightings.push_back(Sighting{o.article, o.name, o.subtype, o.code, {mentions.begin(), mentions.end()}});
  }
  std::sort(aliases.begin(), aliases.end());
  aliases.erase(std::unique(aliases.begin(), aliases.end()), aliases.end());
  aliases.shrink_to_fit();

  std::string prefix = LowerAscii(EntityTypeName(entity.type)) + "/";
  if (entity.type == EntityType::kCountry && !entity.code.empty()) {
    entity.id = prefix + entity.code.str();
  } else if (entity.type == EntityType::kPerson && PersonNameTokens(entity.name).size() < 2) {
    // A bare surname is an entity of its article only; its id says which.
    Symbol doc = obs[members[0]].article;
    entity.id = prefix + Slug(entity.name) + (doc.empty() ? "" : "--" + Slug(doc));
  } else {
    entity.id = prefix + Slug(entity.name);
  }
  return entity;
}

// Sorts `order` (indices of `text`) by text, ties by tie_less(a, b). The
// texts' first 16 bytes, as two big-endian integers beside each index,
// decide nearly every comparison: comparing the texts themselves read two
// scattered strings each time, beyond the caches for a million articles'
// entities (22 times as long as for 100k). They are compared only where
// those bytes are equal.
template <typename TieLess>
void SortByText(std::vector<uint32_t>* order, const std::vector<std::string_view>& text, TieLess&& tie_less) {
  struct Key {
    uint64_t head[2];  // bytes 0-7 and 8-15, zeros past the end: ordered as the texts, up to ties
    uint32_t index;
  };
  std::vector<Key> keys;
  keys.reserve(order->size());
  for (uint32_t i : *order) {
    unsigned char bytes[16] = {};
    std::memcpy(bytes, text[i].data(), std::min<size_t>(text[i].size(), sizeof bytes));
    Key key{{0, 0}, i};
    for (size_t b = 0; b < sizeof bytes; ++b) key.head[b / 8] = key.head[b / 8] << 8 | bytes[b];
    keys.push_back(key);
  }
  std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
    if (a.head[0] != b.head[0]) return a.head[0] < b.head[0];
    if (a.head[1] != b.head[1]) return a.head[1] < b.head[1];
    if (text[a.index] != text[b.index]) return text[a.index] < text[b.index];
    return tie_less(a.index, b.index);
  });
  for (size_t k = 0; k < keys.size(); ++k) (*order)[k] = keys[k].index;
}

// A counting sort by key, in two passes over the items: Count(key) for
// each, then, from the last item back, Place(key) gives each its position,
// so that each key's items are consecutive in their own order, keys in
// order. Placed from the back, the starts need no second array of
// positions: at a million articles each array here is fresh memory.
template <typename Position>
class CountingSort {
 public:
  explicit CountingSort(size_t key_count) : start_(key_count + 1, 0) {}
  void Count(size_t key) { ++start_[key]; }
  // Ends the counting; returns how many items were counted.
  size_t EndCounting() {
    for (size_t k = 1; k < start_.size(); ++k) start_[k] += start_[k - 1];  // each key's end, until placed
    return start_.back();
  }
  Position Place(size_t key) { return --start_[key]; }
  // Fetches ahead what Count(key) or Place(key) reads.
  void Prefetch(size_t key) const { __builtin_prefetch(&start_[key]); }
  // Where Place(key) would place an item now, to fetch that ahead.
  Position NextPlace(size_t key) const { return start_[key] - 1; }
  // Once every item is placed: where each key's items start, and the end last.
  LargeVector<Position> Starts() && { return std::move(start_); }

 private:
  LargeVector<Position> start_;
};

// Sorts relation observations by edge (subject, predicate, object ranks),
// then by EvidenceOrder. The edges and articles are sorted apart, as 20
// bytes of integers an observation (`article_rank` numbers the documents in
// their text order, so it orders evidence as its article's text would); only
// the observations of one edge and one article compare the rest of their
// evidence (strings), and the observations are then copied in their order
// into a new array, each moved once: sorting the 64-byte observations
// themselves moved each about log n times across memory far larger than
// the caches, and comparing the articles' text read scattered strings.
// Following the permutation's cycles in place instead of copying was one
// dependent scattered read and write after another (0.47 s at a million
// articles, 58 times its cost at 100k, whose array fits the caches); the
// copy's reads are independent, fetched ahead, and its memory is what the
// resolver's input left, kept (huge_page_allocator.h). The keys are placed
// by subject (a counting sort over the `subject_count` ranks) and only each
// subject's few are sorted: one sort of all of them passed over the whole
// array about log n times (1.05 s against 0.85 s at a million articles).
void SortByEdgeThenEvidence(LargeVector<RelationObservation>* relations, const LargeVector<uint32_t>& article_rank,
                            size_t subject_count) {
  LargeVector<RelationObservation>& rel = *relations;
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
    uint32_t article;  // the evidence's article rank
    uint32_t index;    // where the observation is now
    Predicate predicate;
  };
  auto edge_and_article = [](const Key& k) { return std::tie(k.subject, k.predicate, k.object, k.article); };
  LargeVector<uint32_t> subject_start(subject_count + 1, 0);
  for (const RelationObservation& r : rel) ++subject_start[r.subject + 1];
  for (size_t s = 0; s < subject_count; ++s) subject_start[s + 1] += subject_start[s];
  LargeVector<Key> keys(n);
  {
    LargeVector<uint32_t> next(subject_start.begin(), subject_start.end() - 1);
    for (size_t i = 0; i < n; ++i)
      keys[next[rel[i].subject]++] =
          Key{rel[i].subject, rel[i].object, article_rank[rel[i].doc_number], static_cast<uint32_t>(i), rel[i].predicate};
  }
  for (size_t s = 0; s < subject_count; ++s)
    std::sort(keys.begin() + static_cast<std::ptrdiff_t>(subject_start[s]),
              keys.begin() + static_cast<std::ptrdiff_t>(subject_start[s + 1]), [&](const Key& a, const Key& b) {
      return std::tuple_cat(edge_and_article(a), std::tie(a.index)) < std::tuple_cat(edge_and_article(b), std::tie(b.index));
    });
  FreeBuffer(subject_start);
  for (size_t first = 0; first < n;) {
    size_t last = first + 1;
    while (last < n && edge_and_article(keys[last]) == edge_and_article(keys[first])) ++last;
    if (last - first > 1)
      std::sort(keys.begin() + static_cast<std::ptrdiff_t>(first), keys.begin() + static_cast<std::ptrdiff_t>(last),
                [&](const Key& a, const Key& b) {
                  return EvidenceOrder(rel[a.index].evidence) < EvidenceOrder(rel[b.index].evidence);
                });
    first = last;
  }
  constexpr size_t kAhead = 8;  // observations fetched ahead of the copy: enough to overlap their misses
  LargeVector<RelationObservation> sorted;
  sorted.reserve(n);
  for (size_t k = 0; k < n; ++k) {
    if (k + kAhead < n) __builtin_prefetch(&rel[keys[k + kAhead].index]);
    sorted.push_back(rel[keys[k].index]);
  }
  rel = std::move(sorted);
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
  // Each article read, by doc, and its document number.
  struct Article {
    ArticleInfo info;
    uint32_t doc_number;
  };
  std::map<Symbol, Article> articles;
  // Every document an observation or piece of evidence names (articles, and
  // those a graph's sightings and evidence name without an article entry),
  // numbered as first met.
  SymbolNumbering docs;
  // Observations numbered (serial) in the order first made, and an index
  // to find them by key, which holds those before `indexed`. A record's
  // article is new nearly always, and a new article's observations can
  // only repeat each other: they are found among its own, the last ones
  // made, and indexed only once an older article is observed again (read
  // twice, or in a graph added) or one names many. At a million articles
  // the index was 134 MB, probed at random for every observation.
  LargeVector<Observation> observations;
  PositionIndex observation_index;
  size_t indexed = 0;
  // Documents numbered from here on were new when their observations were
  // made: the newest one's observations are the last ones, unindexed.
  uint32_t unindexed_docs_from = 0;
  static constexpr size_t kScannedAtMost = 64;  // of the newest article's observations, searched in turn; beyond, indexed
  // The document numbered last, which a record names throughout.
  Symbol last_doc;
  uint32_t last_doc_number = PositionIndex::kNone;
  // In huge pages (Build() reads them in scattered order, to sort them), and
  // Build() gives them back to the kernel a run of pages at a time as it
  // hands them on to the graph, as a deque freed its blocks: the graph and
  // all of its evidence are not held twice.
  LargeVector<RelationObservation> relations;
  // The parts of each document's story (StoryFingerprint): the hash of
  // each observation's name and each piece of evidence's sentence, taken
  // as they are added, when their text has just been read, rather than all
  // in Build(), where reading it again was a cache miss or two each,
  // scattered over the strings' table; and beside each its document's
  // number. Two arrays, not pairs: a record's parts come together, so a
  // document's hashes are one run of the first, fingerprinted where they lie.
  LargeVector<uint64_t> part_hashes;
  LargeVector<uint32_t> part_docs;

  void AddStoryPart(uint32_t doc_number, uint64_t hash) {
    part_hashes.push_back(hash);
    part_docs.push_back(doc_number);
  }

  uint32_t DocNumber(Symbol doc) {
    if (last_doc_number == PositionIndex::kNone || doc != last_doc) {
      last_doc_number = docs.Insert(doc).first;
      last_doc = doc;
    }
    return last_doc_number;
  }

  // The observation's serial; it is made, empty, the first time the key is seen.
  uint32_t Observe(const ObservationKey& key) {
    const uint32_t doc_number = DocNumber(key.doc);
    if (doc_number + 1 == docs.size() && doc_number >= unindexed_docs_from) {
      size_t o = observations.size();
      for (; o > indexed && observations[o - 1].doc_number == doc_number && observations.size() - o < kScannedAtMost; --o)
        if (observations[o - 1].key == key) return static_cast<uint32_t>(o - 1);
      const bool all_scanned = o == indexed || observations[o - 1].doc_number != doc_number;
      if (all_scanned) return MakeObservation(key, doc_number);
    }
    IndexObservations();
    const uint64_t hash = HashOf(key);
    const uint32_t serial = observation_index.Find(hash, [&](uint32_t o) { return observations[o].key == key; });
    if (serial != PositionIndex::kNone) return serial;
    MakeObservation(key, doc_number);
    IndexObservations();
    return static_cast<uint32_t>(observations.size() - 1);
  }

  uint32_t MakeObservation(const ObservationKey& key, uint32_t doc_number) {
    observations.push_back(Observation{key, doc_number, Symbol(), Symbol(), {}});
    AddStoryPart(doc_number, HashText(key.name.view(), static_cast<uint64_t>(key.type)));
    return static_cast<uint32_t>(observations.size() - 1);
  }

  // Indexes the observations not indexed yet; the documents so far are no longer new.
  void IndexObservations() {
    for (; indexed < observations.size(); ++indexed)
      observation_index.Add(HashOf(observations[indexed].key), static_cast<uint32_t>(indexed), indexed,
                            [&](uint32_t o) { return HashOf(observations[o].key); });
    unindexed_docs_from = static_cast<uint32_t>(docs.size());
  }

  void AddArticle(const ArticleInfo& article) {
    auto [it, inserted] = articles.try_emplace(article.doc, Article{article, 0});
    if (inserted) {
      it->second.doc_number = DocNumber(article.doc);
    } else {
      MergeArticle(article, &it->second.info);
    }
  }

  // Observes the entity and adds what this sighting says of it; returns its serial.
  uint32_t AddEntity(const ObservationKey& key, Symbol subtype, Symbol code, const std::vector<Symbol>& mentions) {
    const uint32_t serial = Observe(key);
    Observation& o = observations[serial];
    KeepSmallestNonEmpty(&o.subtype, subtype);
    KeepSmallestNonEmpty(&o.code, key.type == EntityType::kCountry ? Symbol(UpperAscii(code)) : code);
    for (Symbol m : mentions) {
      if (m.empty() || m == key.name) continue;
      auto at = std::lower_bound(o.mentions.begin(), o.mentions.end(), m);
      if (at == o.mentions.end() || *at != m) o.mentions.insert(at, m);
    }
    return serial;
  }

  void Add(uint32_t subject, Predicate predicate, uint32_t object, Evidence evidence) {
    const uint32_t doc_number = DocNumber(evidence.article);
    if (!IsBackground(evidence))
      AddStoryPart(doc_number, HashText(evidence.text.view(), (uint64_t{evidence.start} << 32) | evidence.end));
    relations.push_back(RelationObservation{subject, object, predicate, doc_number, std::move(evidence)});
  }

  // Each document's rank in the text order of the doc ids: the order of the
  // article map, merged with the (few) documents that have no article entry.
  LargeVector<uint32_t> DocRanks() const {
    LargeVector<uint32_t> rank(docs.size(), PositionIndex::kNone);
    for (const auto& [doc, article] : articles) rank[article.doc_number] = 0;  // listed
    std::vector<uint32_t> unlisted;
    for (uint32_t d = 0; d < docs.size(); ++d)
      if (rank[d] == PositionIndex::kNone) unlisted.push_back(d);
    std::sort(unlisted.begin(), unlisted.end(), [&](uint32_t a, uint32_t b) { return docs[a] < docs[b]; });
    uint32_t next = 0;
    auto other = unlisted.begin();
    for (const auto& [doc, article] : articles) {
      for (; other != unlisted.end() && docs[*other] < doc; ++other) rank[*other] = next++;
      rank[article.doc_number] = next++;
    }
    for (; other != unlisted.end(); ++other) rank[*other] = next++;
    return rank;
  }

  // Each observation's name (by serial) as its rank among the distinct
  // names in text order: equal names equal ranks, and ranks ordered as the
  // texts are (Symbol order).
  LargeVector<uint32_t> NameRanks() const {
    const size_t n = observations.size();
    SymbolNumbering names;
    LargeVector<uint32_t> rank(n);
    auto nothing = [](size_t) {};
    FetchingAhead(n, nothing, [&](size_t s) { names.Prefetch(observations[s].key.name); },
                  [&](size_t s) { rank[s] = names.Insert(observations[s].key.name).first; });
    names.ForgetIndex();
    std::vector<uint32_t> by_text(names.size());
    std::vector<std::string_view> text(names.size());
    for (uint32_t k = 0; k < names.size(); ++k) {
      by_text[k] = k;
      text[k] = names[k].view();
    }
    SortByText(&by_text, text, [](uint32_t, uint32_t) { return false; });  // distinct texts: no ties
    std::vector<uint32_t> rank_of_number(names.size());
    for (uint32_t r = 0; r < by_text.size(); ++r) rank_of_number[by_text[r]] = r;
    for (uint32_t& r : rank) r = rank_of_number[r];
    return rank;
  }

  // The serials in key order (type, doc, name): the order the resolver's
  // input, the clusters' members and hence the graph are defined by. One
  // counting sort by (type, document rank), whose two passes read the
  // observations in serial order, as they lie, and the names of each
  // (type, document) sorted by their ranks in text order (NameRanks): no
  // text is compared. A counting sort by document rank and
  // a stable one by type took each observation's rank and type copied out,
  // an order between and the rank of each item of the next: 17 bytes an
  // observation at once, which at a million articles outgrew the memory
  // adding the records had left (12-16 huge pages faulted afresh, 4 ms each
  // on this VM); this holds the order and 4 bytes a (type, document).
  LargeVector<uint32_t> KeyOrder(const LargeVector<uint32_t>& doc_rank) const {
    const size_t n = observations.size();
    const size_t doc_count = docs.size();
    auto key_of = [&](size_t s) {
      const Observation& o = observations[s];
      return static_cast<size_t>(o.key.type) * doc_count + doc_rank[o.doc_number];
    };
    CountingSort<uint32_t> by_key(kEntityTypeCount * doc_count);
    // Each count and place is a scattered access (24 MB of counts at a million articles): fetched ahead.
    auto nothing = [](size_t) {};
    FetchingAhead(n, nothing, [&](size_t s) { by_key.Prefetch(key_of(s)); }, [&](size_t s) { by_key.Count(key_of(s)); });
    by_key.EndCounting();
    LargeVector<uint32_t> order(n);
    FetchingAhead(n, [&](size_t j) { by_key.Prefetch(key_of(n - 1 - j)); },
                  [&](size_t j) { __builtin_prefetch(&order[by_key.NextPlace(key_of(n - 1 - j))]); },
                  [&](size_t j) { order[by_key.Place(key_of(n - 1 - j))] = static_cast<uint32_t>(n - 1 - j); });
    const LargeVector<uint32_t> start = std::move(by_key).Starts();
    // The names of a run are ordered by their rank in the text order of
    // the distinct names, not by their text: read in key order, each
    // observation's text was two dependent misses (the slot locating it,
    // then the text) over every distinct name's text and slot, spread over
    // the strings' table (40 MB at a million articles, past the caches;
    // 4 MB at 100k), and the sort took 26 times as long for 10 times the
    // articles. Numbering reads the observations in serial order through
    // an index of the distinct names (a few MB), and only each distinct
    // name's text is read, once, to rank it.
    const LargeVector<uint32_t> name_rank = NameRanks();
    for (size_t key = 0; key + 1 < start.size(); ++key) {
      const size_t first = start[key], last = start[key + 1];
      if (last - first < 2) continue;
      std::sort(order.begin() + static_cast<std::ptrdiff_t>(first), order.begin() + static_cast<std::ptrdiff_t>(last),
                [&](uint32_t a, uint32_t b) { return name_rank[a] < name_rank[b]; });
    }
    return order;
  }

  // Each document's story fingerprint, by document number, from the
  // hashes of its parts (*hashes: part_hashes or a copy; each document's
  // are left sorted). Records add an article's parts together, in document
  // order, so each document's hashes are one run already, fingerprinted
  // where they lie; parts that came otherwise (a graph's come entity by
  // entity; an article read again adds to an earlier document) are grouped
  // by the counting sort first.
  LargeVector<uint64_t> StoryFingerprints(LargeVector<uint64_t>* hashes) const {
    CountingSort<size_t> by_doc(docs.size());
    for (uint32_t doc : part_docs) by_doc.Count(doc);
    by_doc.EndCounting();
    const bool in_runs = std::is_sorted(part_docs.begin(), part_docs.end());
    LargeVector<uint64_t> grouped(in_runs ? 0 : hashes->size());
    for (size_t j = part_docs.size(); j-- > 0;) {
      const size_t at = by_doc.Place(part_docs[j]);  // j itself when in runs
      if (!in_runs) grouped[at] = (*hashes)[j];
    }
    if (!in_runs) *hashes = std::move(grouped);
    const LargeVector<size_t> start = std::move(by_doc).Starts();
    LargeVector<uint64_t> fingerprint(docs.size());
    for (size_t d = 0; d < docs.size(); ++d)
      fingerprint[d] = StoryFingerprintInPlace(std::span<uint64_t>(hashes->data() + start[d], start[d + 1] - start[d]));
    return fingerprint;
  }

  // The observations packed, in serial order (one pass in the order they
  // lie in), their mentions copied into one array.
  PackedObservations Pack() const {
    PackedObservations packed;
    size_t mention_count = 0;
    for (const Observation& o : observations) mention_count += o.mentions.size();
    packed.mentions.reserve(mention_count);
    packed.items.reserve(observations.size());
    for (const Observation& o : observations) {
      packed.items.push_back(PackedObservation{.name = o.key.name,
                                               .code = o.code,
                                               .subtype = o.subtype,
                                               .doc_number = o.doc_number,
                                               .first_mention = static_cast<uint32_t>(packed.mentions.size()),
                                               .type = o.key.type});
      packed.mentions.insert(packed.mentions.end(), o.mentions.begin(), o.mentions.end());
    }
    return packed;
  }

  // The observations as the resolver sees them, in key order (`order`, the
  // serials in that order), each with its article's story fingerprint
  // (`fingerprint`, by document number) and the offices its evidence gives.
  // Made from the packed observations, not the builder's, so that Build()
  // can free those first; their mentions move to the input as they lie
  // (an observation's are found by position, in any order).
  ResolverInput MakeResolverInput(PackedObservations packed, const LargeVector<uint32_t>& order,
                                  const LargeVector<uint64_t>& fingerprint) const {
    const LargeVector<PackedObservation>& items = packed.items;
    ResolverInput input;
    // Offices are laid out in one array, each observation's (by serial) a
    // run of it, in evidence order: the resolver reads them in that order,
    // and a list per observation was an allocation and, in the resolver, a
    // cache miss each. They are counted, then placed: an array of
    // (observation, office) pairs beside was fresh memory, 48 MB at a
    // million articles. An office's state is observed in the same article,
    // so reading its type follows the relations' order.
    auto is_office = [&](const RelationObservation& r) {
      return r.predicate == Predicate::kHoldsPosition && items[r.object].type == EntityType::kCountry;
    };
    CountingSort<uint32_t> by_holder(items.size());
    for (const RelationObservation& r : relations)
      if (is_office(r)) by_holder.Count(r.subject);
    input.offices.resize(by_holder.EndCounting());
    // Offices name few titles many times over: each is folded once.
    std::unordered_map<Symbol, Symbol> title_keys;
    for (size_t j = relations.size(); j-- > 0;) {
      const RelationObservation& r = relations[j];
      if (!is_office(r)) continue;
      auto [title, fresh] = title_keys.try_emplace(r.evidence.title);
      if (fresh) title->second = Symbol(NameKey(r.evidence.title));
      input.offices[by_holder.Place(r.subject)] = OfficeSighting{title->second, items[r.object].code, YearOf(r.evidence.date)};
    }
    const LargeVector<uint32_t> office_start = std::move(by_holder).Starts();
    LargeVector<int> year(docs.size(), 0);
    for (const auto& [doc, article] : articles) year[article.doc_number] = YearOf(article.info.date);
    input.observations.reserve(order.size());
    // In key order, each observation, its offices' start, its offices and
    // its document's year and fingerprint are scattered reads: fetched ahead.
    auto fetch_far = [&](size_t k) {
      __builtin_prefetch(&items[order[k]]);
      __builtin_prefetch(&office_start[order[k]]);
    };
    auto fetch_near = [&](size_t k) {
      const PackedObservation& o = items[order[k]];
      __builtin_prefetch(&year[o.doc_number]);
      __builtin_prefetch(&fingerprint[o.doc_number]);
      __builtin_prefetch(input.offices.data() + office_start[order[k]]);
    };
    FetchingAhead(order.size(), fetch_far, fetch_near, [&](size_t k) {
      const uint32_t serial = order[k];
      const PackedObservation& o = items[serial];
      auto first = input.offices.begin() + office_start[serial], last = input.offices.begin() + office_start[serial + 1];
      std::sort(first, last);
      input.observations.push_back(NameObservation{.type = o.type,
                                                   .article = docs[o.doc_number],
                                                   .name = o.name,
                                                   .code = o.code,
                                                   .subtype = o.subtype,
                                                   .year = year[o.doc_number],
                                                   .story = fingerprint[o.doc_number],
                                                   .first_mention = o.first_mention,
                                                   .mention_count = packed.MentionCount(serial),
                                                   .first_office = office_start[serial],
                                                   .office_count = static_cast<uint32_t>(std::unique(first, last) - first)});
    });
    input.mentions = std::move(packed.mentions);
    return input;
  }
};

GraphBuilder::GraphBuilder() : impl_(std::make_unique<Impl>()) {}
GraphBuilder::~GraphBuilder() = default;

bool GraphBuilder::HasArticle(const std::string& doc) const { return impl_->articles.count(Symbol(doc)) > 0; }
size_t GraphBuilder::article_count() const { return impl_->articles.size(); }

void GraphBuilder::AddRecord(const ExtractionRecord& record) {
  // The record's names and sentences are looked up in a table of strings
  // far larger than the caches once a corpus is large: their first probes
  // are fetched together before any is interned.
  Symbol::Prefetch(record.doc);
  for (const ExtractedEntity& e : record.entities) Symbol::Prefetch(e.name);
  for (const ExtractedTriple& t : record.triples)
    if (t.evidence) Symbol::Prefetch(t.evidence->text);
  const Symbol doc = Clean(record.doc);
  const Symbol article_date = Clean(record.date);
  impl_->AddArticle(ArticleInfo{doc, article_date, Clean(record.url), Clean(record.title)});

  // Record-local entity id -> observation serial, sorted by id (the first
  // of a repeated id wins): a record names tens of entities, and a map
  // allocated a node for each of them, in every record.
  std::vector<std::pair<std::string_view, uint32_t>> observed;
  observed.reserve(record.entities.size());
  std::vector<Symbol> mentions;
  for (const ExtractedEntity& e : record.entities) {
    ObservationKey key{e.type, doc, Clean(e.name)};
    if (key.name.empty()) continue;
    mentions.clear();
    for (const TextSpan& m : e.mentions) mentions.push_back(Clean(m.text));
    observed.emplace_back(e.id, impl_->AddEntity(key, Clean(e.subtype), Clean(e.code), mentions));
  }
  std::stable_sort(observed.begin(), observed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  auto serial_of = [&](std::string_view id) -> const uint32_t* {
    auto at = std::lower_bound(observed.begin(), observed.end(), id, [](const auto& o, std::string_view v) { return o.first < v; });
    return at != observed.end() && at->first == id ? &at->second : nullptr;
  };

  for (const ExtractedTriple& t : record.triples) {
    const uint32_t* subject = serial_of(t.subject);
    const uint32_t* object = serial_of(t.object);
    if (!subject || !object) continue;
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
    impl_->Add(*subject, t.predicate, *object, std::move(ev));
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
      impl_->Add(impl_->Observe(SightingFor(subject, ev.article)), rel.predicate,
                 impl_->Observe(SightingFor(object, ev.article)), std::move(ev));
    }
  });
}

ResolutionReport GraphBuilder::ExplainResolution() const {
  LargeVector<uint64_t> part_hashes = impl_->part_hashes;  // fingerprinting reorders them
  const LargeVector<uint64_t> fingerprint = impl_->StoryFingerprints(&part_hashes);
  ResolutionReport report{impl_->MakeResolverInput(impl_->Pack(), impl_->KeyOrder(impl_->DocRanks()), fingerprint), {}};
  report.resolution = ResolveEntities(report, /*explain=*/true);
  return report;
}

KnowledgeGraph GraphBuilder::Build() {
  // The indexes only find observations and documents to add to: the builder
  // is emptied below, so they go first (at 1M articles, 150 MB less at the peak).
  impl_->observation_index = PositionIndex();
  impl_->docs.ForgetIndex();
  LargeVector<uint32_t> doc_rank = impl_->DocRanks();
  LargeVector<uint32_t> key_order = impl_->KeyOrder(doc_rank);
  // Fingerprinted first, so that the parts' memory goes to the resolver's input.
  LargeVector<uint64_t> fingerprint = impl_->StoryFingerprints(&impl_->part_hashes);
  FreeBuffer(impl_->part_hashes);
  FreeBuffer(impl_->part_docs);
  // The resolver's input holds all that the entities are made of, so the
  // builder's observations go before it is made, packed into half their
  // size (taking the parts' memory just freed): the input then takes
  // their memory (at a million articles 288 MB, faulted in already)
  // rather than fresh pages, and reads 24 bytes an observation in key order.
  PackedObservations packed = impl_->Pack();
  FreeBuffer(impl_->observations);
  ResolverInput input = impl_->MakeResolverInput(std::move(packed), key_order, fingerprint);
  FreeBuffer(fingerprint);
  const Resolution resolution = ResolveEntities(input);

  // The members of each cluster, in observation (key) order, clusters by
  // root: a counting sort, the roots being observation indices (32 bits, as
  // the serials are: these are read in scattered order, half the bytes).
  const size_t n = key_order.size();
  LargeVector<uint32_t> member_start(n + 1, 0), members(n);
  const LargeVector<uint32_t>& cluster = resolution.cluster;
  auto nothing = [](size_t) {};
  size_t cluster_count = 0;
  FetchingAhead(n, nothing, [&](size_t i) { __builtin_prefetch(&member_start[cluster[i] + 1]); },
                [&](size_t i) { cluster_count += member_start[cluster[i] + 1]++ == 0; });
  for (size_t i = 0; i < n; ++i) member_start[i + 1] += member_start[i];
  {
    LargeVector<uint32_t> next(member_start.begin(), member_start.end() - 1);
    FetchingAhead(n, [&](size_t i) { __builtin_prefetch(&next[cluster[i]]); },
                  [&](size_t i) { __builtin_prefetch(&members[next[cluster[i]]]); },
                  [&](size_t i) { members[next[cluster[i]]++] = static_cast<uint32_t>(i); });
  }
  auto members_of = [&](size_t root) {
    return std::span<const uint32_t>(members.data() + member_start[root], member_start[root + 1] - member_start[root]);
  };

  // The entities and then the graph are made in the heap, which cannot use
  // the arrays' memory kept so far: it would only add to the peak.
  huge_pages::ReleaseKept();
  // One entity a cluster, in arrays sized once: grown by doubling, the
  // entities (72 bytes each, 22 MB at a million articles) were moved a few
  // times over, each larger array in fresh pages.
  std::vector<Entity> entities;
  std::vector<size_t> root_of;  // each entity's cluster root
  entities.reserve(cluster_count);
  root_of.reserve(cluster_count);
  // A cluster's members lie anywhere among the observations (a person's
  // in every article naming it), and MakeEntity reads each and its name's
  // text: past the caches (a million articles), three dependent misses a
  // member, which took 12-13 times as long as at 100k. Clusters are made in
  // the order their members lie in `members`, so the members to come are
  // fetched ahead in three stages as for the key order: the observation,
  // then the slot locating its name, then the text.
  constexpr size_t kAhead = 8;
  size_t fetched = 0;  // positions in `members` fetched ahead so far
  auto fetch_ahead = [&](size_t until) {
    const std::span<const NameObservation> obs = input.observations;
    for (; fetched < std::min<size_t>(until, n); ++fetched) {
      if (fetched + 2 * kAhead < n) __builtin_prefetch(&obs[members[fetched + 2 * kAhead]]);
      if (fetched + kAhead < n) obs[members[fetched + kAhead]].name.PrefetchSlot();
      obs[members[fetched]].name.PrefetchText();
    }
  };
  for (size_t root = 0; root < n; ++root) {
    if (member_start[root] == member_start[root + 1]) continue;
    fetch_ahead(member_start[root + 1] + kAhead);
    entities.push_back(MakeEntity(input, members_of(root)));
    root_of.push_back(root);
  }
  input = ResolverInput();  // the entities hold what they need of it

  // Entities in id order; ids made unique in a way that depends only on the
  // clusters. Sorted as a permutation: an Entity is too big to move about.
  std::vector<uint32_t> order(entities.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<std::string_view> id_text(entities.size());
  auto refresh_text = [&] {
    for (size_t i = 0; i < entities.size(); ++i) id_text[i] = entities[i].id.view();
  };
  refresh_text();
  SortByText(&order, id_text, [&](uint32_t a, uint32_t b) { return root_of[a] < root_of[b]; });
  // The ids handed out so far, in a flat index: a node of a hash set and a
  // copy of the id's text for every entity were two allocations each; the
  // text is copied only to rename one.
  SymbolNumbering used_ids;
  bool renamed = false;
  for (uint32_t i : order) {
    Entity& entity = entities[i];
    if (used_ids.Insert(entity.id).second) continue;
    const std::string base = entity.id.str();
    for (int k = 2;; ++k) {
      entity.id = base + "-" + std::to_string(k);
      if (used_ids.Insert(entity.id).second) break;
    }
    renamed = true;
  }
  if (renamed) {
    refresh_text();
    SortByText(&order, id_text, [](uint32_t, uint32_t) { return false; });  // ids are unique now
  }

  // Entities are now in strictly increasing id order, so an entity's rank
  // compares as its id does: relations are keyed and sorted by ranks, which
  // orders them exactly as the ids would without a string comparison per
  // piece of evidence.
  // Each root's rank, then each observation's through its root, the
  // observations read in key order: reading each entity's members instead
  // was three scattered reads an observation (where its members start, the
  // member, its serial).
  FreeBuffer(members);
  LargeVector<uint32_t>& rank_of_root = member_start;  // its starts are read no more
  for (size_t rank = 0; rank < order.size(); ++rank) rank_of_root[root_of[order[rank]]] = static_cast<uint32_t>(rank);
  LargeVector<uint32_t> rank_of_serial(n);
  FetchingAhead(n, nothing, [&](size_t i) {
        __builtin_prefetch(&rank_of_serial[key_order[i]]);
        __builtin_prefetch(&rank_of_root[cluster[i]]);
      },
      [&](size_t i) { rank_of_serial[key_order[i]] = rank_of_root[cluster[i]]; });
  FreeBuffer(member_start);
  FreeBuffer(key_order);

  LargeVector<RelationObservation>& relations = impl_->relations;
  for (RelationObservation& r : relations) {
    r.subject = rank_of_serial[r.subject];
    r.object = rank_of_serial[r.object];
    if (Info(r.predicate).symmetric && r.object < r.subject) std::swap(r.subject, r.object);
  }
  SortByEdgeThenEvidence(&relations, doc_rank, order.size());
  FreeBuffer(doc_rank);
  huge_pages::ReleaseKept();  // the graph, too, is made in the heap
  auto edge_key = [](const RelationObservation& r) { return std::tie(r.subject, r.predicate, r.object); };
  size_t edge_count = 0;
  for (size_t i = 0; i < relations.size(); ++i)
    if (i == 0 || edge_key(relations[i - 1]) != edge_key(relations[i])) ++edge_count;

  KnowledgeGraph graph;
  graph.Reserve(entities.size(), edge_count);
  std::vector<VertexId> vertex_of_rank;
  vertex_of_rank.reserve(entities.size());
  for (uint32_t i : order) vertex_of_rank.push_back(graph.AddEntity(std::move(entities[i])));
  FreeBuffer(entities);
  constexpr size_t kDiscardRun = 32 * huge_pages::kPageSize / sizeof(RelationObservation);
  size_t discarded = 0;  // the relation observations before this one are given back
  for (size_t first = 0, last; first < relations.size(); first = last) {
    last = first + 1;
    while (last < relations.size() && edge_key(relations[last]) == edge_key(relations[first])) ++last;
    Relation rel;
    rel.predicate = relations[first].predicate;
    rel.evidence.reserve(last - first);
    // Sorted already: keep the first of each (article, start, end, rule), as NormalizeEvidence does.
    for (size_t i = first; i < last; ++i)
      if (rel.evidence.empty() || !SameEvidenceKey(rel.evidence.back(), relations[i].evidence))
        rel.evidence.push_back(relations[i].evidence);
    rel.evidence.shrink_to_fit();
    SummarizeEvidence(&rel);
    graph.AddRelation(vertex_of_rank[relations[first].subject], vertex_of_rank[relations[first].object], std::move(rel));
    if (last - discarded >= kDiscardRun) {
      huge_pages::Discard(relations.data() + discarded, (last - discarded) * sizeof(RelationObservation));
      discarded = last;
    }
  }
  FreeBuffer(relations);
  graph.Compact();

  std::vector<ArticleInfo> articles;
  articles.reserve(impl_->articles.size());
  for (const auto& [doc, article] : impl_->articles) articles.push_back(article.info);
  graph.SetArticles(std::move(articles));
  impl_ = std::make_unique<Impl>();
  huge_pages::ReleaseKept();
  return graph;
}

}  // namespace irkg
