// The Lexicon is built once, at load, into one flat table from every word
// form it can explain to that form's readings, so that looking a token up
// costs one hash probe: WordNet's morphology (morphy: the exception lists,
// then detaching an inflectional suffix and checking the base in the index)
// is run forwards at load, over every lemma, rather than backwards per token.
#include "extract/lexicon.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <utility>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <string>

#include "core/output_file.h"
#include "extract/dictionary.h"
#include "extract/recent_lookups.h"

namespace irkg {
namespace {

// A file's bytes, mapped rather than read: WordNet's data files are tens
// of megabytes, and copying them cost as much as parsing them.
class MappedFile {
 public:
  // `populate`: read the whole file in now (it will all be parsed); else
  // pages come in as they are touched (a compiled lexicon, probed sparsely).
  static Result<MappedFile> Open(const std::string& path, bool populate = true) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return Status::NotFound(path + ": cannot open");
    struct stat st;
    MappedFile f;
    if (::fstat(fd, &st) == 0 && st.st_size > 0) {
      void* p = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE | (populate ? MAP_POPULATE : 0), fd, 0);
      if (p != MAP_FAILED) f.bytes_ = std::string_view(static_cast<const char*>(p), static_cast<size_t>(st.st_size));
    }
    bool failed = st.st_size > 0 && f.bytes_.empty();
    ::close(fd);
    if (failed) return Status::IoError(path + ": cannot read");
    return f;
  }
  MappedFile() = default;
  MappedFile(MappedFile&& o) noexcept : bytes_(std::exchange(o.bytes_, {})) {}
  MappedFile& operator=(MappedFile&& o) noexcept {
    std::swap(bytes_, o.bytes_);
    return *this;
  }
  ~MappedFile() {
    if (!bytes_.empty()) ::munmap(const_cast<char*>(bytes_.data()), bytes_.size());
  }
  std::string_view bytes() const { return bytes_; }

 private:
  std::string_view bytes_;
};

// Calls fn(line, line_number) for each line of `text`.
template <typename Fn>
void ForEachLine(std::string_view text, Fn&& fn) {
  size_t line_no = 0;
  while (!text.empty()) {
    ++line_no;
    size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    fn(line, line_no);
    if (eol == std::string_view::npos) break;
    text.remove_prefix(eol + 1);
  }
}

// Splits `line` at `sep` into at most `max` fields, the last taking the
// rest of the line; returns how many.
size_t SplitFields(std::string_view line, char sep, std::string_view* fields, size_t max) {
  size_t n = 0;
  while (n + 1 < max) {
    size_t at = line.find(sep);
    if (at == std::string_view::npos) break;
    fields[n++] = line.substr(0, at);
    line.remove_prefix(at + 1);
  }
  fields[n++] = line;
  return n;
}

uint64_t HashWord(std::string_view s) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a: the words are short
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h ^ (h >> 29);
}

// A decimal or hexadecimal field of a WordNet line, without a copy.
uint32_t ParseUint(std::string_view s, int base = 10) {
  uint32_t v = 0;
  for (char c : s) {
    int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (digit < 0 || digit >= base) break;
    v = v * static_cast<uint32_t>(base) + static_cast<uint32_t>(digit);
  }
  return v;
}

// A slot of a string table: the key's place is in the slot itself, so a
// probe touches the slot, and the arena only when hash and length agree.
struct StringSlot {
  static constexpr uint32_t kNone = UINT32_MAX;
  uint32_t id = kNone;
  uint32_t hash = 0;  // the hash's high bits
  uint32_t offset = 0, length = 0;
};

// Strings <-> dense ids, read-only: the lemmas a loaded Lexicon answers
// for, over a StringIds' storage or over a compiled lexicon's mapping.
class StringTable {
 public:
  static constexpr uint32_t kNone = StringSlot::kNone;

  StringTable() = default;
  StringTable(std::span<const StringSlot> slots, std::string_view arena, std::span<const uint32_t> offsets)
      : slots_(slots), arena_(arena), offsets_(offsets) {}

  uint32_t Find(std::string_view s) const {
    if (slots_.empty()) return kNone;
    uint64_t h = HashWord(s);
    size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      const StringSlot& slot = slots_[i];
      if (slot.id == kNone) return kNone;
      if (Matches(slot, h, s)) return slot.id;
    }
  }
  bool Matches(const StringSlot& slot, uint64_t h, std::string_view s) const {
    if (slot.hash != static_cast<uint32_t>(h >> 32) || slot.length != s.size()) return false;
    const char* key = arena_.data() + slot.offset;
    for (size_t i = 0; i < s.size(); ++i)  // words are short: no call to memcmp
      if (key[i] != s[i]) return false;
    return true;
  }
  std::string_view Key(uint32_t id) const { return arena_.substr(offsets_[id], offsets_[id + 1] - offsets_[id]); }
  size_t size() const { return offsets_.empty() ? 0 : offsets_.size() - 1; }

  std::span<const StringSlot> slots() const { return slots_; }
  std::string_view arena() const { return arena_; }
  std::span<const uint32_t> offsets() const { return offsets_; }

 private:
  std::span<const StringSlot> slots_;
  std::string_view arena_;
  std::span<const uint32_t> offsets_;  // id -> start in arena_; one more for the end
};

// Strings -> dense ids 0, 1, 2 ... in order of first insertion, by open
// addressing over one arena: no allocation per string. The lexicon's word
// forms and lemmas, and while loading WordNet's spellings.
class StringIds {
 public:
  static constexpr uint32_t kNone = StringSlot::kNone;

  explicit StringIds(size_t expected = 1024) {
    size_t slots = 1024;
    while (slots < expected + expected / 2) slots *= 2;
    slots_.assign(slots, StringSlot{});
    arena_.reserve(expected * 8);  // English words average under 8 letters: no regrowth, no copies
    offsets_.reserve(expected + 1);
    offsets_.push_back(0);
  }

  // What the ids stand for, until the next Insert.
  StringTable View() const { return StringTable(slots_, arena_, offsets_); }
  uint32_t Find(std::string_view s) const { return View().Find(s); }

  uint32_t Insert(std::string_view s) {
    if ((size() + 1) * 3 >= slots_.size() * 2) Grow();
    uint64_t h = HashWord(s);
    size_t mask = slots_.size() - 1;
    StringTable view = View();
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      StringSlot& slot = slots_[i];
      if (slot.id == kNone) {
        slot = StringSlot{static_cast<uint32_t>(size()), static_cast<uint32_t>(h >> 32),
                          static_cast<uint32_t>(arena_.size()), static_cast<uint32_t>(s.size())};
        arena_.append(s);
        offsets_.push_back(static_cast<uint32_t>(arena_.size()));
        return slot.id;
      }
      if (view.Matches(slot, h, s)) return slot.id;
    }
  }

  std::string_view Key(uint32_t id) const { return View().Key(id); }
  size_t size() const { return offsets_.size() - 1; }

 private:
  void Grow() {
    std::vector<StringSlot> old = std::move(slots_);
    slots_.assign(old.size() * 2, StringSlot{});
    size_t mask = slots_.size() - 1;
    for (const StringSlot& slot : old) {
      if (slot.id == kNone) continue;
      size_t i = HashWord(Key(slot.id)) & mask;
      while (slots_[i].id != kNone) i = (i + 1) & mask;
      slots_[i] = slot;
    }
  }

  std::vector<StringSlot> slots_;
  std::string arena_;
  std::vector<uint32_t> offsets_;
};

// WordNet's inflection rules (morphy(7)): a form ending in `suffix` may be
// `ending` instead. Run forwards here: base ending in `ending` -> form.
struct Detachment {
  Pos pos;
  const char* suffix;
  const char* ending;
  VerbForm form;
};
constexpr Detachment kDetachments[] = {
    {Pos::kNoun, "s", "", VerbForm::kNone},      {Pos::kNoun, "ses", "s", VerbForm::kNone},
    {Pos::kNoun, "xes", "x", VerbForm::kNone},   {Pos::kNoun, "zes", "z", VerbForm::kNone},
    {Pos::kNoun, "ches", "ch", VerbForm::kNone}, {Pos::kNoun, "shes", "sh", VerbForm::kNone},
    {Pos::kNoun, "men", "man", VerbForm::kNone}, {Pos::kNoun, "ies", "y", VerbForm::kNone},
    {Pos::kVerb, "s", "", VerbForm::kPresent3s}, {Pos::kVerb, "ies", "y", VerbForm::kPresent3s},
    {Pos::kVerb, "es", "e", VerbForm::kPresent3s}, {Pos::kVerb, "es", "", VerbForm::kPresent3s},
    {Pos::kVerb, "ed", "e", VerbForm::kPastOrParticiple}, {Pos::kVerb, "ed", "", VerbForm::kPastOrParticiple},
    {Pos::kVerb, "ing", "e", VerbForm::kGerund}, {Pos::kVerb, "ing", "", VerbForm::kGerund},
    {Pos::kAdjective, "er", "", VerbForm::kNone}, {Pos::kAdjective, "est", "", VerbForm::kNone},
    {Pos::kAdjective, "er", "e", VerbForm::kNone}, {Pos::kAdjective, "est", "e", VerbForm::kNone},
};

bool EndsWith(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

struct PosName {
  const char* name;
  Pos pos;
};
constexpr PosName kClosedPos[] = {
    {"det", Pos::kDeterminer}, {"pron", Pos::kPronoun},  {"prep", Pos::kPreposition},
    {"coord", Pos::kCoordinator}, {"sub", Pos::kSubordinator}, {"aux", Pos::kAuxiliary},
    {"modal", Pos::kModal},    {"neg", Pos::kNegator},   {"part", Pos::kParticle},
    {"num", Pos::kNumber},
};
struct FormName {
  const char* name;
  VerbForm form;
};
constexpr FormName kFormNames[] = {
    {"base", VerbForm::kBase},     {"3s", VerbForm::kPresent3s},        {"past", VerbForm::kPast},
    {"pastpart", VerbForm::kPastOrParticiple}, {"part", VerbForm::kParticiple}, {"ger", VerbForm::kGerund},
};

// The table Find probes, built once the readings are laid out. A slot
// holds the form's text inline when it is short (nearly every word) and
// where its readings are: a lookup touches one slot and the readings, not
// a slot, a key arena, a range table and the readings (each a cache miss
// for all but the commonest words).
struct FormSlot {
  static constexpr size_t kInline = 14;
  uint32_t hash = 0;   // the hash's high bits
  uint32_t first = 0;  // readings
  uint8_t count = 0;   // 0: an empty slot
  uint8_t length = 0;
  char text[kInline];  // the form, or (when longer) its offset in the long keys
};

class FormTable {
 public:
  struct Span {
    uint32_t first = 0, count = 0;
  };

  // `span_of(id)` gives the readings of form `forms.Key(id)`.
  template <typename SpanOf>
  void Build(const StringIds& forms, SpanOf&& span_of) {
    size_t n = 1024;
    while (n < forms.size() + forms.size() / 2) n *= 2;
    slots_.assign(n, Slot{});
    size_t mask = n - 1;
    for (uint32_t id = 0; id < forms.size(); ++id) {
      std::string_view key = forms.Key(id);
      Span span = span_of(id);
      if (span.count == 0 || key.size() > 255) continue;
      uint64_t h = HashWord(key);
      size_t i = h & mask;
      while (slots_[i].count) i = (i + 1) & mask;
      Slot& slot = slots_[i];
      slot.hash = static_cast<uint32_t>(h >> 32);
      slot.first = span.first;
      slot.count = static_cast<uint8_t>(std::min<uint32_t>(span.count, 255));
      slot.length = static_cast<uint8_t>(key.size());
      if (key.size() <= kInline) {
        std::memcpy(slot.text, key.data(), key.size());
      } else {
        auto offset = static_cast<uint32_t>(long_keys_.size());
        std::memcpy(slot.text, &offset, sizeof offset);
        long_keys_.append(key);
      }
    }
    Attach(slots_, long_keys_);
  }

  // Reads slots and long keys laid out elsewhere (a compiled lexicon).
  void Attach(std::span<const FormSlot> slots, std::string_view long_keys) {
    slots_view_ = slots;
    long_keys_view_ = long_keys;
  }
  std::span<const FormSlot> slots() const { return slots_view_; }
  std::string_view long_keys() const { return long_keys_view_; }

  Span Find(std::string_view s) const { return Find(s, HashWord(s)); }
  // With the form's HashWord already known.
  Span Find(std::string_view s, uint64_t h) const {
    if (slots_view_.empty() || s.size() > 255) return {};
    size_t mask = slots_view_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_view_[i];
      if (slot.count == 0) return {};
      if (slot.hash != static_cast<uint32_t>(h >> 32) || slot.length != s.size()) continue;
      const char* key = slot.text;
      if (s.size() > kInline) {
        uint32_t offset;
        std::memcpy(&offset, slot.text, sizeof offset);
        key = long_keys_view_.data() + offset;
      }
      size_t k = 0;
      while (k < s.size() && key[k] == s[k]) ++k;
      if (k == s.size()) return Span{slot.first, slot.count};
    }
  }

 private:
  using Slot = FormSlot;
  static constexpr size_t kInline = FormSlot::kInline;
  std::vector<Slot> slots_;
  std::string long_keys_;
  std::span<const Slot> slots_view_;     // what Find reads: slots_, or a mapping
  std::string_view long_keys_view_;
};

// morphy tries every detachment on every word; run forwards, most rules
// would also write forms English spelling never makes ("voteing",
// "churchs", "partys", "largeer", "internationaler"), a quarter of the
// table. Those are left out.
bool SpelledAsEnglish(std::string_view lemma, const Detachment& d) {
  std::string_view suffix = d.suffix, ending = d.ending;
  char last = lemma.empty() ? 0 : lemma.back();
  auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; };
  bool sibilant = last == 's' || last == 'x' || last == 'z' || EndsWith(lemma, "ch") || EndsWith(lemma, "sh");
  char before = lemma.size() > 1 ? lemma[lemma.size() - 2] : 0;
  if (d.pos == Pos::kAdjective) {
    // English compares long adjectives with "more": no "internationaler"
    int syllables = 0;
    for (size_t i = 0; i < lemma.size(); ++i)
      if ((vowel(lemma[i]) || lemma[i] == 'y') && (i == 0 || !(vowel(lemma[i - 1]) || lemma[i - 1] == 'y')))
        ++syllables;
    if (syllables > 2) return false;
  }
  if (ending == "y") return !vowel(before);              // "parties", not "daies"
  if (!ending.empty()) return true;                      // the rule names its own stem ending
  if (last == 'e' && suffix[0] == 'e') return false;     // "vote"+"ed": "voted" comes by the e-rule
  if (last == 'e' && suffix == "ing" && before != 'e' && before != 'o' && before != 'y')
    return false;                                        // "voteing", but "seeing", "dyeing"
  if (suffix == "s" && (sibilant || (last == 'y' && !vowel(before))))
    return false;                                        // "churchs", "partys"
  if (suffix == "es" && !sibilant && last != 'o') return false;  // "visites"
  return true;
}

// Irregular verb forms of verb.exc carry no label. A lemma with one
// exception form uses it for both ("met"); with several, the -n/-en form
// is the participle ("taken", "gone") and a/u pairs split the other way
// ("sang" past, "sung" participle).
VerbForm IrregularVerbForm(std::string_view form, const std::vector<std::string_view>& siblings) {
  if (EndsWith(form, "ing")) return VerbForm::kGerund;
  if (EndsWith(form, "ed")) return VerbForm::kPastOrParticiple;
  size_t past_like = 0;
  for (auto s : siblings)
    if (!EndsWith(s, "ing") && !EndsWith(s, "s")) ++past_like;
  if (EndsWith(form, "s") && !EndsWith(form, "ss")) return VerbForm::kPresent3s;
  if (past_like <= 1) return VerbForm::kPastOrParticiple;
  if (EndsWith(form, "n") || EndsWith(form, "ne")) return VerbForm::kParticiple;
  for (auto s : siblings)
    if (s != form && s.size() == form.size() && !EndsWith(s, "n"))
      for (size_t i = 0; i < s.size(); ++i)
        if (s[i] != form[i]) return form[i] == 'u' ? VerbForm::kParticiple : VerbForm::kPast;
  return VerbForm::kPast;
}

}  // namespace

struct Lexicon::Impl {
  static constexpr uint32_t kEnd = UINT32_MAX;

  // Every form the lexicon explains ("met", "talks", "the"); lemma id = the
  // lemma's index in `lemmas` + 1.
  StringIds forms{0};       // sized when WordNet is parsed (Load): unused when a compiled lexicon is mapped
  StringIds lemmas{0};
  std::vector<WordReading> readings;
  FormTable table;                       // form -> its readings: what Find asks

  // What a loaded lexicon answers from: the tables above once Finish has
  // run, or a compiled lexicon's mapping (see Attach).
  StringTable lemma_table;
  std::span<const WordReading> reading_table;
  MappedFile compiled;
  uint64_t stamp = 0;                    // the sources' identity (SourceStamp), 0 when unknown
  const uint64_t serial = internal::NewLookupSerial();  // for Find's RecentLookups

  // Build-time: one node per (form, reading), chained per form.
  struct Node {
    WordReading reading;
    uint32_t score;   // for the order: see Finish
    uint32_t next;    // next node of the same form, or kEnd
  };
  std::vector<Node> nodes;
  std::vector<uint32_t> head;            // form id -> its last node, or kEnd
  // What the closed-class file says of a word, in a table of its own: it
  // is asked of every form WordNet adds, and stays in cache.
  enum Closed : unsigned char { kOpen, kClosedWord, kClosedAuxiliary };
  StringIds closed_words{512};
  std::vector<Closed> closed;            // closed_words id -> kind

  LemmaId Intern(std::string_view lemma) { return lemmas.Insert(lemma) + 1; }

  Closed ClosedKind(std::string_view form) const {
    uint32_t id = closed_words.Find(form);
    return id == StringIds::kNone ? kOpen : closed[id];
  }
  void MarkClosed(std::string_view form, bool auxiliary) {
    uint32_t id = closed_words.Insert(form);
    if (id >= closed.size()) closed.resize(id + 1, kClosedWord);
    if (auxiliary) closed[id] = kClosedAuxiliary;
  }

  // Adds a reading of `form` unless the form already has it.
  void Add(std::string_view form, WordReading r, uint32_t score) {
    if (form.empty() || form.size() > 60) return;
    uint32_t id = forms.Insert(form);
    if (id >= head.size()) head.resize(id + 1, kEnd);
    for (uint32_t n = head[id]; n != kEnd; n = nodes[n].next) {
      WordReading& o = nodes[n].reading;
      if (o.pos == r.pos && o.form == r.form && o.lemma == r.lemma) {
        o.cap = o.cap || r.cap;
        return;
      }
    }
    nodes.push_back({r, score, head[id]});
    head[id] = static_cast<uint32_t>(nodes.size() - 1);
  }

  // Lays each form's readings out contiguously: closed-class readings in
  // file order first, then WordNet's, most often tagged first.
  void Finish() {
    readings.reserve(nodes.size());
    std::vector<FormTable::Span> spans(forms.size());
    std::vector<const Node*> chain;
    for (uint32_t id = 0; id < forms.size(); ++id) {
      chain.clear();
      for (uint32_t n = head[id]; n != kEnd; n = nodes[n].next) chain.push_back(&nodes[n]);
      std::reverse(chain.begin(), chain.end());  // insertion order
      // a stable insertion sort: a form has a handful of readings at most
      for (size_t k = 1; k < chain.size(); ++k)
        for (size_t j = k; j > 0 && chain[j - 1]->score < chain[j]->score; --j) std::swap(chain[j - 1], chain[j]);
      spans[id] = FormTable::Span{static_cast<uint32_t>(readings.size()), static_cast<uint32_t>(chain.size())};
      for (const Node* n : chain) readings.push_back(n->reading);
    }
    table.Build(forms, [&](uint32_t id) { return spans[id]; });
    lemma_table = lemmas.View();
    reading_table = readings;
    forms = StringIds(0);
    nodes = {};
    head = {};
    closed_words = StringIds(0);
    closed = {};
  }

  bool Attach(const std::string& path, uint64_t expected_stamp);
  Status LoadClosedClass(const std::string& path, std::string_view text);
  void AddNegatedAuxiliaries();
  Status LoadWordNet(const std::string& dir);
};

namespace {
// Closed-class readings sort before every WordNet reading.
constexpr uint32_t kClosedScore = UINT32_MAX;
}  // namespace

Status Lexicon::Impl::LoadClosedClass(const std::string& path, std::string_view text) {
  Status error;
  ForEachLine(text, [&](std::string_view line, size_t line_no) {
    if (!error.ok() || line.empty() || line[0] == '#') return;
    auto fail = [&](const std::string& why) {
      error = Status::InvalidInput(path + ":" + std::to_string(line_no) + ": " + why);
    };
    std::string_view f[5];
    size_t n = SplitFields(line, '\t', f, 5);
    if (n < 2 || n > 4) return fail("expected WORD<TAB>POS[<TAB>LEMMA[<TAB>FORM]]");
    for (size_t i = 0; i < n; ++i)
      if (f[i].empty() || f[i].find(' ') != std::string_view::npos)
        return fail("empty field or a space in field " + std::to_string(i + 1));
    for (char c : f[0])
      if (c >= 'A' && c <= 'Z') return fail("word \"" + std::string(f[0]) + "\" is not lower case");
    WordReading r;
    // "verb" rows are not a closed class: they add the irregular verb forms
    // WordNet's exception list omits because they are spelled as the base
    // ("hit", "cut": past and participle), so that "she hit back" can be read
    bool verb_form = f[1] == "verb";
    const PosName* pos = nullptr;
    for (const auto& p : kClosedPos)
      if (f[1] == p.name) pos = &p;
    if (!pos && !verb_form) return fail("unknown part of speech \"" + std::string(f[1]) + "\"");
    r.pos = verb_form ? Pos::kVerb : pos->pos;
    r.lemma = Intern(n >= 3 ? f[2] : f[0]);
    bool takes_form = verb_form || r.pos == Pos::kAuxiliary || r.pos == Pos::kModal;
    if (n == 4) {
      if (!takes_form) return fail("a FORM is only for verb, aux and modal rows");
      const FormName* form = nullptr;
      for (const auto& k : kFormNames)
        if (f[3] == k.name) form = &k;
      if (!form) return fail("unknown form \"" + std::string(f[3]) + "\"");
      r.form = form->form;
    } else if (takes_form) {
      return fail("verb, aux and modal rows need LEMMA and FORM");
    }
    if (verb_form) {
      Add(f[0], r, 0);  // after WordNet's readings of the word: an open-class reading among others
      return;
    }
    Add(f[0], r, kClosedScore);
    MarkClosed(f[0], r.pos == Pos::kAuxiliary || r.pos == Pos::kModal);
  });
  return error;
}

// Negated auxiliaries are one token ("didn't", "hasn't"): the auxiliary's
// readings and a "not". Irregular ones ("won't", "can't") are rows.
void Lexicon::Impl::AddNegatedAuxiliaries() {
  LemmaId negation = Intern("not");
  size_t closed_count = closed_words.size();
  std::string negated;
  std::vector<WordReading> auxiliary;
  for (uint32_t c = 0; c < closed_count; ++c) {
    std::string word(closed_words.Key(c));
    if (closed[c] != kClosedAuxiliary || word.find('\'') != std::string::npos) continue;
    uint32_t id = forms.Find(word);
    negated.assign(word);
    negated += "n't";
    if (ClosedKind(negated) != kOpen) continue;
    auxiliary.clear();
    for (uint32_t n = head[id]; n != kEnd; n = nodes[n].next)
      if (nodes[n].reading.pos == Pos::kAuxiliary || nodes[n].reading.pos == Pos::kModal)
        auxiliary.push_back(nodes[n].reading);
    std::reverse(auxiliary.begin(), auxiliary.end());
    for (const WordReading& r : auxiliary) Add(negated, r, kClosedScore);
    Add(negated, WordReading{Pos::kNegator, VerbForm::kNone, negation, false}, kClosedScore);
    MarkClosed(negated, true);
  }
}

Status Lexicon::Impl::LoadWordNet(const std::string& dir) {
  struct IndexFile {
    const char* name;
    const char* data;
    const char* exc;
    Pos pos;
  };
  constexpr IndexFile kFiles[] = {
      {"index.noun", "data.noun", "noun.exc", Pos::kNoun},
      {"index.verb", nullptr, "verb.exc", Pos::kVerb},
      {"index.adj", "data.adj", "adj.exc", Pos::kAdjective},
      {"index.adv", nullptr, "adv.exc", Pos::kAdverb},
  };
  for (const IndexFile& file : kFiles) {
    // How WordNet writes each lemma in its synsets: "Kenya" only
    // capitalized is a name, "china" and "China" are both. The data file
    // gives the capitalized synsets; the index line counts them all.
    struct Case {
      uint32_t lower = 1, upper = 0;  // synsets that write it so
    };
    std::vector<Case> cases;  // lemma id -> how this part of speech's synsets write it
    if (file.data) {
      auto data = MappedFile::Open(dir + "/" + file.data);
      if (!data.ok()) return data.status();
      std::string lower;
      ForEachLine(data->bytes(), [&](std::string_view line, size_t) {
        if (line.empty() || line[0] == ' ') return;  // the licence header
        std::string_view f[5];
        if (SplitFields(line, ' ', f, 5) < 5) return;
        unsigned count = ParseUint(f[3], 16);        // offset lex_filenum ss_type w_cnt word lex_id ...
        std::string_view rest = f[4];
        for (unsigned w = 0; w < count && !rest.empty(); ++w) {
          std::string_view pair[3];
          size_t got = SplitFields(rest, ' ', pair, 3);
          std::string_view word = pair[0];
          rest = got == 3 ? pair[2] : std::string_view();
          if (size_t paren = word.find('('); paren != std::string_view::npos) word = word.substr(0, paren);
          if (word.find('_') != std::string_view::npos) continue;
          bool upper = false;
          for (char c : word) upper = upper || (c >= 'A' && c <= 'Z');
          if (!upper) continue;  // most words: counted from the index
          lower.assign(word);
          for (char& c : lower)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
          LemmaId id = Intern(lower);
          if (id >= cases.size()) cases.resize(id + 1);
          ++cases[id].upper;
        }
      });
    }
    auto case_of = [&](LemmaId id) { return id < cases.size() ? cases[id] : Case{}; };

    std::string path = dir + "/" + file.name;
    auto index = MappedFile::Open(path);
    if (!index.ok()) return index.status();
    Status error;
    std::vector<uint32_t> score_of;  // lemma id -> its score in this part of speech, or kEnd
    std::string form;
    ForEachLine(index->bytes(), [&](std::string_view line, size_t line_no) {
      if (!error.ok() || line.empty() || line[0] == ' ') return;
      std::string_view f[64];
      size_t n = SplitFields(line, ' ', f, 64);
      if (n < 6) {
        error = Status::InvalidInput(path + ":" + std::to_string(line_no) + ": not a WordNet index line");
        return;
      }
      std::string_view lemma = f[0];
      if (lemma.find('_') != std::string_view::npos) return;  // multi-word: the tokens come one by one
      size_t tagged_at = 4 + ParseUint(f[3]) + 1;  // lemma pos synset_cnt p_cnt [ptr...] sense_cnt tagsense_cnt
      uint32_t score = tagged_at < n ? ParseUint(f[tagged_at]) : 0;
      LemmaId id = Intern(lemma);
      if (id >= score_of.size()) score_of.resize(id + 1, kEnd);
      score_of[id] = score;
      Closed closed_kind = ClosedKind(lemma);
      // One- and two-letter closed-class words are, to WordNet, symbols
      // and abbreviations ("in" inch, "he" helium, "at" astatine).
      if (closed_kind != kOpen && lemma.size() <= 2) return;
      if (closed_kind == kClosedAuxiliary && file.pos == Pos::kVerb) return;  // "do", "have": the auxiliary covers them
      if (id < cases.size() && cases[id].upper) {
        uint32_t synsets = ParseUint(f[2]);
        cases[id].lower = synsets > cases[id].upper ? synsets - cases[id].upper : 0;
      }
      Case how = case_of(id);
      // Scores are doubled so that, within one lemma, the way WordNet
      // writes it more often comes first ("China" before "china").
      auto add_with_case = [&](std::string_view w, VerbForm vf) {
        if (how.lower) Add(w, WordReading{file.pos, vf, id, false}, 2 * score + (how.lower > how.upper));
        if (how.upper)
          Add(w, WordReading{file.pos == Pos::kNoun ? Pos::kProperNoun : file.pos, vf, id, true},
              2 * score + (how.upper >= how.lower));
      };
      add_with_case(lemma, file.pos == Pos::kVerb ? VerbForm::kBase : VerbForm::kNone);
      for (const Detachment& d : kDetachments) {
        if (d.pos != file.pos || !EndsWith(lemma, d.ending)) continue;
        form.assign(lemma.substr(0, lemma.size() - std::strlen(d.ending)));
        form.append(d.suffix);
        // morphy leaves nouns in -ss and words of two letters alone
        if (file.pos == Pos::kNoun && (EndsWith(form, "ss") || form.size() <= 2)) continue;
        if (!SpelledAsEnglish(lemma, d)) continue;
        if (ClosedKind(form) != kOpen) continue;  // "has", "was", "does": not plurals of "ha", "wa", "doe"
        add_with_case(form, d.form);
      }
    });
    if (!error.ok()) return error;

    // The exception list: irregular forms whose base is in the index.
    auto exc = MappedFile::Open(dir + "/" + file.exc);
    if (!exc.ok()) return exc.status();
    std::vector<std::pair<LemmaId, std::string_view>> pairs;  // base, irregular form
    ForEachLine(exc->bytes(), [&](std::string_view line, size_t) {
      std::string_view f[2];
      if (line.empty() || SplitFields(line, ' ', f, 2) < 2) return;
      std::string_view base = f[1].substr(0, f[1].find(' '));
      if (f[0].find('_') != std::string_view::npos || base.find('_') != std::string_view::npos) return;
      uint32_t found = lemmas.Find(base);
      if (found == StringIds::kNone || found + 1 >= score_of.size() || score_of[found + 1] == kEnd) return;
      pairs.emplace_back(found + 1, f[0]);
    });
    // grouped by base, so that each form sees its siblings ("took", "taken")
    std::stable_sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string_view> siblings;
    for (size_t k = 0; k < pairs.size(); ++k) {
      auto [base, inflected] = pairs[k];
      if (k == 0 || pairs[k - 1].first != base) {
        siblings.clear();
        for (size_t j = k; j < pairs.size() && pairs[j].first == base; ++j) siblings.push_back(pairs[j].second);
      }
      if (ClosedKind(inflected) != kOpen) continue;  // "was", "had": closed-class readings only
      bool proper_only = case_of(base).lower == 0;
      Pos pos = file.pos == Pos::kNoun && proper_only ? Pos::kProperNoun : file.pos;
      VerbForm vf = file.pos == Pos::kVerb ? IrregularVerbForm(inflected, siblings) : VerbForm::kNone;
      Add(inflected, WordReading{pos, vf, base, proper_only}, 2 * score_of[base]);
    }
  }
  return Status::Ok();
}

namespace {

// The files of WordNet's database the lexicon reads.
constexpr const char* kWordNetFiles[] = {"index.noun", "index.verb", "index.adj", "index.adv", "data.noun",
                                         "data.adj",   "noun.exc",   "verb.exc",  "adj.exc",   "adv.exc"};

// Bump when the readings a lexicon holds, or the compiled layout, change.
constexpr uint32_t kCompiledFormat = 1;

uint64_t Fnv(uint64_t h, const void* data, size_t size) {
  const auto* p = static_cast<const unsigned char*>(data);
  for (size_t i = 0; i < size; ++i) h = (h ^ p[i]) * 1099511628211ull;
  return h;
}

// Which sources a lexicon comes from: the closed-class file's bytes and
// each WordNet file's size and modification time (a package upgrade
// changes them). 0 when a file cannot be examined: then nothing compiled
// is trusted, and the load from the sources reports what is wrong.
uint64_t SourceStamp(const std::string& wordnet_dir, std::string_view closed_text) {
  uint64_t h = Fnv(1469598103934665603ull, &kCompiledFormat, sizeof kCompiledFormat);
  h = Fnv(h, closed_text.data(), closed_text.size());
  for (const char* name : kWordNetFiles) {
    struct stat st;
    if (::stat((wordnet_dir + "/" + name).c_str(), &st) != 0) return 0;
    int64_t facts[] = {static_cast<int64_t>(st.st_size), static_cast<int64_t>(st.st_mtim.tv_sec),
                       static_cast<int64_t>(st.st_mtim.tv_nsec)};
    h = Fnv(h, name, std::strlen(name));
    h = Fnv(h, facts, sizeof facts);
  }
  return h == 0 ? 1 : h;
}

// A compiled lexicon: this header, then its sections in this order, each
// starting on an 8-byte boundary. Native byte order and layout: the file
// is built and read on one machine (the sizes below catch a mismatch).
struct CompiledHeader {
  char magic[8] = {'i', 'r', 'k', 'g', 'l', 'e', 'x', '\n'};
  uint32_t format = kCompiledFormat;
  uint32_t layout[3] = {sizeof(WordReading), sizeof(FormSlot), sizeof(StringSlot)};
  uint64_t stamp = 0;
  // readings, form slots, long-key bytes, lemma slots, lemma arena bytes, lemma offsets
  uint64_t counts[6] = {};
};

size_t Aligned(size_t n) { return (n + 7) & ~size_t{7}; }

// Where a compiled lexicon may be, for a closed-class file: beside it (an
// installed irkg), then where the build wrote one.
std::vector<std::string> CompiledCandidates(const std::string& closed_class_file) {
  std::vector<std::string> out;
  size_t slash = closed_class_file.rfind('/');
  out.push_back((slash == std::string::npos ? std::string(".") : closed_class_file.substr(0, slash)) + "/lexicon.bin");
#ifdef IRKG_COMPILED_LEXICON
  out.push_back(IRKG_COMPILED_LEXICON);
#endif
  return out;
}

}  // namespace

// Maps a compiled lexicon when it was made from the same sources; false
// (and nothing changed) when it is missing, stale or not one.
bool Lexicon::Impl::Attach(const std::string& path, uint64_t expected_stamp) {
  auto file = MappedFile::Open(path, /*populate=*/false);
  if (!file.ok()) return false;
  std::string_view bytes = file->bytes();
  CompiledHeader want, got;
  if (bytes.size() < sizeof got) return false;
  std::memcpy(&got, bytes.data(), sizeof got);
  if (std::memcmp(got.magic, want.magic, sizeof want.magic) != 0 || got.format != want.format ||
      std::memcmp(got.layout, want.layout, sizeof want.layout) != 0 || got.stamp != expected_stamp)
    return false;
  const size_t sizes[6] = {sizeof(WordReading), sizeof(FormSlot), 1, sizeof(StringSlot), 1, sizeof(uint32_t)};
  const char* section[6];
  size_t at = Aligned(sizeof got);
  for (int k = 0; k < 6; ++k) {
    if (got.counts[k] > (bytes.size() - std::min(at, bytes.size())) / sizes[k]) return false;
    section[k] = bytes.data() + at;
    at = Aligned(at + got.counts[k] * sizes[k]);
  }
  if (got.counts[1] == 0 || (got.counts[1] & (got.counts[1] - 1)) != 0 || got.counts[3] == 0 ||
      (got.counts[3] & (got.counts[3] - 1)) != 0 || got.counts[5] == 0)
    return false;  // the tables are powers of two; the offsets end with the arena's size
  reading_table = {reinterpret_cast<const WordReading*>(section[0]), got.counts[0]};
  table.Attach({reinterpret_cast<const FormSlot*>(section[1]), got.counts[1]}, {section[2], got.counts[2]});
  lemma_table = StringTable({reinterpret_cast<const StringSlot*>(section[3]), got.counts[3]}, {section[4], got.counts[4]},
                            {reinterpret_cast<const uint32_t*>(section[5]), got.counts[5]});
  compiled = std::move(*file);
  stamp = expected_stamp;
  return true;
}

Lexicon::Lexicon() : impl_(std::make_unique<Impl>()) {}
Lexicon::~Lexicon() = default;
Lexicon::Lexicon(Lexicon&&) noexcept = default;
Lexicon& Lexicon::operator=(Lexicon&&) noexcept = default;

Result<Lexicon> Lexicon::Load(const std::string& wordnet_dir, const std::string& closed_class_file) {
  auto closed_text = MappedFile::Open(closed_class_file);
  if (!closed_text.ok()) return closed_text.status();
  if (uint64_t stamp = SourceStamp(wordnet_dir, closed_text->bytes()); stamp != 0) {
    Lexicon lex;
    for (const std::string& path : CompiledCandidates(closed_class_file))
      if (lex.impl_->Attach(path, stamp)) return lex;
  }
  return Parse(wordnet_dir, closed_class_file);
}

Result<Lexicon> Lexicon::Parse(const std::string& wordnet_dir, const std::string& closed_class_file) {
  Lexicon lex;
  Impl& m = *lex.impl_;
  auto closed_text = MappedFile::Open(closed_class_file);
  if (!closed_text.ok()) return closed_text.status();
  m.stamp = SourceStamp(wordnet_dir, closed_text->bytes());
  m.forms = StringIds(172000);  // WordNet 3.0: 173 000
  m.lemmas = StringIds(86000);  // WordNet 3.0: 83 000
  m.nodes.reserve(260000);      // WordNet 3.0: 253 000 readings
  if (Status s = m.LoadClosedClass(closed_class_file, closed_text->bytes()); !s.ok()) return s;
  m.AddNegatedAuxiliaries();
  if (Status s = m.LoadWordNet(wordnet_dir); !s.ok()) return s;
  m.Finish();
  return lex;
}

std::string Lexicon::DefaultWordNetDirectory() {
  const char* env = std::getenv("IRKG_WORDNET_DIR");
  return env && *env ? env : "/usr/share/wordnet";
}

Result<Lexicon> Lexicon::LoadDefault() {
  auto data = FindDataDirectory();
  if (!data.ok()) return data.status();
  return Load(DefaultWordNetDirectory(), *data + "/lexicon/closed_class.tsv");
}

bool Lexicon::compiled() const { return !impl_->compiled.bytes().empty(); }

Status Lexicon::SaveCompiled(const std::string& path) const {
  const Impl& m = *impl_;
  if (m.stamp == 0) return Status::InvalidInput(path + ": the lexicon's sources could not be identified");
  CompiledHeader header;
  header.stamp = m.stamp;
  std::span<const FormSlot> forms = m.table.slots();
  std::string_view long_keys = m.table.long_keys();
  std::span<const StringSlot> lemma_slots = m.lemma_table.slots();
  std::string_view arena = m.lemma_table.arena();
  std::span<const uint32_t> offsets = m.lemma_table.offsets();
  const std::string_view section[6] = {
      {reinterpret_cast<const char*>(m.reading_table.data()), m.reading_table.size_bytes()},
      {reinterpret_cast<const char*>(forms.data()), forms.size_bytes()},
      long_keys,
      {reinterpret_cast<const char*>(lemma_slots.data()), lemma_slots.size_bytes()},
      arena,
      {reinterpret_cast<const char*>(offsets.data()), offsets.size_bytes()}};
  header.counts[0] = m.reading_table.size();
  header.counts[1] = forms.size();
  header.counts[2] = long_keys.size();
  header.counts[3] = lemma_slots.size();
  header.counts[4] = arena.size();
  header.counts[5] = offsets.size();
  auto out = OutputFile::Open(path);
  if (!out.ok()) return out.status();
  static constexpr char kPad[8] = {};
  size_t at = sizeof header;
  out->Write(std::string_view(reinterpret_cast<const char*>(&header), sizeof header));
  for (std::string_view bytes : section) {
    out->Write(std::string_view(kPad, Aligned(at) - at));
    at = Aligned(at);
    out->Write(bytes);
    at += bytes.size();
  }
  return out->Commit();
}

std::span<const WordReading> Lexicon::Find(std::string_view lower_word) const {
  const Impl& m = *impl_;
  uint64_t h = HashWord(lower_word);
  thread_local internal::RecentLookups<FormTable::Span> recent;
  const FormTable::Span* known = recent.Find(m.serial, lower_word, h);
  FormTable::Span r = known ? *known : m.table.Find(lower_word, h);
  if (!known) recent.Remember(lower_word, h, r);
  return m.reading_table.subspan(r.first, r.count);
}

std::string_view LexiconSpelling(std::string_view word, std::span<char, 64> buf) {
  size_t n = 0;
  for (size_t i = 0; i < word.size(); ++i) {
    if (n == buf.size()) return {};
    char c = word[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    else if (c == '\xE2' && i + 2 < word.size() && word[i + 1] == '\x80' && word[i + 2] == '\x99') c = '\'', i += 2;
    buf[n++] = c;
  }
  return std::string_view(buf.data(), n);
}

std::span<const WordReading> Lexicon::FindWritten(std::string_view word) const {
  char buf[64];
  return Find(LexiconSpelling(word, buf));
}

uint64_t Lexicon::lookup_serial() const { return impl_->serial; }

void Lexicon::Readings(std::string_view lower_word, std::vector<WordReading>* out) const {
  auto found = Find(lower_word);
  out->assign(found.begin(), found.end());
}

bool Lexicon::Has(std::string_view lower_word, Pos pos) const {
  for (const WordReading& r : Find(lower_word))
    if (r.pos == pos) return true;
  return false;
}

LemmaId Lexicon::Lemma(std::string_view lower_lemma) const {
  uint32_t id = impl_->lemma_table.Find(lower_lemma);
  return id == StringTable::kNone ? 0 : id + 1;
}

std::string_view Lexicon::LemmaText(LemmaId id) const {
  return id >= 1 && id <= impl_->lemma_table.size() ? impl_->lemma_table.Key(id - 1) : std::string_view();
}

}  // namespace irkg
