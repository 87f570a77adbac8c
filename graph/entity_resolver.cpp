#include "graph/entity_resolver.h"

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <span>
#include <unordered_map>
#include <utility>

#include "core/huge_page_allocator.h"
#include "core/text.h"
#include "graph/fetch_ahead.h"
#include "graph/person_name_folds.h"
#include "graph/position_index.h"

namespace irkg {
namespace {

void ReplaceAll(std::string* s, std::string_view from, std::string_view to) {
  size_t at = 0;
  while ((at = s->find(from, at)) != std::string::npos) {
    s->replace(at, from.size(), to);
    at += to.size();
  }
}

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool IsInitial(const std::string& token) { return token.size() == 1; }

// An initial in the shorter name stands for any token it begins.
bool TokenCouldBe(const std::string& shorter_token, const std::string& longer_token) {
  if (shorter_token == longer_token) return true;
  return IsInitial(shorter_token) && !longer_token.empty() && longer_token[0] == shorter_token[0];
}

class DisjointSets {
 public:
  explicit DisjointSets(size_t n) : parent_(n) {
    for (size_t i = 0; i < n; ++i) parent_[i] = static_cast<uint32_t>(i);
  }
  size_t Find(size_t i) {
    while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
    return i;
  }
  // True when the two were apart.
  bool Union(size_t a, size_t b) {
    a = Find(a);
    b = Find(b);
    if (a == b) return false;
    parent_[std::max(a, b)] = static_cast<uint32_t>(std::min(a, b));
    return true;
  }
  // Puts `i`, alone in its set so far, in the set of `root`, a root no greater than `i`.
  void Attach(size_t i, size_t root) { parent_[i] = static_cast<uint32_t>(root); }
  // Each item's root (its set's smallest item), the sets given up. No
  // item's parent is greater than the item, so in increasing order each
  // parent's root is known already: one pass in place. Writing the roots
  // to an array of their own beside this one, both huge-page aligned, put
  // each store 4 KB apart from the next load: the processor took the load
  // for one depending on the store, and the pass ran 7 times as long (0.075
  // s at a million articles).
  LargeVector<uint32_t> Roots() && {
    for (size_t i = 0; i < parent_.size(); ++i) parent_[i] = parent_[parent_[i]];
    return std::move(parent_);
  }

 private:
  // Read in scattered order: huge pages, and 32 bits an item (observations
  // are numbered so already, GraphBuilder's serials).
  LargeVector<uint32_t> parent_;
};

// The state of one resolution: the sets, and the log when explaining.
class Resolver {
 public:
  Resolver(const ResolverInput& input, bool explain)
      : input_(input), obs_(input.observations), sets_(obs_.size()), explain_(explain) {}

  void Link(size_t from, size_t to, ResolutionRule rule) {
    if (sets_.Union(from, to) && explain_) log_.links.push_back(ResolutionLink{from, to, rule});
  }
  void Miss(size_t observation, size_t candidate, std::string reason) {
    if (explain_) log_.near_misses.push_back(NearMiss{observation, candidate, std::move(reason)});
  }
  // A link made in sets of its own (a surname block's), for the log.
  void Log(size_t from, size_t to, ResolutionRule rule) { log_.links.push_back(ResolutionLink{from, to, rule}); }
  // Puts `observation` in the cluster of `root`, its smallest observation, as decided elsewhere.
  void Attach(size_t observation, size_t root) { sets_.Attach(observation, root); }
  // Links every member of each group to its first.
  template <typename Key>
  void LinkGroups(const std::map<Key, std::vector<size_t>>& groups, ResolutionRule rule) {
    for (const auto& [key, members] : groups)
      for (size_t m : members) Link(m, members[0], rule);
  }
  size_t Find(size_t i) { return sets_.Find(i); }
  bool explain() const { return explain_; }
  std::span<const NameObservation> obs() const { return obs_; }
  const ResolverInput& input() const { return input_; }

  Resolution Finish() && {
    log_.cluster = std::move(sets_).Roots();
    return std::move(log_);
  }

 private:
  const ResolverInput& input_;
  std::span<const NameObservation> obs_;
  DisjointSets sets_;
  bool explain_;
  Resolution log_;
};

// A person observation as the person phase reads it, copied once, in
// observation order, into its surname block's run of one array: a block is
// then resolved from its own few hundred bytes. Read through the
// observations and the resolver's sets in block order, each person was a
// few cache and TLB misses (story, offices, set), scattered over arrays far
// larger than the caches once a corpus outgrew them.
struct PersonRecord {
  uint64_t story = 0;
  uint32_t observation = 0;
  int year = 0;
  uint32_t full_name = 0;  // the number of its full name within the block; kAlone for a surname alone
  uint32_t office_count = 0;
  OfficeSighting first_office;  // its office when it has one (nearly always; more are read from the observation)
};
constexpr uint32_t kAlone = std::numeric_limits<uint32_t>::max();

// The persons of one folded surname, the unit within which persons are
// compared: their records in observation order (so that positions order as
// observations do, and a cluster's smallest position is its root), the
// tokens of its full names in token order, and the block's own sets, handed
// to the resolver once the block is decided (no person links across blocks).
class SurnameBlock {
 public:
  SurnameBlock(std::span<const PersonRecord> people, std::span<const std::vector<std::string>> full_names, Resolver* r)
      : people_(people), full_names_(full_names), name_start_(full_names.size() + 1, 0), sets_(people.size()), r_(r) {
    for (const PersonRecord& p : people)
      if (p.full_name != kAlone) ++name_start_[p.full_name + 1];
    for (size_t k = 0; k < full_names.size(); ++k) name_start_[k + 1] += name_start_[k];
    by_name_.resize(name_start_.back());
    std::vector<uint32_t> next(name_start_.begin(), name_start_.end() - 1);
    for (uint32_t i = 0; i < people.size(); ++i) {
      if (people[i].full_name == kAlone) {
        alone_.emplace_back(people[i].story, i);
      } else {
        by_name_[next[people[i].full_name]++] = i;
      }
    }
    std::sort(alone_.begin(), alone_.end());
  }

  size_t full_name_count() const { return full_names_.size(); }
  const std::vector<std::string>& Tokens(size_t full_name) const { return full_names_[full_name]; }
  // The persons named so, in observation order.
  std::span<const uint32_t> Members(size_t full_name) const {
    return {by_name_.data() + name_start_[full_name], name_start_[full_name + 1] - name_start_[full_name]};
  }
  // The surname alone: (story, person), sorted, so that each story's persons are one run.
  const std::vector<std::pair<uint64_t, uint32_t>>& alone() const { return alone_; }
  const PersonRecord& person(size_t i) const { return people_[i]; }
  std::span<const OfficeSighting> Offices(size_t i) const {
    const PersonRecord& p = people_[i];
    if (p.office_count <= 1) return {&p.first_office, p.office_count};
    return r_->input().OfficesOf(r_->obs()[p.observation]);
  }

  bool explain() const { return r_->explain(); }
  void Link(size_t from, size_t to, ResolutionRule rule) {
    if (sets_.Union(from, to) && r_->explain()) r_->Log(people_[from].observation, people_[to].observation, rule);
  }
  void Miss(size_t person, size_t candidate, std::string reason) {
    if (r_->explain()) r_->Miss(people_[person].observation, people_[candidate].observation, std::move(reason));
  }
  size_t Find(size_t i) { return sets_.Find(i); }
  // Hands the block's clusters to the resolver.
  void Commit() {
    for (size_t i = 0; i < people_.size(); ++i) r_->Attach(people_[i].observation, people_[sets_.Find(i)].observation);
  }

 private:
  std::span<const PersonRecord> people_;
  std::span<const std::vector<std::string>> full_names_;
  std::vector<uint32_t> name_start_, by_name_;  // each full name's persons, a counting sort
  std::vector<std::pair<uint64_t, uint32_t>> alone_;
  DisjointSets sets_;
  Resolver* r_;
};

// Calls visit(story, persons) for each story's run of `alone` (sorted).
template <typename Visit>
void ForEachStory(const std::vector<std::pair<uint64_t, uint32_t>>& alone, Visit&& visit) {
  std::vector<size_t> members;
  for (size_t i = 0; i < alone.size();) {
    members.clear();
    size_t j = i;
    for (; j < alone.size() && alone[j].first == alone[i].first; ++j) members.push_back(alone[j].second);
    visit(alone[i].first, members);
    i = j;
  }
}

// Full names with the same folded tokens are one person; a full name that
// could only be a short form of one fuller name joins it. A name that could
// shorten two ("Ali Khan": Imran Ali Khan, Liaquat Ali Khan) stays apart.
void ResolveFullNames(SurnameBlock* block) {
  const size_t n = block->full_name_count();
  for (size_t k = 0; k < n; ++k) {
    const std::span<const uint32_t> members = block->Members(k);
    for (uint32_t m : members) block->Link(m, members[0], ResolutionRule::kSameName);
  }
  std::vector<bool> maximal(n, true);
  for (size_t a = 0; a < n; ++a)
    for (size_t b = 0; b < n && maximal[a]; ++b)
      if (CouldBeShortFormOf(block->Tokens(a), block->Tokens(b))) maximal[a] = false;
  for (size_t a = 0; a < n; ++a) {
    if (maximal[a]) continue;
    std::vector<size_t> fuller;
    for (size_t b = 0; b < n; ++b)
      if (maximal[b] && CouldBeShortFormOf(block->Tokens(a), block->Tokens(b))) fuller.push_back(b);
    const size_t shorter = block->Members(a)[0];
    if (fuller.size() == 1) {
      block->Link(shorter, block->Members(fuller[0])[0], ResolutionRule::kShortForm);
      continue;
    }
    for (size_t b : fuller) block->Miss(shorter, block->Members(b)[0], "could shorten more than one fuller name");
  }
}

// Offices of the full-named persons of one block, as sorted lists of
// (title, state, year, cluster root): by title and state, and by state
// alone (title 0). Symbols are compared by id: only equality matters.
struct Holding {
  uint32_t title;
  uint32_t state;
  int year;
  size_t root;
  auto operator<=>(const Holding&) const = default;
};
struct OfficeIndex {
  std::vector<Holding> by_title;
  std::vector<Holding> by_state;
};

OfficeIndex IndexOffices(SurnameBlock* block) {
  OfficeIndex index;
  for (size_t k = 0; k < block->full_name_count(); ++k)
    for (uint32_t m : block->Members(k))
      for (const OfficeSighting& office : block->Offices(m))
        if (office.year != 0 && !office.state_code.empty()) {
          index.by_title.push_back(Holding{office.title_key.id(), office.state_code.id(), office.year, block->Find(m)});
          index.by_state.push_back(Holding{0, office.state_code.id(), office.year, block->Find(m)});
        }
  for (std::vector<Holding>* list : {&index.by_title, &index.by_state}) {
    std::sort(list->begin(), list->end());
    list->erase(std::unique(list->begin(), list->end()), list->end());
  }
  return index;
}

// The roots `index` holds for (title, state) within two years of `year`; at
// any time when `year` is 0 (an undated article cannot disagree on time).
// Only whether there is one matters, so the search stops past `enough`
// (unless every one is wanted, to explain): a block that grows with the
// corpus would otherwise make each lookup grow with it.
// `out` is a sorted list of distinct roots (few: one, or more than one),
// not a std::set: a node allocated per story was a scattered write each.
void AddHoldersNear(const std::vector<Holding>& index, Symbol title, Symbol state, int year, size_t enough,
                    std::vector<size_t>* out) {
  const int from = year == 0 ? std::numeric_limits<int>::min() : year - 2;
  auto it = std::lower_bound(index.begin(), index.end(), Holding{title.id(), state.id(), from, 0});
  for (; it != index.end() && it->title == title.id() && it->state == state.id() && (year == 0 || it->year <= year + 2);
       ++it) {
    auto at = std::lower_bound(out->begin(), out->end(), it->root);
    if (at == out->end() || *at != it->root) out->insert(at, it->root);
    if (out->size() > enough) return;
  }
}

// The states each story names (by ISO code), for every block to look up:
// two parallel sorted lists rather than a set per story.
class StoryStates {
 public:
  // Of the stories in `wanted` (sorted) only: few surnames alone go without a title.
  StoryStates(std::span<const NameObservation> obs, const std::vector<uint64_t>& wanted) {
    if (wanted.empty()) return;
    std::vector<std::pair<uint64_t, Symbol>> pairs;
    for (const NameObservation& o : obs)
      if (o.type == EntityType::kCountry && !o.code.empty() && std::binary_search(wanted.begin(), wanted.end(), o.story))
        pairs.emplace_back(o.story, o.code);
    auto by_id = [](const auto& a, const auto& b) {
      return std::pair(a.first, a.second.id()) < std::pair(b.first, b.second.id());
    };
    std::sort(pairs.begin(), pairs.end(), by_id);
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    stories_.reserve(pairs.size());
    codes_.reserve(pairs.size());
    for (const auto& [story, code] : pairs) {
      stories_.push_back(story);
      codes_.push_back(code);
    }
  }
  std::span<const Symbol> Of(uint64_t story) const {
    auto [first, last] = std::equal_range(stories_.begin(), stories_.end(), story);
    return {codes_.data() + (first - stories_.begin()), static_cast<size_t>(last - first)};
  }

 private:
  std::vector<uint64_t> stories_;
  std::vector<Symbol> codes_;
};

// A surname alone names, within its story, the one full-named person of the
// story with that surname; failing that, the one full-named person anywhere
// who holds the same title of the same state within two years; failing a
// title, the one in office within two years in a state the story names.
// Decided per story, so an article and its copies decide alike.
void ResolveSurnamesAlone(SurnameBlock* block, const StoryStates& story_states) {
  ForEachStory(block->alone(), [&](uint64_t, const std::vector<size_t>& members) {
    for (size_t m : members) block->Link(m, members[0], ResolutionRule::kSameStory);
  });
  if (block->full_name_count() == 0 || block->alone().empty()) return;
  std::vector<std::pair<uint64_t, size_t>> roots_by_story;  // full-named persons of each story, sorted
  for (size_t k = 0; k < block->full_name_count(); ++k)
    for (uint32_t m : block->Members(k)) roots_by_story.emplace_back(block->person(m).story, block->Find(m));
  std::sort(roots_by_story.begin(), roots_by_story.end());
  roots_by_story.erase(std::unique(roots_by_story.begin(), roots_by_story.end()), roots_by_story.end());
  const OfficeIndex offices = IndexOffices(block);

  ForEachStory(block->alone(), [&](uint64_t story, const std::vector<size_t>& members) {
    const size_t alone = members[0];
    auto in_story = std::lower_bound(roots_by_story.begin(), roots_by_story.end(), std::pair<uint64_t, size_t>{story, 0});
    auto in_story_end = in_story;
    while (in_story_end != roots_by_story.end() && in_story_end->first == story) ++in_story_end;
    if (in_story != in_story_end) {
      if (in_story_end - in_story == 1) {
        block->Link(alone, in_story->second, ResolutionRule::kSurnameInStory);
      } else {
        for (auto it = in_story; it != in_story_end; ++it)
          block->Miss(alone, it->second, "the same article names more than one person so");
      }
      return;
    }
    std::vector<size_t> candidates;
    const size_t enough = block->explain() ? SIZE_MAX - 1 : 1;  // one, or more than one
    bool titled = false;
    for (size_t m : members) {
      for (const OfficeSighting& office : block->Offices(m)) {
        titled = true;
        AddHoldersNear(offices.by_title, office.title_key, office.state_code, office.year, enough, &candidates);
      }
    }
    if (!titled)
      for (Symbol state : story_states.Of(story))
        AddHoldersNear(offices.by_state, Symbol(), state, block->person(alone).year, enough, &candidates);
    if (candidates.size() == 1) {
      block->Link(alone, candidates.front(), titled ? ResolutionRule::kSurnameByOffice : ResolutionRule::kSurnameByState);
    } else if (candidates.size() > 1) {
      for (size_t root : candidates) block->Miss(alone, root, "more than one full name holds that office then");
    } else if (block->explain()) {
      for (size_t k = 0; k < block->full_name_count(); ++k)
        block->Miss(alone, block->Members(k)[0], "no office or state in common within 2 years, and not in the same article");
    }
  });
}

// Full names of one block that stay different people: listed for explain,
// each against the next, so that the list grows with the block, not its square.
void NoteDifferentPersons(SurnameBlock* block) {
  size_t previous = SIZE_MAX;
  for (size_t k = 0; k < block->full_name_count(); ++k) {
    const size_t m = block->Members(k)[0];
    if (previous != SIZE_MAX && block->Find(previous) != block->Find(m)) {
      block->Miss(m, previous, "same surname, different given names");
      block->Miss(previous, m, "same surname, different given names");
    }
    previous = m;
  }
}

void ResolvePersons(Resolver* r) {
  const auto& obs = r->obs();
  // Distinct names numbered as first met: a corpus names the same persons
  // over and over, so each name is folded and placed in its block once.
  SymbolNumbering names;
  LargeVector<uint32_t> name_numbers;  // of the person observations, in observation order
  LargeVector<uint32_t> persons;       // the person observations
  auto nothing = [](size_t) {};
  FetchingAhead(obs.size(), nothing, [&](size_t i) { if (obs[i].type == EntityType::kPerson) names.Prefetch(obs[i].name); },
                [&](size_t i) {
                  if (obs[i].type != EntityType::kPerson) return;
                  persons.push_back(static_cast<uint32_t>(i));
                  name_numbers.push_back(names.Insert(obs[i].name).first);
                });
  names.ForgetIndex();
  // Each name's block and full name: the names sorted by (surname, alone,
  // tokens), a block being a run of one surname and its full names in token
  // order. Blocks may come in any order, so the names are sorted by their
  // surname's hash first, as 16-byte keys, and only each run of one hash
  // (a surname's few names) by the whole order: the names' tokens lie on
  // the heap in the order the names were folded, and sorting the folded
  // names themselves compared the tokens of each surname's names, read in
  // hash order, a cache miss each once the corpus outgrew the caches (the
  // sort and the blocks took 15 and 30 times as long for 10 times the
  // articles). The runs' tokens are fetched ahead of their sorting.
  struct FoldedName {
    uint64_t surname_hash;
    std::vector<std::string> tokens;
    bool alone() const { return tokens.size() < 2; }
  };
  std::vector<FoldedName> folded(names.size());
  struct HashKey {
    uint64_t surname_hash;
    uint32_t name;
  };
  std::vector<HashKey> by_hash(names.size());
  for (uint32_t k = 0; k < names.size(); ++k) {
    folded[k].tokens = PersonNameTokens(names[k]);
    if (folded[k].tokens.empty()) folded[k].tokens.emplace_back();
    folded[k].surname_hash = HashText(folded[k].tokens.back());
    by_hash[k] = HashKey{folded[k].surname_hash, k};
  }
  std::sort(by_hash.begin(), by_hash.end(), [](const HashKey& a, const HashKey& b) { return a.surname_hash < b.surname_hash; });
  auto before = [&](const HashKey& x, const HashKey& y) {
    const FoldedName& a = folded[x.name];
    const FoldedName& b = folded[y.name];
    if (a.tokens.back() != b.tokens.back()) return a.tokens.back() < b.tokens.back();
    if (a.alone() != b.alone()) return b.alone();
    return a.tokens < b.tokens;
  };
  size_t fetched = 0;  // names whose tokens have been fetched ahead
  auto fetch_ahead = [&](size_t until) {
    for (; fetched < std::min(until, by_hash.size()); ++fetched) {
      if (fetched + kFetchAhead < by_hash.size()) __builtin_prefetch(&folded[by_hash[fetched + kFetchAhead].name]);
      __builtin_prefetch(folded[by_hash[fetched].name].tokens.data());
    }
  };
  std::vector<std::vector<std::string>> full_names;  // of every block, each block's in token order
  std::vector<uint32_t> block_full_names{0};         // where each block's start in full_names, and the end
  std::vector<uint32_t> block_of_name(names.size()), full_name_of_name(names.size());
  std::string surname;  // the block's (a full name's tokens are moved into full_names)
  for (size_t first = 0, last; first < by_hash.size(); first = last) {
    for (last = first + 1; last < by_hash.size() && by_hash[last].surname_hash == by_hash[first].surname_hash;) ++last;
    fetch_ahead(last + kFetchAhead);
    std::sort(by_hash.begin() + static_cast<std::ptrdiff_t>(first), by_hash.begin() + static_cast<std::ptrdiff_t>(last), before);
    for (size_t f = first; f < last; ++f) {
      const uint32_t k = by_hash[f].name;
      FoldedName& name = folded[k];
      if (f > 0 && (f == first || name.tokens.back() != surname)) block_full_names.push_back(static_cast<uint32_t>(full_names.size()));
      surname = name.tokens.back();
      block_of_name[k] = static_cast<uint32_t>(block_full_names.size() - 1);
      if (name.alone()) {
        full_name_of_name[k] = kAlone;
        continue;
      }
      if (full_names.size() == block_full_names.back() || full_names.back() != name.tokens) full_names.push_back(std::move(name.tokens));
      full_name_of_name[k] = static_cast<uint32_t>(full_names.size() - 1 - block_full_names.back());
    }
  }
  const size_t block_count = names.empty() ? 0 : block_full_names.size();
  block_full_names.push_back(static_cast<uint32_t>(full_names.size()));
  FreeBuffer(folded);
  FreeBuffer(by_hash);
  // The persons' records by block (a counting sort), each block's in observation order.
  std::vector<size_t> block_start(block_count + 1, 0);
  for (uint32_t number : name_numbers) ++block_start[block_of_name[number] + 1];
  for (size_t b = 0; b < block_count; ++b) block_start[b + 1] += block_start[b];
  LargeVector<PersonRecord> people(persons.size());
  {
    std::vector<size_t> next(block_start.begin(), block_start.end() - 1);
    // Each person's block, its next place there and its first office
    // (laid out in the builder's order, not this one) are scattered: fetched ahead.
    const std::span<const OfficeSighting> offices = r->input().offices;
    auto fetch_far = [&](size_t p) {
      __builtin_prefetch(&block_of_name[name_numbers[p]]);
      __builtin_prefetch(&full_name_of_name[name_numbers[p]]);
      __builtin_prefetch(offices.data() + obs[persons[p]].first_office);
    };
    auto fetch_near = [&](size_t p) { __builtin_prefetch(&people[next[block_of_name[name_numbers[p]]]], 1); };
    FetchingAhead(persons.size(), fetch_far, fetch_near, [&](size_t p) {
      const NameObservation& o = obs[persons[p]];
      PersonRecord& record = people[next[block_of_name[name_numbers[p]]]++];
      record = PersonRecord{o.story, persons[p], o.year, full_name_of_name[name_numbers[p]],
                            o.office_count, o.office_count == 0 ? OfficeSighting{} : offices[o.first_office]};
    });
  }
  FreeBuffer(persons);
  FreeBuffer(name_numbers);
  // The stories whose surnames alone may need the states they name: those
  // without a title, in a block with full names to choose from.
  std::vector<uint64_t> untitled_stories;
  for (size_t b = 0; b < block_count; ++b) {
    if (block_full_names[b] == block_full_names[b + 1]) continue;
    for (size_t p = block_start[b]; p < block_start[b + 1]; ++p)
      if (people[p].full_name == kAlone && people[p].office_count == 0) untitled_stories.push_back(people[p].story);
  }
  std::sort(untitled_stories.begin(), untitled_stories.end());
  untitled_stories.erase(std::unique(untitled_stories.begin(), untitled_stories.end()), untitled_stories.end());
  const StoryStates story_states(obs, untitled_stories);
  for (size_t b = 0; b < block_count; ++b) {
    SurnameBlock block(std::span<const PersonRecord>(people.data() + block_start[b], block_start[b + 1] - block_start[b]),
                       std::span<const std::vector<std::string>>(full_names.data() + block_full_names[b],
                                                                 block_full_names[b + 1] - block_full_names[b]),
                       r);
    ResolveFullNames(&block);
    // After the block's full names: a surname alone looks at final clusters.
    ResolveSurnamesAlone(&block, story_states);
    if (block.explain()) NoteDifferentPersons(&block);
    block.Commit();
  }
}

// The names an observation of a state goes by, agency tags left out.
std::vector<std::string> StateNames(const ResolverInput& input, const NameObservation& o) {
  std::vector<std::string> names{NameKey(o.name)};
  for (Symbol mention : input.MentionsOf(o))
    if (!IsAgencyTag(mention)) names.push_back(NameKey(mention));
  return names;
}

// Countries are one entity per ISO code. A country seen without a code joins
// the coded one whose names include it, unless two codes claim that name.
void ResolveCountries(Resolver* r) {
  std::map<Symbol, std::vector<size_t>> by_code;
  std::map<std::string, std::vector<size_t>> by_name;
  std::map<std::string, std::set<Symbol>> codes_by_name;
  const auto& obs = r->obs();
  for (size_t i = 0; i < obs.size(); ++i) {
    if (obs[i].type != EntityType::kCountry) continue;
    if (obs[i].code.empty()) {
      by_name[NameKey(obs[i].name)].push_back(i);
      continue;
    }
    by_code[obs[i].code].push_back(i);
    for (std::string& name : StateNames(r->input(), obs[i])) codes_by_name[std::move(name)].insert(obs[i].code);
  }
  r->LinkGroups(by_code, ResolutionRule::kCountryCode);
  r->LinkGroups(by_name, ResolutionRule::kSameName);
  for (const auto& [name, members] : by_name) {
    auto claims = codes_by_name.find(name);
    if (claims == codes_by_name.end()) continue;
    if (claims->second.size() == 1) {
      r->Link(members[0], by_code.at(*claims->second.begin())[0], ResolutionRule::kCountryName);
    } else {
      for (Symbol code : claims->second) r->Miss(members[0], by_code.at(code)[0], "more than one state goes by that name");
    }
  }
}

// Other types: one entity per type and NameKey.
void ResolveByName(Resolver* r) {
  std::map<std::pair<EntityType, std::string>, std::vector<size_t>> groups;
  const auto& obs = r->obs();
  for (size_t i = 0; i < obs.size(); ++i)
    if (obs[i].type != EntityType::kPerson && obs[i].type != EntityType::kCountry)
      groups[{obs[i].type, NameKey(obs[i].name)}].push_back(i);
  r->LinkGroups(groups, ResolutionRule::kSameName);
}

// An organization one article names only by its acronym ("OSCE") is the
// one another article names in full with that acronym among its mentions,
// unless two different full names claim the acronym.
void ResolveAcronyms(Resolver* r) {
  std::map<Symbol, std::vector<size_t>> named_by_acronym;
  std::map<Symbol, std::map<std::string, size_t>> claims;  // acronym -> full name key -> an observation
  const auto& obs = r->obs();
  for (size_t i = 0; i < obs.size(); ++i) {
    if (obs[i].type != EntityType::kOrganization) continue;
    if (IsAcronym(obs[i].name)) {
      named_by_acronym[obs[i].name].push_back(i);
      continue;
    }
    for (Symbol mention : r->input().MentionsOf(obs[i]))
      if (IsAcronym(mention)) claims[mention].emplace(NameKey(obs[i].name), i);
  }
  for (const auto& [acronym, members] : named_by_acronym) {
    auto claim = claims.find(acronym);
    if (claim == claims.end()) continue;
    if (claim->second.size() == 1) {
      r->Link(members[0], claim->second.begin()->second, ResolutionRule::kAcronym);
    } else {
      for (const auto& [full_name, o] : claim->second) r->Miss(members[0], o, "more than one full name lists that acronym");
    }
  }
}

}  // namespace

std::string_view ResolutionRuleName(ResolutionRule rule) {
  switch (rule) {
    case ResolutionRule::kSameName: return "same name once folded (spelling, accents, honorifics, particles)";
    case ResolutionRule::kShortForm: return "short form of exactly one fuller name";
    case ResolutionRule::kSurnameInStory: return "surname alone, full name in the same article";
    case ResolutionRule::kSurnameByOffice: return "surname alone, the one full name with its title and state within 2 years";
    case ResolutionRule::kSurnameByState: return "surname alone, the one full name in office in a state the article names, within 2 years";
    case ResolutionRule::kSameStory: return "surname alone, again in the same article or a copy of it";
    case ResolutionRule::kCountryCode: return "same ISO code";
    case ResolutionRule::kCountryName: return "a state's name only one ISO code goes by";
    case ResolutionRule::kAcronym: return "acronym listed by exactly one full name";
  }
  return "";
}

Resolution ResolveEntities(const ResolverInput& input, bool explain) {
  Resolver r(input, explain);
  ResolvePersons(&r);
  ResolveCountries(&r);
  ResolveByName(&r);
  ResolveAcronyms(&r);
  return std::move(r).Finish();
}

uint64_t HashText(std::string_view text, uint64_t seed) {
  uint64_t h = 1469598103934665603ull ^ seed;  // FNV-1a
  for (unsigned char c : text) h = (h ^ c) * 1099511628211ull;
  return h;
}

uint64_t StoryFingerprint(std::vector<uint64_t> part_hashes) { return StoryFingerprintInPlace(part_hashes); }

uint64_t StoryFingerprintInPlace(std::span<uint64_t> part_hashes) {
  std::sort(part_hashes.begin(), part_hashes.end());
  const auto last = std::unique(part_hashes.begin(), part_hashes.end());
  uint64_t h = 1469598103934665603ull;
  for (auto part = part_hashes.begin(); part != last; ++part) h = (h ^ *part) * 1099511628211ull;
  return h;
}

bool IsAcronym(std::string_view s) {
  if (s.size() < 2 || s.size() > 10) return false;
  size_t capitals = 0;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') ++capitals;
    else if (c < '0' || c > '9') return false;
  }
  return capitals >= 2;
}

bool IsAgencyTag(std::string_view mention) {
  return mention.size() >= 4 && mention.front() == '(' && mention.back() == ')' &&
         IsAcronym(mention.substr(1, mention.size() - 2));
}

std::string TransliterationKey(std::string_view token) {
  std::string t;
  for (char c : token)
    if (t.empty() || t.back() != c || !(c >= 'a' && c <= 'z')) t.push_back(c);  // doubled letters: Mohammed, Mohamed
  for (const auto& [from, to] : PersonNameFolds::InUse().spelling_folds()) ReplaceAll(&t, from, to);
  // Russian -ий/-ый endings: Dmitriy, Dmitrii, Dmitry, Dmitri.
  if (t.size() > 3 && (EndsWith(t, "iy") || EndsWith(t, "ii"))) {
    t.pop_back();
  } else if (t.size() > 2 && t.back() == 'y') {
    t.back() = 'i';
  }
  return t;
}

std::vector<std::string> PersonNameTokens(std::string_view name) {
  std::vector<std::string> words;
  const std::string key = NameKey(name);
  for (std::string_view word : Split(key, ' '))
    if (!word.empty()) words.emplace_back(word);
  // Honorifics lead; particles stand before a part of the name.
  const PersonNameFolds& folds = PersonNameFolds::InUse();
  size_t first = 0;
  while (first + 1 < words.size() && folds.IsHonorific(words[first])) ++first;
  std::vector<std::string> tokens;
  for (size_t i = first; i < words.size(); ++i) {
    if (i + 1 < words.size() && folds.IsParticle(words[i])) continue;
    tokens.push_back(TransliterationKey(words[i]));
  }
  return tokens;
}

bool CouldBeShortFormOf(const std::vector<std::string>& shorter, const std::vector<std::string>& longer) {
  if (shorter.empty() || shorter.size() > longer.size() || shorter == longer) return false;
  // The surname must be spelled out and identical: "J. Zarif" may be
  // "Javad Zarif", but "Javad Z." says too little.
  if (IsInitial(shorter.back()) || shorter.back() != longer.back()) return false;
  size_t j = 0;
  for (size_t i = 0; i + 1 < shorter.size(); ++i) {
    while (j + 1 < longer.size() && !TokenCouldBe(shorter[i], longer[j])) ++j;
    if (j + 1 >= longer.size()) return false;
    ++j;
  }
  return true;
}

}  // namespace irkg
