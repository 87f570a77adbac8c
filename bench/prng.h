// A fixed pseudo-random generator for the benchmarks: splitmix64, with our
// own bounded draws. The standard distributions are left alone on purpose:
// std::uniform_int_distribution may give other numbers under another
// standard library, and a generated corpus or graph must be the same bytes
// everywhere for a seed.
#pragma once

#include <cstddef>
#include <cstdint>

namespace irkg::bench {

class Prng {
 public:
  explicit Prng(uint64_t seed) : state_(seed) {}
  // A stream of its own for item `index` of a run: articles can then be
  // generated in any order (or in parallel) and stay the same.
  static Prng For(uint64_t seed, uint64_t index) {
    Prng p(seed ^ (index * 0xD1B54A32D192ED03ull));
    p.Next();
    return p;
  }

  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n), n > 0: the high half of a 128-bit product (Lemire),
  // whose bias (< n / 2^64) is far below anything a benchmark could see.
  uint64_t Below(uint64_t n) { return static_cast<uint64_t>((static_cast<unsigned __int128>(Next()) * n) >> 64); }
  // Uniform in [lo, hi].
  uint64_t Between(uint64_t lo, uint64_t hi) { return lo + Below(hi - lo + 1); }
  // Uniform in [0, 1), 53 bits.
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  bool Chance(double p) { return Unit() < p; }
  template <typename T, size_t N>
  const T& Pick(const T (&items)[N]) { return items[Below(N)]; }

 private:
  uint64_t state_;
};

}  // namespace irkg::bench
