// HugePageAllocator: memory for large arrays that are read in scattered order.
//
// What this object represents: a std::allocator that asks the kernel for an
// array of 2 MB or more as its own mapping, aligned to 2 MB and marked for
// transparent huge pages (madvise), and hands smaller ones to operator new.
// Why: GraphBuilder::Build reads arrays of millions of items (observations,
// the resolver's input, cluster sets) in an order unrelated to the one they
// are stored in. Past the caches each such read is a miss whatever the page
// size, but with 4 KB pages it is also a TLB miss (a page walk) and the
// first touch of each 4 KB a page fault; with 2 MB pages the TLB covers
// gigabytes and a fault maps 512 times as much. Where the kernel gives no
// huge pages (THP disabled) the mapping simply stays in small pages.
#pragma once

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <new>
#include <utility>
#include <vector>

namespace irkg {

namespace huge_pages {
inline constexpr size_t kPageSize = size_t{2} << 20;
// Below this, an array is left to operator new (small arrays gain nothing,
// and a mapping each would waste most of a huge page).
inline constexpr size_t kThreshold = kPageSize;

inline size_t MappedSize(size_t bytes) { return (bytes + kPageSize - 1) & ~(kPageSize - 1); }

// A mapping of MappedSize(bytes), aligned to kPageSize; nullptr on failure.
inline void* Map(size_t bytes) {
  const size_t size = MappedSize(bytes);
  // Over-map by one page and trim both ends, so that the array starts on a huge page.
  void* raw = mmap(nullptr, size + kPageSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) return nullptr;
  const auto start = reinterpret_cast<uintptr_t>(raw);
  const uintptr_t aligned = (start + kPageSize - 1) & ~(kPageSize - 1);
  if (aligned > start) munmap(raw, aligned - start);
  const uintptr_t tail = aligned + size;
  const uintptr_t end = start + size + kPageSize;
  if (end > tail) munmap(reinterpret_cast<void*>(tail), end - tail);
  madvise(reinterpret_cast<void*>(aligned), size, MADV_HUGEPAGE);  // advice: failure leaves small pages
  return reinterpret_cast<void*>(aligned);
}

// Mappings freed and kept for the next arrays: Build() makes and frees
// arrays of many sizes one after another, and each page of a fresh mapping
// is a fault and the kernel zeroing it (clear_page was 9% of the bench's
// time at a million articles; on a virtual machine a huge page the host has
// not backed yet costs some milliseconds). So kept memory is always used
// before fresh memory is made: an array takes the smallest kept mapping
// that holds it, the rest of that one kept apart, and when none holds it
// the kept ones are moved into its range (mremap moves their pages, not
// their bytes), only the remainder faulting in afresh. What is kept is so
// in use again before anything new is mapped; what no array is to take is
// given back (ReleaseKept) before the heap grows instead, so that it does
// not add to the peak.
class MappingCache {
 public:
  static MappingCache& InUse() {
    static auto* cache = new MappingCache;  // never destroyed: arrays may outlive static destructors
    return *cache;
  }
  // A mapping of at least `bytes`, aligned to kPageSize; nullptr on failure.
  void* Take(size_t bytes) {
    const size_t size = MappedSize(bytes);
    std::lock_guard<std::mutex> lock(mutex_);
    void* p = TakeKept(size);
    if (p == nullptr) p = GatherKept(size);
    if (p != nullptr) live_.emplace_back(p, size);
    return p;
  }
  // Gives every kept mapping back to the kernel.
  void ReleaseKept() {
    std::vector<std::pair<void*, size_t>> kept;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      kept.swap(kept_);
    }
    for (const auto& [p, mapped] : kept) munmap(p, mapped);
  }
  // Takes back a mapping Take() gave: its huge pages that hold memory are
  // kept, the others (never touched, or discarded) given back.
  void Give(void* p) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (size_t i = 0; i < live_.size(); ++i) {
      if (live_[i].first != p) continue;
      KeepResident(static_cast<char*>(p), live_[i].second);
      live_[i] = live_.back();
      live_.pop_back();
      return;
    }
  }

 private:
  // The smallest kept mapping of at least `size` (a multiple of kPageSize),
  // what lies beyond `size` kept apart; nullptr when none is so large.
  void* TakeKept(size_t size) {
    size_t best = kept_.size();
    for (size_t i = 0; i < kept_.size(); ++i)
      if (kept_[i].second >= size && (best == kept_.size() || kept_[i].second < kept_[best].second)) best = i;
    if (best == kept_.size()) return nullptr;
    auto [p, mapped] = kept_[best];
    if (mapped > size) {
      kept_[best] = {static_cast<char*>(p) + size, mapped - size};
    } else {
      kept_[best] = kept_.back();
      kept_.pop_back();
    }
    return p;
  }
  // Keeps the runs of [p, p + size) whose huge pages hold memory; unmaps
  // the rest. A vector's buffer is mostly capacity it grew into and never
  // touched (up to half of it): kept as a whole, the next array that took
  // it faulted fresh pages there while memory that was touched lay unused
  // in other kept mappings, until given back (at a million articles 36
  // fresh huge pages in Build()'s cluster members, 0.16 s on this VM). A
  // huge page counts as holding memory when its first small page does.
  void KeepResident(char* p, size_t size) {
    const size_t small_page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
    std::vector<unsigned char> resident(size / small_page);
    if (mincore(p, size, resident.data()) != 0) {  // cannot tell: keep it all
      kept_.emplace_back(p, size);
      return;
    }
    auto holds = [&](size_t at) { return (resident[at / small_page] & 1) != 0; };
    for (size_t first = 0, last; first < size; first = last) {
      for (last = first + kPageSize; last < size && holds(last) == holds(first);) last += kPageSize;
      if (holds(first)) {
        kept_.emplace_back(p + first, last - first);
      } else {
        munmap(p + first, last - first);
      }
    }
  }
  // A fresh range of `size` with the kept mappings moved into it, largest
  // first, as far as they go (the last one split if it goes beyond).
  void* GatherKept(size_t size) {
    void* p = Map(size);
    if (p == nullptr) return nullptr;
    std::sort(kept_.begin(), kept_.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    size_t filled = 0;
    while (!kept_.empty() && filled < size) {
      auto& [from, mapped] = kept_.back();
      const size_t part = std::min(mapped, size - filled);
      if (mremap(from, part, part, MREMAP_MAYMOVE | MREMAP_FIXED, static_cast<char*>(p) + filled) == MAP_FAILED) break;
      filled += part;
      if (part < mapped) {
        from = static_cast<char*>(from) + part;
        mapped -= part;
      } else {
        kept_.pop_back();
      }
    }
    return p;
  }

  std::mutex mutex_;
  std::vector<std::pair<void*, size_t>> live_;  // (start, mapped size) of the mappings in use
  std::vector<std::pair<void*, size_t>> kept_;  // and of those kept for reuse
};

// Gives the kept mappings back to the kernel, when no array is to take
// them: the memory made next comes from the heap, which cannot use them.
inline void ReleaseKept() { MappingCache::InUse().ReleaseKept(); }

// Gives back to the kernel the whole huge pages within [data, data + bytes)
// of a LargeVector's buffer, whose items there are done with (trivially
// destructible: nothing reads them again; read, they would be zeros). A
// range within a smaller buffer holds no whole huge page and is left alone.
inline void Discard(const void* data, size_t bytes) {
  const auto start = reinterpret_cast<uintptr_t>(data);
  const uintptr_t first = (start + kPageSize - 1) & ~(kPageSize - 1);
  const uintptr_t last = (start + bytes) & ~(kPageSize - 1);
  if (last > first) madvise(reinterpret_cast<void*>(first), last - first, MADV_DONTNEED);
}
}  // namespace huge_pages

template <typename T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}  // NOLINT(google-explicit-constructor)

  T* allocate(size_t n) {
    const size_t bytes = n * sizeof(T);
    if (bytes < huge_pages::kThreshold) return std::allocator<T>().allocate(n);
    void* p = huge_pages::MappingCache::InUse().Take(bytes);
    if (p == nullptr) throw std::bad_alloc();
    return static_cast<T*>(p);
  }
  void deallocate(T* p, size_t n) {
    const size_t bytes = n * sizeof(T);
    if (bytes < huge_pages::kThreshold) return std::allocator<T>().deallocate(p, n);
    huge_pages::MappingCache::InUse().Give(p);
  }
  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const {
    return true;
  }
};

// A vector whose large buffers live in huge pages.
template <typename T>
using LargeVector = std::vector<T, HugePageAllocator<T>>;

// Empties a vector and gives its buffer back, to be used again (a
// LargeVector's) or to the heap. `v = {}` does not: it picks the
// initializer-list assignment, which keeps the capacity.
template <typename Vector>
void FreeBuffer(Vector& v) {
  Vector().swap(v);
}

}  // namespace irkg
