// The cue-word classes extraction rules name ("meet_verb", "org_head", ...),
// as small numbers. data/cues.tsv lists each class's words; a rule names a
// class by a string literal checked at compile time (a misspelt class does
// not compile), and a token's classes are a bit set looked up once.
#pragma once

#include <bitset>
#include <iterator>
#include <string_view>

namespace irkg {

inline constexpr std::string_view kCueClassNames[] = {
    "honorific",     "name_particle",   "org_head",       "org_head_of",   "agreement_head", "project_head",
    "location_head", "lower_head",      "lower_modifier", "company_head",  "media_head",     "education_head",
    "culture_head",  "government_head", "embassy_head",   "military_head", "meet_verb",      "meet_noun",
    "visit_verb",    "visit_noun",      "sign_verb",      "coop",          "support",        "criticize",
    "concern",       "hostile_word",    "threaten",       "sanction",      "cut_verb",       "attack", "weapon",
    "supply",        "supply_goods",    "member",         "part_of",       "embassy",        "relations",
    "diplomatic",    "establish",       "open_verb",      "negation",      "modal",          "threat_modal",
    "speech",        "group_pair",      "group_det",      "role_noun",     "counterpart",    "pronoun_he",
    "pronoun_they",  "possessive_pron", "office_domain", "common_noun", "state_form", "title_modifier", "capital_word",  "location_prep",  "clause_break",
    "sentence_word", "weekday",         "month",          "abbreviation",  "threat_consequence", "state_proxy", "gathering", "place_word",
    "envoy", "joint_work", "commit_verb", "body_word", "same_side", "place_kind", "facing_verb", "place_part", "together",
    "event_measure", "stop_verb", "body_members", "joint_document", "mission_verb", "topic_noun", "hit_prep",
    "time_noun", "armed_force", "plan_document", "call_off", "conveyance", "ceremony_object", "company_kind", "media_kind", "countermeasure", "courtesy", "non_grata", "stance_particle", "stance_verb", "stance_at", "befall_verb", "naming_verb", "depart_verb", "travel_link", "hostile_verb", "lower_place_head", "directive_verb", "retaliation_word", "appoint_verb", "attribution_verb", "lead_body_verb", "asset_word", "import_word", "handshake", "denial_verb", "accusation_word", "deed_noun", "apart_word", "credential_word", "lower_site_head", "legitimate_word", "litotes_verb", "role_modifier", "rank_word", "stance_adverb", "view_word", "blacklist_word", "seat_word", "risk_word", "decision_noun", "compliance_verb", "topic_prep", "court_word", "deadline_word", "jointly_word", "speaker_title", "notice_word", "terror_word", "reconsider_word", "state_body_head", "mission_head", "people_plural", "measure_noun", "unsigned_word", "word_given_name", "state_form_alone", "floating_quantifier",
};
inline constexpr int kCueClassCount = static_cast<int>(std::size(kCueClassNames));

constexpr int CueClassIndex(std::string_view name) {
  for (int i = 0; i < kCueClassCount; ++i)
    if (kCueClassNames[i] == name) return i;
  return -1;
}

class CueClass {
 public:
  // Only from a literal naming a known class: CueClass("meet_verb").
  consteval CueClass(const char* name) : id_(CueClassIndex(name)) {
    if (id_ < 0) throw "unknown cue class";
  }
  int id() const { return id_; }

 private:
  int id_;
};

using CueMask = std::bitset<kCueClassCount>;

}  // namespace irkg
