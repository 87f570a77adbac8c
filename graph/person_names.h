// Person names as entity resolution compares them: a name is a sequence of
// folded tokens in which common transliteration variants of the same
// spelling ("Sergei"/"Sergey", "Dmitriy"/"Dmitry", "Khalafov"/"Halafov")
// coincide, and a single letter stands for an initial ("J. Zarif").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace irkg {

// The tokens of NameKey(name), each folded by TransliterationKey.
std::vector<std::string> PersonNameTokens(std::string_view name);

// Folds one lower-case ASCII token so that spellings that differ only by
// romanization convention compare equal. Not meant to be read.
std::string TransliterationKey(std::string_view token);

// True when `shorter` could be a shortened form of the different name
// `longer`: both end in the same surname, and the tokens of `shorter` appear
// in order in `longer`, an initial matching a token with that first letter.
bool CouldBeShortFormOf(const std::vector<std::string>& shorter, const std::vector<std::string>& longer);

}  // namespace irkg
