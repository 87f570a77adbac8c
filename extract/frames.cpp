#include "extract/frames.h"

#include <filesystem>

#include "core/text.h"
#include "extract/cue_class.h"
#include "extract/dictionary.h"

namespace irkg {
namespace {

bool KnownCueClass(std::string_view name) { return CueClassIndex(name) >= 0; }

// "agent", "holder", "with", ... -> an ArgumentSource; false when unknown.
bool ParseSource(std::string_view word, bool noun, ArgumentSource* out) {
  struct Named {
    std::string_view name;
    Slot slot;
    bool for_verbs, for_nouns;
  };
  static constexpr Named kSlots[] = {
      {"agent", Slot::kAgent, true, false},         {"patient", Slot::kPatient, true, false},
      {"holder", Slot::kHolder, false, true},       {"poss", Slot::kPossessor, false, true},
      {"mod", Slot::kModifier, false, true},        {"participants", Slot::kParticipants, false, true},
      {"speaker", Slot::kSpeaker, true, true},          {"earlier_meeting", Slot::kEarlierMeeting, true, false},
      {"earlier_act", Slot::kEarlierAct, true, true},          {"inf_object", Slot::kInfinitiveObject, true, true},
      {"clause_agent", Slot::kClauseAgent, false, true}, {"clause_in", Slot::kClausePlace, false, true},
      {"condition", Slot::kCondition, true, true},       {"appos", Slot::kApposition, false, true},
      {"goods_origin", Slot::kGoodsOrigin, true, false}, {"attributed", Slot::kAttributed, false, true},
      {"of_which", Slot::kOfWhich, false, true},     {"envoy_state", Slot::kEnvoyState, true, false},
      {"copula_subject", Slot::kCopulaSubject, false, true}, {"cause", Slot::kCause, true, false},
  };
  static constexpr std::string_view kPreps[] = {"with", "to", "against", "on", "in", "at", "between", "by",
                                                "of", "for", "from", "over", "into", "toward", "upon", "among", "behind", "alongside", "after", "inside", "near", "within", "under"};
  for (const auto& s : kSlots)
    if (s.name == word) {
      if (noun ? !s.for_nouns : !s.for_verbs) return false;
      out->slot = s.slot;
      return true;
    }
  for (std::string_view p : kPreps)
    if (p == word) {
      out->slot = Slot::kPrep;
      out->prep = std::string(p);
      return true;
    }
  return false;
}

}  // namespace

Status FrameTable::LoadString(std::string_view text, const std::string& name) {
  size_t line_no = 0;
  for (std::string_view line : Split(text, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    std::string where = name + ":" + std::to_string(line_no);
    if (FindInvalidUtf8(line) != std::string_view::npos) return Status::InvalidInput(where + ": invalid UTF-8");
    std::vector<std::string_view> cols = Split(line, '\t');
    if (cols.size() < 2 || cols[1].empty())
      return Status::InvalidInput(where + ": expected KIND<TAB>LEMMA[<TAB>key=value...]");
    std::string lemma(cols[1]);
    for (char c : lemma)
      if (c >= 'A' && c <= 'Z') return Status::InvalidInput(where + ": lemma \"" + lemma + "\" must be lower case");
    if (auto* words = cols[0] == "light"           ? &light_
                      : cols[0] == "receipt"       ? &receipt_
                      : cols[0] == "participants"  ? &participant_
                      : cols[0] == "participation" ? &participation_
                                                   : nullptr) {
      if (cols.size() > 2) return Status::InvalidInput(where + ": a " + std::string(cols[0]) + " row takes no keys");
      // a second row would be silently void: the data file says one thing once
      if (!words->insert(lemma).second)
        return Status::InvalidInput(where + ": " + std::string(cols[0]) + " \"" + lemma + "\" is listed twice");
      continue;
    }
    if (cols[0] != "verb" && cols[0] != "noun")
      return Status::InvalidInput(where + ": unknown kind \"" + std::string(cols[0]) +
                                  "\" (verb, noun, light, receipt, participants, participation)");
    Frame f;
    f.lemma = lemma;
    f.noun = cols[0] == "noun";
    f.origin = where;
    f.rule = "frame:" + std::string(cols[0]) + ":" + (lemma == "*" ? std::string("any") : lemma);
    bool has_predicate = false;
    for (size_t i = 2; i < cols.size(); ++i) {
      size_t eq = cols[i].find('=');
      if (eq == std::string_view::npos || eq == 0 || eq + 1 == cols[i].size())
        return Status::InvalidInput(where + ": column " + std::to_string(i + 1) + " is not key=value");
      std::string_view key = cols[i].substr(0, eq), value = cols[i].substr(eq + 1);
      if (key == "predicate") {
        auto p = ParsePredicate(value);
        if (!p) return Status::InvalidInput(where + ": unknown predicate \"" + std::string(value) + "\"");
        f.predicate = *p;
        has_predicate = true;
      } else if (key == "subject" || key == "object") {
        auto& sources = key == "subject" ? f.subject : f.object;
        for (std::string_view word : Split(value, '|')) {
          ArgumentSource src;
          if (!ParseSource(word, f.noun, &src))
            return Status::InvalidInput(where + ": \"" + std::string(word) + "\" is not a slot of a " +
                                        std::string(cols[0]) + " frame (see the file's header)");
          sources.push_back(std::move(src));
        }
      } else if (key == "confidence") {
        char* end = nullptr;
        std::string v(value);
        double c = std::strtod(v.c_str(), &end);
        if (end != v.c_str() + v.size() || !(c > 0 && c <= 1))
          return Status::InvalidInput(where + ": confidence must be a number in (0, 1]");
        f.confidence = c;
      } else if (key == "needs" || key == "what" || key == "unless") {
        if (!KnownCueClass(value))
          return Status::InvalidInput(where + ": \"" + std::string(value) + "\" is not a cue class of data/cues.tsv");
        (key == "needs" ? f.needs : key == "what" ? f.what : f.unless) = std::string(value);
        (key == "needs" ? f.needs_cue : key == "what" ? f.what_cue : f.unless_cue) = CueClassIndex(value);
      } else if (key == "particle") {
        if (f.noun) return Status::InvalidInput(where + ": particle= belongs to verb frames");
        for (char c : value)
          if (!(c >= 'a' && c <= 'z')) return Status::InvalidInput(where + ": particle= takes one lower-case word");
        f.particle = std::string(value);
      } else if (key == "modal") {
        if (value != "allowed" && value != "required" && value != "committed")
          return Status::InvalidInput(where + ": modal= takes \"allowed\", \"required\" or \"committed\"");
        f.modal_allowed = value != "committed";
        f.modal_required = value == "required";
        f.commitment_allowed = true;
      } else if (key == "mutual" || key == "venue" || key == "partner" || key == "bare" || key == "hosted" ||
                 key == "own") {
        if (value != "yes") return Status::InvalidInput(where + ": " + std::string(key) + "= takes \"yes\"");
        (key == "mutual"    ? f.mutual
         : key == "venue"   ? f.venue
         : key == "partner" ? f.partner_required
         : key == "bare"    ? f.bare_object
         : key == "own"     ? f.own_side
                            : f.hosted) = true;
      } else if (key == "actors" || key == "objects") {
        unsigned& types = key == "actors" ? f.actor_types : f.object_types;
        for (std::string_view type : Split(value, '|')) {
          auto t = ParseEntityType(type);
          if (!t) return Status::InvalidInput(where + ": \"" + std::string(type) + "\" is not an entity type of SCHEMA.md");
          types |= TypeBit(*t);
        }
      } else {
        return Status::InvalidInput(where + ": unknown key \"" + std::string(key) + "\"");
      }
    }
    if (!has_predicate) return Status::InvalidInput(where + ": missing predicate=");
    // a row for every verb with no cue to ask for would read any clause
    if (lemma == "*" && (f.noun || f.needs.empty()))
      return Status::InvalidInput(where + ": the lemma * is for verb rows with needs=");
    if (f.subject.empty() || f.object.empty()) return Status::InvalidInput(where + ": missing subject= or object=");
    frames_.push_back(std::make_unique<Frame>(std::move(f)));
  }
  Reindex();
  return Status::Ok();
}

Status FrameTable::LoadFile(const std::string& path) {
  Result<std::string> text = ReadDataFile(path, "frames");
  if (!text.ok()) return text.status();
  return LoadString(*text, path);
}

Result<FrameTable> FrameTable::LoadDefault() {
  Result<std::string> dir = FindDataDirectory();
  if (!dir.ok()) return dir.status();
  FrameTable table;
  Status s = table.LoadFile((std::filesystem::path(*dir) / "language" / "frames.tsv").string());
  if (!s.ok()) return s;
  return table;
}

uint64_t FrameTable::HashLemma(std::string_view lemma) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a: lemmas are short
  for (unsigned char c : lemma) h = (h ^ c) * 1099511628211ull;
  return h ^ (h >> 31);
}

void FrameTable::Reindex() {
  verbs_.clear();
  nouns_.clear();
  for (const auto& f : frames_) (f->noun ? nouns_ : verbs_)[f->lemma].push_back(f.get());
  for (int noun = 0; noun < 2; ++noun) {
    const Index& index = noun ? nouns_ : verbs_;
    std::vector<Probe>& probes = probes_[noun];
    size_t size = 16;
    while (size < 2 * index.size()) size *= 2;
    probes.assign(size, Probe{});
    for (const auto& [lemma, frames] : index) {
      uint64_t h = HashLemma(lemma);
      size_t i = h & (size - 1);
      while (probes[i].frames) i = (i + 1) & (size - 1);
      probes[i] = Probe{h, lemma, &frames};
    }
  }
}

const std::vector<const Frame*>& FrameTable::Find(std::string_view lemma, bool noun) const {
  static const std::vector<const Frame*> kNone;
  const std::vector<Probe>& probes = probes_[noun];
  if (probes.empty()) return kNone;
  uint64_t h = HashLemma(lemma);
  size_t mask = probes.size() - 1;
  for (size_t i = h & mask; probes[i].frames; i = (i + 1) & mask)
    if (probes[i].hash == h && probes[i].lemma == lemma) return *probes[i].frames;
  return kNone;
}

void LemmaFrameIndex::Add(uint32_t lemma, LemmaFrames frames) {
  if (lemma >= has_frames_.size()) {
    has_frames_.resize(lemma + 1, false);
    slot_.resize(lemma + 1, 0);
  }
  if (!has_frames_[lemma]) {
    has_frames_[lemma] = true;
    slot_[lemma] = static_cast<uint32_t>(frames_.size());
    frames_.emplace_back();
  }
  frames_[slot_[lemma]] = frames;
}

std::vector<std::string_view> FrameTable::TriggerLemmas() const {
  std::vector<std::string_view> out;
  for (const Index* index : {&verbs_, &nouns_})
    for (const auto& entry : *index) out.push_back(entry.first);
  return out;
}

}  // namespace irkg
