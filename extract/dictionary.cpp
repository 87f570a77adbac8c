#include "extract/dictionary.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <span>
#include <unordered_map>
#include <unordered_set>

#include "core/text.h"
#include "extract/recent_lookups.h"
#include "extract/tokenizer.h"
#include "extract/word_index.h"

namespace irkg {
namespace fs = std::filesystem;

namespace {

struct KindName {
  EntryKind kind;
  std::string_view name;
};
constexpr KindName kKinds[] = {
    {EntryKind::kCountry, "Country"},     {EntryKind::kLocation, "Location"}, {EntryKind::kOrganization, "Organization"},
    {EntryKind::kTitle, "Title"},         {EntryKind::kGivenName, "GivenName"}, {EntryKind::kCue, "Cue"},
};

// What each kind of entry may say: its keys, and the subtypes it knows.
struct KindRules {
  EntryKind kind;
  std::string_view keys;      // space-separated
  std::string_view subtypes;  // space-separated; empty: any (no subtype= allowed)
};
constexpr KindRules kRules[] = {
    {EntryKind::kCountry, " alias adj code capital ", ""},
    {EntryKind::kLocation, " alias subtype in ", " city region sea strait river canal lake "},
    {EntryKind::kOrganization, " alias subtype in ",
     " international government company foundation education culture media embassy military party "},
    {EntryKind::kTitle, " alias subtype in ", " head minister diplomat org military party "},
    {EntryKind::kGivenName, " ", ""},
    {EntryKind::kCue, " words ", ""},
};

const KindRules& RulesOf(EntryKind kind) {
  for (const auto& r : kRules)
    if (r.kind == kind) return r;
  return kRules[0];
}

// True when `list` (" a b c ") holds the word `w`.
bool InList(std::string_view list, std::string_view w) {
  return !w.empty() && w.find(' ') == std::string_view::npos && list.find(" " + std::string(w) + " ") != std::string_view::npos;
}

// A terminal of the trie: the entry a form names, and for case-sensitive
// forms (acronyms) the exact token texts that must be seen.
struct Terminal {
  FormMatch match;
  std::vector<std::string> exact;
  bool needs_capital;
};

std::vector<std::string> SplitBar(std::string_view v) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i <= v.size()) {
    size_t j = v.find('|', i);
    if (j == std::string_view::npos) j = v.size();
    std::string item(v.substr(i, j - i));
    if (!item.empty()) out.push_back(item);
    i = j + 1;
  }
  return out;
}

// The plural of an office's name: its head noun takes the plural, and the
// head is the word before "of"/"for" when there is one ("Ministers of
// Defence"), else the last ("Foreign Ministers", "Spokesmen", "Secretaries").
std::string PluralOfOffice(const std::string& name) {
  size_t head_end = name.size();
  for (const char* link : {" of ", " for ", " to "})
    if (size_t at = name.find(link); at != std::string::npos) head_end = std::min(head_end, at);
  std::string head = name.substr(0, head_end), rest = name.substr(head_end);
  auto ends = [&](std::string_view suffix) {
    return head.size() >= suffix.size() && head.compare(head.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (head.empty() || !std::isalpha(static_cast<unsigned char>(head.back()))) return "";
  if (ends("man")) head.replace(head.size() - 3, 3, "men");
  else if (ends("y") && head.size() >= 2 && !std::strchr("aeiou", head[head.size() - 2])) head.replace(head.size() - 1, 1, "ies");
  else if (ends("s") || ends("sh") || ends("ch") || ends("x")) head += "es";
  else head += "s";
  return head + rest;
}

// A bar-separated list: no empty, space-padded or repeated item.
Status CheckItems(std::string_view value, const std::string& where) {
  std::vector<std::string_view> items;
  size_t i = 0;
  while (i <= value.size()) {
    size_t j = std::min(value.find('|', i), value.size());
    std::string_view item = value.substr(i, j - i);
    if (item.empty() || item.front() == ' ' || item.back() == ' ')
      return Status::InvalidInput(where + ": empty or space-padded item in \"" + std::string(value) + "\"");
    if (std::find(items.begin(), items.end(), item) != items.end())
      return Status::InvalidInput(where + ": \"" + std::string(item) + "\" is listed twice");
    items.push_back(item);
    i = j + 1;
  }
  return Status::Ok();
}

}  // namespace

// Lets the key table be searched with a string_view, without a copy.
struct TransparentHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct Dictionary::Impl {
  std::vector<DictEntry> entries;
  std::unordered_map<std::string, uint32_t, TransparentHash, std::equal_to<>> keys;  // folded token -> key
  std::unordered_map<uint64_t, uint32_t> edges;            // (node << 32 | key) -> child node
  std::vector<std::vector<Terminal>> terminals{1};         // per node
  std::unordered_map<std::string, int> by_kind_name;       // "kind\tcanonical" -> entry
  std::vector<CueMask> cue_masks;                          // token key -> its cue classes (single words)
  struct PhraseCue {
    std::vector<uint32_t> keys;
    int cue_class;
  };
  std::vector<PhraseCue> phrase_cues;                      // cues of two or more tokens
  std::unordered_map<uint32_t, std::vector<uint32_t>> phrases_by_first;  // first key -> phrase_cues indices
  std::vector<uint8_t> starts_phrase;                      // token key -> 1 if a phrase cue starts with it
  // The forms of states and places as written, for Validate's checks
  // across entries and files (capitals, demonyms claimed twice).
  struct Declared {
    uint32_t entry;
    std::string form;
    FormKind kind;
    std::string where;
  };
  std::vector<Declared> declared;

  // KeyOf runs once for every token of every article; `keys` is for loading,
  // and this read-only copy answers lookups: open addressing over one array,
  // a cheap hash of the (short) folded word, no node per entry to chase.
  // A word of up to 16 bytes (nearly all) is kept in the slot itself: a hit
  // compares it there rather than chasing the map's node to another line.
  struct Slot {
    static constexpr size_t kInline = 16;
    uint64_t hash = 0;
    uint32_t key = 0;  // 0: empty
    uint32_t length = 0;
    union {
      char inline_text[kInline];
      const char* long_text;  // the map's node: it does not move
    };
    Slot() : inline_text{} {}
    Slot(uint64_t h, uint32_t k, std::string_view text) : hash(h), key(k), length(static_cast<uint32_t>(text.size())) {
      if (text.size() <= kInline) std::memcpy(inline_text, text.data(), text.size());
      else long_text = text.data();
    }
    bool Holds(std::string_view w) const {
      if (w.size() != length) return false;
      const char* p = length <= kInline ? inline_text : long_text;
      for (size_t i = 0; i < w.size(); ++i)  // short words: no call to memcmp
        if (p[i] != w[i]) return false;
      return true;
    }
  };
  std::vector<Slot> slots;  // size a power of two, at most half full
  uint64_t serial = 0;      // new with every RebuildSlots: for KeyOf's RecentLookups

  // The trie's edges as LongestMatch reads them, at every token of every
  // article: the root's children (where every match starts) indexed by
  // token key, the deeper edges in one open-addressing array. `edges` is
  // for loading only.
  struct EdgeSlot {
    uint64_t edge = 0;   // node << 32 | key
    uint32_t child = 0;  // 0: empty (the root is nobody's child)
  };
  std::vector<uint32_t> root_children;  // token key -> child of the root, or 0
  std::vector<EdgeSlot> edge_slots;     // size a power of two, at most half full
  std::vector<uint8_t> has_children;    // node -> 1 if any edge leaves it (most are leaves)
  std::vector<uint8_t> starts_name;     // token key -> 1 if a form starting with it names more than a cue
  // The terminals as LongestMatch reads them: every node's in one array,
  // node k's from terminal_begin[k] to terminal_begin[k + 1] (`terminals`,
  // a vector a node, is for loading; its scattered vectors cost LongestMatch
  // a cache miss at every node it passes).
  std::vector<uint32_t> terminal_begin;
  std::vector<Terminal> flat_terminals;

  void RebuildEdges() {
    terminal_begin.assign(1, 0);
    flat_terminals.clear();
    for (const auto& node_terminals : terminals) {
      flat_terminals.insert(flat_terminals.end(), node_terminals.begin(), node_terminals.end());
      terminal_begin.push_back(static_cast<uint32_t>(flat_terminals.size()));
    }
    root_children.assign(keys.size() + 1, 0);
    has_children.assign(terminals.size(), 0);
    size_t deeper = 0;
    for (const auto& [edge, child] : edges) has_children[edge >> 32] = 1;
    for (const auto& [edge, child] : edges)
      if ((edge >> 32) == 0) root_children[static_cast<uint32_t>(edge)] = child;
      else ++deeper;
    size_t size = 16;
    while (size < 2 * deeper) size *= 2;
    edge_slots.assign(size, EdgeSlot{});
    for (const auto& [edge, child] : edges) {
      if ((edge >> 32) == 0) continue;
      size_t i = internal::MixWordHash(edge) & (size - 1);
      while (edge_slots[i].child != 0) i = (i + 1) & (size - 1);
      edge_slots[i] = EdgeSlot{edge, child};
    }
    // A node names more than a cue if it or a node below it does. A child
    // is made after its parent, so has a larger number: going down from
    // the last node, every child is final before it marks its parent.
    std::vector<uint32_t> parent(terminals.size(), 0);
    for (const auto& [edge, child] : edges) parent[child] = static_cast<uint32_t>(edge >> 32);
    std::vector<uint8_t> names(terminals.size(), 0);
    for (uint32_t node = static_cast<uint32_t>(terminals.size()); node-- > 1;) {
      for (const Terminal& t : terminals[node])
        if (t.match.kind != EntryKind::kCue) names[node] = 1;
      if (names[node]) names[parent[node]] = 1;
    }
    starts_name.assign(root_children.size(), 0);
    for (size_t key = 0; key < root_children.size(); ++key)
      starts_name[key] = root_children[key] != 0 && names[root_children[key]];
  }

  // The child of `node` along token `key`, or 0.
  uint32_t Child(uint32_t node, uint32_t key) const {
    if (node == 0) return key < root_children.size() ? root_children[key] : 0;
    if (!has_children[node]) return 0;
    uint64_t edge = (static_cast<uint64_t>(node) << 32) | key;
    size_t mask = edge_slots.size() - 1;
    for (size_t i = internal::MixWordHash(edge) & mask; edge_slots[i].child != 0; i = (i + 1) & mask)
      if (edge_slots[i].edge == edge) return edge_slots[i].child;
    return 0;
  }

  void RebuildSlots() {
    serial = internal::NewLookupSerial();
    size_t size = 16;
    while (size < 2 * keys.size()) size *= 2;
    slots.assign(size, Slot{});
    for (const auto& [text, key] : keys) {
      uint64_t h = internal::HashWord(text);
      size_t i = h & (size - 1);
      while (slots[i].key != 0) i = (i + 1) & (size - 1);
      slots[i] = Slot{h, key, text};  // the map's nodes do not move: the view stays valid
    }
  }

  uint32_t Lookup(std::string_view w) const { return Lookup(w, internal::HashWord(w)); }
  // With the word's HashWord already known.
  uint32_t Lookup(std::string_view w, uint64_t h) const {
    if (slots.empty()) return 0;
    size_t mask = slots.size() - 1;
    for (size_t i = h & mask; slots[i].key != 0; i = (i + 1) & mask)
      if (slots[i].hash == h && slots[i].Holds(w)) return slots[i].key;
    return 0;
  }

  uint32_t Intern(const std::string& folded) {
    auto it = keys.find(folded);
    if (it != keys.end()) return it->second;
    uint32_t k = static_cast<uint32_t>(keys.size() + 1);
    keys.emplace(folded, k);
    return k;
  }

  // Adds one surface form of entry `e` to the trie; returns its tokens' keys.
  std::vector<uint32_t> AddForm(std::string_view form, uint32_t e, FormKind fk) {
    std::vector<Token> toks;
    Tokenize(form, &toks);
    std::vector<uint32_t> path;
    bool case_sensitive = false;
    for (const Token& t : toks) {
      path.push_back(Intern(FoldToken(TokenText(form, t))));
      if (t.upper) case_sensitive = true;
    }
    if (path.empty()) return path;
    uint32_t node = 0;
    for (uint32_t k : path) {
      uint64_t edge = (static_cast<uint64_t>(node) << 32) | k;
      auto it = edges.find(edge);
      if (it == edges.end()) {
        uint32_t child = static_cast<uint32_t>(terminals.size());
        terminals.emplace_back();
        it = edges.emplace(edge, child).first;
      }
      node = it->second;
    }
    Terminal term{{e, fk, entries[e].kind}, {}, false};
    if (case_sensitive)
      for (const Token& t : toks) term.exact.emplace_back(TokenText(form, t));
    EntryKind kind = entries[e].kind;
    // (a form the dictionary writes in lower case, "al-Shabaab", is matched
    // in lower case: the text writes it so too)
    const bool lower_form = !form.empty() && form[0] >= 'a' && form[0] <= 'z';
    term.needs_capital = !lower_form && (kind == EntryKind::kCountry || kind == EntryKind::kLocation ||
                                         kind == EntryKind::kOrganization || kind == EntryKind::kGivenName);
    auto& list = terminals[node];
    for (auto& existing : list)
      if (existing.match.entry == e && existing.match.form == fk && existing.exact == term.exact) {
        existing.needs_capital = existing.needs_capital && term.needs_capital;  // "Al-Shabaab" and "al-Shabaab"
        return path;
      }
    list.push_back(std::move(term));
    return path;
  }
};

Dictionary::Dictionary() : impl_(std::make_unique<Impl>()) {}
Dictionary::~Dictionary() = default;
Dictionary::Dictionary(Dictionary&&) noexcept = default;
Dictionary& Dictionary::operator=(Dictionary&&) noexcept = default;

std::string Dictionary::FoldToken(std::string_view token) {
  std::string f;
  FoldTokenInto(token, &f);
  return f;
}

void Dictionary::FoldTokenInto(std::string_view token, std::string* out) {
  out->clear();
  bool ascii = true;
  for (char c : token) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (!ascii) {
    *out = FoldName(token);
    out->erase(std::remove(out->begin(), out->end(), ' '), out->end());
    return;
  }
  // the common case, without allocating: lower-case letters and digits only
  out->resize(token.size());
  char* p = out->data();
  size_t n = 0;
  for (char c : token) {
    if (c >= 'A' && c <= 'Z') p[n++] = static_cast<char>(c - 'A' + 'a');
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) p[n++] = c;
  }
  out->resize(n);
}

Status Dictionary::LoadString(std::string_view text, const std::string& name) {
  Impl& d = *impl_;
  // The cue table may grow (and move) below; CueMaskOf's view of it, and
  // the tables KeyOf and LongestMatch read, are refreshed however this
  // returns, errors included.
  struct Refresh {
    Dictionary* self;
    ~Refresh() {
      self->impl_->RebuildSlots();
      self->impl_->RebuildEdges();
      self->cue_masks_ = self->impl_->cue_masks.data();
      self->cue_mask_count_ = self->impl_->cue_masks.size();
      self->starts_name_ = self->impl_->starts_name.data();
      self->starts_name_count_ = self->impl_->starts_name.size();
    }
  } refresh{this};
  size_t line_no = 0, pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    std::string where = name + ":" + std::to_string(line_no);
    if (FindInvalidUtf8(line) != std::string_view::npos) return Status::InvalidInput(where + ": invalid UTF-8");

    std::vector<std::string_view> cols;
    size_t c = 0;
    while (true) {
      size_t tab = line.find('\t', c);
      cols.push_back(line.substr(c, tab == std::string_view::npos ? std::string_view::npos : tab - c));
      if (tab == std::string_view::npos) break;
      c = tab + 1;
    }
    if (cols.size() < 2 || cols[1].empty())
      return Status::InvalidInput(where + ": expected KIND<TAB>NAME[<TAB>key=value...]");
    const KindName* kind = nullptr;
    for (const auto& k : kKinds)
      if (k.name == cols[0]) kind = &k;
    if (!kind)
      return Status::InvalidInput(where + ": unknown kind \"" + std::string(cols[0]) +
                                  "\" (Country, Location, Organization, Title, GivenName, Cue)");

    if (line.back() == ' ' || line.back() == '\t') return Status::InvalidInput(where + ": trailing white space");
    if (cols[1].front() == ' ' || cols[1].back() == ' ')
      return Status::InvalidInput(where + ": the name \"" + std::string(cols[1]) + "\" has leading or trailing spaces");
    DictEntry entry;
    entry.kind = kind->kind;
    entry.canonical = std::string(cols[1]);
    entry.origin = where;
    const KindRules& rules = RulesOf(entry.kind);
    std::vector<std::pair<std::string, FormKind>> forms;
    if (entry.kind != EntryKind::kCue) forms.emplace_back(entry.canonical, FormKind::kName);
    std::string seen_keys = " ";
    for (size_t i = 2; i < cols.size(); ++i) {
      if (cols[i].empty()) continue;
      size_t eq = cols[i].find('=');
      if (eq == std::string_view::npos)
        return Status::InvalidInput(where + ": column " + std::to_string(i + 1) + " is not key=value");
      std::string_view key = cols[i].substr(0, eq), value = cols[i].substr(eq + 1);
      if (!InList(" alias adj capital code subtype in words ", key))
        return Status::InvalidInput(where + ": unknown key \"" + std::string(key) +
                                    "\" (alias, adj, capital, code, subtype, in, words)");
      if (!InList(rules.keys, key))
        return Status::InvalidInput(where + ": key \"" + std::string(key) + "\" is not used for " + std::string(cols[0]));
      if (InList(seen_keys, key)) return Status::InvalidInput(where + ": key \"" + std::string(key) + "\" given twice");
      seen_keys += std::string(key) + " ";
      if (value.empty()) return Status::InvalidInput(where + ": empty value for \"" + std::string(key) + "\"");
      if (Status bad = CheckItems(value, where); !bad.ok()) return bad;
      if (key == "alias" || key == "words") {
        for (auto& v : SplitBar(value)) forms.emplace_back(v, FormKind::kName);
      } else if (key == "adj") {
        for (auto& v : SplitBar(value)) forms.emplace_back(v, FormKind::kAdjective);
      } else if (key == "capital") {
        for (auto& v : SplitBar(value)) forms.emplace_back(v, FormKind::kCapital);
      } else if (key == "code") {
        bool iso3 = value.size() == 3 && std::all_of(value.begin(), value.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
        if (!iso3) return Status::InvalidInput(where + ": code must be three upper-case letters, not \"" + std::string(value) + "\"");
        entry.code = std::string(value);
      } else if (key == "subtype") {
        if (!InList(rules.subtypes, value))
          return Status::InvalidInput(where + ": unknown " + std::string(cols[0]) + " subtype \"" + std::string(value) +
                                      "\" (" + std::string(rules.subtypes.substr(1, rules.subtypes.size() - 2)) + ")");
        entry.subtype = std::string(value);
      } else {  // in
        entry.in = std::string(value);
      }
    }

    // A repeated KIND+NAME extends the entry (user dictionaries add aliases).
    std::string lookup = std::string(cols[0]) + "\t" + entry.canonical;
    uint32_t index;
    auto found = d.by_kind_name.find(lookup);
    if (found != d.by_kind_name.end()) {
      index = static_cast<uint32_t>(found->second);
      DictEntry& old = d.entries[index];
      // another file may extend an entry (a user's aliases); one file names it once
      if (old.origin.compare(0, name.size() + 1, name + ":") == 0)
        return Status::InvalidInput(where + ": " + std::string(cols[0]) + " \"" + old.canonical + "\" is already at " +
                                    old.origin);
      if (!entry.code.empty()) old.code = entry.code;
      if (!entry.subtype.empty()) old.subtype = entry.subtype;
      if (!entry.in.empty()) old.in = entry.in;
    } else {
      index = static_cast<uint32_t>(d.entries.size());
      d.by_kind_name.emplace(lookup, static_cast<int>(index));
      d.entries.push_back(std::move(entry));
    }
    if (d.entries[index].kind == EntryKind::kTitle) {
      size_t names = forms.size();
      for (size_t i = 0; i < names; ++i)
        if (std::string plural = PluralOfOffice(forms[i].first); !plural.empty())
          forms.emplace_back(std::move(plural), FormKind::kPlural);
    }
    int cue_class = -1;
    if (d.entries[index].kind == EntryKind::kCue) {
      cue_class = CueClassIndex(d.entries[index].canonical);
      if (cue_class < 0)
        return Status::InvalidInput(where + ": unknown cue class \"" + d.entries[index].canonical +
                                    "\" (the classes are those the extraction rules name; see data/cues.tsv)");
    }
    for (const auto& [form, fk] : forms) {
      EntryKind k = d.entries[index].kind;
      if (k == EntryKind::kCountry || k == EntryKind::kLocation) d.declared.push_back({index, form, fk, where});
      auto path = d.AddForm(form, index, fk);
      if (cue_class < 0 || path.empty()) continue;
      if (path.size() == 1) {
        if (d.cue_masks.size() <= path[0]) d.cue_masks.resize(path[0] + 1);
        d.cue_masks[path[0]].set(cue_class);
        continue;
      }
      bool known = false;
      for (uint32_t p : d.phrases_by_first[path[0]])
        known = known || (d.phrase_cues[p].keys == path && d.phrase_cues[p].cue_class == cue_class);
      if (known) continue;
      d.phrases_by_first[path[0]].push_back(static_cast<uint32_t>(d.phrase_cues.size()));
      if (d.starts_phrase.size() <= path[0]) d.starts_phrase.resize(path[0] + 1);
      d.starts_phrase[path[0]] = 1;
      d.phrase_cues.push_back({std::move(path), cue_class});
    }
  }
  return Status::Ok();
}

Status Dictionary::LoadFile(const std::string& path) {
  Result<std::string> text = ReadDataFile(path, "dictionary");
  if (!text.ok()) return text.status();
  return LoadString(*text, path);
}

Result<Dictionary> Dictionary::LoadDefault(const std::vector<std::string>& extra_files) {
  auto found = FindDataDirectory();
  if (!found.ok()) return found.status();
  const std::string& dir = *found;
  std::error_code ec;
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".tsv") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  Dictionary dict;
  for (const auto& f : files) {
    Status s = dict.LoadFile(f);
    if (!s.ok()) return s;
  }
  for (const auto& f : extra_files) {
    Status s = dict.LoadFile(f);
    if (!s.ok()) return s;
  }
  if (Status s = dict.Validate(); !s.ok()) return s;
  return dict;
}

Status Dictionary::Validate() const {
  const Impl& d = *impl_;
  std::unordered_map<std::string, const DictEntry*> codes;
  for (const auto& e : d.entries) {
    if (e.kind == EntryKind::kCountry) {
      if (e.code.empty()) return Status::InvalidInput(e.origin + ": country \"" + e.canonical + "\" without code=");
      auto [it, fresh] = codes.emplace(e.code, &e);
      if (!fresh)
        return Status::InvalidInput(e.origin + ": code " + e.code + " is already " + it->second->canonical + "'s (" +
                                    it->second->origin + ")");
      if (Find(EntryKind::kLocation, e.canonical) >= 0)
        return Status::InvalidInput(e.origin + ": \"" + e.canonical + "\" is both a Country and a Location");
    }
    if (!e.in.empty() && e.kind != EntryKind::kCue && Find(EntryKind::kCountry, e.in) < 0)
      return Status::InvalidInput(e.origin + ": in=\"" + e.in + "\" is not a Country's name");
  }
  std::unordered_map<std::string, uint32_t> country_forms;   // name, alias or demonym -> its country
  std::unordered_set<std::string> place_names;               // Location names and aliases
  for (const auto& f : d.declared) {
    if (d.entries[f.entry].kind == EntryKind::kLocation) place_names.insert(f.form);
    if (d.entries[f.entry].kind != EntryKind::kCountry || f.kind == FormKind::kCapital) continue;
    auto [it, fresh] = country_forms.emplace(f.form, f.entry);
    if (!fresh && it->second != f.entry)
      return Status::InvalidInput(f.where + ": \"" + f.form + "\" names both " + d.entries[it->second].canonical +
                                  " and " + d.entries[f.entry].canonical);
  }
  for (const auto& f : d.declared)
    if (f.kind == FormKind::kCapital && !place_names.count(f.form))
      return Status::InvalidInput(f.where + ": capital \"" + f.form + "\" of " + d.entries[f.entry].canonical +
                                  " is not a Location");
  return Status::Ok();
}

const std::vector<DictEntry>& Dictionary::entries() const { return impl_->entries; }

int Dictionary::Find(EntryKind kind, std::string_view canonical) const {
  for (const auto& k : kKinds)
    if (k.kind == kind) {
      auto it = impl_->by_kind_name.find(std::string(k.name) + "\t" + std::string(canonical));
      return it == impl_->by_kind_name.end() ? -1 : it->second;
    }
  return -1;
}

const CueMask Dictionary::kNoCues;

uint32_t Dictionary::KeyOf(std::string_view folded_token) const {
  const Impl& d = *impl_;
  uint64_t h = internal::HashWord(folded_token);
  thread_local internal::RecentLookups<uint32_t> recent;
  if (const uint32_t* known = recent.Find(d.serial, folded_token, h)) return *known;
  uint32_t key = d.Lookup(folded_token, h);
  recent.Remember(folded_token, h, key);
  return key;
}

uint64_t Dictionary::lookup_serial() const { return impl_->serial; }

uint32_t Dictionary::KeyOfToken(std::string_view token) const {
  // Short ASCII tokens, nearly all of them, fold on the stack exactly as
  // FoldTokenInto does (letters lowered, digits kept, the rest dropped).
  char buf[32];
  size_t n = 0;
  bool ascii = token.size() <= sizeof buf;
  for (size_t i = 0; ascii && i < token.size(); ++i) {
    char c = token[i];
    if (c >= 'a' && c <= 'z') buf[n++] = c;
    else if (c >= 'A' && c <= 'Z') buf[n++] = static_cast<char>(c - 'A' + 'a');
    else if (c >= '0' && c <= '9') buf[n++] = c;
    else if (static_cast<unsigned char>(c) >= 0x80) ascii = false;
  }
  if (ascii) return KeyOf(std::string_view(buf, n));
  std::string folded;
  FoldTokenInto(token, &folded);
  return KeyOf(folded);
}

void Dictionary::AddPhraseCues(const std::vector<uint32_t>& keys, std::vector<CueMask>* masks) const {
  const Impl& d = *impl_;
  if (d.phrase_cues.empty()) return;
  for (size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] >= d.starts_phrase.size() || !d.starts_phrase[keys[i]]) continue;  // nearly every token
    auto it = d.phrases_by_first.find(keys[i]);
    if (it == d.phrases_by_first.end()) continue;
    for (uint32_t p : it->second) {
      const auto& phrase = d.phrase_cues[p].keys;
      if (i + phrase.size() > keys.size() || !std::equal(phrase.begin(), phrase.end(), keys.begin() + i)) continue;
      for (size_t k = i; k < i + phrase.size(); ++k) (*masks)[k].set(d.phrase_cues[p].cue_class);
    }
  }
}

size_t Dictionary::LongestMatch(const uint32_t* keys, const std::string_view* exact, size_t n,
                                std::vector<FormMatch>* matches) const {
  const Impl& d = *impl_;
  matches->clear();
  uint32_t node = 0;
  size_t best = 0;
  for (size_t i = 0; i < n && keys[i] != 0; ++i) {
    node = d.Child(node, keys[i]);
    if (node == 0) break;
    const std::span<const Terminal> terms(d.flat_terminals.data() + d.terminal_begin[node],
                                          d.flat_terminals.data() + d.terminal_begin[node + 1]);
    if (terms.empty()) continue;
    // This node's matches go after the best so far and replace it only if
    // there are any: no vector per node, as this runs at every token.
    size_t kept = matches->size();
    for (const Terminal& t : terms) {
      if (!t.exact.empty()) {
        bool same = t.exact.size() == i + 1;
        for (size_t j = 0; same && j <= i; ++j) same = t.exact[j] == exact[j];
        if (!same) continue;
      } else if (t.needs_capital && !exact[0].empty()) {
        unsigned char c0 = static_cast<unsigned char>(exact[0][0]);
        if (c0 >= 'a' && c0 <= 'z') continue;  // "turkey", "chad", "china" in lower case are not names
      }
      matches->push_back(t.match);
    }
    if (matches->size() > kept) {
      best = i + 1;
      matches->erase(matches->begin(), matches->begin() + static_cast<std::ptrdiff_t>(kept));
    }
  }
  return best;
}

}  // namespace irkg
