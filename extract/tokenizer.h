// Tokenizer: splits UTF-8 text into words, numbers and punctuation with
// their byte offsets. Hyphens and possessive "'s" are tokens of their own
// ("Kassym-Jomart" is three tokens, joined); acronyms with periods ("U.S.")
// and apostrophe names ("O'Brien", "d'Ivoire") stay whole.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace irkg {

enum class TokenShape : unsigned char { kWord, kNumber, kPunct };

// 16 bytes (the flags are bits): every pass walks the tokens, and a
// vector's size() divides by the element size.
struct Token {
  uint32_t start = 0, end = 0;  // bytes, end exclusive
  uint32_t key = 0;             // dictionary key of the folded form (0: not in any form)
  TokenShape shape = TokenShape::kPunct;
  bool cap : 1 = false;             // starts with an upper-case letter
  bool upper : 1 = false;           // two or more letters, all upper case
  bool space_before : 1 = false;    // white space precedes it
  bool newline_before : 1 = false;  // a line break precedes it
};
static_assert(sizeof(Token) == 16);

// Appends the tokens of `text` to `out` (keys left 0).
void Tokenize(std::string_view text, std::vector<Token>* out);

inline std::string_view TokenText(std::string_view text, const Token& t) {
  return text.substr(t.start, t.end - t.start);
}

}  // namespace irkg
