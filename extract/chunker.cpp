// Chunking: the tokens of each sentence grouped into noun phrases, verb
// groups and the small words between them, from the part-of-speech tags.
//
// Reads: tokens, sentences, tags, mentions (mention_at).
// Adds:  doc->chunks, doc->chunk_of.
//
//   [NP The Chilean foreign minister Ana Pérez] [VG has not yet met]
//   [NP her Peruvian counterpart] [P in] [NP Lima] [,] [SUB because] ...
//
// A noun phrase never splits an entity mention, and never joins two
// mentions of different names that merely stand side by side ("Peru Ana
// Pérez" in "the president of Peru Ana Pérez"): a name after a name starts
// a new phrase unless the first is a demonym or an office ("Chilean",
// "Foreign Minister") describing the second. One pass, linear in tokens.
#include "extract/document.h"

namespace irkg::internal {
namespace {

bool IsPossessiveMark(std::string_view t) {
  return t == "'s" || t == "\u2019s" || t == "'" || t == "\u2019" || t == "`s" || t == "'S";
}

bool IsBoundaryPunct(std::string_view t) {
  return t == ";" || t == ":" || t == "(" || t == ")" || t == "[" || t == "]" || t == "\"" || t == "\u201C" ||
         t == "\u201D" || t == "\u2013" || t == "\u2014" || t == "?" || t == "!" || t == "." || t == "...";
}

bool NounLike(Pos p) {
  return p == Pos::kNoun || p == Pos::kProperNoun || p == Pos::kAdjective || p == Pos::kNumber ||
         p == Pos::kDeterminer;
}

bool VerbLike(Pos p) { return p == Pos::kVerb || p == Pos::kAuxiliary || p == Pos::kModal; }

class Chunker {
 public:
  explicit Chunker(Document& d) : d(d) {}

  void Run() {
    d.chunk_of.assign(d.tokens.size(), 0);
    scare_.assign(d.tokens.size(), kNoScare);
    for (const auto& s : d.sentences) ChunkSentence(s.first, s.last);
  }

 private:
  Document& d;
  static constexpr uint32_t kScareQuoteWords = 5;
  enum Scare : unsigned char { kNoScare, kOpening, kClosing };
  std::vector<Scare> scare_;  // token -> a scare quote's mark (MarkScareQuotes)
  int open_scare_ = -1;       // an opening scare mark waiting for its phrase

  // (TagTokens gives every token a tag, kOther without a lexicon: no test
  // of the vector a token, which the chunker asks of every word and its
  // neighbours)
  Pos PosAt(uint32_t i) const { return d.tags[i].pos; }
  const Mention* MentionStartingAt(uint32_t i) const {
    int m = d.mention_at[i];
    return m >= 0 && d.mentions[m].first == i ? &d.mentions[m] : nullptr;
  }

  // "(AU)" right after "African Union": an acronym of the same kind of
  // name between parentheses starting at `open`, or null. (Chunks come
  // before coreference, which makes the two one entity.)
  const Mention* ShortFormAt(uint32_t open, uint32_t last, const Mention& name) const {
    if (open + 2 >= last || d.Text(open) != "(") return nullptr;
    const Mention* inner = MentionStartingAt(open + 1);
    if (!inner || inner->type != name.type || inner->last != open + 2 || !d.tokens[open + 1].upper ||
        inner->last >= last || d.Text(inner->last) != ")")
      return nullptr;
    return inner;
  }

  void Emit(Chunk c) {
    if (open_scare_ >= 0) {  // a scare quote's opening mark starts the phrase it opens
      c.first = static_cast<uint32_t>(open_scare_);
      open_scare_ = -1;
    }
    for (uint32_t i = c.first; i < c.last; ++i) d.chunk_of[i] = static_cast<uint32_t>(d.chunks.size());
    d.chunks.push_back(c);
  }

  // Quotation marks around a few words inside a clause ('would "pay a
  // price"', 'took "strong countermeasures" against'): scare quotes, which
  // no more end a phrase than they start a statement. Not a quotation
  // introduced by a colon or a comma, or one that opens the sentence.
  void MarkScareQuotes(uint32_t first, uint32_t last) {
    int open = -1;
    for (uint32_t i = first; i < last; ++i) {
      if (!d.IsDoubleQuote(i)) continue;
      if (open < 0) {
        open = static_cast<int>(i);
        continue;
      }
      const uint32_t o = static_cast<uint32_t>(open), words = i - o - 1;
      open = -1;
      // 'A said B "will bear the consequences."': a quotation opened inside
      // a clause and running to the sentence's end quotes the clause's rest,
      // whatever its length; the clause goes on through its mark
      const bool to_end = i + 1 == last || (i + 2 == last && d.tokens[i + 1].shape == TokenShape::kPunct);
      if (o == first || words == 0 || (words > kScareQuoteWords && !to_end)) continue;
      if (d.Text(o - 1) == ":" || d.Text(o - 1) == ",") continue;
      bool plain = true;
      for (uint32_t k = o + 1; k < i; ++k) plain = plain && d.tokens[k].shape != TokenShape::kPunct;
      if (plain || to_end) scare_[o] = kOpening, scare_[i] = kClosing;
    }
  }

  void ChunkSentence(uint32_t first, uint32_t last) {
    MarkScareQuotes(first, last);
    const size_t first_chunk = d.chunks.size();
    ChunkWords(first, last);
    ShareModality(first_chunk);
  }

  // "will visit the mosque and pay tribute", "plans to meet A and sign the
  // deal": a bare verb coordinated with a modal or infinitive group is as
  // far from having happened as that group.
  void ShareModality(size_t first_chunk) {
    for (size_t k = first_chunk + 2; k < d.chunks.size(); ++k) {
      Chunk& c = d.chunks[k];
      if (c.kind != ChunkKind::kVerb || c.modal || c.negated || d.tags[c.head].form != VerbForm::kBase ||
          c.first != c.head || d.chunks[k - 1].kind != ChunkKind::kCoordinator)
        continue;
      for (size_t j = k - 1; j-- > first_chunk;) {
        const Chunk& before = d.chunks[j];
        if (before.kind == ChunkKind::kSubordinator || before.kind == ChunkKind::kBoundary) break;
        if (before.kind != ChunkKind::kVerb) continue;
        if (before.modal) {
          c.modal = true;
          c.infinitive = before.infinitive;
        }
        break;
      }
    }
  }

  void ChunkWords(uint32_t first, uint32_t last) {
    uint32_t i = first;
    while (i < last) {
      std::string_view t = d.Text(i);
      Pos p = PosAt(i);
      if (scare_[i] == kOpening) {
        open_scare_ = static_cast<int>(i);
        ++i;
        continue;
      }
      if (scare_[i] == kClosing && !d.chunks.empty() && d.chunks.back().last == i) {  // its closing mark ends the phrase before it
        d.chunks.back().last = i + 1;
        d.chunk_of[i] = static_cast<uint32_t>(d.chunks.size() - 1);
        ++i;
        continue;
      }
      if (d.mention_at[i] >= 0 || NounLike(p)) {
        i = NounPhrase(i, last);
      } else if (p == Pos::kPronoun) {
        i = PronounPhrase(i, last);
      } else if (VerbLike(p) || p == Pos::kNegator || (p == Pos::kParticle && i + 1 < last && VerbAhead(i + 1, last)) ||
                 (p == Pos::kAdverb && VerbAhead(i + 1, last))) {
        i = VerbGroup(i, last);
      } else if (t == ",") {
        Emit({i, i + 1, ChunkKind::kComma, i});
        ++i;
      } else if (d.tokens[i].shape == TokenShape::kPunct &&  // (a word is never one: no text compared)
                 (IsBoundaryPunct(t) || (t == "-" && d.tokens[i].space_before))) {
        Emit({i, i + 1, ChunkKind::kBoundary, i});
        ++i;
      } else {
        ChunkKind k = p == Pos::kPreposition    ? ChunkKind::kPreposition
                      : p == Pos::kCoordinator  ? ChunkKind::kCoordinator
                      : p == Pos::kSubordinator ? ChunkKind::kSubordinator
                                                : ChunkKind::kOther;
        Emit({i, i + 1, k, i});
        ++i;
      }
    }
  }

  // A verb follows, with only adverbs, negators and auxiliaries before it.
  bool VerbAhead(uint32_t i, uint32_t last) const {
    for (; i < last; ++i) {
      Pos p = PosAt(i);
      if (VerbLike(p)) return true;
      if (p != Pos::kAdverb && p != Pos::kNegator) return false;
    }
    return false;
  }

  // "he", "they", "who", and possessive determiners that open a noun
  // phrase ("his visit", "their talks").
  uint32_t PronounPhrase(uint32_t i, uint32_t last) {
    bool determiner = (d.IsWord(i, "his") || d.IsWord(i, "her") || d.IsWord(i, "their") || d.IsWord(i, "its") ||
                       d.IsWord(i, "our") || d.IsWord(i, "my") || d.IsWord(i, "your") || d.IsWord(i, "whose")) &&
                      i + 1 < last && (d.mention_at[i + 1] >= 0 || NounLike(PosAt(i + 1)));
    if (determiner) return NounPhrase(i, last);
    Chunk c{i, i + 1, ChunkKind::kNoun, i};
    c.pronoun = true;
    c.relative = d.IsWord(i, "who") || d.IsWord(i, "which") || d.IsWord(i, "whom");
    Emit(c);
    return i + 1;
  }

  uint32_t NounPhrase(uint32_t i, uint32_t last) {
    Chunk c{i, i, ChunkKind::kNoun, i};
    bool has_name = false, has_noun = false;
    bool last_was_describer = false;  // the name just taken describes what follows: a demonym, an office
    bool date_only = false;  // only a day or a month so far: "On Monday Ana Pérez said" is two phrases
    uint32_t j = i;
    // a possessive determiner opens the phrase
    if (PosAt(j) == Pos::kPronoun) ++j;
    while (j < last) {
      // 'took "strong countermeasures"': the phrase goes on inside (not
      // after its head: 'called the raid "barbaric"' quotes what is said of it)
      if (scare_[j] == kOpening && j > i) {
        if (has_noun) break;
        ++j;
        continue;
      }
      // 'a "merciless" response': a scare quote around the words that
      // describe the head goes on to the head
      if (scare_[j] == kClosing && j > i && !has_noun && !has_name && j + 1 < last &&
          MentionStartingAt(j + 1) == nullptr && NounLike(PosAt(j + 1))) {
        ++j;
        continue;
      }
      // "swift and decisive action", "a merciless and overwhelming response":
      // adjectives coordinated before their noun are one phrase (demonyms,
      // which are names, stay a list: "the Chilean and Peruvian navies")
      if ((d.IsWord(j, "and") || d.IsWord(j, "or")) && j > i && !has_noun && !has_name &&
          PosAt(j - 1) == Pos::kAdjective && d.mention_at[j - 1] < 0 && j + 1 < last &&
          PosAt(j + 1) == Pos::kAdjective && d.mention_at[j + 1] < 0) {
        ++j;
        continue;
      }
      if (const Mention* m = MentionStartingAt(j)) {
        bool describer = m->form == MentionForm::kAdjective;
        if (has_name && !last_was_describer) break;  // two names side by side: two phrases
        if (date_only) break;  // a date before a name does not describe it
        // "a move Chile condemned", "the measures Peru imposed": a name after
        // a word for an act opens the clause that tells of the act
        if (!has_name && j > i && PosAt(j - 1) == Pos::kNoun && d.Is(j - 1, "deed_noun")) break;
        // "In the afternoon Soto drove", "Later that week Chile said": a
        // time of day or span before a name says when, and names nobody
        if (!has_name && j > i && PosAt(j - 1) == Pos::kNoun && d.Is(j - 1, "time_noun")) break;
        date_only = false;
        has_name = true;
        last_was_describer = describer;
        j = m->last;
        c.head = j - 1;
        // "African Union (AU) Chairperson A": the short form of the name just
        // read, in parentheses, belongs to it, and the name may describe an
        // office after it
        if (const Mention* shortened = ShortFormAt(j, last, *m)) {
          j = shortened->last + 1;
          last_was_describer = true;
        }
        continue;
      }
      if (d.mention_at[j] >= 0) break;  // inside a mention begun elsewhere: cannot happen, but stay safe
      Pos p = PosAt(j);
      std::string_view t = d.Text(j);
      if (p == Pos::kDeterminer && (has_noun || has_name)) break;  // "met the minister the day" is two phrases
      if (NounLike(p)) {
        if (has_name && !last_was_describer && p != Pos::kNoun && p != Pos::kProperNoun && p != Pos::kNumber) break;
        // a day, a month, or the number of a day after its month ("May 5")
        date_only = (d.Is(j, "weekday") || d.Is(j, "month")) ? j == i || date_only : date_only && p == Pos::kNumber;
        has_noun = has_noun || p == Pos::kNoun || p == Pos::kProperNoun;
        // an office word before a name describes it ("Foreign Minister Ana Pérez")
        last_was_describer = p == Pos::kNoun || p == Pos::kProperNoun || p == Pos::kAdjective;
        c.head = j;
        ++j;
        continue;
      }
      // the period of an abbreviation or an initial inside the sentence:
      // "Dr. Ana Pérez", "George P. Brown", "Gen. Soto"
      if (t == "." && j > i && j + 1 < last &&
          (d.Is(j - 1, "abbreviation") || d.Is(j - 1, "honorific") ||
           (d.Text(j - 1).size() == 1 && d.tokens[j - 1].cap))) {
        ++j;
        continue;
      }
      // hyphens and slashes inside a compound: "Chile-Peru talks", "oil-rich"
      if ((t == "-" || t == "/") && !d.tokens[j].space_before && j + 1 < last && !d.tokens[j + 1].space_before) {
        ++j;
        continue;
      }
      break;
    }
    if (j == i) j = i + 1;  // a lone possessive determiner: still a phrase
    c.last = j;
    if (j < last && IsPossessiveMark(d.Text(j))) {
      c.possessor = true;
      c.last = j + 1;
    }
    Emit(c);
    return c.last;
  }

  uint32_t VerbGroup(uint32_t i, uint32_t last) {
    Chunk c{i, i, ChunkKind::kVerb, i};
    bool be_seen = false;
    uint32_t j = i;
    for (; j < last; ++j) {
      if (scare_[j] == kOpening) continue;  // 'would "pay a price"': the verb group goes on inside
      Pos p = PosAt(j);
      if (d.mention_at[j] >= 0) break;
      if (p == Pos::kNegator || d.tags[j].negated) {
        c.negated = true;
        continue;
      }
      if (p == Pos::kModal) {
        c.modal = true;
        continue;
      }
      if (p == Pos::kParticle) {
        c.modal = c.infinitive = true;
        continue;
      }
      if (p == Pos::kAdverb) {
        if (VerbAhead(j + 1, last)) continue;
        break;
      }
      // a quantifier floated off its subject: "have both condemned", "were all invited"
      if (p == Pos::kDeterminer && j > i && d.Is(j, "floating_quantifier") &&
          VerbAhead(j + 1, last))
        continue;
      if (p == Pos::kAuxiliary) {
        // "be" before a participle makes a passive; keep looking for the main verb
        if (d.tags[j].lemma && d.lexicon && d.lexicon->LemmaText(d.tags[j].lemma) == "be") be_seen = true;
        c.head = j;
        continue;
      }
      if (p == Pos::kVerb) {
        c.head = j;
        VerbForm f = d.tags[j].form;
        c.passive = be_seen && (f == VerbForm::kPastOrParticiple || f == VerbForm::kParticiple || f == VerbForm::kPast);
        c.gerund = f == VerbForm::kGerund && !be_seen;
        ++j;
        // a verb group has one main verb, but "was set to visit" goes on below as a new group
        break;
      }
      break;
    }
    if (j == i) j = i + 1;
    c.last = j;
    Emit(c);
    return j;
  }
};

}  // namespace

void ChunkSentences(Document* doc) { Chunker(*doc).Run(); }

}  // namespace irkg::internal
