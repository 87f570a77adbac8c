// The Lexicon is built once, at load, into one flat table from every word
// form it can explain to that form's readings, so that looking a token up
// costs one hash probe: WordNet's morphology (morphy: the exception lists,
// then detaching an inflectional suffix and checking the base in the index)
// is run forwards at load, over every lemma, rather than backwards per token.
#include "extract/lexicon.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <unordered_map>

#include "extract/dictionary.h"

namespace irkg {
namespace {

Result<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open");
  std::string s;
  in.seekg(0, std::ios::end);
  s.resize(static_cast<size_t>(in.tellg()));
  in.seekg(0);
  in.read(s.data(), static_cast<std::streamsize>(s.size()));
  if (!in) return Status::IoError(path + ": cannot read");
  return s;
}

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
  // Build-time: one node per (form, reading), chained per form.
  struct Node {
    WordReading reading;
    uint32_t score;   // WordNet's tagged-sense count of the lemma, for the order
    uint32_t next;    // next node of the same form, or kEnd
  };
  static constexpr uint32_t kEnd = UINT32_MAX;

  struct Slot {
    uint32_t key_offset = 0;
    uint16_t key_length = 0;
    uint16_t count = 0;       // readings
    uint32_t first = kEnd;    // build: head node; after Finish: first reading
    uint32_t hash_bits = 0;
  };

  std::string arena;                      // every form's text
  std::vector<Slot> slots;                // open addressing, power of two
  size_t used = 0;
  std::vector<Node> nodes;                // build only
  std::vector<WordReading> readings;      // after Finish: grouped by form

  std::vector<std::string> lemma_texts{""};  // id -> text; id 0 is "none"
  std::unordered_map<std::string, LemmaId> lemma_ids;

  LemmaId Intern(std::string_view lemma) {
    auto [it, fresh] = lemma_ids.try_emplace(std::string(lemma), 0);
    if (fresh) {
      it->second = static_cast<LemmaId>(lemma_texts.size());
      lemma_texts.emplace_back(lemma);
    }
    return it->second;
  }

  std::string_view KeyOf(const Slot& s) const { return std::string_view(arena).substr(s.key_offset, s.key_length); }

  // Build-time: the head node of a form's readings, or kEnd.
  uint32_t FindBuilding(std::string_view word) const {
    const Slot* s = FindSlot(word);
    return s ? s->first : kEnd;
  }

  const Slot* FindSlot(std::string_view word) const {
    if (slots.empty()) return nullptr;
    uint64_t h = HashWord(word);
    size_t mask = slots.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& s = slots[i];
      if (s.key_length == 0) return nullptr;
      if (s.hash_bits == static_cast<uint32_t>(h >> 32) && KeyOf(s) == word) return &s;
    }
  }

  Slot& SlotFor(std::string_view word) {
    if ((used + 1) * 4 >= slots.size() * 3) Grow();
    uint64_t h = HashWord(word);
    size_t mask = slots.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      Slot& s = slots[i];
      if (s.key_length == 0) {
        s.key_offset = static_cast<uint32_t>(arena.size());
        s.key_length = static_cast<uint16_t>(word.size());
        s.hash_bits = static_cast<uint32_t>(h >> 32);
        arena.append(word);
        ++used;
        return s;
      }
      if (s.hash_bits == static_cast<uint32_t>(h >> 32) && KeyOf(s) == word) return s;
    }
  }

  void Grow() {
    std::vector<Slot> old = std::move(slots);
    slots.assign(old.empty() ? 1u << 16 : old.size() * 2, Slot{});
    size_t mask = slots.size() - 1;
    for (const Slot& s : old) {
      if (s.key_length == 0) continue;
      for (size_t i = HashWord(KeyOf(s)) & mask;; i = (i + 1) & mask)
        if (slots[i].key_length == 0) {
          slots[i] = s;
          break;
        }
    }
  }

  // Adds a reading of `form` unless the form already has it.
  void Add(std::string_view form, WordReading r, uint32_t score) {
    if (form.empty() || form.size() > 60) return;
    Slot& s = SlotFor(form);
    for (uint32_t n = s.first; n != kEnd; n = nodes[n].next) {
      const WordReading& o = nodes[n].reading;
      if (o.pos == r.pos && o.form == r.form && o.lemma == r.lemma) {
        nodes[n].reading.cap = nodes[n].reading.cap || r.cap;
        return;
      }
    }
    nodes.push_back({r, score, s.first});
    s.first = static_cast<uint32_t>(nodes.size() - 1);
    ++s.count;
  }

  // Lays each form's readings out contiguously: closed-class readings in
  // file order first, then WordNet's, most often tagged first.
  void Finish() {
    readings.reserve(nodes.size());
    std::vector<const Node*> chain;
    for (Slot& s : slots) {
      if (s.key_length == 0) continue;
      chain.clear();
      for (uint32_t n = s.first; n != kEnd; n = nodes[n].next) chain.push_back(&nodes[n]);
      std::reverse(chain.begin(), chain.end());  // insertion order
      std::stable_sort(chain.begin(), chain.end(), [](const Node* a, const Node* b) { return a->score > b->score; });
      s.first = static_cast<uint32_t>(readings.size());
      for (const Node* n : chain) readings.push_back(n->reading);
    }
    nodes.clear();
    nodes.shrink_to_fit();
  }

  Status LoadClosedClass(const std::string& path, std::string_view text);
  Status LoadWordNet(const std::string& dir, const std::unordered_map<std::string, bool>& closed);
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
    const PosName* pos = nullptr;
    for (const auto& p : kClosedPos)
      if (f[1] == p.name) pos = &p;
    if (!pos) return fail("unknown part of speech \"" + std::string(f[1]) + "\"");
    r.pos = pos->pos;
    r.lemma = Intern(n >= 3 ? f[2] : f[0]);
    if (n == 4) {
      if (r.pos != Pos::kAuxiliary && r.pos != Pos::kModal) return fail("a FORM is only for aux and modal rows");
      const FormName* form = nullptr;
      for (const auto& k : kFormNames)
        if (f[3] == k.name) form = &k;
      if (!form) return fail("unknown form \"" + std::string(f[3]) + "\"");
      r.form = form->form;
    } else if (r.pos == Pos::kAuxiliary || r.pos == Pos::kModal) {
      return fail("aux and modal rows need LEMMA and FORM");
    }
    Add(f[0], r, kClosedScore);
  });
  return error;
}

Status Lexicon::Impl::LoadWordNet(const std::string& dir, const std::unordered_map<std::string, bool>& closed) {
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
    // capitalized is a name, "china" and "China" are both.
    struct Case {
      uint32_t lower = 0, upper = 0;  // synsets that write it so
    };
    std::unordered_map<std::string, Case> cases;
    if (file.data) {
      auto data = ReadWholeFile(dir + "/" + file.data);
      if (!data.ok()) return data.status();
      std::string lower;
      ForEachLine(*data, [&](std::string_view line, size_t) {
        if (line.empty() || line[0] == ' ') return;  // the licence header
        std::string_view f[4];
        if (SplitFields(line, ' ', f, 4) < 4) return;
        std::string_view rest = f[3];  // w_cnt word lex_id word lex_id ...
        size_t sp = rest.find(' ');
        unsigned count = static_cast<unsigned>(std::strtoul(std::string(rest.substr(0, sp)).c_str(), nullptr, 16));
        rest.remove_prefix(sp == std::string_view::npos ? rest.size() : sp + 1);
        for (unsigned w = 0; w < count && !rest.empty(); ++w) {
          std::string_view pair[3];
          SplitFields(rest, ' ', pair, 3);
          std::string_view word = pair[0];
          if (size_t paren = word.find('('); paren != std::string_view::npos) word = word.substr(0, paren);
          rest.remove_prefix(std::min(rest.size(), pair[0].size() + pair[1].size() + 2));
          if (word.find('_') != std::string_view::npos) continue;
          bool upper = false;
          lower.assign(word);
          for (char& c : lower)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a'), upper = true;
          Case& c = cases[lower];
          ++(upper ? c.upper : c.lower);
        }
      });
    }

    auto index = ReadWholeFile(dir + "/" + file.name);
    if (!index.ok()) return index.status();
    std::string path = dir + "/" + file.name;
    Status error;
    std::unordered_map<std::string_view, uint32_t> score_of;  // lemmas of this part of speech
    std::string form;
    ForEachLine(*index, [&](std::string_view line, size_t line_no) {
      if (!error.ok() || line.empty() || line[0] == ' ') return;
      std::string_view f[64];
      size_t n = SplitFields(line, ' ', f, 64);
      if (n < 6) {
        error = Status::InvalidInput(path + ":" + std::to_string(line_no) + ": not a WordNet index line");
        return;
      }
      std::string_view lemma = f[0];
      if (lemma.find('_') != std::string_view::npos) return;  // multi-word: the tokens come one by one
      size_t pointers = std::strtoul(std::string(f[3]).c_str(), nullptr, 10);
      size_t tagged_at = 4 + pointers + 1;
      uint32_t score = tagged_at < n ? static_cast<uint32_t>(std::strtoul(std::string(f[tagged_at]).c_str(), nullptr, 10)) : 0;
      score_of.emplace(lemma, score);
      auto closed_it = closed.find(std::string(lemma));
      // One- and two-letter closed-class words are, to WordNet, symbols
      // and abbreviations ("in" inch, "he" helium, "at" astatine).
      if (closed_it != closed.end() && lemma.size() <= 2) return;
      bool closed_aux = closed_it != closed.end() && closed_it->second;
      if (closed_aux && file.pos == Pos::kVerb) return;  // "do", "have": the auxiliary's lemma covers them
      LemmaId id = Intern(lemma);
      Case how{1, 0};
      if (file.data) {
        auto c = cases.find(std::string(lemma));
        if (c != cases.end()) how = c->second;
      }
      // Scores are doubled so that, within one lemma, the way WordNet
      // writes it more often comes first ("China" before "china").
      auto add_with_case = [&](std::string_view w, VerbForm vf, uint32_t s) {
        if (how.lower) Add(w, WordReading{file.pos, vf, id, false}, 2 * s + (how.lower > how.upper));
        if (how.upper)
          Add(w, WordReading{file.pos == Pos::kNoun ? Pos::kProperNoun : file.pos, vf, id, true},
              2 * s + (how.upper >= how.lower));
      };
      add_with_case(lemma, file.pos == Pos::kVerb ? VerbForm::kBase : VerbForm::kNone, score);
      for (const Detachment& d : kDetachments) {
        if (d.pos != file.pos || !EndsWith(lemma, d.ending)) continue;
        form.assign(lemma.substr(0, lemma.size() - std::strlen(d.ending)));
        form.append(d.suffix);
        // morphy leaves nouns in -ss and words of two letters alone
        if (file.pos == Pos::kNoun && (EndsWith(form, "ss") || form.size() <= 2)) continue;
        if (closed.count(form)) continue;  // "has", "was", "does": not plurals of "ha", "wa", "doe"
        add_with_case(form, d.form, score);
      }
    });
    if (!error.ok()) return error;

    // The exception list: irregular forms whose base is in the index.
    auto exc = ReadWholeFile(dir + "/" + file.exc);
    if (!exc.ok()) return exc.status();
    std::unordered_map<std::string_view, std::vector<std::string_view>> forms_of;
    std::vector<std::pair<std::string_view, std::string_view>> pairs;
    ForEachLine(*exc, [&](std::string_view line, size_t) {
      std::string_view f[2];
      if (line.empty() || SplitFields(line, ' ', f, 2) < 2) return;
      std::string_view base = f[1].substr(0, f[1].find(' '));
      if (f[0].find('_') != std::string_view::npos || base.find('_') != std::string_view::npos) return;
      if (!score_of.count(base)) return;
      pairs.emplace_back(f[0], base);
      forms_of[base].push_back(f[0]);
    });
    for (auto [inflected, base] : pairs) {
      auto closed_it = closed.find(std::string(inflected));
      if (closed_it != closed.end()) continue;  // "was", "had": closed-class readings only
      auto c = file.data ? cases.find(std::string(base)) : cases.end();
      bool proper_only = c != cases.end() && c->second.lower == 0;
      Pos pos = file.pos == Pos::kNoun && proper_only ? Pos::kProperNoun : file.pos;
      VerbForm vf = file.pos == Pos::kVerb ? IrregularVerbForm(inflected, forms_of[base]) : VerbForm::kNone;
      Add(inflected, WordReading{pos, vf, Intern(base), proper_only}, 2 * score_of[base]);
    }
  }
  return Status::Ok();
}

Lexicon::Lexicon() : impl_(std::make_unique<Impl>()) {}
Lexicon::~Lexicon() = default;
Lexicon::Lexicon(Lexicon&&) noexcept = default;
Lexicon& Lexicon::operator=(Lexicon&&) noexcept = default;

Result<Lexicon> Lexicon::Load(const std::string& wordnet_dir, const std::string& closed_class_file) {
  Lexicon lex;
  Impl& m = *lex.impl_;
  m.nodes.reserve(600000);
  auto closed_text = ReadWholeFile(closed_class_file);
  if (!closed_text.ok()) return closed_text.status();
  if (Status s = m.LoadClosedClass(closed_class_file, *closed_text); !s.ok()) return s;
  // closed-class word -> whether it is an auxiliary or modal
  std::unordered_map<std::string, bool> closed;
  for (const auto& slot : m.slots) {
    if (slot.key_length == 0) continue;
    bool aux = false;
    for (uint32_t n = slot.first; n != Impl::kEnd; n = m.nodes[n].next)
      aux = aux || m.nodes[n].reading.pos == Pos::kAuxiliary || m.nodes[n].reading.pos == Pos::kModal;
    closed.emplace(std::string(m.KeyOf(slot)), aux);
  }
  // Negated auxiliaries are one token ("didn't", "hasn't"): the auxiliary's
  // readings and a "not". Irregular ones ("won't", "can't") are rows.
  LemmaId negation = m.Intern("not");
  for (const auto& [word, aux] : closed) {
    if (!aux || word.find('\'') != std::string::npos) continue;
    std::string negated = word + "n't";
    if (closed.count(negated)) continue;
    std::vector<WordReading> auxiliary;
    for (uint32_t n = m.FindBuilding(word); n != Impl::kEnd; n = m.nodes[n].next)
      if (m.nodes[n].reading.pos == Pos::kAuxiliary || m.nodes[n].reading.pos == Pos::kModal)
        auxiliary.push_back(m.nodes[n].reading);
    std::reverse(auxiliary.begin(), auxiliary.end());
    for (const WordReading& r : auxiliary) m.Add(negated, r, kClosedScore);
    m.Add(negated, WordReading{Pos::kNegator, VerbForm::kNone, negation, false}, kClosedScore);
  }
  std::vector<std::string> negated_forms;
  for (const auto& [word, aux] : closed)
    if (aux && word.find('\'') == std::string::npos) negated_forms.push_back(word + "n't");
  for (auto& form : negated_forms) closed.emplace(std::move(form), true);
  if (Status s = m.LoadWordNet(wordnet_dir, closed); !s.ok()) return s;
  m.Finish();
  return lex;
}

Result<Lexicon> Lexicon::LoadDefault() {
  const char* env = std::getenv("IRKG_WORDNET_DIR");
  std::string wordnet = env && *env ? env : "/usr/share/wordnet";
  auto data = FindDataDirectory();
  if (!data.ok()) return data.status();
  return Load(wordnet, *data + "/lexicon/closed_class.tsv");
}

std::span<const WordReading> Lexicon::Find(std::string_view lower_word) const {
  const Impl::Slot* s = impl_->FindSlot(lower_word);
  if (!s) return {};
  return std::span<const WordReading>(impl_->readings.data() + s->first, s->count);
}

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
  auto it = impl_->lemma_ids.find(std::string(lower_lemma));
  return it == impl_->lemma_ids.end() ? 0 : it->second;
}

std::string_view Lexicon::LemmaText(LemmaId id) const {
  return id < impl_->lemma_texts.size() ? std::string_view(impl_->lemma_texts[id]) : std::string_view();
}

}  // namespace irkg
