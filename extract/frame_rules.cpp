// The frame pass: the rows of data/language/frames.tsv matched in one
// sentence.
//
// Reads: chunks, tags, the sentence's resolved refs, doc->frames.
// Adds:  doc->facts.
//
// Every verb group whose main verb, and every noun outside a name whose
// lemma has frames, is a trigger. A frame takes its subject and its object
// from the first of its slots that names an actor (ArgumentFinder). Then,
// once for all frames:
//   polarity  "did not meet", "refused to sign", "no talks" give nothing;
//   modality  "will visit", "plans to sign", "the upcoming talks", "if they
//             attack" give nothing, except to frames marked modal=allowed
//             (threats: "B would face consequences");
//   pairs     a symmetric predicate with a list and no object pairs the
//             list: "A, B and C met" and "talks between A, B and C" give
//             every pair, except two people of one state (one delegation);
//   venues    a meeting "in X" was a visit to X by those who came from
//             another state (the host did not travel);
//   dates     the date the text gives near the trigger (an undated
//             meeting is dated with the article's day when the facts are
//             merged, Extractor::Extract).
#include <algorithm>
#include <optional>

#include "extract/arguments.h"
#include "extract/rule_context.h"

namespace irkg::internal {
namespace {

class FramePass {
 public:
  FramePass(Document* doc, const SentenceView& s) : d_(*doc), s_(s), rules_(doc, s), args_(*doc, s) {}

  void Run() {
    if (!d_.frames || d_.tags.empty()) return;
    for (uint32_t ch = args_.first_chunk(); ch < args_.last_chunk(); ++ch) {
      const Chunk& chunk = d_.chunks[ch];
      if (chunk.kind == ChunkKind::kVerb) {
        // (an auxiliary heading its group is its main verb: the copula of
        // "A was in Lima", a frame of "be" like any other verb's)
        if (d_.tags[chunk.head].pos == Pos::kVerb || d_.tags[chunk.head].pos == Pos::kAuxiliary) Trigger(ch, chunk.head, false);
      } else if (chunk.kind == ChunkKind::kNoun) {
        // (a capitalized event noun outside any name is one too: "the
        // Summit was attended by", "the Extraordinary Summit, held in Lima")
        for (uint32_t t = chunk.first; t < chunk.last; ++t)
          if (d_.mention_at[t] < 0 && (d_.tags[t].pos == Pos::kNoun || (d_.tags[t].pos == Pos::kProperNoun && d_.tags[t].lemma)))
            Trigger(ch, t, true);
        OwnedAgreement(ch);
        RememberVenue(ch);
      }
    }
  }

 private:
  Document& d_;
  const SentenceView& s_;
  RuleContext rules_;
  ArgumentFinder args_;
  std::string lower_;
  const std::vector<const Frame*> frames_of_no_lemma_;
  const std::vector<const Frame*>& frames_of_any_verb_ = d_.frames ? d_.frames->Find("*", false) : frames_of_no_lemma_;

  // The trigger's lemma: the lexicon's, else the word in lower case
  // ("airstrikes" is no WordNet word; its plural is undone by hand).
  std::string_view Lemma(uint32_t tok, bool noun) {
    if (d_.lexicon && d_.tags[tok].lemma) return d_.lexicon->LemmaText(d_.tags[tok].lemma);
    lower_.clear();
    for (char c : d_.Text(tok)) lower_.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    if (noun && lower_.size() > 3 && lower_.back() == 's' && d_.frames->Find(lower_, true).empty()) lower_.pop_back();
    return lower_;
  }

  // Negated: "did not meet", "refused to sign", "no talks".
  bool Denied(uint32_t chunk, uint32_t tok, bool noun) const {
    if (rules_.Negated(tok)) return true;
    if (!noun) return d_.chunks[chunk].negated;
    int verb = args_.Governor(chunk);
    if (verb >= 0 && d_.chunks[verb].negated) return true;
    // "postponed the visit", "the meeting was cancelled", "called off the
    // talks" (the particle between the verb and its object): called off
    int phrasal = chunk >= args_.first_chunk() + 2 && IsChunk(chunk - 1, ChunkKind::kPreposition) &&
                          IsChunk(chunk - 2, ChunkKind::kVerb)
                      ? static_cast<int>(chunk - 2)
                      : -1;
    for (int v : {verb, args_.PredicateOf(chunk), phrasal})
      if (v >= 0 && CalledOff(static_cast<uint32_t>(v))) return true;
    return false;
  }

  // A verb group that calls an event off: its verb ("cancelled"), or a
  // phrasal one with its particle ("called off").
  bool CalledOff(uint32_t verb) const {
    const Chunk& v = d_.chunks[verb];
    return d_.Is(v.head, "call_off") || (v.last < s_.last && d_.Is(v.last, "call_off"));
  }

  // "ended its cooperation with B", "halted gas supplies to B": a stance
  // or a flow the verb governing the noun stops no longer holds. Events are
  // told by such verbs too ("the talks ended"): meetings, visits,
  // signings and attacks keep theirs (PredicateInfo::standing); a measure
  // in force is stopped like a stance ("lifted its ban on B", "ended its
  // sanctions against B"; cue class measure_noun).
  bool Stopped(uint32_t chunk, uint32_t tok, bool noun, Predicate p) const {
    if (!noun || (!Info(p).standing && !d_.Is(tok, "measure_noun"))) return false;
    // "ended its cooperation", "the friendship between A and B ended" (not
    // "the blockade cut fuel supplies": the phrase's own verb stops it only
    // when the verb has no object)
    if (int verb = args_.Governor(chunk); verb >= 0 && d_.Is(d_.chunks[verb].head, "stop_verb")) return true;
    if (int verb = args_.PredicateOf(chunk);
        verb >= 0 && d_.Is(d_.chunks[verb].head, "stop_verb") && !IsChunk(static_cast<uint32_t>(verb) + 1, ChunkKind::kNoun))
      return true;
    return rules_.Stopped(tok);
  }

  // Modal or conditional: the event has not (yet) happened. Threat frames
  // take these (modal=allowed): a threat is about what would happen.
  bool Hypothetical(uint32_t chunk, uint32_t tok, bool noun) {
    const Chunk& c = d_.chunks[chunk];
    // "A flew to Lima to meet B": a journey made for the event happened as
    // surely as the journey did
    if (!noun && c.infinitive)
      if (int journey = args_.PurposeGovernor(chunk); journey >= 0 && IsJourney(static_cast<uint32_t>(journey)))
        return Hypothetical(static_cast<uint32_t>(journey), d_.chunks[journey].head, false);
    // "A became the first state to sign the charter": a rank told of a
    // deed is as real as the clause telling it
    if (!noun && c.infinitive && chunk > args_.first_chunk() + 1 && IsChunk(chunk - 1, ChunkKind::kNoun) &&
        IsChunk(chunk - 2, ChunkKind::kVerb)) {
      const Chunk& rank = d_.chunks[chunk - 1];
      bool ordinal = false;
      for (uint32_t t = rank.first; t < rank.last; ++t) ordinal |= d_.Is(t, "rank_word");
      if (ordinal) return Hypothetical(chunk - 2, d_.chunks[chunk - 2].head, false);
    }
    // "Chile's decision to expel B": an act decided is told as taken
    if (!noun && !args_.Decider(chunk).empty()) return false;
    if (rules_.Modal(tok)) return true;
    if (!noun && c.modal && !c.infinitive) return true;
    // "the accord, to be signed by A in May,", "the treaty to be ratified
    // by B": an infinitive describing a noun tells what is still ahead
    if (!noun && c.infinitive && chunk > args_.first_chunk() &&
        (d_.chunks[chunk - 1].kind == ChunkKind::kComma || (c.passive && d_.chunks[chunk - 1].kind == ChunkKind::kNoun)))
      return true;
    if (noun) {
      int verb = args_.Governor(chunk);
      if (verb >= 0 && d_.chunks[verb].modal) return true;
      // "is due to hold talks", "plans to co-chair consultations": the
      // infinitive that carries the noun is still ahead
      if (verb >= 0 && d_.chunks[verb].infinitive && rules_.Modal(d_.chunks[verb].head)) return true;
      // "A will arrive in X on a visit", "A will be in X at the invitation
      // of B": the clause the noun's phrase belongs to is ahead too
      verb = args_.ClauseVerb(chunk);
      if (verb >= 0 && d_.chunks[verb].modal) return true;
    }
    // "if A attacks B", "unless they sign": a condition, not an event
    return rules_.Conditional(tok);
  }

  // "A is travelling to X", "A is heading to X": a journey toward a place,
  // told in the present progressive, has not arrived ("A is visiting X"
  // is there: only frames whose place is a `to` phrase are on the way).
  bool UnderWay(uint32_t chunk, const Frame& f) const {
    if (f.predicate != Predicate::kVisited || f.object.empty() || f.object[0].slot != Slot::kPrep) return false;
    const std::string& prep = f.object[0].prep;
    if (prep != "to" && prep != "toward" && prep != "into") return false;
    const Chunk& c = d_.chunks[chunk];
    if (d_.tags[c.head].form != VerbForm::kGerund) return false;
    for (uint32_t t = c.first; t < c.head; ++t)
      if (d_.IsWord(t, "is") || d_.IsWord(t, "are") || d_.IsWord(t, "am") || d_.IsWord(t, "'s") || d_.IsWord(t, "'re"))
        return true;
    return false;
  }

  // A verb group whose verb has a `visited` frame: a journey (not the
  // copula: "A is in Lima" is somewhere, and "is willing to work with B"
  // no journey made for the work).
  bool IsJourney(uint32_t verb) {
    const uint32_t head = d_.chunks[verb].head;
    return d_.tags[head].pos == Pos::kVerb && d_.frames->Triggers(Lemma(head, false), false, Predicate::kVisited);
  }

  // "agreed to deepen cooperation", "pledged to boost ties": the only
  // modality is an infinitive after a verb of commitment.
  bool Committed(uint32_t chunk, bool noun) const {
    int inf = noun ? args_.Governor(chunk) : static_cast<int>(chunk);
    if (inf < 0 || !d_.chunks[inf].infinitive || inf == 0) return false;
    const Chunk& before = d_.chunks[inf - 1];
    if (before.kind != ChunkKind::kVerb || before.modal || before.negated) return false;
    for (uint32_t t = before.first; t < before.last; ++t)
      if (d_.Is(t, "modal")) return false;
    return d_.Is(before.head, "commit_verb");
  }

  Actors Source(uint32_t chunk, uint32_t tok, const ArgumentSource& src, bool noun) const {
    switch (src.slot) {
      case Slot::kAgent: return args_.Agent(chunk);
      case Slot::kPatient: return args_.Patient(chunk);
      case Slot::kHolder: return args_.Holder(chunk);
      case Slot::kPossessor: return args_.Possessor(chunk);
      case Slot::kModifier: return args_.Modifiers(chunk, tok);
      case Slot::kParticipants: return args_.Participants(chunk);
      case Slot::kAttributed: return args_.Attributed(chunk);
      case Slot::kOfWhich: return args_.OfWhich(chunk);
      case Slot::kEnvoyState: return args_.EnvoyStates(chunk);
      case Slot::kCopulaSubject: return args_.CopulaSubject(chunk);
      case Slot::kPrep: {
        Actors at = args_.PrepAfter(noun ? d_.chunk_of[d_.chunks[chunk].last - 1] : chunk, src.prep, !noun);
        // "the sanctions that A imposed in April on B": the phrases of the
        // relative clause's light verb are the noun's own
        if (noun && at.empty())
          if (int verb = args_.RelativeLightVerb(chunk); verb >= 0)
            at = args_.PrepAfter(static_cast<uint32_t>(verb), src.prep, true);
        return at;
      }
      case Slot::kSpeaker: return args_.Speaker(chunk);
      case Slot::kCondition: return args_.ConditionAgent(noun ? d_.chunk_of[d_.chunks[chunk].last - 1] : chunk);
      case Slot::kCause: return args_.CauseAgent(chunk);
      case Slot::kApposition: return args_.Apposed(chunk);
      case Slot::kGoodsOrigin: return args_.GoodsOrigin(chunk);
      case Slot::kInfinitiveObject: return args_.InfinitiveObject(chunk);
      case Slot::kEarlierMeeting: return EarlierMeeting(chunk);
      case Slot::kEarlierAct: return EarlierAct(chunk, noun);
      case Slot::kClauseAgent: {
        int verb = args_.ClauseVerb(chunk);
        return verb < 0 ? Actors{} : args_.Agent(static_cast<uint32_t>(verb));
      }
      case Slot::kClausePlace: {
        int verb = args_.ClauseVerb(chunk);
        return verb < 0 ? Actors{} : args_.PrepAfter(static_cast<uint32_t>(verb), "in", true);
      }
    }
    return {};
  }

  // "B took part in the talks", "B joined the summit": a gathering named
  // with "the" and no people of its own is the latest meeting read.
  Actors EarlierMeeting(uint32_t verb) const {
    if (d_.gathering.people.empty()) return {};
    uint32_t c = verb + 1;
    // "took part in the talks"
    if (c < args_.last_chunk() && d_.chunks[c].kind == ChunkKind::kNoun && d_.IsWord(d_.chunks[c].head, "part")) ++c;
    if (c < args_.last_chunk() && d_.chunks[c].kind == ChunkKind::kPreposition) ++c;
    if (c >= args_.last_chunk() || d_.chunks[c].kind != ChunkKind::kNoun) return {};
    const Chunk& np = d_.chunks[c];
    if (!d_.IsWord(np.first, "the") || !d_.Is(np.head, "gathering")) return {};
    for (const Ref& r : s_.refs)
      if (r.first >= np.first && r.last <= np.last) return {};  // "the Lima talks" names its own
    Actors out;
    for (int person : d_.gathering.people) {
      Ref r;
      r.first = np.first, r.last = np.last, r.type = EntityType::kPerson, r.resolved = true;
      r.entities = {person};
      out.push_back(r);
    }
    return out;
  }

  // "B struck Lima. Chile condemned the raid", "... voiced its condemnation
  // of the attacks", "called the expulsions a hostile step", "condemned
  // the sanctions": a hostile act (attacks, sanctions, threats) named with
  // "the" (or "this", "these"), with no actor of its own, and read in the
  // last few sentences is the one read last; its doers are the ones meant.
  Actors EarlierAct(uint32_t trigger_chunk, bool noun) const {
    uint32_t c = trigger_chunk + 1;
    if (noun) {  // "condemnation of the attack"
      if (c >= args_.last_chunk() || d_.chunks[c].kind != ChunkKind::kPreposition || !d_.IsWord(d_.chunks[c].first, "of"))
        return {};
      ++c;
    }
    if (c >= args_.last_chunk() || d_.chunks[c].kind != ChunkKind::kNoun) return {};
    const Chunk& np = d_.chunks[c];
    if (!(d_.IsWord(np.first, "the") || d_.IsWord(np.first, "this") || d_.IsWord(np.first, "these"))) return {};
    for (const Ref& r : s_.refs)
      if (r.first >= np.first && r.last <= np.last) return {};  // "the Chilean raid" names its own
    for (size_t i = 0; i < std::size(Document::kRememberedActs); ++i) {
      const Predicate p = Document::kRememberedActs[i];
      if (!d_.LemmaTriggers(d_.tags[np.head].lemma, true, p)) continue;
      const Document::LastAct& last = d_.last_acts[i];
      if (last.doers.empty() || s_.index > last.sentence + kActSentences) continue;
      // "the attack by B" names its own doer; "the attack on X" is that act
      // only when X is what it hit or lies in it
      if (c + 1 < args_.last_chunk() && d_.chunks[c + 1].kind == ChunkKind::kPreposition) {
        const uint32_t prep = d_.chunks[c + 1].first;
        if (d_.IsWord(prep, "by")) return {};
        if (d_.IsWord(prep, "on") || d_.IsWord(prep, "against"))
          for (const Ref& target : args_.PrepAfter(c, d_.IsWord(prep, "on") ? LowerWord("on") : LowerWord("against"), false))
            for (int e : target.entities)
              if (std::find(last.targets.begin(), last.targets.end(), e) == last.targets.end() &&
                  std::find(last.targets.begin(), last.targets.end(), StateOf(e)) == last.targets.end())
                return {};
      }
      Actors out;
      for (int doer : last.doers) out.push_back(ReadBack(doer, np.head));
      // (an act done together: its partners did it as much as its doers)
      if (Info(p).symmetric)
        for (int partner : last.targets)
          if (std::find(last.doers.begin(), last.doers.end(), partner) == last.doers.end()) out.push_back(ReadBack(partner, np.head));
      // (an act of this very sentence may be the condemner's own reply:
      // the doers of the one before are meant too)
      if (last.sentence == s_.index && s_.index <= last.sentence_before + kActSentences)
        for (int doer : last.doers_before) out.push_back(ReadBack(doer, np.head));
      return out;
    }
    return {};
  }

  Actors FirstOf(uint32_t chunk, uint32_t tok, const std::vector<ArgumentSource>& sources, bool noun) const {
    for (const auto& src : sources) {
      Actors a = Source(chunk, tok, src, noun);
      if (!a.empty()) return a;
    }
    return {};
  }

  static Actors OfTypes(Actors actors, unsigned types) {
    if (types == 0) return actors;
    std::erase_if(actors, [&](const Ref& r) { return !(types & TypeBit(r.type)); });
    return actors;
  }
  static bool SameList(const Actors& a, const Actors& b) {
    if (a.empty() || a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
      if (a[i].first != b[i].first || a[i].last != b[i].last) return false;
    return true;
  }

  // The first word of cue class `id` after the trigger in its sentence, or 0.
  uint32_t CueAfter(uint32_t tok, int id) const {
    if (!s_.cues[id]) return 0;
    for (uint32_t i = tok + 1; i < s_.last; ++i)
      if (d_.token_cues[i][id] && d_.mention_at[i] < 0) return i;
    return 0;
  }
  // Whether an infinitive follows the phrase of `r`: "called on B [to resign]".
  bool InfinitiveAfter(const Ref& r) const {
    const uint32_t next = d_.chunk_of[r.last - 1] + 1;
    return next < args_.last_chunk() && d_.chunks[next].kind == ChunkKind::kVerb && d_.chunks[next].infinitive;
  }

  // Whether a frame of the list may hold in this sentence: one whose needs=
  // cue class no word of the sentence has never does (CueInSentence).
  bool MayHold(const std::vector<const Frame*>& list) const {
    return std::any_of(list.begin(), list.end(), [&](const Frame* f) { return f->needs_cue < 0 || s_.cues[f->needs_cue]; });
  }

  // Whether a word of cue class `id` stands in the sentence besides the
  // trigger: not inside a name ("the Joint Commission" is no joint work),
  // but as the head of a document's ("signed a security pact", "the
  // Policing Compact").
  bool CueInSentence(uint32_t tok, int id) const {
    if (!s_.cues[id]) return false;
    const bool joint_work = id == CueClass("joint_work").id();
    auto outside_names = [&](uint32_t i) {
      if (d_.mention_at[i] < 0) return true;
      const Mention& m = d_.mentions[d_.mention_at[i]];
      return m.type == EntityType::kAgreement && i + 1 == m.last;
    };
    for (uint32_t i = s_.first; i < s_.last; ++i) {
      if (i == tok || !d_.token_cues[i][id] || !outside_names(i)) continue;
      // "signed a joint communique": a document issued together, no work done together
      if (joint_work && i + 1 < s_.last && d_.Is(i + 1, "joint_document")) continue;
      return true;
    }
    return false;
  }

  void Trigger(uint32_t chunk, uint32_t tok, bool noun) {
    // by the lexicon's id when the word has one (the lemma's text is what
    // Lemma() returns for it), else by the word's own text
    const LemmaId lemma = d_.lexicon ? d_.tags[tok].lemma : 0;
    const auto& frames = lemma ? d_.FramesOf(lemma, noun) : d_.frames->Find(Lemma(tok, noun), noun);
    // "verb *" rows hold of every verb ("tabled jointly by A and B")
    const auto& any_verb = noun ? frames_of_no_lemma_ : frames_of_any_verb_;
    // (every verb has the "verb *" rows, whose needs= cue class few
    // sentences hold: the clause is read for polarity and modality only
    // where a frame may hold)
    if ((!MayHold(frames) && !MayHold(any_verb)) || Denied(chunk, tok, noun)) return;
    const bool hypothetical = Hypothetical(chunk, tok, noun);
    const bool committed = hypothetical && Committed(chunk, noun);
    // "called on B to respond to the offer", "urged B to retaliate": an act
    // asked of another is no promise of the speaker's, though as ahead as
    // one (the frames that need modality are promises: threats)
    const bool requested = !noun && d_.chunks[chunk].infinitive && rules_.DirectiveBefore(d_.chunks[chunk].first);
    for (const auto* list : {&frames, &any_verb}) {
      for (const Frame* f : *list) {
        if (hypothetical ? !(f->modal_allowed || (committed && f->commitment_allowed)) : f->modal_required) continue;
        if (f->modal_required && requested) continue;
        if (f->own_side && !OwnSide(chunk, noun)) continue;
        if (f->needs_cue >= 0 && !CueInSentence(tok, f->needs_cue)) continue;
        if (f->unless_cue >= 0 && CueInSentence(tok, f->unless_cue)) continue;
        if (!f->particle.empty() && !(tok + 1 < s_.last && d_.IsWord(tok + 1, f->particle))) continue;
        if (Stopped(chunk, tok, noun, f->predicate)) continue;
        if (!noun && UnderWay(chunk, *f)) continue;
        // (the objects first: most rows give nothing without one, and the
        // subject is the dearer walk)
        Actors objects;
        if (ReadsObjects(*f)) {
          objects = OfTypes(OfTypes(FirstOf(chunk, tok, f->object, noun), f->actor_types), f->object_types);
          // "A received a call from B": what B did, done to A (the holder, B,
          // is the one it came from)
          if (noun && objects.empty()) objects = OfTypes(OfTypes(args_.Recipient(chunk), f->actor_types), f->object_types);
          if (objects.empty() && NeedsObject(*f)) continue;
        }
        Actors subjects = OfTypes(FirstOf(chunk, tok, f->subject, noun), f->actor_types);
        // "talks between A, B and C": subject and object are one list
        if (SameList(subjects, objects)) objects.clear();
        if (f->bare_object && !objects.empty() && InfinitiveAfter(objects.back())) continue;
        // no one named on either side: nothing to give, but that a signing
        // (a verb's) may join the gathering being told, or name its place
        if (subjects.empty() && objects.empty() && !(f->predicate == Predicate::kSigned && !noun)) continue;
        std::string what;
        if (f->what_cue >= 0)
          if (uint32_t w = CueAfter(tok, f->what_cue)) what = d_.QualifierWord(w);
        std::string date = rules_.DateNear(tok, !Info(f->predicate).standing);
        // "B signed on behalf of Peru", "C signed as a witness": a signing
        // with no object of its own, in a signing being told, signs what
        // was signed there
        const bool signs_gathering = f->predicate == Predicate::kSigned && !noun && objects.empty() &&
                                     GatheringRecent() && d_.gathering.agreement >= 0 &&
                                     !IsChunk(chunk + 1, ChunkKind::kNoun);
        if (signs_gathering) {
          Ref agreement = ReadBack(d_.gathering.agreement, tok);
          objects.push_back(agreement);
        }
        Emit(*f, chunk, noun, subjects, objects, date, what);
      }
    }
  }

  // Whether the frame's objects count for anything: a venue's act (not a
  // mutual one, nor one that needs its partner or a bare object) puts its
  // doers where its clause says, whatever its object (Emit).
  static bool ReadsObjects(const Frame& f) { return !f.venue || f.mutual || f.partner_required || f.bare_object; }
  // Whether the frame gives nothing without an object (Emit pairs its
  // subjects with its objects): not where a list pairs among itself (a
  // symmetric act, a mutual one, acting together), nor a venue's, a
  // signing's (its signers gather) or an armed act's (remembered for a
  // later "the attack").
  static bool NeedsObject(const Frame& f) {
    if (f.partner_required) return true;
    if (f.mutual || f.venue || Info(f.predicate).symmetric) return false;
    return f.predicate != Predicate::kCooperatesWith && f.predicate != Predicate::kSigned &&
           f.predicate != Predicate::kAttacks;
  }

  // A gathering is remembered while the text goes on about it: sentences
  // further apart than this start another.
  static constexpr uint32_t kGatheringSentences = 2;
  // "the attack", "the expulsions" with no doer of its own reaches further
  // back: a story tells reactions to a hostile act paragraphs after the act
  // (and a later act of the kind read replaces it).
  static constexpr uint32_t kActSentences = 5;
  // No gathering a text tells names more people; the bound keeps an article
  // that chains lone acts sentence after sentence linear.
  static constexpr size_t kMaxGathering = 40;

  bool GatheringRecent() const {
    const Document::Gathering& g = d_.gathering;
    return (!g.people.empty() || g.place >= 0) && s_.index <= g.sentence + kGatheringSentences;
  }


  // `join`: the participants add to the gathering being told ("A signed ...,
  // B signed as a witness"; "the ceremony was attended by C"); else they
  // are a new one, unless read from the same sentence (its frames tell one
  // gathering: "the ceremony [noun] was attended [verb] by C"). `place`:
  // where the act was, when its sentence says so, or -1.
  void RememberMeeting(const std::vector<int>& participants, bool join, int place) {
    Document::Gathering& g = d_.gathering;
    if (!GatheringRecent() || (!join && g.sentence != s_.index) || g.people.size() >= kMaxGathering) g.Clear();
    for (int e : participants)
      if (IsPerson(e) && std::find(g.people.begin(), g.people.end(), e) == g.people.end()) g.people.push_back(e);
    if (place >= 0) g.place = place;
    g.sentence = s_.index;
  }

  // "the signing ceremony was attended by C and D", "the ceremony, attended
  // by ...": a gathering named with "the" and no names of its own is the
  // one the text has been telling; whom it lists met those already there.
  // (also talks held "on the sidelines of the summit", "at the summit":
  // the gathering named in the phrases right after the noun)
  bool RefersBack(uint32_t chunk, bool noun) const {
    if (!noun || !GatheringRecent()) return false;
    if (UnnamedGathering(chunk)) return true;
    for (uint32_t c = chunk + 1; c + 1 < args_.last_chunk() && c <= chunk + 4; c += 2) {
      if (!IsChunk(c, ChunkKind::kPreposition) || !IsChunk(c + 1, ChunkKind::kNoun)) return false;
      if (UnnamedGathering(c + 1)) return true;
    }
    return false;
  }

  // "the summit", "the conference": a gathering named with "the" and no
  // names of its own.
  bool UnnamedGathering(uint32_t chunk) const {
    const Chunk& np = d_.chunks[chunk];
    if (!d_.IsWord(np.first, "the") || !d_.Is(np.head, "gathering")) return false;
    for (const Ref& r : s_.refs)
      if (r.first >= np.first && r.last <= np.last) return false;
    return true;
  }

  // "Leaders gathered in Lima for the summit", "the summit in Lima opened":
  // a gathering whose place the text gives before naming anyone in it; the
  // talks later held "at the summit" were held there.
  void RememberVenue(uint32_t chunk) {
    const Chunk& np = d_.chunks[chunk];
    if (!d_.Is(np.head, "gathering") || d_.tags[np.head].pos != Pos::kNoun) return;
    if (GatheringRecent() && d_.gathering.place >= 0) return;
    // (not one still to come: "leaders will gather in Lima for the summit")
    if (rules_.Modal(np.head)) return;
    Actors places = args_.PrepAfter(chunk, "in", false);
    if (places.empty())
      if (int verb = args_.ClauseVerb(chunk); verb >= 0 && !d_.chunks[verb].modal)
        places = args_.PrepAfter(static_cast<uint32_t>(verb), "in", true);
    for (const Ref& place : places)
      if ((place.type == EntityType::kLocation || place.type == EntityType::kCountry) && !rules_.TopicPlace(place) &&
          place.entities.size() == 1) {
        RememberMeeting({}, true, place.entities[0]);
        return;
      }
  }

  void MeetThoseThere(const std::vector<int>& newcomers, const Frame& f, const std::string& date) {
    for (int newcomer : newcomers)
      for (int there : d_.gathering.people)
        if (newcomer != there && IsPerson(newcomer) && !OneSide(newcomer, there))
          rules_.AddEntities(newcomer, Predicate::kMetWith, there, f.confidence * 0.9, f.rule.c_str(), date);
  }

  bool IsChunk(uint32_t chunk, ChunkKind kind) const {
    return chunk < args_.last_chunk() && d_.chunks[chunk].kind == kind;
  }

  bool IsPerson(int entity) const { return d_.entities[entity].type == EntityType::kPerson; }

  // "A and B exchanged fire", "A clashed with B": the act each way between
  // every two of those named (never within one side).
  void EmitMutual(const Frame& f, const Actors& subjects, const Actors& objects, const std::string& date,
                  const std::string& what) {
    std::vector<int> sides;
    for (const Actors* list : {&subjects, &objects})
      for (const Ref& r : *list)
        for (int e : r.entities)
          if (std::find(sides.begin(), sides.end(), e) == sides.end()) sides.push_back(e);
    for (int a : sides)
      for (int b : sides)
        if (a != b && !OneSide(a, b)) rules_.AddEntities(a, f.predicate, b, f.confidence, f.rule.c_str(), date, "", what);
  }

  // "talks between A and B and C and D": four names joined by "and" alone
  // are two pairs, (A, B) and (C, D), not one group of four.
  bool TwoPairs(const Actors& list) const {
    if (list.size() != 4) return false;
    for (size_t k = 0; k + 1 < list.size(); ++k)
      if (list[k].entities.size() != 1 || list[k + 1].first != list[k].last + 1 || !d_.IsWord(list[k].last, "and"))
        return false;
    return true;
  }

  // Every two people of `met` known to serve different states met (people
  // of one delegation, or of states the text does not give, are no pair).
  void MeetAmong(const Actors& met, const Frame& f, const std::string& date) {
    std::vector<int> people;
    for (const Ref& r : met)
      for (int e : r.entities)
        if (IsPerson(e) && d_.entities[e].country >= 0 && std::find(people.begin(), people.end(), e) == people.end())
          people.push_back(e);
    for (size_t i = 0; i < people.size(); ++i)
      for (size_t j = i + 1; j < people.size(); ++j)
        if (!OneSide(people[i], people[j]))
          rules_.AddEntities(people[i], f.predicate, people[j], f.confidence * 0.9, f.rule.c_str(), date, "", "");
  }

  // own=yes: a speaker tells the act, and its doer, named or a pronoun
  // read back, is the speaker or the state the speaker serves ("A said
  // Chile will strike B", "Chile said it would strike B"; not "analysts
  // said Chile could strike B", nor a Peruvian minister's "Chile could
  // strike B"). A speaker the text gives no state speaks for the state
  // named as the doer: "Chile will strike the camps, Interior Minister A
  // said". A passive that names no doer tells the speaker's side's act:
  // "two of B's envoys will be expelled if ..., A said".
  bool OwnSide(uint32_t chunk, bool noun) const {
    const Actors speakers = args_.Speaker(chunk);
    const Actors doers = noun ? args_.Holder(chunk) : args_.Agent(chunk);
    if (doers.empty() && !noun && d_.chunks[chunk].passive) return !speakers.empty();
    for (const Ref& s : speakers)
      for (int speaker : s.entities) {
        const int state = d_.StateServed(speaker, s.first);
        for (const Ref& a : doers)
          for (int doer : a.entities)
            if (doer == speaker || doer == state ||
                (state < 0 && IsPerson(speaker) && d_.entities[doer].type == EntityType::kCountry))
              return true;
      }
    return false;
  }

  bool OneSide(int a, int b) const {
    const EntityInfo& x = d_.entities[a];
    const EntityInfo& y = d_.entities[b];
    return x.type == EntityType::kPerson && y.type == EntityType::kPerson && x.country >= 0 && x.country == y.country;
  }

  void Emit(const Frame& f, uint32_t chunk, bool noun, const Actors& subjects, const Actors& objects,
            const std::string& date, const std::string& what) {
    Predicate p = f.predicate;
    if (f.mutual) return EmitMutual(f, subjects, objects, date, what);
    if (f.partner_required && objects.empty()) return;
    if (f.venue) {
      std::vector<int> doers;
      for (const Ref& a : subjects)
        for (int x : a.entities)
          if (IsPerson(x)) doers.push_back(x);
      if (!doers.empty()) VenueVisits(chunk, noun, doers, date, false);
      return;
    }
    auto confidence = [&](const Ref& a, const Ref& b) { return f.confidence * (a.resolved || b.resolved ? 0.9 : 1.0); };
    // those who took part, for a meeting's or a signing's gathering (below)
    const bool gathers = p == Predicate::kMetWith || (p == Predicate::kSigned && !noun);
    std::vector<int> participants;
    if (Info(p).symmetric && objects.empty()) {
      // "A, B and C met", "the two leaders held talks": every pair of the list
      std::vector<std::pair<int, bool>> members;  // entity, resolved
      const bool pronoun = std::any_of(subjects.begin(), subjects.end(),
                                       [&](const Ref& r) { return r.resolved && d_.IsWord(r.first, "they"); });
      // (one person named and read back from an apposition is one member:
      // "A, the Chilean foreign minister, signed")
      for (const Ref& r : subjects)
        for (int e : r.entities)
          if (std::none_of(members.begin(), members.end(), [e](const auto& m) { return m.first == e; }))
            members.push_back({e, r.resolved});
      // "A and B called the vote a sham": a verb that takes its partner as
      // its object, with an object that names no one, pairs no one
      const bool only_patient = !f.object.empty() && std::all_of(f.object.begin(), f.object.end(), [](const ArgumentSource& a) {
        return a.slot == Slot::kPatient || a.slot == Slot::kEarlierMeeting;
      });
      if (!noun && only_patient && members.size() >= 2 && args_.ObjectPhrase(chunk) >= 0) return;
      if (members.size() < 2) {
        // "A inaugurated the embassy in Lima": an act done in person, alone,
        // still puts its doer in the place, and at the gathering told
        // ("the ceremony was attended by A": one person joins the gathering)
        const bool back = members.size() == 1 && RefersBack(chunk, noun);
        // (an act done to someone, "A called B", "A summoned B", is no part
        // of a gathering without its object: "A called for calm")
        const bool co_act = std::none_of(f.object.begin(), f.object.end(),
                                         [](const ArgumentSource& a) { return a.slot == Slot::kPatient; });
        if (members.size() == 1 && ((f.actor_types == TypeBit(EntityType::kPerson) && co_act) || back)) {
          // "A signed on behalf of Chile, and B signed for Peru", "C signed
          // as a witness": an act with no object of its own, or a second one
          // in the same sentence, is part of the gathering being told
          bool part = back || (GatheringRecent() && (d_.gathering.sentence == s_.index ||
                                                     (!noun && !IsChunk(chunk + 1, ChunkKind::kNoun))));
          int place = VenueVisits(chunk, noun, {members[0].first}, date, part);
          if (part) MeetThoseThere({members[0].first}, f, date);
          RememberMeeting({members[0].first}, part, place);
        }
        return;
      }
      // the pairs of members that met: every pair, or the two of TwoPairs
      auto index_of = [&](int e) {
        return static_cast<size_t>(std::find_if(members.begin(), members.end(), [e](const auto& m) { return m.first == e; }) -
                                   members.begin());
      };
      const bool two_pairs = TwoPairs(subjects);
      auto met = [&](size_t i, size_t j) {
        if (!two_pairs) return true;
        for (size_t k = 0; k < 4; k += 2) {
          size_t a = index_of(subjects[k].entities[0]), b = index_of(subjects[k + 1].entities[0]);
          if ((a == i && b == j) || (a == j && b == i)) return true;
        }
        return false;
      };
      for (size_t i = 0; i < members.size(); ++i)
        for (size_t j = i + 1; j < members.size(); ++j) {
          if (OneSide(members[i].first, members[j].first) || !met(i, j)) continue;
          // "the sides discussed ...": two states read back from a group
          // word are the people who met, not a meeting of states; a
          // partnership "between the two countries" is one of the states
          // (a bare "they" guesses its states from the article: no pair)
          if ((p == Predicate::kMetWith || pronoun) && members[i].second && members[j].second &&
              !IsPerson(members[i].first) && !IsPerson(members[j].first))
            continue;
          // "the foreign ministers of A, B and C met": the states and their
          // ministers (WithOfficeHolders) meet among their own kind
          if (IsPerson(members[i].first) != IsPerson(members[j].first) && (members[i].second || members[j].second))
            continue;
          // (and when the people are known, the meeting is theirs, not their
          // states'; nor do states meet whose people the text leaves unnamed:
          // "the leaders of A, B and C met")
          if (p == Predicate::kMetWith && !IsPerson(members[i].first) && !IsPerson(members[j].first) &&
              (HasResolvedPerson(subjects) || (!subjects.empty() && rules_.PeopleOfStatesList(subjects.front().first))))
            continue;
          double c = f.confidence * (members[i].second || members[j].second ? 0.9 : 1.0);
          rules_.AddEntities(members[i].first, p, members[j].first, c, f.rule.c_str(), date, "", what);
        }
      if (gathers)
        for (const auto& m : members) participants.push_back(m.first);
    } else {
      // "A and B issue the visa jointly with C": those who act together
      // with another act together with each other too
      if (p == Predicate::kCooperatesWith)
        for (size_t i = 0; i < subjects.size(); ++i)
          for (size_t j = i + 1; j < subjects.size(); ++j)
            if (!subjects[i].resolved && !subjects[j].resolved)
              for (int x : subjects[i].entities)
                for (int y : subjects[j].entities)
                  if (x != y) rules_.AddEntities(x, p, y, f.confidence * 0.9, f.rule.c_str(), date, "", what);
      for (const Ref& a : subjects)
        for (const Ref& b : objects)
          for (int x : a.entities)
            for (int y : b.entities) {
              // "A and B hosted the signing": the hosts did not meet each
              // other there, nor one of their own side read back
              if ((b.resolved && x == y) || (p == Predicate::kMetWith && OneSide(x, y))) continue;
              // no one visits their own state ("A of Chile led a delegation
              // to the Chile-Peru talks": Chile only names the talks)
              // (nor a place of it: "A of Bolivia travelled to La Paz")
              if (p == Predicate::kVisited && d_.entities[x].country >= 0 &&
                  (d_.entities[x].country == y || d_.entities[x].country == StateOf(y) ||
                   d_.entities[x].country == StateNamedAfter(b)))
                continue;
              // "the presidents of A and B arrived": the people travelled,
              // not their states (read with them: WithOfficeHolders)
              if (p == Predicate::kVisited && !IsPerson(x) && HasResolvedPerson(subjects)) continue;
              rules_.AddEntities(x, p, y, confidence(a, b), f.rule.c_str(), date, "", what);
              // "declared B's ambassador, C, persona non grata": an envoy
              // expelled, and the state the envoy serves (ANNOTATION:
              // expulsions of diplomats are sanctions, each target a triple)
              if (p == Predicate::kSanctions && IsPerson(y) && d_.entities[y].country >= 0 &&
                  d_.entities[y].country != x && d_.entities[y].country != d_.StateServed(x, a.first))
                rules_.AddEntities(x, p, d_.entities[y].country, confidence(a, b) - 0.05, f.rule.c_str(), date, "", what);
              // a city visited: its state too, when the text names it
              // (ANNOTATION: "visited that place, and its country")
              if (p == Predicate::kVisited && IsPerson(x) && d_.entities[y].type == EntityType::kLocation) {
                int state = StateOf(y);
                if (state < 0) state = StateNamedAfter(b);
                if (state >= 0 && state != y && state != d_.entities[x].country && NamedNotOnlyAdjective(state))
                  rules_.AddEntities(x, p, state, confidence(a, b) - 0.05, f.rule.c_str(), date, "", what);
              }
            }
      if (gathers) {
        for (const Ref& a : subjects)
          for (int x : a.entities) participants.push_back(x);
        for (const Ref& b : objects)
          for (int y : b.entities) participants.push_back(y);
      }
      // "A hosted B and C at a working lunch": those met together met each
      // other too (ANNOTATION: every pair of a meeting's named participants),
      // unless the text says apart ("held separate talks with B and C")
      if (p == Predicate::kMetWith && !CueInSentence(s_.last, CueClass("apart_word").id()))
        MeetAmong(objects, f, date);
    }
    if (p == Predicate::kMetWith && participants.size() >= 2) {
      bool back = RefersBack(chunk, noun);
      int place = VenueVisits(chunk, noun, participants, date, back);
      if (place < 0 && f.hosted && !back) place = HostedAtDateline(subjects, objects, date);
      if (back) MeetThoseThere(participants, f, date);
      RememberMeeting(participants, back, place);
    }
    // "A signed the accord in Lima": a signer was where the signing was;
    // "Chile and Peru signed the accord in Lima" tells where the signing
    // ceremony the next sentences describe was held
    if (p == Predicate::kSigned && !noun) {
      int agreement = -1;
      bool read_back = false;
      for (const Ref& o : objects)
        if (o.type == EntityType::kAgreement) agreement = o.entities[0], read_back = o.resolved;
      // (a signing of what the gathering signed joins it: it names no place)
      bool joins = read_back && GatheringRecent() && agreement == d_.gathering.agreement;
      int place = VenueVisits(chunk, noun, participants, date, joins);
      if (place >= 0 || agreement >= 0) {
        RememberMeeting(participants, joins, place);
        if (agreement >= 0) d_.gathering.agreement = agreement;
      }
    }
    // "B fired two missiles into the sea": an armed act with no target
    // gives no fact, but a later "the launch" means it all the same
    if (p == Predicate::kAttacks && objects.empty())
      for (const Ref& a : subjects)
        for (int e : a.entities) d_.LastActOf(p)->Add(s_.index, e, -1);
    if (p == Predicate::kAttacks && !subjects.empty()) {
      // "struck al-Shabaab camps in Somalia": an armed group hit in a state
      // is the target, the places too, but not the state it is in
      const bool group_hit = std::any_of(objects.begin(), objects.end(), [&](const Ref& b) { return ArmedGroup(b); });
      for (const Ref& b : objects)
        if (!group_hit || b.type == EntityType::kOrganization) StateOfPlaceHit(subjects, b, f.confidence, date);
      PlacesHit(chunk, subjects, date, objects.empty(), !group_hit);
      AccuseAttackers(chunk, subjects, objects, date);
    }
    if (p == Predicate::kSigned) PartiesNamed(chunk, noun, objects, f, date);
  }

  // "'B shelled our positions,' A's defence ministry said": one whose side
  // an armed act struck, reporting it, accuses its doer (ANNOTATION.md:
  // accusations go to whom they name). Not a doer reporting its own act, one
  // of its state ("Peru's defence ministry said Peruvian troops struck"), an
  // outlet reporting the news, nor a third party telling of strikes on
  // others (an ally's report of a joint strike accuses no one). A target
  // the text names is needed: "troops attacked three border villages"
  // says nothing of whose (a known gap when the reporter's own are meant).
  void AccuseAttackers(uint32_t chunk, const Actors& attackers, const Actors& targets, const std::string& date) {
    for (const Ref& speaker : args_.Speaker(chunk))
      for (int s : speaker.entities) {
        if (d_.entities[s].subtype == "media") continue;
        const int own = d_.StateServed(s, speaker.first);
        auto struck_own_side = [&](const Ref& t) {
          for (int e : t.entities)
            if (e == s || (own >= 0 && (e == own || d_.entities[e].placed_in == own || d_.StateServed(e, t.first) == own)))
              return true;
          return false;
        };
        if (!std::any_of(targets.begin(), targets.end(), struck_own_side)) continue;
        for (const Ref& a : attackers)
          for (int x : a.entities) {
            const int doer_state = d_.StateServed(x, a.first);
            if (s == x || (doer_state >= 0 && doer_state == own)) continue;
            rules_.AddEntities(s, Predicate::kCriticizes, x, 0.6, "frame:reported-attack", date);
          }
      }
  }

  // "Chile's Free Trade Agreement with Peru", "its defence treaty with
  // Manila": a named agreement its owner has with others names its parties
  // (ANNOTATION.md: being party to a named agreement is `signed`). Not one
  // still to come ("Chile's planned pact with Peru").
  void OwnedAgreement(uint32_t np) {
    // (most phrases name no agreement: asked first, from the phrase's last word)
    const Chunk& chunk = d_.chunks[np];
    const int named = d_.mention_at[chunk.last - 1];
    if (named < 0 || d_.mentions[named].type != EntityType::kAgreement) return;
    const Ref* agreement = nullptr;
    for (const Ref& r : s_.refs)
      if (r.first >= chunk.first && r.last == chunk.last && r.type == EntityType::kAgreement && !r.resolved)
        agreement = &r;
    if (!agreement || rules_.Modal(chunk.head) || rules_.Negated(chunk.head)) return;
    PartiesOfMention(np, *agreement);
    const Actors owners = args_.Possessor(np);
    if (owners.empty()) return;
    Actors parties = args_.PrepAfter(np, "with", false);
    if (parties.empty()) return;
    parties.insert(parties.end(), owners.begin(), owners.end());
    for (const Ref& party : parties) {
      if (party.type != EntityType::kCountry && party.type != EntityType::kOrganization) continue;
      for (int e : party.entities)
        rules_.AddEntities(e, Predicate::kSigned, agreement->entities[0], 0.6, "frame:agreement-owner",
                           rules_.DateNear(chunk.head));
    }
  }

  // The parties an agreement's own words name: a "between" phrase after it
  // ("the Border Treaty between Peru and Ecuador"), states after a
  // "between" inside its name ("the Joint Declaration on Trade between the
  // Republic of A and B"), or states joined by hyphens that open it ("the
  // Chile-Argentina Friendship Treaty"). Only those the sentence names,
  // states or bodies: "between the two countries" is read as the article's
  // pair, not always the agreement's. `np` is the chunk that ends the name.
  std::vector<int> PartiesOfName(uint32_t np, const Ref& agreement) const {
    std::vector<int> parties;
    auto party_type = [](EntityType t) { return t == EntityType::kCountry || t == EntityType::kOrganization; };
    if (Actors between = args_.PrepAfter(np, "between", false); between.size() >= 2)
      for (const Ref& party : between)
        if (!party.resolved && party_type(party.type)) parties.insert(parties.end(), party.entities.begin(), party.entities.end());
    // mentions nested in the agreement's follow it in text order
    uint32_t inner_between = agreement.last;
    for (uint32_t t = agreement.first; t < agreement.last && inner_between == agreement.last; ++t)
      if (d_.IsWord(t, "between")) inner_between = t;
    for (size_t k = static_cast<size_t>(d_.mention_at[agreement.first]) + 1;
         k < d_.mentions.size() && d_.mentions[k].first < agreement.last; ++k) {
      const Mention& m = d_.mentions[k];
      const bool joined = d_.IsWord(m.last, "-") || (m.first > agreement.first && d_.IsWord(m.first - 1, "-"));
      if (m.entity >= 0 && party_type(m.type) && m.last <= agreement.last && (joined || m.first > inner_between))
        parties.push_back(m.entity);
    }
    return parties;
  }

  // An agreement in force names its parties wherever it is mentioned
  // (PartiesOfName), unless it is still being made (cue class unsigned_word
  // before it in the sentence: "discussed the draft treaty between A and B").
  void PartiesOfMention(uint32_t np, const Ref& agreement) {
    for (uint32_t t = s_.first; t < agreement.first; ++t)
      if (d_.Is(t, "unsigned_word")) return;
    const std::string date = rules_.DateNear(d_.chunks[np].head);
    for (int party : PartiesOfName(np, agreement))
      rules_.AddEntities(party, Predicate::kSigned, agreement.entities[0], 0.6, "frame:agreement-parties", date);
  }

  // "signed the Trade Agreement between Chile and Peru": the parties the
  // agreement's name gives sign it (ANNOTATION.md: signing or being party
  // to a named agreement); so does, when it names none, a "with" right
  // after it, or after a verb with no object of its own, its cosigner:
  // "Chile signed the Trade Agreement with Peru", "the accord Chile signed
  // with Peru"
  void PartiesNamed(uint32_t trigger, bool noun, const Actors& agreements, const Frame& f, const std::string& date) {
    for (const Ref& a : agreements) {
      if (a.type != EntityType::kAgreement || a.resolved) continue;
      const uint32_t named = d_.chunk_of[a.last - 1];
      std::vector<int> parties = PartiesOfName(named, a);
      for (uint32_t before_with : {named, noun ? named : trigger})
        if (parties.empty() && IsChunk(before_with + 1, ChunkKind::kPreposition) && d_.IsWord(d_.chunks[before_with + 1].first, "with"))
          for (const Ref& party : args_.PrepAfter(before_with, "with", false))
            if (!party.resolved && (party.type == EntityType::kCountry || party.type == EntityType::kOrganization))
              parties.insert(parties.end(), party.entities.begin(), party.entities.end());
      for (int party : parties)
        rules_.AddEntities(party, Predicate::kSigned, a.entities[0], f.confidence * 0.9, "frame:parties", date);
    }
  }

  // "A shelled B's positions near the towns of X and Y": every place named
  // in the rest of the clause was hit (ANNOTATION.md: the target is the
  // state attacked and each named place hit). With no actor as the object
  // ("A struck targets in southern Lebanon", "carried out airstrikes in
  // B's Khost province"), the states where the hits were, too, when a
  // preposition of place puts them there.
  // A body that serves no state: a movement, a militia, an armed group.
  bool ArmedGroup(const Ref& r) const {
    if (r.type != EntityType::kOrganization || r.entities.size() != 1) return false;
    const int state = d_.StateServed(r.entities[0], r.first);
    return (state < 0 || state == r.entities[0]) && d_.entities[r.entities[0]].subtype != "international";
  }

  void PlacesHit(uint32_t chunk, const Actors& attackers, const std::string& date, bool states_too, bool their_states) {
    bool hit_before = false;  // a place already read as hit: one named after it "in" it contains it
    for (uint32_t c = chunk + 1; c < args_.last_chunk(); ++c) {
      const Chunk& ch = d_.chunks[c];
      if ((ch.kind == ChunkKind::kVerb && !ch.gerund && !ch.passive) || ch.kind == ChunkKind::kSubordinator ||
          ch.kind == ChunkKind::kBoundary)
        return;
      // "pound B after a drone strike on C": a time phrase tells of another act
      if (ch.kind == ChunkKind::kPreposition && (d_.IsWord(ch.first, "after") || d_.IsWord(ch.first, "before") ||
                                                 d_.IsWord(ch.first, "following") || d_.IsWord(ch.first, "amid")))
        return;
      if (ch.kind != ChunkKind::kNoun) continue;
      // "shelled Sotk in Armenia's Gegharkunik province", "Uvira, in South
      // Kivu province": the region a place hit lies in is where, not what,
      // was hit (annotators give the state and the place); "struck Nabatieh
      // and the Bekaa Valley" hits both
      const bool container = hit_before && PlaceWithin(c);
      for (const Ref& r : s_.refs) {
        if (r.first < ch.first || r.last > ch.last || r.adjective || r.resolved) continue;
        // "Yemen's Red Sea port of Hodeida", "the Danube port of Izmail": a
        // sea or a river before the noun of a place describes it ("the
        // Kharkiv region" is a place hit)
        if (r.type == EntityType::kLocation &&
            (d_.entities[r.entities[0]].subtype == "sea" || d_.entities[r.entities[0]].subtype == "river") && r.last < ch.last &&
            !d_.tokens[r.last].cap && !d_.tags.empty() && d_.tags[r.last].pos == Pos::kNoun)
          continue;
        // (its state is the one hit all the same)
        if (container && r.type == EntityType::kLocation) {
          if (their_states) StateOfPlaceHit(attackers, r, 0.55, date);
          continue;
        }
        // after "in", or after "in B's": "in Afghanistan's Khost province"
        uint32_t before = c > 1 && d_.chunks[c - 1].kind == ChunkKind::kNoun && d_.chunks[c - 1].possessor ? c - 1 : c;
        bool where = before > 0 && d_.chunks[before - 1].kind == ChunkKind::kPreposition &&
                     d_.Is(d_.chunks[before - 1].first, "hit_prep");
        bool place = r.type == EntityType::kLocation;
        if (states_too) {
          // (where the thing hit was: "a ship in the Red Sea" is no target)
          std::string_view kind = d_.entities[r.entities[0]].subtype;
          place = place && where && (kind == "city" || kind == "region" || kind.empty());
        }
        bool state = states_too && r.type == EntityType::kCountry && where;
        if (!place && !state) continue;
        for (const Ref& a : attackers)
          for (int x : a.entities) rules_.AddEntities(x, Predicate::kAttacks, r.entities[0], 0.55, "frame:places-hit", date);
        if (place && their_states) StateOfPlaceHit(attackers, r, 0.55, date);
        hit_before |= place;
      }
    }
  }

  // Whether the noun chunk `c` says where something named before it lies:
  // after "in" (past a possessor, "in Armenia's"), not coordinated ("and in
  // the Bekaa Valley"); "the port of Izmail" names the place itself.
  bool PlaceWithin(uint32_t c) const {
    uint32_t k = c;
    if (k > 0 && d_.chunks[k - 1].kind == ChunkKind::kNoun && d_.chunks[k - 1].possessor) --k;
    if (k == 0) return false;
    const Chunk& prep = d_.chunks[k - 1];
    if (prep.kind == ChunkKind::kPreposition && d_.IsWord(prep.first, "in"))
      return !(k >= 2 && d_.chunks[k - 2].kind == ChunkKind::kCoordinator);
    return false;
  }

  // A place hit is hit in its state: "A shelled Kharkiv" attacks Ukraine
  // too (ANNOTATION.md: the state attacked and each named place hit), when
  // the article names that state and the attacker is not of it (troops
  // shelling a town of their own state attack no state).
  // A place the dictionary does not know lies in the state the text names
  // right after it ("Tumbes Province of Ecuador", "Tumbes, Ecuador").
  void StateOfPlaceHit(const Actors& attackers, const Ref& hit, double confidence, const std::string& date) {
    if (hit.entities.size() != 1) return;
    int state = -1;
    if (hit.type == EntityType::kLocation) {
      state = StateOf(hit.entities[0]);
      if (state < 0 && !hit.resolved) state = StateNamedAfter(hit);
      // "in Ukraine's Donetsk region": the state whose possessive names it
      if (state < 0 && !hit.resolved) state = StateOwningAt(hit.first);
    } else if (hit.type == EntityType::kOrganization && !hit.resolved) {
      // "fired missiles at a US Navy destroyer": a state's own forces
      // (a body whose name opens with its state) are the state attacked
      state = d_.StateServed(hit.entities[0], hit.first);
      if (state == hit.entities[0]) state = -1;
    }
    if (state < 0) return;
    for (const Ref& a : attackers)
      for (int x : a.entities)
        if (x != state && d_.entities[x].country != state)
          rules_.AddEntities(x, Predicate::kAttacks, state, confidence * 0.9, "frame:state-of-place-hit", date);
  }

  static bool HasResolvedPerson(const Actors& list) {
    return std::any_of(list.begin(), list.end(), [](const Ref& r) { return r.resolved && r.type == EntityType::kPerson; });
  }

  // "OSLO (NTB) - Norway's minister A hosted B": a story filed from the
  // host's own state tells of a guest who came there; with no place of its
  // own the act was at the dateline's place. A guest of another state
  // visited it (and its state, when the text names it). The dateline's
  // place, or -1.
  int HostedAtDateline(const Actors& hosts, const Actors& guests, const std::string& date) {
    const int place = DatelinePlace(d_);
    if (place < 0) return -1;
    int state = StateOf(place);
    // a city the dictionary lacks: the state named after it where it is
    // written so ("TROMSØ, Norway,"; the headline may name it first)
    for (int at : d_.entities[place].mentions) {
      if (state >= 0) break;
      const uint32_t after = d_.mentions[at].last;
      const int named = after + 1 < d_.tokens.size() && d_.Text(after) == "," ? PlaceNamedAt(after + 1) : -1;
      if (named >= 0 && d_.entities[named].type == EntityType::kCountry) state = named;
    }
    if (state < 0) return -1;
    bool host_there = false;
    for (const Ref& h : hosts)
      for (int x : h.entities) host_there |= IsPerson(x) && d_.entities[x].country == state;
    if (!host_there) return -1;
    for (const Ref& g : guests)
      for (int y : g.entities) {
        if (!IsPerson(y) || d_.entities[y].country < 0 || d_.entities[y].country == state) continue;
        rules_.AddEntities(y, Predicate::kVisited, place, 0.6, "frame:hosted-at-dateline", date);
        if (place != state && NamedNotOnlyAdjective(state))
          rules_.AddEntities(y, Predicate::kVisited, state, 0.55, "frame:hosted-at-dateline", date);
      }
    return place;
  }

  // The state a place belongs to: itself for a country, the `in=` state of
  // a dictionary place the article also names, else -1.
  int StateOf(int place) const {
    const EntityInfo& e = d_.entities[place];
    if (e.type == EntityType::kCountry) return place;
    const int known = d_.EntityOfStateOf(e.dict_entry);
    return known >= 0 ? known : e.placed_in;
  }

  // Whether the text names the entity, not only its demonym ("in Lima"
  // with "Peruvian officials": the text does not name Peru).
  bool NamedNotOnlyAdjective(int entity) {
    EntityInfo& e = d_.entities[entity];
    if (e.named_not_only_adjective < 0) {
      e.named_not_only_adjective = 0;
      for (int m : e.mentions)
        if (d_.mentions[m].form != MentionForm::kAdjective) {
          e.named_not_only_adjective = 1;
          break;
        }
    }
    return e.named_not_only_adjective == 1;
  }

  // The place named right after `place` and a comma ("Arlington, Virginia"),
  // or -1.
  int ContainerAfter(const Ref& place) const {
    uint32_t comma = place.last;
    if (comma + 1 >= s_.last || d_.Text(comma) != ",") return -1;
    return PlaceNamedAt(comma + 1);
  }

  // The place or state whose name starts at token `tok`, or -1.
  int PlaceNamedAt(uint32_t tok) const {
    int m = d_.mention_at[tok];
    if (m < 0 || d_.mentions[m].first != tok || d_.mentions[m].entity < 0) return -1;
    EntityType t = d_.mentions[m].type;
    return t == EntityType::kLocation || t == EntityType::kCountry ? d_.mentions[m].entity : -1;
  }

  // "talks on the new border post at Tacna": a place named inside what
  // the act was about ("on", "over": cue class topic_prep) is no place
  // anyone met at. (Not a time: "met B on Monday at the palace".)
  bool InsideTopic(const Ref& at) const {
    const uint32_t c = d_.chunk_of[at.first];
    if (c < args_.first_chunk() + 3 || !IsChunk(c - 1, ChunkKind::kPreposition) || !IsChunk(c - 2, ChunkKind::kNoun) ||
        !IsChunk(c - 3, ChunkKind::kPreposition) || !d_.Is(d_.chunks[c - 3].first, "topic_prep"))
      return false;
    const uint32_t about = d_.chunks[c - 2].head;
    return !d_.Is(about, "weekday") && !d_.Is(about, "month") && !d_.Is(about, "time_noun");
  }

  // "summoned Chile's ambassador in Lima": the place an envoy serves in,
  // told with the envoy, is no place the act took anyone to.
  bool PostOfEnvoy(const Ref& place) const {
    const uint32_t at = d_.chunk_of[place.first];
    if (at < args_.first_chunk() + 2 || !IsChunk(at - 1, ChunkKind::kPreposition) || !IsChunk(at - 2, ChunkKind::kNoun))
      return false;
    const uint32_t head = d_.chunks[at - 2].head;
    return d_.IsWord(d_.chunks[at - 1].first, "in") && (d_.Is(head, "envoy") || d_.Is(head, "role_noun"));
  }

  // The place a building is said to lie in, or -1: "the Moneda Palace in
  // Santiago" -> Santiago; "in Ocho Rios, Jamaica" -> Jamaica when the
  // dictionary does not know the first place.
  int PlaceInAfter(const Ref& place) const {
    const uint32_t in = place.last;
    if (in + 1 >= s_.last || !d_.IsWord(in, "in")) return -1;
    const int within = PlaceNamedAt(in + 1);
    if (within < 0 || StateOf(within) >= 0 || StateNameOf(within)) return within;
    const uint32_t comma = d_.mentions[d_.mention_at[in + 1]].last;
    const int wider = comma + 1 < s_.last && d_.Text(comma) == "," ? PlaceNamedAt(comma + 1) : -1;
    return wider >= 0 ? wider : within;
  }

  // The state the text names right after a place: "Tumbes Province of
  // [the Republic of] Ecuador", "Tumbes, Ecuador"; or -1.
  int StateNamedAfter(const Ref& place) const {
    int container = ContainerAfter(place);
    // "Jizan, in south-western Saudi Arabia": past "in" and the words of a
    // direction ("southern", "north-eastern")
    if (container < 0 && place.last + 2 < s_.last && d_.Text(place.last) == "," && d_.IsWord(place.last + 1, "in")) {
      const uint32_t k = d_.AfterDirection(place.last + 2, s_.last);
      const int m = k < s_.last ? d_.mention_at[k] : -1;
      if (m >= 0 && d_.mentions[m].first == k) container = d_.mentions[m].entity;
    }
    // "Paracas, a resort town in Peru's Ica region": the state of the
    // phrase placing it
    if (container < 0 && place.last + 3 < s_.last && d_.Text(place.last) == "," && d_.IsWord(place.last + 1, "a")) {
      uint32_t k = place.last + 2;
      // (the last of the kind's words: "a port city in")
      for (int words = 0; words < 4 && k + 1 < s_.last && !(d_.Is(k, "place_kind") && d_.IsWord(k + 1, "in")); ++words)
        ++k;
      // (past the words of a direction: "a port city in northern Chile")
      const uint32_t named = k + 2 < s_.last ? d_.AfterDirection(k + 2, s_.last) : s_.last;
      if (named < s_.last && d_.Is(k, "place_kind") && d_.IsWord(k + 1, "in")) {
        const int m = d_.mention_at[named];
        if (m >= 0 && d_.mentions[m].first == named) container = d_.mentions[m].entity;
      }
    }
    if (container < 0 && place.last + 1 < s_.last && d_.IsWord(place.last, "of")) {
      uint32_t k = place.last + 1;
      if (d_.IsWord(k, "the")) ++k;
      const int m = k < s_.last ? d_.mention_at[k] : -1;
      if (m >= 0 && d_.mentions[m].first == k) container = d_.mentions[m].entity;
    }
    return container >= 0 && d_.entities[container].type == EntityType::kCountry ? container : -1;
  }

  // The state whose possessive stands right before token `tok` ("Peru's
  // Tacna region"), or -1.
  int StateOwningAt(uint32_t tok) const {
    for (const Ref& r : s_.refs)
      if (r.possessive && r.type == EntityType::kCountry && r.entities.size() == 1 && r.last + 1 == tok) return r.entities[0];
    return -1;
  }

  // The dictionary's name for the state a place lies in (`in=`), known
  // whether or not the article names it; null when the dictionary has none.
  const std::string* StateNameOf(int place) const {
    const EntityInfo& e = d_.entities[place];
    if (e.dict_entry < 0) return nullptr;
    if (e.type == EntityType::kCountry) return &d_.dict->entries()[e.dict_entry].canonical;
    const std::string& in = d_.dict->entries()[e.dict_entry].in;
    return in.empty() ? nullptr : &in;
  }
  std::string_view DictName(int entity) const {
    int entry = d_.entities[entity].dict_entry;
    return entry < 0 ? std::string_view() : std::string_view(d_.dict->entries()[entry].canonical);
  }

  // The dateline's place for a "here" later in the verb's clause.
  std::optional<Ref> HereAfter(uint32_t verb) const {
    for (uint32_t c = verb + 1; c < args_.last_chunk(); ++c) {
      const Chunk& ch = d_.chunks[c];
      if (ch.kind == ChunkKind::kVerb || ch.kind == ChunkKind::kSubordinator || ch.kind == ChunkKind::kBoundary) break;
      for (uint32_t t = ch.first; t < ch.last; ++t) {
        if (!d_.IsWord(t, "here")) continue;
        int place = DatelinePlace(d_);
        if (place < 0) return std::nullopt;
        return ReadBack(place, t);
      }
    }
    return std::nullopt;
  }

  // An entity the text named elsewhere (a place, an agreement), standing
  // for it at token `tok`.
  Ref ReadBack(int entity, uint32_t tok) const {
    Ref r;
    r.first = tok, r.last = tok + 1, r.type = d_.entities[entity].type, r.resolved = true;
    r.entities = {entity};
    return r;
  }

  // Gives each participant from another state a visit to the place of the
  // act at `chunk`; returns that place, or -1. `at_gathering`: the act is
  // part of the gathering being told, held where it was held when the act
  // names no place of its own.
  int VenueVisits(uint32_t chunk, bool noun, const std::vector<int>& participants, const std::string& date,
                  bool at_gathering) {
    uint32_t from = noun ? d_.chunk_of[d_.chunks[chunk].last - 1] : chunk;
    Actors places = args_.PrepAfter(from, "in", !noun);
    // "opened the embassy here": a news story's "here" is its dateline's
    // place; not a copula's ("B is here with us"): that is said in a quote,
    // of where the speaker stands
    if (places.empty() && !noun && d_.tags[d_.chunks[chunk].head].pos != Pos::kAuxiliary)
      if (std::optional<Ref> here = HereAfter(chunk)) places.push_back(*here);
    // "the meeting of A and B has started in X", "talks between A and B were
    // held in X": the place of the verb the meeting is subject of
    if (places.empty() && noun)
      if (int verb = args_.PredicateOf(chunk); verb >= 0) places = args_.PrepAfter(static_cast<uint32_t>(verb), "in", true);
    // "A arrived from Lima, where she held talks with B"
    if (places.empty()) places = args_.WherePlace(chunk);
    // "the summit of the bloc, held in X under the chairmanship of A"
    if (places.empty() && noun)
      if (int held = args_.HeldParticiple(chunk); held >= 0) places = args_.PrepAfter(static_cast<uint32_t>(held), "in", true);
    if (places.empty() && at_gathering && d_.gathering.place >= 0)
      places.push_back(ReadBack(d_.gathering.place, d_.chunks[chunk].first));
    // "received B at the Moneda Palace in Santiago": the named building the
    // act took place at was visited too (it lies in the place after it)
    for (const Ref& at : args_.PrepAfter(from, "at", !noun))
      if (at.type == EntityType::kLocation && !InsideTopic(at)) places.push_back(at);
    int venue = -1;
    for (const Ref& place : places) {
      if (place.type != EntityType::kLocation && place.type != EntityType::kCountry) continue;
      if (rules_.TopicPlace(place) || PostOfEnvoy(place)) continue;
      int where = place.entities[0];
      // "in Arlington, Virginia", "at the Moneda Palace in Santiago": a place
      // the dictionary lacks lies in the state of the place named after it
      int within = place.resolved ? -1 : ContainerAfter(place);
      if (within < 0 && !place.resolved) within = PlaceInAfter(place);
      // "in Iquique, a port city in northern Chile"
      if (within < 0 && !place.resolved) within = StateNamedAfter(place);
      int state = StateOf(where);
      const std::string* state_name = StateNameOf(where);
      if (state < 0 && !state_name && within >= 0) {
        state = StateOf(within);
        state_name = StateNameOf(within);
      }
      if (state < 0 && !state_name) continue;
      if (venue < 0) venue = where;
      // the host did not travel: a person of the place's state, whether or
      // not the article names that state
      auto local = [&](int person) {
        int c = d_.entities[person].country;
        return c >= 0 && (c == state || (state_name && *state_name == DictName(c)));
      };
      bool host_present = false;
      for (int person : participants) host_present |= IsPerson(person) && local(person);
      for (int person : participants) {
        const EntityInfo& pe = d_.entities[person];
        if (pe.type != EntityType::kPerson || local(person)) continue;
        // a guest whose state the text does not give: a visitor when the
        // host is among those met ("A met in Lima with B and C", A Peruvian)
        if (pe.country < 0 && !host_present) continue;
        double c = pe.country < 0 ? 0.55 : 0.65;
        rules_.AddEntities(person, Predicate::kVisited, where, c, "frame:venue", date);
        // (its state too when the text names it: a demonym names a people)
        if (state >= 0 && where != state && NamedNotOnlyAdjective(state))
          rules_.AddEntities(person, Predicate::kVisited, state, c - 0.05, "frame:venue", date);
      }
    }
    return venue;
  }
};

}  // namespace

void ExtractFrames(Document* doc, const SentenceView& s) { FramePass(doc, s).Run(); }

}  // namespace irkg::internal
