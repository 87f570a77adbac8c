// Internal to extract/: the questions relation rules ask about a sentence
// ("which actor is the subject?", "is this trigger negated?"), answered in
// one place so every rule reads the same way.
#pragma once

#include <initializer_list>
#include <string_view>

#include "extract/relation_rules.h"

namespace irkg::internal {

constexpr unsigned kActors = TypeBit(EntityType::kPerson) | TypeBit(EntityType::kCountry) | TypeBit(EntityType::kOrganization);
constexpr unsigned kPlaces = TypeBit(EntityType::kCountry) | TypeBit(EntityType::kLocation);

class RuleContext {
 public:
  RuleContext(Document* doc, const SentenceView& s) : d(*doc), s(s) {}

  Document& d;
  const SentenceView& s;

  // Whether a word of the class stands anywhere in the sentence: a look for
  // one is skipped where none does (in most sentences, for most classes).
  bool SentenceHas(CueClass cls) const { return s.cues[cls.id()]; }
  // A cue word outside any name ("States" in "United States" is no verb).
  bool Cue(uint32_t tok, CueClass cls) const {
    return tok >= s.first && tok < s.last && d.mention_at[tok] < 0 && d.Is(tok, cls);
  }
  bool Word(uint32_t tok, LowerWord word) const { return tok >= s.first && tok < s.last && d.IsWord(tok, word); }
  // The tokens of a cue class in a sentence outside any name, in text
  // order: found as the range is walked, no list built (the rules ask for
  // a dozen classes in every sentence, and most sentences have none of
  // them: the sentence's classes are tested first).
  class CueTokens {
   public:
    CueTokens(const Document& d, const SentenceView& s, CueClass cls)
        : d_(d), cls_(cls), first_(s.first), last_(s.cues[cls.id()] ? s.last : s.first) {}
    class iterator {
     public:
      iterator(const CueTokens& range, uint32_t tok) : range_(range), tok_(tok) {}
      uint32_t operator*() const { return tok_; }
      iterator& operator++() {
        tok_ = range_.Next(tok_ + 1);
        return *this;
      }
      bool operator!=(const iterator& o) const { return tok_ != o.tok_; }

     private:
      const CueTokens& range_;
      uint32_t tok_;
    };
    iterator begin() const { return iterator(*this, Next(first_)); }
    iterator end() const { return iterator(*this, last_); }

   private:
    uint32_t Next(uint32_t tok) const {
      while (tok < last_ && !(d_.Is(tok, cls_) && d_.mention_at[tok] < 0)) ++tok;
      return tok;
    }
    const Document& d_;
    CueClass cls_;
    uint32_t first_, last_;
  };
  CueTokens Triggers(CueClass cls) const { return CueTokens(d, s, cls); }

  // Index of the ref covering or starting at `tok`, or -1.
  int RefAt(uint32_t tok) const;
  // The ref a sentence is about before `tok`: its first person, else its
  // first actor (skipping demonyms that only modify a noun).
  int SubjectBefore(uint32_t tok, unsigned types = kActors) const;
  // The nearest ref before `tok` of the given types, within `window` tokens.
  int NearestBefore(uint32_t tok, unsigned types, uint32_t window = 1000) const;
  // The first ref after `tok` of the given types, and the refs listed with
  // it ("Chile, Peru and the Dominican Republic").
  std::vector<int> ListAfter(uint32_t tok, unsigned types, uint32_t window = 1000) const;
  // The refs listed together that end right before `tok` ("Peru, Chile and Ecuador have").
  std::vector<int> ListBefore(uint32_t tok, unsigned types) const;
  // True when the tokens [from, to) are all an office's words ("Foreign Minister").
  bool OfficeBetween(uint32_t from, uint32_t to) const;
  // All refs of the list starting at ref `r`.
  std::vector<int> ListFrom(int r, unsigned types) const;

  // Two refs of `types` before `tok` joined by "and", with only their
  // describing words between ("A and his Italian counterpart B").
  std::vector<int> ConjoinedBefore(uint32_t tok, unsigned types) const;
  // The same among the refs within tokens [from, to).
  std::vector<int> Conjoined(uint32_t from, uint32_t to, unsigned types) const;

  // True when a quotation mark stands between two tokens: a quote's words
  // and the words about it are different statements.
  bool CrossesQuote(uint32_t a, uint32_t b) const;

  bool Negated(uint32_t trigger) const;
  // Inside what a denial says did not happen: "A denied that B had
  // attacked", "A denied shelling B" (part of Negated).
  bool Denied(uint32_t trigger) const;
  // Ended or withheld: "halted gas supplies", "ended its cooperation with":
  // a verb of stopping a few words before the trigger, in its clause.
  bool Stopped(uint32_t trigger) const;
  // A passive participle ("was criticised by B", "were sanctioned"): its
  // subject is the one the act was done to, which cue rules that take the
  // clause subject as the doer would turn around.
  bool Passive(uint32_t trigger) const;
  // Whether a contrasting clause ("while", "whereas", ";") or the subject's
  // next verb (NextVerbBetween) opens between a trigger and a later token:
  // what follows is no complement of the trigger.
  bool ClauseBetween(uint32_t trigger, uint32_t to) const;
  // Whether the subject's next verb opens between a trigger and a later
  // token: "A voiced concern over the row and urged B to ...", "thanked A
  // for its solidarity and slammed B" (a verb right after a verb trigger,
  // as in "condemned and denounced B", shares its object).
  bool NextVerbBetween(uint32_t trigger, uint32_t to) const;
  // Whether a subordinate clause opens between two tokens ("after",
  // "because", "when": a word the tagger reads as a subordinator).
  bool SubordinateBetween(uint32_t from, uint32_t to) const;
  // The place a topic names, not where an act was: "discussed the crisis
  // in Haiti", "talks on the war in Sudan" (a topic_noun before "in").
  bool TopicPlace(const Ref& place) const;
  // Future, hypothetical or wished-for: "plans to visit", "may impose", "the necessity to sign".
  bool Modal(uint32_t trigger) const;
  bool DirectiveBefore(uint32_t to) const;
  bool ConditionAfter(uint32_t tok) const;  // "if" or "unless" later in the sentence  // "invited B [to] visit": a verb asking another to act
  // Inside a condition: "if A joins B", "unless they sign" ("if", "unless"
  // or "whether" earlier in the sentence).
  bool Conditional(uint32_t trigger) const;

  // The date stated nearest to the trigger, else empty.
  std::string DateNear(uint32_t trigger, bool event = false) const;

  // Whether the list of names around token `first` opens after a plural
  // word for people and "of" or "from" ("the leaders of A, B and C",
  // "ministers from A and B"): the states named are whose people act, not
  // actors themselves (cue class people_plural).
  bool PeopleOfStatesList(uint32_t first) const;

  // "NATO members", "EU states": a body named as its members' owner is not
  // the one acting.
  bool NamesMembers(int ref) const;

  bool TypeIn(int ref, unsigned types) const { return ref >= 0 && (types & TypeBit(s.refs[ref].type)); }

  // Records subject -> object for every entity of the two refs (groups expand).
  void Add(int subject_ref, Predicate p, int object_ref, double confidence, const char* rule,
           const std::string& date = "", const std::string& title = "", const std::string& what = "");
  void AddEntities(int subject, Predicate p, int object, double confidence, const char* rule,
                   const std::string& date = "", const std::string& title = "", const std::string& what = "");
};

}  // namespace irkg::internal
