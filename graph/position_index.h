// PositionIndex: a hash index over items that live in a vector elsewhere.
//
// What this object represents: for items numbered by their position in a
// vector the caller keeps (in the order first met), which position holds
// an item, found by its hash: open addressing over 8-byte slots (half the
// hash and the position), no node per item. GraphBuilder keeps its observations
// and documents so, and the resolver numbers distinct names so: a node-based
// map had a node per item, allocated in input order and read (and freed) in
// another, a cache miss each once a corpus outgrew the caches, and a table
// of slots stays in them far longer.
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

// Symbols numbered 0, 1, ... as first met, each found again through a
// PositionIndex (no node per symbol): GraphBuilder numbers its documents so,
// the resolver the distinct names of persons, Build() the entity ids it has
// handed out.
class SymbolNumbering {
 public:
  // The number of `symbol`, and whether it is new (numbered by this call).
  std::pair<uint32_t, bool> Insert(Symbol symbol) {
    const uint64_t hash = HashOf(symbol);
    const uint32_t found = index_.Find(hash, [&](uint32_t k) { return symbols_[k] == symbol; });
    if (found != PositionIndex::kNone) return {found, false};
    const auto number = static_cast<uint32_t>(symbols_.size());
    index_.Add(hash, number, symbols_.size(), [&](uint32_t k) { return HashOf(symbols_[k]); });
    symbols_.push_back(symbol);
    return {number, true};
  }
  // Fetches what Insert(symbol) reads first, ahead of it: at a million
  // articles the index is far larger than the caches.
  void Prefetch(Symbol symbol) const { index_.Prefetch(HashOf(symbol)); }
  Symbol operator[](size_t number) const { return symbols_[number]; }
  size_t size() const { return symbols_.size(); }
  bool empty() const { return symbols_.empty(); }
  // Frees the index once no symbol is to be added or found: the numbered
  // symbols stay readable.
  void ForgetIndex() { index_ = PositionIndex(); }

 private:
  std::vector<Symbol> symbols_;
  PositionIndex index_;
};

}  // namespace irkg
