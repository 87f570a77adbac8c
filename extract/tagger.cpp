// The tagging pass: reads tokens and sentences, adds doc->tags (part of
// speech, verb form, lemma) for every token.
//
// Every word's readings come from the Lexicon; the words around it choose
// among them, left to right, each choice seeing the tags already chosen
// before it and the readings of the word after it:
//   - capitals mid-sentence mark a name ("talks with Border Post officials");
//     at a sentence start and in Title Case headlines they prove nothing;
//   - after a modal, infinitival "to" or "do": a verb's base form;
//   - after "have": a participle; after "be": a participle or a gerund;
//   - after a determiner, a possessive or an adjective: a noun (or an
//     adjective before a noun);
//   - after a subject (a pronoun, a name, a noun): a finite verb;
//   - after a verb or a preposition: a noun.
// One pass, constant work per token.
#include <cstring>

#include "extract/document.h"

namespace irkg::internal {
namespace {

using Readings = std::span<const WordReading>;

bool Has(Readings r, Pos pos) {
  for (const auto& x : r)
    if (x.pos == pos) return true;
  return false;
}

const WordReading* First(Readings r, Pos pos) {
  for (const auto& x : r)
    if (x.pos == pos) return &x;
  return nullptr;
}

// The first verb reading in one of the forms a and b.
const WordReading* Verb(Readings r, VerbForm a, VerbForm b = VerbForm::kNone) {
  for (const auto& x : r)
    if (x.pos == Pos::kVerb && (x.form == a || (b != VerbForm::kNone && x.form == b))) return &x;
  return nullptr;
}

// The first reading of each open-class kind among an open word's
// readings, found in one walk over them (every open word asks for all six).
struct OpenReadings {
  explicit OpenReadings(Readings r) {
    for (const auto& x : r) {
      if (x.pos == Pos::kNoun) {
        if (!noun) noun = &x;
      } else if (x.pos == Pos::kAdjective) {
        if (!adj) adj = &x;
      } else if (x.pos == Pos::kVerb) {
        const bool is_participle = x.form == VerbForm::kPastOrParticiple || x.form == VerbForm::kParticiple;
        const bool is_finite =
            x.form == VerbForm::kPresent3s || x.form == VerbForm::kPast || x.form == VerbForm::kPastOrParticiple;
        if (!base && x.form == VerbForm::kBase) base = &x;
        if (!participle && is_participle) participle = &x;
        if (!gerund && x.form == VerbForm::kGerund) gerund = &x;
        if (!finite && is_finite) finite = &x;
      }
    }
  }
  const WordReading* noun = nullptr;
  const WordReading* adj = nullptr;
  const WordReading* base = nullptr;        // the base form: "meet"
  const WordReading* participle = nullptr;  // "met", "taken"
  const WordReading* gerund = nullptr;
  const WordReading* finite = nullptr;      // "meets", "met"
};

// The parts of speech among some readings, a bit each: the choice among a
// closed-class word's readings asks a dozen of them of one word.
struct PosSet {
  explicit PosSet(Readings r) {
    for (const auto& x : r) bits |= 1u << static_cast<unsigned>(x.pos);
  }
  explicit PosSet(uint32_t pos_bits) : bits(pos_bits) {}
  bool operator()(Pos pos) const { return bits >> static_cast<unsigned>(pos) & 1; }
  PosSet Without(Pos pos) const { return PosSet(bits & ~(1u << static_cast<unsigned>(pos))); }
  uint32_t bits = 0;
};

bool IsClosed(Pos p) { return p >= Pos::kDeterminer && p <= Pos::kParticle; }

bool HasClosed(Readings r) {
  for (const auto& x : r)
    if (IsClosed(x.pos) || x.pos == Pos::kNumber) return true;
  return false;
}

// The first reading is a noun or adjective that could head or modify what
// follows a determiner.
bool StartsNominal(Readings r) {
  return !r.empty() && (r[0].pos == Pos::kNoun || r[0].pos == Pos::kAdjective || r[0].pos == Pos::kProperNoun);
}

TokenTag TagOf(const WordReading& r) { return TokenTag{r.pos, r.form, r.lemma, false}; }

// Unknown lower-case words: their ending says the likeliest part of speech.
TokenTag GuessUnknown(std::string_view w) {
  auto ends = [&](const char* e) {
    size_t n = std::strlen(e);
    return w.size() > n + 2 && w.substr(w.size() - n) == e;
  };
  if (ends("ly")) return {Pos::kAdverb, VerbForm::kNone, 0, false};
  if (ends("ing")) return {Pos::kVerb, VerbForm::kGerund, 0, false};
  if (ends("ed")) return {Pos::kVerb, VerbForm::kPastOrParticiple, 0, false};
  for (const char* e : {"ous", "ive", "al", "ic", "ful", "less", "able", "ible", "ary", "ian", "ese", "ish"})
    if (ends(e)) return {Pos::kAdjective, VerbForm::kNone, 0, false};
  return {Pos::kNoun, VerbForm::kNone, 0, false};
}

struct SentenceTagger {
  SentenceTagger(Document* doc, const Lexicon& lexicon)
      : d(*doc), lex(lexicon), tags(doc->tags), be(lex.Lemma("be")), have(lex.Lemma("have")), do_(lex.Lemma("do")) {
    // (PrepareTokens looks the words up when it has the lexicon)
    if (doc->word_readings.size() != doc->word_count) {
      doc->word_readings.assign(doc->word_count, Readings{});
      for (uint32_t i = 0; i < doc->tokens.size(); ++i)
        if (Readings& r = doc->word_readings[doc->word_of[i]]; r.empty()) r = lex.FindWritten(doc->Text(i));
    }
    word_pos.reserve(doc->word_count);
    for (Readings r : doc->word_readings) word_pos.push_back(PosSet(r));
  }

  const Document& d;
  const Lexicon& lex;
  std::vector<TokenTag>& tags;
  const LemmaId be, have, do_;
  // per token of the sentence being tagged
  std::vector<Readings> readings;
  std::vector<char> lower_ok;  // the token may take lower-case readings
  std::vector<char> starts;    // the token opens the sentence (or a quote)
  std::vector<WordReading> common;  // a lower-case word's readings without its name readings
  // word (Document::word_of) -> the parts of speech of its readings: every
  // open word asks which it has, read once a distinct word of the article
  std::vector<PosSet> word_pos;

  // LexiconSpelling's room (no allocation for a word)
  char lowered[64];
  std::string_view Lower(std::string_view text) { return LexiconSpelling(text, lowered); }

  void Tag(const Sentence& s);
  TokenTag ChooseWord(uint32_t i, const Sentence& s, uint32_t prev_tok);
  // `pv` and `prev`: the word's governor (Governor) and the tag before it.
  TokenTag ChooseOpen(uint32_t i, Readings r, uint32_t prev_tok, TokenTag pv, TokenTag prev);
  // Whether the -ing word at `i`, the sentence's first, opens a participle
  // clause: a phrase after it ends in a comma before any auxiliary.
  bool OpensParticipleClause(uint32_t i) const;
  // Whether a noun with an event frame follows the word at `i`, past
  // describing words ("hold [indirect] talks").
  bool EventNounAhead(uint32_t i) const;
  VerbForm ResolvePast(uint32_t i, const TokenTag& pv, uint32_t prev_tok) const;
  Pos NameRunOpener(uint32_t last) const;
  uint32_t NameRunOpenerAt(uint32_t last) const;  // the token before the run (or its first, at the sentence's start)
  // Whether a name run opened at `opener` (NameRunOpenerAt) follows a
  // relative pronoun, past a determiner: "which the EU", "whom Chilean officials".
  bool RelativeClauseSubject(uint32_t opener) const;
  bool LastVerbIsBase(uint32_t before) const;
  bool InTwoWordAdverb(uint32_t i) const;
  // The nearest earlier tag of the sentence, skipping adverbs, negators
  // and a scare quote's opening mark ("has not yet signed": "has"; 'would
  // "face consequences"': "would").
  TokenTag Governor(uint32_t i, uint32_t first) const {
    while (i > first) {
      --i;
      Pos p = tags[i].pos;
      if (p == Pos::kPunct && d.IsDoubleQuote(i) && i > first && tags[i - 1].pos == Pos::kModal) continue;
      if (p != Pos::kAdverb && p != Pos::kNegator) return tags[i];
    }
    return TokenTag{};
  }
  const Sentence* sentence = nullptr;
};

// Whether every one of `words` is short enough to be packed.
template <size_t N>
consteval bool AllPacked(const LowerWord (&words)[N]) {
  for (const LowerWord& w : words)
    if (w.packed() == 0) return false;
  return true;
}

// Whether token `tok` is one of `words` (AllPacked), in any case.
template <size_t N>
bool OneOf(const Document& d, uint32_t tok, const LowerWord (&words)[N]) {
  if (tok >= d.tokens.size()) return false;
  for (const LowerWord& w : words)
    if (d.token_packed[tok] == w.packed()) return true;
  return false;
}

bool IsPossessive(const Document& d, uint32_t tok) {
  // the possessive pronouns share kPronoun with the personal ones, but a
  // noun follows them as it follows a determiner
  static constexpr LowerWord kPossessives[] = {"his", "her", "its", "their", "our", "your", "my", "whose"};
  static_assert(AllPacked(kPossessives));
  return OneOf(d, tok, kPossessives);
}

bool IsSubjectPronoun(const Document& d, uint32_t tok) {
  static constexpr LowerWord kSubjects[] = {"i", "he", "she", "it", "we", "they", "you", "who", "which"};
  static_assert(AllPacked(kSubjects));
  return OneOf(d, tok, kSubjects);
}

void SentenceTagger::Tag(const Sentence& s) {
  sentence = &s;
  size_t n = s.last - s.first;
  // (every entry is written below: resized, not filled, sentence after sentence)
  readings.resize(n);
  lower_ok.resize(n);
  starts.resize(n);
  bool at_start = true;
  // Through plain pointers: each store of a char (lower_ok, starts) may
  // alias anything, and made every vector's start be loaded again at every
  // token.
  const Token* tokens = d.tokens.data();
  const std::string_view* texts = d.token_text.data();
  const uint32_t* word_of = d.word_of.data();
  const Readings* word_readings = d.word_readings.data();
  Readings* readings_out = readings.data();
  char* lower_ok_out = lower_ok.data();
  char* starts_out = starts.data();
  for (uint32_t i = s.first; i < s.last; ++i) {
    const Token& t = tokens[i];
    std::string_view text = texts[i];
    if (t.shape == TokenShape::kWord || (t.shape == TokenShape::kPunct && text.size() > 1)) {
      readings_out[i - s.first] = word_readings[word_of[i]];  // the word's, read once by PrepareTokens
      // A capital mid-sentence names something; at the start of a sentence
      // or in a Title Case headline it proves nothing.
      lower_ok_out[i - s.first] = !(t.cap && !at_start && !s.title_case);
      starts_out[i - s.first] = at_start;
    } else {
      readings_out[i - s.first] = Readings{};
      lower_ok_out[i - s.first] = 1;
      starts_out[i - s.first] = 0;
    }
    if (t.shape == TokenShape::kWord || t.shape == TokenShape::kNumber) at_start = false;
    else if (text == ":" || text == "\"" || text == "\u201C" || text == "(" || text == "\u2014") at_start = true;
  }
  uint32_t prev_tok = UINT32_MAX;
  for (uint32_t i = s.first; i < s.last; ++i) {
    const Token& t = d.tokens[i];
    if (t.shape == TokenShape::kNumber) {
      tags[i] = TokenTag{Pos::kNumber, VerbForm::kNone, 0, false};
    } else if (t.shape == TokenShape::kPunct && readings[i - s.first].empty()) {
      tags[i] = TokenTag{Pos::kPunct, VerbForm::kNone, 0, false};
    } else {
      tags[i] = ChooseWord(i, s, prev_tok);
    }
    prev_tok = i;  // punctuation too: ", warning" is not "2023 warning"
  }
}

TokenTag SentenceTagger::ChooseWord(uint32_t i, const Sentence& s, uint32_t prev_tok) {
  const Token& t = d.tokens[i];
  Readings r = readings[i - s.first];
  std::string_view text = d.Text(i);
  bool names_something = !lower_ok[i - s.first];
  bool acronym = t.upper && (!s.title_case || r.empty());
  if (text == "I") return TokenTag{Pos::kPronoun, VerbForm::kNone, lex.Lemma("i"), false};
  // "Lee Jae-sung", "Park Jun-ho": a syllable joined by a hyphen to a name
  // word is part of the name, whatever its case
  if (i >= s.first + 2 && !t.space_before && d.Text(i - 1) == "-" && !d.tokens[i - 1].space_before &&
      tags[i - 2].pos == Pos::kProperNoun)
    return TokenTag{Pos::kProperNoun, VerbForm::kNone, 0, false};
  if (names_something || acronym || (t.cap && r.empty())) {
    // "American" stays an adjective, unless it goes on a name ("European
    // Union"); anything else capitalized is a name word, with the lemma of
    // its noun reading when it has one ("President")
    bool inside_name = prev_tok != UINT32_MAX && d.tokens[prev_tok].cap;
    if (const WordReading* adj = First(r, Pos::kAdjective); adj && adj->cap && !inside_name) return TagOf(*adj);
    TokenTag tag{Pos::kProperNoun, VerbForm::kNone, 0, false};
    if (const WordReading* p = First(r, Pos::kProperNoun)) tag.lemma = p->lemma;
    else if (const WordReading* c = First(r, Pos::kNoun)) tag.lemma = c->lemma;
    return tag;
  }
  if (r.empty()) return GuessUnknown(Lower(text));
  // A capitalized word opening a sentence is a name when WordNet knows it
  // as one (news opens with its actors: "Turkey", "Chile"); inside a
  // headline only when WordNet writes it so more often than not ("China",
  // but not "Post").
  if (t.cap && !HasClosed(r)) {
    bool opens = starts[i - s.first];
    // "Iranian Defence Minister ...": an adjective before a word
    bool word_next = i + 1 < s.last && d.tokens[i + 1].shape == TokenShape::kWord;
    if (const WordReading* adj = First(r, Pos::kAdjective); adj && adj->cap && word_next) return TagOf(*adj);
    for (const auto& x : r) {
      // (an inflected form is rarely a name: "Rebels", not the Confederates)
      if (x.pos == Pos::kProperNoun && EqualsLowerAscii(text, lex.LemmaText(x.lemma))) return TagOf(x);
      if (x.pos == Pos::kNoun && !opens) break;
    }
  }
  // (r is the word's readings: only words and punctuation with readings come here)
  PosSet has = word_pos[d.word_of[i]];
  if (has(Pos::kProperNoun)) {  // else "china" and "turkey" are common nouns
    common.clear();
    for (const auto& x : r)
      if (x.pos != Pos::kProperNoun) common.push_back(x);
    if (common.empty()) return TagOf(r[0]);
    r = Readings(common);
    has = has.Without(Pos::kProperNoun);
  }
  // "has so far sent", "thus far", "who once again threatened": an adverb
  // in two words (not "so" or "once" opening a clause)
  if (InTwoWordAdverb(i))
    return First(r, Pos::kAdverb) ? TagOf(*First(r, Pos::kAdverb)) : TokenTag{Pos::kAdverb, VerbForm::kNone, r[0].lemma, false};
  TokenTag pv = Governor(i, s.first);
  TokenTag prev = prev_tok == UINT32_MAX ? TokenTag{} : tags[prev_tok];
  TokenTag tag;
  bool negated = has(Pos::kNegator);
  if (IsClosed(r[0].pos) || r[0].pos == Pos::kNumber) {
    Readings nx = i + 1 < s.last ? readings[i + 1 - s.first] : Readings{};
    // (asked by one branch below only: a possessive is a word list)
    auto after_determiner = [&] {
      return prev.pos == Pos::kDeterminer || prev.pos == Pos::kAdjective ||
             IsPossessive(d, prev_tok);
    };
    if (has(Pos::kParticle) && has(Pos::kPreposition)) {
      // "to" before a verb's base form is infinitival: "to visit", not "to
      // talks"; a name's reading counts only when the next word is written
      // as one ("to China", but "to host": WordNet also knows a "Host")
      bool name_next = i + 1 < s.last && d.tokens[i + 1].cap && Has(nx, Pos::kProperNoun);
      // ("to be signed", "to have met": an auxiliary's base form too)
      bool aux_next = !nx.empty() && nx[0].pos == Pos::kAuxiliary && nx[0].form == VerbForm::kBase;
      bool verb_next = (Verb(nx, VerbForm::kBase) && !HasClosed(nx) && !name_next) || aux_next;
      tag = TagOf(*First(r, verb_next ? Pos::kParticle : Pos::kPreposition));
    } else if (has(Pos::kAuxiliary) && has(Pos::kDeterminer) && !negated) {
      // "'s": "is" after a pronoun ("it's"), else the possessive
      tag = TagOf(*First(r, prev.pos == Pos::kPronoun ? Pos::kAuxiliary : Pos::kDeterminer));
    } else if ((has(Pos::kModal) || has(Pos::kAuxiliary)) && negated) {
      tag = TagOf(r[0]);
    } else if (after_determiner() && (First(r, Pos::kNoun) || First(r, Pos::kAdjective)) &&
               !has(Pos::kDeterminer) && r[0].pos != Pos::kNumber) {
      // "the will of", "military might", "the past week"
      tag = TagOf(First(r, Pos::kNoun) && !StartsNominal(nx) ? *First(r, Pos::kNoun)
                  : First(r, Pos::kAdjective)              ? *First(r, Pos::kAdjective)
                                                           : *First(r, Pos::kNoun));
    } else if (has(Pos::kSubordinator) && has(Pos::kPreposition)) {
      // "after he arrived" opens a clause, "after the talks" a phrase
      bool clause = !nx.empty() && nx[0].pos == Pos::kPronoun && !IsPossessive(d, i + 1);
      tag = TagOf(*First(r, clause ? Pos::kSubordinator : Pos::kPreposition));
    } else if (has(Pos::kDeterminer) && (has(Pos::kSubordinator) || has(Pos::kPronoun))) {
      // "that treaty" / "said that ..." / "which country" / "which he signed";
      // after a verb "that" opens its object clause ("warned that sanctions")
      // ("which Kenya signed": a determiner does not come before a name)
      Pos other = has(Pos::kSubordinator) ? Pos::kSubordinator : Pos::kPronoun;
      bool name_next = i + 1 < s.last && d.tokens[i + 1].cap && !First(nx, Pos::kAdjective);
      // (after a comma "which" opens a relative clause: "the bloc, which
      // groups A and B,")
      const bool after_comma = i > s.first && d.Text(i - 1) == ",";
      // ("was received that evening by B": before a word of time it points)
      const bool time_next = i + 1 < s.last && d.Is(i + 1, "time_noun");
      bool nominal = time_next || (StartsNominal(nx) && !name_next && !after_comma &&
                                   !(prev.pos == Pos::kVerb && other == Pos::kSubordinator));
      tag = TagOf(*First(r, nominal ? Pos::kDeterminer : other));
    } else if (has(Pos::kNumber) && has(Pos::kPronoun)) {
      // "one" counts unless it stands alone: "one of them", "no one"
      bool counts = StartsNominal(nx);
      tag = TagOf(*First(r, counts ? Pos::kNumber : Pos::kPronoun));
    } else if (has(Pos::kDeterminer) && has(Pos::kNegator)) {
      tag = TagOf(*First(r, StartsNominal(nx) ? Pos::kDeterminer : Pos::kNegator));
    } else if (has(Pos::kModal) && pv.pos == Pos::kParticle) {
      // "to will" is not English; a modal's open reading after "to" is rare
      tag = TagOf(r[0]);
    } else {
      tag = TagOf(r[0]);
    }
    tag.negated = negated && tag.pos != Pos::kNegator;
    return tag;
  }
  return ChooseOpen(i, r, prev_tok, pv, prev);
}

bool SentenceTagger::InTwoWordAdverb(uint32_t i) const {
  struct WordPair {
    LowerWord first, second;
  };
  static constexpr WordPair kAdverbs[] = {{"so", "far"}, {"thus", "far"}, {"once", "again"}, {"once", "more"}};
  const Sentence& s = *sentence;
  for (const auto& [first, second] : kAdverbs)
    if ((d.IsWord(i, first) && i + 1 < s.last && d.IsWord(i + 1, second)) ||
        (d.IsWord(i, second) && i > s.first && d.IsWord(i - 1, first)))
      return true;
  return false;
}

bool SentenceTagger::EventNounAhead(uint32_t i) const {
  const Sentence& s = *sentence;
  for (uint32_t k = i + 1; k < s.last && k < i + 4; ++k) {
    Readings r = readings[k - s.first];
    if (const WordReading* n = First(r, Pos::kNoun); n && d.LemmaTriggers(n->lemma, true)) return true;
    if (!Has(r, Pos::kAdjective)) return false;
  }
  return false;
}

bool SentenceTagger::OpensParticipleClause(uint32_t i) const {
  const Sentence& s = *sentence;
  if (i + 1 >= s.last || d.tokens[i + 1].shape != TokenShape::kWord) return false;
  for (uint32_t k = i + 1; k < s.last && k < i + 12; ++k) {
    if (d.Text(k) == ",") return k > i + 1;
    for (const WordReading& x : readings[k - s.first])
      if (x.pos == Pos::kAuxiliary || x.pos == Pos::kModal) return false;
  }
  return false;
}

TokenTag SentenceTagger::ChooseOpen(uint32_t i, Readings r, uint32_t prev_tok, TokenTag pv, TokenTag prev) {
  const Sentence& s = *sentence;
  std::string_view prev_text = prev_tok == UINT32_MAX ? std::string_view() : d.Text(prev_tok);
  Readings nx;
  uint32_t next_tok = i + 1;
  if (next_tok < s.last) nx = readings[next_tok - s.first];
  bool next_is_name = next_tok < s.last && !lower_ok[next_tok - s.first];
  const OpenReadings open(r);
  const WordReading* noun = open.noun;
  const WordReading* adj = open.adj;
  const WordReading* base = open.base;
  const WordReading* participle = open.participle;
  const WordReading* gerund = open.gerund;
  const WordReading* finite = open.finite;
  auto pick = [&](std::initializer_list<const WordReading*> order) -> const WordReading* {
    for (const WordReading* x : order)
      if (x) return x;
    return nullptr;
  };
  auto finish = [&](const WordReading* x) {
    TokenTag tag = TagOf(x ? *x : r[0]);
    if (tag.form == VerbForm::kPastOrParticiple) tag.form = ResolvePast(i, pv, prev_tok);
    return tag;
  };
  auto participle_tag = [&](const WordReading* x) {
    TokenTag tag = TagOf(*x);
    if (tag.form == VerbForm::kPastOrParticiple) tag.form = VerbForm::kParticiple;
    return tag;
  };
  // Verb chains: "will visit", "to sign", "did not meet"; "has visited";
  // "was signed", "is meeting".
  if (pv.pos == Pos::kModal || pv.pos == Pos::kParticle || (pv.pos == Pos::kAuxiliary && pv.lemma == do_)) {
    if (base) return TagOf(*base);
  }
  if (pv.pos == Pos::kAuxiliary && pv.lemma == have) {
    if (participle) return participle_tag(participle);
  }
  if (pv.pos == Pos::kAuxiliary && pv.lemma == be) {
    if (participle) return participle_tag(participle);
    // "was hit by", "were cut by": a verb whose participle is its base form
    // (WordNet lists no other) before an agent
    if (base && next_tok < s.last && d.IsWord(next_tok, "by")) {
      TokenTag tag = TagOf(*base);
      tag.form = VerbForm::kParticiple;
      return tag;
    }
    if (gerund && !(noun && prev.pos == Pos::kDeterminer)) return TagOf(*gerund);
  }
  Pos p = prev.pos;
  // "A and B both attended", "the ministers all signed": a quantifier
  // floated off the subject before it, then the verb (not "both sides")
  if (p == Pos::kDeterminer && finite && !noun && prev_tok > s.first &&
      d.Is(prev_tok, "floating_quantifier") &&
      (tags[prev_tok - 1].pos == Pos::kProperNoun || tags[prev_tok - 1].pos == Pos::kNoun))
    return finish(finite);
  bool after_determiner = p == Pos::kDeterminer || p == Pos::kAdjective || p == Pos::kNumber ||
                          (p == Pos::kPronoun && IsPossessive(d, prev_tok));
  if (after_determiner) {
    // "the new talks": an adjective before what can be its noun
    bool nominal_next = StartsNominal(nx) && !next_is_name;
    if (adj && nominal_next) return TagOf(*adj);
    // "its full backing to", "their strong support for": before a word that
    // can be a noun and ends the phrase, an adjective describes it (not
    // "the offensive taking place", whose next word has its own object)
    if (adj && noun && !next_is_name && Has(nx, Pos::kNoun) && next_tok + 1 < s.last &&
        !StartsNominal(readings[next_tok + 1 - s.first]))
      return TagOf(*adj);
    if (const WordReading* x = pick({noun, adj})) return TagOf(*x);
    if (participle) return participle_tag(participle);  // "the signed treaty"
    return finish(pick({gerund, r.data()}));
  }
  if (p == Pos::kPreposition) {
    // "commended Chile for signing the accord", "by launching its strikes":
    // an -ing word with its own determined object is a gerund (but "with
    // visiting Brazilian ministers": before a name it describes it)
    // (a number counts things done to: "of shelling three villages")
    // (and a possessive name: "by expelling Chile's envoy")
    bool object_next = !nx.empty() && (nx[0].pos == Pos::kDeterminer || nx[0].pos == Pos::kNumber ||
                                       (nx[0].pos == Pos::kPronoun && i + 1 < s.last && IsPossessive(d, i + 1)));
    object_next |= next_is_name && i + 2 < s.last && (d.Text(i + 2) == "'s" || d.Text(i + 2) == "\u2019s");
    if (gerund && object_next) return TagOf(*gerund);
    // "with overwhelming force", "amid growing tensions": an -ing word that
    // is also an adjective, before a noun, describes it
    if (adj && gerund && !noun && Has(nx, Pos::kNoun) && !next_is_name) return TagOf(*adj);
    return finish(pick({noun, gerund, adj, r.data()}));
  }
  // "swift and crushing", "merciless and overwhelming": a word coordinated
  // with the adjective before it is one too, when it can be
  if (p == Pos::kCoordinator && adj && prev_tok > s.first && tags[prev_tok - 1].pos == Pos::kAdjective)
    return TagOf(*adj);
  // "the government strongly protests", "Lima firmly rejects": past an
  // adverb after a noun or a name, a finite form is the verb
  if (p == Pos::kAdverb && finite && (pv.pos == Pos::kNoun || pv.pos == Pos::kProperNoun)) return finish(finite);
  bool subject_before = (p == Pos::kPronoun && IsSubjectPronoun(d, prev_tok)) || p == Pos::kProperNoun ||
                        p == Pos::kNoun;
  if (subject_before && (finite || base)) {
    // "strikes on Hamas targets in Gaza", "talks with Kremlin officials on
    // trade", "against several EU states, including": a name that is a
    // preposition's object or follows a determiner is no subject; a word
    // after it that can be a noun, before a preposition or a stop, is the
    // noun it describes (not "sanctions on Iran target its oil")
    // ("sold Bayraktar drones to", "used Patriot missiles against": after
    // a verb's object name, a word for weapons or goods is what it makes)
    // ("the firm, which the EU accused of": after a relative pronoun the
    // name is the clause's subject)
    // (the run's opener is walked to once: the rules below ask of it too)
    const uint32_t opener_at = p == Pos::kProperNoun ? NameRunOpenerAt(prev_tok) : prev_tok;
    const Pos opener = p == Pos::kProperNoun && opener_at < prev_tok && !RelativeClauseSubject(opener_at)
                           ? tags[opener_at].pos
                           : Pos::kOther;
    if (noun && p == Pos::kProperNoun &&
        (opener == Pos::kPreposition || opener == Pos::kDeterminer ||
         (opener == Pos::kVerb && (d.Is(i, "weapon") || d.Is(i, "supply_goods") || d.Is(i, "state_proxy")))) &&
        (next_tok >= s.last || d.tokens[next_tok].shape == TokenShape::kPunct ||
         (!nx.empty() && nx[0].pos == Pos::kPreposition)))
      return TagOf(*noun);
    // "Kenya condemns", "she talks", "the ministers met". After a common
    // noun a noun may be a compound ("peace talks"): a verb when an object
    // follows ("the minister talks the ..."), a noun when a verb does.
    bool verb_follows = !nx.empty() && (nx[0].pos == Pos::kVerb || nx[0].pos == Pos::kModal ||
                                        nx[0].pos == Pos::kAuxiliary);
    // ("the two ministers put their signatures": a possessive opens an object too)
    bool object_follows = !nx.empty() && (nx[0].pos == Pos::kDeterminer || next_is_name ||
                                          nx[0].pos == Pos::kNumber || nx[0].pos == Pos::kProperNoun ||
                                          (nx[0].pos == Pos::kPronoun && IsPossessive(d, next_tok)));
    if (noun && verb_follows && !Has(nx, Pos::kNoun)) return TagOf(*noun);
    // a Title Case headline tells events in the present: "Chile, Peru Sign
    // Fisheries Accord", "Kenya Hosts Leaders" - after a name, a word whose
    // verb has an event frame is that verb
    if (s.title_case && p == Pos::kProperNoun && (base || finite) && d.LemmaTriggers((base ? base : finite)->lemma, false))
      return TagOf(base ? *base : *finite);
    // "firms accused of", "civilians wounded in": a noun spelled as its
    // verb's participle names the one the act was done to ("the accused"),
    // so after another noun and before a preposition it is that participle,
    // a reduced relative, not a compound
    if (noun && participle && p == Pos::kNoun && d.Text(i).ends_with("ed") && !nx.empty() &&
        nx[0].pos == Pos::kPreposition)
      return participle_tag(participle);
    // "the two leaders spoke about", "the troops left for": a noun that is
    // also a past form spelled unlike its verb's base (not "cut", not a
    // present "talks") is that verb after a noun and before a preposition:
    // compounds of such nouns ("bicycle spoke") are rare in the news
    if (noun && finite && !base && finite->form != VerbForm::kPresent3s && p == Pos::kNoun && !nx.empty() &&
        nx[0].pos == Pos::kPreposition)
      return finish(finite);
    // "leaders hold talks", "ministers pay a visit": after a plural noun, a
    // light verb before the event noun it carries is that verb (a headline
    // drops the article that would show it)
    // (or after a name: "Iran, US hold indirect talks"; describing words
    // may stand before the event noun)
    const bool plural_or_name = p == Pos::kProperNoun || (p == Pos::kNoun && !EqualsLowerAscii(prev_text, lex.LemmaText(prev.lemma)));
    if (noun && base && plural_or_name && d.frames && d.frames->IsLightVerb(lex.LemmaText(base->lemma)) &&
        EventNounAhead(i))
      return TagOf(*base);
    if (noun && p == Pos::kNoun && !object_follows) return TagOf(*noun);
    if (finite) return finish(finite);
    // "watched A and B sign the accord", "Chile and Peru sign a pact": a
    // base form between a name and its object is the verb (a name and a
    // noun before a determiner make no compound)
    // (not a name after a determiner, a preposition or a hyphen, which
    // describes the noun after it: "the Lima-based firm Andes Cargo")
    if (base && p == Pos::kProperNoun && opener != Pos::kDeterminer && opener != Pos::kPreposition &&
        !IsHyphen(d.Text(opener_at)) && object_follows)
      return TagOf(*base);
    // "Chile, Peru and Bolivia sign maritime pact": after names joined by
    // "and", a base form whose verb has an event frame agrees with them (a
    // headline drops the article before its object)
    if (base && p == Pos::kProperNoun && opener == Pos::kCoordinator && d.LemmaTriggers(base->lemma, false))
      return TagOf(*base);
    // a base form is a plural subject's present tense: "the leaders meet"
    bool plural_subject = (p == Pos::kPronoun) ||
                          (p == Pos::kNoun && !EqualsLowerAscii(prev_text, lex.LemmaText(prev.lemma)));
    if (plural_subject || !noun) return TagOf(*base);
    return TagOf(*noun);
  }
  // "is still being held", "has already signed", "will also visit": between
  // an auxiliary and the verb it governs an adverb reading wins
  if (const WordReading* adv = First(r, Pos::kAdverb);
      adv && (p == Pos::kAuxiliary || p == Pos::kModal) && !nx.empty() &&
      (nx[0].pos == Pos::kVerb || nx[0].pos == Pos::kAuxiliary))
    return TagOf(*adv);
  if (p == Pos::kVerb || (p == Pos::kAuxiliary && pv.lemma != be)) {
    // the object: "hold joint exercises", "discussed trade", "launched
    // heavy shelling" (a word that can be a noun after the adjective)
    if (adj && (StartsNominal(nx) || Has(nx, Pos::kNoun)) && !next_is_name) return TagOf(*adj);
    return finish(pick({noun, adj, r.data()}));
  }
  if (p == Pos::kCoordinator && prev_tok > s.first) {
    // "met and talked", "talks and visits": like the word before "and"
    TokenTag before = tags[prev_tok - 1];
    if (before.pos == Pos::kVerb)
      for (const auto& x : r)
        if (x.pos == Pos::kVerb && x.form == before.form) return TagOf(x);
    // ("blamed the crisis on the border and accused Chile of": a past form with
    // a name for its object starts a second predicate, not a compound noun)
    const WordReading* past = Verb(r, VerbForm::kPastOrParticiple, VerbForm::kPast);
    if (before.pos == Pos::kNoun && noun && past && next_is_name) return TagOf(*past);
    // ("will visit the museum and lay a wreath", "to meet B and pay
    // tribute": a base form with an object, after a clause whose verb is a
    // base form, is that clause's second verb)
    if (before.pos == Pos::kNoun && noun && base && LastVerbIsBase(prev_tok) &&
        ((!nx.empty() && nx[0].pos == Pos::kDeterminer) ||
         (d.frames && d.frames->IsLightVerb(lex.LemmaText(base->lemma)) && EventNounAhead(i))))
      return TagOf(*base);
    if (before.pos == Pos::kNoun && noun) return TagOf(*noun);
  }
  // "Bondar later flew", "she also met": between a subject and its verb an
  // adverb reading wins
  if (const WordReading* adv = First(r, Pos::kAdverb); adv && subject_before && Has(nx, Pos::kVerb)) return TagOf(*adv);
  // "Speaking in Lima, A said", "Arriving in Quito on Monday, B met": an
  // -ing word opening the sentence, with a phrase and then a comma before
  // any verb, is a participle whose doer is the main clause's subject
  if (p == Pos::kOther && gerund && OpensParticipleClause(i)) return TagOf(*gerund);
  if (p == Pos::kOther && (noun || adj)) return finish(pick({noun, adj}));  // a sentence's first word
  // "the Chinese official said", "a US diplomatic note": after a name, a
  // word that is a noun or an adjective describes a noun after it, else is one
  if (p == Pos::kProperNoun && noun && adj && !finite && !base)
    return TagOf(StartsNominal(nx) && !next_is_name ? *adj : *noun);
  // "the Ministerial signing of", "a Security Council meeting on": a name
  // that follows a determiner describes the noun after it
  if (p == Pos::kProperNoun && noun && NameRunOpener(prev_tok) == Pos::kDeterminer && (nx.empty() || !StartsNominal(nx)))
    return TagOf(*noun);
  return finish(r.data());
}

// Whether the last verb of the sentence before token `before` is a base
// form: "will visit", "to meet".
bool SentenceTagger::LastVerbIsBase(uint32_t before) const {
  for (uint32_t k = before; k-- > sentence->first;)
    if (tags[k].pos == Pos::kVerb) return tags[k].form == VerbForm::kBase;
  return false;
}

// The word that opens the run of name words ending at `last`, and its part
// of speech: a determiner for "the Ministerial", "a Security Council", a
// preposition for "on Hamas"; kOther when the run opens the sentence.
uint32_t SentenceTagger::NameRunOpenerAt(uint32_t last) const {
  uint32_t k = last;
  while (k > sentence->first && tags[k].pos == Pos::kProperNoun) --k;
  return k;
}

Pos SentenceTagger::NameRunOpener(uint32_t last) const {
  const uint32_t k = NameRunOpenerAt(last);
  return k < last ? tags[k].pos : Pos::kOther;
}

bool SentenceTagger::RelativeClauseSubject(uint32_t opener) const {
  uint32_t k = opener;
  if (tags[k].pos == Pos::kDeterminer && k > sentence->first) --k;
  return d.IsWord(k, "which") || d.IsWord(k, "whom") || d.IsWord(k, "that");
}

// "visited", "met": past tense after a subject, a participle after an
// auxiliary, before "by", or as a modifier.
VerbForm SentenceTagger::ResolvePast(uint32_t i, const TokenTag& pv, uint32_t prev_tok) const {
  if (pv.pos == Pos::kAuxiliary && (pv.lemma == have || pv.lemma == be)) return VerbForm::kParticiple;
  // "signed by A" names a doer; "responded by expelling B" a means: the
  // past form before it is the clause's verb
  if (i + 1 < sentence->last && EqualsLowerAscii(d.Text(i + 1), "by") &&
      !(i + 2 < sentence->last && d.Text(i + 2).ends_with("ing") && Verb(readings[i + 2 - sentence->first], VerbForm::kGerund)))
    return VerbForm::kParticiple;
  if (prev_tok == UINT32_MAX) return VerbForm::kParticiple;
  Pos p = tags[prev_tok].pos;
  if (p == Pos::kDeterminer || p == Pos::kAdjective || p == Pos::kPreposition) return VerbForm::kParticiple;
  if (p == Pos::kPunct) {
    // after a comma a participle opens a phrase ("The treaty, signed in
    // 1990, ...", "accompanied by"); but the comma closing such a phrase or
    // an apposition, before any finite verb, comes before the main verb
    // ("The treaty, signed in 1990, expired", "A and B, its ministers, held talks")
    bool closing = false, finite_before = false;
    for (uint32_t k = sentence->first; k + 1 < i; ++k) {
      closing = closing || d.Text(k) == ",";
      const TokenTag& t = tags[k];
      finite_before = finite_before || t.pos == Pos::kAuxiliary || t.pos == Pos::kModal ||
                      (t.pos == Pos::kVerb && (t.form == VerbForm::kPast || t.form == VerbForm::kPresent3s));
    }
    if (closing && !finite_before) return VerbForm::kPast;
    bool phrase_next = i + 1 < sentence->last && Has(readings[i + 1 - sentence->first], Pos::kPreposition) &&
                       !Has(readings[i + 1 - sentence->first], Pos::kDeterminer);
    return phrase_next ? VerbForm::kParticiple : VerbForm::kPast;
  }
  return VerbForm::kPast;
}

}  // namespace

void TagTokens(Document* doc) {
  if (!doc->lexicon) {
    doc->tags.assign(doc->tokens.size(), TokenTag{});
    return;
  }
  // (sized, not filled: the sentences cover every token, and Tag writes
  // the tag of each; Document::Reset leaves the last article's tags)
  doc->tags.resize(doc->tokens.size());
  SentenceTagger tagger(doc, *doc->lexicon);
  for (const Sentence& s : doc->sentences) tagger.Tag(s);
}

}  // namespace irkg::internal
