// When and how often the SDK retries a failed call.
//
// Only idempotent calls (idempotency.h) are retried, and only after a status that says the call
// may succeed if sent again:
//   UNAVAILABLE         the replica is gone or unreachable, or its database is (nothing was stored:
//                       a write that did commit is found again by its request_id);
//   RESOURCE_EXHAUSTED  the server's queue is full ("retry with backoff"); the call did not run;
//   ABORTED             a transaction lost a lock or deadlock race, or another import or transfer
//                       held the directory lock; the transaction was rolled back;
//   CANCELLED           the server cancelled the call: a replica that shuts down (a rolling
//                       update) cancels the calls it has received but not yet started. The SDK
//                       never cancels a unary call itself, so this CANCELLED is always the
//                       server's; on a stream it is retried only before the first message.
// Never retried: INVALID_ARGUMENT, NOT_FOUND, ALREADY_EXISTS, PERMISSION_DENIED, UNAUTHENTICATED,
// FAILED_PRECONDITION, OUT_OF_RANGE, UNIMPLEMENTED, INTERNAL, DATA_LOSS, UNKNOWN and
// DEADLINE_EXCEEDED (an attempt that used up its deadline may still be running on the server).
//
// Between attempts the SDK waits an exponentially growing time with "full jitter": before retry n
// (n = 1 for the first retry) the ceiling is min(max_backoff, initial_backoff * multiplier^(n-1))
// and the wait is uniformly random in [0, ceiling] (exactly the ceiling with full_jitter off).
// A call stops after max_attempts attempts, or when the next wait would end after max_total_time
// from its start; each attempt's gRPC deadline is min(Options::default_deadline, the time left).
// A call that gives up returns the last attempt's status (same code, message and details; the
// message notes how many attempts were made).
#ifndef KINERJA_SDK_RETRY_POLICY_H_
#define KINERJA_SDK_RETRY_POLICY_H_

#include "absl/status/status.h"
#include "absl/time/time.h"

namespace kinerja::sdk {

struct RetryPolicy {
  // Attempts in all, the first one included; 1 turns retries off. At least 1.
  int max_attempts = 5;
  // Time from the start of a call after which no new attempt starts. Positive.
  absl::Duration max_total_time = absl::Seconds(60);
  // Ceiling of the first wait. Positive.
  absl::Duration initial_backoff = absl::Milliseconds(100);
  // Largest ceiling. At least initial_backoff.
  absl::Duration max_backoff = absl::Seconds(5);
  // Growth of the ceiling per retry. At least 1.
  double multiplier = 2.0;
  // Wait a uniformly random time in [0, ceiling] (true) or exactly the ceiling (false).
  bool full_jitter = true;
};

// OK when every field is in its range; otherwise INVALID_ARGUMENT naming the field.
absl::Status ValidateRetryPolicy(const RetryPolicy& policy);

// True for the codes listed above: UNAVAILABLE, RESOURCE_EXHAUSTED, ABORTED, CANCELLED.
bool IsRetryableCode(absl::StatusCode code);

// The ceiling of the wait before retry `retry` (1 for the first retry):
// min(max_backoff, initial_backoff * multiplier^(retry-1)).
absl::Duration BackoffCeiling(const RetryPolicy& policy, int retry);

}  // namespace kinerja::sdk

#endif  // KINERJA_SDK_RETRY_POLICY_H_
