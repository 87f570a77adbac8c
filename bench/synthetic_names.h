// Names made up from syllables for synthetic entities and articles: every
// index gets its own name, so n entities have n distinct names, and the
// same index always gets the same one.
#pragma once

#include <cstdint>
#include <string>

namespace irkg::bench {

// A capitalized made-up word for `index` ("Tavoki", "Kelomadi"): the index
// written in base 48 with a syllable per digit, so distinct indices give
// distinct words.
std::string SyllableName(uint64_t index, int min_syllables = 2);

}  // namespace irkg::bench
