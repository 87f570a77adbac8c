// Lexicon: what irkg knows of English words, as opposed to names. For a
// lower-case word it gives every part of speech the word can take, with the
// lemma and (for verbs) the inflection of each reading:
//   - open-class words (nouns, verbs, adjectives, adverbs) from WordNet's
//     database (Debian's wordnet-base: index.{noun,verb,adj,adv} and the
//     *.exc exception lists), inflections undone as WordNet's morphology
//     does ("met" -> meet, "talks" -> talk, "warned" -> warn);
//   - closed-class words (determiners, pronouns, prepositions, conjunctions,
//     auxiliaries, modals, negators) from data/lexicon/closed_class.tsv
//     (kept out of data/*.tsv, which are all Dictionary files).
// Readings come most frequent first where WordNet's sense counts say so
// ("talks": noun before verb is decided by the tagger, not here).
//
// A Lexicon is immutable after loading and safe to share between threads.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace irkg {

// Parts of speech, coarse: what chunking and clause finding need.
enum class Pos : unsigned char {
  kOther,        // unknown, symbols
  kNoun,         // common noun: "talks", "minister"
  kProperNoun,   // capitalized name word the lexicon does not explain
  kVerb,         // lexical verb: "met", "condemned"
  kAdjective,
  kAdverb,
  kDeterminer,   // the, a, this, each, both, its ("his" is kPronoun)
  kPronoun,      // he, they, his, their, who (relative and possessive too)
  kPreposition,  // with, to, against, between, by, of
  kCoordinator,  // and, or, but, nor
  kSubordinator, // that, because, while, after (as a clause opener), if
  kAuxiliary,    // be, have, do in any form
  kModal,        // will, would, may, can, must, shall, should, might, could
  kNegator,      // not, n't, never, no
  kParticle,     // infinitival "to"
  kNumber,
  kPunct,
};

// How a verb reading is inflected.
enum class VerbForm : unsigned char {
  kNone,          // not a verb reading
  kBase,          // meet, visit
  kPresent3s,     // meets, visits
  kPast,          // met (also a participle: see kPastOrParticiple)
  kPastOrParticiple,  // visited, met: the tagger decides which
  kParticiple,    // -en forms that are only participles: "taken", "spoken"
  kGerund,        // meeting, visiting
};

// Lemma ids: every lemma the lexicon knows has a number > 0; 0 is "none".
using LemmaId = uint32_t;

// A word as the lexicon spells its forms: ASCII capitals lowered and the
// typographic apostrophe (U+2019) made ASCII, written into `buf`; empty for
// a word too long for it (no form is that long).
std::string_view LexiconSpelling(std::string_view word, std::span<char, 64> buf);

struct WordReading {
  Pos pos = Pos::kOther;
  VerbForm form = VerbForm::kNone;
  LemmaId lemma = 0;
  bool cap = false;  // WordNet writes the word capitalized: "Kenya", "American"
};

class Lexicon {
 public:
  Lexicon();
  ~Lexicon();
  Lexicon(Lexicon&&) noexcept;
  Lexicon& operator=(Lexicon&&) noexcept;

  // WordNet from `wordnet_dir` (index.* and *.exc), closed-class words from
  // `closed_class_file`. Errors name the file and line.
  //
  // Parsing WordNet takes a quarter of a second; a compiled lexicon (see
  // SaveCompiled: the build writes one, and installs it beside
  // closed_class.tsv) is mapped instead, in about a millisecond, when it was
  // made from the same sources: the closed-class file's bytes, and the
  // size and modification time of each WordNet file. Otherwise (no build
  // step, another WordNet, an edited closed-class file) the sources are
  // parsed, so the readings are always theirs.
  static Result<Lexicon> Load(const std::string& wordnet_dir, const std::string& closed_class_file);
  // The same, always from the sources (what the build compiles).
  static Result<Lexicon> Parse(const std::string& wordnet_dir, const std::string& closed_class_file);
  // WordNet from DefaultWordNetDirectory(); closed-class words from
  // lexicon/closed_class.tsv in the data directory the Dictionary uses.
  static Result<Lexicon> LoadDefault();
  // $IRKG_WORDNET_DIR, else /usr/share/wordnet (Debian's wordnet-base).
  static std::string DefaultWordNetDirectory();

  // Writes the loaded lexicon as one file that Load can map; an error when
  // its sources could not be identified (a file of WordNet's missing).
  Status SaveCompiled(const std::string& path) const;
  // Whether this lexicon was mapped from a compiled file.
  bool compiled() const;

  // Every reading of a lower-case word (cleared first). Empty for a word the
  // lexicon does not know.
  void Readings(std::string_view lower_word, std::vector<WordReading>* out) const;
  // The same readings, without a copy: valid as long as the Lexicon. One
  // hash probe (every inflected form is laid out at load): the tagger asks
  // it of every token.
  std::span<const WordReading> Find(std::string_view lower_word) const;
  // The readings of a word as a text writes it ("Talks", "don’t"): Find
  // of its LexiconSpelling.
  std::span<const WordReading> FindWritten(std::string_view word) const;
  // A number no other table ever had: for a caller's cache of answers from
  // it (internal::RecentLookups).
  uint64_t lookup_serial() const;
  bool Has(std::string_view lower_word, Pos pos) const;

  // The id of a lemma ("meet", "condemnation"), 0 when unknown, and back.
  LemmaId Lemma(std::string_view lower_lemma) const;
  std::string_view LemmaText(LemmaId id) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace irkg
