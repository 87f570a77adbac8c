#include "extract/extractor.h"

#include <algorithm>
#include <span>

#include "extract/dates.h"
#include "extract/document.h"
#include "extract/recent_lookups.h"
#include "extract/word_index.h"

namespace irkg {

using internal::Document;
using internal::Fact;

namespace {

// The headline of a .txt article: its first line, when a blank line follows
// and it reads like a headline rather than a byline.
std::string FindTitle(const Document& d) {
  if (d.sentences.empty()) return "";
  size_t eol = d.text.find('\n');
  if (eol == std::string_view::npos) return "";
  size_t next = d.text.find_first_not_of(" \t\r", eol + 1);
  if (next == std::string_view::npos || d.text[next] != '\n') return "";
  std::string_view line = d.text.substr(0, eol);
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
  int words = 0;
  for (size_t i = 0; i < line.size(); ++i)
    if (line[i] == ' ') ++words;
  return words >= 3 ? std::string(line) : "";
}

// Persons named once by a single word with nothing to prove they are
// people are left out: a capitalized word alone is too weak a sign.
bool Keep(const Document& d, const internal::EntityInfo& e) {
  if (e.mentions.empty()) return false;
  if (e.type != EntityType::kPerson) return true;
  for (int k : e.mentions) {
    const auto& m = d.mentions[k];
    if (m.strong || m.form == internal::MentionForm::kName) return true;
  }
  return false;
}

}  // namespace

namespace internal {

namespace {

// What depends only on a word as the text writes it: its dictionary key,
// its packed lower case (IsWord) and, with a lexicon, its readings.
struct WordFacts {
  uint32_t key = 0;
  uint64_t packed = 0;
  std::span<const WordReading> readings;
};

// A word's facts, from a thread's recent words when it is one of them (as
// most words of an article were in the articles before it): one probe by
// the word as written, rather than folding it for the dictionary, lowering
// it for the lexicon and looking each up.
// (`h`: the word's HashWord)
WordFacts FactsOf(const Document& d, std::string_view word, uint64_t h) {
  // RecentLookups tells tables apart by one serial: one for each pair
  // of tables the facts come from
  thread_local uint64_t dict_serial = 0, lexicon_serial = 0, pair_serial = 0;
  const uint64_t lexicon_now = d.lexicon ? d.lexicon->lookup_serial() : 0;
  if (d.dict->lookup_serial() != dict_serial || lexicon_now != lexicon_serial) {
    dict_serial = d.dict->lookup_serial();
    lexicon_serial = lexicon_now;
    pair_serial = NewLookupSerial();
  }
  thread_local RecentLookups<WordFacts> recent;
  if (const WordFacts* known = recent.Find(pair_serial, word, h)) return *known;
  WordFacts facts;
  facts.key = d.dict->KeyOfToken(word);
  facts.packed = PackWord(word, true);
  if (d.lexicon) facts.readings = d.lexicon->FindWritten(word);
  recent.Remember(word, h, facts);
  return facts;
}

}  // namespace

void PrepareTokens(Document* d) {
  Tokenize(d->text, &d->tokens);
  const size_t n = d->tokens.size();
  // the thread's, kept from article to article like the Document's room
  thread_local WordIndex thread_words;
  thread_local std::vector<WordFacts> thread_facts_of_word;
  WordIndex& words = thread_words;  // (a thread_local's address is looked up at each use)
  std::vector<WordFacts>& facts_of_word = thread_facts_of_word;
  words.Clear(n / 2);
  facts_of_word.clear();
  // Sized first and filled through plain pointers: a push_back per token
  // into four vectors reloaded each vector's ends at every token. (Reset
  // leaves them as the last article had them: only what grows is zeroed.)
  d->token_text.resize(n);
  d->token_cues.resize(n);
  d->token_packed.resize(n);
  d->word_of.resize(n);
  d->token_keys.resize(n);
  Token* tokens = d->tokens.data();
  std::string_view* token_text = d->token_text.data();
  CueMask* token_cues = d->token_cues.data();
  uint64_t* token_packed = d->token_packed.data();
  uint32_t* word_of = d->word_of.data();
  uint32_t* keys = d->token_keys.data();
  for (size_t i = 0; i < n; ++i) {
    std::string_view text = TokenText(d->text, tokens[i]);
    token_text[i] = text;
    bool added;
    uint64_t hash;
    uint32_t word = words.Add(text, &added, &hash);
    word_of[i] = word;
    if (added) facts_of_word.push_back(FactsOf(*d, text, hash));
    const WordFacts& facts = facts_of_word[word];
    keys[i] = tokens[i].key = facts.key;
    token_packed[i] = facts.packed;
    // the rules ask a token's cue classes over and over: look them up once
    token_cues[i] = d->dict->CueMaskOf(keys[i]);
  }
  d->token_count = static_cast<uint32_t>(n);
  d->word_count = static_cast<uint32_t>(words.size());
  if (d->lexicon)
    for (const WordFacts& facts : facts_of_word) d->word_readings.push_back(facts.readings);
  // cue phrases of several words ("In addition", "co-operation")
  d->dict->AddPhraseCues(d->token_keys, &d->token_cues);
  for (const CueMask& cues : d->token_cues) d->article_cues |= cues;
}

}  // namespace internal

Extractor::Extractor(const Dictionary& dictionary, const Lexicon& lexicon, const FrameTable& frames)
    : dict_(dictionary), lex_(lexicon), frames_(frames) {
  for (std::string_view lemma : frames.TriggerLemmas())
    if (LemmaId id = lexicon.Lemma(lemma)) {
      // by the lexicon's text of the lemma, as the frame pass asked before
      // this index (Document::FramesOf)
      std::string_view text = lexicon.LemmaText(id);
      frames_of_lemma_.Add(id, LemmaFrames{&frames.Find(text, false), &frames.Find(text, true)});
    }
}

void Extractor::RunPasses(const Article& article, Document& d, PassTimes* times) const {
  PassClock clock(times);
  d.Reset(article.text, &dict_);
  d.lexicon = &lex_;
  d.frames = &frames_;
  d.frames_of_lemma = &frames_of_lemma_;
  internal::PrepareTokens(&d);
  clock.Mark(Pass::kTokens);
  internal::SplitSentences(&d);
  clock.Mark(Pass::kSentences);
  internal::TagTokens(&d);
  clock.Mark(Pass::kTags);
  d.article_date = internal::NormalizeIsoDate(article.date);
  if (d.article_date.empty()) d.article_date = internal::FindArticleDate(d);
  clock.Mark(Pass::kDates);
  internal::RecognizeEntities(&d);
  clock.Mark(Pass::kNames);
  internal::ChunkSentences(&d);
  clock.Mark(Pass::kChunks);
  internal::ResolveCoreference(&d);
  clock.Mark(Pass::kCoreference);
  internal::ExtractRelations(&d, &clock);
}

std::string Extractor::Explain(const Article& article) const {
  Document d;
  RunPasses(article, d, nullptr);
  return internal::Describe(d);
}

ExtractionRecord Extractor::Extract(const Article& article, PassTimes* times) const {
  // One Document per thread, reset for each article (see Document::Reset);
  // Extract stays safe to call from many threads at once.
  thread_local Document d;
  RunPasses(article, d, times);
  PassClock clock(times);

  ExtractionRecord r;
  r.doc = article.doc;
  r.date = d.article_date;
  r.url = article.url;
  r.title = article.title.empty() ? FindTitle(d) : article.title;

  std::vector<std::string> id_of(d.entities.size());
  std::vector<int> order;
  order.reserve(d.entities.size());
  for (size_t e = 0; e < d.entities.size(); ++e)
    if (Keep(d, d.entities[e])) order.push_back(static_cast<int>(e));
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    return d.mentions[d.entities[a].mentions[0]].first < d.mentions[d.entities[b].mentions[0]].first;
  });
  r.entities.reserve(order.size());
  for (int e : order) {
    const auto& info = d.entities[e];
    ExtractedEntity out;
    out.id = "e" + std::to_string(r.entities.size() + 1);
    id_of[e] = out.id;
    out.name = info.name;
    out.type = info.type;
    out.subtype = std::string(info.subtype);
    out.code = std::string(info.code);
    out.mentions.reserve(info.mentions.size());
    for (int k : info.mentions) {
      const auto& m = d.mentions[k];
      uint32_t start = d.tokens[m.first].start, end = d.tokens[m.last - 1].end;
      out.mentions.push_back({start, end, std::string(d.text.substr(start, end - start))});
    }
    r.entities.push_back(std::move(out));
  }

  // One triple per (subject, predicate, object): the most confident reading,
  // with the first date and title the text gives. The triples kept so far
  // are found by an open-addressing table of indices into `facts` (0:
  // empty), the thread's, reused from article to article: a std::map made a
  // node a triple. The Document is the thread's too, and its facts are not
  // read again: the first of each triple is moved, not copied.
  thread_local std::vector<uint32_t> thread_slots;
  std::vector<uint32_t>& slots = thread_slots;
  size_t mask = 15;
  while (mask + 1 < 2 * d.facts.size()) mask = mask * 2 + 1;
  slots.assign(mask + 1, 0);
  std::vector<Fact> facts;
  facts.reserve(d.facts.size());
  for (Fact& f : d.facts) {
    if (id_of[f.subject].empty() || id_of[f.object].empty()) continue;
    int s = f.subject, o = f.object;
    if (Info(f.predicate).symmetric && o < s) std::swap(s, o);
    const uint64_t key = (uint64_t{static_cast<uint32_t>(s)} << 32 | static_cast<uint32_t>(o)) * 0x9e3779b97f4a7c15ull ^
                         static_cast<uint64_t>(f.predicate);
    size_t slot = internal::MixWordHash(key) & mask;
    for (; slots[slot] != 0; slot = (slot + 1) & mask) {
      const Fact& g = facts[slots[slot] - 1];
      if (g.subject == s && g.object == o && g.predicate == f.predicate) break;
    }
    if (slots[slot] == 0) {
      slots[slot] = static_cast<uint32_t>(facts.size() + 1);
      Fact& g = facts.emplace_back(std::move(f));
      g.subject = s, g.object = o;
      continue;
    }
    Fact& g = facts[slots[slot] - 1];
    if (g.date.empty()) g.date = f.date;
    if (g.what.empty()) g.what = f.what;
    g.of_the_day |= f.of_the_day;
    if (f.confidence > g.confidence) {
      g.confidence = f.confidence;
      g.rule = f.rule;
      g.sentence = f.sentence;
      if (!f.title.empty()) g.title = f.title;
    }
    if (g.title.empty()) g.title = f.title;
  }
  // A meeting, visit or signing no sentence dates is news of the article's
  // day (when the article is dated to the day). Applied after the merge, so
  // that a date the text gives anywhere wins over the article's.
  if (d.article_date.size() == 10)
    for (Fact& f : facts)
      if (f.date.empty() && (f.of_the_day || internal::EventOfTheDay(f.predicate))) f.date = d.article_date;
  r.triples.reserve(facts.size());
  for (Fact& f : facts) {
    ExtractedTriple t;
    t.subject = id_of[f.subject];
    t.object = id_of[f.object];
    t.predicate = f.predicate;
    t.title = std::move(f.title);
    t.date = std::move(f.date);
    t.what = std::move(f.what);
    t.confidence = f.confidence;
    t.rule = f.rule;
    const auto& s = d.sentences[f.sentence];
    uint32_t start = d.tokens[s.first].start, end = d.tokens[s.last - 1].end;
    t.evidence = TextSpan{start, end, std::string(d.text.substr(start, end - start))};
    r.triples.push_back(std::move(t));
  }
  clock.Mark(Pass::kRecords);
  return r;
}

}  // namespace irkg
