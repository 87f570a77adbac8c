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

// Eight bytes at a time (words are short: usually one or two rounds).
inline uint64_t HashWord(std::string_view w) {
  uint64_t h = 0x9e3779b97f4a7c15ull ^ w.size();
  size_t i = 0;
  for (; i + 8 <= w.size(); i += 8) {
    uint64_t v;
    std::memcpy(&v, w.data() + i, 8);
    h = MixWordHash(h ^ v);
  }
  if (size_t rest = w.size() - i; rest > 0) {
    // The last 1-7 bytes by fixed-size loads (a memcpy of a variable
    // length is a library call, for nearly every token): 4-7 bytes as two
    // overlapping words, 1-3 as their first, middle and last byte. Every
    // byte counts; the length is in `h` already.
    const char* p = w.data() + i;
    uint64_t v;
    if (rest >= 4) {
      uint32_t a, b;
      std::memcpy(&a, p, 4);
      std::memcpy(&b, p + rest - 4, 4);
      v = a | (uint64_t{b} << 32);
    } else {
      v = static_cast<unsigned char>(p[0]) | (uint64_t{static_cast<unsigned char>(p[rest / 2])} << 8) |
          (uint64_t{static_cast<unsigned char>(p[rest - 1])} << 16);
    }
    h = MixWordHash(h ^ v);
  }
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
    uint64_t h = *hash = HashWord(word);
    size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (s.number == 0) {
        words_.push_back(word);
        s = Slot{static_cast<uint32_t>(h), static_cast<uint32_t>(words_.size())};
        *added = true;
        return s.number - 1;
      }
      if (s.hash == static_cast<uint32_t>(h) && Same(words_[s.number - 1], word)) {
        *added = false;
        return s.number - 1;
      }
    }
  }
  size_t size() const { return words_.size(); }

 private:
  struct Slot {
    uint32_t hash = 0;
    uint32_t number = 0;  // the word's number + 1; 0: empty
  };
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
