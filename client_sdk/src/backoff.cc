#include "client_sdk/src/backoff.h"

#include <algorithm>

namespace kinerja::sdk::internal {

absl::Duration BackoffDelay(const RetryPolicy& policy, int retry,
                            const std::function<double()>& uniform01) {
  const absl::Duration ceiling = BackoffCeiling(policy, retry);
  if (!policy.full_jitter) return ceiling;
  const double u = std::clamp(uniform01(), 0.0, 1.0);
  return ceiling * u;
}

}  // namespace kinerja::sdk::internal
