// Dictionary: the world knowledge the extractor reads from data files —
// countries with their variants, demonyms and capitals; places;
// organizations; offices and titles; given names; and cue words (the
// trigger words of each predicate, head nouns, honorifics ...).
//
// File format (documented in data/README.md): UTF-8, one entry per line,
//   KIND <TAB> CANONICAL [<TAB> key=value|value...]...
// Every surface form of every entry goes into one token trie, so the text
// is matched in a single left-to-right pass, longest match first, whatever
// the size of the dictionary.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/data_directory.h"  // FindDataDirectory, where LoadDefault reads
#include "core/status.h"
#include "extract/cue_class.h"

namespace irkg {

enum class EntryKind : unsigned char { kCountry, kLocation, kOrganization, kTitle, kGivenName, kCue };

// How a surface form names its entry.
enum class FormKind : unsigned char {
  kName,       // the canonical name or an alias: "Azerbaijan", "Republic of Azerbaijan"
  kAdjective,  // a demonym or adjective: "Azerbaijani", "Azeris"
  kCapital,    // the capital, which may stand for its country ("Moscow said")
  kPlural,     // an office in the plural, made by the loader ("foreign ministers")
};

struct DictEntry {
  EntryKind kind = EntryKind::kCue;
  std::string canonical;
  std::string code;      // ISO 3166-1 alpha-3 for countries
  std::string subtype;
  std::string in;        // for places: the country they lie in (background knowledge)
  std::string origin;    // "file:line" it was read from
};

struct FormMatch {
  uint32_t entry;   // index into Dictionary::entries()
  FormKind form;
  EntryKind kind;   // entries()[entry].kind, at hand: matches are ranked by it at every token
};


class Dictionary {
 public:
  Dictionary();
  ~Dictionary();
  Dictionary(Dictionary&&) noexcept;
  Dictionary& operator=(Dictionary&&) noexcept;

  // The dictionaries shipped with irkg (the *.tsv files of FindDataDirectory()), then
  // each of `extra_files` in order.
  static Result<Dictionary> LoadDefault(const std::vector<std::string>& extra_files);

  Status LoadFile(const std::string& path);
  Status LoadString(std::string_view text, const std::string& name);
  // The checks that span entries and files, once everything is loaded
  // (LoadDefault runs them): every country has a unique ISO code; no name
  // or demonym names two countries; every capital is a Location; every
  // in= names a Country. LoadString checks each line by itself (kinds,
  // keys per kind, subtypes, codes, lists, repeats within one file).
  Status Validate() const;

  const std::vector<DictEntry>& entries() const;
  // The entry of KIND with CANONICAL, or -1.
  int Find(EntryKind kind, std::string_view canonical) const;
  // The cue classes a token key belongs to (empty for key 0 and unknown keys).
  const CueMask& CueMaskOf(uint32_t token_key) const {
    return token_key < cue_mask_count_ ? cue_masks_[token_key] : kNoCues;
  }
  bool IsCue(CueClass cue_class, uint32_t token_key) const { return CueMaskOf(token_key)[cue_class.id()]; }
  // Cue entries of several tokens ("In addition", "People's", "co-operation"):
  // every token of each place the phrase occurs in `keys` gains its class in
  // `masks` (one mask per key, filled from CueMaskOf beforehand).
  void AddPhraseCues(const std::vector<uint32_t>& keys, std::vector<CueMask>* masks) const;

  // Token keys: every distinct folded token of every form gets a number > 0;
  // KeyOf gives 0 for a token no form contains.
  uint32_t KeyOf(std::string_view folded_token) const;
  // The key of a token as the text writes it: KeyOf its FoldToken.
  uint32_t KeyOfToken(std::string_view token) const;
  // A number no other table ever had, new whenever this one changes: for
  // a caller's cache of answers from it (internal::RecentLookups).
  uint64_t lookup_serial() const;

  // Longest dictionary form starting at keys[0]. `exact` holds each token's
  // text so that case-sensitive forms (acronyms such as "US", "WHO") only
  // match as written. Returns the number of tokens matched (0 if none) and
  // fills `matches` with every entry that form names.
  size_t LongestMatch(const uint32_t* keys, const std::string_view* exact, size_t n,
                      std::vector<FormMatch>* matches) const;
  // False when every form starting with this token names only cue words
  // (nearly every common word): no match there can be a name.
  bool MayStartName(uint32_t token_key) const {
    return token_key < starts_name_count_ && starts_name_[token_key];
  }

  // The folded key text of a token, as dictionary keys are made.
  static std::string FoldToken(std::string_view token);
  // The same into a reused buffer (the per-token hot path).
  static void FoldTokenInto(std::string_view token, std::string* out);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  // Impl's table of cue masks, seen from here so that CueMaskOf, asked for
  // nearly every token by every rule, inlines; refreshed after each load.
  static const CueMask kNoCues;
  const CueMask* cue_masks_ = nullptr;
  size_t cue_mask_count_ = 0;
  // the same for MayStartName, asked at every token of every article
  const uint8_t* starts_name_ = nullptr;
  size_t starts_name_count_ = 0;
};

}  // namespace irkg
