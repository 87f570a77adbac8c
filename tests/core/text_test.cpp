#include <catch2/catch.hpp>

#include "core/text.h"

using namespace irkg;

TEST_CASE("names fold across diacritics, case and quotes") {
  CHECK(FoldName("Türkiye") == "turkiye");
  CHECK(FoldName("Côte d'Ivoire") == FoldName("Cote d\u2019Ivoire"));
  CHECK(FoldName("Mevlüt Çavuşoğlu") == "mevlut cavusoglu");
  CHECK(FoldName("  Kassym-Jomart   Tokayev ") == "kassym jomart tokayev");
  CHECK(NameKey("The Hague") == "hague");
}

TEST_CASE("invalid UTF-8 is found and repaired") {
  std::string ok = "Bogotá";
  CHECK(FindInvalidUtf8(ok) == std::string::npos);
  std::string bad = "ab\xff" "cd\xc3";
  CHECK(FindInvalidUtf8(bad) == 2);
  CHECK(RepairUtf8(&bad) == 2);
  CHECK(bad == "ab\xEF\xBF\xBD" "cd\xEF\xBF\xBD");
  CHECK(FindInvalidUtf8(bad) == std::string::npos);
  std::string overlong = "\xC0\xAF";
  CHECK(FindInvalidUtf8(overlong) == 0);
}

// FindInvalidUtf8 skips ASCII eight bytes at a time: a bad byte or a valid
// multi-byte sequence at any offset of a block or of the tail still counts.
TEST_CASE("invalid UTF-8 is found at any offset after a run of ASCII") {
  for (size_t at = 0; at < 21; ++at) {
    std::string bad = std::string(at, 'a') + "\xff" + std::string(5, 'b');
    CHECK(FindInvalidUtf8(bad) == at);
    std::string cut = std::string(at, 'a') + "\xe2\x80";
    CHECK(FindInvalidUtf8(cut) == at);
    std::string fine = std::string(at, 'a') + "\xe2\x80\x94" + std::string(at % 9, 'c');
    CHECK(FindInvalidUtf8(fine) == std::string::npos);
  }
}
