// The wait before each retry: exponential ceiling, full jitter (retry_policy.h).
#ifndef KINERJA_CLIENT_SDK_SRC_BACKOFF_H_
#define KINERJA_CLIENT_SDK_SRC_BACKOFF_H_

#include <functional>

#include "absl/time/time.h"
#include "kinerja/sdk/retry_policy.h"

namespace kinerja::sdk::internal {

// The wait before retry `retry` (1 for the first): the ceiling times uniform01() with full
// jitter, the ceiling itself without. uniform01 returns values in [0, 1).
absl::Duration BackoffDelay(const RetryPolicy& policy, int retry,
                            const std::function<double()>& uniform01);

}  // namespace kinerja::sdk::internal

#endif  // KINERJA_CLIENT_SDK_SRC_BACKOFF_H_
