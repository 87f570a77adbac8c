// Internal to extract/: comparing a token with a word the rules name ("in",
// "the", "ministry") in one comparison of two numbers. The rules ask it of
// nearly every token, pass after pass; a word of up to eight bytes fits in
// 64 bits, packed once for each distinct word of the article
// (Document::token_packed) and at compile time for a literal.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace irkg::internal {

inline constexpr size_t kMaxPackedWord = 8;

// `w`'s bytes, with ASCII capitals lowered when `lower` (a token's text) and
// as they are otherwise (a word already in lower case), the unused bytes 0;
// 0 for a word longer than kMaxPackedWord. The zeros say where a word
// ends: no token holds a NUL byte but the one-byte token "\0", which packs
// to 0 as a long word does and so equals no word packed.
constexpr uint64_t PackWord(std::string_view w, bool lower) {
  if (w.size() > kMaxPackedWord) return 0;
  uint64_t packed = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(w[i]);
    if (lower && c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    packed |= uint64_t{c} << (8 * i);
  }
  return packed;
}

// A word in lower-case ASCII that tokens are compared with in any case
// (Document::IsWord): a literal, packed at compile time, or a word known
// only at run time (a frame's preposition).
class LowerWord {
 public:
  template <size_t N>
  consteval LowerWord(const char (&literal)[N]) : text_(literal, N - 1), packed_(PackWord(text_, false)) {
    for (char c : text_)
      if (c >= 'A' && c <= 'Z') throw "a LowerWord is written in lower case";
  }
  LowerWord(std::string_view word) : text_(word), packed_(PackWord(word, false)) {}
  LowerWord(const std::string& word) : LowerWord(std::string_view(word)) {}

  constexpr std::string_view text() const { return text_; }
  // PackWord of the word: 0 when it is too long to pack, or empty
  constexpr uint64_t packed() const { return packed_; }

 private:
  std::string_view text_;
  uint64_t packed_;
};

}  // namespace irkg::internal
