// FetchingAhead: a loop whose reads are scattered over memory far larger
// than the caches, with each item's memory fetched some items ahead.
//
// Build() and the resolver walk arrays of millions of items in one order and
// read or write, for each, other arrays in another (a serial's observation,
// a document's rank, a cluster's next slot). At 100k articles those arrays
// fit the caches; at a million each access is a miss, one after another,
// and a loop took 15-30 times as long for 10 times the items. Fetched ahead,
// the misses of the items to come overlap with the work on this one.
#pragma once

#include <cstddef>

namespace irkg {

// Calls body(i) for each i < n, after far(i + 2 * kFetchAhead) and
// near(i + kFetchAhead) where those are below n: `far` prefetches what
// `near` will read to find its addresses (or nothing), `near` prefetches
// what body(i) reads or writes.
inline constexpr size_t kFetchAhead = 8;
template <typename Far, typename Near, typename Body>
void FetchingAhead(size_t n, Far&& far, Near&& near, Body&& body) {
  for (size_t i = 0; i < n; ++i) {
    if (i + 2 * kFetchAhead < n) far(i + 2 * kFetchAhead);
    if (i + kFetchAhead < n) near(i + kFetchAhead);
    body(i);
  }
}

}  // namespace irkg
