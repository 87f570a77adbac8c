// RecentLookups: a thread's recent look-ups of short words in one big,
// immutable table (the Lexicon's forms, the Dictionary's token keys), kept
// in a small direct-mapped table that stays in cache. The words of news
// repeat ("the", "minister", "talks"), so most tokens are answered here
// rather than by a probe of megabytes (a cache miss or two a word).
//
// Each table has a serial no other table ever gets (NewLookupSerial), and
// a new one whenever it changes, so that a thread never answers from the
// entries of another table, even one at the same address.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace irkg::internal {

inline uint64_t NewLookupSerial() {
  static std::atomic<uint64_t> next{1};
  return next++;
}

template <typename Value, size_t kSlots = 4096>
class RecentLookups {
 public:
  static constexpr size_t kMaxLength = 15;  // longer words go to the big table every time

  // The value remembered for `word` (whose hash is `h`) in table `serial`,
  // or null; the caller then looks it up and calls Remember.
  const Value* Find(uint64_t serial, std::string_view word, uint64_t h) {
    if (serial_ != serial) {
      for (Slot& s : slots_) s.length = kEmpty;
      serial_ = serial;
    }
    const Slot& s = slots_[Index(h)];
    if (s.length != word.size()) return nullptr;
    for (size_t k = 0; k < word.size(); ++k)  // short words: no call to memcmp
      if (s.text[k] != word[k]) return nullptr;
    return &s.value;
  }
  void Remember(std::string_view word, uint64_t h, Value value) {
    if (word.size() > kMaxLength) return;
    Slot& s = slots_[Index(h)];
    s.length = static_cast<uint8_t>(word.size());
    if (!word.empty()) std::memcpy(s.text, word.data(), word.size());  // an empty view's data() may be null
    s.value = value;
  }

 private:
  static constexpr uint8_t kEmpty = UINT8_MAX;
  // the hash's high bits: big tables take their slot from the low ones
  static size_t Index(uint64_t h) { return (h >> 40) & (kSlots - 1); }
  struct Slot {
    uint8_t length = kEmpty;
    char text[kMaxLength];
    Value value{};
  };
  uint64_t serial_ = 0;
  Slot slots_[kSlots];
};

}  // namespace irkg::internal
