// Relation extraction: offices first (they tell who is who), then each
// sentence in turn, with its references resolved against what the article
// has said so far:
//   he / she / his / her        the person the text is about (salience)
//   the deputy minister,        the person holding that office, of that
//   the Italian official        country when one is named
//   his counterpart             the other person of the article's pair
//   the two countries, both     the two states the article is about
//   sides, the parties
//   the two leaders, the        the two people the article is about
//   ministers, they
//   the latter / the former     the last / first actor named before
#include <unordered_map>
#include <algorithm>
#include <deque>
#include <map>

#include "core/text.h"
#include "extract/relation_rules.h"

namespace irkg::internal {
namespace {

// How far before the article's day a day stated in the text is still the
// news it tells ("on Tuesday" in Thursday's paper), not background.
constexpr int kStoryDays = 7;

struct Salience {
  int subject_person = -1;               // the person the text is about now
  std::vector<int> countries;            // the article's pair of states
  std::vector<int> persons;              // the article's pair of people
  int body = -1;                         // the international body named last: "the bloc"
  // The agreements named last, latest last: whom "the accord" means. A
  // bounded window (a reference reaches back a few agreements, not to every
  // one a long text names) keeps each lookup constant-time.
  static constexpr size_t kRecentAgreements = 8;
  std::vector<int> agreements;
  // The bodies named last, likewise: which "the fund" or "the community"
  // means.
  std::vector<int> bodies;
  // The people named last, latest last: whom an object "him" or "her"
  // means ("B flew to Lima. A welcomed him"). Bounded like the agreements.
  static constexpr size_t kRecentPersons = 4;
  std::vector<int> recent_persons;
  // Three or more people a sentence lists together ("A, B and C arrived"),
  // and that sentence: whom "they" and "the three leaders" mean in the next
  // two.
  std::vector<int> listed_persons;
  uint32_t listed_sentence = UINT32_MAX;
  // Every person the last sentence naming three or more of them named,
  // listed or not ("A received B and C"): whom "the three ministers" means
  // when its count is theirs.
  std::vector<int> named_persons;
  uint32_t named_sentence = UINT32_MAX;
  // the three or more states a sentence listed last ("A, B, C and D"), read
  // back by "the four countries" a few sentences on
  std::vector<int> listed_states;
  uint32_t states_sentence = UINT32_MAX;
};

// The words besides "he" and the like (a cue class) that a reference the
// resolver resolves can start with (kUnread: a word not yet looked at).
enum class ReferWord : unsigned char { kNone, kThe, kBoth, kThey, kTheir, kIt, kEach, kWe, kOur, kUs, kUnread };

// Which of them `w` is, in any ASCII case: by length first.

ReferWord ReferWordOf(std::string_view w) {
  auto is = [&](std::string_view lower) { return EqualsLowerAscii(w, lower); };
  switch (w.size()) {
    case 2: return is("it") ? ReferWord::kIt : is("we") ? ReferWord::kWe : is("us") ? ReferWord::kUs : ReferWord::kNone;
    case 3: return is("the") ? ReferWord::kThe : is("our") ? ReferWord::kOur : ReferWord::kNone;
    case 4: return is("they") ? ReferWord::kThey : is("both") ? ReferWord::kBoth : is("each") ? ReferWord::kEach : ReferWord::kNone;
    case 5: return is("their") ? ReferWord::kTheir : ReferWord::kNone;
    default: return ReferWord::kNone;
  }
}

class ReferenceResolver {
 public:
  ReferenceResolver(Document& d, Salience& sal) : d(d), sal(sal) {
    // the bodies each person holds an office of, read once (offices are
    // read before references): "the ASEAN official" is one of ASEAN's
    for (const Fact& f : d.facts)
      if (f.predicate == Predicate::kHoldsPosition && d.entities[f.object].type == EntityType::kOrganization)
        body_offices.emplace(f.subject, f.object);
    // MayRefer asks every token of every sentence: read each distinct
    // word of the article once (Document::word_of)
    refer_word_of.assign(d.word_count, ReferWord::kUnread);
    for (uint32_t i = 0; i < d.word_of.size(); ++i)
      if (ReferWord& w = refer_word_of[d.word_of[i]]; w == ReferWord::kUnread) w = ReferWordOf(d.Text(i));
  }

  // Fills `v` with sentence `index`, reusing its vectors' room: the view is
  // made for every sentence of every article. Its references start at
  // `refs_from` (a token of the sentence): after a dateline, for the rules
  // of acts.
  void View(uint32_t index, uint32_t refs_from, SentenceView& v) {
    const Sentence& s = d.sentences[index];
    v.refs.clear();
    v.cues.reset();
    v.index = index;
    v.first = s.first;
    v.last = s.last;
    v.dates = FindDates(d, s.first, s.last);
    v.pair_of_states = sal.countries;
    v.salient_person = sal.subject_person;
    for (uint32_t i = s.first; i < s.last; ++i) v.cues |= d.token_cues[i];
    for (uint32_t i = refs_from; i < s.last;) {
      uint32_t next = i + 1;
      int m = d.mention_at[i];
      if (m >= 0) {
        const Mention& mm = d.mentions[m];
        // "talks with visiting Chilean president", "UK foreign secretary"
        // (a headline's office with no article): the holder the article
        // names, not the state
        // (an office the dictionary knows, with no determiner: "a Chilean
        // diplomat" is any one of them)
        // ("Peru's foreign minister", "Peru's top diplomat": the same past
        // the possessive, and past words of rank)
        uint32_t office_at = mm.last;
        if (mm.type == EntityType::kCountry && office_at + 1 < s.last && Possessive(office_at)) {
          office_at = PastRoleModifiers(office_at + 1, s.last);
        }
        const bool office_after =
            office_at < s.last && (d.title_at[office_at] >= 0 || (office_at > mm.last && d.Is(office_at, "role_noun")));
        uint32_t role_last = office_at;
        const bool describes_office =
            mm.entity >= 0 && office_after && (mm.form == MentionForm::kAdjective || mm.type == EntityType::kCountry) &&
            !(mm.first > s.first && !d.tags.empty() &&
              (d.tags[mm.first - 1].pos == Pos::kDeterminer || d.tags[mm.first - 1].pos == Pos::kNumber));
        if (int holder = describes_office ? RoleHolder(office_at, mm.entity, &role_last) : -1; holder >= 0) {
          Ref r;
          r.first = mm.first;
          r.last = role_last;
          r.entities = {holder};
          r.type = EntityType::kPerson;
          r.resolved = true;
          v.refs.push_back(std::move(r));
          i = role_last;
          continue;
        }
        if (mm.entity >= 0) {
          Ref r;
          r.first = mm.first;
          r.last = mm.last;
          r.entities = {mm.entity};
          r.type = d.entities[mm.entity].type;
          r.adjective = mm.form == MentionForm::kAdjective;
          r.possessive = Possessive(mm.last);
          v.refs.push_back(std::move(r));
        }
        next = std::max(mm.last, i + 1);
      } else if (Ref r; MayRefer(i) && ResolveAt(i, v, &r, &next)) {
        r.possessive = Possessive(r.last);
        v.refs.push_back(std::move(r));
      }
      i = next;
    }
    IndexRefsByChunk(d, &v);
  }

  // After a sentence: the first person it names becomes the one "he" means.
  void Update(const SentenceView& v) {
    for (const auto& r : v.refs)
      if (r.type == EntityType::kOrganization && !r.resolved && r.entities.size() == 1 &&
          d.entities[r.entities[0]].subtype == "international")
        sal.body = r.entities[0];
    for (const auto& r : v.refs)
      if ((r.type == EntityType::kAgreement || r.type == EntityType::kOrganization) && !r.resolved &&
          r.entities.size() == 1) {
        auto& named = r.type == EntityType::kAgreement ? sal.agreements : sal.bodies;
        named.erase(std::remove(named.begin(), named.end(), r.entities[0]), named.end());
        if (named.size() == Salience::kRecentAgreements) named.erase(named.begin());
        named.push_back(r.entities[0]);
      }
    for (const auto& r : v.refs)
      if (r.type == EntityType::kPerson && r.entities.size() == 1 && !r.resolved) {
        auto& recent = sal.recent_persons;
        recent.erase(std::remove(recent.begin(), recent.end(), r.entities[0]), recent.end());
        if (recent.size() == Salience::kRecentPersons) recent.erase(recent.begin());
        recent.push_back(r.entities[0]);
      }
    std::vector<int>& named = named_scratch_;  // (kept: asked of every sentence)
    named.clear();
    for (const auto& r : v.refs)
      if (r.type == EntityType::kPerson && r.entities.size() == 1 && !r.resolved &&
          std::find(named.begin(), named.end(), r.entities[0]) == named.end())
        named.push_back(r.entities[0]);
    if (named.size() >= 3 && named.size() <= RefEntities::capacity()) {
      sal.named_persons.assign(named.begin(), named.end());
      sal.named_sentence = v.index;
    }
    if (RefRun listed = ListedRun(v, EntityType::kPerson); listed.count >= 3 && listed.count <= RefEntities::capacity()) {
      listed.EntitiesInto(v, &sal.listed_persons);
      sal.listed_sentence = v.index;
    }
    if (RefRun listed = ListedRun(v, EntityType::kCountry); listed.count >= 3 && listed.count <= RefEntities::capacity()) {
      listed.EntitiesInto(v, &sal.listed_states);
      sal.states_sentence = v.index;
    }
    for (const auto& r : v.refs)
      if (r.type == EntityType::kPerson && r.entities.size() == 1) {
        sal.subject_person = r.entities[0];
        return;
      }
  }

  // The first token from `j` that is no word of rank or occasion before an
  // office ("top", "visiting": cue class role_modifier), short of `end`.
  uint32_t PastRoleModifiers(uint32_t j, uint32_t end) const {
    while (j + 1 < end && d.mention_at[j] < 0 && d.Is(j, "role_modifier")) ++j;
    return j;
  }

  // A plural noun for people who hold offices: "leaders", "ministers".
  static bool PeopleNoun(std::string_view g) {
    return g == "leaders" || g == "ministers" || g == "diplomats" || g == "FMs" || g == "counterparts" ||
           g == "presidents" || g == "officials" || g == "heads";
  }

  // Past "of state" or "of state and government" at `k` ("the four heads
  // of state"), or `k`.
  uint32_t PastOfState(uint32_t k, uint32_t last) const {
    if (k + 1 >= last || !d.IsWord(k, "of") || !(d.IsWord(k + 1, "state") || d.IsWord(k + 1, "government"))) return k;
    k += 2;
    if (k + 1 < last && d.IsWord(k, "and") && d.IsWord(k + 1, "government")) k += 2;
    return k;
  }

  // The number a small count word gives ("three" -> 3), else 0.
  static size_t CountWord(std::string_view w) {
    static constexpr std::string_view kCounts[] = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
    for (size_t n = 0; n < std::size(kCounts); ++n)
      if (EqualsLowerAscii(w, kCounts[n])) return n;
    return 0;
  }

  // Refs [first, first + count) of a sentence, each naming one entity.
  struct RefRun {
    size_t first = 0, count = 0;
    void EntitiesInto(const SentenceView& v, std::vector<int>* out) const {
      out->clear();
      for (size_t k = first; k < first + count; ++k) out->push_back(v.refs[k].entities[0]);
    }
  };

  // The longest run of people the sentence names one after another,
  // joined only by commas and "and": "A, B and C". (As refs, not a list
  // of entities: asked twice of every sentence, it seldom finds three.)
  RefRun ListedRun(const SentenceView& v, EntityType type) const {
    RefRun best, run;
    for (size_t k = 0; k < v.refs.size(); ++k) {
      const Ref& r = v.refs[k];
      if (r.type != type || r.resolved || r.entities.size() != 1) {
        if (run.count > best.count) best = run;
        run.count = 0;
        continue;
      }
      bool joined = k > 0 && run.count > 0;
      for (uint32_t t = joined ? v.refs[k - 1].last : r.first; joined && t < r.first; ++t)
        joined = d.Text(t) == "," || d.IsWord(t, "and");
      if (!joined) {
        if (run.count > best.count) best = run;
        run = RefRun{k, 0};
      }
      ++run.count;
    }
    return run.count > best.count ? run : best;
  }

  bool ResolveListedStates(uint32_t i, const SentenceView& v, Ref* r, uint32_t* next) const {
    constexpr uint32_t kStatesReach = 8;  // sentences after the list
    if (sal.states_sentence == UINT32_MAX || v.index > sal.states_sentence + kStatesReach || i + 2 >= v.last) return false;
    const size_t count = CountWord(d.Text(i + 1));
    if (count < 3 || count != sal.listed_states.size()) return false;
    uint32_t noun = i + 2;
    if (noun + 1 < v.last && d.tokens[noun].cap && d.mention_at[noun] < 0) ++noun;  // "the four Nordic states"
    if (!d.IsWord(noun, "countries") && !d.IsWord(noun, "states") && !d.IsWord(noun, "nations")) return false;
    r->first = i;
    r->last = noun + 1;
    r->entities = {};
    for (int e : sal.listed_states) r->entities.push_back(e);
    r->type = EntityType::kCountry;
    r->resolved = true;
    *next = noun + 1;
    return true;
  }

  // "They", "the three leaders" opening one of the two sentences after one
  // that listed three or more people: those people (`count`: the number
  // the phrase gives, 0 for none).
  bool ResolveListed(uint32_t i, uint32_t last, size_t count, const SentenceView& v, Ref* r, uint32_t* next) const {
    // "A received B and C in Lima, where the three leaders signed": as many
    // people as the count, named earlier in the same sentence
    std::vector<int> people;
    if (count >= 3)
      for (const Ref& ref : v.refs)
        if (ref.last <= i && ref.type == EntityType::kPerson && !ref.resolved && ref.entities.size() == 1 &&
            std::find(people.begin(), people.end(), ref.entities[0]) == people.end())
          people.push_back(ref.entities[0]);
    // (or the people of a recent sentence, as many as the count: "A
    // received B and C in Arica. The three ministers signed ...")
    const bool named_recently = count >= 3 && sal.named_sentence != UINT32_MAX && v.index <= sal.named_sentence + 2 &&
                                v.index > sal.named_sentence && sal.named_persons.size() == count;
    if ((count < 3 || people.size() != count) && named_recently) {
      people = sal.named_persons;
    } else if (count < 3 || people.size() != count) {
      // (a count of three or more names its group anywhere in the sentence:
      // "At the close, the four leaders signed")
      if (sal.listed_sentence == UINT32_MAX || v.index > sal.listed_sentence + 2 || (i != v.first && count < 3)) return false;
      if (count != 0 && count != sal.listed_persons.size()) return false;
      people = sal.listed_persons;
    }
    r->first = i;
    r->last = last;
    r->entities = {};
    for (int e : people) r->entities.push_back(e);
    r->type = EntityType::kPerson;
    r->resolved = true;
    *next = last;
    return true;
  }

 private:
  Document& d;
  Salience& sal;
  std::unordered_multimap<int, int> body_offices;  // person -> a body they hold an office of
  std::vector<ReferWord> refer_word_of;  // Document::word_of -> which ReferWord it is

  bool Possessive(uint32_t i) const {
    if (i >= d.tokens.size()) return false;
    std::string_view t = d.Text(i);
    return t.size() >= 2 && (t.back() == 's' || t.back() == 'S') && (t[0] == '\'' || t[0] == '`' || t.rfind("\u2019", 0) == 0);
  }

  // `each_of_plural`: a plural office ("the two presidents") names each
  // holder's office; elsewhere a plural office names a group, not a person.
  // The person the office phrase at `j` names, of `country` (-1: of any
  // state): "minister", "Foreign Minister"; -1 when no one in the article
  // holds it. `*role_last` is left at `j` when no office stands there or a
  // name follows it ("Foreign Minister A" names A itself).
  int RoleHolder(uint32_t j, int country, uint32_t* role_last) const {
    uint32_t last = j;
    if (j < d.tokens.size() && d.title_at[j] >= 0) last = d.titles[d.title_at[j]].last;
    else if (d.Is(j, "role_noun")) last = j + 1;
    if (last == j || NameFollowsOffice(last)) return -1;
    *role_last = last;
    return PersonByRole(j, last, country);
  }

  int PersonByRole(uint32_t role_first, uint32_t role_last, int country, bool each_of_plural = false) const {
    // words of the role ("deputy minister") must all be in the person's title
    // folded as titles are ("Secretary-General" is "secretary general")
    std::vector<std::string> role;
    for (uint32_t i = role_first; i < role_last; ++i) {
      std::string folded = FoldName(d.Text(i));
      for (size_t at = 0; at < folded.size();) {
        size_t end = folded.find(' ', at);
        if (end == std::string::npos) end = folded.size();
        role.push_back(folded.substr(at, end - at));
        at = end + 1;
      }
    }
    // "the Ugandan leader": a head of state or government
    const bool leader = std::find(role.begin(), role.end(), "leader") != role.end();
    int best = -1;
    for (size_t e = 0; e < d.entities.size(); ++e) {
      const EntityInfo& p = d.entities[e];
      if (p.type != EntityType::kPerson || p.titles.empty()) continue;
      if (country >= 0 && !HoldsOfficeOf(static_cast<int>(e), country)) continue;
      if (leader && !HeadOfState(p)) continue;
      bool fits = false;
      for (const auto& title : p.titles) {
        std::string key = " " + FoldName(title) + " ";
        bool all = true;
        for (const auto& w : role) {
          // ("the two presidents": a plural office names each holder's)
          const bool plural = each_of_plural && w.size() > 3 && w.back() == 's';
          if (w != "official" && w != "diplomat" && w != "leader" && key.find(" " + w + " ") == std::string::npos &&
              !(plural && key.find(" " + w.substr(0, w.size() - 1) + " ") != std::string::npos))
            all = false;
        }
        // "PM" and "Prime Minister", "FM" and "Foreign Minister": same office, other words
        if (!all && role.size() == 1 && title.size() > 2) {
          std::string initials;
          for (size_t k = 1; k + 1 < key.size(); ++k)
            if (key[k - 1] == ' ' && key[k] != ' ') initials.push_back(key[k]);
          if (initials.size() >= 2 && initials.substr(initials.size() - 2) == role[0]) all = true;
        }
        fits = fits || all;
      }
      if (!fits) continue;
      // the most recently active such person: prefer the salient one
      if (best < 0 || static_cast<int>(e) == sal.subject_person) best = static_cast<int>(e);
    }
    // "President A met B. The Ugandan leader praised ...": a head of state
    // the text has tied to no state yet is the one the phrase names
    if (best < 0 && leader && country >= 0)
      for (size_t e = 0; e < d.entities.size(); ++e)
        if (d.entities[e].type == EntityType::kPerson && d.entities[e].country < 0 && HeadOfState(d.entities[e]))
          best = static_cast<int>(e);
    return best;
  }

  // Whether one of a person's offices heads a state or government
  // (titles.tsv subtype=head: President, Prime Minister, King ...).
  bool HeadOfState(const EntityInfo& person) const {
    for (const auto& title : person.titles) {
      int entry = d.dict->Find(EntryKind::kTitle, title);
      if (entry >= 0 && d.dict->entries()[entry].subtype == "head") return true;
    }
    return false;
  }

  // The agreement "the WORD" (at token `word`) means, or -1.
  int AgreementCalled(uint32_t word, const SentenceView& v) const {
    if (int a = NamedWith(word, sal.agreements, EntityType::kAgreement, v, true); a >= 0) return a;
    // the text's only agreement so far
    int only = sal.agreements.size() == 1 ? sal.agreements[0] : -1, count = static_cast<int>(sal.agreements.size());
    for (const auto& r : v.refs)
      if (Named(r, EntityType::kAgreement)) only = r.entities[0], ++count;
    return count == 1 ? only : -1;
  }

  // "the fund", "the community", "the council": the body named last (of
  // the sentence's own, then of the recent ones) whose name has that word
  // ("the International Fund for ...", "the East African Community"); -1.
  int BodyCalled(uint32_t word, const SentenceView& v) const {
    return NamedWith(word, sal.bodies, EntityType::kOrganization, v, false);
  }

  // A ref that names one entity of `type` itself (not read back).
  static bool Named(const Ref& r, EntityType type) {
    return r.type == type && !r.resolved && r.entities.size() == 1;
  }

  // The latest entity of `type` whose name has the word at `word` as a word
  // of its own: of the sentence's own names, last first, then of `recent`;
  // with `squeezed`, also run together ("the roadmap" for a "Road Map").
  // -1 when none.
  int NamedWith(uint32_t word, const std::vector<int>& recent, EntityType type, const SentenceView& v,
                bool squeezed) const {
    if (recent.empty() && std::none_of(v.refs.begin(), v.refs.end(), [&](const Ref& r) { return Named(r, type); }))
      return -1;
    const std::string word_key = FoldName(d.Text(word));
    // A word that folds to one piece is one of a name's words or not
    // (FoldName parts words by one space); one that folds to several
    // ("a.m.") is looked for in the padded name.
    const bool one_piece = !word_key.empty() && word_key.find(' ') == std::string::npos;
    const std::string key = one_piece ? std::string() : " " + word_key + " ";
    auto has_word = [&](int entity) {
      const FoldedName& name = Folded(entity);
      if (one_piece ? std::find(name.words.begin(), name.words.end(), std::string_view(word_key)) != name.words.end()
                    : name.padded.find(key) != std::string::npos)
        return true;
      if (!squeezed) return false;
      std::string run_together = name.padded;
      run_together.erase(std::remove(run_together.begin(), run_together.end(), ' '), run_together.end());
      return run_together.find(word_key) != std::string::npos;
    };
    for (size_t r = v.refs.size(); r-- > 0;)
      if (Named(v.refs[r], type) && has_word(v.refs[r].entities[0])) return v.refs[r].entities[0];
    for (size_t a = recent.size(); a-- > 0;)
      if (has_word(recent[a])) return recent[a];
    return -1;
  }

  // An entity's name folded, once an entity: "the fund" and "the accord"
  // are asked of every recent body and agreement, sentence after sentence.
  // `padded` is " folded name ", `words` its words (views of it: compared
  // one by one rather than searched for in the name).
  struct FoldedName {
    std::string padded;
    std::vector<std::string_view> words;
  };
  const FoldedName& Folded(int entity) const {
    if (folded_names_.size() < d.entities.size()) folded_names_.resize(d.entities.size());
    FoldedName& name = folded_names_[entity];
    if (name.padded.empty()) {
      name.padded = " " + FoldName(d.entities[entity].name) + " ";
      name.words = Split(std::string_view(name.padded).substr(1, name.padded.size() - 2), ' ');
    }
    return name;
  }
  // (a deque: growing it moves no name, whose words are views of it)
  mutable std::deque<FoldedName> folded_names_;
  std::vector<int> named_scratch_;  // Update's people of a sentence

  // Whether `person` holds an office of `owner`, a state or a body.
  bool HoldsOfficeOf(int person, int owner) const {
    if (d.entities[owner].type != EntityType::kOrganization) return d.entities[person].country == owner;
    auto [from, to] = body_offices.equal_range(person);
    for (auto it = from; it != to; ++it)
      if (it->second == owner) return true;
    return false;
  }

  // "him", or "her" as an object ("received her at", "thanked her."),
  // not "her visit"
  bool ObjectPronoun(uint32_t i) const {
    if (d.IsWord(i, "him")) return true;
    if (!d.IsWord(i, "her")) return false;
    if (i + 1 >= d.tokens.size() || d.tokens[i + 1].shape != TokenShape::kWord) return true;
    Pos next = d.tags.empty() ? Pos::kNoun : d.tags[i + 1].pos;
    return next == Pos::kPreposition || next == Pos::kAdverb || next == Pos::kCoordinator || next == Pos::kSubordinator;
  }

  // "A toured the region, a trip that saw him meeting B": an object pronoun
  // before a participle, in a phrase set off by a comma from the last person
  // named, is the participle's doer and refers as a subject pronoun does (in
  // "A watched him signing" it is someone other than A).
  bool DoerOfParticiple(const SentenceView& v, uint32_t i) const {
    if (i + 1 >= d.tokens.size() || d.tags.empty() || d.tags[i + 1].pos != Pos::kVerb ||
        d.tags[i + 1].form != VerbForm::kGerund)
      return false;
    // back from the pronoun to the last person named (refs are in text
    // order), a bounded look: a comma on the way sets the phrase off
    constexpr uint32_t kReach = 40;
    uint32_t last_person = i > v.first + kReach ? i - kReach : v.first;
    for (auto ref = v.refs.rbegin(); ref != v.refs.rend() && ref->last + kReach > i; ++ref)
      if (ref->type == EntityType::kPerson && ref->last <= i) {
        last_person = ref->last;
        break;
      }
    for (uint32_t k = last_person; k < i; ++k)
      if (d.Text(k) == ",") return true;
    return false;
  }

  int OtherOfPair(int person) const {
    if (sal.persons.size() == 2) return sal.persons[0] == person ? sal.persons[1] : sal.persons[0];
    return -1;
  }

  // The first person the sentence names (pronouns it resolved do not count).
  int FirstPersonIn(const SentenceView& v) const {
    for (const auto& r : v.refs)
      if (r.type == EntityType::kPerson && r.entities.size() == 1 && !r.resolved) return r.entities[0];
    return -1;
  }

  // Which of the words a reference can start with (ReferWord) token `i` is.
  ReferWord ReferWordAt(uint32_t i) const { return i < d.word_of.size() ? refer_word_of[d.word_of[i]] : ReferWord::kNone; }
  // The words a reference ResolveAt resolves can start with: asked first,
  // inline, as most words are none of them.
  bool MayRefer(uint32_t i) const { return d.Is(i, "pronoun_he") || ReferWordAt(i) != ReferWord::kNone; }
  static bool FirstPersonPlural(ReferWord w) { return w == ReferWord::kWe || w == ReferWord::kOur || w == ReferWord::kUs; }

  // "'B shelled our positions,' Chile's defence ministry said": "we", "our"
  // and "us" inside a quotation are the speaker's state, the speaker named
  // next to a speech verb outside the quote (a state, a body whose name
  // opens with its state, a person whose state the text gives).
  bool ResolveQuotedWe(uint32_t i, const SentenceView& v, Ref* r) {
    // read once a sentence: which tokens stand inside a quote, and the
    // speaker's state (a sentence may say "we" many times)
    if (quotes_.sentence != v.index) {
      quotes_.sentence = v.index;
      quotes_.state = SpeakerStateOutsideQuotes(v, &quotes_.inside);
    }
    if (quotes_.state < 0 || !quotes_.inside[i - v.first]) return false;
    r->first = i, r->last = i + 1, r->entities = {quotes_.state}, r->type = EntityType::kCountry, r->resolved = true;
    return true;
  }
  struct QuoteReading {
    uint32_t sentence = UINT32_MAX;
    int state = -1;
    std::vector<bool> inside;  // token - sentence start -> inside a quotation
  } quotes_;

  // The state of the sentence's speaker, named next to a speech verb
  // outside its quotes, or -1; `inside` gets which tokens are quoted.
  int SpeakerStateOutsideQuotes(const SentenceView& v, std::vector<bool>* inside_quote) const {
    inside_quote->assign(v.last - v.first, false);
    bool inside = false;
    int state = -1;
    for (uint32_t t = v.first; t < v.last; ++t) {
      if (d.IsDoubleQuote(t)) inside = !inside;
      (*inside_quote)[t - v.first] = inside;
      if (inside || state >= 0 || !d.Is(t, "speech")) continue;
      // the speaker: named right before the verb, or right after it ("said Chile's ministry")
      int m = -1;
      for (uint32_t k = t; k > v.first && k + 6 > t && m < 0; --k)
        if (d.IsDoubleQuote(k - 1)) break;
        else if (d.mention_at[k - 1] >= 0) m = d.mention_at[k - 1];
      if (m < 0 && t + 1 < v.last && d.mention_at[t + 1] >= 0) m = d.mention_at[t + 1];
      if (m < 0 || d.mentions[m].entity < 0) continue;
      state = d.StateServed(d.mentions[m].entity, d.mentions[m].first);
    }
    return state;
  }

  // "Chile said (that) it would ...": "it" right after a speech verb is the
  // state or body that spoke, when the sentence names it as the speaker;
  // "the rebels said they had fired ...": "they" (`plural`) is a body or
  // armed group that spoke of itself (a state is "it"; "A said they" of a
  // person means others).
  bool ResolveSpeakerPronoun(uint32_t i, const SentenceView& v, Ref* r, bool plural) const {
    // a few words between, none a name or a verb: "said on Monday that it",
    // "said today it", "said in a statement that it"
    uint32_t k = i;
    for (int skipped = 0; k > v.first && !d.Is(k - 1, "speech") && skipped < 6; ++skipped, --k)
      if (d.mention_at[k - 1] >= 0 || d.tokens[k - 1].shape != TokenShape::kWord ||
          (!d.tags.empty() && d.tags[k - 1].pos == Pos::kVerb))
        return false;
    if (k == v.first || !d.Is(k - 1, "speech")) return false;
    for (size_t x = v.refs.size(); x-- > 0;) {
      const Ref& ref = v.refs[x];
      if (ref.last > k - 1) continue;
      if (ref.last + 1 < k - 1 || ref.entities.size() != 1) return false;  // the speaker stands right before the verb
      if (ref.type != EntityType::kOrganization && (plural || ref.type != EntityType::kCountry)) return false;
      r->first = i, r->last = i + 1, r->entities = ref.entities, r->type = ref.type, r->resolved = true;
      return true;
    }
    return false;
  }

  // The state whose mention before token `before` (the last hundred
  // mentions) is written with the word at `form`: "the Kingdom of Bhutan"
  // for "the Kingdom"; or -1.
  int StateWrittenWith(uint32_t form, uint32_t before) const {
    constexpr int kLookBack = 100;
    // (mentions are in text order: a binary search finds the last one
    // starting before, so a long article costs no more a reference)
    auto k = std::partition_point(d.mentions.begin(), d.mentions.end(), [&](const Mention& m) { return m.first < before; });
    for (int seen = 0; k != d.mentions.begin() && seen < kLookBack; ++seen) {
      const Mention& m = *--k;
      if (m.type != EntityType::kCountry || m.entity < 0 || m.form == MentionForm::kAdjective) continue;
      for (uint32_t t = m.first > 0 && d.IsWord(m.first - 1, "of") && m.first >= 2 ? m.first - 2 : m.first; t < m.last; ++t)
        if (d.Text(t) == d.Text(form)) return m.entity;
    }
    return -1;
  }

  // "Chile recalled the Lima Accord (which) it signed in 2016": "it" as the
  // subject of a relative clause on a named agreement is the state or body
  // the sentence opens with, subject of its main verb.
  bool ResolveRelativeSubject(uint32_t i, const SentenceView& v, Ref* r) const {
    if (i <= v.first || v.refs.empty() || d.tags.empty()) return false;
    uint32_t before = d.IsWord(i - 1, "which") || d.IsWord(i - 1, "that") ? i - 1 : i;
    if (before > v.first && d.Text(before - 1) == ",") --before;
    const int named = before > v.first ? d.mention_at[before - 1] : -1;
    if (named < 0 || d.mentions[named].type != EntityType::kAgreement) return false;
    const Ref& opener = v.refs.front();
    const uint32_t start = d.IsWord(v.first, "the") ? v.first + 1 : v.first;
    if (opener.first != start || opener.entities.size() != 1 || opener.last >= i ||
        (opener.type != EntityType::kCountry && opener.type != EntityType::kOrganization) ||
        d.tags[opener.last].pos != Pos::kVerb)
      return false;
    r->first = i, r->last = i + 1, r->entities = opener.entities, r->type = opener.type, r->resolved = true;
    return true;
  }

  // '"If Chile goes on provoking, it will bear the consequences"': "it"
  // opening the main clause after a condition is the condition's doer, a
  // state or body named right after "if" or "unless" ("the Chilean side").
  bool ResolveConditionPronoun(uint32_t i, const SentenceView& v, Ref* r) const {
    if (i <= v.first || d.Text(i - 1) != ",") return false;
    for (uint32_t k = i - 1; k-- > v.first;) {
      if (d.IsDoubleQuote(k)) return false;  // the condition starts within the quotation
      if (!d.IsWord(k, "if") && !d.IsWord(k, "unless")) continue;
      const uint32_t doer = d.IsWord(k + 1, "the") ? k + 2 : k + 1;
      for (const Ref& ref : v.refs) {
        if (ref.first != doer || ref.entities.size() != 1) continue;
        if (ref.type != EntityType::kCountry && ref.type != EntityType::kOrganization) return false;
        r->first = i, r->last = i + 1, r->entities = ref.entities, r->type = ref.type, r->resolved = true;
        return true;
      }
      return false;
    }
    return false;
  }

  // An office phrase in apposition names its holder right after it: "the
  // Foreign Minister, Ana Pérez", "the Foreign Minister of Peru Ana Pérez",
  // "the envoy for Asia and Europe, Ana Pérez". Such a phrase is not a
  // reference back to someone named earlier.
  bool NameFollowsOffice(uint32_t after) const {
    uint32_t j = after;
    auto person_at = [&](uint32_t t) {
      return t < d.tokens.size() && d.mention_at[t] >= 0 && d.mentions[d.mention_at[t]].type == EntityType::kPerson;
    };
    // "of Peru", "for Foreign Affairs", "of Kazakhstan and Russia"
    while (j < d.tokens.size() && (d.IsWord(j, "of") || d.IsWord(j, "for") || d.IsWord(j, "from"))) {
      ++j;
      if (d.IsWord(j, "the")) ++j;
      uint32_t stop = j + 6;
      while (j < d.tokens.size() && j < stop && !person_at(j) &&
             ((d.tokens[j].cap && d.tokens[j].shape == TokenShape::kWord) || d.IsWord(j, "and") || d.mention_at[j] >= 0))
        ++j;
    }
    if (j < d.tokens.size() && d.Text(j) == ",") ++j;
    return person_at(j);
  }

  // The first person the article names, in its first two sentences (the
  // headline, the lead), when the text gives them no office at all; else -1.
  int UntitledOpeningPerson() {
    if (opening_person_ == kUnknown) {
      opening_person_ = -1;
      for (const Mention& m : d.mentions) {
        if (m.last <= m.first || m.entity < 0) continue;
        if (d.sentence_of[m.first] >= 2) break;
        if (m.type != EntityType::kPerson) continue;
        if (d.entities[m.entity].titles.empty()) opening_person_ = m.entity;
        break;
      }
    }
    return opening_person_;
  }
  static constexpr int kUnknown = -2;
  int opening_person_ = kUnknown;

  // "the Chilean and Peruvian presidents", "the Kenyan and Tanzanian
  // foreign ministers" (at token k, after "the"): the holder of that office
  // of each state when the article names both, else the two states
  // (ANNOTATION: a state acts through its unnamed officials); nothing when
  // it names one holder only, or when names follow ("..., A and B").
  bool OfficesOfTwoStates(uint32_t k, Ref* r, uint32_t* next) const {
    auto demonym = [&](uint32_t t) -> int {
      int m = t < d.tokens.size() ? d.mention_at[t] : -1;
      if (m < 0 || d.mentions[m].first != t || d.mentions[m].form != MentionForm::kAdjective) return -1;
      return d.mentions[m].type == EntityType::kCountry ? m : -1;
    };
    int a = demonym(k);
    if (a < 0 || !d.IsWord(d.mentions[a].last, "and")) return false;
    int b = demonym(d.mentions[a].last + 1);
    if (b < 0) return false;
    uint32_t role_first = d.mentions[b].last, role_last = role_first;
    if (role_first < d.tokens.size() && d.title_at[role_first] >= 0) role_last = d.titles[d.title_at[role_first]].last;
    if (role_last == role_first || !d.titles[d.title_at[role_first]].plural || NameFollowsOffice(role_last)) return false;
    const int state_a = d.mentions[a].entity, state_b = d.mentions[b].entity;
    if (state_a < 0 || state_b < 0 || state_a == state_b) return false;
    const int holder_a = PersonByRole(role_first, role_last, state_a, true);
    const int holder_b = PersonByRole(role_first, role_last, state_b, true);
    if ((holder_a < 0) != (holder_b < 0)) return false;
    r->first = k, r->last = role_last, r->resolved = true;
    r->entities = holder_a >= 0 ? RefEntities{holder_a, holder_b} : RefEntities{state_a, state_b};
    r->type = holder_a >= 0 ? EntityType::kPerson : EntityType::kCountry;
    *next = role_last;
    return true;
  }

  // The state named right after an office word ("counterpart of Chile",
  // "counterpart from Chile"), or -1.
  int StateAfter(uint32_t after) const {
    if (!d.IsWord(after, "of") && !d.IsWord(after, "from")) return -1;
    uint32_t j = after + 1 + (d.IsWord(after + 1, "the") ? 1 : 0);
    if (j >= d.tokens.size() || d.mention_at[j] < 0) return -1;
    const Mention& m = d.mentions[d.mention_at[j]];
    return m.type == EntityType::kCountry ? m.entity : -1;
  }

  // Whether `person` may be the holder of an office of `state` (-1: of any):
  // "his counterpart from Bolivia" is not the Peruvian met before.
  bool OfficeOfState(int person, int state) const {
    return state < 0 || d.entities[person].country < 0 || d.entities[person].country == state;
  }

  // The two people "the two ministers" or "both leaders" means: the article's
  // pair, unless this sentence has already named, before the phrase, one
  // other person than the one the text is about ("In talks with his Peruvian
  // counterpart, A, the two ministers ..."): then that person and the one the
  // text is about, as in an article where one host meets guests in turn.
  std::vector<int> PairOfPeople(const SentenceView& v, uint32_t before) const {
    int named = -1;
    for (const Ref& ref : v.refs) {
      if (ref.last > before || ref.type != EntityType::kPerson || ref.entities.size() != 1) continue;
      if (named >= 0 && named != ref.entities[0]) return sal.persons;  // two named: no guess
      named = ref.entities[0];
    }
    const int host = sal.subject_person;
    if (named < 0 || host < 0 || named == host) return sal.persons;
    if (std::find(sal.persons.begin(), sal.persons.end(), named) != sal.persons.end() &&
        std::find(sal.persons.begin(), sal.persons.end(), host) != sal.persons.end())
      return sal.persons;
    return {host, named};
  }

  // "the two ministers", "both presidents": the two people named last
  // whose offices have that word, of two states ("A met B; their foreign
  // ministers C and D talked. The two ministers signed" means C and D), or
  // none.
  std::vector<int> PairHoldingRole(std::string_view plural) const {
    if (plural.size() < 4 || plural.back() != 's' || plural == "leaders" || plural == "officials" ||
        plural == "diplomats" || plural == "counterparts")
      return {};
    std::vector<int> pair;
    for (auto it = sal.recent_persons.rbegin(); it != sal.recent_persons.rend() && pair.size() < 2; ++it) {
      const EntityInfo& p = d.entities[*it];
      if (!HoldsOfficeNamed(p, plural) || p.country < 0) continue;
      if (!pair.empty() && d.entities[pair[0]].country == p.country) continue;
      pair.push_back(*it);
    }
    return pair.size() == 2 ? pair : std::vector<int>{};
  }

  // The two states "the two countries" means: those of PairOfPeople when it
  // is a pair of this sentence serving two known states, else the article's.
  // "halt exports to Ghana and Togo if the two neighbours ...", "welcomed
  // Ghana and Togo, the two new members": the two states named together
  // ("A and B") a word or two before the phrase at `before`, nothing named
  // between; empty when there are none.
  std::vector<int> StatesNamedTogetherBefore(const SentenceView& v, uint32_t before) const {
    const Ref* previous = nullptr;
    std::vector<int> pair;
    uint32_t pair_end = 0;
    for (const Ref& ref : v.refs) {
      if (ref.first >= before) break;
      pair.clear();
      if (ref.type != EntityType::kCountry || ref.entities.size() != 1 || ref.adjective) {
        previous = nullptr;
        continue;
      }
      if (previous && previous->last + 1 == ref.first && d.IsWord(previous->last, "and"))
        pair = {previous->entities[0], ref.entities[0]}, pair_end = ref.last;
      previous = &ref;
    }
    return !pair.empty() && pair_end + 3 >= before ? pair : std::vector<int>{};
  }

  std::vector<int> StatesOfPairOfPeople(const SentenceView& v, uint32_t before) const {
    std::vector<int> people = PairOfPeople(v, before);
    if (people.size() != 2 || people == sal.persons) return sal.countries;
    int a = d.entities[people[0]].country, b = d.entities[people[1]].country;
    if (a < 0 || b < 0 || a == b) return sal.countries;
    return {a, b};
  }

  bool ResolveAt(uint32_t i, SentenceView& v, Ref* r, uint32_t* next) {
    auto group = [&](const std::vector<int>& members, EntityType type, uint32_t last) {
      if (members.size() != 2) return false;
      r->first = i;
      r->last = last;
      r->entities = {members[0], members[1]};
      r->type = type;
      r->resolved = true;
      *next = last;
      return true;
    };
    // he / she / his / her / him
    if (d.Is(i, "pronoun_he")) {
      // "his counterpart", "his colleague"
      if ((d.IsWord(i, "his") || d.IsWord(i, "her")) && d.Is(i + 1, "counterpart") && d.mention_at[i + 2] < 0 &&
          !NameFollowsOffice(i + 2)) {
        int self = FirstPersonIn(v) >= 0 ? FirstPersonIn(v) : sal.subject_person;
        int other = OtherOfPair(self);
        if (other >= 0 && OfficeOfState(other, StateAfter(i + 2))) {
          r->first = i, r->last = i + 2, r->entities = {other}, r->type = EntityType::kPerson, r->resolved = true;
          *next = i + 2;
          return true;
        }
      }
      // "his"/"her" before a noun is a determiner ("his visit"): not an actor of its own
      if (d.IsWord(i, "his") || d.IsWord(i, "hers") || (d.IsWord(i, "her") && !ObjectPronoun(i))) return false;
      int p = FirstPersonIn(v);
      if (p < 0) p = sal.subject_person;
      // ("a warrant issued against him", "the sanctions imposed on her":
      // after a participle with no doer of its own, the pronoun is the
      // sentence's person, not another)
      const bool after_participle =
          i >= 3 && !d.tags.empty() && d.tags[i - 1].pos == Pos::kPreposition && d.tags[i - 2].pos == Pos::kVerb &&
          (d.tags[i - 2].form == VerbForm::kParticiple ||
           (d.tags[i - 2].form == VerbForm::kPast && d.tags[i - 3].pos == Pos::kNoun)) &&
          FirstPersonIn(v) >= 0;
      if (ObjectPronoun(i) && !DoerOfParticiple(v, i) && !after_participle) {
        // "B arrived. A received her", "B flew to Lima, where A received
        // him": the one named last who is not the verb's subject (the
        // person right before), else the other one of the article's pair
        std::vector<int> named;  // people named before, this sentence's last
        for (int e : sal.recent_persons) named.push_back(e);
        bool owner_last = false;  // the last named is an owner: "the tour, A's first trip, took him to"
        for (const Ref& ref : v.refs)
          if (ref.type == EntityType::kPerson && ref.entities.size() == 1 && ref.last <= i) {
            named.push_back(ref.entities[0]);
            owner_last = ref.possessive && !ref.resolved;
          }
        int subject = named.empty() ? p : named.back();
        int other = -1;
        for (auto it = named.rbegin(); it != named.rend() && other < 0; ++it)
          if (*it != subject) other = *it;
        if (other < 0 && subject >= 0) other = OtherOfPair(subject);
        if (owner_last) p = subject;
        else if (other >= 0) p = other;
      }
      if (p < 0) return false;
      r->first = i, r->last = i + 1, r->entities = {p}, r->type = EntityType::kPerson, r->resolved = true;
      return true;
    }
    const ReferWord word = ReferWordAt(i);
    if (word == ReferWord::kNone) return false;
    if (word == ReferWord::kIt)
      return ResolveSpeakerPronoun(i, v, r, false) || ResolveConditionPronoun(i, v, r) || ResolveRelativeSubject(i, v, r);
    if (FirstPersonPlural(word)) return ResolveQuotedWe(i, v, r);
    // "each side blamed the other": the article's two states, both ways
    if (word == ReferWord::kEach && (d.IsWord(i + 1, "side") || d.IsWord(i + 1, "country") || d.IsWord(i + 1, "party")))
      return group(sal.countries, EntityType::kCountry, i + 2);
    if (word == ReferWord::kEach) return false;
    if (word == ReferWord::kThe && d.IsWord(i + 1, "other") && i + 2 < d.tokens.size() &&
        (d.IsWord(i + 2, "side") || d.tokens[i + 2].shape != TokenShape::kWord || d.IsWord(i + 2, "of") ||
         d.IsWord(i + 2, "for") || d.IsWord(i + 2, "in")))
      return group(sal.countries, EntityType::kCountry, d.IsWord(i + 2, "side") ? i + 3 : i + 2);
    uint32_t k = i + 1;
    // "the four countries", "their three nations", "the four Nordic states":
    // the states a recent sentence listed, when as many
    if ((word == ReferWord::kThe || word == ReferWord::kTheir) && ResolveListedStates(i, v, r, next)) return true;
    // "their" before a noun is a determiner ("their ambassadors"), not the pair
    if (word == ReferWord::kTheir) return false;
    if (word == ReferWord::kThey && ResolveSpeakerPronoun(i, v, r, true)) return true;
    if (word == ReferWord::kThey && ResolveListed(i, i + 1, 0, v, r, next)) return true;
    // "The three leaders": the three the sentence before listed
    if (word == ReferWord::kThe && i + 2 < v.last && PeopleNoun(d.Text(i + 2)))
      if (size_t count = CountWord(d.Text(i + 1)); count >= 3 && ResolveListed(i, PastOfState(i + 3, v.last), count, v, r, next))
        return true;
    if (word == ReferWord::kThey) return group(sal.persons.size() == 2 ? sal.persons : sal.countries,
                                               sal.persons.size() == 2 ? EntityType::kPerson : EntityType::kCountry, i + 1);
    bool two = false;
    if (d.IsWord(k, "two")) two = true, ++k;
    if (k >= d.tokens.size()) return false;  // "the two" ends the article: no noun follows (found by fuzzing)
    // the latter / the former
    if (word == ReferWord::kThe && (d.IsWord(k, "latter") || d.IsWord(k, "former")) && !v.refs.empty()) {
      // the two of a pair joined by "and", when no other actor of their
      // kind follows it ("Chile and Peru opened a road from the former's
      // ... to the latter's ..."; but in "A, B and C recalled envoys from
      // D as the latter ..." the latter is D), else the sentence's first
      // and last actors so far
      const Ref* former = &v.refs.front();
      const Ref* latter = &v.refs.back();
      for (size_t b = v.refs.size(); b-- > 1;) {
        const Ref& x = v.refs[b - 1];
        const Ref& y = v.refs[b];
        if (y.last > i || x.resolved || y.resolved || x.type != y.type || y.first != x.last + 1 || !d.IsWord(x.last, "and"))
          continue;
        const bool longer_list = b >= 2 && v.refs[b - 2].type == x.type && d.Text(x.first - 1) == ",";
        const bool kind_follows = std::any_of(v.refs.begin() + static_cast<std::ptrdiff_t>(b) + 1, v.refs.end(), [&](const Ref& z) {
          return z.last <= i && !z.resolved && z.type == x.type;
        });
        if (!longer_list && !kind_follows) former = &x, latter = &y;
        break;
      }
      const Ref& pick = d.IsWord(k, "latter") ? *latter : *former;
      *r = pick;
      r->first = i, r->last = k + 1, r->resolved = true;
      *next = k + 1;
      return true;
    }
    // "the bloc", "the alliance": the international body named last, in an
    // earlier sentence or this one
    if (word == ReferWord::kThe && d.Is(k, "body_word") && !two && (k + 1 >= d.tokens.size() || d.mention_at[k + 1] < 0)) {
      int body = sal.body;
      for (const auto& ref : v.refs)
        if (ref.type == EntityType::kOrganization && !ref.resolved && ref.entities.size() == 1 &&
            d.entities[ref.entities[0]].subtype == "international")
          body = ref.entities[0];
      if (body < 0) return false;
      r->first = i, r->last = k + 1, r->entities = {body}, r->type = EntityType::kOrganization, r->resolved = true;
      *next = k + 1;
      return true;
    }
    // "the roadmap", "the accord": the agreement named last whose name has
    // that head word (the latest named agreement of the sentence counts),
    // or the article's only one so far
    // ("the 2024-2028 roadmap", "the new accord": a year or a describing
    // word may stand between)
    uint32_t head = k;
    while (head < k + 4 && head < d.tokens.size() && d.mention_at[head] < 0 &&
           (d.tokens[head].shape == TokenShape::kNumber || (d.tags.size() > head && d.tags[head].pos == Pos::kAdjective) ||
            (d.Text(head) == "-" && head > k && d.tokens[head - 1].shape == TokenShape::kNumber)))
      ++head;
    if (word == ReferWord::kThe && !two && head < d.tokens.size() && d.Is(head, "agreement_head") && !d.tokens[head].cap &&
        d.mention_at[head] < 0 && (head + 1 >= d.tokens.size() || d.mention_at[head + 1] < 0)) {
      if (int agreement = AgreementCalled(head, v); agreement >= 0) {
        r->first = i, r->last = head + 1, r->entities = {agreement}, r->type = EntityType::kAgreement, r->resolved = true;
        *next = head + 1;
        return true;
      }
    }
    // "the community", "the fund": a body named before with that word in its
    // name (a lower-case noun, no name after it)
    if (word == ReferWord::kThe && !two && k < d.tokens.size() && !d.tokens[k].cap && d.tags.size() > k &&
        d.tags[k].pos == Pos::kNoun && d.mention_at[k] < 0 && (k + 1 >= d.tokens.size() || d.mention_at[k + 1] < 0)) {
      if (int body = BodyCalled(k, v); body >= 0) {
        r->first = i, r->last = k + 1, r->entities = {body}, r->type = EntityType::kOrganization, r->resolved = true;
        *next = k + 1;
        return true;
      }
    }
    // "the Kingdom", "the Republic" (cue class state_form, capitalized, no
    // "of" after it): the state named last in a form with that word ("the
    // Kingdom of Bhutan ... during a visit to the Kingdom")
    if (word == ReferWord::kThe && !two && k < d.tokens.size() && d.tokens[k].cap && d.Is(k, "state_form_alone") &&
        d.mention_at[k] < 0 && !(k + 1 < d.tokens.size() && d.IsWord(k + 1, "of")))
      if (const int state = StateWrittenWith(k, i); state >= 0) {
        r->first = i, r->last = k + 1, r->entities = {state}, r->type = EntityType::kCountry, r->resolved = true;
        *next = k + 1;
        return true;
      }
    // the country: the state the sentence already named, else the article's first
    if (word == ReferWord::kThe && d.IsWord(k, "country") && !two) {
      int c = -1;
      for (const auto& ref : v.refs)
        if (ref.type == EntityType::kCountry && ref.entities.size() == 1) { c = ref.entities[0]; break; }
      if (c < 0 && !sal.countries.empty()) c = sal.countries[0];
      if (c < 0) return false;
      r->first = i, r->last = k + 1, r->entities = {c}, r->type = EntityType::kCountry, r->resolved = true;
      *next = k + 1;
      return true;
    }
    // an adjective may stand between: "the two Asia powerhouses" is rare; allow one word
    uint32_t noun = k;
    // "both foreign ministers": describing words, as after "two", but only
    // before a word for the pair
    const bool both = word == ReferWord::kBoth;
    if ((two || both) && !d.Is(noun, "group_pair")) {
      // "the two Asia powerhouses": up to two describing words before a plural noun
      for (uint32_t j = k; j < k + 3 && j < d.tokens.size(); ++j) {
        std::string_view w = d.Text(j);
        if (d.tokens[j].shape != TokenShape::kWord) break;
        if (d.Is(j, "group_pair") || (w.size() > 3 && w.back() == 's' && !d.tokens[j].cap)) {
          noun = j;
          break;
        }
      }
    }
    if (d.Is(noun, "group_pair") || (two && noun != k) || (two && d.tokens[noun].shape == TokenShape::kWord &&
                                                           d.Text(noun).size() > 3 && d.Text(noun).back() == 's')) {
      // "the presidents of Ghana and Togo": the group named by its own
      // members, no reference back to the article's pair
      if (uint32_t of = noun + 1; d.IsWord(of, "of")) {
        uint32_t named = of + 1 + (d.IsWord(of + 1, "the") ? 1 : 0);
        if (named < d.tokens.size() && d.mention_at[named] >= 0) return false;
      }
      std::string_view g = d.Text(noun);
      bool people = PeopleNoun(g);
      if (!two && !both && (g == "countries" || g == "states" || g == "nations" || g == "leaders" ||
                            g == "ministers" || g == "officials" || g == "governments"))
        return false;  // "the countries" alone is not the pair
      if (people) {
        std::vector<int> pair = PairHoldingRole(g);
        if (pair.size() != 2) pair = PairOfPeople(v, i);
        return group(pair, EntityType::kPerson, noun + 1);
      }
      std::vector<int> named = StatesNamedTogetherBefore(v, i);
      return group(named.size() == 2 ? named : StatesOfPairOfPeople(v, i), EntityType::kCountry, noun + 1);
    }
    if (word == ReferWord::kThe && OfficesOfTwoStates(k, r, next)) return true;
    // the [Country-adjective]? [office] — when no name follows it
    uint32_t j = k;
    int country = -1;
    // "the Chilean minister", "the ASEAN official", "the US envoy": the
    // owner of the office before it
    if (j < d.tokens.size() && d.mention_at[j] >= 0 && d.mentions[d.mention_at[j]].entity >= 0 &&
        (d.mentions[d.mention_at[j]].form == MentionForm::kAdjective ||
         d.mentions[d.mention_at[j]].type == EntityType::kCountry ||
         d.mentions[d.mention_at[j]].type == EntityType::kOrganization)) {
      country = d.mentions[d.mention_at[j]].entity;
      j = d.mentions[d.mention_at[j]].last;
    }
    // "the visiting minister", "the Peruvian top diplomat": words of rank
    // or occasion between the owner and the office
    j = PastRoleModifiers(j, v.last);
    const uint32_t role_first = j;
    uint32_t role_last = j;
    if (int p = RoleHolder(role_first, country, &role_last); role_last > role_first) {
      // "The Foreign Minister touched down in Lima": an office written as a
      // name, when no one in the article holds it, is the person the
      // article opens with, named there without any office
      if (p < 0 && country < 0 && word == ReferWord::kThe && d.tokens[role_first].cap && d.title_at[role_first] >= 0)
        p = UntitledOpeningPerson();
      if (p < 0) return false;
      r->first = i, r->last = role_last, r->entities = {p}, r->type = EntityType::kPerson, r->resolved = true;
      *next = role_last;
      return true;
    }
    return false;
  }
};

// The article's pair of states: the first two named together ("Rwanda, DRC
// sign ...", "A and his Italian counterpart"), else the two most mentioned.
std::vector<int> PairOfStates(const Document& d) {
  for (const auto& s : d.sentences) {
    int prev = -1;
    uint32_t prev_end = 0;
    for (uint32_t i = s.first; i < s.last; ++i) {
      int m = d.mention_at[i];
      if (m < 0 || d.mentions[m].first != i) continue;
      const Mention& mm = d.mentions[m];
      if (mm.type != EntityType::kCountry || mm.entity < 0) continue;
      if (prev >= 0 && prev != mm.entity && i - prev_end <= 5) {
        bool joined = false;
        for (uint32_t k = prev_end; k < i; ++k)
          if (d.IsWord(k, "and") || d.Text(k) == "," || d.Text(k) == "-") joined = true;
        if (joined) return {prev, mm.entity};
      }
      prev = mm.entity;
      prev_end = mm.last;
    }
  }
  return {};
}

std::vector<int> TopCountries(const Document& d) {
  std::vector<int> out = CountriesByMentions(d);
  if (out.size() > 2) out.resize(2);
  return out;
}

// The article's pair of people: the first two with offices of different
// states, else the first two people named.
std::vector<int> MainPersons(const Document& d) {
  std::vector<int> order;
  for (const auto& m : d.mentions)
    if (m.type == EntityType::kPerson && m.entity >= 0 &&
        std::find(order.begin(), order.end(), m.entity) == order.end())
      order.push_back(m.entity);
  for (size_t a = 0; a < order.size(); ++a)
    for (size_t b = a + 1; b < order.size(); ++b) {
      const auto& pa = d.entities[order[a]];
      const auto& pb = d.entities[order[b]];
      if (pa.country >= 0 && pb.country >= 0 && pa.country != pb.country) return {order[a], order[b]};
    }
  return {};
}

}  // namespace

int DatelinePlace(const Document& d) {
  for (size_t s = 0; s < d.sentences.size() && s < kDatelineSentences; ++s) {
    uint32_t first = d.sentences[s].first;
    int m = d.mention_at[first];
    if (m < 0) continue;
    const Mention& place = d.mentions[m];
    if (place.entity < 0 || (place.type != EntityType::kLocation && place.type != EntityType::kCountry)) continue;
    if (place.last >= d.sentences[s].last) continue;
    std::string_view after = d.Text(place.last);
    if (after == "," || after == "(" || IsDash(after)) return place.entity;
  }
  return -1;
}

namespace {
// The speaker a quotation's attribution names, next to its mark at `mark`:
// after a closing mark ('," the minister, A, said', '," he said'), or
// before an opening one ('A said: "'). An actor named within a few words,
// with a speech word among them; "he" or "she" is the last person named
// before the quotation opened (`opened_at`). -1 when none.
int AttributedSpeaker(const Document& d, uint32_t mark, bool after, uint32_t opened_at) {
  constexpr uint32_t kReach = 12;
  const Sentence& s = d.sentences[d.sentence_of[mark]];
  bool speech = false;
  int named = -1;
  const uint32_t from = after ? mark + 1 : (mark > s.first + kReach ? mark - kReach : s.first);
  const uint32_t to = after ? std::min(s.last, mark + 1 + kReach) : mark;
  for (uint32_t t = from; t < to; ++t) {
    if (d.IsDoubleQuote(t)) break;
    speech |= d.Is(t, "speech");
    const int m = d.mention_at[t];
    if (m >= 0 && named < 0 && d.mentions[m].entity >= 0 && d.mentions[m].form != MentionForm::kAdjective &&
        d.mentions[m].type != EntityType::kLocation)
      named = d.mentions[m].entity;
    if (after && named < 0 && (d.IsWord(t, "he") || d.IsWord(t, "she")))
      for (uint32_t k = opened_at; k-- > 0 && k + 400 > opened_at;)
        if (const int pm = d.mention_at[k]; pm >= 0 && d.mentions[pm].type == EntityType::kPerson && d.mentions[pm].entity >= 0) {
          named = d.mentions[pm].entity;
          break;
        }
  }
  return speech ? named : -1;
}

// Fills doc->quote_speaker: the sentences of every quotation that runs over
// several sentences take the speaker its attribution names (Speaker reads
// it when a sentence names none of its own). One walk over the tokens.
void QuotationSpeakers(Document* doc) {
  Document& d = *doc;
  d.quote_speaker.assign(d.sentences.size(), -1);
  bool open = false;
  uint32_t opened_at = 0, opened_sentence = 0;
  for (uint32_t s = 0; s < d.sentences.size(); ++s)
    for (uint32_t t = d.sentences[s].first; t < d.sentences[s].last; ++t) {
      if (!d.IsDoubleQuote(t)) continue;
      if (!open) {
        open = true;
        opened_at = t;
        opened_sentence = s;
        continue;
      }
      open = false;
      if (s == opened_sentence) continue;  // a quotation within one sentence: Speaker's own to read
      int speaker = AttributedSpeaker(d, t, true, opened_at);
      if (speaker < 0) speaker = AttributedSpeaker(d, opened_at, false, opened_at);
      if (speaker >= 0)
        for (uint32_t q = opened_sentence; q <= s; ++q) d.quote_speaker[q] = speaker;
    }
}

// "PUTRE, Chile - ...": a dateline town the dictionary does not place is in
// the state written after it, for every sentence that meets there (the
// structure pass reads the dateline's locatedIn only after the frames of
// its own sentence).
void PlaceDatelineTown(Document* doc) {
  const int town = DatelinePlace(*doc);
  if (town < 0 || doc->entities[town].type != EntityType::kLocation || doc->entities[town].placed_in >= 0) return;
  for (int m : doc->entities[town].mentions) {
    const Mention& place = doc->mentions[m];
    if (place.last + 1 >= doc->tokens.size() || doc->Text(place.last) != ",") continue;
    const int next = doc->mention_at[place.last + 1];
    if (next >= 0 && doc->mentions[next].type == EntityType::kCountry && doc->mentions[next].entity >= 0)
      doc->entities[town].placed_in = doc->mentions[next].entity;
    return;  // the dateline's mention is the town's first
  }
}
}  // namespace

// "GENEVA (Andes Press) - Envoys ...", "LIMA, May 5 - ...": where a
// dateline opening one of the first sentences ends, or the sentence's first
// token. A dateline says where and who reports; its names act in nothing
// the sentence tells. Its dash closes an agency in parentheses, a date, or
// a place written in capitals, within a few words.
uint32_t DatelineEnd(const Document& d, uint32_t sentence) {
  constexpr uint32_t kMaxDatelineWords = 10;
  const Sentence& s = d.sentences[sentence];
  const int m = sentence < kDatelineSentences ? d.mention_at[s.first] : -1;
  if (m < 0 || d.mentions[m].last >= s.last) return s.first;
  const Mention& place = d.mentions[m];
  std::string_view after = d.Text(place.last);
  if (after != "," && after != "(" && !IsDash(after)) return s.first;
  for (uint32_t t = place.last; t < s.last && t < place.last + kMaxDatelineWords; ++t) {
    if (!d.tags.empty() && d.tags[t].pos == Pos::kVerb) break;
    if (!IsDash(d.Text(t))) continue;
    const uint32_t before = t - 1;
    const bool closes = d.Text(before) == ")" || d.tokens[before].shape == TokenShape::kNumber ||
                        d.Is(before, "month") || (t == place.last && d.tokens[place.first].upper);
    return closes ? t + 1 : s.first;
  }
  return s.first;
}

// "KAZPRESS - The talks ...", "LIMA, May 5 (Andina) - ...": the outlet a
// dateline names, an organization opening one of the first sentences before
// a dash, or in parentheses in a sentence that opens with a dateline place.
// ANNOTATION.md: the outlet an article cites is an entity without triples.
std::vector<int> DatelineOutlets(const Document& d) {
  std::vector<int> outlets;
  for (size_t s = 0; s < d.sentences.size() && s < kDatelineSentences; ++s) {
    const Sentence& sentence = d.sentences[s];
    int m = d.mention_at[sentence.first];
    if (m >= 0 && d.mentions[m].type == EntityType::kOrganization && d.mentions[m].entity >= 0 &&
        d.mentions[m].last < sentence.last && IsDash(d.Text(d.mentions[m].last)))
      outlets.push_back(d.mentions[m].entity);
    if (m < 0 || (d.mentions[m].type != EntityType::kLocation && d.mentions[m].type != EntityType::kCountry)) continue;
    // the dateline runs up to its dash: "(Andina)" before it is the outlet
    for (uint32_t t = d.mentions[m].last; t + 2 < sentence.last && !IsDash(d.Text(t)); ++t) {
      int o = d.mention_at[t + 1];
      if (d.Text(t) == "(" && o >= 0 && d.mentions[o].type == EntityType::kOrganization && d.mentions[o].entity >= 0 &&
          d.mentions[o].last < sentence.last && d.Text(d.mentions[o].last) == ")")
        outlets.push_back(d.mentions[o].entity);
    }
  }
  return outlets;
}

std::vector<int> CountriesByMentions(const Document& d) {
  std::map<int, std::pair<int, uint32_t>> weight;  // entity -> (mentions, first token)
  for (const auto& m : d.mentions) {
    if (m.type != EntityType::kCountry || m.entity < 0) continue;
    auto& w = weight[m.entity];
    if (w.first == 0) w.second = m.first;
    ++w.first;
  }
  std::vector<int> out;
  for (const auto& [e, w] : weight) out.push_back(e);
  std::sort(out.begin(), out.end(), [&](int a, int b) {
    if (weight[a].first != weight[b].first) return weight[a].first > weight[b].first;
    return weight[a].second < weight[b].second;
  });
  return out;
}

void ExtractRelations(Document* doc, PassClock* clock) {
  PassClock untimed(nullptr);
  PassClock& c = clock ? *clock : untimed;
  ExtractOffices(doc);
  c.Mark(Pass::kOffices);
  Salience sal;
  // the pair of people first: their states are the article's pair of states
  sal.persons = MainPersons(*doc);
  if (sal.persons.size() == 2)
    sal.countries = {doc->entities[sal.persons[0]].country, doc->entities[sal.persons[1]].country};
  if (sal.countries.empty()) sal.countries = PairOfStates(*doc);
  if (sal.countries.empty()) sal.countries = TopCountries(*doc);
  if (sal.countries.size() < 2) sal.countries.clear();
  ReferenceResolver resolver(*doc, sal);
  PlaceDatelineTown(doc);
  QuotationSpeakers(doc);
  SentenceView v;
  // The day the story is telling: the last day of the news a sentence
  // named ("arrived in Lima on Tuesday"). A meeting, a visit or a signing
  // a later sentence tells without a date of its own happened that day
  // ("The two ministers then signed the accord"), not necessarily on the
  // article's.
  std::string story_day;
  for (uint32_t s = 0; s < doc->sentences.size(); ++s) {
    // a dateline's names act in nothing ("GENEVA (Andes Press) - ..."),
    // but its place may be tied to its state ("Lyon, France -")
    const uint32_t first = doc->sentences[s].first, acts_from = DatelineEnd(*doc, s);
    resolver.View(s, acts_from, v);
    c.Mark(Pass::kReferences);
    const size_t first_fact = doc->facts.size();
    ExtractEvents(doc, v);
    c.Mark(Pass::kEvents);
    ExtractStances(doc, v);
    c.Mark(Pass::kStances);
    ExtractFrames(doc, v);
    AddCompanions(doc, v, first_fact);
    AddSignerStates(doc, first_fact);
    AttributeToSpeakers(doc, v, first_fact);
    c.Mark(Pass::kFrames);
    if (acts_from != first) resolver.View(s, first, v);
    ExtractStructure(doc, v);
    c.Mark(Pass::kStructure);
    resolver.Update(v);
    if (!story_day.empty())
      for (size_t k = first_fact; k < doc->facts.size(); ++k)
        if (Fact& f = doc->facts[k]; f.date.empty() && (f.of_the_day || EventOfTheDay(f.predicate))) f.date = story_day;
    for (const DateMention& dm : v.dates)
      if (dm.full && !dm.since && DayOfTheNews(dm.iso, doc->article_date, kStoryDays)) story_day = dm.iso;
  }
  // the outlet reports; it is no actor of what it reports
  if (std::vector<int> outlets = DatelineOutlets(*doc); !outlets.empty()) {
    auto by_outlet = [&](const Fact& f) {
      return std::find(outlets.begin(), outlets.end(), f.subject) != outlets.end() ||
             std::find(outlets.begin(), outlets.end(), f.object) != outlets.end();
    };
    doc->facts.erase(std::remove_if(doc->facts.begin(), doc->facts.end(), by_outlet), doc->facts.end());
  }
  c.Mark(Pass::kReferences);
}

}  // namespace irkg::internal
