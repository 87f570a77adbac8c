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
//             attack" give nothing;
//   pairs     a symmetric predicate with a list and no object pairs the
//             list: "A, B and C met" and "talks between A, B and C" give
//             every pair, except two people of one state (one delegation);
//   venues    a meeting "in X" was a visit to X by those who came from
//             another state (the host did not travel);
//   dates     the date the text gives near the trigger (an undated
//             meeting is dated with the article's day when the facts are
//             merged, Extractor::Extract).
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
        if (d_.tags[chunk.head].pos == Pos::kVerb) Trigger(ch, chunk.head, false);
      } else if (chunk.kind == ChunkKind::kNoun) {
        for (uint32_t t = chunk.first; t < chunk.last; ++t)
          if (d_.mention_at[t] < 0 && d_.tags[t].pos == Pos::kNoun) Trigger(ch, t, true);
      }
    }
  }

 private:
  Document& d_;
  const SentenceView& s_;
  RuleContext rules_;
  ArgumentFinder args_;
  std::string lower_;

  // The trigger's lemma: the lexicon's, else the word in lower case
  // ("airstrikes" is no WordNet word; its plural is undone by hand).
  std::string_view Lemma(uint32_t tok, bool noun) {
    if (d_.lexicon && d_.tags[tok].lemma) return d_.lexicon->LemmaText(d_.tags[tok].lemma);
    lower_.clear();
    for (char c : d_.Text(tok)) lower_.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    if (noun && lower_.size() > 3 && lower_.back() == 's' && d_.frames->Find(lower_, true).empty()) lower_.pop_back();
    return lower_;
  }

  // Negated, modal or conditional: the event did not (yet) happen.
  bool Unreal(uint32_t chunk, uint32_t tok, bool noun) const {
    if (rules_.Negated(tok) || rules_.Modal(tok)) return true;
    const Chunk& c = d_.chunks[chunk];
    if (!noun && (c.negated || (c.modal && !c.infinitive))) return true;
    if (noun) {
      int verb = args_.Governor(chunk);
      if (verb >= 0 && (d_.chunks[verb].negated || d_.chunks[verb].modal)) return true;
    }
    // "if A attacks B", "unless they sign": a condition, not an event
    for (uint32_t i = s_.first; i < tok; ++i)
      if (d_.IsWord(i, "if") || d_.IsWord(i, "unless") || d_.IsWord(i, "whether")) return true;
    return false;
  }

  Actors Source(uint32_t chunk, uint32_t tok, const ArgumentSource& src, bool noun) const {
    switch (src.slot) {
      case Slot::kAgent: return args_.Agent(chunk);
      case Slot::kPatient: return args_.Patient(chunk);
      case Slot::kHolder: return args_.Holder(chunk);
      case Slot::kPossessor: return args_.Possessor(chunk);
      case Slot::kModifier: return args_.Modifiers(chunk, tok);
      case Slot::kParticipants: return args_.Participants(chunk);
      case Slot::kPrep: return args_.PrepAfter(noun ? d_.chunk_of[d_.chunks[chunk].last - 1] : chunk, src.prep, !noun);
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

  // The first word of a cue class after the trigger in its sentence, or 0.
  uint32_t CueAfter(uint32_t tok, std::string_view cue_class) const {
    int id = CueClassIndex(cue_class);
    for (uint32_t i = tok + 1; i < s_.last; ++i)
      if (d_.token_cues[i][id] && d_.mention_at[i] < 0) return i;
    return 0;
  }
  bool CueInSentence(uint32_t tok, std::string_view cue_class) const {
    int id = CueClassIndex(cue_class);
    for (uint32_t i = s_.first; i < s_.last; ++i)
      if (i != tok && d_.token_cues[i][id] && d_.mention_at[i] < 0) return true;
    return false;
  }

  void Trigger(uint32_t chunk, uint32_t tok, bool noun) {
    // by id first: the lemma's text is what Lemma() returns for it
    if (d_.lexicon && d_.tags[tok].lemma && !d_.MayHaveFrames(d_.tags[tok].lemma)) return;
    const auto& frames = d_.frames->Find(Lemma(tok, noun), noun);
    if (frames.empty() || Unreal(chunk, tok, noun)) return;
    for (const Frame* f : frames) {
      if (!f->needs.empty() && !CueInSentence(tok, f->needs)) continue;
      Actors subjects = OfTypes(FirstOf(chunk, tok, f->subject, noun), f->actor_types);
      Actors objects = OfTypes(FirstOf(chunk, tok, f->object, noun), f->actor_types);
      // "talks between A, B and C": subject and object are one list
      if (SameList(subjects, objects)) objects.clear();
      std::string what;
      if (!f->what.empty())
        if (uint32_t w = CueAfter(tok, f->what)) what = std::string(d_.Text(w));
      std::string date = rules_.DateNear(tok);
      Emit(*f, chunk, noun, subjects, objects, date, what);
    }
  }

  bool OneSide(int a, int b) const {
    const EntityInfo& x = d_.entities[a];
    const EntityInfo& y = d_.entities[b];
    return x.type == EntityType::kPerson && y.type == EntityType::kPerson && x.country >= 0 && x.country == y.country;
  }

  void Emit(const Frame& f, uint32_t chunk, bool noun, const Actors& subjects, const Actors& objects,
            const std::string& date, const std::string& what) {
    Predicate p = f.predicate;
    auto confidence = [&](const Ref& a, const Ref& b) { return f.confidence * (a.resolved || b.resolved ? 0.9 : 1.0); };
    std::vector<int> participants;
    if (Info(p).symmetric && objects.empty()) {
      // "A, B and C met", "the two leaders held talks": every pair of the list
      std::vector<std::pair<int, bool>> members;  // entity, resolved
      for (const Ref& r : subjects)
        for (int e : r.entities) members.push_back({e, r.resolved});
      if (members.size() < 2) return;
      for (size_t i = 0; i < members.size(); ++i)
        for (size_t j = i + 1; j < members.size(); ++j) {
          if (OneSide(members[i].first, members[j].first)) continue;
          double c = f.confidence * (members[i].second || members[j].second ? 0.9 : 1.0);
          rules_.AddEntities(members[i].first, p, members[j].first, c, f.rule.c_str(), date, "", what);
        }
      for (const auto& m : members) participants.push_back(m.first);
    } else {
      for (const Ref& a : subjects)
        for (const Ref& b : objects)
          for (int x : a.entities)
            for (int y : b.entities) rules_.AddEntities(x, p, y, confidence(a, b), f.rule.c_str(), date, "", what);
      for (const Ref& a : subjects)
        for (int x : a.entities) participants.push_back(x);
      for (const Ref& b : objects)
        for (int y : b.entities) participants.push_back(y);
    }
    if (p == Predicate::kMetWith && participants.size() >= 2) VenueVisits(chunk, noun, participants, date);
  }

  // The state a place belongs to: itself for a country, the `in=` state of
  // a dictionary place the article also names, else -1.
  int StateOf(int place) const {
    const EntityInfo& e = d_.entities[place];
    if (e.type == EntityType::kCountry) return place;
    return d_.EntityOfStateOf(e.dict_entry);
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

  void VenueVisits(uint32_t chunk, bool noun, const std::vector<int>& participants, const std::string& date) {
    uint32_t from = noun ? d_.chunk_of[d_.chunks[chunk].last - 1] : chunk;
    Actors places = args_.PrepAfter(from, "in", !noun);
    for (const Ref& place : places) {
      if (place.type != EntityType::kLocation && place.type != EntityType::kCountry) continue;
      int where = place.entities[0];
      int state = StateOf(where);
      const std::string* state_name = StateNameOf(where);
      if (state < 0 && !state_name) continue;
      for (int person : participants) {
        const EntityInfo& pe = d_.entities[person];
        if (pe.type != EntityType::kPerson || pe.country < 0) continue;
        // the host did not travel: a person of the place's state, whether
        // or not the article names that state
        if (pe.country == state || (state_name && *state_name == DictName(pe.country))) continue;
        rules_.AddEntities(person, Predicate::kVisited, where, 0.65, "frame:venue", date);
        if (state >= 0 && where != state) rules_.AddEntities(person, Predicate::kVisited, state, 0.6, "frame:venue", date);
      }
    }
  }
};

}  // namespace

void ExtractFrames(Document* doc, const SentenceView& s) { FramePass(doc, s).Run(); }

}  // namespace irkg::internal
