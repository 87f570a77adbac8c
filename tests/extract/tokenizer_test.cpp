#include <catch2/catch.hpp>

#include "extract/tokenizer.h"

using namespace irkg;

namespace {
std::vector<std::string> Words(std::string_view text) {
  std::vector<Token> toks;
  Tokenize(text, &toks);
  std::vector<std::string> out;
  for (const auto& t : toks) out.emplace_back(TokenText(text, t));
  return out;
}
}  // namespace

TEST_CASE("tokens keep acronyms, apostrophe names and split possessives and hyphens") {
  CHECK(Words("the U.S. said") == std::vector<std::string>{"the", "U.S.", "said"});
  CHECK(Words("Iran's minister") == std::vector<std::string>{"Iran", "'s", "minister"});
  CHECK(Words("Azerbaijan`s FM") == std::vector<std::string>{"Azerbaijan", "`s", "FM"});
  CHECK(Words("Côte d'Ivoire and O'Brien") == std::vector<std::string>{"Côte", "d'Ivoire", "and", "O'Brien"});
  CHECK(Words("Kassym-Jomart Tokayev") == std::vector<std::string>{"Kassym", "-", "Jomart", "Tokayev"});
  CHECK(Words("on 8th May, 1992.") == std::vector<std::string>{"on", "8th", "May", ",", "1992", "."});
}

TEST_CASE("a negated auxiliary gives its \"n't\" a token of its own") {
  CHECK(Words("Oslo didn't sign") == std::vector<std::string>{"Oslo", "did", "n't", "sign"});
  CHECK(Words("they won\u2019t meet") == std::vector<std::string>{"they", "wo", "n\u2019t", "meet"});
  CHECK(Words("DOESN'T") == std::vector<std::string>{"DOES", "N'T"});
  // neither a name with an apostrophe nor a lone "n't" is split
  CHECK(Words("N'Djamena and n't") == std::vector<std::string>{"N'Djamena", "and", "n't"});
}

TEST_CASE("tokens carry offsets, capitals and line breaks") {
  std::string text = "Baku\nNATO met";
  std::vector<Token> toks;
  Tokenize(text, &toks);
  REQUIRE(toks.size() == 3);
  CHECK(toks[0].cap);
  CHECK(toks[1].upper);
  CHECK(toks[1].newline_before);
  CHECK(toks[2].start == 10);
  CHECK(toks[2].end == 13);
  CHECK_FALSE(toks[2].cap);
}

TEST_CASE("capitals of Latin Extended-A, whose pairs start one off in two runs") {
  // invented names: Polish, Lithuanian, Czech and Croatian capitals, and
  // the small letters beside them
  const std::string text = "Łukasz Žemaitis Ňoma Źrebiec Ľubica łza žena ňadra ŉ Ŀlorenç Ђорђе";
  std::vector<Token> toks;
  Tokenize(text, &toks);
  REQUIRE(toks.size() == 11);
  for (size_t i : {0, 1, 2, 3, 4, 9, 10}) CHECK(toks[i].cap);
  for (size_t i : {5, 6, 7, 8}) CHECK_FALSE(toks[i].cap);
}
