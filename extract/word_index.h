// Internal to extract/: a cheap hash of a short word, and WordIndex, which
// numbers the distinct words of one article so that what depends only on a
// token's text (its dictionary key, the lexicon's readings) is looked up
// once a word rather than once a token: news repeats its words, and a
// synthetic bench article has a distinct text for about one token in four.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace irkg::internal {

inline uint64_t MixWordHash(uint64_t h) {
  h *= 0xff51afd7ed558ccdull;
  return h ^ (h >> 32);
}

// The last 1-7 bytes of a word as one number, by fixed-size loads (a
// memcpy of a variable length is a library call, for nearly every token):
// 4-7 bytes as two overlapping words, 1-3 as their first, middle and last
// byte. Every byte counts: given the length, no other bytes give the same
// number.
inline uint64_t TailBits(const char* p, size_t rest) {
  if (rest >= 4) {
    uint32_t a, b;
    std::memcpy(&a, p, 4);
    std::memcpy(&b, p + rest - 4, 4);
    return a | (uint64_t{b} << 32);
  }
  return static_cast<unsigned char>(p[0]) | (uint64_t{static_cast<unsigned char>(p[rest / 2])} << 8) |
         (uint64_t{static_cast<unsigned char>(p[rest - 1])} << 16);
}

// A word of 1 to 8 bytes as one number (its eight bytes, or TailBits):
// two words of one length are the same exactly when their numbers are.
inline bool IsShortWord(std::string_view w) { return w.size() - 1 < 8; }
inline uint64_t ShortWordBits(std::string_view w) {
  if (w.size() < 8) return TailBits(w.data(), w.size());
  uint64_t v;
  std::memcpy(&v, w.data(), 8);
  return v;
}

constexpr uint64_t kWordHashSeed = 0x9e3779b97f4a7c15ull;

// HashWord of a short word (IsShortWord), from its ShortWordBits.
inline uint64_t HashShortWord(size_t size, uint64_t bits) { return MixWordHash(kWordHashSeed ^ size ^ bits); }

// Eight bytes at a time (words are short: usually one or two rounds).
inline uint64_t HashWord(std::string_view w) {
  uint64_t h = kWordHashSeed ^ w.size();
  size_t i = 0;
  for (; i + 8 <= w.size(); i += 8) {
    uint64_t v;
    std::memcpy(&v, w.data() + i, 8);
    h = MixWordHash(h ^ v);
  }
  // (the length is in `h` already)
  if (size_t rest = w.size() - i; rest > 0) h = MixWordHash(h ^ TailBits(w.data() + i, rest));
  return h;
}

// The distinct words of one text, numbered from 0 in order of first use
// (exact bytes: "Talks" and "talks" are two words). Open addressing over
// one array that keeps its room from text to text.
class WordIndex {
 public:
  // Forgets the words; room for `expected` of them without growing.
  void Clear(size_t expected) {
    words_.clear();
    size_t size = 64;
    while (size < 2 * expected) size *= 2;
    slots_.assign(size, Slot{});
    grow_at_ = size / 2;
  }
  // The number of `word`, new or not; `*added` tells which, `*hash` gives
  // its HashWord.
  uint32_t Add(std::string_view word, bool* added, uint64_t* hash) {
    if (words_.size() == grow_at_) Grow();
    const Key key = KeyOf(word);
    *hash = key.hash;
    // (a probe of its own, not Find's followed by an insert: PrepareTokens
    // asks this of every token, and one shared loop cost it about five
    // instructions a token)
    const size_t mask = slots_.size() - 1;
    for (size_t i = key.hash & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (s.number == 0) {
        words_.push_back(word);
        s = Slot{key.tag, static_cast<uint32_t>(word.size()), static_cast<uint32_t>(words_.size())};
        *added = true;
        return s.number - 1;
      }
      if (Holds(s, word, key)) {
        *added = false;
        return s.number - 1;
      }
    }
  }
  // The number of `word`, or kNone when it was never added.
  static constexpr uint32_t kNone = UINT32_MAX;
  uint32_t Find(std::string_view word) const {
    const Key key = KeyOf(word);
    const size_t mask = slots_.size() - 1;
    for (size_t i = key.hash & mask; slots_[i].number != 0; i = (i + 1) & mask)
      if (Holds(slots_[i], word, key)) return slots_[i].number - 1;
    return kNone;
  }
  // The word numbered `number`.
  std::string_view Word(uint32_t number) const { return words_[number]; }
  size_t size() const { return words_.size(); }

 private:
  // What tells a word from another: a short word, as nearly every one is,
  // is told apart by its length and its bits alone (no byte loop); a
  // longer one by its length and hash, then its bytes.
  struct Key {
    uint64_t hash;  // HashWord
    uint64_t tag;   // a short word's bits, another word's hash
    bool short_word;
  };
  static Key KeyOf(std::string_view word) {
    if (!IsShortWord(word)) {
      const uint64_t h = HashWord(word);
      return Key{h, h, false};
    }
    const uint64_t bits = ShortWordBits(word);
    return Key{HashShortWord(word.size(), bits), bits, true};
  }
  struct Slot {
    uint64_t tag = 0;     // a short word's bits, another word's HashWord
    uint32_t size = 0;    // the word's length
    uint32_t number = 0;  // the word's number + 1; 0: empty
  };
  // Whether the filled slot `s` holds `word`.
  bool Holds(const Slot& s, std::string_view word, const Key& key) const {
    return s.tag == key.tag && s.size == word.size() && (key.short_word || Same(words_[s.number - 1], word));
  }
  static bool Same(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)  // short words: no call to memcmp
      if (a[i] != b[i]) return false;
    return true;
  }
  void Grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(old.size() * 2, Slot{});
    grow_at_ = slots_.size() / 2;
    size_t mask = slots_.size() - 1;
    for (const Slot& s : old)
      if (s.number != 0) {
        size_t i = HashWord(words_[s.number - 1]) & mask;
        while (slots_[i].number != 0) i = (i + 1) & mask;
        slots_[i] = s;
      }
  }
  std::vector<Slot> slots_;
  std::vector<std::string_view> words_;
  // half the slots: Add grows the table before the word that would fill
  // more (one compare a token, where two sizes were computed)
  size_t grow_at_ = 0;
};

}  // namespace irkg::internal
