// Recognizer passes: people.
//   PersonPass reads runs of capitalized words not yet named and adds a
//   Person mention when a title (with its posting: "Ambassador to Chile"),
//   an honorific or a counterpart stands before it, it opens with a given
//   name (hyphenated ones included), or (two to five words) none of its words is a common word. SurnamePass
//   adds a one-word mention (kShortName) for each lone word of a full name
//   seen elsewhere in the article; coreference joins it to that person.
#include <algorithm>
#include <unordered_map>

#include "core/text.h"
#include "extract/name_recognizer.h"

namespace irkg::internal {

// True when the name [first, last) opens with a given name: one word
// ("Anne") or several joined by hyphens ("Anne-Marie", "Abdel-Fattah"),
// which the dictionary holds as forms of three tokens.
bool Recognizer::GivenName(uint32_t first, uint32_t last) const {
  std::vector<FormMatch>& matches = given_matches;
  for (uint32_t len : {last - first, 1u}) {
    if (len == 0) continue;
    given_keys.clear();
    for (uint32_t k = first; k < first + len; ++k) given_keys.push_back(d.tokens[k].key);
    if (d.dict->LongestMatch(given_keys.data(), &d.token_text[first], len, &matches) == 0) continue;
    for (const auto& m : matches)
      if (m.kind == EntryKind::kGivenName) return true;
  }
  return false;
}

// "Jan Nowak", "May Ling": a month that is also a given name opens a name
// when a capitalized word, not a day or a year, follows it.
bool Recognizer::MonthAsGivenName(uint32_t i) const {
  if (i + 1 >= n || !Cap(i + 1) || d.tokens[i + 1].shape != TokenShape::kWord || d.Is(i + 1, "month")) return false;
  std::vector<FormMatch> matches;
  uint32_t key = d.tokens[i].key;
  if (d.dict->LongestMatch(&key, &d.token_text[i], 1, &matches) == 0) return false;
  for (const auto& m : matches)
    if (m.kind == EntryKind::kGivenName) return true;
  return false;
}

// A model's or a unit's code, a word with a digit: no name's part, and the
// name before it names a make ("Bayraktar TB2 drones", "an Su-35 jet").
bool Recognizer::ModelCode(uint32_t i) const {
  if (i >= n) return false;
  // asked of nearly every capitalized word, pass after pass: read once a
  // distinct word of the article
  signed char& known = digit_word[d.word_of[i]];
  if (known < 0)
    known = std::any_of(d.token_text[i].begin(), d.token_text[i].end(), [](char ch) { return ch >= '0' && ch <= '9'; });
  return known;
}

bool Recognizer::CapitalizedNamePart(uint32_t i) const {
  if (d.mention_at[i] >= 0 || d.title_at[i] >= 0) return false;
  if (ModelCode(i)) return false;
  if (d.Is(i, "weekday")) return false;
  // (a month's short form opening a two-syllable given name is a syllable:
  // "Park Jun-ho", "Kim Mar-a")
  // (and one after a name's word, with no number beside it, ends the
  // name: "Wang Jun met", "Theresa May said", not "on 3 Jun 2024")
  if (d.Is(i, "month")) {
    const bool number_beside = (i > 0 && d.tokens[i - 1].shape == TokenShape::kNumber) ||
                               (i + 1 < n && d.tokens[i + 1].shape == TokenShape::kNumber);
    const bool after_name_word = i > 0 && Cap(i - 1) && !d.tags.empty() && d.tags[i - 1].pos == Pos::kProperNoun &&
                                 d.title_at[i - 1] < 0 && !d.Is(i - 1, "month") && !d.Is(i - 1, "weekday");
    if (!MonthAsGivenName(i) && !(after_name_word && !number_beside) &&
        !(i + 2 < n && IsHyphen(d.Text(i + 1)) && Joined(i + 1) && Joined(i + 2) && !d.tokens[i + 2].cap))
      return false;
  }
  // a Title Case headline capitalizes its prepositions too ("... Clarke In Ottawa")
  if (!d.tags.empty() && d.tags[i].pos == Pos::kPreposition && d.sentences[d.sentence_of[i]].title_case &&
      !d.Is(i, "name_particle"))
    return false;
  if (!d.tokens[i].upper) return true;
  // short upper-case surnames are rare; acronyms are not names
  return d.token_text[i].size() <= 2 && d.Text(i).size() == 1;
}

// East Asian given names of two syllables written with a hyphen and the
// second in lower case ("Park Min-ho", "Lee Ji-eun"): after a family name,
// a short capitalized syllable, a hyphen, a short lower-case one ending the
// word. Short on both sides, so that "Smith-led" or "Biden-era" are not
// read as names, and not the first word, which is the family name. A
// capitalized syllable of five letters ("Choi Seung-ho") only before one
// that is no English word ("Biden-era", "Smith-led" are).
bool Recognizer::LowerSyllableAfterHyphen(uint32_t first, uint32_t hyphen) const {
  if (hyphen < first + 2 || hyphen + 1 >= n || !IsHyphen(d.Text(hyphen))) return false;
  if (!Joined(hyphen) || !Joined(hyphen + 1) || !NamePart(hyphen - 1)) return false;
  const Token& syllable = d.tokens[hyphen + 1];
  if (syllable.shape != TokenShape::kWord || syllable.cap || syllable.upper) return false;
  const size_t before = d.token_text[hyphen - 1].size(), after = d.token_text[hyphen + 1].size();
  if (before > 5 || after > 4 || (before == 5 && OpenClassWord(hyphen + 1))) return false;
  return !(hyphen + 2 < n && Joined(hyphen + 2) && d.tokens[hyphen + 2].shape == TokenShape::kWord) &&
         !(hyphen + 2 < n && Joined(hyphen + 2) && IsHyphen(d.Text(hyphen + 2)));
}

// Extends a person's name over particles, hyphens and initials.
uint32_t Recognizer::PersonEnd(uint32_t first) const {
  uint32_t j = first;
  while (j < n && SameSentence(j, first)) {
    // a Title Case headline's verb after the name ("Adam Zielinski Visits
    // Vilnius") is no part of it
    if (j >= first + 2 && NamePart(j) && HeadlineEventVerb(j)) break;
    if (NamePart(j)) {
      ++j;
      continue;
    }
    std::string_view t = d.Text(j);
    // a regnal number: "Mohammed VI", "Charles III"
    if (j > first && NamePart(j - 1) && d.mention_at[j] < 0 && t.size() <= 4 &&
        t.find_first_not_of("IVX") == std::string_view::npos) {
      ++j;
      break;
    }
    if (j > first && NamePart(j - 1) && d.mention_at[j] >= 0 && Cap(j) && !d.tokens[j].upper) {
      const Mention& m = d.mentions[d.mention_at[j]];
      if (m.type == EntityType::kOrganization && m.first == j && m.last == j + 1) {
        ++j;  // a surname that is also a body's short name
        continue;
      }
      // a surname that is also a town's name, after a given name: "Rosa
      // Medina", "Ana Lima" (a place's name right after a person's is
      // otherwise written apart: "Ana, Lima")
      if (m.type == EntityType::kLocation && m.first == j && m.last == j + 1 && j == first + 1 &&
          GivenName(first, j)) {
        ++j;
        continue;
      }
    }
    if (j > first && t == "." && Joined(j) && d.Text(j - 1).size() == 1 && NamePart(j + 1)) {
      ++j;  // initial: "Maria K. Lindqvist"
      continue;
    }
    if (j > first && IsHyphen(t) && Joined(j) && Joined(j + 1) && j + 1 < n &&
        (NamePart(j + 1) || d.tokens[j + 1].cap)) {
      ++j;  // "Kassym-Jomart", "Al-Khulaifi"
      continue;
    }
    if (LowerSyllableAfterHyphen(first, j)) {
      j += 2;  // "Park Min-ho": the given name's second syllable
      break;
    }
    if (j > first && d.Is(j, "name_particle") && !Cap(j) && j + 1 < n) {
      // "Faisal bin Omar", "Saif bin Nasser al-Harthi", "Ursula von der Leyen"
      uint32_t k = j + 1;
      if (k + 1 < n && d.Is(k, "name_particle") && !Cap(k)) ++k;
      if (NamePart(k) || (IsHyphen(d.Text(k)) && NamePart(k + 1))) {
        j = k;
        continue;
      }
    }
    break;
  }
  return j;
}

bool Recognizer::CommonWords(uint32_t first, uint32_t last) const {
  for (uint32_t k = first; k < last; ++k) {
    if (d.tokens[k].shape != TokenShape::kWord) continue;
    if (d.token_cues[k].any()) return true;
    if (d.tokens[k].key != 0 && WrittenInLowerCase(d.tokens[k].key)) return true;
  }
  return false;
}

// Whether the lexicon reads the word, lower-cased, as a noun, verb or adjective.
bool Recognizer::OpenClassWord(uint32_t i) const {
  if (!d.lexicon) return false;
  for (const WordReading& r : d.lexicon->Find(FoldName(d.Text(i))))
    if (r.pos == Pos::kNoun || r.pos == Pos::kVerb || r.pos == Pos::kAdjective) return true;
  return false;
}

// Whether the lexicon reads every word from `first` to `last`, lower-cased,
// as a noun, verb or adjective.
bool Recognizer::AllOpenClass(uint32_t first, uint32_t last) const {
  for (uint32_t k = first; k < last; ++k)
    if (d.tokens[k].shape == TokenShape::kWord && !OpenClassWord(k)) return false;
  return true;
}

// Whether the lexicon reads the word, lower-cased, as a common noun.
bool Recognizer::CommonNoun(uint32_t i) const {
  if (!d.lexicon) return false;
  std::string lower = FoldName(d.Text(i));
  for (const WordReading& r : d.lexicon->Find(lower))
    if (r.pos == Pos::kNoun) return true;
  return false;
}

// What precedes a name and says it is a person's.
bool Recognizer::PersonCue(uint32_t first) const {
  if (first == 0) return false;
  uint32_t p = first - 1;
  if (d.Text(p) == "," && p > 0) --p;
  if (d.Text(p) == "." && p > 0 && d.Is(p - 1, "honorific")) return true;
  if (d.title_at[p] >= 0 || d.Is(p, "honorific") || d.Is(p, "counterpart")) return true;
  // "Ambassador to Chile Ana Soto", "Consul General in Lyon Marc Roux": an office and its posting
  if (int m = d.mention_at[p]; m >= 0 && d.mentions[m].last == p + 1 && d.mentions[m].first >= 2 &&
      (d.mentions[m].type == EntityType::kCountry || d.mentions[m].type == EntityType::kLocation)) {
    if (PostingPreposition(d.mentions[m].first - 1) && SameSentence(d.mentions[m].first - 2, first)) return true;
  }
  return false;
}

// "to" or "in" after an office, before where it is held: "Ambassador to
// Chile", "Consul General in Lyon".
bool Recognizer::PostingPreposition(uint32_t prep) const {
  return prep >= 1 && (d.IsWord(prep, "to") || d.IsWord(prep, "in")) && d.title_at[prep - 1] >= 0;
}

bool Recognizer::SpeechAfter(uint32_t last) const {
  if (last < n && d.Is(last, "speech")) return true;
  if (last + 1 < n && d.Text(last) == "," && (d.IsWord(last + 1, "who") || d.IsWord(last + 1, "the"))) return true;
  return false;
}

// The tail must open with a given name and be a full name of two to four
// words none of which is a common word, so that a body or a place named
// after a person ("the Anne Tallis Hospital") is not cut into one.
uint32_t Recognizer::NameAfterUnknownWords(uint32_t first, uint32_t last) {
  for (uint32_t k = first + 1; k + 2 <= last; ++k) {
    if (d.tokens[k].shape != TokenShape::kWord || !GivenName(k, k + 1)) continue;
    uint32_t words = 0;
    for (uint32_t j = k; j < last; ++j)
      if (d.tokens[j].shape == TokenShape::kWord) ++words;
    if (words < 2 || words > 4 || CommonWords(k, last)) return last;
    return k;
  }
  return last;
}

void Recognizer::PersonPass() {
  uint32_t resume = 0;  // a name found ends before it: the search goes on there
  for (const uint32_t i : capitals) {
    if (i < resume || !CapitalizedNamePart(i)) continue;
    const Sentence& s = d.sentences[d.sentence_of[i]];
    uint32_t first = i;
    // sentence openers and month names are not names
    if ((SentenceStart(i) || (i > 0 && IsQuote(i - 1))) && d.Is(i, "sentence_word")) continue;
    if ((d.Is(i, "month") && !MonthAsGivenName(i)) || d.Is(i, "weekday")) continue;
    // an honorific opens the name but is not part of it: "Sheikh Mohammed ...";
    // so does a capitalized "Counterpart" in a headline
    if ((d.Is(i, "honorific") || d.Is(i, "counterpart")) && NamePart(i + 1)) continue;
    if (d.Is(i, "honorific") && i + 2 < n && d.Text(i + 1) == "." && NamePart(i + 2)) continue;  // "Dr. Ana Soto"
    uint32_t last = PersonEnd(first);
    uint32_t words = 0;
    for (uint32_t k = first; k < last; ++k)
      if (d.tokens[k].shape == TokenShape::kWord) ++words;
    bool cue = PersonCue(first);
    // (a given name of two syllables joined by a hyphen, "Moon Jae-in",
    // vouches for the name as a known given name does)
    bool given = GivenName(first, last) || (last >= first + 4 && LowerSyllableAfterHyphen(first, last - 2));
    // "Grace Wanjiru Kamau", "Blessing Moyo": a given name that is also an
    // English word (cue class word_given_name, which the dictionary of given
    // names leaves out) opens a name mid-sentence before words none of which
    // is a common word
    given = given || (words >= 2 && d.Is(first, "word_given_name") && !SentenceStart(first) && !s.title_case &&
                      !CommonWords(first + 1, last));
    bool speech = SpeechAfter(last);
    bool person = false;
    if (s.title_case) {
      // in a Title Case headline every word is capitalized: a title before
      // one word ("PM Meets") proves nothing
      person = words >= 2 && (cue || given);
    } else if (words >= 2 && words <= 5) {
      // with no title or given name to vouch for it, a run of capitals is a
      // name only when none of its words is a common word: a cue word, or
      // one the article also writes in lower case ("Climate Change")
      // ("a Shared Future", "Rapid Response": every word an English word)
      person = cue || given || (!d.Is(first, "sentence_word") && !CommonWords(first, last) && !AllOpenClass(first, last));
    } else if (words == 1) {
      // (not "Minister of Energy, Mining and Trade": after a title and a
      // comma, a common noun goes on the office's domain)
      person = cue && !(d.Text(first - 1) == "," && CommonNoun(first));
    }
    (void)speech;
    // "Minister of Foreign Affairs and Expatriates Pablo Rojas": a common
    // noun ending the office's domain does not open the name that follows
    if (person && words >= 3 && CommonNoun(first) && !GivenName(first, first + 1) && !d.Is(first, "word_given_name"))
      if (uint32_t start = NameAfterUnknownWords(first, last); start < last) first = start;
    if (!person && words >= 3) {
      if (uint32_t start = NameAfterUnknownWords(first, last); start < last) {
        first = start;
        person = given = true;
      }
    }
    if (!person) {
      resume = last;
      continue;
    }
    // "received at Rashtrapati Bhavan", "talks at Camp David": a name no
    // given name or title vouches for, right after a preposition of place,
    // names a place
    const bool at_place = first > 0 && SameSentence(first - 1, first) &&
                          (d.IsWord(first - 1, "at") || d.IsWord(first - 1, "in") || d.IsWord(first - 1, "near") ||
                           d.IsWord(first - 1, "outside"));
    Mention m;
    m.first = first;
    m.last = last;
    // "the Weimar Triangle, which brings together ...": a name no given name
    // or title vouches for, after "the", names a body (people go without it)
    const bool after_the = first > 0 && SameSentence(first - 1, first) && d.IsWord(first - 1, "the");
    m.type = at_place && !cue && !given  ? EntityType::kLocation
             : after_the && !cue && !given ? EntityType::kOrganization
                                           : EntityType::kPerson;
    m.strong = cue || given;
    m.name = d.Span(first, last);
    if (words == 1) m.form = MentionForm::kShortName;
    AddMention(std::move(m));
    resume = last;
  }
}

// A Title Case headline repeats a full name the body gives ("... Talks
// With Wang Yi"): where a person's full name, as written elsewhere, stands
// there on unclaimed words, it names that person. Every word of a headline
// is capitalized, so PersonPass cannot tell the name's bounds there.
constexpr size_t kMaxNamesPerFirstWord = 8;  // spellings of names sharing a first word that are tried

void Recognizer::FullNamesInHeadlines() {
  bool any_headline = false;
  for (const auto& s : d.sentences) any_headline |= s.title_case;
  if (!any_headline) return;
  // full names' token spans outside headlines, by first word (a lookup per
  // headline word, not a scan of every name)
  std::unordered_map<std::string_view, std::vector<std::pair<uint32_t, uint32_t>>> by_first_word;
  for (const auto& m : d.mentions)
    if (m.type == EntityType::kPerson && m.form == MentionForm::kName && m.last - m.first >= 2 &&
        !d.sentences[d.sentence_of[m.first]].title_case) {
      auto& same = by_first_word[d.Text(m.first)];
      if (same.size() < kMaxNamesPerFirstWord) same.emplace_back(m.first, m.last);
    }
  auto same_words = [&](uint32_t at, std::pair<uint32_t, uint32_t> name) {
    const uint32_t len = name.second - name.first;
    if (at + len > n || !SameSentence(at, at + len - 1)) return false;
    for (uint32_t k = 0; k < len; ++k)
      if (d.mention_at[at + k] >= 0 || d.Text(at + k) != d.Text(name.first + k)) return false;
    return true;
  };
  for (const auto& s : d.sentences) {
    if (!s.title_case) continue;
    for (uint32_t i = s.first; i < s.last; ++i) {
      auto candidates = by_first_word.find(d.Text(i));
      if (candidates == by_first_word.end()) continue;
      for (const auto& name : candidates->second)
        if (same_words(i, name)) {
          Mention m;
          m.first = i;
          m.last = i + (name.second - name.first);
          m.type = EntityType::kPerson;
          m.strong = true;
          m.name = d.Span(m.first, m.last);
          const uint32_t last = m.last;
          AddMention(std::move(m));
          i = last - 1;
          break;
        }
    }
  }
}

// A sentence's first word, or any word of a Title Case headline, that the
// lexicon knows in lower case ("Accompanying Vega was ...", "Putin Hosts
// Modi"): capitalized only by its place, so no part of a name beside it.
bool Recognizer::CommonOpener(uint32_t i) const {
  const bool capitalized_by_place = SentenceStart(i) || d.sentences[d.sentence_of[i]].title_case;
  return capitalized_by_place && d.lexicon && !d.lexicon->Find(FoldName(d.Text(i))).empty();
}

// A word of a person's full name, seen alone, names that person
// ("Ozola stressed", "Tanaka, for her part", "Ozola's remarks").
void Recognizer::SurnamePass() {
  // the words of full names, as a set of the article's words (Document::word_of):
  // a long text names many people many times
  std::vector<char> name_word(d.word_count, 0);
  bool any = false;
  for (const auto& m : d.mentions) {
    if (m.type != EntityType::kPerson || m.last <= m.first || m.form != MentionForm::kName) continue;
    for (uint32_t i = m.first; i < m.last; ++i)
      if (d.tokens[i].shape == TokenShape::kWord && d.token_text[i].size() > 1 && !d.Is(i, "name_particle"))
        name_word[d.word_of[i]] = any = true;
  }
  if (!any) return;
  FullNamesInHeadlines();
  for (const uint32_t i : capitals) {
    // a word of a full name first: it rules out nearly every token, before
    // NamePart is asked of the token and both its neighbours
    if (!name_word[d.word_of[i]]) continue;
    if (!CapitalizedNamePart(i) || (i + 1 < n && NamePart(i + 1) && !CommonOpener(i + 1)) ||
        (i > 0 && NamePart(i - 1) && !CommonOpener(i - 1)))
      continue;
    if (ModelCode(i + 1) && d.tokens[i + 1].cap) continue;
    Mention m;
    m.first = i;
    m.last = i + 1;
    m.type = EntityType::kPerson;
    m.form = MentionForm::kShortName;
    m.name = d.Text(i);
    AddMention(std::move(m));
  }
}

}  // namespace irkg::internal
