#include "core/symbol.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <thread>
#include <vector>

namespace irkg {
namespace {

TEST_CASE("Equal strings are one symbol, and the text comes back", "[symbol]") {
  Symbol a("Heydar Aliyev Foundation");
  Symbol b(std::string("Heydar Aliyev") + " Foundation");
  CHECK(a == b);
  CHECK(a.id() == b.id());
  CHECK(a.view() == "Heydar Aliyev Foundation");
  CHECK(a.str() == "Heydar Aliyev Foundation");
  CHECK(std::string(a.data()) == "Heydar Aliyev Foundation");  // NUL-terminated
  CHECK(a != Symbol("Heydar Aliyev Foundation "));
}

TEST_CASE("The empty symbol is the empty string", "[symbol]") {
  Symbol empty;
  CHECK(empty.empty());
  CHECK(empty.size() == 0);
  CHECK(empty == Symbol(""));
  CHECK(empty == "");
  CHECK(std::string(empty.data()).empty());
  CHECK_FALSE(Symbol("x").empty());
}

TEST_CASE("Symbols order as their text does, bytes unsigned", "[symbol]") {
  std::vector<std::string> words = {"b", "a", "ab", "", "\xC3\xBC", "Z", "a\xE2\x80\x99s", "aa"};
  std::vector<Symbol> symbols(words.begin(), words.end());
  std::sort(words.begin(), words.end());
  std::sort(symbols.begin(), symbols.end());
  for (size_t i = 0; i < words.size(); ++i) CHECK(symbols[i].view() == words[i]);
  CHECK(Symbol("abc") < std::string_view("abd"));
  CHECK(Symbol("abc") == std::string("abc"));
}

TEST_CASE("Text with NUL bytes and long text are kept whole", "[symbol]") {
  std::string with_nul("a\0b", 3);
  CHECK(Symbol(with_nul).view() == with_nul);
  CHECK(Symbol(with_nul) != Symbol("a"));
  std::string long_text(3 << 20, 'x');  // longer than a chunk of the table
  CHECK(Symbol(long_text).view() == long_text);
}

TEST_CASE("Many symbols survive the table's growth", "[symbol]") {
  std::map<std::string, uint32_t> ids;
  for (int i = 0; i < 100000; ++i) {
    std::string text = "sentence " + std::to_string(i);
    ids[text] = Symbol(text).id();
  }
  for (const auto& [text, id] : ids) {
    Symbol again(text);
    CHECK(again.id() == id);
    CHECK(again.view() == text);
  }
  CHECK(SymbolUsage().strings >= 100000);
}

TEST_CASE("Threads interning the same strings get the same symbols", "[symbol]") {
  constexpr int kThreads = 4, kWords = 20000;
  std::vector<std::vector<uint32_t>> seen(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([t, &seen] {
      for (int i = 0; i < kWords; ++i) seen[t].push_back(Symbol("thread word " + std::to_string(i)).id());
    });
  for (auto& thread : threads) thread.join();
  for (int t = 1; t < kThreads; ++t) CHECK(seen[t] == seen[0]);
  CHECK(Symbol("thread word 7").view() == "thread word 7");
}

}  // namespace
}  // namespace irkg
