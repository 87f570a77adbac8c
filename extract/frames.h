// FrameTable: the event frames of data/frames.tsv — which verbs and nouns
// state which relation, and where the relation's subject and object stand
// relative to the trigger (the clause subject, the object, the by-phrase of
// a passive, a possessor "A's visit", a prepositional phrase "talks with B").
// Also the light verbs whose object noun carries an event ("hold talks",
// "impose sanctions"), and the verbs of receipt that turn it round
// ("received a call from B"). Linguistic knowledge lives in the file; the frame pass
// (frame_rules.cpp) is the one mechanism that reads every row.
//
// Immutable after loading; safe to share between threads.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/schema.h"
#include "core/status.h"

namespace irkg {

// Where an argument of a frame comes from.
enum class Slot : unsigned char {
  kAgent,     // verb: clause subject (active) or by-phrase (passive)
  kPatient,   // verb: direct object (active) or clause subject (passive)
  kHolder,    // noun: the doer of the light verb it is the object of
  kPossessor, // noun: "A's visit", "his visit"
  kModifier,  // noun: names and demonyms before it ("Chilean strikes")
  kParticipants,  // noun: "a summit involving A, B and C", "talks attended by A and B"
  kPrep,      // a prepositional phrase after the trigger; see ArgumentSource::prep
  kClauseAgent,  // noun in a prepositional phrase: the doer of its clause's
                 // verb ("A is in Lima on a visit", "A met B during the visit")
  kClausePlace,  // noun in a prepositional phrase: the "in" place of its
                 // clause's verb ("A is in Lima on a visit" -> Lima)
  kInfinitiveObject,  // verb: the object of the infinitive completing it
                      // ("invited to join the alliance" -> the alliance)
  kEarlierMeeting,  // verb: "joined the talks", "took part in the summit":
                    // the people of the meeting an earlier sentence named
  kEarlierAct,      // "condemned the raid", "condemnation of the attack",
                    // "called the expulsions hostile": the doers of the
                    // hostile act (attacks, sanctions, threats) a recent
                    // sentence told
  kSpeaker,   // the one who says the clause the trigger is in: "A said B would
              // face consequences", "B will pay, A warned"
  kApposition,  // noun: the one a phrase in apposition describes: "A, a
                // fierce critic of B," -> A
  kCondition,  // the doer of the "if" or "unless" clause after the trigger
               // (or opening its clause): "A warned of consequences if B
               // deploys troops", "If B deploys troops, A will respond" -> B
  kCause,      // the doer of the "after" or "because" clause after the
               // trigger: "A vowed a response after B expelled its envoys" -> B
  kGoodsOrigin,  // verb: the states named before the head of its object, the
                 // goods' origin: "imported Qatari gas" -> Qatar
  kAttributed,   // noun: the one an act is laid to by a participle after it:
                 // "an attack blamed on B", "a strike claimed by B"
  kOfWhich,      // noun: the phrase an "of which" clause holding it describes:
                 // "the bloc, of which A is a member," -> the bloc
  kEnvoyState,   // verb: the states its object serves: "summoned Ambassador B
                 // of Chile", "summoned the Chilean envoy" -> Chile
  kCopulaSubject,  // noun: the subject the noun is said of by a copula:
                   // "B's bases would be legitimate targets" -> B
};

struct ArgumentSource {
  Slot slot = Slot::kAgent;
  std::string prep;  // for kPrep: "with", "to", "between"...
};

struct Frame {
  std::string lemma;
  bool noun = false;  // trigger is a noun (else a verb)
  Predicate predicate = Predicate::kMetWith;
  std::vector<ArgumentSource> subject, object;  // tried in order
  double confidence = 0.75;
  std::string needs;  // cue class that must follow the trigger in its clause, or empty
  std::string what;   // cue class giving the `what` qualifier, or empty
  std::string unless;  // cue class none of whose words may stand in the sentence, or empty
  // The three as CueClassIndex gives them (-1 when empty): the frame pass
  // tests the sentence's tokens for them at every trigger.
  int needs_cue = -1, what_cue = -1, unless_cue = -1;
  // The particle of a phrasal verb, the word right after the verb ("touch
  // down" in Lima), or empty; lower case.
  std::string particle;
  // Entity types both actors must have (bit per EntityType), or 0 for any:
  // "A and B signed the treaty" is a meeting only when A and B are people.
  unsigned actor_types = 0;
  // Entity types the object must have, or 0 for any: "A welcomed B's
  // membership" endorses a state; "A welcomed B in Lima" greets a person.
  unsigned object_types = 0;
  // The act goes both ways among those named, subjects and objects alike:
  // "A and B exchanged fire", "A's troops clashed with B's" (ANNOTATION:
  // mutual accusations give both directions).
  bool mutual = false;
  // The act only puts its doers where the clause's "in" phrase says ("A
  // said in Lima", "told reporters in Quito"): those of another state than
  // the place's visited it, as guests at a venue do (ANNOTATION: the host
  // does not travel); the doer's state must be known.
  bool venue = false;
  // The act is a meeting only with a partner the object slots name: "A said
  // at a news conference with B"; those who appear together ("A and B
  // announced it at a news conference") are paired by no such frame.
  bool partner_required = false;
  // Only when no infinitive follows the object: "A called on B" pays B a
  // visit; "A called on B to resign" is an appeal.
  bool bare_object = false;
  // The objects came to the subject ("A received B", "A hosted B"): told
  // from a dateline in the host's state with no place of its own, a guest
  // of another state visited the dateline's place.
  bool hosted = false;
  // The act is told by its doer's own side: a speaker names it, and the
  // doer is the speaker, the state the speaker serves, or unnamed ("A said
  // Chile will strike the camps in B", "A said it would hit B's bases");
  // what an observer foresees ("analysts said Chile could strike B") is no
  // promise.
  bool own_side = false;
  // A threat is about the future: "would face consequences" still counts.
  // Other frames drop modal triggers ("will meet", "plans to visit").
  bool modal_allowed = false;
  // Only in modal or conditional clauses: "would cut ties with B" threatens
  // B; "cut ties with B" is done, and a sanction.
  bool modal_required = false;
  // Holds after a verb of commitment too: "agreed to deepen cooperation".
  bool commitment_allowed = false;
  std::string rule;   // what a triple's `rule` field says: "frame:verb:meet"
  std::string origin; // "file:line"
};

// The frames of one lemma, as a verb and as a noun (FrameTable::Find of
// each; empty vectors for none).
struct LemmaFrames {
  const std::vector<const Frame*>* verb = nullptr;
  const std::vector<const Frame*>* noun = nullptr;
};

// The frames of the trigger lemmas by a number another table gives each
// lemma (the lexicon's LemmaId). Asked of every verb and noun, nearly none
// of which has a frame: a bit a number answers that from cache, and the
// numbers' slots are read only at the few trigger lemmas.
class LemmaFrameIndex {
 public:
  void Add(uint32_t lemma, LemmaFrames frames);
  const LemmaFrames* Find(uint32_t lemma) const {
    if (lemma >= has_frames_.size() || !has_frames_[lemma]) return nullptr;
    return &frames_[slot_[lemma]];
  }

 private:
  std::vector<bool> has_frames_;     // lemma -> whether it triggers a frame
  std::vector<uint32_t> slot_;       // lemma -> its place in frames_, where it has one
  std::vector<LemmaFrames> frames_;
};

class FrameTable {
 public:
  // Loads and validates frames; errors name "file:line". Cue classes named
  // by needs=/what= must exist (cue_class.h).
  Status LoadFile(const std::string& path);
  Status LoadString(std::string_view text, const std::string& name);
  // data/language/frames.tsv from the data directory the Dictionary uses.
  static Result<FrameTable> LoadDefault();

  // Frames whose trigger is `lemma` as a verb (noun=false) or noun.
  const std::vector<const Frame*>& Find(std::string_view lemma, bool noun) const;
  // Whether `lemma` triggers a verb (noun=false) or noun frame, of
  // `predicate` when one is given.
  bool Triggers(std::string_view lemma, bool noun, std::optional<Predicate> predicate = std::nullopt) const {
    for (const Frame* f : Find(lemma, noun))
      if (!predicate || f->predicate == *predicate) return true;
    return false;
  }
  bool IsLightVerb(std::string_view lemma) const { return light_.find(lemma) != light_.end(); }
  // Verbs whose subject receives the act the object noun names ("received
  // a call from B", "drew a warning from B"): the noun's doer is its "from"
  // phrase and the subject is its object.
  bool IsReceiptVerb(std::string_view lemma) const { return receipt_.find(lemma) != receipt_.end(); }
  // Verbs that list who took part: "involving", "attended by", "bringing together".
  bool IsParticipantVerb(std::string_view lemma) const { return participant_.find(lemma) != participant_.end(); }
  // Nouns whose "of" phrase lists who took part: "with the participation
  // of", "in the presence of", "under the chairmanship of".
  bool IsParticipationNoun(std::string_view lemma) const { return participation_.find(lemma) != participation_.end(); }
  size_t size() const { return frames_.size(); }
  // Every lemma that triggers a frame, verb or noun (for an index by id).
  std::vector<std::string_view> TriggerLemmas() const;

 private:
  // Looked up with the string_view of every verb and noun of every article:
  // a transparent hash, so the look-up builds no string.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  using Index = std::unordered_map<std::string, std::vector<const Frame*>, Hash, std::equal_to<>>;
  // What Find probes: every verb and noun of every article asks, and nearly
  // none has frames, so a small flat table (a cheap hash, no division, no
  // node to chase) answers for the indexes. Its views point into their
  // nodes, which neither a rehash nor a move relocates.
  struct Probe {
    uint64_t hash = 0;
    std::string_view lemma;                          // empty: a free slot
    const std::vector<const Frame*>* frames = nullptr;
  };
  static uint64_t HashLemma(std::string_view lemma);
  void Reindex();
  std::vector<std::unique_ptr<Frame>> frames_;  // boxed: the indexes point at them, and a move keeps them
  Index verbs_, nouns_;
  std::vector<Probe> probes_[2];  // [noun]: a power of two, at most half full
  std::unordered_set<std::string, Hash, std::equal_to<>> light_, receipt_, participant_, participation_;
};

}  // namespace irkg
