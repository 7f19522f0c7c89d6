#include "kinerja/sdk/retry_policy.h"

#include <cmath>

namespace kinerja::sdk {

absl::Status ValidateRetryPolicy(const RetryPolicy& policy) {
  if (policy.max_attempts < 1) {
    return absl::InvalidArgumentError("retry.max_attempts must be at least 1");
  }
  if (policy.max_total_time <= absl::ZeroDuration()) {
    return absl::InvalidArgumentError("retry.max_total_time must be positive");
  }
  if (policy.initial_backoff <= absl::ZeroDuration()) {
    return absl::InvalidArgumentError("retry.initial_backoff must be positive");
  }
  if (policy.max_backoff < policy.initial_backoff) {
    return absl::InvalidArgumentError("retry.max_backoff must be at least retry.initial_backoff");
  }
  if (!std::isfinite(policy.multiplier) || policy.multiplier < 1.0) {
    return absl::InvalidArgumentError("retry.multiplier must be a finite number of at least 1");
  }
  return absl::OkStatus();
}

bool IsRetryableCode(absl::StatusCode code) {
  return code == absl::StatusCode::kUnavailable || code == absl::StatusCode::kResourceExhausted ||
         code == absl::StatusCode::kAborted || code == absl::StatusCode::kCancelled;
}

absl::Duration BackoffCeiling(const RetryPolicy& policy, int retry) {
  absl::Duration ceiling = policy.initial_backoff;
  for (int i = 1; i < retry && ceiling < policy.max_backoff; ++i)
    ceiling = ceiling * policy.multiplier;
  return ceiling < policy.max_backoff ? ceiling : policy.max_backoff;
}

}  // namespace kinerja::sdk
