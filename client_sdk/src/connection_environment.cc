#include "kinerja/sdk/connection_environment.h"

#include <cstdint>

#include "absl/random/random.h"
#include "absl/random/uniform_real_distribution.h"

namespace kinerja::sdk {
namespace {

// One generator per thread: absl::BitGen is not thread-safe, and seeding is the costly part.
absl::BitGen& Generator() {
  thread_local absl::BitGen generator;
  return generator;
}

}  // namespace

std::string NewRequestId() {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id(32, '0');
  for (int half = 0; half < 2; ++half) {
    uint64_t bits = absl::Uniform<uint64_t>(Generator());
    for (int i = 0; i < 16; ++i) {
      id[half * 16 + i] = kHex[bits & 0xf];
      bits >>= 4;
    }
  }
  return id;
}

double UniformRandom01() { return absl::Uniform<double>(Generator(), 0.0, 1.0); }

absl::Status ValidateEnvironment(const ConnectionEnvironment& environment) {
  if (!environment.now || !environment.sleep || !environment.uniform01 ||
      !environment.new_request_id) {
    return absl::InvalidArgumentError(
        "ConnectionEnvironment: now, sleep, uniform01 and new_request_id must all be set");
  }
  return absl::OkStatus();
}

}  // namespace kinerja::sdk
