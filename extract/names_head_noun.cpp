// Recognizer passes: names built around a head noun.
//   HeadNounPass reads the cue classes of capitalized heads (org_head,
//   agreement_head, project_head, location_head) and adds a mention of a
//   body, agreement, project or place spanning the capitalized words
//   around the head, swallowing dictionary names inside it ("Cultural
//   Centre of the Republic of Latvia"). LowerHeadPass adds names ending in
//   a lower-case head ("Baltic Coast gas pipeline"). RepeatPass adds the
//   later uses of an agreement's or project's name written again.
//   StateMinistryPass adds a state's ministry named by the state and its
//   fields in any case ("the Peruvian defence ministry", "Chile's Foreign
//   Ministry"), over the state's mention. PlaceKindPass adds the places
//   named after "the town of", "the cities of" (a list).
#include <cctype>
#include <set>

#include "extract/name_recognizer.h"

namespace irkg::internal {

// In a Title Case headline, a word that can be the verb of an event frame
// ("Chile, Peru Sign Fisheries Accord": "Sign", read as a noun by the
// tagger): its verb readings' lemmas have frames.
bool Recognizer::HeadlineEventVerb(uint32_t i) const {
  if (!d.sentences[d.sentence_of[i]].title_case || !d.lexicon || !d.frames) return false;
  for (const WordReading& r : d.lexicon->Find(FoldName(d.Text(i))))
    if (r.pos == Pos::kVerb && (r.form == VerbForm::kBase || r.form == VerbForm::kPresent3s) && d.LemmaTriggers(r.lemma, false))
      return true;
  return false;
}

// Extends left over capitalized words (and hyphens joining them).
// "and" at `and_tok` joins a capitalized field word before it that opens a
// body's name after a determiner or a possessor: "the Trade and ...", "the
// bloc's Peace and ..." (not "Chile and ...": a name is no field).
bool Recognizer::JoinedFieldBefore(uint32_t and_tok) const {
  if (and_tok < 2 || !d.IsWord(and_tok, "and")) return false;
  const uint32_t field = and_tok - 1;
  // (past the names of its parties: "the Chile-Peru Trade and ...")
  uint32_t opener = and_tok - 2;
  while (opener > 0 && and_tok - opener < 6 && SameSentence(opener - 1, and_tok) && !d.IsWord(opener, "the") &&
         !d.IsWord(opener, "a") && (Cap(opener) || (IsHyphen(d.Text(opener)) && Joined(opener))))
    --opener;
  return Cap(field) && d.mention_at[field] < 0 && d.title_at[field] < 0 &&
         (Possessive(opener) || d.IsWord(opener, "the") || d.IsWord(opener, "a") || d.IsWord(opener, "its"));
}

uint32_t Recognizer::ExtendLeft(uint32_t head) const {
  uint32_t first = head;
  while (first > 0 && SameSentence(first - 1, head)) {
    uint32_t p = first - 1;
    // a Title Case headline: "Chile Condemns Peru Over Border Raid" — its
    // verb after a known name ("Condemns") and its prepositions ("Over")
    // are no part of a name
    if (Cap(p) && !d.tags.empty() && d.mention_at[p] < 0 &&
        (d.tags[p].pos == Pos::kPreposition ||
         (d.tags[p].pos == Pos::kVerb && d.tags[p].form == VerbForm::kPresent3s && p > 0 && d.mention_at[p - 1] >= 0) ||
         (p > 0 && d.mention_at[p - 1] >= 0 && HeadlineEventVerb(p))))
      break;
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
    if (d.Text(p) == "." && Joined(p) && p >= 2 && Cap(p - 1) && d.Text(p - 1).size() == 1 && Cap(p - 2) &&
        SameSentence(p - 2, head)) {
      first = p - 1;  // a middle initial of the person a body is named after: "the Mary J. Pilk Institute"
      continue;
    }
    if (d.IsWord(p, "of") && p > 0 && Cap(p - 1) && Cap(first) && SameSentence(p - 1, head) &&
        d.title_at[p - 1] < 0 && !d.Is(p - 1, "org_head") && d.mention_at[first] >= 0) {
      first = p;  // "Friends of Lima-Quito Process": only before a known name
      continue;
    }
    // "the bloc's Peace and Security Council", "a Trade and Investment
    // Council": two capitalized fields joined by "and" inside a body's name,
    // after a determiner or a possessor (not "Chile and Peru Council")
    if (first < head + 1 && JoinedFieldBefore(p) && SameSentence(p - 1, head)) {
      first = p - 1;
      continue;
    }
    if (d.tokens[p].shape == TokenShape::kNumber && first < head + 1 && p + 1 == first && Cap(first)) {
      // "5th Regional Forum", "2022-2027 Road Map"
      first = p;
      if (p >= 2 && IsHyphen(d.Text(p - 1)) && Joined(p - 1) && Joined(p) && Year(p - 2) && Year(p)) first = p - 2;
      continue;
    }
    break;
  }
  return first;
}

// Extends right over "of|for|on|to (the) Capitalized ..." (and, for
// agreements, a lower-case subject: "Joint Declaration on strengthening
// the ... partnership"). Stops before a known organization's name.
// The small words inside an agreement's long Title Case name.
bool Recognizer::AgreementNameJoiner(uint32_t i) const {
  return d.IsWord(i, "in") || d.IsWord(i, "into") || d.IsWord(i, "with") || d.IsWord(i, "on") || d.IsWord(i, "for") ||
         d.IsWord(i, "a") || d.IsWord(i, "the");
}

// "for the 2026 Season on behalf of Chile": who signs for whom, no part
// of a document's name.
bool Recognizer::OnBehalf(uint32_t i) const { return d.IsWord(i, "on") && d.IsWord(i + 1, "behalf"); }

bool Recognizer::Year(uint32_t i) const {
  return i < n && d.tokens[i].shape == TokenShape::kNumber && d.Text(i).size() == 4;
}

// The years a document's name may end with, from `i`: "2025", "2025-2030",
// "for 2025-2030", "(2025-2030)". Returns where they end, or `i`.
uint32_t Recognizer::YearsOfName(uint32_t i) const {
  uint32_t k = i;
  const bool parenthesis = d.Text(k) == "(";
  if (parenthesis || d.IsWord(k, "for")) ++k;
  if (!Year(k) || !SameSentence(k, i)) return i;
  ++k;
  if (k + 1 < n && IsHyphen(d.Text(k)) && Joined(k) && Year(k + 1)) k += 2;
  else if (d.IsWord(i, "for")) return i;  // "for 2025" is when, not a span the name covers
  if (parenthesis) return d.Text(k) == ")" ? k + 1 : i;
  return k;
}

// A run from `first` to `end` that is one state's name, as a formal title
// lists its parties ("the Republic of Chile", "the Kingdom of Spain"); not
// a body of a state ("the Chilean Water Agency").
bool Recognizer::StateNameRun(uint32_t first, uint32_t end) const {
  while (first < end && d.IsWord(first, "the")) ++first;
  if (first >= end || d.mention_at[first] < 0) return false;
  const Mention& m = d.mentions[d.mention_at[first]];
  return m.type == EntityType::kCountry && m.form == MentionForm::kName && m.first == first && m.last == end;
}

// A formal title's capitalized participle after its head, before its
// object: "Agreement Establishing the Water Commission", "Communique
// Establishing Diplomatic Relations" (not "the Paris Agreement Monitoring
// Committee", a body named after the agreement: its words end in a body's head).
bool Recognizer::TitleParticiple(uint32_t i) const {
  std::string_view w = d.Text(i);
  if (!Cap(i) || d.mention_at[i] >= 0 || w.size() <= 5 || !w.ends_with("ing")) return false;
  if (d.IsWord(i + 1, "the") || d.IsWord(i + 1, "a") || d.IsWord(i + 1, "an")) return true;
  uint32_t j = i + 1;
  while (j < n && Cap(j) && SameSentence(j, i)) ++j;
  return j > i + 1 && !d.Is(j - 1, "org_head");
}

uint32_t Recognizer::ExtendRight(uint32_t last, bool agreement, bool embassy) const {
  uint32_t end = last;
  while (end < n && SameSentence(end, last - 1)) {
    uint32_t k = end;
    std::string_view w = d.Text(k);
    bool connector = w == "of" || w == "for" || (agreement && w == "on") || (embassy && (w == "to" || w == "in")) ||
                     (agreement && k == last && TitleParticiple(k));
    if (OnBehalf(k)) break;
    // "the Consulate General in Basra", "the Consulate-General of Chile"
    if (embassy && d.IsWord(k, "general") &&
        (k == last ? d.IsWord(k - 1, "consulate")
                   : k == last + 1 && IsHyphen(d.Text(k - 1)) && d.IsWord(k - 2, "consulate"))) {
      end = k + 1;
      continue;
    }
    // "the Joint Declaration on Deepening the Partnership between the
    // Republic of A and the Kingdom of B (for 2025-2030)": a long formal
    // title goes on over its parties when they are states written with
    // "the" ("the Lima Accord between Chile and Peru" and "the Memorandum
    // ... between the Chilean Water Agency and ..." name the parties after
    // the name)
    if (agreement && w == "between" && end > last && d.IsWord(k + 1, "the")) {
      auto run = [&](uint32_t j) {
        while (j < n && SameSentence(j, k) &&
               (Cap(j) || ((d.IsWord(j, "of") || d.IsWord(j, "the")) && j + 1 < n && (Cap(j + 1) || d.IsWord(j + 1, "the")))))
          ++j;
        return j;
      };
      const uint32_t first_party = k + 1, first_end = run(first_party);
      if (first_end > first_party + 1 && d.IsWord(first_end, "and") && StateNameRun(first_party, first_end)) {
        const uint32_t second_end = run(first_end + 1);
        if (second_end > first_end + 1 && StateNameRun(first_end + 1, second_end)) end = YearsOfName(second_end);
      }
      break;
    }
    if (!connector) {
      // "the Action Plan 2025-2030", "the Plan (2025-2030)", "the Accord of
      // 2019": a year, or a span of years, right after an agreement's name
      // is part of it
      if (agreement && k == end && SameSentence(k, last - 1) && YearsOfName(k) > k) {
        end = YearsOfName(k);
        break;
      }
      if (Cap(k) && Joined(k) == false && k == end && end > last) {
        end = k + 1;
        continue;
      }
      break;
    }
    ++k;
    if (d.IsWord(k, "the")) ++k;
    if (d.Is(k, "weekday") || d.Is(k, "month")) break;  // "signed the Tbilisi Declaration on Friday"
    // "the Friendship Treaty of 1984": the year ends the name
    if (agreement && w == "of" && Year(k)) {
      end = YearsOfName(k);
      break;
    }
    // "the Kenyan Embassy in Peru" names the embassy by its host state (a
    // city, as in "the Kenyan Embassy in Lima", only in its name: NameWithPlace)
    if (embassy && w == "in" && !(d.mention_at[k] >= 0 && d.mentions[d.mention_at[k]].type == EntityType::kCountry))
      break;
    if (Cap(k) && !(d.mention_at[k] >= 0 && d.mentions[d.mention_at[k]].type == EntityType::kOrganization &&
                    !embassy)) {
      uint32_t j = k;
      while (j < n && SameSentence(j, k)) {
        if (Cap(j) || (IsHyphen(d.Text(j)) && Joined(j) && Cap(j + 1)) ||
            ((d.IsWord(j, "and") || d.IsWord(j, "of") || d.Text(j) == ",") && Cap(j + 1) &&
             !d.Is(j + 1, "sentence_word") && d.mention_at[j + 1] < 0) ||
            (d.tokens[j].shape == TokenShape::kNumber && j > k) ||
            // "Roadmap for Cooperation 2024-2026": a span of years
            (IsHyphen(d.Text(j)) && Joined(j) && j > k && d.tokens[j - 1].shape == TokenShape::kNumber &&
             j + 1 < n && d.tokens[j + 1].shape == TokenShape::kNumber)) {
          ++j;
          continue;
        }
        // an agreement's long name goes on over the small words of its
        // subject: "Memorandum on Cooperation in Inland Waterways", "Plan
        // on Building a Community with a Shared Future" (not "... with
        // Peru": a name after the small word is a party, no part of it)
        if (agreement && j > k && AgreementNameJoiner(j)) {
          uint32_t next = j + 1 + ((d.IsWord(j + 1, "a") || d.IsWord(j + 1, "the")) ? 1 : 0);
          // a known name right after an article or "into" is inside the
          // subject ("Building a Chile-Peru Corridor", "the Accession of
          // Bhutan into BIMSTEC"), not a party
          const bool name_inside = d.IsWord(j, "a") || d.IsWord(j, "the") || d.IsWord(j, "into");
          if (next < n && SameSentence(next, k) && Cap(next) && (d.mention_at[next] < 0 || name_inside) &&
              !d.Is(next, "sentence_word") && !d.Is(next, "weekday") && !d.Is(next, "month")) {
            j = next;
            continue;
          }
        }
        break;
      }
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
        if ((d.tokens[j].shape == TokenShape::kPunct && !IsHyphen(t)) || OnBehalf(j)) break;
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

// "the Chilean Embassy in Lima", "the UN Verification Mission in
// Colombia": a mission is named with the place it serves in (its token
// range stays before "in": the place is one of its own, which the rules
// read where it stands). An embassy's state is already in its range
// (ExtendRight), so `states` is false for it; never a district ("in the
// Mermoz district").
void Recognizer::NameWithPlace(Mention* m, bool states) const {
  uint32_t place_at = m->last + 1;
  if (!d.IsWord(m->last, "in")) return;
  if (states && d.IsWord(place_at, "the")) ++place_at;
  if (!Cap(place_at) || !SameSentence(place_at, m->last)) return;
  uint32_t end = place_at;
  if (d.mention_at[place_at] >= 0) {
    const Mention& place = d.mentions[d.mention_at[place_at]];
    const bool kind = place.type == EntityType::kLocation || (states && place.type == EntityType::kCountry);
    if (!kind || place.first != place_at || place.form != MentionForm::kName) return;
    end = place.last;
  } else {
    while (end < n && Cap(end) && d.mention_at[end] < 0 && SameSentence(end, place_at)) ++end;
    if (d.Is(end - 1, "location_head") || d.Is(end - 1, "place_kind")) return;  // "in Mermoz District"
  }
  m->name = d.Span(m->first, end);
  m->where_words = static_cast<uint8_t>(std::min<uint32_t>(end - m->last, 255));
}

EntityType Recognizer::HeadType(uint32_t head, std::string_view* subtype) const {
  *subtype = {};
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

// "Syunik Province of Armenia", "the Aragua Region of Venezuela": a place
// named before its head, then "of" a state, lies in that state; the state is
// not part of its name ("the Province of Quebec" names the place after "of").
bool Recognizer::StateAfterPlace(uint32_t first, uint32_t head, EntityType type) const {
  if (type != EntityType::kLocation || first >= head || !d.IsWord(head + 1, "of")) return false;
  uint32_t k = head + 2;
  if (d.IsWord(k, "the")) ++k;
  return k < n && SameSentence(k, head) && d.mention_at[k] >= 0 &&
         d.mentions[d.mention_at[k]].type == EntityType::kCountry && d.mentions[d.mention_at[k]].form == MentionForm::kName;
}

// "signed a new Memorandum of Understanding", "drafted a Framework
// Agreement" is no particular document: a kind of document (its words all document
// heads, joined by "of" or "on") after an indefinite article, with at most
// two lower-case words between. "the Declaration of Principles" keeps its
// name: the definite article points at one document.
bool Recognizer::GenericDocument(uint32_t first, uint32_t last) const {
  for (uint32_t k = first; k < last; ++k)
    if (!d.Is(k, "agreement_head") && !d.IsWord(k, "of") && !d.IsWord(k, "on")) return false;
  uint32_t k = first;
  for (int lower = 0; k > 0 && lower <= 2 && SameSentence(k - 1, first); ++lower) {
    --k;
    if (d.IsWord(k, "a") || d.IsWord(k, "an")) return true;
    if (Cap(k) || d.tokens[k].shape != TokenShape::kWord) return false;
  }
  return false;
}

bool Recognizer::IsHead(uint32_t i) const {
  return Cap(i) && (d.Is(i, "org_head") || d.Is(i, "agreement_head") || d.Is(i, "project_head") ||
                    d.Is(i, "location_head"));
}

void Recognizer::HeadNounPass() {
  uint32_t resume = 0;  // a name found ends before it: the search goes on there
  for (const uint32_t i : capitals) {  // (a head is capitalized)
    if (i < resume || !IsHead(i)) continue;
    // a head inside a dictionary organization/location name or an office
    // ("Chief Cabinet Secretary") belongs to it
    if (d.mention_at[i] >= 0 || d.title_at[i] >= 0) continue;
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
    std::string_view subtype;
    EntityType type = HeadType(head, &subtype);
    uint32_t last = StateAfterPlace(first, head, type) ? head + 1
                                                       : ExtendRight(head + 1, type == EntityType::kAgreement, subtype == "embassy");
    if (first == head && last == head + 1) {
      resume = head + 1;
      continue;  // a lone capitalized head word
    }
    // "the 1951 Defence Treaty" is the Defence Treaty, signed in 1951; a
    // span of years ("the 2025-2030 Road Map") names one edition of a plan
    if (type == EntityType::kAgreement && first < head && Year(first) && !IsHyphen(d.Text(first + 1))) ++first;
    if (type == EntityType::kAgreement && GenericDocument(first, last)) {
      resume = last;
      continue;
    }
    // "John Hall", "Barbara Castle": a given name and a head word alone are
    // a person's name, the person pass's to read
    if (type == EntityType::kLocation && first + 1 == head && last == head + 1 && GivenName(first, head)) {
      resume = head + 1;
      continue;
    }
    // keep the head-noun name only where it is more than a dictionary name
    Mention m;
    m.first = first;
    m.last = last;
    m.type = type;
    m.subtype = subtype;
    m.strong = true;
    m.name = d.Span(first, last);
    if (subtype == "embassy" || d.Is(head, "mission_head")) NameWithPlace(&m, subtype != "embassy");
    AddMention(std::move(m));
    resume = last;
  }
}

// Capitalized (or dictionary) names followed by lower-case modifiers and a
// lower-case head: "Baltic Coast gas pipeline", "Iran nuclear deal",
// "Riga-Tallinn-Helsinki railway", "Klaipeda port project", "Gulf region".
void Recognizer::LowerHeadPass() {
  uint32_t resume = 1;  // a name found ends before it: the search goes on there
  for (const uint32_t i : lower_heads) {
    if (i < resume || Cap(i) || d.mention_at[i] >= 0) continue;
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
    // "the Red Sea port of Hodeida", "the Andean town of X": a kind of place
    // whose name follows it is no name of its own
    // (but "the Barmal district of Chile's north" names its district)
    if ((d.Is(k, "place_kind") || d.Is(k, "place_word")) && k + 2 < n && d.IsWord(k + 1, "of") && Cap(k + 2) &&
        d.mention_at[k + 2] < 0)
      continue;
    std::string_view head = d.Text(k);
    EntityType type = EntityType::kProject;
    if (head == "deal" || head == "accord" || head == "treaty" || head == "agreement" || head == "declaration" ||
        head == "roadmap" || head == "pact" || head == "memorandum")
      type = EntityType::kAgreement;
    else if (d.Is(k, "lower_place_head") || d.Is(k, "lower_site_head")) type = EntityType::kLocation;
    const bool site = d.Is(k, "lower_site_head");
    // "the NATO base": a body's site is no place of its own name
    if (site && d.mention_at[j - 1] >= 0 && d.mentions[d.mention_at[j - 1]].type == EntityType::kOrganization) continue;
    else if (head == "process" || head == "format") type = EntityType::kOrganization;
    // "the Caspian region" names a region; "Russian region", "the Chilean port" do not
    if ((type == EntityType::kLocation || d.Is(k, "place_kind")) && d.mention_at[j - 1] >= 0 &&
        d.mentions[d.mention_at[j - 1]].form == MentionForm::kAdjective)
      continue;
    // a place the dictionary knows keeps its own name: "the Xinjiang region" is Xinjiang
    if (type == EntityType::kLocation && !site && d.mention_at[first] >= 0 && d.mention_at[first] == d.mention_at[j - 1] &&
        d.mentions[d.mention_at[first]].type == EntityType::kLocation && d.mentions[d.mention_at[first]].first == first)
      continue;
    Mention m;
    m.first = first;
    m.last = k + 1;
    m.type = type;
    m.strong = true;
    // "Sindh province", "the Jenin camp" are named Sindh, Jenin; other
    // places keep their word ("the Caspian region", "Tulcea county", "the
    // Rafah crossing")
    const bool bare = type == EntityType::kLocation && (head == "province" || head == "district" || head == "camp");
    m.name = d.Span(first, bare ? j : k + 1);
    if (type == EntityType::kLocation) m.subtype = "region";
    AddMention(std::move(m));
    resume = k + 1;
  }
}

// Names of agreements and projects also appear in lower case or without
// their capitals elsewhere ("a peace agreement" ... "the Peace Agreement").
void Recognizer::RepeatPass() {
  std::vector<int> names;
  for (size_t k = 0; k < d.mentions.size(); ++k) {
    const Mention& m = d.mentions[k];
    if (m.last > m.first && (m.type == EntityType::kAgreement || m.type == EntityType::kProject) && m.last - m.first >= 2)
      names.push_back(static_cast<int>(k));
  }
  if (names.empty()) return;
  // Where each name's first word stands, by its dictionary key and by a
  // hash of its text in lower case: a name is looked for only where its
  // first word is, not at every token once per distinct name (quadratic in
  // a long article). One scan keeps the tokens that may start a name, as
  // sorted (tag, position) pairs; a name takes its ranges from them.
  auto lower_hash = [](std::string_view w) {
    uint64_t h = 1469598103934665603ull;
    for (char c : w) h = (h ^ static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c)) * 1099511628211ull;
    return h;
  };
  // One look per distinct name: a long text repeats its names. No name is
  // swallowed by another's repeat (those land only on free tokens), so the
  // names' words can be read before any repeat is added.
  std::set<std::vector<std::string>> scanned;
  std::vector<std::pair<int, std::vector<std::string>>> distinct;
  for (int idx : names) {
    const Mention& m = d.mentions[idx];
    std::vector<std::string> words;
    for (uint32_t k = m.first; k < m.last; ++k) words.push_back(FoldName(d.Text(k)));
    if (scanned.insert(words).second) distinct.emplace_back(idx, std::move(words));
  }
  std::vector<uint64_t> first_keys, first_hashes;
  uint64_t first_lengths = 0;  // bit n: some first word has n bytes (a word of 64 or more: bit 63)
  auto length_bit = [](size_t n) { return uint64_t{1} << std::min<size_t>(n, 63); };
  for (const auto& [idx, words] : distinct) {
    if (uint32_t key = d.tokens[d.mentions[idx].first].key; key != 0) first_keys.push_back(key);
    first_hashes.push_back(lower_hash(words[0]));
    first_lengths |= length_bit(words[0].size());
  }
  std::sort(first_keys.begin(), first_keys.end());
  std::sort(first_hashes.begin(), first_hashes.end());
  // Whether a token may start a name depends only on its text: asked once a
  // distinct word of the article (Document::word_of), not at every token.
  enum : uint8_t { kUnread = 1, kByKey = 2, kByText = 4 };
  std::vector<uint8_t> starts(d.word_count, kUnread);
  std::vector<uint64_t> text_hash(d.word_count);
  std::vector<std::pair<uint64_t, uint32_t>> at_key, at_text;
  for (uint32_t i = 0; i < n; ++i) {
    const uint32_t word = d.word_of[i];
    if (starts[word] == kUnread) {
      uint8_t kind = 0;
      uint32_t key = d.tokens[i].key;
      if (key != 0 && std::binary_search(first_keys.begin(), first_keys.end(), key)) kind |= kByKey;
      // only a word as long as a first word can be one (IsWord below)
      if (first_lengths & length_bit(d.Text(i).size())) {
        uint64_t h = text_hash[word] = lower_hash(d.Text(i));
        if (std::binary_search(first_hashes.begin(), first_hashes.end(), h)) kind |= kByText;
      }
      starts[word] = kind;
    }
    if (starts[word] & kByKey) at_key.emplace_back(d.tokens[i].key, i);
    if (starts[word] & kByText) at_text.emplace_back(text_hash[word], i);
  }
  std::sort(at_key.begin(), at_key.end());
  std::sort(at_text.begin(), at_text.end());
  auto add_positions = [](const std::vector<std::pair<uint64_t, uint32_t>>& at, uint64_t tag,
                          std::vector<uint32_t>* out) {
    auto it = std::lower_bound(at.begin(), at.end(), std::make_pair(tag, uint32_t{0}));
    for (; it != at.end() && it->first == tag; ++it) out->push_back(it->second);
  };
  std::vector<uint32_t> candidates;
  for (const auto& [idx, words] : distinct) {
    Mention proto = d.mentions[idx];
    uint32_t len = proto.last - proto.first;
    candidates.clear();
    if (uint32_t key = d.tokens[proto.first].key; key != 0) add_positions(at_key, key, &candidates);
    add_positions(at_text, lower_hash(words[0]), &candidates);
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    for (uint32_t i : candidates) {
      if (i + len > n) break;
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

void Recognizer::StateMinistryPass() {
  for (const uint32_t head : ministries) {
    if (head < 2) continue;
    // "Kuwait's Ministry of Foreign Affairs": a ministry named in full
    // after its state's possessive is that state's (not another state's
    // ministry of the same name told elsewhere in the article)
    if (const int named = d.mention_at[head]; named >= 0 && d.mentions[named].first == head &&
                                              d.mentions[named].last > head + 2 && d.IsWord(head + 1, "of") &&
                                              Possessive(head - 1)) {
      const int sm = d.mention_at[head - 2];
      if (sm >= 0 && d.mentions[sm].last == head - 1 && d.mentions[sm].type == EntityType::kCountry &&
          d.mentions[sm].form != MentionForm::kAdjective) {
        Mention m;
        m.first = d.mentions[sm].first;
        m.last = d.mentions[named].last;
        m.type = EntityType::kOrganization;
        m.subtype = "government";
        m.strong = true;
        // (named as written: "Kuwait's Ministry of Foreign Affairs")
        std::string name(d.Text(m.first));
        for (uint32_t k = m.first + 1; k < m.last; ++k) name += (k == head - 1 ? "" : " ") + std::string(d.Text(k));
        m.name = d.KeepName(std::move(name));
        AddMention(std::move(m));
        continue;
      }
    }
    // the fields before the head: "defence", "Foreign Affairs"
    uint32_t first = head;
    while (first > 0 && SameSentence(first - 1, head) && d.Is(first - 1, "office_domain") &&
           (d.mention_at[first - 1] < 0 || d.mentions[d.mention_at[first - 1]].type == EntityType::kOrganization))
      --first;
    if (first == head || first == 0) continue;
    // the state before them: a demonym, or a name with 's
    uint32_t state_end = first;
    if (Possessive(state_end - 1)) --state_end;
    if (state_end == 0) continue;
    int sm = d.mention_at[state_end - 1];
    if (sm < 0 || d.mentions[sm].last != state_end) continue;
    bool possessive = state_end < first;
    // "Tehran's foreign ministry": a capital's is its state's
    const int capital_of = possessive && d.mentions[sm].type == EntityType::kLocation ? CapitalOf(d.mentions[sm]) : -1;
    if (d.mentions[sm].type != EntityType::kCountry && capital_of < 0) continue;
    if (possessive == (d.mentions[sm].form == MentionForm::kAdjective)) continue;
    uint32_t start = d.mentions[sm].first;
    // a name already there that starts with the state is kept ("Bolivian Foreign Ministry")
    int here = d.mention_at[head];
    if (here >= 0 && d.mentions[here].first <= start && d.mentions[here].last > head) continue;
    Mention m;
    m.first = start;
    m.last = head + 1;
    m.type = EntityType::kOrganization;
    m.subtype = "government";
    m.strong = true;
    std::string name;
    for (uint32_t k = start; k <= head; ++k) {
      if (capital_of >= 0 && k < state_end) {
        if (k == start) name = entries[capital_of].canonical;
        continue;
      }
      std::string word(d.Text(k));
      if (k >= first && !word.empty()) word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
      if (!name.empty() && !(k == state_end && possessive)) name += ' ';
      name += word;
    }
    m.name = d.KeepName(std::move(name));
    AddMention(std::move(m));
  }
}

void Recognizer::PlaceKindPass() {
  for (const uint32_t of : ofs) {
    if (of < 2 || of + 1 >= n || !d.Is(of - 1, "place_kind") || Cap(of - 1)) continue;
    // "the town of", "the Peruvian city of" (a state's demonym between);
    // "the Chilean border town of", "the remote mountain village of": up to
    // two lower-case words describe the kind
    uint32_t kind = of - 1;
    for (int words = 0; words < 2 && kind >= 2 && !Cap(kind - 1) && d.mention_at[kind - 1] < 0 && !d.tags.empty() &&
                        (d.tags[kind - 1].pos == Pos::kNoun || d.tags[kind - 1].pos == Pos::kAdjective);
         ++words)
      --kind;
    const int m = d.mention_at[kind - 1];
    // ("the northern Chilean town of": words of where before the demonym)
    uint32_t article = m >= 0 ? d.mentions[m].first : 0;
    while (article > 0 && d.Is(article - 1, "place_word") && !Cap(article - 1)) --article;
    const bool demonym = m >= 0 && d.mentions[m].type == EntityType::kCountry && d.mentions[m].last == kind &&
                         d.mentions[m].form == MentionForm::kAdjective && article >= 1 && d.IsWord(article - 1, "the");
    // "Chile's port city of", "the region's main town of": a place's
    // possessive, then words for a kind of place
    // ("Chile's Pacific port of": past the waters it lies on)
    uint32_t k = of - 1;
    while (k > 0 && (d.Is(k - 1, "place_word") || d.Is(k - 1, "place_kind")) && !Cap(k - 1)) --k;
    if (const int waters = k > 0 ? d.mention_at[k - 1] : -1; waters >= 0 && d.mentions[waters].type == EntityType::kLocation &&
                                                          d.mentions[waters].last == k)
      k = d.mentions[waters].first;
    const bool owned = k >= 2 && Possessive(k - 1);
    if (!d.IsWord(kind - 1, "the") && !demonym && !owned) continue;
    const bool cities = d.IsWord(of - 1, "city") || d.IsWord(of - 1, "cities") || d.IsWord(of - 1, "town") ||
                        d.IsWord(of - 1, "towns");
    AddListedNames(of + 1, EntityType::kLocation, cities ? "city" : "region");
  }
}

// "oil giant Ecopetrol", "the state firm Petroperu", "state oil enterprises
// Ecopetrol and Petroperu", "the party newspaper Rodong Sinmun": names the
// dictionary lacks, right after a lower-case word for a kind of company or
// of news outlet, are companies or outlets. Not a person's name ("the firm
// Ana Duarte founded"), which a given name opens.
void Recognizer::OrgKindPass() {
  if (!d.ArticleHas("media_kind") && !d.ArticleHas("company_kind")) return;
  for (uint32_t kind = 1; kind + 1 < n; ++kind) {
    const bool media = d.Is(kind, "media_kind");
    if ((!media && !d.Is(kind, "company_kind")) || Cap(kind)) continue;
    // ("their state oil companies, A and B": a list in apposition)
    const uint32_t i = kind + 1 < n && d.Text(kind + 1) == "," ? kind + 2 : kind + 1;
    if (!SameSentence(kind, i) || GivenName(i, i + 1)) continue;
    AddListedNames(i, EntityType::kOrganization, media ? "media" : "company");
  }
}

// Names the dictionary lacks, tied to a state as places are: after a
// preposition of place and a state's possessive ("the consulates in Chile's
// Arica and Peru's Tacna"), or before a comma and a state's place word
// ("Tumbara, Ecuador's second-largest port city"). Not a person's name: a
// given name opens it, and "in Peru's Castillo government" goes on with a
// noun.
void Recognizer::PlaceOfStatePass() {
  // the state's mention ending in a possessive at token `at`, or null
  auto state_owner = [&](uint32_t at) -> const Mention* {
    const int m = at < n ? d.mention_at[at] : -1;
    if (m < 0 || d.mentions[m].first != at || d.mentions[m].type != EntityType::kCountry) return nullptr;
    return Possessive(d.mentions[m].last) ? &d.mentions[m] : nullptr;
  };
  // an unclaimed name of one or two words from `i`, ending the phrase; its end, or `i`
  auto place_name = [&](uint32_t i) -> uint32_t {
    if (!NamePart(i) || d.Is(i, "sentence_word") || !Free(i, i + 1) || GivenName(i, i + 1)) return i;
    uint32_t last = i + 1;
    if (NamePart(last) && Free(last, last + 1) && SameSentence(last, i)) ++last;
    const bool noun_after = last < n && d.tokens[last].shape == TokenShape::kWord && !Cap(last) &&
                            !d.IsWord(last, "and") && !d.tags.empty() && d.tags[last].pos == Pos::kNoun;
    return noun_after ? i : last;
  };
  auto add = [&](uint32_t first, uint32_t last, const char* subtype) {
    Mention m;
    m.first = first, m.last = last, m.type = EntityType::kLocation, m.subtype = subtype, m.strong = true;
    m.name = d.Span(first, last);
    AddMention(std::move(m));
  };
  for (uint32_t prep : place_preps) {
    if (prep + 3 >= n) break;
    if (!d.Is(prep, "hit_prep") && !d.IsWord(prep, "at")) continue;
    for (uint32_t at = prep + 1; const Mention* state = state_owner(at);) {
      const uint32_t name = state->last + 1;
      // (a place the dictionary knows, "in Chile's Arica", is passed over)
      const int known = name < n ? d.mention_at[name] : -1;
      const bool place = known >= 0 && d.mentions[known].first == name && d.mentions[known].type == EntityType::kLocation;
      const uint32_t end = place ? d.mentions[known].last : place_name(name);
      if (end == name || !SameSentence(prep, end - 1)) break;
      if (!place) add(name, end, "city");
      if (!d.IsWord(end, "and")) break;
      at = end + 1;  // "in Chile's Arica and Peru's Tacna"
    }
  }
  // "arrived in Tamale", "a depot near Oruro": one capitalized word the
  // dictionary, the given names and the lexicon all lack, right after a
  // preposition of place, is a place ("in March", "in English", "in
  // Parliament" are words the lexicon or the cues know)
  for (uint32_t prep : place_preps) {
    if (prep + 1 >= n) break;
    if (!d.IsWord(prep, "in") && !d.IsWord(prep, "near") && !d.IsWord(prep, "outside")) continue;
    const uint32_t i = prep + 1;
    if (!NamePart(i) || !d.tokens[i].cap || d.tokens[i].upper || !Free(i, i + 1) || !SameSentence(prep, i)) continue;
    if (NamePart(i + 1) && SameSentence(i, i + 1)) continue;  // a longer name: the other passes' to read
    if (Possessive(i + 1)) continue;
    if (GivenName(i, i + 1) || d.token_cues[i].any() || OpenClassWord(i) || !d.lexicon) continue;
    add(i, i + 1, "city");
  }
  // "in Tacna, in southern Peru", "visited Tacna, in southern Peru",
  // "Paracas, a resort town in Peru's Ica region": a name before a comma
  // and a phrase placing it
  for (uint32_t comma : commas) {
    if (comma + 3 >= n) break;
    if (comma < 1 || !(d.IsWord(comma + 1, "in") || d.IsWord(comma + 1, "a"))) continue;
    uint32_t first = comma;
    while (first > 0 && first + 2 > comma && NamePart(first - 1) && SameSentence(first - 1, comma)) --first;
    if (first == comma || SentenceStart(first) || place_name(first) != comma) continue;
    // (right after a preposition of place, or before the phrase alone)
    uint32_t k = comma + 1;
    bool placed = false;
    if (d.IsWord(k, "in")) {
      // ("flew to Tacna, in the Moquegua region", "Tacna, in Peru's south")
      const uint32_t state = d.AfterDirection(k + 1 + (d.IsWord(k + 1, "the") ? 1 : 0), n);
      const int m = state < n ? d.mention_at[state] : -1;
      const bool place_after = m >= 0 && d.mentions[m].first == state &&
                               (d.mentions[m].type == EntityType::kCountry || d.mentions[m].type == EntityType::kLocation);
      const bool place_before = first >= 1 && (d.Is(first - 1, "hit_prep") || d.Is(first - 1, "visit_verb") ||
                                               (!d.tags.empty() && d.tags[first - 1].pos == Pos::kPreposition));
      placed = place_after && place_before;
    } else if (d.IsWord(k, "a")) {
      for (int words = 0; words < 4 && k + 1 < n && !Cap(k + 1) && !d.Is(k + 1, "place_kind"); ++words) ++k;
      // ("a port city in": kinds of place in a row)
      while (k + 2 < n && d.Is(k + 1, "place_kind") && d.Is(k + 2, "place_kind")) ++k;
      placed = k + 2 < n && d.Is(k + 1, "place_kind") && !Cap(k + 1) && d.IsWord(k + 2, "in");
    }
    if (placed) add(first, comma, "city");
  }
  for (uint32_t comma : commas) {
    if (comma + 3 >= n) break;
    if (comma < 1 || !state_owner(comma + 1)) continue;
    uint32_t first = comma;
    while (first > 0 && first + 2 > comma && NamePart(first - 1) && SameSentence(first - 1, comma)) --first;
    if (first == comma || SentenceStart(first) || place_name(first) != comma) continue;
    // up to four lower-case words to the place word: "second-largest port city"
    uint32_t k = d.mentions[d.mention_at[comma + 1]].last + 1;
    for (int words = 0; words < 6 && k < n && !Cap(k) && !d.Is(k, "place_kind"); ++words) ++k;
    if (k < n && d.Is(k, "place_kind") && !Cap(k))
      add(first, comma, d.IsWord(k, "city") || d.IsWord(k, "town") || d.IsWord(k, "port") ? "city" : "region");
  }
}

// The names listed from token `i` on ("A", "A and B", "A, B and C"), each
// capitalized words and the hyphens joining them ("Punta Arenas",
// "Nova-Kakhovka"), as mentions of `type`; a name already known as one of
// that type is passed over (a list ends at the first word that is no name).
void Recognizer::AddListedNames(uint32_t i, EntityType type, std::string_view subtype) {
  const uint32_t start = i;
  auto known = [&](uint32_t k) { return k < n && d.mention_at[k] >= 0 && d.mentions[d.mention_at[k]].type == type; };
  while (i < n && SameSentence(i, start)) {
    if (known(i)) {  // a name known as one of the kind is passed over
      uint32_t next = d.mentions[d.mention_at[i]].last;
      if (next < n && d.Text(next) == ",") ++next;
      if (d.IsWord(next, "and")) ++next;
      if (next == d.mentions[d.mention_at[i]].last) break;
      i = next;
      continue;
    }
    if (!NamePart(i) || d.Is(i, "sentence_word") || !Free(i, i + 1)) break;
    uint32_t last = i + 1;
    while (last < n && SameSentence(last, i) && Free(last, last + 1) &&
           (NamePart(last) || (IsHyphen(d.Text(last)) && Joined(last) && Joined(last + 1) && NamePart(last + 1))))
      ++last;
    Mention m;
    m.first = i;
    m.last = last;
    m.type = type;
    m.subtype = subtype;
    m.strong = true;
    m.name = d.Span(i, last);
    AddMention(std::move(m));
    // the list goes on over ", " and "and" (and ", and")
    uint32_t next = last;
    if (next < n && d.Text(next) == ",") ++next;
    if (d.IsWord(next, "and")) ++next;
    if (next == last) break;
    i = next;
  }
}

// "in Arlington, Virginia", "at Kasane, Botswana": a name the dictionary
// lacks, after a preposition of place and before a comma and a known
// region or state, is a place in it.
void Recognizer::PlaceAppositionPass() {
  constexpr uint32_t kMaxWords = 4;
  for (uint32_t prep : place_preps) {
    if (prep + 3 >= n) break;
    if (!(d.IsWord(prep, "in") || d.IsWord(prep, "at") || d.IsWord(prep, "near") || d.IsWord(prep, "outside")))
      continue;
    uint32_t i = prep + 1;
    if (!NamePart(i) || d.Is(i, "sentence_word") || !SameSentence(prep, i)) continue;
    uint32_t last = i + 1;
    while (last < n && last - i < kMaxWords && SameSentence(last, i) && NamePart(last)) ++last;
    if (last + 1 >= n || d.Text(last) != "," || !SameSentence(last + 1, i)) continue;
    int known = d.mention_at[last + 1];
    if (known < 0 || d.mentions[known].first != last + 1) continue;
    EntityType type = d.mentions[known].type;
    if (type != EntityType::kLocation && type != EntityType::kCountry) continue;
    if (d.mentions[known].form == MentionForm::kAdjective) continue;
    Mention m;
    m.first = i;
    m.last = last;
    m.type = EntityType::kLocation;
    m.subtype = "city";
    m.strong = true;
    m.name = d.Span(i, last);
    AddMention(std::move(m));
  }
}

}  // namespace irkg::internal
