// A seeded random source whose output is the same on every platform and standard library:
// std::mt19937_64's sequence is fixed by the standard, but std::*_distribution and std::shuffle are
// not, so the helpers here do their own arithmetic on the raw 64-bit draws.
#ifndef KINERJA_TOOLS_DEMO_DATA_RANDOM_H_
#define KINERJA_TOOLS_DEMO_DATA_RANDOM_H_

#include <cstdint>
#include <random>
#include <utility>
#include <vector>

#include "absl/time/civil_time.h"

namespace kinerja::demo {

class Prng {
 public:
  explicit Prng(uint64_t seed) : engine_(seed) {}

  // Uniform integer in [lo, hi] (inclusive), without modulo bias. Requires lo <= hi.
  int64_t Uniform(int64_t lo, int64_t hi) {
    const uint64_t range = static_cast<uint64_t>(hi) - static_cast<uint64_t>(lo) + 1;
    if (range == 0) return static_cast<int64_t>(engine_());  // the whole 64-bit range
    // Reject the lowest (2^64 mod range) values so that every residue is equally likely.
    const uint64_t threshold = (0 - range) % range;
    uint64_t x;
    do {
      x = engine_();
    } while (x < threshold);
    return static_cast<int64_t>(static_cast<uint64_t>(lo) + x % range);
  }

  // True with probability per_mille / 1000.
  bool Chance(int per_mille) { return Uniform(0, 999) < per_mille; }

  // A uniformly chosen day in [lo, hi].
  absl::CivilDay Day(absl::CivilDay lo, absl::CivilDay hi) { return lo + Uniform(0, hi - lo); }

  template <class T>
  const T& Pick(const std::vector<T>& items) {
    return items[static_cast<size_t>(Uniform(0, static_cast<int64_t>(items.size()) - 1))];
  }

  // Index chosen with probability proportional to its (non-negative) weight; the sum must be > 0.
  size_t PickWeighted(const std::vector<int64_t>& weights) {
    int64_t total = 0;
    for (int64_t w : weights) total += w;
    int64_t x = Uniform(0, total - 1);
    for (size_t i = 0; i < weights.size(); ++i) {
      if (x < weights[i]) return i;
      x -= weights[i];
    }
    return weights.size() - 1;
  }

  // Fisher-Yates.
  template <class T>
  void Shuffle(std::vector<T>& items) {
    for (size_t i = items.size(); i > 1; --i) {
      const size_t j = static_cast<size_t>(Uniform(0, static_cast<int64_t>(i) - 1));
      std::swap(items[i - 1], items[j]);
    }
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace kinerja::demo

#endif  // KINERJA_TOOLS_DEMO_DATA_RANDOM_H_
