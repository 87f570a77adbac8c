// Entity recognition: finds the names in an article and proposes a type and
// a canonical name for each, in four passes over the tokens:
//  1. dictionary forms (countries, demonyms, capitals, places, bodies,
//     offices), longest match first, in one left-to-right pass;
//  2. names built around a head noun ("Rainis Memorial Foundation",
//     "Cultural Centre of the Republic of Latvia", "Joint Statement on
//     ...", "Baltic Coast gas pipeline"), which may swallow dictionary
//     names inside them;
//  3. people: runs of capitalized words that a title, an honorific, a given
//     name or the sentence around them mark as a person;
//  4. acronyms defined in parentheses, and later bare uses of them.
#include <algorithm>
#include <iterator>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "extract/document.h"

namespace irkg::internal {

namespace {

bool IsHyphen(std::string_view t) { return t == "-" || t == "\u2010" || t == "\u2011"; }

struct Recognizer {
  Document& d;
  const std::vector<DictEntry>& entries;
  uint32_t n;

  explicit Recognizer(Document& doc) : d(doc), entries(doc.dict->entries()), n(static_cast<uint32_t>(doc.tokens.size())) {
    uint32_t max_key = 0;
    for (const Token& t : d.tokens) max_key = std::max(max_key, t.key);
    lower_keys.assign(max_key / 64 + 1, 0);
    for (const Token& t : d.tokens)
      if (t.shape == TokenShape::kWord && !t.cap && !t.upper && t.key != 0) lower_keys[t.key / 64] |= uint64_t{1} << (t.key % 64);
  }

  // The token keys of words the article writes in lower case, a bit per key
  // (keys are small dense numbers): cheaper than a hash set of nodes.
  std::vector<uint64_t> lower_keys;
  bool WrittenInLowerCase(uint32_t key) const { return key / 64 < lower_keys.size() && (lower_keys[key / 64] >> (key % 64) & 1); }

  bool Cap(uint32_t i) const { return i < n && d.tokens[i].shape == TokenShape::kWord && (d.tokens[i].cap || d.tokens[i].upper); }
  bool Joined(uint32_t i) const { return i < n && !d.tokens[i].space_before; }
  bool SameSentence(uint32_t a, uint32_t b) const { return a < n && b < n && d.sentence_of[a] == d.sentence_of[b]; }
  bool SentenceStart(uint32_t i) const { return d.sentences[d.sentence_of[i]].first == i || (i > 0 && IsQuote(i - 1) && d.sentences[d.sentence_of[i]].first == i - 1); }
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

  int AddMention(Mention m) {
    int idx = static_cast<int>(d.mentions.size());
    for (uint32_t i = m.first; i < m.last; ++i) {
      int old = d.mention_at[i];
      if (old >= 0) d.mentions[old].last = d.mentions[old].first;  // swallowed: emptied
      d.mention_at[i] = idx;
      if (d.title_at[i] >= 0) {
        // a name over the start of an office ("European Commission" in
        // "European Commission President") leaves the office its own words
        int t = d.title_at[i];
        TitleMention& title = d.titles[t];
        for (uint32_t k = title.first; k < title.last; ++k) d.title_at[k] = -1;
        if (title.last > m.last && title.first >= m.first) {
          title.first = m.last;
          for (uint32_t k = title.first; k < title.last; ++k) d.title_at[k] = t;
          title.text = std::string(d.Span(title.first, title.last));
        } else {
          title.last = title.first;
        }
      }
    }
    d.mentions.push_back(std::move(m));
    return idx;
  }

  // ---- pass 1: dictionary
  void DictionaryPass() {
    std::vector<uint32_t> keys(n);
    for (uint32_t i = 0; i < n; ++i) keys[i] = d.tokens[i].key;
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

  bool TakeDictionaryMatch(uint32_t first, uint32_t last, const std::vector<FormMatch>& matches) {
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
      // modifiers written before the office belong to it: "Deputy", "Vice", "First Deputy"
      while (t.first > 0 && d.Is(t.first - 1, "title_modifier") && Cap(t.first - 1) &&
             d.title_at[t.first - 1] < 0 && SameSentence(t.first - 1, first))
        --t.first;
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
        m.name = std::string(d.Span(first, last));
        m.subtype = "city";
        m.code.clear();
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

  // Offices continue over "of|for [the] Capitalized words (and more)":
  // "Minister of Culture and National Heritage", "Minister of the
  // Presidency" — but not over a state's name, which says whose office it is.
  void ExtendTitles() {
    for (auto& t : d.titles) {
      while (t.last + 1 < n && SameSentence(t.last, t.first)) {
        // "of|for [the] Fields", or "and Fields" after them ("Minister of Culture and National Heritage")
        bool of = d.IsWord(t.last, "of") || d.IsWord(t.last, "for");
        bool more = d.IsWord(t.last, "and") && (t.text.find(" of ") != std::string::npos || t.text.find(" for ") != std::string::npos);
        if (!of && !more) break;
        uint32_t k = t.last + 1;
        if (of && d.IsWord(k, "the")) ++k;
        // only words that name a government's fields: a person's name may follow directly
        auto field = [&](uint32_t j) {
          return j < n && SameSentence(j, k) && Cap(j) && d.mention_at[j] < 0 && d.title_at[j] < 0 &&
                 d.Is(j, "office_domain");
        };
        uint32_t j = k;
        while (field(j)) ++j;
        if (j == k) break;
        while (d.IsWord(j, "and") && field(j + 1)) {
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
  void StateFormPass() {
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

  // ---- pass 2: names around a head noun
  // Extends left over capitalized words (and hyphens joining them).
  uint32_t ExtendLeft(uint32_t head) const {
    uint32_t first = head;
    while (first > 0 && SameSentence(first - 1, head)) {
      uint32_t p = first - 1;
      if (Cap(p) && !(SentenceStart(p) && d.Is(p, "sentence_word") && !d.Is(p, "org_head"))) {
        if (d.title_at[p] >= 0 && !d.Is(p, "org_head")) {
          // an office right before a body's name is not part of it ("Minister ... Ministry" is rare)
          const auto& t = d.titles[d.title_at[p]];
          if (t.last == first) break;
        }
        first = p;
        continue;
      }
      if (IsHyphen(d.Text(p)) && !d.tokens[p].space_before && first > 1 && Cap(p - 1) && Joined(first)) {
        first = p;
        continue;
      }
      if (d.IsWord(p, "of") && p > 0 && Cap(p - 1) && Cap(first) && SameSentence(p - 1, head) &&
          d.title_at[p - 1] < 0 && !d.Is(p - 1, "org_head") && d.mention_at[first] >= 0) {
        first = p;  // "Friends of Lima-Quito Process": only before a known name
        continue;
      }
      if (d.tokens[p].shape == TokenShape::kNumber && first < head + 1 && p + 1 == first && Cap(first)) {
        // "5th Regional Forum", "2022-2027 Road Map"
        first = p;
        continue;
      }
      break;
    }
    return first;
  }

  // Extends right over "of|for|on|to (the) Capitalized ..." (and, for
  // agreements, a lower-case subject: "Joint Declaration on strengthening
  // the ... partnership"). Stops before a known organization's name.
  uint32_t ExtendRight(uint32_t last, bool agreement, bool embassy) const {
    uint32_t end = last;
    while (end < n && SameSentence(end, last - 1)) {
      uint32_t k = end;
      std::string_view w = d.Text(k);
      bool connector = w == "of" || w == "for" || (agreement && w == "on") || (embassy && (w == "to" || w == "in"));
      if (!connector) {
        if (Cap(k) && Joined(k) == false && k == end && end > last) {
          end = k + 1;
          continue;
        }
        break;
      }
      ++k;
      if (d.IsWord(k, "the")) ++k;
      if (d.Is(k, "weekday") || d.Is(k, "month")) break;  // "signed the Tbilisi Declaration on Friday"
      if (Cap(k) && !(d.mention_at[k] >= 0 && d.mentions[d.mention_at[k]].type == EntityType::kOrganization &&
                      !embassy)) {
        uint32_t j = k;
        while (j < n && SameSentence(j, k) &&
               (Cap(j) || (IsHyphen(d.Text(j)) && Joined(j) && Cap(j + 1)) ||
                ((d.IsWord(j, "and") || d.IsWord(j, "of") || d.Text(j) == ",") && Cap(j + 1) &&
                 !d.Is(j + 1, "sentence_word") && d.mention_at[j + 1] < 0) ||
                (d.tokens[j].shape == TokenShape::kNumber && j > k)))
          ++j;
        // "of the Republic of Hungary" ends with the country; a comma never ends a name
        while (j > k && (d.Text(j - 1) == "," || d.IsWord(j - 1, "and"))) --j;
        end = j;
        if (embassy) continue;  // "Embassy of X to Y"
        continue;
      }
      if (agreement && !Cap(k)) {
        // lower-case subject of an agreement, up to a verb, a preposition of place or punctuation
        uint32_t j = k;
        int words = 0;
        while (j < n && SameSentence(j, k) && words < 9) {
          std::string_view t = d.Text(j);
          if (d.tokens[j].shape == TokenShape::kPunct && !IsHyphen(t)) break;
          if (t == "signed" || t == "between" || t == "by" || t == "in" || t == "with" || t == "at" || t == "was" ||
              t == "were" || t == "is" || t == "are" || t == "that" || t == "which" || t == "as" || t == "has" ||
              t == "had" || t == "will" || t == "to")
            break;
          ++j, ++words;
        }
        while (j > k && (d.IsWord(j - 1, "the") || d.IsWord(j - 1, "and") || d.IsWord(j - 1, "of") || d.IsWord(j - 1, "a")))
          --j;
        if (j > k) end = j;
      }
      break;
    }
    return end;
  }

  EntityType HeadType(uint32_t head, std::string* subtype) const {
    subtype->clear();
    if (d.Is(head, "agreement_head")) return EntityType::kAgreement;
    if (d.Is(head, "project_head")) return EntityType::kProject;
    if (d.Is(head, "location_head")) return EntityType::kLocation;
    if (d.Is(head, "embassy_head")) *subtype = "embassy";
    else if (d.Is(head, "education_head")) *subtype = "education";
    else if (d.Is(head, "culture_head")) *subtype = "culture";
    else if (d.Is(head, "media_head")) *subtype = "media";
    else if (d.Is(head, "company_head")) *subtype = "company";
    else if (d.Is(head, "military_head")) *subtype = "military";
    else if (d.Is(head, "government_head")) *subtype = "government";
    else if (d.IsWord(head, "foundation")) *subtype = "foundation";
    else if (d.IsWord(head, "party")) *subtype = "party";
    return EntityType::kOrganization;
  }

  bool IsHead(uint32_t i) const {
    return Cap(i) && (d.Is(i, "org_head") || d.Is(i, "agreement_head") || d.Is(i, "project_head") ||
                      d.Is(i, "location_head"));
  }

  void HeadNounPass() {
    for (uint32_t i = 0; i < n; ++i) {
      if (!IsHead(i)) continue;
      // a head inside a dictionary organization/location name belongs to it
      if (d.mention_at[i] >= 0) continue;
      // use the last head of a run: "Cultural Centre" -> Centre; "Road Map" -> Map
      uint32_t head = i;
      while (head + 1 < n && IsHead(head + 1) && SameSentence(head, head + 1) && d.mention_at[head + 1] < 0) ++head;
      uint32_t first = ExtendLeft(i);
      if (first == i && head == i && !Cap(i + 1)) {
        // a bare head word ("the Ministry", "Council") names nothing unless "of X" follows
        std::string_view next = i + 1 < n ? d.Text(i + 1) : std::string_view();
        if (next != "of" && next != "for" && next != "on" && next != "to") continue;
        if (d.tokens[i].upper) continue;
      }
      std::string subtype;
      EntityType type = HeadType(head, &subtype);
      uint32_t last = ExtendRight(head + 1, type == EntityType::kAgreement, subtype == "embassy");
      if (first == head && last == head + 1) {
        i = head;
        continue;  // a lone capitalized head word
      }
      // keep the head-noun name only where it is more than a dictionary name
      Mention m;
      m.first = first;
      m.last = last;
      m.type = type;
      m.subtype = subtype;
      m.strong = true;
      m.name = std::string(d.Span(first, last));
      AddMention(std::move(m));
      i = last - 1;
    }
  }

  // Capitalized (or dictionary) names followed by lower-case modifiers and a
  // lower-case head: "Baltic Coast gas pipeline", "Iran nuclear deal",
  // "Riga-Tallinn-Helsinki railway", "Klaipeda port project", "Gulf region".
  void LowerHeadPass() {
    for (uint32_t i = 1; i < n; ++i) {
      if (!d.Is(i, "lower_head") || Cap(i) || d.mention_at[i] >= 0) continue;
      uint32_t k = i;
      // take the last of consecutive heads: "port project"
      while (k + 1 < n && d.Is(k + 1, "lower_head") && !Cap(k + 1) && SameSentence(k, k + 1)) ++k;
      uint32_t j = i;
      int modifiers = 0;
      while (j > 0 && SameSentence(j - 1, i) && !Cap(j - 1) && d.Is(j - 1, "lower_modifier") && modifiers < 2) --j, ++modifiers;
      if (j == 0 || !Cap(j - 1) || !SameSentence(j - 1, i)) continue;
      uint32_t first = ExtendLeft(j);
      if (first == j) continue;
      // the capitalized part must be a name, not an office or a sentence opener
      if (d.title_at[j - 1] >= 0) continue;
      if (first + 1 == j && SentenceStart(first) && d.Is(first, "sentence_word")) continue;
      std::string_view head = d.Text(k);
      EntityType type = EntityType::kProject;
      if (head == "deal" || head == "accord" || head == "treaty" || head == "agreement" || head == "declaration" ||
          head == "roadmap" || head == "pact" || head == "memorandum")
        type = EntityType::kAgreement;
      else if (head == "region") type = EntityType::kLocation;
      else if (head == "process" || head == "format") type = EntityType::kOrganization;
      // "the Caspian region" names a region; "Russian region" does not
      if (type == EntityType::kLocation && d.mention_at[j - 1] >= 0 &&
          d.mentions[d.mention_at[j - 1]].form == MentionForm::kAdjective)
        continue;
      Mention m;
      m.first = first;
      m.last = k + 1;
      m.type = type;
      m.strong = true;
      m.name = std::string(d.Span(first, k + 1));
      if (type == EntityType::kLocation) m.subtype = "region";
      AddMention(std::move(m));
      i = k;
    }
  }

  // ---- pass 3: people
  std::vector<FormMatch> given_matches;  // GivenName's, kept: it is asked of every candidate name
  std::vector<uint32_t> given_keys;

  // True when the name [first, last) opens with a given name: one word
  // ("Anne") or several joined by hyphens ("Anne-Marie", "Abdel-Fattah"),
  // which the dictionary holds as forms of three tokens.
  bool GivenName(uint32_t first, uint32_t last) {
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

  bool NamePart(uint32_t i) const {
    // Cap() first: a name part is capitalized, and most words are not
    if (!Cap(i) || d.mention_at[i] >= 0 || d.title_at[i] >= 0) return false;
    if (d.Is(i, "weekday") || d.Is(i, "month")) return false;
    if (!d.tokens[i].upper) return true;
    // short upper-case surnames are rare; acronyms are not names
    return d.token_text[i].size() <= 2 && d.Text(i).size() == 1;
  }

  // Extends a person's name over particles, hyphens and initials.
  uint32_t PersonEnd(uint32_t first) const {
    uint32_t j = first;
    while (j < n && SameSentence(j, first)) {
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

  bool CommonWords(uint32_t first, uint32_t last) const {
    for (uint32_t k = first; k < last; ++k) {
      if (d.tokens[k].shape != TokenShape::kWord) continue;
      if (d.token_cues[k].any()) return true;
      if (d.tokens[k].key != 0 && WrittenInLowerCase(d.tokens[k].key)) return true;
    }
    return false;
  }

  // What precedes a name and says it is a person's.
  bool PersonCue(uint32_t first) const {
    if (first == 0) return false;
    uint32_t p = first - 1;
    if (d.Text(p) == "," && p > 0) --p;
    if (d.Text(p) == "." && p > 0 && d.Is(p - 1, "honorific")) return true;
    if (d.title_at[p] >= 0 || d.Is(p, "honorific") || d.Is(p, "counterpart")) return true;
    return false;
  }

  bool SpeechAfter(uint32_t last) const {
    if (last < n && d.Is(last, "speech")) return true;
    if (last + 1 < n && d.Text(last) == "," && (d.IsWord(last + 1, "who") || d.IsWord(last + 1, "the"))) return true;
    return false;
  }

  void PersonPass() {
    for (uint32_t i = 0; i < n; ++i) {
      if (!NamePart(i)) continue;
      const Sentence& s = d.sentences[d.sentence_of[i]];
      uint32_t first = i;
      // sentence openers and month names are not names
      if ((SentenceStart(i) || (i > 0 && IsQuote(i - 1))) && d.Is(i, "sentence_word")) continue;
      if (d.Is(i, "month") || d.Is(i, "weekday")) continue;
      // an honorific opens the name but is not part of it: "Sheikh Mohammed ..."
      if (d.Is(i, "honorific") && NamePart(i + 1)) continue;
      uint32_t last = PersonEnd(first);
      uint32_t words = 0;
      for (uint32_t k = first; k < last; ++k)
        if (d.tokens[k].shape == TokenShape::kWord) ++words;
      bool cue = PersonCue(first);
      bool given = GivenName(first, last);
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
        person = cue || given || (!d.Is(first, "sentence_word") && !CommonWords(first, last));
      } else if (words == 1) {
        person = cue;
      }
      (void)speech;
      if (!person) {
        i = last - 1;
        continue;
      }
      Mention m;
      m.first = first;
      m.last = last;
      m.type = EntityType::kPerson;
      m.strong = cue || given;
      m.name = std::string(d.Span(first, last));
      if (words == 1) m.form = MentionForm::kShortName;
      AddMention(std::move(m));
      i = last - 1;
    }
  }

  // A word of a person's full name, seen alone, names that person
  // ("Ozola stressed", "Tanaka, for her part", "Ozola's remarks").
  void SurnamePass() {
    // a set, not a list: a long text names many people many times
    // (sorted, and searched by binary search: fewer allocations than a hash set)
    std::vector<std::string_view> name_words;  // the words of full names
    for (const auto& m : d.mentions) {
      if (m.type != EntityType::kPerson || m.last <= m.first || m.form != MentionForm::kName) continue;
      for (uint32_t i = m.first; i < m.last; ++i)
        if (d.tokens[i].shape == TokenShape::kWord && d.token_text[i].size() > 1 && !d.Is(i, "name_particle"))
          name_words.push_back(d.Text(i));
    }
    if (name_words.empty()) return;
    std::sort(name_words.begin(), name_words.end());
    name_words.erase(std::unique(name_words.begin(), name_words.end()), name_words.end());
    for (uint32_t i = 0; i < n; ++i) {
      if (!NamePart(i) || (i + 1 < n && NamePart(i + 1)) || (i > 0 && NamePart(i - 1))) continue;
      if (!std::binary_search(name_words.begin(), name_words.end(), d.Text(i))) continue;
      Mention m;
      m.first = i;
      m.last = i + 1;
      m.type = EntityType::kPerson;
      m.form = MentionForm::kShortName;
      m.name = std::string(d.Text(i));
      AddMention(std::move(m));
    }
  }

  // ---- pass 4: acronyms in parentheses, then their bare uses
  void AcronymPass() {
    struct Def {
      std::string text;
      int mention;
    };
    std::vector<Def> defs;
    for (uint32_t i = 1; i + 2 < n; ++i) {
      if (d.Text(i) != "(" || d.Text(i + 2) != ")" || !d.tokens[i + 1].upper) continue;
      int prev = d.mention_at[i - 1];
      if (prev < 0 || d.mention_at[i + 1] >= 0) continue;
      defs.push_back({std::string(d.Text(i + 1)), prev});
      Mention m = d.mentions[prev];
      m.first = i + 1;
      m.last = i + 2;
      m.form = MentionForm::kAcronym;
      AddMention(std::move(m));
    }
    if (defs.empty()) return;
    for (uint32_t i = 0; i < n; ++i) {
      if (d.mention_at[i] >= 0 || !d.tokens[i].upper) continue;
      for (const auto& def : defs)
        if (d.Text(i) == def.text) {
          Mention m = d.mentions[def.mention];
          m.first = i;
          m.last = i + 1;
          m.form = MentionForm::kAcronym;
          AddMention(std::move(m));
          break;
        }
    }
  }

  // A capital standing for its state: "Moscow said", "blacklisted by
  // Washington", "rivalry between Washington and Havana". Such a mention
  // names the state, not the city.
  void MetonymPass() {
    for (auto& m : d.mentions) {
      if (m.type != EntityType::kLocation || m.last <= m.first || m.subtype != "city") continue;
      int country = CapitalOf(m);
      if (country < 0 || !ActorPosition(m)) continue;
      const DictEntry& e = entries[country];
      m.type = EntityType::kCountry;
      m.form = MentionForm::kMetonym;
      m.dict_entry = country;
      m.name = e.canonical;
      m.code = e.code;
      m.subtype.clear();
    }
  }

  // The country entry whose capital form this mention is, or -1.
  int CapitalOf(const Mention& m) const {
    std::vector<FormMatch> matches;
    std::vector<uint32_t> keys;
    for (uint32_t i = m.first; i < m.last; ++i) keys.push_back(d.tokens[i].key);
    if (d.dict->LongestMatch(keys.data(), &d.token_text[m.first], keys.size(), &matches) != keys.size()) return -1;
    for (const auto& fm : matches)
      if (fm.form == FormKind::kCapital) return static_cast<int>(fm.entry);
    return -1;
  }

  bool ActorPosition(const Mention& m) const {
    if (m.first > 0) {
      std::string_view prev = d.Text(m.first - 1);
      if (prev == "in" || prev == "to" || prev == "at" || prev == "from" || prev == "near" || prev == "of" ||
          prev == "into" || prev == "In" || prev == "visit" || prev == "toward" || prev == "towards" || prev == "," ||
          prev == "capital")
        return false;
      if (d.IsWord(m.first - 1, "by") || d.IsWord(m.first - 1, "between")) return true;
      // the object of a stance or a sanction: "threatened Seoul", "condemned Washington"
      if (d.Is(m.first - 1, "threaten") || d.Is(m.first - 1, "criticize") || d.Is(m.first - 1, "sanction") ||
          d.Is(m.first - 1, "support"))
        return true;
      // "between Washington and Havana": the second of the pair
      if (d.IsWord(m.first - 1, "and") && m.first >= 3 && d.IsWord(m.first - 3, "between")) return true;
    }
    if (m.last >= n) return false;
    // followed by a verb: a statement, an act ("Washington imposed ...", "Moscow has")
    std::string_view next = d.Text(m.last);
    bool past_tense = d.tokens[m.last].shape == TokenShape::kWord && !d.tokens[m.last].cap && next.size() > 4 &&
                      next.substr(next.size() - 2) == "ed";
    return past_tense || d.Is(m.last, "speech") || d.IsWord(m.last, "has") || d.IsWord(m.last, "have") ||
           d.Is(m.last, "sanction") || d.Is(m.last, "criticize") || d.Is(m.last, "threaten") ||
           d.Is(m.last, "support") || d.Is(m.last, "sign_verb");
  }

  // Names of agreements and projects also appear in lower case or without
  // their capitals elsewhere ("a peace agreement" ... "the Peace Agreement").
  void RepeatPass() {
    std::vector<int> names;
    for (size_t k = 0; k < d.mentions.size(); ++k) {
      const Mention& m = d.mentions[k];
      if (m.last > m.first && (m.type == EntityType::kAgreement || m.type == EntityType::kProject) && m.last - m.first >= 2)
        names.push_back(static_cast<int>(k));
    }
    // One scan per distinct name: a long text repeats its names, and a scan
    // per mention made this quadratic in the article's length.
    std::set<std::vector<std::string>> scanned;
    for (int idx : names) {
      Mention proto = d.mentions[idx];
      uint32_t len = proto.last - proto.first;
      std::vector<std::string> words;
      for (uint32_t k = 0; k < len; ++k) words.push_back(FoldName(d.Text(proto.first + k)));
      if (!scanned.insert(words).second) continue;
      for (uint32_t i = 0; i + len <= n; ++i) {
        if (i == proto.first) continue;
        bool same = true;
        for (uint32_t k = 0; same && k < len; ++k) same = d.tokens[i + k].key == d.tokens[proto.first + k].key &&
                                                       d.tokens[i + k].key != 0;
        if (!same) {
          same = true;
          for (uint32_t k = 0; same && k < len; ++k) same = d.IsWord(i + k, words[k]);
        }
        // after the word test, which rules out nearly every position
        if (!same || !Free(i, i + len)) continue;
        Mention m = proto;
        m.first = i;
        m.last = i + len;
        AddMention(std::move(m));
      }
    }
  }
};

}  // namespace

void RecognizeEntities(Document* doc) {
  doc->mention_at.assign(doc->tokens.size(), -1);
  doc->title_at.assign(doc->tokens.size(), -1);
  Recognizer r(*doc);
  r.DictionaryPass();
  r.StateFormPass();
  r.ExtendTitles();
  r.HeadNounPass();
  r.LowerHeadPass();
  r.PersonPass();
  r.SurnamePass();
  r.AcronymPass();
  r.RepeatPass();
  r.MetonymPass();
  // drop the mentions that later passes swallowed, keep text order; sorted
  // by index (the same comparisons, so the same order) and then moved once,
  // as a Mention with its strings is costly to swap around
  std::vector<int> order;
  order.reserve(doc->mentions.size());
  for (size_t k = 0; k < doc->mentions.size(); ++k)
    if (doc->mentions[k].last > doc->mentions[k].first) order.push_back(static_cast<int>(k));
  std::sort(order.begin(), order.end(),
            [&](int a, int b) { return doc->mentions[a].first < doc->mentions[b].first; });
  std::vector<Mention> kept;
  kept.reserve(order.size());
  for (int k : order) kept.push_back(std::move(doc->mentions[k]));
  // moved back rather than swapped in, so that the reused Document keeps its room
  doc->mentions.clear();
  std::move(kept.begin(), kept.end(), std::back_inserter(doc->mentions));
  doc->mention_at.assign(doc->tokens.size(), -1);
  for (size_t k = 0; k < doc->mentions.size(); ++k)
    for (uint32_t i = doc->mentions[k].first; i < doc->mentions[k].last; ++i) doc->mention_at[i] = static_cast<int>(k);
  std::vector<TitleMention> titles;
  for (auto& t : doc->titles)
    if (t.last > t.first) titles.push_back(std::move(t));
  doc->titles = std::move(titles);
  doc->title_at.assign(doc->tokens.size(), -1);
  for (size_t k = 0; k < doc->titles.size(); ++k)
    for (uint32_t i = doc->titles[k].first; i < doc->titles[k].last; ++i) doc->title_at[i] = static_cast<int>(k);
}

}  // namespace irkg::internal
