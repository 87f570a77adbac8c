// Internal to extract/: where the actors of a trigger word stand in its
// sentence, read off the chunks (ChunkSentences) and the sentence's resolved
// references (SentenceView::refs). The frame pass asks it for a frame's
// slots: the clause subject of a verb, its object, the by-phrase of a
// passive, a prepositional phrase, the possessor of a noun ("A's visit"),
// the names before a noun ("Chilean strikes"), the doer of the light verb a
// noun is object of ("A held talks").
//
// An answer is a list of actors: a noun phrase and those coordinated with it
// ("A, B and C"). Lists never mix people with states or bodies.
// Every question is answered by walking a few chunks: linear in the
// sentence at worst, so a sentence costs linear time per trigger.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "extract/relation_rules.h"

namespace irkg::internal {

using Actors = std::vector<Ref>;  // refs of the sentence (or made for a possessive pronoun)

class ArgumentFinder {
 public:
  ArgumentFinder(const Document& d, const SentenceView& s);

  // Chunk range of the sentence.
  uint32_t first_chunk() const { return first_; }
  uint32_t last_chunk() const { return last_; }

  // Verb groups (chunk index of a kVerb chunk).
  Actors Agent(uint32_t verb) const;    // active: clause subject; passive: by-phrase
  Actors Patient(uint32_t verb) const;
  // "Peru sent warships, a move (that) Chile condemned": the comma before
  // the word for the act, when `verb` tells of a clause so renamed; or -1.
  int ClauseRenamedAsAct(uint32_t verb) const;  // active: direct object; passive: clause subject
  // The noun phrase right after a verb group (past adverbs), its object in
  // the active, whether or not it names anyone: "called [the vote] a sham"; or -1.
  int ObjectPhrase(uint32_t verb) const;
  // An infinitive of purpose: "A flew to Lima to meet B". The verb group it
  // serves ("flew"), or -1; and that verb's doer (A).
  int PurposeGovernor(uint32_t infinitive) const;
  Actors PurposeAgent(uint32_t infinitive) const;
  // The noun phrase after the first `prep` phrase following chunk `from`.
  // Verbs look across the rest of their clause; nouns only at the
  // prepositional phrases right after them ("visit of A to B").
  Actors PrepAfter(uint32_t from, LowerWord prep, bool across_clause) const;
  // The object of the infinitive that completes a verb: "were invited to
  // join the Pacific Alliance" -> the Pacific Alliance; when that object
  // names no one, the with/to/against phrase of the object: "threatened to
  // close its border with B" -> B.
  Actors InfinitiveObject(uint32_t verb) const;

  // Noun phrases (chunk index of a kNoun chunk).
  Actors Possessor(uint32_t noun_phrase) const;  // "A's visit", "his visit", "their talks"
  // The one state or body "its" at the phrase's start stands for: the doer
  // of its clause's verb ("Oslo said its treaty with Lima ..."), or none.
  Actors ItsOwner(uint32_t noun_phrase) const;
  Actors Modifiers(uint32_t noun_phrase, uint32_t head_token) const;  // refs before the head word
  // Those named with "together with" or "along with" after a verb's own
  // phrases: "A founded the bloc in 2024 together with B" -> B.
  Actors CompanionsAfter(uint32_t verb) const;
  // The states or bodies a phrase names by their adjectives before its
  // head: "Chilean bases" -> Chile, "the Houthi attack" -> the Houthis.
  Actors DemonymStates(uint32_t noun_phrase) const;
  // The states named before the head of the verb's object: "imported
  // Qatari gas" -> Qatar (where goods come from).
  Actors GoodsOrigin(uint32_t verb) const;
  Actors Holder(uint32_t noun_phrase) const;     // "A held talks", "talks were held by A",
                                                 // "At talks with B, A said": the main clause's subject;
                                                 // "A received a call from B": B
  // "Chile's decision to expel B": the owner of the decision (cue class
  // decision_noun) an infinitive completes, who did the act; else none.
  Actors Decider(uint32_t verb) const;
  // "the sanctions (that) A imposed on B": the light verb of the relative
  // clause that says who did what the noun names, or -1.
  int RelativeLightVerb(uint32_t noun_phrase) const;
  // "A received a call from B", "drew a warning from B": the subject of the
  // verb of receipt (data/language/frames.tsv) the noun is object of; else none.
  Actors Recipient(uint32_t noun_phrase) const;
  // The verb of receipt the noun phrase is object of, or -1.
  int ReceiptVerbOf(uint32_t noun_phrase) const;
  // The lemma of a chunk's head word ("met" -> meet), empty without a lexicon.
  std::string_view HeadLemma(uint32_t chunk) const;
  // "a summit involving A, B and C", "talks attended by A and B"
  Actors Participants(uint32_t noun_phrase) const;
  // The participle of holding that describes an event noun, past the
  // noun's own phrases: "the summit of the bloc, held in Lima" -> "held"
  // (a verb group), or -1.
  int HeldParticiple(uint32_t noun_phrase) const;
  // The place a "where" clause that holds the chunk describes: "A flew in
  // from Lima, where she met B" -> Lima; or none.
  Actors WherePlace(uint32_t chunk) const;
  // "the bloc, of which A is a founding member,": the phrase the "of which"
  // clause holding the noun describes (the bloc); none elsewhere.
  Actors OfWhich(uint32_t noun_phrase) const;
  // "summoned Ambassador B of Chile", "summoned the Chilean envoy": the
  // states the verb's object serves (a person's known state, or the state
  // the object names itself).
  Actors EnvoyStates(uint32_t verb) const;
  // "B's bases would be legitimate targets": the actors of the subject a
  // copula says the noun phrase of; none when no copula governs it.
  Actors CopulaSubject(uint32_t noun_phrase) const;
  // "an attack blamed on B", "a strike on a depot claimed by B": the one a
  // participle of attribution (cue class attribution_verb) lays the act to
  Actors Attributed(uint32_t noun_phrase) const;
  // Who says the clause a trigger (chunk) stands in: the subject of a speech
  // verb before it ("A said that B would pay", "A warned B would pay") or
  // after it ("B will pay, A said").
  Actors Speaker(uint32_t chunk) const;
  // The doer of the condition that follows a trigger (chunk) in its
  // sentence, or opens the trigger's sentence or reported clause: "A
  // warned of consequences if B deploys troops", "If B deploys troops, A
  // will respond" -> B; none when the condition names no doer ("if the
  // drills go ahead").
  Actors ConditionAgent(uint32_t chunk) const;
  // The doer of the "after" or "because" clause that follows a trigger
  // (chunk): "vowed a response after B expelled its envoys" -> B.
  Actors CauseAgent(uint32_t chunk) const;
  // Those a noun phrase in apposition describes: "A, a fierce critic of
  // B,", "A, Chile's envoy and a backer of B," -> A (named right before the
  // comma that opens the apposition); "the members of B, A, C and D," -> A,
  // C and D (listed between commas after it).
  Actors Apposed(uint32_t noun_phrase) const;
  // The verb group of the clause a noun phrase stands in when the phrase is
  // the object of a preposition ("is in Lima on a visit" -> "is"), or -1.
  int ClauseVerb(uint32_t noun_phrase) const;
  // The verb group a noun phrase (with its prepositional phrases and lists)
  // is the subject of: "the talks between A and B [ended] in Lima", or -1.
  int PredicateOf(uint32_t noun_phrase) const;
  // The verb group a noun phrase is the object (or passive subject) of, or -1.
  int Governor(uint32_t noun_phrase) const;
  // The verb of the main clause a fronted phrase ("At the talks in Lima, A
  // said ...") at `noun_phrase` belongs to, or -1.
  int MainVerbAfterFronted(uint32_t noun_phrase) const;
  // The phrase that counts the event `noun_phrase` names ("the third round
  // of [talks]"), else `noun_phrase` itself.
  uint32_t EventPhrase(uint32_t noun_phrase) const;

  // The actor a noun phrase stands for: its last name, else a demonym when
  // the phrase is the state's body ("the Chilean side"), else none (-1).
  int HeadActor(uint32_t noun_phrase) const;

  // Whether chunk c is a quotation mark.
  bool QuoteMark(uint32_t c) const;
  // Whether the verb group at `verb` is that of a relative clause whose
  // pronoun is its object: "the firm, which the EU accused", "B, whom A
  // accused" (the pronoun, the clause's subject, the verb).
  bool ObjectRelativeVerb(uint32_t verb) const;
  // That relative pronoun's chunk, past the clause's subject (one phrase or
  // a list: "which Chile and Peru signed"), or -1.
  int RelativePronounOf(uint32_t verb) const;

 private:
  // One item of a list: a name, or an office phrase that leads to one
  // ("the Foreign Minister of Chile Ana Pérez", "the US envoy, Ana Pérez").
  struct Item {
    int actor = -1;            // ref index, -1 when the phrase names none
    uint32_t first = 0, last = 0;  // chunks it spans
  };
  Item ItemAt(uint32_t noun_phrase) const;
  // An office phrase naming no holder, "of" or "from" a state: that state.
  Item UnnamedHolderOf(uint32_t office_phrase) const;
  uint32_t ItemStart(uint32_t noun_phrase) const;  // where the item ending at this phrase begins
  bool IsOfficePhrase(uint32_t noun_phrase) const;
  // The chunk where the title that `chunk` begins inside of starts, else
  // `chunk`: "Minister of Culture and Heritage" is chunked [Minister] [of]
  // [Culture] [and] [Heritage], one office.
  uint32_t TitleStart(uint32_t chunk) const;
  bool NamedOffice(uint32_t noun_phrase, int owner_ref) const;  // "DPRK Ambassador"
  bool VerbBefore(uint32_t chunk) const;
  bool EndsWithHyphen(uint32_t chunk) const;  // "the Chile-" of "the Chile-Peru drills"
  bool ReducedPassive(uint32_t verb) const;  // "sanctions [imposed] by A": a participle after a noun
  // "the Lima Accord, [signed] by A and B, ended ...": a participle with a
  // by-phrase set off by commas between a subject and its verb
  bool SetOffParticiple(uint32_t verb) const;
  // "praised the accord [signed] between A and B": a bare participle right
  // after a verb's object, with no object of its own
  bool ObjectParticiple(uint32_t verb) const;
  int AgreementBefore(uint32_t verb) const;  // the agreement named right before the verb: a ref, or -1
  // "A and B were among six states [invited] to join": a participle after
  // "among" a copula's complement is passive, its patients the copula's
  // subject; the copula's chunk, or -1.
  int AmongCopula(uint32_t verb) const;
  // The copula whose complement `np` is, after "among" ("A were among [the
  // leaders] who ..."), or -1.
  int CopulaAmong(uint32_t np) const;
  // A noun phrase that only says when: "this year", "last week", "Monday".
  bool TimePhrase(uint32_t noun_phrase) const;
  // Whether chunk c ends a clause (a boundary other than a quotation
  // mark); whether it is a subordinator opening with one of `words`.
  bool EndsClause(uint32_t c) const;
  bool OpensWith(uint32_t c, std::span<const LowerWord> words) const;
  // The doer of the first subordinate clause after `chunk` in its
  // sentence when one of `openers` opens it (none when another clause
  // opens first), and the doer of the clause opened at chunk `opener`.
  std::optional<Actors> DoerOfClauseAfter(uint32_t chunk, std::span<const LowerWord> openers) const;
  // The comma that closes a phrase in apposition opening at `np` ("the
  // Peruvian capital,", "the bloc's current chairman,"), or np when none.
  uint32_t ApposedPhraseEnd(uint32_t np) const;
  Actors DoerOfClauseAt(uint32_t opener) const;
  bool IsComplementPrep(uint32_t chunk) const;     // "of", "for", an envoy's "to"
  uint32_t SkipComplements(uint32_t chunk) const;  // past "of Chile", "for Europe and Asia"
  int SubjectPhrase(uint32_t verb) const;
  // "said that B ... [were]", "denied that B [had]": the speech or denial
  // verb whose "that" clause holds the verb group, or -1.
  int ReportingVerbOf(uint32_t verb) const;
  // Whether two verb groups are both in the past or both not.
  bool SameTense(uint32_t verb_a, uint32_t verb_b) const;
  bool CanOpenClause(uint32_t word) const;  // "after", "before", "since": also subordinators
  // The chunk before a parenthetical that ends at `comma` ("A, Minister of
  // Energy," -> A), or -1.
  int BeforeParenthetical(uint32_t comma) const;
  // The leader a parenthetical ", led by A," ending at `comma` names (the
  // noun phrase of A), or -1.
  int LeaderInParenthetical(uint32_t comma) const;
  Actors ListFrom(uint32_t noun_phrase) const;   // the phrase and those coordinated after it
  // "[with] the participation of A and B" starting at the preposition
  // `prep`: those it lists (a participation noun of data/language/frames.tsv)
  Actors ParticipationList(uint32_t prep) const;
  // Those a participant verb at `verb` lists ("attended by A and B",
  // "involving A"), and those of a second one joined to it ("chaired by A
  // and attended by B").
  Actors ParticipantsOfVerb(uint32_t verb) const;
  Actors ListEndingAt(uint32_t noun_phrase) const;
  // Past an apposition closed by a comma after a list item ("A, Minister of
  // Energy, and B"); `chunk` itself when there is none.
  uint32_t SkipItemTail(uint32_t chunk) const;
  // A city and the region or state after its comma: "Arlington, Virginia".
  bool PlaceWithin(uint32_t place_phrase, uint32_t container_phrase) const;
  // "A, together with B, signed": the subject with its companions, or none.
  Actors CoAgents(uint32_t verb) const;
  // "the presidents of A, B and C signed": the states listed, and the
  // person the article names holding that office of each (one for each
  // state, or none added), as signers, hosts or guests in their own right.
  Actors WithOfficeHolders(Actors list) const;
  // "A and his Chilean and Peruvian counterparts, B and C": the list B, C
  // with A, whose counterparts they are, before it.
  Actors WithCounterpartsAnchor(Actors list) const;
  // "his Chilean and Peruvian counterparts, A and B": the people the comma
  // names after the word for them, not the states describing it; or none.
  Actors CounterpartsNamed(uint32_t noun_phrase) const;
  Actors ListOrOwners(uint32_t noun_phrase) const;
  int ClauseVerbOf(uint32_t np) const;
  bool LeadByAt(uint32_t verb) const;
  Actors LeadersOf(uint32_t np) const;
  // The phrase a free relative of naming stands for ("what it called B's
  // coercion" -> "B's coercion"), or `np` itself.
  uint32_t NamedAs(uint32_t np) const;
  // "delegations from", "troops from": a state's body or people, then the
  // states they come from
  bool StateGroupFrom(uint32_t noun_phrase) const;  // the list, else the actors "of" it names
  bool Is(uint32_t chunk, ChunkKind kind) const { return chunk >= first_ && chunk < last_ && d_.chunks[chunk].kind == kind; }
  bool SameFamily(int ref_a, int ref_b) const;

  mutable std::string lower_;  // CanOpenClause's room
  const Document& d_;
  const SentenceView& s_;
  uint32_t first_ = 0, last_ = 0;  // the sentence's chunks (s_.refs_of_chunk: the refs inside each)
};

}  // namespace irkg::internal
