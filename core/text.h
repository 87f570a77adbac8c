// Text helpers shared by the modules: UTF-8 checking and repair, and the
// folded form of names used to compare them ("Türkiye" and "Turkiye",
// "Côte d'Ivoire" and "Cote d’Ivoire" fold alike).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace irkg {

// Byte offset of the first invalid UTF-8 sequence, or npos when valid.
size_t FindInvalidUtf8(std::string_view s);

// Replaces each invalid byte with U+FFFD; returns how many were replaced.
size_t RepairUtf8(std::string* s);

// Decodes the code point at s[*i] and advances *i; invalid bytes give U+FFFD.
char32_t DecodeUtf8(std::string_view s, size_t* i);
void AppendUtf8(char32_t cp, std::string* out);

// Lower case, Latin diacritics removed, typographic quotes and dashes made
// ASCII, every run of other punctuation and space made one space, trimmed.
std::string FoldName(std::string_view s);

// FoldName, then a leading "the " dropped: the key names are compared by.
std::string NameKey(std::string_view s);

// Whether `word` is `lower` (all lower-case ASCII) in any ASCII case, without
// building a lowered copy. Inline: the extraction rules ask it of nearly
// every word, and most calls end at the length test.
// The parts of `s` between `sep` characters, empty parts included
// ("a||b" -> "a", "", "b"); views into `s`.
std::vector<std::string_view> Split(std::string_view s, char sep);

inline bool EqualsLowerAscii(std::string_view word, std::string_view lower) {
  if (word.size() != lower.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

}  // namespace irkg
