// Structure: memberOf, locatedIn, diplomaticRelations, hasEmbassyIn.
//   A (and B) are members of ORG | ORG member states A and B |
//   ORG's members, A and B | member A (with ORG named before) |
//   X, the ... arm of ORG                                       -> memberOf
//   ORG|PLACE [,] in PLACE | A and B, in southern PLACE | City, Country |
//   City, the Chilean capital | City, the capital of X | City, a port in X |
//   the Chilean capital(,) Santiago | the Chilean city of Arica |
//   China's Xinjiang region | PLACE of PLACE | the PLACE-based ORG -> locatedIn
//   diplomatic relations between A and B were established on DATE |
//   normalization of relations | years of bilateral relations with B -> diplomaticRelations
//   A opened its embassy in B | the embassy of A in B |
//   A's embassy in B | Embassy of A to B                          -> hasEmbassyIn
#include <algorithm>

#include "extract/rule_context.h"

namespace irkg::internal {
namespace {

constexpr unsigned kCountry = TypeBit(EntityType::kCountry);
constexpr unsigned kOrg = TypeBit(EntityType::kOrganization);
constexpr unsigned kLocation = TypeBit(EntityType::kLocation);

bool International(const RuleContext& c, int ref) {
  if (ref < 0 || c.s.refs[ref].type != EntityType::kOrganization) return false;
  std::string_view sub = c.d.entities[c.s.refs[ref].entities[0]].subtype;
  return sub == "international" || sub.empty();
}

// "X, of which A and B are members": the body X when "members" at `t`
// closes such a clause (", of which" + its subject + a copula + describing
// words), else -1.
int OfWhichBody(const RuleContext& c, uint32_t t) {
  for (uint32_t w = t; w > c.s.first + 2 && w + 8 > t; --w) {
    if (!c.Word(w - 1, "which")) continue;
    if (!c.Word(w - 2, "of") || c.d.Text(w - 3) != ",") return -1;
    bool copula = false;
    for (uint32_t i = w; i < t; ++i) copula |= c.Word(i, "are") || c.Word(i, "is") || c.Word(i, "were") || c.Word(i, "was");
    const int body = copula ? c.RefAt(w - 4) : -1;
    return body >= 0 && c.s.refs[body].last == w - 3 && c.TypeIn(body, kOrg) && c.s.refs[body].entities.size() == 1 ? body : -1;
  }
  return -1;
}

void Membership(RuleContext& c) {
  for (uint32_t t : c.Triggers("member")) {
    if (c.Negated(t) || c.Modal(t) || c.Conditional(t)) continue;
    // "cooperation within the BSEC, of which both countries are founding
    // members": the body before ", of which", the members its clause names
    if (int body = OfWhichBody(c, t); body >= 0) {
      for (int r = 0; r < static_cast<int>(c.s.refs.size()); ++r) {
        const Ref& m = c.s.refs[r];
        if (m.first <= c.s.refs[body].last || m.last > t || !c.TypeIn(r, kCountry | kOrg)) continue;
        for (int e : m.entities) c.AddEntities(e, Predicate::kMemberOf, c.s.refs[body].entities[0], 0.7, "member.of-which");
      }
      continue;
    }
    // "members of ORG", "member of the influential regional bloc" (the body named before)
    if (c.Word(t + 1, "of") || (c.Word(t + 1, "states") && c.Word(t + 2, "of"))) {
      auto orgs = c.ListAfter(t + 1, kOrg, 3);
      int org = orgs.empty() ? -1 : orgs[0];
      if (org < 0) {
        for (uint32_t i = t + 2; i < c.s.last && i < t + 7; ++i)
          if (c.Word(i, "bloc") || c.Word(i, "alliance") || c.Word(i, "organization") || c.Word(i, "organisation") ||
              c.Word(i, "grouping")) {
            // the international body the article named last
            for (int k = static_cast<int>(c.d.mentions.size()) - 1; k >= 0; --k) {
              const Mention& m = c.d.mentions[k];
              if (m.first < c.s.first && m.type == EntityType::kOrganization && m.entity >= 0 &&
                  (m.subtype == "international" || m.subtype.empty())) {
                int subject = c.SubjectBefore(t, kCountry | kOrg);
                if (subject >= 0)
                  for (int s : c.ListFrom(subject, kCountry | kOrg))
                    for (int e : c.s.refs[s].entities) c.AddEntities(e, Predicate::kMemberOf, m.entity, 0.6, "member.bloc");
                break;
              }
            }
            break;
          }
        continue;
      }
      int subject = c.SubjectBefore(t, kCountry | kOrg);
      // "As a member of C, A ...": the subject of the clause the phrase opens
      const bool fronted_as = t >= c.s.first + 2 && c.s.first + 3 >= t && c.Word(t - 2, "as") && !orgs.empty() &&
                              c.d.Text(c.s.refs[orgs.back()].last) == ",";
      if (fronted_as) {
        const int after = c.RefAt(c.s.refs[orgs.back()].last + 1);
        if (after >= 0 && c.TypeIn(after, kCountry | kOrg))
          for (int o : orgs) c.Add(after, Predicate::kMemberOf, o, 0.75, "member.as-member");
        continue;
      }
      if (subject < 0) continue;
      // the subject is a member by a copula ("A and B are members of C",
      // "A, as a member of C", "A on becoming a member", "its fellow
      // members"), not when it acts on the members ("A
      // welcomed the members of C": those are named by the frames' appos)
      bool copula = false;
      for (uint32_t i = c.s.refs[subject].last; i < t; ++i)
        copula |= c.Word(i, "is") || c.Word(i, "are") || c.Word(i, "was") || c.Word(i, "were") || c.Word(i, "be") ||
                  c.Word(i, "been") || c.Word(i, "became") || c.Word(i, "become") || c.Word(i, "becomes") ||
                  c.Word(i, "remain") || c.Word(i, "remains") || c.Word(i, "as") || c.Word(i, ",") ||
                  c.Word(i, "becoming") || c.Word(i, "fellow");
      if (!copula) continue;
      // "congratulated B on becoming a member of C": the one right before
      // the gerund becomes a member, not the clause's subject
      if (t >= c.s.first + 3 && (c.Word(t - 2, "becoming") || c.Word(t - 3, "becoming")))
        if (int nearest = c.NearestBefore(t, kCountry | kOrg, 6); nearest >= 0) subject = nearest;
      auto subjects = c.ListFrom(subject, kCountry | kOrg);
      for (int s : subjects)
        if (c.s.refs[s].last <= t)
          for (int o : orgs) c.Add(s, Predicate::kMemberOf, o, 0.8, "member.of");  // "of the EAEU and the CSTO"
      continue;
    }
    // "Finland joined NATO", "accession to the EU"
    if (c.Word(t, "joined") || c.Word(t, "joins") || c.Word(t, "accession")) {
      auto orgs = c.ListAfter(t + (c.Word(t + 1, "to") ? 1 : 0), kOrg, 3);
      int subject = c.SubjectBefore(t, kCountry | kOrg);
      // ("A warned B after it joined C": the joiner is the subordinate
      // clause's own subject, not the sentence's)
      if (subject >= 0 && c.SubordinateBetween(c.s.refs[subject].last, t)) subject = -1;
      if (!orgs.empty() && subject >= 0)
        for (int s : c.ListFrom(subject, kCountry | kOrg))
          if (c.s.refs[s].last <= t) c.Add(s, Predicate::kMemberOf, orgs[0], 0.8, "member.joined");
      continue;
    }
    // "ORG member states", "are EU member states": ORG right before the trigger
    int org = c.NearestBefore(t, kOrg, 1);
    if (org >= 0 && International(c, org)) {
      auto after = c.ListAfter(t, kCountry, 3);
      if (!after.empty() && !c.Word(t + 1, "of")) {
        for (int s : after) c.Add(s, Predicate::kMemberOf, org, 0.75, "member.org-member");
        continue;
      }
      int subject = c.SubjectBefore(c.s.refs[org].first, kCountry);
      bool copula = false;
      for (uint32_t i = subject >= 0 ? c.s.refs[subject].last : t; i < c.s.refs[org].first; ++i)
        if (c.Word(i, "are") || c.Word(i, "is") || c.Word(i, "were") || c.Word(i, "was") || c.Word(i, "became") ||
            c.Word(i, "become") || c.Word(i, "remain"))
          copula = true;
      if (subject >= 0 && copula)
        for (int s : c.ListFrom(subject, kCountry)) c.Add(s, Predicate::kMemberOf, org, 0.75, "member.org-member");
      continue;
    }
    // "ORG's other two members, Kuwait and Oman" | "council member Qatar ... fellow members Bahrain, ..."
    auto listed = c.ListAfter(t, kCountry, 3);
    if (listed.empty()) continue;
    int body = -1;
    for (int r = static_cast<int>(c.s.refs.size()) - 1; r >= 0; --r)
      if (c.s.refs[r].first < t && International(c, r)) { body = r; break; }
    if (body < 0) {
      // named in an earlier sentence
      for (int k = static_cast<int>(c.d.mentions.size()) - 1; k >= 0; --k) {
        const Mention& m = c.d.mentions[k];
        if (m.first < c.s.first && m.type == EntityType::kOrganization && m.entity >= 0 && m.subtype == "international") {
          for (int s : listed)
            for (int e : c.s.refs[s].entities) c.AddEntities(e, Predicate::kMemberOf, m.entity, 0.6, "member.listed");
          break;
        }
      }
      continue;
    }
    for (int s : listed) c.Add(s, Predicate::kMemberOf, body, 0.7, "member.listed");
  }
  // "X, the elite ... arm of ORG"
  for (uint32_t t : c.Triggers("part_of")) {
    if (!c.Word(t + 1, "of")) continue;
    auto orgs = c.ListAfter(t + 1, kOrg, 3);
    if (orgs.empty()) continue;
    int subject = -1;
    for (int r = 0; r < static_cast<int>(c.s.refs.size()); ++r) {
      const Ref& ref = c.s.refs[r];
      if (ref.first >= t) break;
      if (ref.type == EntityType::kOrganization && ref.last < c.s.last && c.d.Text(ref.last) == ",") subject = r;
    }
    if (subject >= 0) c.Add(subject, Predicate::kMemberOf, orgs[0], 0.7, "member.part-of");
  }
}


// "Ecuador's remote enclave", "Peru's second-largest port city": a state's
// possessive and, a few words on, a word for a kind of place.
bool StatesPlaceWord(const RuleContext& c, const Ref& state) {
  if (state.type != EntityType::kCountry || !state.possessive) return false;
  for (uint32_t k = state.last; k < c.s.last && k < state.last + 6; ++k) {
    if (c.Cue(k, "place_kind")) return true;
    // (past the possessive's mark, and hyphens: "Quechua-speaking")
    if (k > state.last && c.d.tokens[k].shape != TokenShape::kWord && c.d.Text(k) != "-") return false;
  }
  return false;
}

// "the Dubai-based firm B", "B, a Lima-based body": the body a place's
// "-based" compound describes, or -1.
int BodyBasedAt(const RuleContext& c, const Ref& place) {
  const uint32_t based = place.last + 1;
  if (based >= c.s.last || c.d.Text(place.last) != "-" || !c.Word(based, "based")) return -1;
  // the name the phrase goes on to: "the Dubai-based shipping firm B", or
  // names in apposition: "a Dubai-based firm, B,"
  for (uint32_t t = based + 1; t < c.s.last && t <= based + 6; ++t) {
    if (c.d.Text(t) == ",") {
      const int r = c.RefAt(t + 1);
      return r >= 0 && t > based + 1 && c.s.refs[r].first == t + 1 && c.s.refs[r].type == EntityType::kOrganization &&
                     !c.s.refs[r].adjective
                 ? r
                 : -1;
    }
    // (within its own phrase: "a Lima-based analyst at the B" describes no B)
    if (!c.d.tags.empty() && (c.d.tags[t].pos == Pos::kVerb || c.d.tags[t].pos == Pos::kPreposition)) break;
    if (int r = c.RefAt(t); r >= 0 && c.s.refs[r].first == t)
      return c.s.refs[r].type == EntityType::kOrganization && !c.s.refs[r].adjective ? r : -1;
  }
  // the name the apposition describes: "B, a Lima-based body"
  if (place.first >= c.s.first + 3 && (c.Word(place.first - 1, "a") || c.Word(place.first - 1, "the")) &&
      c.d.Text(place.first - 2) == ",")
    if (int r = c.RefAt(place.first - 3); r >= 0 && c.s.refs[r].last == place.first - 2 &&
                                           c.s.refs[r].type == EntityType::kOrganization)
      return r;
  return -1;
}

// The place a phrase starting at `j` (after "in") names as a container,
// past what only says which part of it: "(the) southern Peru", "the
// province of Moquegua", "the Peruvian region of Moquegua", "Peru's
// Moquegua Region". A ref index, or -1.
int ContainerAt(const RuleContext& c, uint32_t j) {
  if (c.Word(j, "the")) ++j;
  j = c.d.AfterDirection(j, c.s.last);
  // "the province of Moquegua": the kind of place, then its name
  if (c.Cue(j, "place_kind") && !c.d.tokens[j].cap && c.Word(j + 1, "of")) j += c.Word(j + 2, "the") ? 3 : 2;
  int where = c.RefAt(j);
  if (where < 0 || c.s.refs[where].first != j || !c.TypeIn(where, kPlaces)) return -1;
  const Ref& ref = c.s.refs[where];
  // "the Peruvian region of Moquegua": the state's adjective describes
  // the region named after "of"
  if (ref.adjective && c.Cue(ref.last, "place_kind") && c.Word(ref.last + 1, "of")) {
    const uint32_t named = ref.last + 2 + (c.Word(ref.last + 2, "the") ? 1 : 0);
    const int inner = c.RefAt(named);
    return inner >= 0 && c.s.refs[inner].first == named && c.s.refs[inner].type == EntityType::kLocation ? inner : -1;
  }
  // "Peru's Moquegua Region": the state's own place; "Peru's southern
  // province of Moquegua": past the words of its direction and kind
  if (ref.possessive) {
    uint32_t named = ref.last + 1;
    if (const uint32_t kind = c.d.AfterDirection(named, c.s.last);
        c.Cue(kind, "place_kind") && !c.d.tokens[kind].cap && c.Word(kind + 1, "of"))
      named = kind + 2;
    const int inner = c.RefAt(named);
    return inner >= 0 && c.s.refs[inner].first == named && c.s.refs[inner].type == EntityType::kLocation &&
                   !c.s.refs[inner].adjective
               ? inner
               : -1;
  }
  return ref.adjective ? -1 : where;
}

// Whether the words from `j` on end the phrase as a kind of place: "(the
// Chilean) capital", "(the Chilean) port city", "border town".
bool StatesPlaceKind(const RuleContext& c, uint32_t j) {
  if (c.Cue(j, "capital_word")) return true;
  bool kind = false;
  for (; j < c.s.last; ++j) {
    if (c.Cue(j, "place_kind") && !c.d.tokens[j].cap) kind = true;
    else if (!(c.Cue(j + 1, "place_kind") && !c.d.tags.empty() && c.d.tags[j].pos == Pos::kNoun)) break;
  }
  return kind && (j == c.s.last || c.d.tokens[j].shape == TokenShape::kPunct);
}

// Where a body sits, said after its name: "the Institute, (which is)
// based in Cusco", "a firm registered in Panama", "which has its
// headquarters in Suva" (cue class seat_word), or an apposition placing it,
// "the Institute, a think tank in Cusco". The place's ref, or -1.
int SeatAfter(const RuleContext& c, uint32_t k) {
  if (k >= c.s.last || c.d.Text(k) != ",") return -1;
  bool seat = c.Word(k + 1, "a") || c.Word(k + 1, "an");
  for (uint32_t j = k + 1; j < c.s.last && j < k + 8; ++j) {
    if (c.Word(j, "in")) return seat ? ContainerAt(c, j + 1) : -1;
    if (c.Cue(j, "seat_word")) seat = true;
    // a name, a clause's end or a list's next item: no longer this phrase
    if (c.d.mention_at[j] >= 0 || c.d.tokens[j].shape == TokenShape::kPunct || c.Word(j, "and") || c.d.tokens[j].cap)
      return -1;
  }
  return -1;
}

void Location(RuleContext& c) {
  for (size_t r = 0; r < c.s.refs.size(); ++r) {
    const Ref& ref = c.s.refs[r];
    if (ref.resolved || ref.adjective || ref.entities.size() != 1) continue;
    if (ref.type == EntityType::kLocation || ref.type == EntityType::kCountry)
      if (int body = BodyBasedAt(c, ref); body >= 0)
        c.Add(body, Predicate::kLocatedIn, static_cast<int>(r), 0.75, "located.based");
    if (ref.type == EntityType::kOrganization)
      if (int seat = SeatAfter(c, ref.last); seat >= 0)
        c.Add(static_cast<int>(r), Predicate::kLocatedIn, seat, 0.75, "located.seat");
    bool placeable = ref.type == EntityType::kOrganization || ref.type == EntityType::kLocation;
    uint32_t k = ref.last;
    // "the Tigray region, in northern Ethiopia": the kind of place written after a place's name
    if (ref.type == EntityType::kLocation && c.Cue(k, "place_kind") && !c.d.tokens[k].cap) ++k;
    // "ORG|PLACE in [the] PLACE", "ORG|PLACE, in [the] PLACE", "PLACE, in southern PLACE"
    bool comma_in = placeable && k + 1 < c.s.last && c.d.Text(k) == "," && c.Word(k + 1, "in");
    if (comma_in) ++k;
    if (placeable && c.Word(k, "in")) {
      // (past "southern", "the province of", "Peru's": "Tacna, in southern
      // Peru", "the Institute in the province of Cusco")
      if (int where = ContainerAt(c, k + 1); where >= 0) {
        // a body's place, or a place within a larger one — not an event's venue
        const EntityInfo& subject = c.d.entities[ref.entities[0]];
        const EntityInfo& place = c.d.entities[c.s.refs[where].entities[0]];
        // a named site (a palace, a square: no subtype) lies in a city; a city or region does not
        // (nor a gathering named as a body, "the Trade Forum in Tacna": held there, not based)
        bool ok = ref.type == EntityType::kOrganization
                      ? subject.subtype != "international" && !c.d.Is(ref.last - 1, "gathering")
                      : (place.type != EntityType::kLocation || place.subtype != "city" || subject.subtype.empty());
        // a region is not inside a state: "the South Caucasus in Azerbaijan" reads the other way
        // (unless the dictionary places that region in that state: "the Tigray region, in northern Ethiopia")
        if (subject.subtype == "region" && place.type == EntityType::kCountry &&
            !(subject.dict_entry >= 0 && c.d.dict->entries()[subject.dict_entry].in == place.name))
          ok = false;
        if (ok) c.Add(static_cast<int>(r), Predicate::kLocatedIn, where, 0.8, "located.in");
        // "Porto and Braga, in northern Portugal": the places listed before the comma
        if (ok && comma_in && ref.type == EntityType::kLocation)
          for (int item : c.ListBefore(ref.first, TypeBit(EntityType::kLocation)))
            if (item != static_cast<int>(r) && c.s.refs[item].last + 1 == ref.first && c.Word(ref.first - 1, "and"))
              c.Add(item, Predicate::kLocatedIn, where, 0.75, "located.in-list");
      }
    }
    k = ref.last;
    // "City, Country", "City, Region" (not a list: "Lima, Cusco and Puno");
    // "City, the Demonym capital"; any place, "X region, Ecuador's remote
    // enclave": a state's own place word in apposition
    if (ref.type == EntityType::kLocation && k + 1 < c.s.last && c.d.Text(k) == ",") {
      int where = c.RefAt(k + 1);
      if (where >= 0 && c.s.refs[where].first == k + 1 && !c.s.refs[where].adjective &&
          (c.d.entities[ref.entities[0]].subtype == "city" || StatesPlaceWord(c, c.s.refs[where]))) {
        const Ref& container = c.s.refs[where];
        bool region = container.type == EntityType::kLocation && container.entities.size() == 1 &&
                      c.d.entities[container.entities[0]].subtype == "region" &&
                      !(container.last < c.s.last && (c.Word(container.last, "and") || c.Word(container.last, "or")));
        // ("... in Geneva, Peru said", "In Geneva, Peru signed ...": a name
        // followed by a speech verb, or by any verb after an opening place
        // phrase, is a clause's subject)
        const bool verb_after = container.last < c.s.last && !c.d.tags.empty() &&
                                (c.d.tags[container.last].pos == Pos::kVerb ||
                                 c.d.tags[container.last].pos == Pos::kAuxiliary || c.d.tags[container.last].pos == Pos::kModal);
        const bool opening_phrase = ref.first == c.s.first + 1;
        const bool subject_of_verb = verb_after && (c.Cue(container.last, "speech") || opening_phrase);
        if ((container.type == EntityType::kCountry || region) && !subject_of_verb)
          c.Add(static_cast<int>(r), Predicate::kLocatedIn, where, 0.75, "located.apposition");
      }
      int state = c.Word(k + 1, "the") ? c.RefAt(k + 2) : -1;
      if (state >= 0 && c.s.refs[state].first == k + 2 && c.s.refs[state].type == EntityType::kCountry &&
          c.s.refs[state].adjective && StatesPlaceKind(c, c.s.refs[state].last))
        c.Add(static_cast<int>(r), Predicate::kLocatedIn, state, 0.8, "located.capital-apposition");
      // "Vilnius, the capital of Lithuania", "Cusco, a city (located) in Peru"
      uint32_t j = k + 1;
      if (c.Word(j, "the") || c.Word(j, "a") || c.Word(j, "an")) ++j;
      bool kind = false;
      // "the largest city of", "a small port in": describing words before the kind of place
      // ("a border town", "a port city": a noun before the kind of place)
      while (j < c.s.last && c.d.mention_at[j] < 0 && !c.d.tags.empty() && !c.Cue(j, "place_word") &&
             (c.d.tags[j].pos == Pos::kAdjective ||
              (c.d.tags[j].pos == Pos::kNoun && j + 1 < c.s.last && c.Cue(j + 1, "place_kind"))))
        ++j;
      while (c.Cue(j, "place_word") || c.Cue(j, "capital_word")) {
        kind = kind || c.Cue(j, "place_kind") || c.Cue(j, "capital_word");
        ++j;
      }
      if (kind && c.Word(j, "located")) ++j;
      if (kind && (c.Word(j, "of") || c.Word(j, "in"))) {
        // "a town in southern Peru", "a city in Peru's Moquegua Region"
        if (int where = ContainerAt(c, j + 1); where >= 0)
          c.Add(static_cast<int>(r), Predicate::kLocatedIn, where, 0.8, "located.kind-apposition");
      }
    }
    // "PLACE of PLACE": "the Great Lakes region of Africa", "the Tigray
    // region of Ethiopia" (the kind word after a name the dictionary holds)
    // (not waters, which no place encloses: "Chile's Pacific coast", "the
    // Red Sea port of Hodeida")
    const std::string_view kind = c.d.entities[ref.entities[0]].subtype;
    const bool waters = kind == "sea" || kind == "strait" || kind == "river" || kind == "lake" || kind == "canal";
    const uint32_t of = c.Cue(k, "place_kind") && c.Word(k + 1, "of") ? k + 1 : k;
    if (ref.type == EntityType::kLocation && c.Word(of, "of") && !waters) {
      int where = c.RefAt(of + 1 + (c.Word(of + 1, "the") ? 1 : 0));
      if (where >= 0 && c.TypeIn(where, kPlaces) && !c.s.refs[where].adjective)
        c.Add(static_cast<int>(r), Predicate::kLocatedIn, where, 0.65, "located.of");
    }
    // "the Chilean capital Santiago", "the Chilean capital, Santiago,",
    // "the Chilean port city of Arica", "China's far-west Xinjiang region"
    // "Lima's Miraflores district", "the city's busy port district of X":
    // a city's possessive before a place its kind word calls a part of it
    if (ref.type == EntityType::kLocation && r > 0 && !waters) {
      // ("Chile's Pacific port of Arica": past the waters it lies on)
      const bool past_waters = r > 1 && c.s.refs[r - 1].type == EntityType::kLocation && !c.s.refs[r - 1].possessive &&
                               c.s.refs[r - 2].possessive && c.s.refs[r - 2].last == c.s.refs[r - 1].first - 1;
      const size_t owner = past_waters ? r - 2 : r - 1;
      const Ref& prev = c.s.refs[owner];
      const Ref* waters_between = past_waters ? &c.s.refs[r - 1] : nullptr;
      const bool city_owner = prev.type == EntityType::kLocation && prev.possessive && !prev.resolved;
      if ((prev.type == EntityType::kCountry || city_owner) && (prev.adjective || prev.possessive) &&
          ref.first > prev.last && ref.first - prev.last <= 6) {
        bool capital = false, ok = true;
        for (uint32_t i = prev.last; i < ref.first; ++i) {
          if (waters_between && i >= waters_between->first && i < waters_between->last) continue;
          std::string_view w = c.d.Text(i);
          bool joins_name = i + 1 == ref.first && (w == "," || (c.Word(i, "of") && i > prev.last && c.Cue(i - 1, "place_kind")));
          // "Lima's busy ... district", "the Chilean border town of", "a
          // Peruvian mining town": words describing the kind of place
          bool describes = (prev.possessive && c.d.tags[i].pos == Pos::kAdjective) ||
                           (c.d.mention_at[i] < 0 && !c.d.tokens[i].cap &&
                            (c.d.tags[i].pos == Pos::kAdjective || c.d.tags[i].pos == Pos::kNoun) && i + 1 < ref.first &&
                            (c.Cue(i + 1, "place_kind") || c.Cue(i + 1, "place_word")));
          if (c.Cue(i, "capital_word") || c.Cue(i, "place_kind")) capital = true;
          else if (!(w.size() >= 2 && (w[0] == '\'' || w.rfind("\u2019", 0) == 0)) && w != "-" && !c.Cue(i, "place_word") &&
                   !joins_name && !describes)
            ok = false;
        }
        // a city's part names its kind, in the name or right after it
        bool part_kind = false;
        for (uint32_t i = ref.first; i < ref.last + 2 && i < c.s.last; ++i)
          part_kind |= c.d.Is(i, "place_kind") && !c.Word(i, "state");  // (d.Is: a kind inside the name counts)
        // (a state's site may lie abroad: "Chile's research station", "Peru's air base")
        const bool site = c.d.Is(ref.last - 1, "lower_site_head");
        if (ok && !site && (city_owner ? part_kind || capital : capital || prev.possessive)) {
          c.Add(static_cast<int>(r), Predicate::kLocatedIn, static_cast<int>(owner), 0.75, "located.country-modifier");
          // "the Chilean towns of Arica and Putre": each place of the list
          for (size_t next = r + 1; next < c.s.refs.size() && c.s.refs[next].type == EntityType::kLocation &&
                                    c.s.refs[next].first == c.s.refs[next - 1].last + 1 &&
                                    (c.Word(c.s.refs[next - 1].last, "and") || c.d.Text(c.s.refs[next - 1].last) == ",");
               ++next)
            c.Add(static_cast<int>(next), Predicate::kLocatedIn, static_cast<int>(owner), 0.7, "located.country-modifier");
        }
      }
    }
  }
}

void Relations(RuleContext& c) {
  for (uint32_t t : c.Triggers("relations")) {
    // ("may establish relations", "could establish relations if ...": not yet)
    if (c.Negated(t) || c.Modal(t) || c.Conditional(t)) continue;
    bool diplomatic = c.Cue(t - 1, "diplomatic") || (t >= 2 && c.Cue(t - 2, "diplomatic"));
    bool established = false;
    for (uint32_t i = (t > c.s.first + 6 ? t - 6 : c.s.first); i < c.s.last && i < t + 8; ++i)
      if (c.Cue(i, "establish")) established = true;
    // cutting or breaking relations is a sanction, not a relation
    bool cut = false;
    for (uint32_t i = (t > c.s.first + 4 ? t - 4 : c.s.first); i < t; ++i)
      if (c.Cue(i, "cut_verb")) cut = true;
    if (cut || !(diplomatic || established) || !(established || c.Cue(t - 1, "diplomatic"))) continue;
    if (!established && !diplomatic) continue;
    if (!established) continue;  // "diplomatic relations" alone says nothing new about them
    std::string date = c.DateNear(t);
    int a = -1, b = -1;
    auto after = c.ListAfter(t, kCountry, 4);
    if (!after.empty() && (c.Word(t + 1, "between"))) {
      if (after.size() >= 2) a = after[0], b = after[1];
      else if (c.s.refs[after[0]].entities.size() == 2) a = b = after[0];
    } else if (!after.empty() && c.Word(t + 1, "with")) {
      a = c.SubjectBefore(t, kCountry), b = after[0];
      // "relations with Georgia, Armenia and Moldova": each of the list
      if (a >= 0)
        for (int partner : c.ListFrom(after[0], kCountry))
          if (partner != after[0]) c.Add(a, Predicate::kDiplomaticRelations, partner, 0.8, "relations.explicit", date);
    } else {
      // "A and B established relations", "have Israel and the UAE normalise relations"
      int s = c.NearestBefore(t, kCountry, 6);
      if (s >= 0) {
        auto pair = c.ListBefore(c.s.refs[s].last, kCountry);
        if (pair.size() >= 2) a = pair[0], b = pair[1];
        else if (c.s.refs[s].entities.size() == 2) a = b = s;
      }
    }
    if (a < 0 || b < 0) continue;
    if (a == b) c.Add(a, Predicate::kDiplomaticRelations, a, 0.8, "relations.pair", date);
    else c.Add(a, Predicate::kDiplomaticRelations, b, 0.85, "relations.explicit", date);
  }
}

// The entity of the state whose name starts at token `first` (inside a
// longer name, where no mention of its own marks it), or -1. A capital is
// a city there ("Embassy in Lima"), not its state.
int StateNamedAt(const RuleContext& c, uint32_t first, uint32_t last) {
  std::vector<FormMatch> matches;
  std::vector<uint32_t> keys;
  std::vector<std::string_view> texts;
  for (uint32_t k = first; k < last; ++k) keys.push_back(c.d.tokens[k].key), texts.push_back(c.d.token_text[k]);
  // "the Islamic Republic of Iran": try from each word, the state's own name ends the phrase
  for (size_t skip = 0; skip < keys.size(); ++skip) {
    if (c.d.dict->LongestMatch(keys.data() + skip, texts.data() + skip, keys.size() - skip, &matches) == 0) continue;
    for (const auto& fm : matches)
      if (c.d.dict->entries()[fm.entry].kind == EntryKind::kCountry && fm.form != FormKind::kCapital)
        return c.d.EntityOfEntry(static_cast<int>(fm.entry));
    break;
  }
  return -1;
}

// The entity of the city whose name is the rest of a longer name from
// `first` ("... Embassy in Lima"), when the article names it elsewhere, or -1.
int CityNamedAt(const RuleContext& c, uint32_t first, uint32_t last) {
  std::vector<FormMatch> matches;
  std::vector<uint32_t> keys;
  std::vector<std::string_view> texts;
  for (uint32_t k = first; k < last; ++k) keys.push_back(c.d.tokens[k].key), texts.push_back(c.d.token_text[k]);
  if (keys.empty() || c.d.dict->LongestMatch(keys.data(), texts.data(), keys.size(), &matches) != keys.size()) return -1;
  for (const auto& fm : matches) {
    const DictEntry& e = c.d.dict->entries()[fm.entry];
    if (e.kind == EntryKind::kLocation && e.subtype == "city") return c.d.EntityOfEntry(static_cast<int>(fm.entry));
    if (e.kind == EntryKind::kCountry && fm.form == FormKind::kCapital)
      return c.d.EntityOfEntry(c.d.dict->Find(EntryKind::kLocation, c.d.Span(first, last)));
  }
  return -1;
}

// "the embassy was inaugurated", "the opening of the embassy": the embassy
// fact added since `before` is news of the day.
void MarkOpening(RuleContext& c, size_t before) {
  if (c.d.facts.size() > before && c.s.cues[CueClass("open_verb").id()]) c.d.facts.back().of_the_day = true;
}

void Embassies(RuleContext& c) {
  // Most sentences have neither the word nor a named embassy: skip the
  // token by token search (a ref lookup per token) for them.
  bool named = std::any_of(c.s.refs.begin(), c.s.refs.end(), [&](const Ref& r) {
    return r.type == EntityType::kOrganization && c.d.entities[r.entities[0]].subtype == "embassy";
  });
  if (!named && !c.s.cues[CueClass("embassy").id()]) return;
  for (uint32_t t = c.s.first; t < c.s.last; ++t) {
    // (a consulate is no embassy: annotators give it a place, not
    // `hasEmbassyIn`; a named one is placed below)
    bool noun = c.Cue(t, "embassy") && !c.Word(t, "mission") && !c.Word(t, "consulate") && !c.Word(t, "consulates");
    int org = -1;
    if (!noun) {
      // "Embassy of the Republic of Latvia to the Kingdom of Norway": a named embassy
      int r = c.RefAt(t);
      if (r >= 0 && c.s.refs[r].first == t && c.s.refs[r].type == EntityType::kOrganization &&
          c.d.entities[c.s.refs[r].entities[0]].subtype == "embassy")
        org = r;
      else
        continue;
    }
    if (c.Negated(t)) continue;
    std::string date = c.DateNear(t);
    int owner = -1, host = -1;
    if (org >= 0) {
      // owner and host are named inside the embassy's name: "Embassy of A
      // to|in B", "A's Embassy in B", "Chilean Embassy in Lima" (a city the
      // article names as a place of its own)
      const Ref& name = c.s.refs[org];
      int owner_entity = StateNamedAt(c, name.first, name.first + 1);
      int host_entity = -1, host_city = -1;
      for (uint32_t i = name.first; i < name.last; ++i) {
        bool of = c.Word(i, "of") && owner_entity < 0 && host_entity < 0;
        bool to = (c.Word(i, "to") || c.Word(i, "in")) && owner_entity >= 0 && host_entity < 0;
        if (!of && !to) continue;
        uint32_t at = i + 1 + (c.Word(i + 1, "the") ? 1 : 0);
        int state = StateNamedAt(c, at, name.last);
        (of ? owner_entity : host_entity) = state;
        if (to && state < 0) host_city = CityNamedAt(c, at, name.last);
      }
      if (owner_entity >= 0 && host_entity < 0 && host_city >= 0) host_entity = host_city;
      // "the Kenyan Embassy in Lima": the city right after the name (its
      // name ends before a city) and the city's state, when the text names it
      if (owner_entity >= 0 && host_entity < 0 && c.Word(name.last, "in")) {
        const int r = c.RefAt(name.last + 1 + (c.Word(name.last + 1, "the") ? 1 : 0));
        if (r >= 0 && c.TypeIn(r, kPlaces) && !c.s.refs[r].adjective) {
          host_entity = c.s.refs[r].entities[0];
          if (c.s.refs[r].type == EntityType::kLocation) host_city = host_entity;
        }
      }
      std::vector<int> hosts = {host_entity};
      if (host_entity >= 0 && host_entity == host_city)
        if (int state = c.d.EntityOfStateOf(c.d.entities[host_city].dict_entry); state >= 0) hosts.push_back(state);
      bool consulate = false;
      for (uint32_t i = name.first; i < name.last; ++i) consulate |= c.Word(i, "consulate");
      for (int host_place : hosts) {
        if (owner_entity < 0 || host_place < 0 || owner_entity == host_place) continue;
        size_t before = c.d.facts.size();
        if (!consulate) c.AddEntities(owner_entity, Predicate::kHasEmbassyIn, host_place, 0.85, "embassy.named", date);
        MarkOpening(c, before);
        c.AddEntities(name.entities[0], Predicate::kLocatedIn, host_place, 0.8, "located.embassy");
      }
      continue;
    }
    // the owner: "A's embassy", "Azerbaijani embassy", "embassy of A", "A opened its embassy"
    uint32_t k = t;
    if (k > c.s.first && (c.Word(k - 1, "first") || c.Word(k - 1, "new"))) --k;
    bool article = k > c.s.first && (c.Word(k - 1, "an") || c.Word(k - 1, "a"));
    if (k > c.s.first && (c.Word(k - 1, "its") || c.Word(k - 1, "their"))) {
      int s = c.SubjectBefore(k - 1, kCountry);
      if (s >= 0) owner = s;
    } else if ((article && k - 1 > c.s.first && c.d.Is(k - 2, "mission_verb")) ||
               ((c.d.sentences[c.s.index].title_case || c.Word(t, "embassies") || c.Word(t, "consulates")) &&
                k > c.s.first && c.d.Is(k - 1, "mission_verb"))) {
      // (a headline drops the article: "Rwanda Opens Embassy In Warsaw";
      // a plural needs none: "A operates embassies in B and C")
      // "A maintains an embassy in B": the state that keeps it
      int s = c.SubjectBefore(article ? k - 2 : k - 1, kCountry);
      if (s >= 0 && !c.s.refs[s].adjective) owner = s;
    } else {
      int before = c.NearestBefore(k, kCountry, 2);
      if (before >= 0 && (c.s.refs[before].possessive || c.s.refs[before].adjective)) owner = before;
    }
    uint32_t after = t + 1;
    if (c.Word(after, "of")) {
      auto o = c.ListAfter(after, kCountry, 2);
      if (!o.empty()) owner = o[0], after = c.s.refs[o[0]].last;
    }
    if (owner < 0 || c.Modal(t)) continue;  // "plans to open an embassy": not there yet
    // the host: the first country (else city) after "in"/"to" within the clause
    for (uint32_t i = after; i < c.s.last && i < after + 10; ++i) {
      if (!(c.Word(i, "in") || c.Word(i, "to"))) continue;
      int r = c.RefAt(i + 1 + (c.Word(i + 1, "the") ? 1 : 0));
      if (r < 0 || !c.TypeIn(r, kPlaces) || c.s.refs[r].adjective) continue;
      if (c.s.refs[r].type == EntityType::kLocation && c.d.entities[c.s.refs[r].entities[0]].subtype != "city") continue;
      host = r;
      break;
    }
    if (host < 0 || c.s.refs[host].entities == c.s.refs[owner].entities) continue;
    // "closed its embassy in X": no longer there, and a step down in relations
    bool closed = false;
    for (uint32_t i = (t > c.s.first + 4 ? t - 4 : c.s.first); i < t; ++i)
      if (c.Word(i, "closed") || c.Word(i, "close") || c.Word(i, "closes") || c.Word(i, "closing") ||
          c.Word(i, "shut") || c.Word(i, "shuttered"))
        closed = true;
    if (closed) {
      if (c.s.refs[host].type == EntityType::kCountry)
        c.Add(owner, Predicate::kSanctions, host, 0.6, "sanction.embassy-closed", date);
      continue;
    }
    size_t before = c.d.facts.size();
    // "embassies in Kigali, Dakar and Accra": every place of the list
    for (int place : c.ListFrom(host, kPlaces))
      if (c.s.refs[place].entities != c.s.refs[owner].entities && !c.s.refs[place].adjective)
        c.Add(owner, Predicate::kHasEmbassyIn, place, 0.8, "embassy.noun", date);
    MarkOpening(c, before);
  }
}

}  // namespace

void ExtractStructure(Document* doc, const SentenceView& s) {
  RuleContext c(doc, s);
  Membership(c);
  Location(c);
  Relations(c);
  Embassies(c);
}

}  // namespace irkg::internal
