// Coreference of names inside one article: the mentions that name the same
// thing become one entity. Dictionary names meet at their entry (so
// "Azerbaijani", "Azerbaijan" and "Republic of Azerbaijan" are one
// country); a surname alone joins the person named in full
// ("Khalafov" -> "Ilze Ozola"); a shorter name of a body joins the
// fuller one it is part of ("Cultural Centre" -> "Cultural Centre of the
// Republic of Latvia"). Pronouns, role nouns and group phrases are
// resolved later, by the relation rules, where their context is known.
#include <algorithm>
#include <cstdint>
#include <deque>
#include <map>
#include <tuple>
#include <unordered_map>

#include "core/text.h"
#include "extract/document.h"
#include "extract/word_index.h"

namespace irkg::internal {
namespace {

// The folded words of the article's names as numbers, each distinct word
// once (a name's words are compared, looked up and listed below as
// numbers: sets and maps of strings, and a string per word of every name,
// were most of coreference's cost).
class WordIds {
 public:
  WordIds() { index_.Clear(0); }
  // FoldName's words of `name`, in order.
  std::vector<uint32_t> Words(std::string_view name) {
    std::vector<uint32_t> out;
    // (kept: the index's words are views of it)
    const std::string& key = keys_.emplace_back(FoldName(name));
    size_t i = 0;
    while (i < key.size()) {
      size_t j = key.find(' ', i);
      if (j == std::string::npos) j = key.size();
      bool added;
      uint64_t hash;
      out.push_back(index_.Add(std::string_view(key).substr(i, j - i), &added, &hash));
      i = j + 1;
    }
    return out;
  }
  // The number of a folded word, or kNone for a word no name has.
  static constexpr uint32_t kNone = WordIndex::kNone;
  uint32_t Find(std::string_view word) const { return index_.Find(word); }
  std::string_view Text(uint32_t id) const { return index_.Word(id); }
  size_t size() const { return index_.size(); }

 private:
  // The folded names, whose words the index numbers (open addressing over
  // one array, where a hash map allocated a node a word); a deque, so that
  // a name kept does not move.
  std::deque<std::string> keys_;
  WordIndex index_;
};

// The head word of a name: the last before "of" ("Centre" in "Cultural
// Centre of the Republic of Hungary"), else the last.
uint32_t Head(const std::vector<uint32_t>& words, uint32_t of) {
  for (size_t i = 1; i < words.size(); ++i)
    if (words[i] == of) return words[i - 1];
  return words.back();
}

// Words(name).size() without building the words: FoldName puts exactly one
// space between words and none at either end.
int WordCount(std::string_view name) {
  std::string key = FoldName(name);
  return key.empty() ? 0 : 1 + static_cast<int>(std::count(key.begin(), key.end(), ' '));
}

// Words that say nothing about which body is meant.
bool Filler(std::string_view w) {
  return w == "the" || w == "of" || w == "new" || w == "in" || w == "and" || w == "republic";
}

// A word of a name as coreference compares it: a state's name or demonym
// becomes the state ("Hungarian" and "Hungary" alike), other words stay.
// As a number: the word's own (WordIds), or kState with the state's
// dictionary entry (no folded word has that bit: an article has fewer
// words). `matches` is the caller's room, reused from word to word.
constexpr uint32_t kState = 1u << 31;
uint32_t Comparable(const Dictionary& dict, const WordIds& words, uint32_t word, std::vector<FormMatch>* matches) {
  uint32_t key = dict.KeyOf(words.Text(word));
  if (key == 0) return word;
  std::string_view exact;  // folded words are lower case: only case-blind forms match
  if (dict.LongestMatch(&key, &exact, 1, matches) != 1) return word;
  for (const auto& m : *matches)
    if (m.kind == EntryKind::kCountry) return kState | static_cast<uint32_t>(m.entry);
  return word;
}

// What makes mentions one entity: the dictionary entry and the type they
// name, or (no entry) the type and the folded name. A struct, not a string
// such as "D12:Country" built for every mention.
struct EntityKey {
  int dict_entry = -1;
  EntityType type = EntityType::kPerson;
  std::string name;
  bool operator<(const EntityKey& o) const {
    return std::tie(dict_entry, type, name) < std::tie(o.dict_entry, o.type, o.name);
  }
};
using EntityKeys = std::map<EntityKey, int>;  // key -> entity

}  // namespace

// A state named inside another name ("Chilean" in "Chilean Foreign
// Ministry", "Azerbaijan" in "Chile-Norway University") is mentioned
// there too: the article speaks of it. These nested mentions join the
// state's entity (made if the article names it nowhere else); they are not
// in mention_at, so relation rules still see the outer name.
void AddNestedStates(Document& d, EntityKeys& by_key) {
  size_t outer_count = d.mentions.size();
  std::vector<FormMatch> matches;
  for (size_t k = 0; k < outer_count; ++k) {
    const Mention outer = d.mentions[k];
    // not places: "South China Sea" and "Taiwan Strait" do not speak of the states
    if (outer.type == EntityType::kCountry || outer.type == EntityType::kPerson || outer.type == EntityType::kLocation ||
        outer.entity < 0)
      continue;
    for (uint32_t i = outer.first; i < outer.last; ++i) {
      size_t len = d.dict->LongestMatch(&d.tokens[i].key, &d.token_text[i], outer.last - i, &matches);
      const FormMatch* state = nullptr;
      for (const auto& fm : matches)
        if (len > 0 && d.dict->entries()[fm.entry].kind == EntryKind::kCountry && fm.form != FormKind::kCapital) state = &fm;
      if (!state) continue;
      // the outer name must be more than the state's own name
      if (i == outer.first && i + len == outer.last) break;
      const DictEntry& e = d.dict->entries()[state->entry];
      Mention m;
      m.first = i;
      m.last = i + static_cast<uint32_t>(len);
      m.type = EntityType::kCountry;
      m.form = state->form == FormKind::kAdjective ? MentionForm::kAdjective : MentionForm::kName;
      m.name = e.canonical;
      m.code = e.code;
      m.dict_entry = static_cast<int>(state->entry);
      EntityKey key{m.dict_entry, EntityType::kCountry, {}};
      auto it = by_key.find(key);
      if (it == by_key.end()) {
        EntityInfo info;
        info.name = e.canonical;
        info.type = EntityType::kCountry;
        info.code = e.code;
        info.dict_entry = m.dict_entry;
        d.entities.push_back(std::move(info));
        it = by_key.emplace(key, static_cast<int>(d.entities.size() - 1)).first;
      }
      m.entity = it->second;
      d.entities[m.entity].mentions.push_back(static_cast<int>(d.mentions.size()));
      d.mentions.push_back(std::move(m));
      i += static_cast<uint32_t>(len) - 1;
    }
  }
  // keep each entity's mentions in text order
  for (auto& e : d.entities)
    std::sort(e.mentions.begin(), e.mentions.end(),
              [&](int a, int b) { return d.mentions[a].first < d.mentions[b].first; });
}

void ResolveCoreference(Document* doc) {
  Document& d = *doc;
  EntityKeys by_key;
  auto new_entity = [&](const Mention& m) {
    EntityInfo e;
    e.name = m.name;
    e.where_words = m.where_words;
    e.type = m.type;
    e.subtype = m.subtype;
    e.code = m.code;
    e.dict_entry = m.dict_entry;
    d.entities.push_back(std::move(e));
    return static_cast<int>(d.entities.size() - 1);
  };

  // Full names first, so that short names can find them wherever they are.
  for (size_t k = 0; k < d.mentions.size(); ++k) {
    Mention& m = d.mentions[k];
    if (m.form == MentionForm::kShortName) continue;
    EntityKey key;
    key.type = m.type;
    if (m.dict_entry >= 0 && m.type != EntityType::kPerson)
      key.dict_entry = m.dict_entry;
    else
      key.name = NameKey(m.name);
    auto it = by_key.find(key);
    if (it == by_key.end()) it = by_key.emplace(key, new_entity(m)).first;
    m.entity = it->second;
  }

  // Short person names: the full name that contains the word, nearest before, else after.
  WordIds ids;
  std::vector<std::vector<uint32_t>> words_of(d.entities.size());
  for (size_t e = 0; e < d.entities.size(); ++e)
    if (d.entities[e].type == EntityType::kPerson) words_of[e] = ids.Words(d.entities[e].name);
  // The full-name mentions each word appears in, in text order: a scan of
  // all mentions per short name was quadratic in the article's length.
  std::vector<std::vector<size_t>> full_names_with(ids.size());  // word -> mentions
  for (size_t j = 0; j < d.mentions.size(); ++j) {
    const Mention& o = d.mentions[j];
    if (o.type != EntityType::kPerson || o.form != MentionForm::kName || o.entity < 0) continue;
    for (uint32_t w : words_of[o.entity]) {
      auto& list = full_names_with[w];
      if (list.empty() || list.back() != j) list.push_back(j);
    }
  }
  for (size_t k = 0; k < d.mentions.size(); ++k) {
    Mention& m = d.mentions[k];
    if (m.form != MentionForm::kShortName) continue;
    std::string word = NameKey(m.name);
    int best = -1;
    const uint32_t id = ids.Find(word);
    if (id < full_names_with.size() && !full_names_with[id].empty()) {
      const auto& list = full_names_with[id];
      auto after = std::lower_bound(list.begin(), list.end(), k);
      best = static_cast<int>(after == list.begin() ? list.front() : *(after - 1));
    }
    if (best >= 0) {
      m.entity = d.mentions[best].entity;
    } else {
      EntityKey key{-1, EntityType::kPerson, word};
      auto it = by_key.find(key);
      if (it == by_key.end()) it = by_key.emplace(key, new_entity(m)).first;
      m.entity = it->second;
    }
  }

  // Shorter names of bodies, places, agreements and projects join a fuller
  // name of the same type whose words contain theirs (countries named by
  // adjective count as the country's name).
  std::vector<int> remap(d.entities.size());
  for (size_t i = 0; i < remap.size(); ++i) remap[i] = static_cast<int>(i);
  // (each entity's significant words: sorted, once each)
  std::vector<std::vector<uint32_t>> significant(d.entities.size());
  std::vector<std::vector<uint32_t>> all_words(d.entities.size());
  std::vector<FormMatch> matches;
  for (size_t e = 0; e < d.entities.size(); ++e) {
    if (d.entities[e].type == EntityType::kPerson || d.entities[e].type == EntityType::kCountry) continue;
    all_words[e] = ids.Words(d.entities[e].name);
    // (what a body is, not where: "Chilean Embassy in Lima" is the "Embassy of Chile")
    all_words[e].resize(all_words[e].size() - std::min<size_t>(all_words[e].size(), d.entities[e].where_words));
    significant[e].reserve(all_words[e].size());
    for (uint32_t w : all_words[e])
      if (!Filler(ids.Text(w))) significant[e].push_back(Comparable(*d.dict, ids, w, &matches));
    std::sort(significant[e].begin(), significant[e].end());
    significant[e].erase(std::unique(significant[e].begin(), significant[e].end()), significant[e].end());
  }
  const uint32_t of = ids.Find("of");
  // A fuller name holds every significant word of the shorter one:
  // candidates are looked up by the shorter name's rarest word (and type),
  // not compared with every entity of the article nor with every name of
  // the same head (a long article names many "... Agreement"s).
  auto word_of_type = [](uint32_t w, EntityType type) { return uint64_t{w} << 8 | static_cast<uint64_t>(type); };
  std::unordered_map<uint64_t, std::vector<size_t>> with_word;
  for (size_t b = 0; b < d.entities.size(); ++b)
    if (!all_words[b].empty() && d.entities[b].dict_entry < 0)
      for (uint32_t w : significant[b]) with_word[word_of_type(w, d.entities[b].type)].push_back(b);
  const std::vector<size_t> none;
  for (size_t a = 0; a < d.entities.size(); ++a) {
    const EntityInfo& ea = d.entities[a];
    if (ea.dict_entry >= 0 || ea.type == EntityType::kPerson || ea.type == EntityType::kCountry) continue;
    const auto& wa = significant[a];
    if (wa.size() < 2) continue;
    // (any word's list serves: a fuller name holding them all is in each,
    // in the same order; the shortest is the fewest to try)
    const std::vector<size_t>* rarest = nullptr;
    for (uint32_t w : wa) {
      auto it = with_word.find(word_of_type(w, ea.type));
      const std::vector<size_t>* list = it == with_word.end() ? &none : &it->second;
      if (!rarest || list->size() < rarest->size()) rarest = list;
    }
    int target = -1;
    for (size_t b : *rarest) {
      const EntityInfo& eb = d.entities[b];
      if (a == b || eb.type != ea.type || eb.dict_entry >= 0) continue;
      if (all_words[b].size() <= all_words[a].size()) continue;
      const auto& wb = significant[b];
      bool subset = std::includes(wb.begin(), wb.end(), wa.begin(), wa.end());
      // the heads must agree: "Cultural Centre" is not "Centre Party"
      if (subset && Head(all_words[a], of) == Head(all_words[b], of)) {
        if (target < 0 || all_words[b].size() > all_words[target].size()) target = static_cast<int>(b);
      }
    }
    if (target >= 0) remap[a] = target;
  }
  // "Lula da Silva" after "Luiz Inácio Lula da Silva", "Kayode Mensah"
  // after "Ama Kayode Mensah": a person's name of two or more words that
  // ends the one fuller name of the article ending so is that person named
  // shorter, when the fuller name came first and the two never share a
  // sentence ("Ana Maria Silva met Maria Silva" names two people).
  words_of.resize(d.entities.size());  // (short names found no full name made entities since)
  std::vector<std::vector<uint32_t>> sentences_of(d.entities.size());  // in text order
  for (const Mention& m : d.mentions)
    if (m.entity >= 0 && m.form == MentionForm::kName && m.type == EntityType::kPerson) {
      auto& list = sentences_of[m.entity];
      uint32_t sentence = d.sentence_of[m.first];
      if (list.empty() || list.back() != sentence) list.push_back(sentence);
    }
  auto shorter_after = [&](size_t shorter, size_t fuller) {
    const auto& a = sentences_of[shorter];
    const auto& b = sentences_of[fuller];
    if (a.empty() || b.empty() || a.front() <= b.front()) return false;
    for (uint32_t sentence : a)
      if (std::binary_search(b.begin(), b.end(), sentence)) return false;
    return true;
  };
  std::unordered_map<uint32_t, std::vector<size_t>> persons_ending_with;
  for (size_t e = 0; e < d.entities.size(); ++e)
    if (d.entities[e].type == EntityType::kPerson && words_of[e].size() >= 3)
      persons_ending_with[words_of[e].back()].push_back(e);
  for (size_t a = 0; a < d.entities.size(); ++a) {
    const std::vector<uint32_t>& wa = words_of[a];
    if (d.entities[a].type != EntityType::kPerson || wa.size() < 2) continue;
    auto found = persons_ending_with.find(wa.back());
    if (found == persons_ending_with.end()) continue;
    int target = -1, fits = 0;
    for (size_t b : found->second) {
      const std::vector<uint32_t>& wb = words_of[b];
      if (b == a || wb.size() <= wa.size() || !std::equal(wa.begin(), wa.end(), wb.end() - wa.size())) continue;
      ++fits;
      if (shorter_after(a, b)) target = static_cast<int>(b);
    }
    if (fits == 1 && target >= 0) remap[a] = target;
  }
  for (auto& m : d.mentions)
    if (m.entity >= 0) {
      while (remap[m.entity] != m.entity) m.entity = remap[m.entity];
    }
  for (size_t k = 0; k < d.mentions.size(); ++k)
    if (d.mentions[k].entity >= 0) d.entities[d.mentions[k].entity].mentions.push_back(static_cast<int>(k));
  AddNestedStates(d, by_key);

  // A person's canonical name is the fullest one written; so is a body's or
  // a place's (SCHEMA.md), unless the text only uses an acronym, when the
  // dictionary's full name serves. Countries keep their common short name.
  for (auto& e : d.entities) {
    if (e.type == EntityType::kCountry) continue;
    bool dictionary = e.dict_entry >= 0 && e.type != EntityType::kPerson;
    std::string_view written;
    int written_words = 0;  // WordCount(written), kept rather than folded again per mention
    for (int k : e.mentions) {
      const Mention& m = d.mentions[k];
      if (m.form != MentionForm::kName) continue;
      std::string_view text = dictionary ? d.Span(m.first, m.last) : std::string_view(m.name);
      // the same name again (the usual case) changes nothing: no need to fold it
      if (text == written) continue;
      bool acronym = true;
      for (uint32_t i = m.first; i < m.last; ++i)
        if (d.tokens[i].shape == TokenShape::kWord && !d.tokens[i].upper) acronym = false;
      if (dictionary && acronym && !written.empty()) continue;
      int text_words = WordCount(text) - (dictionary ? 0 : m.where_words);
      if (text_words > written_words || (text_words == written_words && text.size() > written.size())) {
        written = text;
        written_words = text_words;
      }
    }
    // a dateline's "BEIJING" is Beijing: the dictionary's casing when the words are the same
    // (the same text, the usual case, needs no folding; nor no text)
    if (dictionary && !written.empty() && (written == e.name || NameKey(written) == NameKey(e.name))) written = {};
    if (!written.empty() && (e.type != EntityType::kPerson || written_words > WordCount(e.name))) e.name = written;
  }
}

}  // namespace irkg::internal
