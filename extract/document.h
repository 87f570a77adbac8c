// Internal to extract/: the working state of one article as it passes
// through the extraction stages (tokens -> sentences -> mentions ->
// entities -> triples). Each stage reads what the previous ones wrote.
#pragma once

#include <algorithm>
#include <deque>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "core/record.h"
#include "core/text.h"
#include "extract/dictionary.h"
#include "extract/frames.h"
#include "extract/lexicon.h"
#include "extract/lower_word.h"
#include "extract/pass_times.h"
#include "extract/tokenizer.h"

namespace irkg::internal {

struct Sentence {
  uint32_t first = 0, last = 0;  // token range, last exclusive
  bool title_case = false;       // a headline in Title Case: capitals prove little
};

// How a mention refers to its entity.
enum class MentionForm : unsigned char {
  kName,       // a name: "Ilze Ozola", "Azerbaijan", "Rainis Memorial Foundation"
  kShortName,  // a part of a name seen in full elsewhere: "Ozola", "Tanaka"
  kAdjective,  // a demonym: "Azerbaijani"
  kMetonym,    // a capital standing for its country: "Moscow said"
  kAcronym,    // an acronym introduced in parentheses: "(NIOC)"
};

struct Mention {
  uint32_t first = 0, last = 0;  // token range, last exclusive
  EntityType type = EntityType::kPerson;
  MentionForm form = MentionForm::kName;
  // the canonical name this mention proposes: a view of the text, of a
  // dictionary entry or of a name a pass built (Document::KeepName)
  std::string_view name;
  // views of a dictionary entry's strings or of literals ("city"): both
  // outlive the article, and a mention is copied and moved pass to pass
  std::string_view subtype, code;
  int dict_entry = -1;           // dictionary entry, when one names it
  int entity = -1;               // set by coreference
  bool strong = false;           // context proves the type (a title, a head noun)
  // the last words of `name` that say where a body is ("Chilean Embassy in
  // Lima"), outside the token range: what it is, not counted when the
  // fullest of its names is chosen
  uint8_t where_words = 0;
};

// An office named in the text: "Deputy Foreign Minister", "foreign Minister".
struct TitleMention {
  uint32_t first = 0, last = 0;
  std::string text;              // as written, modifiers such as "new" left out
  bool of_organization = false;  // usually an office of a body (Secretary-General)
  bool plural = false;           // "the foreign ministers of A and B": text is then the office's name
  int dict_entry = -1;
};

// A story's dateline stands in its first sentences: a title line, then the
// dateline sentence ("LIMA, May 2 (Andina) -").
constexpr uint32_t kDatelineSentences = 3;
// The dash that ends a dateline: "-", "--", an en or an em dash.
inline bool IsDash(std::string_view t) { return t == "-" || t == "--" || t == "\u2014" || t == "\u2013"; }
// The hyphen that joins the words of a compound: "Lima-based", "Chile-Peru".
inline bool IsHyphen(std::string_view t) { return t == "-" || t == "\u2010" || t == "\u2011"; }

struct EntityInfo {
  std::string_view name;         // as Mention::name
  uint8_t where_words = 0;       // as Mention::where_words, of the mention that named it first
  EntityType type = EntityType::kPerson;
  std::string_view subtype, code;  // as Mention's
  int dict_entry = -1;
  std::vector<int> mentions;     // indices into Document::mentions, in text order
  std::vector<std::string> titles;  // offices the text gives this person
  int country = -1;              // for persons: the entity of their country, when known
  int placed_in = -1;            // for places: the state the text has placed it in so far
  // memo of whether a mention names it, not only a demonym: -1 not yet known
  // (the frame pass asks once an entity, so asking stays linear)
  signed char named_not_only_adjective = -1;
};

// A meeting, a visit, a signing: events a story dates to a day (its own,
// or the day the story is telling when no sentence dates them).
inline bool EventOfTheDay(Predicate p) {
  return p == Predicate::kMetWith || p == Predicate::kVisited || p == Predicate::kSigned;
}

// One reading of a relation, before it becomes an ExtractedTriple.
struct Fact {
  int subject = -1, object = -1;  // entity indices
  Predicate predicate = Predicate::kMetWith;
  std::string title, date, what;
  double confidence = 0.5;
  const char* rule = "";
  // Reported as done in the news (an embassy "opened"): undated, it takes
  // the article's day at the merge, as meetings, visits and signings do.
  bool of_the_day = false;
  uint32_t sentence = 0;
};

// What the tagger adds to each token.
struct TokenTag {
  Pos pos = Pos::kOther;
  VerbForm form = VerbForm::kNone;
  LemmaId lemma = 0;             // 0: not a word the lexicon knows
  bool negated = false;          // the word carries its own "not": "didn't", "cannot"
};

// A chunk: a run of tokens that acts as one unit of a clause (ChunkSentences).
enum class ChunkKind : unsigned char {
  kNoun,         // noun phrase: "the Chilean foreign minister Ana Pérez", "talks", "he"
  kVerb,         // verb group: "has not yet met", "was attacked", "to visit"
  kPreposition,  // "with", "between"
  kCoordinator,  // "and", "or"
  kSubordinator, // "that", "because", "while", "if"
  kComma,
  kBoundary,     // ; : ( ) quotes dashes: nothing reaches across
  kOther,        // adverbs outside verb groups, symbols
};

struct Chunk {
  uint32_t first = 0, last = 0;  // token range, last exclusive
  ChunkKind kind = ChunkKind::kOther;
  uint32_t head = 0;             // noun phrase: its last word; verb group: its main verb
  // verb groups
  bool negated = false;          // "did not meet", "never visited"
  bool modal = false;            // "will meet", "could strike", "to visit"
  bool passive = false;          // "was attacked", "were signed"
  bool infinitive = false;       // "to visit"
  bool gerund = false;           // "meeting", "signing" as a verb
  // noun phrases
  bool possessor = false;        // followed by 's: it owns the next noun phrase
  bool relative = false;         // "who", "which", "whom"
  bool pronoun = false;          // "he", "they", "it"
};

struct Document {
  std::string_view text;
  const Dictionary* dict = nullptr;
  const Lexicon* lexicon = nullptr;  // may be null: then the tagger leaves every tag kOther
  const FrameTable* frames = nullptr; // may be null: then no frame fires
  // LemmaId -> the frames of that lemma (the Extractor's index of `frames`
  // by the lexicon's ids); null: ask `frames` by text.
  const LemmaFrameIndex* frames_of_lemma = nullptr;
  // The verb or noun frames of a lexicon lemma (not 0); needs `frames` and `lexicon`.
  const std::vector<const Frame*>& FramesOf(LemmaId lemma, bool noun) const {
    if (!frames_of_lemma) return frames->Find(lexicon->LemmaText(lemma), noun);
    static const std::vector<const Frame*> kNone;
    const LemmaFrames* f = frames_of_lemma->Find(lemma);
    return f ? *(noun ? f->noun : f->verb) : kNone;
  }
  // Whether a lexicon lemma triggers a verb or noun frame (of `predicate`
  // when one is given): "sign" a verb frame, "raid" an `attacks` noun frame.
  bool LemmaTriggers(LemmaId lemma, bool noun, std::optional<Predicate> predicate = std::nullopt) const {
    if (!frames || !lexicon || !lemma) return false;
    for (const Frame* f : FramesOf(lemma, noun))
      if (!predicate || f->predicate == *predicate) return true;
    return false;
  }
  std::string article_date;      // ISO 8601 (may be only a year), empty when unknown
  std::vector<Token> tokens;
  // tokens.size(), and the size of every per-token vector PrepareTokens
  // fills (token_text, token_cues, token_packed, token_keys, word_of)
  uint32_t token_count = 0;
  std::vector<std::string_view> token_text;
  std::vector<CueMask> token_cues;     // token -> its cue classes, looked up once
  CueMask article_cues;                // the classes of all its tokens (ArticleHas)
  std::vector<uint64_t> token_packed;  // token -> PackWord of its text in lower case (IsWord)
  std::vector<uint32_t> token_keys;    // token -> Token::key, side by side for Dictionary::LongestMatch
  // token -> the number of its text among the article's distinct token
  // texts (exact bytes), 0 to word_count - 1: what depends only on a
  // token's text is looked up once a word (PrepareTokens, the tagger)
  std::vector<uint32_t> word_of;
  uint32_t word_count = 0;
  // word -> its lexicon readings (Lexicon::FindWritten), when PrepareTokens
  // had a lexicon
  std::vector<std::span<const WordReading>> word_readings;
  std::vector<Sentence> sentences;
  std::vector<uint32_t> sentence_of;   // token -> sentence index
  std::vector<TokenTag> tags;          // token -> part of speech and lemma (TagTokens)
  std::vector<Chunk> chunks;           // in text order, no sentence crossed (ChunkSentences)
  std::vector<uint32_t> chunk_of;      // token -> chunk index
  std::vector<Mention> mentions;       // in text order
  // The names the passes build rather than find in the text or the
  // dictionary ("Lima" for a dateline's "LIMA"), for the mentions' and
  // entities' views: a deque, so that a name kept does not move.
  std::deque<std::string> built_names;
  std::string_view KeepName(std::string name) { return built_names.emplace_back(std::move(name)); }
  std::vector<int> mention_at;         // token -> mention index or -1
  std::vector<TitleMention> titles;
  std::vector<int> title_at;           // token -> title index or -1
  std::vector<EntityInfo> entities;
  std::vector<Fact> facts;
  // The latest gathering the frame pass read: its people in text order
  // (whom "the talks" in a later sentence means: "B joined the talks"), the
  // place it was held when the text names one (where those who join it
  // later were: "The accord was signed in Lima. The ceremony was attended
  // by B"), the agreement signed there, and the sentence that last added to
  // it.
  struct Gathering {
    std::vector<int> people;
    int place = -1;
    int agreement = -1;  // what was signed there: "B signed as a witness" signed it too
    uint32_t sentence = 0;
    void Clear() {
      people.clear();
      place = -1;
      agreement = -1;
      sentence = 0;
    }
  };
  Gathering gathering;

  // The doers and targets of the latest hostile act read (an attack, a
  // sanction, a threat; target -1 when the act names none: "B fired two
  // missiles"), and its sentence: whom "the raid", "the expulsions" mean
  // when a later sentence condemns them without naming anyone.
  struct LastAct {
    std::vector<int> doers, targets;
    uint32_t sentence = 0;
    // the doers of the sentence before, kept while this one is read: "B
    // sanctioned A. A responded by blacklisting B's officials and
    // condemned the measures" (B's, not A's own)
    std::vector<int> doers_before;
    uint32_t sentence_before = 0;
    void Clear() {
      doers.clear();
      targets.clear();
      doers_before.clear();
      sentence = sentence_before = 0;
    }
    // Adds an act of sentence `s`, which replaces the acts of an earlier one.
    void Add(uint32_t s, int doer, int target) {
      if (s != sentence) {
        doers_before.swap(doers);
        sentence_before = sentence;
        doers.clear(), targets.clear(), sentence = s;
      }
      if (std::find(doers.begin(), doers.end(), doer) == doers.end()) doers.push_back(doer);
      if (target >= 0 && std::find(targets.begin(), targets.end(), target) == targets.end()) targets.push_back(target);
    }
  };
  // The predicates whose latest act is remembered, and the latest act of
  // one of them (null for another predicate).
  // (joint drills too, which others condemn: "B called the drills a
  // rehearsal for invasion")
  static constexpr Predicate kRememberedActs[] = {Predicate::kAttacks, Predicate::kSanctions, Predicate::kThreatens,
                                                  Predicate::kCooperatesWith};
  LastAct* LastActOf(Predicate p) {
    for (size_t i = 0; i < std::size(kRememberedActs); ++i)
      if (kRememberedActs[i] == p) return &last_acts[i];
    return nullptr;
  }
  LastAct last_acts[std::size(kRememberedActs)];

  // For each sentence inside a quotation that runs over several sentences
  // ('"A. B," the minister said'), the entity the quotation's attribution
  // names as its speaker, else -1 (QuotationSpeakers fills it).
  std::vector<int> quote_speaker;

  // Empties the document for the next article, keeping its vectors' room:
  // an Extractor reuses one Document per thread, so that an article costs
  // no allocations for its tokens, mentions and the rest once the thread
  // has seen one as long.
  void Reset(std::string_view article_text, const Dictionary* dictionary) {
    text = article_text;
    dict = dictionary;
    article_date.clear();
    tokens.clear();
    token_count = 0;
    // (token_text, token_cues, token_packed, token_keys, word_of,
    // sentence_of and tags are not cleared: PrepareTokens, SplitSentences
    // and TagTokens size them to the new tokens and write every element,
    // and after a clear their resize filled them all first)
    article_cues.reset();
    word_count = 0;
    word_readings.clear();
    sentences.clear();
    chunks.clear();
    chunk_of.clear();
    mentions.clear();
    built_names.clear();
    mention_at.clear();
    titles.clear();
    title_at.clear();
    entities.clear();
    facts.clear();
    gathering.Clear();
    for (LastAct& act : last_acts) act.Clear();
    quote_speaker.clear();
  }

  std::string_view Text(uint32_t tok) const { return token_text[tok]; }
  // Whether a word of the class stands anywhere in the article: a pass
  // that looks for one at every token is skipped where none does.
  bool ArticleHas(CueClass cue_class) const { return article_cues[cue_class.id()]; }
  // (Is and IsWord are asked millions of times an article set, and most
  // often past its end at a sentence's last word: bounded by a count read
  // in one load, rather than by a vector's size, two loads and a shift)
  // A word by which one takes a stance or speaks: criticizes, supports,
  // threatens, says ("accused", "backed", "warned", "said").
  bool IsStanceWord(uint32_t tok) const {
    return Is(tok, "criticize") || Is(tok, "support") || Is(tok, "threaten") || Is(tok, "speech");
  }
  bool Is(uint32_t tok, CueClass cue_class) const {
    return tok < token_count && token_cues[tok][cue_class.id()];
  }
  // Case-insensitive; `word` is lower-case ASCII.
  bool IsWord(uint32_t tok, LowerWord word) const {
    if (tok >= token_count) return false;
    return word.packed() ? token_packed[tok] == word.packed() : EqualsLowerAscii(token_text[tok], word.text());
  }
  // Past the words of a direction from `tok` ("southern", "south-western",
  // "far-east": place words that name no kind of place, and the hyphens
  // joining them), before `end` and any name: the first token after them.
  uint32_t AfterDirection(uint32_t tok, uint32_t end) const {
    while (tok < end && mention_at[tok] < 0 &&
           ((Is(tok, "place_word") && !Is(tok, "place_kind")) ||
            (token_text[tok] == "-" && tok + 1 < end && Is(tok + 1, "place_word"))))
      ++tok;
    return tok;
  }
  std::string_view Span(uint32_t first, uint32_t last) const {
    return text.substr(tokens[first].start, tokens[last - 1].end - tokens[first].start);
  }
  // The entity a dictionary entry became in this article, or -1.
  int EntityOfEntry(int dict_entry) const {
    for (size_t e = 0; dict_entry >= 0 && e < entities.size(); ++e)
      if (entities[e].dict_entry == dict_entry) return static_cast<int>(e);
    return -1;
  }
  // The entity of the state a dictionary entry's `in=` names ("Baku" ->
  // Azerbaijan), when the article mentions that state; else -1.
  int EntityOfStateOf(int dict_entry) const {
    if (dict_entry < 0) return -1;
    const std::string& in = dict->entries()[dict_entry].in;
    return in.empty() ? -1 : EntityOfEntry(dict->Find(EntryKind::kCountry, in));
  }
  // The state whose name or demonym is the one word at `token` ("Peru",
  // "Peruvian"), as an entity of the article, or -1: how a body's name says
  // whose it is ("Peru's Defence Ministry", "the Russian Foreign Ministry").
  int StateNamedAt(uint32_t token) const {
    std::vector<FormMatch> matches;
    if (token >= tokens.size() || dict->LongestMatch(&tokens[token].key, &token_text[token], 1, &matches) != 1)
      return -1;
    for (const auto& fm : matches)
      if (dict->entries()[fm.entry].kind == EntryKind::kCountry)
        if (int state = EntityOfEntry(static_cast<int>(fm.entry)); state >= 0) return state;
    return -1;
  }
  // The dictionary entry of the state whose capital is written over the
  // tokens [first, last) ("Lima" -> Peru's entry), or -1.
  int StateEntryOfCapitalAt(uint32_t first, uint32_t last) const {
    std::vector<FormMatch> matches;
    const size_t length = last - first;
    if (dict->LongestMatch(&token_keys[first], &token_text[first], length, &matches) != length) return -1;
    for (const auto& fm : matches)
      if (fm.form == FormKind::kCapital) return static_cast<int>(fm.entry);
    return -1;
  }
  // The state an actor named at token `named_at` acts for: a state itself,
  // a person's state when the text gives it, a body whose name opens with
  // its state ("Peru's Defence Ministry"); else -1.
  int StateServed(int entity, uint32_t named_at) const {
    const EntityInfo& e = entities[entity];
    if (e.type == EntityType::kCountry) return entity;
    if (e.type == EntityType::kPerson) return e.country;
    return StateNamedAt(named_at);
  }
  // A word as a qualifier gives it ("wheat", "LNG"): lower case when only
  // its place capitalized it (a Title Case headline, a sentence's start).
  std::string QualifierWord(uint32_t tok) const {
    std::string w(token_text[tok]);
    const Sentence& s = sentences[sentence_of[tok]];
    if ((s.title_case || s.first == tok) && !tokens[tok].upper && !w.empty() && w[0] >= 'A' && w[0] <= 'Z')
      w[0] = static_cast<char>(w[0] - 'A' + 'a');
    return w;
  }

  // Whether a quotation mark stands strictly between tokens a and b: the
  // words inside a quote and those about it are different statements.
  bool QuoteBetween(uint32_t a, uint32_t b) const {
    for (uint32_t i = a + 1; i < b && i < tokens.size(); ++i)
      if (IsDoubleQuote(i)) return true;
    return false;
  }
  bool IsDoubleQuote(uint32_t tok) const {
    std::string_view t = token_text[tok];
    return t == "\"" || t == "\u201C" || t == "\u201D";
  }
  int EntityAt(uint32_t tok) const {
    return tok < mention_at.size() && mention_at[tok] >= 0 ? mentions[mention_at[tok]].entity : -1;
  }
};

// States by how much the article speaks of them (mentions, then first
// mention), most first.
std::vector<int> CountriesByMentions(const Document& doc);

// A person's view of the document after the passes (Extractor::Explain).
std::string Describe(const Document& doc);
// The chunks of tokens [first, last) in brackets: "[N The talks] [V+neg did not end]".
std::string ChunkBrackets(const Document& doc, uint32_t first_token, uint32_t last_token);

// The stages, in the order Extractor runs them.
// Tokenizes doc->text: tokens, their texts, dictionary keys and cue classes.
void PrepareTokens(Document* doc);
void SplitSentences(Document* doc);
// Part of speech, inflection and lemma of every token (doc->tags), from the
// lexicon and the words around it.
void TagTokens(Document* doc);
void RecognizeEntities(Document* doc);
// Noun phrases, verb groups and the small words between them (doc->chunks),
// from the tags; every entity mention lies inside one noun phrase.
void ChunkSentences(Document* doc);
void ResolveCoreference(Document* doc);
// Offices, then each sentence's events, stances, frames and structure; with
// a clock, marks each of them (Pass::kOffices ... Pass::kStructure).
void ExtractRelations(Document* doc, PassClock* clock = nullptr);

}  // namespace irkg::internal
