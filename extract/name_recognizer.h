// Internal to extract/: the entity recognizer's passes over one Document,
// one idea a file, sharing the questions every pass asks of a token
// ("capitalized?", "same sentence?") and AddMention, the one way a pass adds
// a name. Every pass reads doc.tokens, token_text, token_cues, sentences and
// sentence_of, and reads and writes doc.mentions / mention_at (names) and
// doc.titles / title_at (offices); a mention a later pass covers is emptied
// (last == first) and dropped at the end by RecognizeEntities, which runs:
//   names_dictionary.cpp  DictionaryPass, StateFormPass, ExtendTitles
//   names_head_noun.cpp   HeadNounPass, LowerHeadPass, StateMinistryPass,
//                         PlaceKindPass, PlaceAppositionPass, OrgKindPass (and RepeatPass)
//   names_person.cpp      PersonPass, SurnamePass
//   names_head_noun.cpp   PlaceOfStatePass
//   names_dateline.cpp    DatelinePass
//   names_acronym.cpp     AcronymPass
//   names_head_noun.cpp   RepeatPass
//   names_metonym.cpp     MetonymPass
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "extract/document.h"

namespace irkg::internal {

struct Recognizer {
  Document& d;
  const std::vector<DictEntry>& entries;
  uint32_t n;

  explicit Recognizer(Document& doc) : d(doc), entries(doc.dict->entries()), n(static_cast<uint32_t>(doc.tokens.size())) {
    // One walk over the tokens through plain pointers, once an article: the
    // checked accessors (Is, IsWord, Text) reloaded the vectors' bounds at
    // every token, in three walks. What depends only on a token's text is
    // read once a distinct word (Document::word_of, ReadWordKind); the cue
    // classes, which phrases of several words add to, once a token.
    const int hit_prep = CueClass("hit_prep").id(), lower_head = CueClass("lower_head").id();
    const uint32_t* word_of = d.word_of.data();
    const CueMask* cues = d.token_cues.data();
    std::vector<uint8_t> kind_of_word(d.word_count, kUnreadWord);
    digit_word.assign(d.word_count, -1);
    capitalized.resize(n);
    char* capital = capitalized.data();
    place_preps.reserve(n / 8);
    commas.reserve(n / 8);
    ofs.reserve(n / 16);
    capitals.reserve(n / 4);
    for (uint32_t i = 0; i < n; ++i) {
      uint8_t kind = kind_of_word[word_of[i]];
      if (kind == kUnreadWord) kind = kind_of_word[word_of[i]] = ReadWordKind(i);
      capital[i] = (kind & kCapitalWord) != 0;
      if (kind & kCapitalWord) capitals.push_back(i);
      if ((kind & kPlacePrepWord) || cues[i][hit_prep])
        place_preps.push_back(i);
      else if (kind & kCommaWord)
        commas.push_back(i);
      if (kind & kOfWord)
        ofs.push_back(i);
      else if (kind & kMinistryWord)
        ministries.push_back(i);
      if (cues[i][lower_head]) lower_heads.push_back(i);
    }
  }

  // What the constructor's walk needs of a token that depends only on its
  // text, as bits; a word in lower case also has its key marked in
  // lower_keys. A word's packed text is its exact bytes when it has no
  // capitals, as "," and the prepositions have none.
  enum : uint8_t {
    kCapitalWord = 1,
    kPlacePrepWord = 2,  // "in", "at", "near", "outside"
    kCommaWord = 4,
    kOfWord = 8,
    kMinistryWord = 16,
    kUnreadWord = 128,
  };
  uint8_t ReadWordKind(uint32_t i) {
    static constexpr uint64_t kIn = LowerWord("in").packed(), kAt = LowerWord("at").packed(),
                              kNear = LowerWord("near").packed(), kOutside = LowerWord("outside").packed(),
                              kComma = LowerWord(",").packed(), kOf = LowerWord("of").packed(),
                              kMinistry = LowerWord("ministry").packed();
    const Token& t = d.tokens[i];
    uint8_t kind = 0;
    if (t.shape == TokenShape::kWord && (t.cap || t.upper)) kind |= kCapitalWord;
    if (t.shape == TokenShape::kWord && !t.cap && !t.upper && t.key != 0) {
      // (grown to the largest key met: WrittenInLowerCase reads past the end as no)
      if (t.key / 64 >= lower_keys.size()) lower_keys.resize(t.key / 64 + 1, 0);
      lower_keys[t.key / 64] |= uint64_t{1} << (t.key % 64);
    }
    const uint64_t p = d.token_packed[i];
    if (p == kIn || p == kAt || p == kNear || p == kOutside)
      kind |= kPlacePrepWord;
    else if (p == kComma)
      kind |= kCommaWord;
    if (p == kOf)
      kind |= kOfWord;
    else if (p == kMinistry)
      kind |= kMinistryWord;
    return kind;
  }

  // The words that can open a phrase of place ("in", "at", "near",
  // "outside" and the hit_prep cue words), and the commas, in text order:
  // where the place passes' searches start, found once rather than by each
  // pass at every token. So, for the passes that start from one word, are
  // the "of"s (the place kind before one), the "ministry"s in any case and
  // the lower_head cue words.
  std::vector<uint32_t> place_preps, commas, ofs, ministries, lower_heads;
  // The words with a capital (Cap()), in text order: where the passes that
  // look only at capitalized words (head nouns, people, surnames, acronyms)
  // start, rather than each asking Cap() of every token.
  std::vector<uint32_t> capitals;

  // The token keys of words the article writes in lower case, a bit per key
  // (keys are small dense numbers): cheaper than a hash set of nodes.
  std::vector<uint64_t> lower_keys;
  bool WrittenInLowerCase(uint32_t key) const { return key / 64 < lower_keys.size() && (lower_keys[key / 64] >> (key % 64) & 1); }

  // (read from a byte a token, set by the constructor: every pass asks it
  // of every token, and a Token's shape and flags are two loads and tests)
  bool Cap(uint32_t i) const { return i < n && capitalized[i]; }
  bool Joined(uint32_t i) const { return i < n && !d.tokens[i].space_before; }
  bool SameSentence(uint32_t a, uint32_t b) const { return a < n && b < n && d.sentence_of[a] == d.sentence_of[b]; }
  // A sentence's first word, after an opening quote too, or the first word
  // after a dateline's dash ("LIMA, May 2 (Andina) -- His ...").
  bool SentenceStart(uint32_t i) const {
    const uint32_t first = d.sentences[d.sentence_of[i]].first;
    return first == i || (i > 0 && IsQuote(i - 1) && first == i - 1) ||
           (i > first && d.sentence_of[i] < kDatelineSentences && IsDash(d.Text(i - 1)) && d.tokens[i].space_before);
  }
  bool IsQuote(uint32_t i) const {
    std::string_view t = d.Text(i);
    return t == "\"" || t == "\u201C" || t == "\u201D" || t == "\u2018" || t == "\u2019" || t == "'";
  }
  bool Possessive(uint32_t i) const {
    if (i >= n) return false;
    std::string_view t = d.Text(i);
    return (t.size() >= 2 && (t.back() == 's' || t.back() == 'S') && !d.tokens[i].space_before &&
            (t[0] == '\'' || t[0] == '`' || t.rfind("\u2019", 0) == 0));
  }
  bool Free(uint32_t first, uint32_t last) const {
    for (uint32_t i = first; i < last; ++i)
      if (d.mention_at[i] >= 0 || d.title_at[i] >= 0) return false;
    return true;
  }

  int AddMention(Mention m);

  // ---- dictionary names, offices and state forms (names_dictionary.cpp)
  void DictionaryPass();

  bool TakeDictionaryMatch(uint32_t first, uint32_t last, const std::vector<FormMatch>& matches);
  bool PlaceOpensPersonName(uint32_t first, uint32_t last, FormKind form, bool also_given) const;

  // Offices continue over "of|for [the] Capitalized words (and more)":
  // "Minister of Culture and National Heritage", "Minister of the
  // Presidency" — but not over a state's name, which says whose office it is.
  void ExtendTitles();

  // A state's long form ("the Republic of Hungary", "Islamic Republic of
  // Iran", "Kingdom of Saudi Arabia") is one mention of the state.
  void StateFormPass();

  // ---- names around a head noun (names_head_noun.cpp)
  // Extends left over capitalized words (and hyphens joining them).
  uint32_t ExtendLeft(uint32_t head) const;
  bool JoinedFieldBefore(uint32_t and_tok) const;

  // Extends right over "of|for|on|to (the) Capitalized ..." (and, for
  // agreements, a lower-case subject: "Joint Declaration on strengthening
  // the ... partnership"). Stops before a known organization's name.
  bool AgreementNameJoiner(uint32_t i) const;
  uint32_t ExtendRight(uint32_t last, bool agreement, bool embassy) const;
  bool OnBehalf(uint32_t i) const;
  bool Year(uint32_t i) const;
  uint32_t YearsOfName(uint32_t i) const;
  bool StateNameRun(uint32_t first, uint32_t end) const;
  bool TitleParticiple(uint32_t i) const;

  EntityType HeadType(uint32_t head, std::string_view* subtype) const;
  void NameWithPlace(Mention* m, bool states) const;

  bool IsHead(uint32_t i) const;
  bool StateAfterPlace(uint32_t first, uint32_t head, EntityType type) const;
  bool GenericDocument(uint32_t first, uint32_t last) const;

  void HeadNounPass();

  // Capitalized (or dictionary) names followed by lower-case modifiers and a
  // lower-case head: "Baltic Coast gas pipeline", "Iran nuclear deal",
  // "Riga-Tallinn-Helsinki railway", "Klaipeda port project", "Gulf region".
  void LowerHeadPass();

  // A state's ministry named by the state and its fields, in any case:
  // "the Peruvian defence ministry", "Chile's Foreign Ministry". One body
  // of that state, named as written with its words capitalized.
  void StateMinistryPass();

  // Names after a kind of place and "of" are places: "the town of Kars",
  // "the districts of Ayr, Troon and Irvine" (names the dictionary lacks).
  void PlaceKindPass();

  // Names after a lower-case word for a kind of company or news outlet are
  // such bodies: "oil giant Ecopetrol", "the party newspaper Rodong Sinmun".
  void OrgKindPass();

  // Names tied to a state as places are: "in Chile's Arica", "Tumbara,
  // Ecuador's port city" (names the dictionary lacks).
  void PlaceOfStatePass();

  // The names listed from token `i` on, as mentions of `type` (a pass's
  // list after its kind word).
  void AddListedNames(uint32_t i, EntityType type, std::string_view subtype);

  // A name after a preposition of place and before ", REGION" is a place:
  // "in Arlington, Virginia" (names the dictionary lacks).
  void PlaceAppositionPass();

  // ---- people (names_person.cpp)
  mutable std::vector<FormMatch> given_matches;  // GivenName's, kept: it is asked of every candidate name
  mutable std::vector<uint32_t> given_keys;

  // True when the name [first, last) opens with a given name: one word
  // ("Anne") or several joined by hyphens ("Anne-Marie", "Abdel-Fattah"),
  // which the dictionary holds as forms of three tokens.
  bool GivenName(uint32_t first, uint32_t last) const;

  bool MonthAsGivenName(uint32_t i) const;
  // Whether token i can be a word of a person's name. Inline up to the
  // capital it needs: the person and surname passes ask it of every token,
  // and most words are not capitalized.
  bool NamePart(uint32_t i) const { return Cap(i) && CapitalizedNamePart(i); }
  bool CapitalizedNamePart(uint32_t i) const;
  bool ModelCode(uint32_t i) const;
  std::vector<char> capitalized;  // token -> Cap(), a word with a capital
  // word (Document::word_of) -> whether it holds a digit (ModelCode), -1 not yet read
  mutable std::vector<signed char> digit_word;

  // Extends a person's name over particles, hyphens and initials.
  uint32_t PersonEnd(uint32_t first) const;
  bool LowerSyllableAfterHyphen(uint32_t first, uint32_t hyphen) const;
  bool AllOpenClass(uint32_t first, uint32_t last) const;
  bool OpenClassWord(uint32_t i) const;  // a noun, verb or adjective of the lexicon

  bool CommonWords(uint32_t first, uint32_t last) const;

  // What precedes a name and says it is a person's.
  bool PersonCue(uint32_t first) const;
  bool CommonNoun(uint32_t token) const;

  bool PostingPreposition(uint32_t prep) const;
  bool SpeechAfter(uint32_t last) const;

  // Where, inside the run [first, last) that is no name as a whole, a
  // person's name begins after words nothing recognizes: an office the
  // title list lacks or misspells ("Chief Whip Ana Soto", "Trade Comissioner
  // Ana Soto"). Returns last when there is none.
  uint32_t NameAfterUnknownWords(uint32_t first, uint32_t last);

  void PersonPass();

  bool CommonOpener(uint32_t token) const;
  void FullNamesInHeadlines();
  bool HeadlineEventVerb(uint32_t token) const;

  // A word of a person's full name, seen alone, names that person
  // ("Ozola stressed", "Tanaka, for her part", "Ozola's remarks").
  void SurnamePass();

  // ---- the agency of a dateline: "Lima, May 2 (Andina) -" (names_dateline.cpp)
  void DatelinePass();
  void DatelinePlacePass(uint32_t end);  // (part of DatelinePass)

  // ---- acronyms in parentheses, then their bare uses (names_acronym.cpp)
  void AcronymPass();

  // ---- capitals standing for their states (names_metonym.cpp)
  // A capital standing for its state: "Moscow said", "blacklisted by
  // Washington", "rivalry between Washington and Havana". Such a mention
  // names the state, not the city.
  void MetonymPass();

  // The country entry whose capital form this mention is, or -1.
  int CapitalOf(const Mention& m) const;
  bool StanceWord(uint32_t i) const;
  bool FollowedByAct(uint32_t at) const;

  bool ActorPosition(const Mention& m) const;

  // (names_head_noun.cpp)
  // Names of agreements and projects also appear in lower case or without
  // their capitals elsewhere ("a peace agreement" ... "the Peace Agreement").
  void RepeatPass();
};

}  // namespace irkg::internal
