// Recognizer passes: names and offices the dictionary knows.
//   DictionaryPass reads the token keys and adds, longest form first in one
//   left-to-right pass, a mention for every country, demonym, capital,
//   place and body (strong: the dictionary vouches for the type) and a
//   TitleMention for every office with the modifiers written before it
//   ("Deputy"); given names are left to the person pass, and so is a place's
//   name that opens a person's after an office ("Minister Sofia Lindqvist").
//   StateFormPass widens a state's mention over its long form ("the
//   Republic of X"); ExtendTitles widens an office over "of Fields"
//   ("Minister of Culture and Sport").
#include <algorithm>

#include "core/text.h"
#include "extract/name_recognizer.h"

namespace irkg::internal {

void Recognizer::DictionaryPass() {
  const std::vector<uint32_t>& keys = d.token_keys;
  std::vector<FormMatch> matches;
  for (uint32_t i = 0; i < n;) {
    // cue words are not names (TakeDictionaryMatch would refuse them): skip
    // the search where it can find nothing else, at most tokens
    if (!d.dict->MayStartName(keys[i])) {
      ++i;
      continue;
    }
    // a match never crosses a sentence end
    uint32_t end = d.sentences[d.sentence_of[i]].last;
    size_t len = d.dict->LongestMatch(&keys[i], &d.token_text[i], end - i, &matches);
    if (len == 0) {
      ++i;
      continue;
    }
    uint32_t last = i + static_cast<uint32_t>(len);
    // A name continues with a capitalized word ("Georgia Tech", "Jordan Henderson")?
    // Then the dictionary name is only a part of something else.
    bool took = TakeDictionaryMatch(i, last, matches);
    i = took ? last : i + 1;
  }
}

bool Recognizer::TakeDictionaryMatch(uint32_t first, uint32_t last, const std::vector<FormMatch>& matches) {
  // Priority: country > organization > location > title > given name; cues are not names.
  const FormMatch* best = nullptr;
  auto rank = [&](const FormMatch& m) {
    switch (m.kind) {
      case EntryKind::kCountry: return m.form == FormKind::kCapital ? 3 : 6;
      case EntryKind::kOrganization: return 5;
      case EntryKind::kLocation: return 4;
      case EntryKind::kTitle: return 2;
      case EntryKind::kGivenName: return 1;
      case EntryKind::kCue: return 0;
    }
    return 0;
  };
  for (const auto& m : matches)
    if (!best || rank(m) > rank(*best)) best = &m;
  if (!best || rank(*best) == 0) return false;
  const DictEntry& e = entries[best->entry];
  if (e.kind == EntryKind::kGivenName) return false;  // consulted in pass 3
  const bool also_given = std::any_of(matches.begin(), matches.end(),
                                      [](const FormMatch& m) { return m.kind == EntryKind::kGivenName; });
  if (PlaceOpensPersonName(first, last, best->form, also_given)) return false;
  // "the bloc's Peace and Security Council": a body's name whose last
  // fields the dictionary knows as another body's is a name of its own,
  // read whole by the head-noun pass
  if (e.kind == EntryKind::kOrganization && first >= 1 && JoinedFieldBefore(first - 1) && SameSentence(first - 2, first))
    return false;
  if (e.kind == EntryKind::kTitle) {
    // An office right after another, before a capitalized word, is a
    // given name: "Defence Minister Amir Sadeghi" has one office, and
    // "Amir" (also an office) opens the name.
    if (last == first + 1 && first > 0 && d.title_at[first - 1] >= 0 && Cap(last) && SameSentence(first, last))
      return false;
    TitleMention t;
    t.first = first;
    t.last = last;
    t.of_organization = e.subtype == "org";
    t.dict_entry = static_cast<int>(best->entry);
    // modifiers written before the office belong to it: "Deputy", "Vice",
    // "First Deputy", and joined by a hyphen, "Vice-Chairperson"
    auto modifier_before = [&](uint32_t at) -> uint32_t {  // the modifier's first token, or `at`
      if (at > 0 && d.Is(at - 1, "title_modifier") && Cap(at - 1) && SameSentence(at - 1, first)) return at - 1;
      if (at > 1 && d.Text(at - 1) == "-" && !d.tokens[at - 1].space_before && !d.tokens[at].space_before &&
          d.Is(at - 2, "title_modifier") && Cap(at - 2) && SameSentence(at - 2, first))
        return at - 2;
      return at;
    };
    for (uint32_t m = modifier_before(t.first); m < t.first; m = modifier_before(t.first)) {
      // a modifier that is also an office of one word ("Deputy", a member of
      // parliament) before another office is the other's: "Deputy High Commissioner"
      if (int prev = d.title_at[m]; prev >= 0) {
        TitleMention& lone = d.titles[prev];
        if (lone.first + 1 != lone.last) break;
        lone.last = lone.first;  // dropped: empty titles are removed after the passes
        d.title_at[m] = -1;
      }
      t.first = m;
    }
    t.text = std::string(d.Span(t.first, t.last));
    if (best->form == FormKind::kPlural) {
      // the office each holder has, in the singular, with the modifiers written ("Deputy")
      t.plural = true;
      t.text = t.first < first ? std::string(d.Span(t.first, first)) + " " + e.canonical : e.canonical;
    }
    int idx = static_cast<int>(d.titles.size());
    for (uint32_t i = t.first; i < t.last; ++i) d.title_at[i] = idx;
    d.titles.push_back(std::move(t));
    return true;
  }
  Mention m;
  m.first = first;
  m.last = last;
  m.dict_entry = static_cast<int>(best->entry);
  m.subtype = e.subtype;
  m.code = e.code;
  m.strong = true;
  if (e.kind == EntryKind::kCountry) {
    m.type = best->form == FormKind::kCapital ? EntityType::kLocation : EntityType::kCountry;
    m.form = best->form == FormKind::kAdjective ? MentionForm::kAdjective : MentionForm::kName;
    if (best->form == FormKind::kCapital) {
      // the capital as a place; its Location entry gives its own name
      int loc = d.dict->Find(EntryKind::kLocation, d.Span(first, last));
      m.dict_entry = loc;
      m.name = d.Span(first, last);
      m.subtype = "city";
      m.code = {};
      return AddMention(std::move(m)), true;
    }
  } else if (e.kind == EntryKind::kOrganization) {
    m.type = EntityType::kOrganization;
  } else {
    m.type = EntityType::kLocation;
  }
  m.name = e.canonical;
  AddMention(std::move(m));
  return true;
}

// A place's name right after an office or "counterpart", before a
// capitalized word, opens a person's name: "Foreign Minister Sofia
// Lindqvist", "the Defence Minister, Israel Cohen,", "his counterpart
// Milan Petrovic". English names an office's state before the office or
// after it with "of", never between the office and its holder. A place's
// name that is also a given name opens a person's anywhere before a word
// no dictionary or lexicon knows: "met Jordan Okafor" (not "Jordan
// Valley", "Georgia Tech").
bool Recognizer::PlaceOpensPersonName(uint32_t first, uint32_t last, FormKind form, bool also_given) const {
  if (form == FormKind::kAdjective || last != first + 1) return false;
  if (d.sentences[d.sentence_of[first]].title_case) return false;
  if (!SameSentence(first, last) || !NamePart(last)) return false;
  bool office_before = false;
  if (first > 0) {
    uint32_t p = first - 1;
    if (d.Text(p) == "," && p > 0) --p;
    office_before = SameSentence(p, first) &&
                    (d.title_at[p] >= 0 || d.Is(p, "honorific") || d.Is(p, "counterpart"));
  }
  if (!office_before) {
    // "Ambassador to Georgia Oganes Petrosyan": the posting, then the holder
    if (first >= 2 && PostingPreposition(first - 1)) return false;
    const bool unknown_word = d.tokens[last].shape == TokenShape::kWord && !d.tokens[last].upper &&
                              !d.token_cues[last].any() && !OpenClassWord(last) &&
                              !WrittenInLowerCase(d.tokens[last].key);
    if (!also_given || !unknown_word) return false;
  }
  // the next word is no name of a place, state or body itself ("Minister
  // Sofia Bulgaria" is not a name); with no office before, no given name
  // either: "Ambassador to Georgia Ana Soto" names her posting, then her
  std::vector<FormMatch> next;
  uint32_t end = d.sentences[d.sentence_of[last]].last;
  if (d.dict->LongestMatch(&d.tokens[last].key, &d.token_text[last], end - last, &next) == 0) return true;
  for (const auto& m : next)
    if (m.kind != EntryKind::kGivenName || !office_before) return false;
  return true;
}

// Offices continue over "of|for [the] Capitalized words (and more)":
// "Minister of Culture and National Heritage", "Minister of the
// Presidency" — but not over a state's name, which says whose office it is.
void Recognizer::ExtendTitles() {
  for (auto& t : d.titles) {
    while (t.last + 1 < n && SameSentence(t.last, t.first)) {
      // "of|for [the] Fields", or "and Fields" after them ("Minister of Culture and National Heritage")
      bool of = d.IsWord(t.last, "of") || d.IsWord(t.last, "for");
      bool more = (d.IsWord(t.last, "and") || d.Text(t.last) == ",") &&
                  (t.text.find(" of ") != std::string::npos || t.text.find(" for ") != std::string::npos);
      if (!of && !more) break;
      uint32_t k = t.last + 1;
      if (of && d.IsWord(k, "the")) ++k;
      // only words that name a government's fields: a person's name may follow directly
      // ("... and Moroccan Expatriates": a demonym before a field is one of its words)
      auto demonym = [&](uint32_t j) {
        const int m = d.mention_at[j];
        return m >= 0 && d.mentions[m].form == MentionForm::kAdjective && d.mentions[m].type == EntityType::kCountry &&
               d.mentions[m].last == j + 1 && j + 1 < n && d.mention_at[j + 1] < 0 && d.Is(j + 1, "office_domain");
      };
      // (a field word read as a place's adjective, "African Cooperation", is a field still)
      auto one_word_mention = [&](uint32_t j) {
        const int m = d.mention_at[j];
        return m >= 0 && d.mentions[m].first == j && d.mentions[m].last == j + 1;
      };
      auto field = [&](uint32_t j) {
        return j < n && SameSentence(j, k) && Cap(j) && d.title_at[j] < 0 &&
               ((d.Is(j, "office_domain") && (d.mention_at[j] < 0 || one_word_mention(j))) || demonym(j));
      };
      uint32_t j = k;
      while (field(j)) ++j;
      if (j == k) break;
      // "spokesperson of the Foreign Ministry": the fields name a body the
      // office serves, no part of the office
      if (Cap(j) && d.Is(j, "org_head")) break;
      // ("Minister of Foreign Affairs, Cooperation and Expatriates": a list of fields)
      while ((d.IsWord(j, "and") || d.Text(j) == ",") && field(j + 1)) {
        ++j;
        while (field(j)) ++j;
      }
      int idx = d.title_at[t.first];
      for (uint32_t i = t.last; i < j; ++i) d.title_at[i] = idx;
      t.last = j;
      t.text = std::string(d.Span(t.first, t.last));
    }
  }
}

// A state's long form ("the Republic of Hungary", "Islamic Republic of
// Iran", "Kingdom of Saudi Arabia") is one mention of the state.
void Recognizer::StateFormPass() {
  for (auto& m : d.mentions) {
    if (m.type != EntityType::kCountry || m.form != MentionForm::kName || m.last <= m.first) continue;
    uint32_t first = m.first;
    if (first < 2 || !d.IsWord(first - 1, "of")) continue;
    uint32_t k = first - 1;
    bool head = false;
    while (k > 0 && SameSentence(k - 1, first) && d.mention_at[k - 1] < 0 && d.title_at[k - 1] < 0 &&
           d.Is(k - 1, "state_form") && !d.IsWord(k - 1, "the")) {
      --k;
      if (Cap(k) && !d.IsWord(k, "of")) head = true;
    }
    if (!head || k == first - 1) continue;
    for (uint32_t i = k; i < first; ++i) d.mention_at[i] = d.mention_at[first];
    m.first = k;
  }
}

}  // namespace irkg::internal
