#include "core/symbol.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <ostream>
#include <vector>

#include "core/huge_page_allocator.h"

namespace irkg {
namespace symbol_internal {

const char** blocks[1u << (32 - kBlockBits)];

// The interning side: text in large chunks that never move, and an open
// addressing hash table of slots (low 32 bits of the hash << 32 | id). The
// stored hash bits place a slot when the table grows, so growing never
// reads the text again; they also tell most non-matching slots apart
// without a comparison. Only Intern() touches it, under the mutex; readers
// go straight to `blocks`. The slots and the text are in huge pages: a
// corpus of a million articles interns millions of strings, and each
// lookup is a probe at a random place in the table and a read of a random
// string, a TLB miss each with small pages.
class Table {
 public:
  Table() : slots_(1024, 0) {}

  // The id of `text`, 0 when it is not in the table (with `add`, it then is).
  uint32_t Intern(std::string_view text, bool add) {
    const auto hash = static_cast<uint32_t>(std::hash<std::string_view>()(text));
    std::lock_guard<std::mutex> lock(mutex_);
    size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      const uint64_t slot = slots_[i];
      if (slot == 0) break;
      if (static_cast<uint32_t>(slot >> 32) == hash && Symbol::FromId(static_cast<uint32_t>(slot)).view() == text)
        return static_cast<uint32_t>(slot);
    }
    if (!add) return 0;
    const uint32_t id = Store(text);
    if ((count_ + 1) * 4 > slots_.size() * 3) Grow();
    Insert(&slots_, hash, id);
    ++count_;
    return id;
  }

  void Prefetch(std::string_view text) {
    const auto hash = static_cast<uint32_t>(std::hash<std::string_view>()(text));
    std::lock_guard<std::mutex> lock(mutex_);
    __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]);
  }

  SymbolTableUsage Usage() {
    std::lock_guard<std::mutex> lock(mutex_);
    size_t block_count = (next_id_ >> kBlockBits) + 1;
    return SymbolTableUsage{count_, text_bytes_ + slots_.size() * sizeof(uint64_t) +
                                        block_count * sizeof(const char*) * (kBlockMask + 1)};
  }

 private:
  // Beyond 2^32 slots (32 GB of table) placement would use only these 32
  // bits of hash: still correct, merely slower.
  static void Insert(LargeVector<uint64_t>* slots, uint32_t hash, uint32_t id) {
    size_t mask = slots->size() - 1;
    size_t i = hash & mask;
    while ((*slots)[i] != 0) i = (i + 1) & mask;
    (*slots)[i] = (uint64_t{hash} << 32) | id;
  }

  void Grow() {
    LargeVector<uint64_t> bigger(slots_.size() * 2, 0);
    for (uint64_t slot : slots_)
      if (slot != 0) Insert(&bigger, static_cast<uint32_t>(slot >> 32), static_cast<uint32_t>(slot));
    slots_.swap(bigger);
  }

  // Copies the text, length first and NUL last, and gives it the next id.
  uint32_t Store(std::string_view text) {
    const size_t need = sizeof(uint32_t) + text.size() + 1;
    if (need > chunk_left_) {
      const size_t size = std::max(kChunkSize, need);
      chunks_.emplace_back(size);
      chunk_next_ = chunks_.back().data();
      chunk_left_ = size;
    }
    const uint32_t length = static_cast<uint32_t>(text.size());
    std::memcpy(chunk_next_, &length, sizeof length);
    char* stored = chunk_next_ + sizeof length;
    std::memcpy(stored, text.data(), text.size());
    stored[text.size()] = '\0';
    chunk_next_ += need;
    chunk_left_ -= need;
    text_bytes_ += need;

    // Four billion distinct strings would need some hundred gigabytes of
    // memory first; stop rather than hand out an id twice.
    if (next_id_ == 0) {
      std::fputs("irkg: the string table is full (2^32 distinct strings)\n", stderr);
      std::abort();
    }
    const uint32_t id = next_id_++;
    const char**& block = blocks[id >> kBlockBits];
    if (block == nullptr) block = new const char*[kBlockMask + 1];
    block[id & kBlockMask] = stored;
    return id;
  }

  static constexpr size_t kChunkSize = huge_pages::kPageSize;

  std::mutex mutex_;
  LargeVector<uint64_t> slots_;  // (tag << 32 | id), 0 when free; a power of two
  size_t count_ = 0;
  uint32_t next_id_ = 1;         // 0 is the empty string
  std::vector<LargeVector<char>> chunks_;
  char* chunk_next_ = nullptr;
  size_t chunk_left_ = 0;
  size_t text_bytes_ = 0;
};

}  // namespace symbol_internal

namespace {

symbol_internal::Table& Table() {
  static auto* table = new symbol_internal::Table;  // never destroyed: Symbols outlive static destructors
  return *table;
}

}  // namespace

Symbol::Symbol(std::string_view text) : id_(text.empty() ? 0 : Table().Intern(text, true)) {}

void Symbol::Prefetch(std::string_view text) {
  if (!text.empty()) Table().Prefetch(text);
}

std::optional<Symbol> Symbol::Find(std::string_view text) {
  if (text.empty()) return Symbol();
  const uint32_t id = Table().Intern(text, false);
  if (id == 0) return std::nullopt;
  return FromId(id);
}

std::ostream& operator<<(std::ostream& out, Symbol symbol) { return out << symbol.view(); }

SymbolTableUsage SymbolUsage() { return Table().Usage(); }

std::string Join(const std::vector<Symbol>& values, std::string_view separator) {
  std::string joined;
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) joined.append(separator);
    joined.append(values[i].view());
  }
  return joined;
}

}  // namespace irkg
