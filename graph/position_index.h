// PositionIndex: a hash index over items that live in a vector elsewhere.
//
// What this object represents: for items numbered by their position in a
// vector the caller keeps (in the order first met), which position holds
// an item, found by its hash: open addressing over 8-byte slots (half the
// hash and the position), no node per item. GraphBuilder keeps its
// observations so: a node-based map had a node per item, allocated in input
// order and read (and freed) in another, a cache miss each once a corpus
// outgrew the caches, and a table of slots stays in them far longer. Also
// SymbolNumbering: symbols numbered as first met (documents, names, ids),
// each slot holding the symbol itself.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include "core/huge_page_allocator.h"
#include "core/symbol.h"

namespace irkg {

class PositionIndex {
 public:
  static constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();

  // The position whose item `is_at(position)` accepts, among those hashed to `hash`; kNone if none.
  // Each slot keeps the upper half of its item's hash, so that a probe past
  // other items reads only the slots, not the items (a scattered read each).
  template <typename IsAt>
  uint32_t Find(uint64_t hash, IsAt&& is_at) const {
    if (slots_.empty()) return kNone;
    const size_t mask = slots_.size() - 1;
    const uint32_t tag = Tag(hash);
    for (size_t i = hash & mask; slots_[i] != 0; i = (i + 1) & mask) {
      const uint32_t position = static_cast<uint32_t>(slots_[i]) - 1;
      if (static_cast<uint32_t>(slots_[i] >> 32) == tag && is_at(position)) return position;
    }
    return kNone;
  }
  // Fetches the first slot Find(hash) reads, ahead of it.
  void Prefetch(uint64_t hash) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]);
  }
  // Adds `position` (not yet indexed) under `hash`; `hash_at(p)` gives the
  // hash of each of the `count` positions already indexed, for regrowing.
  template <typename HashAt>
  void Add(uint64_t hash, uint32_t position, size_t count, HashAt&& hash_at) {
    if ((count + 1) * 10 > slots_.size() * 7) {
      slots_.assign(std::max<size_t>(64, slots_.size() * 2), 0);
      for (uint32_t p = 0; p < count; ++p) Place(hash_at(p), p);
    }
    Place(hash, position);
  }

 private:
  static uint32_t Tag(uint64_t hash) { return static_cast<uint32_t>(hash >> 32); }
  void Place(uint64_t hash, uint32_t position) {
    const size_t mask = slots_.size() - 1;
    size_t i = hash & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = (uint64_t{Tag(hash)} << 32) | (uint64_t{position} + 1);
  }
  LargeVector<uint64_t> slots_;  // upper half of the hash << 32 | position + 1; 0 is empty
};

// Spreads the bits of a key over 64 (a finalizer of MurmurHash3): Symbol ids
// are dense, and linear probing wants neighbours far apart.
inline uint64_t MixHash(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ull;
  x ^= x >> 33;
  return x;
}
inline uint64_t HashOf(Symbol s) { return MixHash(s.id()); }

// Symbols numbered 0, 1, ... as first met, each found again through an
// open-addressing table of its own whose 8-byte slots hold the symbol's id
// and its number: GraphBuilder numbers its documents so, the resolver the
// distinct names of persons, Build() the names in key order and the entity
// ids it has handed out. A slot names its symbol outright, so a lookup is
// one scattered read (the slot) where a PositionIndex's tag and position
// were two (the slot, then the numbered symbol, to compare it), and
// regrowing reads the slots alone: at a million articles the persons'
// names are numbered for every observation through a table past the L2
// (17-27 times as long as at 100k with the second read).
class SymbolNumbering {
 public:
  // The number of `symbol`, and whether it is new (numbered by this call).
  std::pair<uint32_t, bool> Insert(Symbol symbol) {
    if ((symbols_.size() + 1) * 10 > slots_.size() * 7) Grow();
    const size_t mask = slots_.size() - 1;
    size_t i = HashOf(symbol) & mask;
    for (; slots_[i] != 0; i = (i + 1) & mask)
      if (static_cast<uint32_t>(slots_[i] >> 32) == symbol.id()) return {static_cast<uint32_t>(slots_[i]) - 1, false};
    const auto number = static_cast<uint32_t>(symbols_.size());
    slots_[i] = SlotOf(symbol.id(), number);
    symbols_.push_back(symbol);
    return {number, true};
  }
  // Fetches what Insert(symbol) reads first, ahead of it: at a million
  // articles the table is far larger than the caches.
  void Prefetch(Symbol symbol) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[HashOf(symbol) & (slots_.size() - 1)]);
  }
  Symbol operator[](size_t number) const { return symbols_[number]; }
  size_t size() const { return symbols_.size(); }
  bool empty() const { return symbols_.empty(); }
  // Frees the table once no symbol is to be added or found: the numbered
  // symbols stay readable.
  void ForgetIndex() { FreeBuffer(slots_); }

 private:
  // (symbol id << 32 | number + 1): never 0, which marks a free slot, even
  // for the empty symbol (id 0).
  static uint64_t SlotOf(uint32_t id, uint32_t number) { return uint64_t{id} << 32 | (uint64_t{number} + 1); }
  void Grow() {
    LargeVector<uint64_t> bigger(std::max<size_t>(64, slots_.size() * 2), 0);
    const size_t mask = bigger.size() - 1;
    for (uint64_t slot : slots_) {
      if (slot == 0) continue;
      size_t i = MixHash(slot >> 32) & mask;
      while (bigger[i] != 0) i = (i + 1) & mask;
      bigger[i] = slot;
    }
    slots_.swap(bigger);
  }

  std::vector<Symbol> symbols_;
  LargeVector<uint64_t> slots_;  // a power of two long, at most 70% full
};

}  // namespace irkg
