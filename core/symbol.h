// Symbol: an interned string in four bytes.
//
// What this object represents: one string of a process-wide table in which
// every distinct string is stored once and kept until the process ends.
// A merged graph says the same few strings millions of times: the article
// id and rule of every piece of evidence, its date, the sentence behind
// several facts, an entity's name in each article that names it. Held as
// Symbols, each costs four bytes after its first use, which is what lets the
// graph of a gigabyte of news fit in memory (issue 6: build under 2 GB).
//
// Equal strings are equal Symbols, so == compares four bytes; ordering
// compares the text byte by byte as std::string does, so sorted containers
// of Symbols keep the order the strings would have. Interning is
// thread-safe; reading a Symbol takes no lock.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace irkg {
namespace symbol_internal {
// Where the text of Symbol `id` starts: blocks[id >> kBlockBits][id & kBlockMask],
// preceded by its length as four bytes. Blocks never move, so reading takes no lock.
inline constexpr unsigned kBlockBits = 16;
inline constexpr uint32_t kBlockMask = (1u << kBlockBits) - 1;
extern const char** blocks[1u << (32 - kBlockBits)];
class Table;
}  // namespace symbol_internal

class Symbol {
 public:
  Symbol() = default;  // the empty string
  // Interns `text` (implicitly, so that a Symbol field takes a string as a
  // std::string field would).
  Symbol(std::string_view text);  // NOLINT(google-explicit-constructor)
  Symbol(const std::string& text) : Symbol(std::string_view(text)) {}  // NOLINT
  Symbol(const char* text) : Symbol(std::string_view(text)) {}         // NOLINT
  // The Symbol of `text` if it has been interned, without interning it.
  static std::optional<Symbol> Find(std::string_view text);
  // Fetches into the caches where the table looks `text` up first, for a
  // caller about to intern many texts: done for all of them before, the
  // lookups' misses overlap instead of coming one after another.
  static void Prefetch(std::string_view text);

  std::string_view view() const {
    if (id_ == 0) return std::string_view("", 0);
    const char* text = symbol_internal::blocks[id_ >> symbol_internal::kBlockBits][id_ & symbol_internal::kBlockMask];
    uint32_t length;
    std::memcpy(&length, text - sizeof length, sizeof length);
    return std::string_view(text, length);
  }
  operator std::string_view() const { return view(); }  // NOLINT
  std::string str() const { return std::string(view()); }
  const char* data() const { return view().data(); }  // NUL-terminated
  const char* c_str() const { return data(); }
  size_t size() const { return view().size(); }
  bool empty() const { return id_ == 0; }
  // A dense number for this string: the same for equal strings, within one process.
  uint32_t id() const { return id_; }
  // What view() reads, fetched ahead into the caches by a loop that will
  // read many scattered Symbols: the slot that locates the text, and then
  // (reading the slot, so some items after PrefetchSlot) the text.
  void PrefetchSlot() const {
    if (id_ != 0) __builtin_prefetch(&symbol_internal::blocks[id_ >> symbol_internal::kBlockBits][id_ & symbol_internal::kBlockMask]);
  }
  void PrefetchText() const {
    if (id_ != 0) __builtin_prefetch(symbol_internal::blocks[id_ >> symbol_internal::kBlockBits][id_ & symbol_internal::kBlockMask] - sizeof(uint32_t));
  }

  friend bool operator==(Symbol a, Symbol b) { return a.id_ == b.id_; }
  friend std::strong_ordering operator<=>(Symbol a, Symbol b) {
    if (a.id_ == b.id_) return std::strong_ordering::equal;
    return a.view() <=> b.view();
  }
  // Comparisons with plain strings, without interning them.
  friend bool operator==(Symbol a, std::string_view b) { return a.view() == b; }
  friend bool operator==(Symbol a, const std::string& b) { return a.view() == b; }
  friend bool operator==(Symbol a, const char* b) { return a.view() == b; }
  friend std::strong_ordering operator<=>(Symbol a, std::string_view b) { return a.view() <=> b; }
  friend std::strong_ordering operator<=>(Symbol a, const std::string& b) { return a.view() <=> b; }
  friend std::strong_ordering operator<=>(Symbol a, const char* b) { return a.view() <=> b; }
  // Concatenation gives a std::string, as with std::string operands.
  friend std::string operator+(std::string a, Symbol b) { return a.append(b.view()); }
  friend std::string operator+(Symbol a, std::string_view b) { return a.str().append(b); }

 private:
  friend class symbol_internal::Table;
  static Symbol FromId(uint32_t id) {
    Symbol symbol;
    symbol.id_ = id;
    return symbol;
  }

  uint32_t id_ = 0;
};

std::ostream& operator<<(std::ostream& out, Symbol symbol);

// How much the table holds: distinct strings, and bytes of text, index and
// hash table together (for benchmarks that must tell graph from text).
struct SymbolTableUsage {
  size_t strings = 0;
  size_t bytes = 0;
};
SymbolTableUsage SymbolUsage();

// The values joined by `separator`.
std::string Join(const std::vector<Symbol>& values, std::string_view separator);

}  // namespace irkg

template <>
struct std::hash<irkg::Symbol> {
  size_t operator()(irkg::Symbol s) const noexcept { return std::hash<uint32_t>()(s.id()); }
};
