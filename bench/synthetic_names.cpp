#include "bench/synthetic_names.h"

namespace irkg::bench {
namespace {

// 48 syllables of one consonant and one vowel: all two letters long, so a
// word splits back into its syllables one way only and names stay distinct.
constexpr char kConsonants[] = "bdfgklmnrstv";
constexpr char kVowels[] = "aeio";
constexpr uint64_t kBase = 12 * 4;

}  // namespace

std::string SyllableName(uint64_t index, int min_syllables) {
  std::string word;
  int written = 0;
  uint64_t v = index;
  do {
    word += kConsonants[v % kBase / 4];
    word += kVowels[v % 4];
    v /= kBase;
    ++written;
  } while (v > 0 || written < min_syllables);
  word[0] = static_cast<char>(word[0] - 'a' + 'A');
  return word;
}

}  // namespace irkg::bench
