// holdsPosition: who holds which office of which state or body.
//   [Country|Country's|Org] [Title] [Person]   "Latvian Deputy Foreign Minister Ilze Ozola"
//   [Title] of [Country] [Person]              "President of Azerbaijan Ilham Aliyev"
//   [Title] [Person] of [Country]              "Ambassador Ilham Aliyev of Azerbaijan"
//   [Country's] [Title] in [Place] [Person]    "Hungary's Ambassador in Bucharest Oskar Fuzes"
//   [Person], the [Title] of [Country]         apposition
//   his [Country] counterpart [Person]         the counterpart holds the same office for that country
//   [Person], also a member of [Org]           membership of a body's organ
//   the [Office]s of [A] and [B], [P] and [Q]    two aligned lists: P holds A's office, Q B's
// An office with no state named takes the state the text ties to its holder
// (elsewhere in the article, an "on behalf of", a role phrase, the office's
// usual state, a colleague's), with less confidence; a holder facing someone
// of another state takes the state the article names most among the rest;
// else it gives nothing: never, by default, the state the article speaks of most.
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "core/text.h"
#include "extract/relation_rules.h"

namespace irkg::internal {
namespace {

struct Office {
  int person = -1;
  int title_entry = -1;     // dictionary entry of the office, when it has one
  int holder = -1;          // country or organization entity, -1 when the text names none
  std::string title;
  double confidence = 0.0;
  const char* rule = "";
  uint32_t sentence = 0;
  uint32_t at = 0;          // the office's first token (the sentence's, without one)
  int counterpart_of = -1;  // the person whose counterpart this one is
};

struct OfficeReader {
  Document& d;
  uint32_t n;
  std::vector<Office> offices;

  explicit OfficeReader(Document& doc) : d(doc), n(static_cast<uint32_t>(doc.tokens.size())) {}

  bool Same(uint32_t a, uint32_t b) const { return a < n && b < n && d.sentence_of[a] == d.sentence_of[b]; }
  std::string_view T(uint32_t i) const { return i < n ? d.Text(i) : std::string_view(); }
  bool Possessive(uint32_t i) const {
    std::string_view t = T(i);
    return t.size() >= 2 && (t.back() == 's' || t.back() == 'S') && (t[0] == '\'' || t[0] == '`' || t.rfind("\u2019", 0) == 0);
  }
  const Mention* MentionEndingAt(uint32_t end) const {
    if (end == 0) return nullptr;
    int m = d.mention_at[end - 1];
    return m >= 0 && d.mentions[m].last == end ? &d.mentions[m] : nullptr;
  }
  bool Holder(const Mention* m) const {
    return m && m->entity >= 0 && (m->type == EntityType::kCountry || m->type == EntityType::kOrganization);
  }

  // The state or body named right before token `end` ("Azerbaijani", "Iran's",
  // "African Union (AU)", "US"), skipping "the" and words like "new".
  // A lower-case adjective between an owner and its office: "Chile's
  // former minister", "the bank's senior director".
  bool Describing(uint32_t i) const {
    return i < n && !d.tags.empty() && d.tags[i].pos == Pos::kAdjective && !d.tokens[i].cap && !d.tokens[i].upper &&
           d.mention_at[i] < 0 && d.title_at[i] < 0;
  }

  int HolderBefore(uint32_t end, uint32_t sentence_first) const {
    uint32_t k = end;
    while (k > sentence_first && (d.IsWord(k - 1, "then") || Describing(k - 1))) --k;
    // "Kenyan Interior Cabinet Secretary", "Ethiopian government spokesman",
    // "EU foreign policy spokesperson": the office's field words between the
    // state and the office (not the "and" of "A and Minister B")
    for (int fields = 0; fields < 3 && k > sentence_first && d.Is(k - 1, "office_domain") && d.mention_at[k - 1] < 0 &&
                         d.title_at[k - 1] < 0 && !d.IsWord(k - 1, "and");
         ++fields)
      --k;
    if (k > sentence_first && Possessive(k - 1)) --k;
    if (k >= 3 && T(k - 1) == ")" && T(k - 3) == "(") k -= 3;  // "African Union (AU) Chairperson"
    if (k > sentence_first && d.IsWord(k - 1, "its")) return ItsHolder(k - 1, sentence_first);
    // "the bloc's chairperson", "the foundation's president"
    if (k >= sentence_first + 2 && k < end && d.IsWord(k - 2, "the") && !d.tokens[k - 1].cap)
      if (int body = BodyNamedBefore(k - 1); body >= 0) return body;
    const Mention* m = MentionEndingAt(k);
    if (Holder(m) && m->first >= sentence_first) return m->entity;
    // "Kharkiv regional governor", "Lima Mayor": an office of a place is an
    // office of the place's state, when the article names that state
    if (m && m->entity >= 0 && m->type == EntityType::kLocation && m->first >= sentence_first)
      if (int state = d.EntityOfStateOf(m->dict_entry); state >= 0) return state;
    // "Chile appointed a new ambassador to Peru, A", "named A as
    // ambassador": the state or body that appoints fills its own office
    uint32_t a = k;
    if (a > sentence_first && (d.IsWord(a - 1, "a") || d.IsWord(a - 1, "an") || d.IsWord(a - 1, "the"))) --a;
    if (a > sentence_first && d.IsWord(a - 1, "as")) --a;
    if (a > sentence_first && d.mention_at[a - 1] >= 0 && d.mentions[d.mention_at[a - 1]].type == EntityType::kPerson &&
        a > sentence_first + 1 && d.IsWord(a, "as"))
      a = d.mentions[d.mention_at[a - 1]].first;  // "named [A] as its ambassador"
    if (a > sentence_first && d.Is(a - 1, "appoint_verb") && !d.tags.empty() && d.tags[a - 1].pos == Pos::kVerb)
      return Appointer(a - 1, sentence_first);
    return -1;
  }

  // The state or body that appoints at the verb `verb`: named right before
  // it as its subject ("Chile appointed", "Peru's government named"), or -1.
  int Appointer(uint32_t verb, uint32_t sentence_first) const {
    uint32_t k = verb;
    while (k > sentence_first && !d.tags.empty() && d.tags[k - 1].pos == Pos::kAdverb) --k;  // "Chile also appointed"
    const Mention* m = MentionEndingAt(k);
    return Holder(m) && m->first >= sentence_first && m->type != EntityType::kPerson ? m->entity : -1;
  }

  // The body "the bloc", "the foundation" (at `word`) stands for: the one
  // named last before it, within a few sentences, whose kind the word names
  // (a name ending in that word, "the Caspian Heritage Foundation"; for
  // "bloc", "alliance", "union": an international body), or -1.
  int BodyNamedBefore(uint32_t word) const {
    const bool international = d.Is(word, "body_word");
    if (!international && !d.Is(word, "org_head")) return -1;
    constexpr uint32_t kLookBack = 200;  // tokens: a few sentences, so a long article costs linear time
    for (uint32_t i = word; i-- > 0 && i + kLookBack > word;) {
      const int m = d.mention_at[i];
      if (m < 0 || d.mentions[m].last != i + 1) continue;
      const Mention& x = d.mentions[m];
      if (x.type != EntityType::kOrganization || x.entity < 0) continue;
      if (international ? d.entities[x.entity].subtype == "international" : EqualsLowerAscii(T(i), T(word)))
        return x.entity;
    }
    return -1;
  }

  // Whose office "its foreign minister" is: the nearest state named before
  // "its" in the sentence ("Chile said its foreign minister, X, would go"),
  // else the nearest body ("the council said its chair, Y, ...").
  int ItsHolder(uint32_t its, uint32_t sentence_first) const {
    // "The bloc expressed solidarity with Chile in a statement by its
    // spokesperson": a state or body that is the clause's subject, named
    // before its first verb, is what "its" points back to
    for (uint32_t i = sentence_first; i < its && !d.tags.empty(); ++i) {
      if (d.tags[i].pos == Pos::kVerb || d.tags[i].pos == Pos::kAuxiliary || d.tags[i].pos == Pos::kModal) break;
      if (int m = d.mention_at[i]; m >= 0 && Holder(&d.mentions[m]) && d.mentions[m].first == i &&
                                   !(i > sentence_first && !d.tags.empty() && d.tags[i - 1].pos == Pos::kPreposition))
        return d.mentions[m].entity;
    }
    int body = -1;
    for (uint32_t i = its; i-- > sentence_first;) {
      int m = d.mention_at[i];
      if (m < 0 || !Holder(&d.mentions[m])) continue;
      if (d.mentions[m].type == EntityType::kCountry) return d.mentions[m].entity;
      if (body < 0) body = d.mentions[m].entity;
    }
    // "The Commission welcomed the deal. Its president, A, said ...": the
    // sentence before, whose first state or body is its subject
    if (body < 0 && sentence_first > 0) {
      const Sentence& before = d.sentences[d.sentence_of[sentence_first - 1]];
      for (uint32_t i = before.first; i < before.last; ++i)
        if (int m = d.mention_at[i]; m >= 0 && Holder(&d.mentions[m])) return d.mentions[m].entity;
    }
    return body;
  }

  // The state named by "of [the] X" starting at token k, with its end.
  int OfHolder(uint32_t k, uint32_t* end) const {
    if (!d.IsWord(k, "of")) return -1;
    ++k;
    if (d.IsWord(k, "the")) ++k;
    int m = k < n ? d.mention_at[k] : -1;
    if (m < 0 || d.mentions[m].first != k || !Holder(&d.mentions[m])) return -1;
    *end = d.mentions[m].last;
    return d.mentions[m].entity;
  }

  // The state or body named from `k` on ("the Commission", "Chile's
  // Foreign Ministry": the body, not its owner), or -1.
  int HolderAt(uint32_t k) const {
    if (d.IsWord(k, "the")) ++k;
    if (k >= n || d.mention_at[k] < 0) return -1;
    const Mention* m = &d.mentions[d.mention_at[k]];
    // past a possessor: "Chile's Foreign Ministry"
    if (Possessive(m->last) && m->last + 1 < n && d.mention_at[m->last + 1] >= 0)
      m = &d.mentions[d.mention_at[m->last + 1]];
    return Holder(m) ? m->entity : -1;
  }

  // A government body's office is an office of its state (SCHEMA.md):
  // "Russian Foreign Ministry spokeswoman X" holds "Foreign Ministry
  // spokeswoman" for Russia. The state is the one named before the body.
  int StateOfGovernmentBody(int holder, uint32_t sentence_first, std::string* body_words) const {
    if (holder < 0 || d.entities[holder].type != EntityType::kOrganization) return -1;
    const EntityInfo& body = d.entities[holder];
    if (body.subtype != "government" && body.subtype != "embassy") return -1;
    // the body's mentions from this sentence on (they are in text order): a
    // scan of all of them per office was quadratic in the article's length
    auto from = std::lower_bound(body.mentions.begin(), body.mentions.end(), sentence_first,
                                 [&](int k, uint32_t tok) { return d.mentions[k].first < tok; });
    for (auto at = from; at != body.mentions.end(); ++at) {
      const Mention& m = d.mentions[*at];
      if (m.first >= n) continue;
      if (d.sentence_of[m.first] != d.sentence_of[sentence_first]) break;
      // the state as the body name's first word ("Russian Foreign Ministry") or just before it ("Pakistan's Foreign Office")
      if (int state = d.StateNamedAt(m.first); state >= 0) {
        // "Chile's Foreign Ministry": the body's words follow the 's
        *body_words = std::string(d.Span(m.first + 1 + (Possessive(m.first + 1) ? 1 : 0), m.last));
        return state;
      }
      int before = HolderBefore(m.first, sentence_first);
      if (before >= 0 && d.entities[before].type == EntityType::kCountry) {
        *body_words = std::string(d.Span(m.first, m.last));
        return before;
      }
      // a seat of government the dictionary places in its state ("Kremlin
      // spokesman", in=Russia), when the article names that state
      if (int state = d.EntityOfStateOf(body.dict_entry); state >= 0) {
        *body_words = std::string(d.Span(m.first, m.last));
        return state;
      }
    }
    return -1;
  }

  void Record(int person, int holder, const TitleMention* t, double c, const char* rule, uint32_t sentence,
              int counterpart_of = -1, const std::string& title_text = "") {
    Office o;
    o.person = person;
    o.holder = holder;
    o.title = title_text.empty() && t ? t->text : title_text;
    std::string body;
    if (int state = StateOfGovernmentBody(holder, d.sentences[sentence].first, &body); state >= 0) {
      o.holder = state;
      if (!body.empty() && t) o.title = body + " " + o.title;
    }
    o.confidence = c;
    o.rule = rule;
    o.sentence = sentence;
    o.at = t ? t->first : d.sentences[sentence].first;
    o.counterpart_of = counterpart_of;
    o.title_entry = t ? t->dict_entry : -1;
    if (!o.title.empty()) first_title.emplace(o.person, o.title);
    offices.push_back(std::move(o));
  }

  // The person whose counterpart "his counterpart" is: the one named nearest
  // before it ("Before her talks with Tanaka, Ozola phoned her
  // Chilean counterpart"), else the last person named before the sentence.
  int AnchorPerson(uint32_t sentence_first, uint32_t tok) const {
    for (uint32_t i = tok; i-- > sentence_first;) {
      int m = d.mention_at[i];
      if (m >= 0 && d.mentions[m].type == EntityType::kPerson && d.mentions[m].entity >= 0) return d.mentions[m].entity;
    }
    // "his counterpart" in a sentence that names nobody before it: the last person named
    for (uint32_t i = sentence_first; i-- > 0;) {
      int m = d.mention_at[i];
      if (m >= 0 && d.mentions[m].type == EntityType::kPerson && d.mentions[m].entity >= 0) return d.mentions[m].entity;
    }
    return -1;
  }

  std::unordered_map<int, std::string> first_title;  // person -> the first office recorded with a title

  std::string TitleOf(int person) const {
    auto it = first_title.find(person);
    return it == first_title.end() ? "" : it->second;
  }

  // ---- two aligned lists: the i-th person holds the office of the i-th state
  //   "the defence ministers of Chile and Peru, A and B"
  //   "A and B, the defence ministers of Chile and Peru (respectively)"
  //   "the Chilean and Peruvian defence ministers, A and B"
  // (person, sentence) read from a pair of lists; a set, as every mention
  // asks and a long article pairs many
  std::set<std::pair<int, uint32_t>> paired;

  bool Paired(int person, uint32_t sentence) const { return paired.count({person, sentence}) > 0; }

  // The mention of `types` that starts at `i` (forward) or ends at `i` (backward).
  const Mention* ItemAt(uint32_t i, bool forward, bool persons) const {
    const Mention* m = forward ? (i < n && d.mention_at[i] >= 0 && d.mentions[d.mention_at[i]].first == i
                                      ? &d.mentions[d.mention_at[i]]
                                      : nullptr)
                               : MentionEndingAt(i);
    // "Chile's and Peru's foreign ministers": a state's possessive is its item
    if (!m && !forward && i > 0 && Possessive(i - 1)) m = MentionEndingAt(i - 1);
    if (!m || m->entity < 0) return nullptr;
    return (persons ? m->type == EntityType::kPerson : Holder(m)) ? m : nullptr;
  }

  // The entities of a list "X, Y and Z" that starts at token `from` (forward)
  // or ends right before it (backward), in text order; `*edge` is the token
  // after its end (forward) or its first token (backward).
  std::vector<int> ListAt(uint32_t from, bool forward, bool persons, uint32_t sentence_first, uint32_t* edge) const {
    std::vector<int> items;
    uint32_t i = from;
    *edge = from;
    while (true) {
      const Mention* m = ItemAt(i, forward, persons);
      if (!m || m->first < sentence_first || !Same(m->first, from > 0 && !forward ? from - 1 : from)) break;
      items.push_back(m->entity);
      *edge = forward ? m->last : m->first;
      // a separator, then the next item
      uint32_t j = *edge;
      uint32_t seps = 0;
      auto sep = [&](uint32_t k) { return k < n && (d.IsWord(k, "and") || T(k) == ","); };
      if (forward) {
        while (seps < 2 && sep(j + seps)) ++seps;
        if (seps == 0 || !ItemAt(j + seps, true, persons)) break;
        i = j + seps;
      } else {
        while (seps < 2 && j > seps && sep(j - seps - 1)) ++seps;
        if (seps == 0 || j < seps || !ItemAt(j - seps, false, persons)) break;
        i = j - seps;
      }
    }
    if (!forward) std::reverse(items.begin(), items.end());
    return items;
  }

  void ReadPairedLists() {
    for (const TitleMention& t : d.titles) {
      if (!t.plural || t.last >= n) continue;
      uint32_t sidx = d.sentence_of[t.first];
      uint32_t sfirst = d.sentences[sidx].first;
      std::vector<int> holders, persons;
      uint32_t after = t.last, edge;
      // the states: "of [the] A and B" after the office, or "A and B" (demonyms) before it
      if (d.IsWord(after, "of")) {
        uint32_t k = after + 1 + (d.IsWord(after + 1, "the") ? 1 : 0);
        holders = ListAt(k, true, false, sfirst, &edge);
        if (holders.size() >= 2) after = edge;
      }
      uint32_t before = t.first;
      if (holders.size() < 2) {
        holders = ListAt(t.first, false, false, sfirst, &edge);
        before = edge;
      }
      if (holders.size() < 2) continue;
      if (before > sfirst && d.IsWord(before - 1, "the")) --before;
      // the people: "[,] A and B" after, or "A and B, " before
      persons = ListAt(after + (T(after) == "," ? 1 : 0), true, true, sfirst, &edge);
      if (persons.size() != holders.size() && before > sfirst + 1 && T(before - 1) == ",")
        persons = ListAt(before - 1, false, true, sfirst, &edge);
      if (persons.size() != holders.size()) continue;
      for (size_t i = 0; i < persons.size(); ++i) {
        Record(persons[i], holders[i], &t, 0.85, "office.paired-lists", sidx, -1, t.text);
        paired.emplace(persons[i], sidx);
      }
    }
  }

  // ---- "the defence ministers of the three allies, A of Chile, B of Peru
  // and C of Bolivia": a list in apposition to a plural office, each person
  // named with the state after "of", holds that office for that state.
  void ReadPersonOfStateLists() {
    for (const TitleMention& t : d.titles) {
      if (!t.plural || t.last >= n) continue;
      const uint32_t sidx = d.sentence_of[t.first];
      const uint32_t slast = d.sentences[sidx].last;
      // past the office's own phrase ("of the three allies") to the comma
      uint32_t k = t.last;
      while (k < slast && k < t.last + 8 && T(k) != "," && d.mention_at[k] < 0) ++k;
      if (k >= slast || T(k) != ",") continue;
      std::vector<std::pair<int, int>> items;  // (person, state)
      for (++k; k < slast;) {
        const int pm = d.mention_at[k];
        if (pm < 0 || d.mentions[pm].first != k || d.mentions[pm].type != EntityType::kPerson || d.mentions[pm].entity < 0)
          break;
        uint32_t of = d.mentions[pm].last;
        if (!d.IsWord(of, "of")) break;
        const uint32_t named = of + 1 + (d.IsWord(of + 1, "the") ? 1 : 0);
        const int sm = named < slast ? d.mention_at[named] : -1;
        if (sm < 0 || d.mentions[sm].first != named || d.mentions[sm].type != EntityType::kCountry || d.mentions[sm].entity < 0)
          break;
        items.emplace_back(d.mentions[pm].entity, d.mentions[sm].entity);
        k = d.mentions[sm].last;
        if (T(k) == ",") ++k;
        if (d.IsWord(k, "and")) ++k;
      }
      if (items.size() < 2) continue;
      for (const auto& [person, state] : items) {
        Record(person, state, &t, 0.85, "office.listed-of", sidx, -1, t.text);
        paired.emplace(person, sidx);
      }
    }
  }

  // ---- "his Chilean and Peruvian counterparts, A and B (respectively)":
  // the i-th person holds, for the i-th state, the office of the one whose
  // counterparts they are. Paired before the mentions are read (each would
  // otherwise take the nearest state), recorded after them (the anchor's
  // office is known then).
  struct CounterpartListItem {
    int person, state, anchor;
    uint32_t sentence;
  };
  std::vector<CounterpartListItem> counterpart_lists;

  void ReadCounterpartLists() {
    if (!d.ArticleHas("counterpart")) return;
    for (uint32_t i = 1; i + 1 < n; ++i) {
      if (!d.Is(i, "counterpart") || !EqualsLowerAscii(T(i), "counterparts")) continue;
      const uint32_t sidx = d.sentence_of[i], sfirst = d.sentences[sidx].first;
      uint32_t states_first, persons_end;
      std::vector<int> states = ListAt(i, false, false, sfirst, &states_first);
      if (states.size() < 2) continue;
      std::vector<int> persons = ListAt(i + 1 + (T(i + 1) == "," ? 1 : 0), true, true, sfirst, &persons_end);
      if (persons.size() != states.size()) continue;
      const int anchor = AnchorPerson(sfirst, states_first);
      for (size_t k = 0; k < persons.size(); ++k) {
        counterpart_lists.push_back({persons[k], states[k], anchor, sidx});
        paired.emplace(persons[k], sidx);
      }
    }
  }

  void RecordCounterpartLists() {
    for (const CounterpartListItem& c : counterpart_lists)
      Record(c.person, c.state, nullptr, 0.85, "office.counterpart-list", c.sentence, c.anchor,
             c.anchor >= 0 ? TitleOf(c.anchor) : "");
  }

  void ReadMention(const Mention& pm) {
    if (pm.type != EntityType::kPerson || pm.entity < 0) return;
    if (Paired(pm.entity, d.sentence_of[pm.first])) return;
    const Sentence& s = d.sentences[d.sentence_of[pm.first]];
    uint32_t sidx = d.sentence_of[pm.first];
    ReadLeadsBody(pm, sidx);
    uint32_t k = pm.first;
    // a comma ("the Malawi foreign Minister, Ruth Banda Phiri") and a rank or
    // honorific ("President of Chile, Dr. Ana Soto"), in either order, stand
    // between the office and the name without being part of either
    bool comma = false;
    while (k > s.first) {
      if (!comma && T(k - 1) == ",") comma = true, --k;
      else if (d.Is(k - 1, "honorific") || (T(k - 1) == "." && k >= 2 && d.Is(k - 2, "honorific"))) --k;
      else break;
    }

    // "his Italian counterpart X", "his counterpart Brigadier General X": same office, the adjective's country
    {
      uint32_t c = k;
      while (c > s.first && (d.title_at[c - 1] >= 0 || d.Is(c - 1, "honorific") || T(c - 1) == ".")) {
        if (d.title_at[c - 1] >= 0) c = d.titles[d.title_at[c - 1]].first;
        else --c;
      }
      // "his counterpart of Chile, X" / "his counterpart from Chile, X": the state follows the word
      int after_state = -1;
      uint32_t comma_at = T(c) == "," ? c : c - 1;  // the comma before the name may be skipped already
      if (c > s.first + 2 && T(comma_at) == ",") {
        const Mention* st = MentionEndingAt(comma_at);
        if (st && st->entity >= 0 && st->type == EntityType::kCountry && st->first >= s.first + 2) {
          uint32_t j = st->first;
          if (d.IsWord(j - 1, "the")) --j;
          if ((d.IsWord(j - 1, "of") || d.IsWord(j - 1, "from")) && j >= 2 && d.Is(j - 2, "counterpart")) {
            after_state = st->entity;
            c = j - 1;
          }
        }
      }
      if (c > s.first && d.Is(c - 1, "counterpart")) {
        int anchor = AnchorPerson(s.first, c - 1);
        int country = after_state >= 0 ? after_state : HolderBefore(c - 1, s.first);
        // with no one named before ("the Korean minister met his counterpart of Chile, X") the state alone says it
        if ((anchor >= 0 && anchor != pm.entity) || (anchor < 0 && country >= 0))
          Record(pm.entity, country, nullptr, country >= 0 ? 0.85 : 0.6, "office.counterpart", sidx, anchor,
                 anchor >= 0 ? TitleOf(anchor) : "");
        return;
      }
    }

    // "the President of the Republic, A": the republic a story leaves
    // unnamed is its own, the state of its dateline
    if (k >= s.first + 4 && EqualsLowerAscii(T(k - 1), "republic") && d.IsWord(k - 2, "the") &&
        d.IsWord(k - 3, "of") && d.title_at[k - 4] >= 0) {
      const TitleMention& t = d.titles[d.title_at[k - 4]];
      Record(pm.entity, DatelineState(), &t, 0.7, "office.of-the-republic", sidx, -1, t.text + " of the Republic");
      return;
    }
    int t_idx = k > s.first ? d.title_at[k - 1] : -1;
    if (t_idx >= 0) {
      const TitleMention& t = d.titles[t_idx];
      int holder = HolderBefore(t.first, s.first);
      // two offices joined by "and" share the state written before the first:
      // "Chilean Vice President and Foreign Minister X"
      if (holder < 0 && t.first > s.first + 1 && d.IsWord(t.first - 1, "and") && d.title_at[t.first - 2] >= 0)
        holder = HolderBefore(d.titles[d.title_at[t.first - 2]].first, s.first);
      if (holder >= 0) {
        Record(pm.entity, holder, &t, 0.9, "office.title", sidx);
        // "Barbados Prime Minister A, the current chair of CARICOM,": a second
        // office the apposition names with its own holder
        ReadApposition(pm, sidx, /*own_holder_only=*/true);
        return;
      }
      // "Ambassador X of Chile", "Defence Minister Y of Peru and Z of Chile": the state right after the name
      uint32_t end;
      if (int after = OfHolder(pm.last, &end); after >= 0) {
        Record(pm.entity, after, &t, 0.85, "office.title-name-of", sidx);
        return;
      }
      // "Ambassador X, Minister of State of Kenya,": the apposition names the state the title before the name left out
      if (ReadApposition(pm, sidx)) return;
      // "Chile was represented by Energy Minister X (, and Peru by ...)"
      if (int represented = RepresentedBy(t.first, s.first); represented >= 0) {
        Record(pm.entity, represented, &t, 0.8, "office.represented-by", sidx);
        return;
      }
      // "In Lima, Deputy Foreign Minister X said ...": a reaction told
      // from a capital is that state's
      if (int capital_state = OpeningCapitalState(s.first, t.first); capital_state >= 0) {
        Record(pm.entity, capital_state, &t, 0.6, "office.capital-opening", sidx);
        return;
      }
      Record(pm.entity, -1, &t, 0.55, "office.title-alone", sidx);
      return;
    }
    // "Defence ministers A of Chile and B of Peru": B shares the title written before A
    if (const TitleMention* shared = TitleOfCoordinatedName(pm, s.first)) {
      uint32_t end;
      if (int after = OfHolder(pm.last, &end); after >= 0) {
        Record(pm.entity, after, shared, 0.8, "office.title-name-of", sidx, -1, shared->plural ? shared->text : "");
        return;
      }
    }
    // [Title] of [the] [Country] [Person], [Country's] [Title] in [Place] [Person]
    {
      const Mention* c = MentionEndingAt(k);
      bool place = c && c->entity >= 0 && c->type == EntityType::kLocation;
      if ((Holder(c) || place) && c->first >= s.first + 2) {
        uint32_t j = c->first;
        if (d.IsWord(j - 1, "the")) --j;
        // "the Ambassador of Chile to Peru, A": the posting after the
        // office's state; the state is the one after "of"
        if ((d.IsWord(j - 1, "to") || d.IsWord(j - 1, "in")) && j >= s.first + 4) {
          const Mention* state = MentionEndingAt(j - 1);
          if (Holder(state) && state->type == EntityType::kCountry && state->first >= s.first + 2) {
            c = state;
            place = false;
            j = c->first;
            if (d.IsWord(j - 1, "the")) --j;
          }
        }
        if (!place && d.IsWord(j - 1, "of") && j >= 2 && d.title_at[j - 2] >= 0) {
          const TitleMention& t = d.titles[d.title_at[j - 2]];
          Record(pm.entity, c->entity, &t, 0.85, "office.title-of", sidx);
          ReadJoinedOffice(pm, t, c->entity, s.first, sidx);
          return;
        }
        // [Country's] [Title] in [Place] [Person]; [Body's] [Title] for [Region], [Person]
        if ((d.IsWord(j - 1, "in") || d.IsWord(j - 1, "to") || d.IsWord(j - 1, "for")) && j >= 2 &&
            d.title_at[j - 2] >= 0) {
          const TitleMention& t = d.titles[d.title_at[j - 2]];
          int holder = HolderBefore(t.first, s.first);
          if (holder >= 0) {
            Record(pm.entity, holder, &t, 0.85, "office.title-in", sidx);
            return;
          }
          // "a spokesperson for the Commission, X": one who speaks for a
          // body or state holds an office of it (an envoy "for Sudan" does
          // not serve Sudan: cue class speaker_title)
          if (!place && d.IsWord(j - 1, "for") && d.Is(t.last - 1, "speaker_title")) {
            Record(pm.entity, c->entity, &t, 0.8, "office.title-for", sidx);
            return;
          }
        }
      }
    }
    // "received Colonel A of Mali": a rank before the name (skipped above
    // as an honorific) and the state after it
    if (pm.first > s.first && d.title_at[pm.first - 1] >= 0) {
      uint32_t end;
      if (int after = OfHolder(pm.last, &end); after >= 0) {
        Record(pm.entity, after, &d.titles[d.title_at[pm.first - 1]], 0.8, "office.rank-name-of", sidx);
        return;
      }
    }
    ReadApposition(pm, sidx);
  }

  // The state or body a delegation stood for, when an office at `title`
  // follows "represented by": "Chile was represented by [title]", and the
  // gapped "..., and Peru by [title]"; or -1.
  int RepresentedBy(uint32_t title, uint32_t sentence_first) const {
    if (title < sentence_first + 3 || !d.IsWord(title - 1, "by")) return -1;
    if (d.IsWord(title - 2, "represented")) {
      uint32_t k = title - 2;
      while (k > sentence_first && !d.tags.empty() && d.tags[k - 1].pos == Pos::kAuxiliary) --k;
      const Mention* m = MentionEndingAt(k);
      return Holder(m) && m->first >= sentence_first ? m->entity : -1;
    }
    const Mention* m = MentionEndingAt(title - 1);
    if (!Holder(m) || m->first < sentence_first + 2 || !d.IsWord(m->first - 1, "and")) return -1;
    for (uint32_t k = sentence_first; k < m->first; ++k)
      if (d.IsWord(k, "represented")) return m->entity;
    return -1;
  }

  // The state whose capital opens the sentence before the office at
  // `title`: "In Lima, Deputy Foreign Minister X ..." -> Peru; or -1.
  int OpeningCapitalState(uint32_t sentence_first, uint32_t title) const {
    if (!d.IsWord(sentence_first, "in")) return -1;
    const int m = d.mention_at[sentence_first + 1];
    if (m < 0 || d.mentions[m].first != sentence_first + 1 || d.mentions[m].type != EntityType::kLocation ||
        d.mentions[m].last >= title || T(d.mentions[m].last) != "," || d.mentions[m].last + 1 != title)
      return -1;
    return d.EntityOfEntry(d.StateEntryOfCapitalAt(d.mentions[m].first, d.mentions[m].last));
  }

  // "the EU High Representative and Vice-President of the Commission, A"
  // ("/" for "and"): the first of two joined offices, when a state or body
  // written before it owns it, is A's too.
  void ReadJoinedOffice(const Mention& pm, const TitleMention& second, int second_holder, uint32_t sentence_first,
                        uint32_t sidx) {
    const uint32_t join = second.first - 1;
    if (second.first < sentence_first + 2 || !(d.IsWord(join, "and") || T(join) == "/")) return;
    const int first_title = d.title_at[join - 1];
    if (first_title < 0) return;
    const TitleMention& first = d.titles[first_title];
    const int holder = HolderBefore(first.first, sentence_first);
    if (holder >= 0 && holder != second_holder) Record(pm.entity, holder, &first, 0.85, "office.title-joined", sidx);
  }

  // The office written before the first of "[Title] A of X and B": B's when
  // B follows "A of [the] X and".
  const TitleMention* TitleOfCoordinatedName(const Mention& pm, uint32_t sentence_first) const {
    uint32_t k = pm.first;
    if (k < sentence_first + 4 || !d.IsWord(k - 1, "and")) return nullptr;
    const Mention* state = MentionEndingAt(k - 1);
    if (!Holder(state)) return nullptr;
    uint32_t j = state->first;
    if (d.IsWord(j - 1, "the")) --j;
    if (j < sentence_first + 2 || !d.IsWord(j - 1, "of")) return nullptr;
    const Mention* first = MentionEndingAt(j - 1);
    if (!first || first->type != EntityType::kPerson || first->first <= sentence_first) return nullptr;
    uint32_t title_end = first->first - 1;
    // "the ministers, A of Chile and B of Peru": the list in apposition
    if (T(title_end) == "," && title_end > sentence_first) --title_end;
    int t = d.title_at[title_end];
    return t >= 0 ? &d.titles[t] : nullptr;
  }

  // [Person], (the|a|also a)? [Holder's]? [Title] (of [the] Holder)?
  // True when it recorded an office with its state or body.
  // Where the office phrase after a person's name starts: after a comma
  // ("A, Chile's envoy"), a relative clause that names the office ("A, who
  // serves as Chile's envoy") or "as" ("the appointment of A as Chile's
  // envoy"); or 0 when none follows.
  uint32_t OfficeAfterName(const Mention& pm) const {
    uint32_t a = pm.last;
    if (!Same(a, pm.first)) return 0;
    if (T(a) == ",") {
      ++a;
      if (!d.IsWord(a, "who")) return a;
      ++a;
      for (int words = 0; words < 2 && (d.IsWord(a, "serves") || d.IsWord(a, "served") || d.IsWord(a, "is") ||
                                        d.IsWord(a, "was") || d.IsWord(a, "has") || d.IsWord(a, "been") ||
                                        d.IsWord(a, "currently"));
           ++words)
        ++a;
    }
    if (d.IsWord(a, "as") && !d.IsWord(a + 1, "well") && Same(a, pm.first)) return a + 1;
    return T(pm.last) == "," && a == pm.last + 1 ? a : 0;
  }

  // `own_holder_only`: record only an office whose state or body the
  // apposition itself names (the name already has an office before it).
  bool ReadApposition(const Mention& pm, uint32_t sidx, bool own_holder_only = false) {
    uint32_t a = OfficeAfterName(pm);
    if (a > 0) {
      if (d.IsWord(a, "also")) ++a;
      if (d.IsWord(a, "the") || d.IsWord(a, "a") || d.IsWord(a, "an")) ++a;
      if (d.IsWord(a, "its")) ++a;  // "named A as its envoy": HolderBefore below reads "its"
      int before = -1;
      const Mention* m = a < n && d.mention_at[a] >= 0 ? &d.mentions[d.mention_at[a]] : nullptr;
      if (Holder(m) && m->first == a) {
        before = m->entity;
        a = m->last;
        if (Possessive(a)) ++a;
      }
      const uint32_t described = a;
      for (int words = 0; words < 3 && Describing(a); ++words) ++a;
      if (a < n && d.title_at[a] >= 0 && d.titles[d.title_at[a]].first == a) {
        const TitleMention& t = d.titles[d.title_at[a]];
        uint32_t end;
        int after = OfHolder(t.last, &end);
        // "A, a spokesperson for Chile's Foreign Ministry": one who speaks
        // for a body (cue class speaker_title, as above)
        if (after < 0 && d.IsWord(t.last, "for") && d.Is(t.last - 1, "speaker_title")) after = HolderAt(t.last + 1);
        int holder = after >= 0 ? after : before;
        // (its holder in its own "of" phrase: "A, the chair of B," — not a
        // list's next item, "A, Chilean President B, ...")
        if (own_holder_only && after < 0) return false;
        // "named A as its envoy", "appointed A as ambassador to B": the one
        // "its" stands for, or the appointer
        if (holder < 0) holder = HolderBefore(t.first, d.sentences[sidx].first);
        // the office as the text names it: "senior director", not "director"
        std::string title = described < a ? std::string(d.Span(described, t.last)) : "";
        Record(pm.entity, holder, &t, holder >= 0 ? 0.85 : 0.5, "office.apposition", sidx, -1, title);
        return holder >= 0;
      }
      if (d.IsWord(a, "member") || d.IsWord(a, "head") || d.IsWord(a, "chairman")) {
        uint32_t end;
        int holder = OfHolder(a + 1, &end);
        if (holder >= 0 && d.entities[holder].type == EntityType::kOrganization) {
          Record(pm.entity, holder, nullptr, 0.8, "office.member-of", sidx, -1, std::string(d.Text(a)));
          return true;
        }
      }
    }
    return false;
  }

  // "A, who chairs the bloc this year,", "A, who heads the Commission,": the
  // body a relative clause after the name says A leads (besides any office
  // written before the name: "Angolan President A, who chairs the bloc").
  void ReadLeadsBody(const Mention& pm, uint32_t sidx) {
    uint32_t a = pm.last;
    if (T(a) != "," || !d.IsWord(a + 1, "who")) return;
    a += 2;
    if (d.IsWord(a, "currently") || d.IsWord(a, "also")) ++a;
    if (!d.Is(a, "lead_body_verb") || d.tags.empty() || d.tags[a].pos != Pos::kVerb) return;
    uint32_t b = a + 1;
    if (d.IsWord(b, "over")) ++b;  // "presides over"
    if (d.IsWord(b, "the")) ++b;
    int body = -1;
    if (const Mention* led = b < n && d.mention_at[b] >= 0 ? &d.mentions[d.mention_at[b]] : nullptr;
        led && led->first == b && led->type == EntityType::kOrganization)
      body = led->entity;
    else if (b < n && d.IsWord(b - 1, "the") && !d.tokens[b].cap)
      body = BodyNamedBefore(b);
    if (body >= 0) Record(pm.entity, body, nullptr, 0.75, "office.leads-body", sidx, -1, LeaderTitle(a));
  }

  // The office a verb of leading a body gives: "chairs" a chair, "presides
  // over" a president, else a head.
  std::string LeaderTitle(uint32_t verb) const {
    const std::string_view w = d.Text(verb);
    if (w.size() >= 5 && EqualsLowerAscii(w.substr(0, 5), "chair")) return "chair";
    if (w.size() >= 6 && EqualsLowerAscii(w.substr(0, 6), "presid")) return "president";
    return "head";
  }

  // "[Org] ... headed by [Person]"
  void ReadHeadedBy() {
    if (!d.ArticleHas("lead_body_verb")) return;
    for (uint32_t i = 1; i + 2 < n; ++i) {
      if (!d.Is(i, "lead_body_verb") || !d.IsWord(i + 1, "by")) continue;
      int pm = d.mention_at[i + 2];
      if (pm < 0 || d.mentions[pm].type != EntityType::kPerson) continue;
      // the body: the nearest organization before, in the same sentence
      for (uint32_t k = i; k-- > d.sentences[d.sentence_of[i]].first;) {
        int m = d.mention_at[k];
        if (m >= 0 && d.mentions[m].type == EntityType::kOrganization && d.mentions[m].entity >= 0) {
          Record(d.mentions[pm].entity, d.mentions[m].entity, nullptr, 0.75, "office.headed-by", d.sentence_of[i], -1,
                 LeaderTitle(i));
          break;
        }
      }
    }
  }

  // The states an unnamed holder of each office belongs to, from phrases
  // that name the office with a state but no person ("the Georgian PM
  // said"): folded office name -> states, in text order.
  std::unordered_map<std::string, std::vector<int>> StatesOfRolePhrases() const {
    std::unordered_map<std::string, std::vector<int>> out;
    for (const auto& t : d.titles) {
      if (t.last >= n) continue;
      int next = d.mention_at[t.last];
      if (next >= 0 && d.mentions[next].type == EntityType::kPerson) continue;
      uint32_t sfirst = d.sentences[d.sentence_of[t.first]].first;
      int holder = HolderBefore(t.first, sfirst);
      // "Chile's president and foreign minister said": the second office shares the state of the first
      if (holder < 0 && t.first > sfirst + 1 && d.IsWord(t.first - 1, "and") && d.title_at[t.first - 2] >= 0)
        holder = HolderBefore(d.titles[d.title_at[t.first - 2]].first, sfirst);
      if (holder < 0 || d.entities[holder].type != EntityType::kCountry) continue;
      auto& states = out[FoldName(t.text)];
      if (std::find(states.begin(), states.end(), holder) == states.end()) states.push_back(holder);
    }
    return out;
  }

  // The entity of the state a title's dictionary entry names ("Secretary of
  // State" -> United States), when the article mentions that state.
  int DefaultState(int title_entry) const {
    if (title_entry < 0) return -1;
    return d.EntityOfStateOf(title_entry);
  }

  // "X put her name to it for the Government of Malawi" ("on behalf of"): the state X acts for.
  int BehalfOf(const Office& o) const {
    const Sentence& s = d.sentences[o.sentence];
    for (uint32_t i = s.first; i + 2 < s.last; ++i) {
      if (!(d.IsWord(i, "behalf") && d.IsWord(i + 1, "of"))) continue;
      for (uint32_t k = i + 2; k < s.last && k < i + 8; ++k) {
        int m = d.mention_at[k];
        if (m >= 0 && d.mentions[m].type == EntityType::kCountry && d.mentions[m].entity >= 0) return d.mentions[m].entity;
      }
    }
    return -1;
  }

  // "the Iranian delegation was led by Deputy Foreign Minister A", "the US
  // team, headed by envoy B,": one who leads a state's delegation serves it.
  int DelegationLed(const Office& o) const {
    const Sentence& s = d.sentences[o.sentence];
    uint32_t k = o.at;
    // "headed by special envoy B", "led by Deputy Foreign Minister B"
    while (k > s.first && (Describing(k - 1) || d.title_at[k - 1] >= 0))
      k = d.title_at[k - 1] >= 0 ? d.titles[d.title_at[k - 1]].first : k - 1;
    if (k < s.first + 4 || !d.IsWord(k - 1, "by") || !(d.IsWord(k - 2, "led") || d.IsWord(k - 2, "headed"))) return -1;
    k -= 2;
    while (k > s.first && (d.IsWord(k - 1, "was") || d.IsWord(k - 1, "is") || T(k - 1) == ",")) --k;
    if (k <= s.first || !(d.IsWord(k - 1, "delegation") || d.IsWord(k - 1, "team") || d.IsWord(k - 1, "mission")))
      return -1;
    // the state named right before the word: "the Iranian delegation", "Chile's team"
    for (uint32_t j = k - 1; j-- > s.first && j + 4 > k;) {
      const int m = d.mention_at[j];
      if (m >= 0 && d.mentions[m].type == EntityType::kCountry) return d.mentions[m].entity;
      if (d.tokens[j].shape != TokenShape::kWord && !Possessive(j)) break;
    }
    return -1;
  }

  // "Germany will send two more batteries to Ukraine, Defence Minister A
  // told reporters": one who reports, after the clause, what the state
  // that opens it does or will do speaks for that state. Not a report of
  // another's hostile act ("Russia shelled Kharkiv, Foreign Minister A
  // said" is a Ukrainian's), nor of a clause naming other states first.
  int StateSpokenFor(const Office& o) const {
    const Sentence& s = d.sentences[o.sentence];
    // the holder's name after the office, in its sentence (a look within
    // the sentence: the person may be named thousands of times elsewhere)
    uint32_t name_end = 0;
    for (uint32_t i = o.at; i < s.last && name_end == 0; ++i)
      if (const int m = d.mention_at[i]; m >= 0 && d.mentions[m].entity == o.person) name_end = d.mentions[m].last;
    if (name_end == 0 || name_end >= s.last || !d.Is(name_end, "speech")) return -1;
    // "Government spokesman A said Chile prefers dialogue": a spokesman
    // speaks for the state that opens what he says (cue class speaker_title)
    bool speaker = false;
    for (uint32_t i = o.at; i < name_end && !speaker; ++i) speaker = d.Is(i, "speaker_title");
    if (speaker) {
      uint32_t k = name_end + 1;
      if (d.IsWord(k, "that")) ++k;
      const int m = k < s.last ? d.mention_at[k] : -1;
      if (m >= 0 && d.mentions[m].first == k && d.mentions[m].type == EntityType::kCountry &&
          d.mentions[m].form == MentionForm::kName && d.mentions[m].last < s.last && !d.tags.empty() &&
          (d.tags[d.mentions[m].last].pos == Pos::kVerb || d.tags[d.mentions[m].last].pos == Pos::kAuxiliary ||
           d.tags[d.mentions[m].last].pos == Pos::kModal))
        return d.mentions[m].entity;
    }
    int state = -1;
    bool comma = false;
    bool verb = false;  // the state must open what is said, as its subject: not "we protest B's claim"
    for (uint32_t i = s.first; i < o.at; ++i) {
      if (d.Is(i, "attack") || d.Is(i, "criticize") || d.Is(i, "threaten") || d.Is(i, "sanction")) return -1;
      comma |= T(i) == ",";
      verb |= !d.tags.empty() && (d.tags[i].pos == Pos::kVerb || d.tags[i].pos == Pos::kAuxiliary);
      const int m = d.mention_at[i];
      if (m < 0 || d.mentions[m].first != i || d.mentions[m].type != EntityType::kCountry || comma) continue;
      if (state < 0 && !verb && d.mentions[m].form != MentionForm::kAdjective) state = d.mentions[m].entity;
    }
    return comma ? state : -1;
  }

  // The states of counterparts the text does not name: "his counterpart from
  // Bolivia", "his Bolivian counterpart" with no name after it. Such a state
  // is the other side's, never the holder's own.
  std::vector<int> StatesOfUnnamedCounterparts() const {
    std::vector<int> states;
    auto state_at = [&](uint32_t t) {
      int m = t < n ? d.mention_at[t] : -1;
      return m >= 0 && d.mentions[m].type == EntityType::kCountry ? d.mentions[m].entity : -1;
    };
    for (uint32_t i = 0; i < n; ++i) {
      if (!d.Is(i, "counterpart") || (i + 1 < n && d.mention_at[i + 1] >= 0)) continue;
      int state = -1;
      if (i > 0) state = state_at(i - 1);  // "his Bolivian counterpart"
      if (state < 0 && (d.IsWord(i + 1, "of") || d.IsWord(i + 1, "from"))) state = state_at(i + 2);
      if (state >= 0) states.push_back(state);
    }
    return states;
  }

  // The state the article speaks of most, among those not in `taken`, when
  // it is named strictly more often than any other (a tie says nothing).
  int MostNamedStateExcept(const std::vector<int>& taken) const {
    int best = -1, best_count = 0, second = 0;
    for (size_t e = 0; e < d.entities.size(); ++e) {
      const EntityInfo& info = d.entities[e];
      if (info.type != EntityType::kCountry) continue;
      if (std::find(taken.begin(), taken.end(), static_cast<int>(e)) != taken.end()) continue;
      int count = static_cast<int>(info.mentions.size());
      if (count > best_count) second = best_count, best_count = count, best = static_cast<int>(e);
      else if (count > second) second = count;
    }
    return best_count > second ? best : -1;
  }

  int PersonsNamedIn(uint32_t sentence) const {
    const Sentence& s = d.sentences[sentence];
    std::vector<int> persons;
    for (uint32_t i = s.first; i < s.last; ++i) {
      int m = d.mention_at[i];
      if (m >= 0 && d.mentions[m].first == i && d.mentions[m].type == EntityType::kPerson && d.mentions[m].entity >= 0 &&
          std::find(persons.begin(), persons.end(), d.mentions[m].entity) == persons.end())
        persons.push_back(d.mentions[m].entity);
    }
    return static_cast<int>(persons.size());
  }

  // True when two people named in one sentence face each other (they met,
  // or are named as a pair: "A and B inaugurated"), so they serve different
  // states; not when one accompanies the other ("A, accompanied by B, met C").
  bool FacingEachOther(uint32_t sentence) const {
    const Sentence& s = d.sentences[sentence];
    int persons = 0;
    bool joined = false, accused = false;
    for (uint32_t i = s.first; i < s.last; ++i)
      if (d.Is(i, "same_side")) return false;
    for (uint32_t i = s.first; i < s.last; ++i) {
      if (d.Is(i, "meet_verb") || d.Is(i, "meet_noun") || d.Is(i, "counterpart") || d.Is(i, "facing_verb")) return true;
      int m = d.mention_at[i];
      if (m >= 0 && d.mentions[m].first == i && d.mentions[m].type == EntityType::kPerson) ++persons;
      else if (persons == 1 && d.IsWord(i, "and")) joined = true;
      // "A accused the government of B of ...": the one accused is the other side
      else if (persons == 1 && (d.Is(i, "criticize") || d.Is(i, "threaten"))) accused = true;
      // (a relative clause after a preposition goes on telling the event:
      // "a visit to Chile, during which he will hold talks with B"; one
      // between commas describes the first: "A, who is visiting Chile, met B")
      // (nor does a "where" clause: "A arrived in Lima, where B received him")
      else if (persons == 1 && (d.Is(i, "speech") || (d.Is(i, "clause_break") && !AfterPreposition(i) &&
                                                        !d.IsWord(i, "where") &&
                                                        !(d.IsWord(i, "who") && i > s.first && T(i - 1) == ","))))
        return false;
    }
    return (joined || accused) && persons >= 2;
  }

  // The state of the place the story's dateline names, or -1.
  int DatelineState() const {
    const int place = DatelinePlace(d);
    if (place < 0) return -1;
    return d.entities[place].type == EntityType::kCountry ? place : d.EntityOfStateOf(d.entities[place].dict_entry);
  }

  static std::string OfficeKey(const std::string& title, int holder) {
    return FoldName(title) + '\t' + std::to_string(holder);
  }

  bool AfterPreposition(uint32_t i) const {
    return i > 0 && !d.tags.empty() && d.tags[i - 1].pos == Pos::kPreposition;
  }

  // An office of a state's executive body is an office of that state ("a
  // spokesperson of the Foreign Ministry of Peru", "Peru's Foreign Ministry
  // spokesman": holdsPosition Peru, as annotators give it); a legislature,
  // a court, an armed force or a body of no state the text gives keeps its
  // own. (StateOfGovernmentBody reads the state named before a body in the
  // office's own sentence, for the office's title; this reads any office
  // held in such a body, once all are read.) Each body is asked once: an
  // article names a ministry many times, and many people hold its offices.
  void StateBodiesToStates() {
    std::unordered_map<int, int> state_of_body;
    for (auto& o : offices) {
      if (o.holder < 0 || d.entities[o.holder].type != EntityType::kOrganization) continue;
      auto [it, fresh] = state_of_body.emplace(o.holder, -1);
      if (fresh) it->second = StateOfBody(o.holder);
      if (it->second >= 0) o.holder = it->second;
    }
  }

  // The state whose executive body `body` is (a name of it holds a head of
  // cue class state_body_head, and its state: the dictionary's, or a word
  // of one of its names), or -1.
  int StateOfBody(int body) const {
    bool executive = false;
    int state = d.EntityOfStateOf(d.entities[body].dict_entry);
    for (int k : d.entities[body].mentions) {
      const Mention& m = d.mentions[k];
      if (m.form != MentionForm::kName) continue;
      for (uint32_t i = m.first; i < m.last; ++i) {
        executive |= d.Is(i, "state_body_head");
        if (state < 0) state = d.StateNamedAt(i);
      }
    }
    return executive ? state : -1;
  }

  // Offices the text gives without their state. Candidates, best first: the
  // state the person acts on behalf of; a role phrase naming the office with
  // a state ("the Georgian PM said"); the office's usual state ("Secretary
  // of State"); the state of a colleague in the same sentence. Never a
  // counterpart's state; and no guess from what the article speaks of (the
  // state it names most, the last person's state, the city of a meeting):
  // those guesses were wrong about as often as right.
  void ResolveMissingHolders() {
    // (nothing to resolve, as in most articles: none of the indexes below)
    if (std::all_of(offices.begin(), offices.end(), [](const Office& o) { return o.holder >= 0; })) return;
    // Indexes over the offices, so that each office asks only its sentence,
    // its person and its counterparts: a scan of every office per office
    // was quadratic in the article's length.
    std::unordered_map<uint32_t, std::vector<size_t>> in_sentence;
    std::unordered_map<int, std::vector<size_t>> of_person, counterparts_of;
    std::map<int, int> country_of;
    for (size_t i = 0; i < offices.size(); ++i) {
      const Office& o = offices[i];
      in_sentence[o.sentence].push_back(i);
      of_person[o.person].push_back(i);
      if (o.counterpart_of >= 0) counterparts_of[o.counterpart_of].push_back(i);
      if (o.holder >= 0 && d.entities[o.holder].type == EntityType::kCountry) country_of.emplace(o.person, o.holder);
    }
    auto role_states = StatesOfRolePhrases();
    // (title as written, state) -> the one who holds it, as the text gives
    // it; read once: asked of every office the text leaves without a state
    std::unordered_map<std::string, int> holder_of_office;
    for (const Office& o : offices)
      if (o.holder >= 0) holder_of_office.emplace(OfficeKey(o.title, o.holder), o.person);
    // token -> inside a quotation opened in its sentence (an odd number of
    // quotation marks before it there), read once for all offices
    std::vector<bool> inside_quote(n, false);
    for (const auto& s : d.sentences) {
      bool inside = false;
      for (uint32_t i = s.first; i < s.last; ++i) {
        inside_quote[i] = inside;
        if (d.IsDoubleQuote(i)) inside = !inside;
      }
    }
    const std::vector<int> unnamed_counterparts = StatesOfUnnamedCounterparts();
    const int dateline_state = DatelineState();
    std::unordered_map<uint32_t, bool> facing;  // sentence -> FacingEachOther, asked once
    for (auto& o : offices) {
      if (o.holder >= 0) continue;
      auto it = country_of.find(o.person);
      if (it != country_of.end()) {
        o.holder = it->second;
        continue;
      }
      std::vector<int> taken, colleagues;
      std::vector<int> faced;  // states of the one this holder faces alone: a counterpart, the other of a pair
      auto take = [&](const std::vector<size_t>& list) {
        for (size_t k : list)
          if (offices[k].person != o.person && offices[k].holder >= 0) taken.push_back(offices[k].holder);
      };
      if (auto c = counterparts_of.find(o.person); c != counterparts_of.end()) take(c->second);
      if (auto c = of_person.find(o.counterpart_of); o.counterpart_of >= 0 && c != of_person.end()) take(c->second);
      faced = taken;
      auto [face, fresh] = facing.emplace(o.sentence, false);
      if (fresh) face->second = FacingEachOther(o.sentence);
      bool pair = face->second && PersonsNamedIn(o.sentence) == 2;
      for (size_t k : in_sentence[o.sentence]) {
        const Office& other = offices[k];
        if (other.person == o.person || other.holder < 0) continue;
        bool linked = other.counterpart_of == o.person || o.counterpart_of == other.person;
        // (one named inside a quote is no colleague of its speaker: "B said
        // 'President A wants less of the alliance'")
        const bool quoted_apart = inside_quote[o.at] != inside_quote[other.at];
        if (face->second) taken.push_back(other.holder);
        else if (!linked && !quoted_apart) colleagues.push_back(other.holder);
        if (pair) faced.push_back(other.holder);
      }
      // (a minister's office is a state's: "Foreign Minister A" beside "B of
      // the World Bank" serves no bank)
      const bool state_office = o.title_entry >= 0 && d.dict->entries()[o.title_entry].subtype == "minister";
      auto free = [&](int c) {
        return c >= 0 && std::find(taken.begin(), taken.end(), c) == taken.end() &&
               !(state_office && d.entities[c].type != EntityType::kCountry);
      };
      std::vector<int> strong = {BehalfOf(o), DelegationLed(o)};
      // ("the Spanish king" names Spain's king: not another king the text
      // names without his state, when Spain's is named)
      if (auto r = role_states.find(FoldName(o.title)); r != role_states.end())
        for (int state : r->second)
          if (auto held = holder_of_office.find(OfficeKey(o.title, state));
              held == holder_of_office.end() || held->second == o.person)
            strong.push_back(state);
      strong.push_back(DefaultState(o.title_entry));
      for (int c : colleagues) strong.push_back(c);
      strong.push_back(StateSpokenFor(o));
      int chosen = -1;
      for (int c : strong)
        if (free(c)) {
          chosen = c;
          o.confidence = std::min(o.confidence, 0.7);
          break;
        }
      // Facing one person of another state (a counterpart, the other of two
      // who meet or act together), the holder serves one of the article's
      // other states: the one it names most ("Foreign Minister A and his
      // Chilean counterpart B" in an article about Peru and Chile). A
      // sentence naming more people may list colleagues; and without such a
      // face what the article names most is no evidence.
      taken.insert(taken.end(), unnamed_counterparts.begin(), unnamed_counterparts.end());
      // One whom others meet as "his counterpart", in an article datelined
      // in a place of a state no counterpart serves, serves that state: a
      // domestic outlet does not name its own ("SEOUL - Foreign Minister A
      // met his Chilean counterpart B").
      if (chosen < 0 && counterparts_of.count(o.person) && free(dateline_state)) {
        chosen = dateline_state;
        o.confidence = std::min(o.confidence, 0.6);
      }
      // A head of state or government, or a minister, named with no state at
      // all in a story datelined in a place of a state: a domestic outlet
      // does not name its own ("GEORGETOWN - President A said ...")
      const bool state_title = o.title_entry >= 0 && (d.dict->entries()[o.title_entry].subtype == "minister" ||
                                                      d.dict->entries()[o.title_entry].subtype == "head");
      if (chosen < 0 && faced.empty() && state_title && free(dateline_state)) {
        chosen = dateline_state;
        o.confidence = std::min(o.confidence, 0.5);
      }
      if (chosen < 0 && !faced.empty()) {
        chosen = MostNamedStateExcept(taken);
        if (chosen >= 0) o.confidence = std::min(o.confidence, 0.6);
      }
      if (chosen >= 0) {
        o.holder = chosen;
        country_of.emplace(o.person, chosen);
      }
    }
  }


  void Emit() {
    // one fact per (person, holder); titles written differently are all kept
    for (const auto& o : offices) {
      // an office of no state the text gives is still the person's: "the
      // president" reads back to "President A"
      EntityInfo& person = d.entities[o.person];
      if (!o.title.empty() && std::find(person.titles.begin(), person.titles.end(), o.title) == person.titles.end())
        person.titles.push_back(o.title);
      if (o.holder < 0) continue;
      if (d.entities[o.holder].type == EntityType::kCountry && person.country < 0) person.country = o.holder;
      Fact f;
      f.subject = o.person;
      f.object = o.holder;
      f.predicate = Predicate::kHoldsPosition;
      f.title = o.title;
      f.confidence = o.confidence;
      f.rule = o.rule;
      f.sentence = o.sentence;
      d.facts.push_back(std::move(f));
    }
  }
};

}  // namespace

void ExtractOffices(Document* doc) {
  OfficeReader r(*doc);
  r.ReadPairedLists();
  r.ReadPersonOfStateLists();
  r.ReadCounterpartLists();
  for (const auto& m : doc->mentions) r.ReadMention(m);
  r.RecordCounterpartLists();
  r.ReadHeadedBy();
  r.StateBodiesToStates();
  r.ResolveMissingHolders();
  r.Emit();
}

}  // namespace irkg::internal
