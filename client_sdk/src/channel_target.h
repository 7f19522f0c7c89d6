// Options::endpoints as one gRPC target: several addresses become an "ipv4:" or "ipv6:" target
// listing all of them (balanced round-robin by the channel), one DNS name a "dns:///" target.
#ifndef KINERJA_CLIENT_SDK_SRC_CHANNEL_TARGET_H_
#define KINERJA_CLIENT_SDK_SRC_CHANNEL_TARGET_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace kinerja::sdk::internal {

struct ChannelTarget {
  std::string target;     // e.g. "ipv4:127.0.0.1:5001,127.0.0.1:5002"
  std::string authority;  // the :authority (and TLS name) to use; empty: gRPC's own choice
};

// INVALID_ARGUMENT when the endpoints break the rules of Options::endpoints.
absl::StatusOr<ChannelTarget> ChannelTargetFor(const std::vector<std::string>& endpoints);

}  // namespace kinerja::sdk::internal

#endif  // KINERJA_CLIENT_SDK_SRC_CHANNEL_TARGET_H_
