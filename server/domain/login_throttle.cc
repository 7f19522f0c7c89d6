#include "server/domain/login_throttle.h"

#include <algorithm>
#include <limits>

namespace kinerja::domain {
namespace {

// How long after the last failure the next attempt must wait, given `failures` so far.
absl::Duration WaitAfter(int failures, const ThrottleConfig& c) {
  const int free = std::max(c.free_attempts, 0);
  if (failures <= 0 || failures < free || c.base_delay <= absl::ZeroDuration()) {
    return absl::ZeroDuration();
  }
  // base_delay * 2^(failures - free), capped. Doubling stops at the cap (Duration saturates at
  // infinity), so this loops at most a few dozen times whatever the count.
  absl::Duration wait = c.base_delay;
  for (int i = 0; i < failures - free && wait < c.max_delay; ++i) wait *= 2;
  return std::max(std::min(wait, c.max_delay), absl::ZeroDuration());
}

}  // namespace

ThrottleCheck CheckLoginAllowed(const ThrottleState& s, absl::Time now, const ThrottleConfig& c) {
  if (now < s.locked_until) return {ThrottleVerdict::kLocked, s.locked_until};
  const absl::Time next = s.last_failure + WaitAfter(s.failed_attempts, c);
  if (now < next) return {ThrottleVerdict::kTooSoon, next};
  return {ThrottleVerdict::kAllow, now};
}

ThrottleState RecordFailure(ThrottleState s, absl::Time now, const ThrottleConfig& c) {
  s.failed_attempts = std::max(s.failed_attempts, 0);
  if (s.failed_attempts < std::numeric_limits<int>::max()) ++s.failed_attempts;
  s.last_failure = now;
  if (c.lock_after > 0 && s.failed_attempts >= c.lock_after) s.locked_until = now + c.lock_for;
  return s;
}

ThrottleState RecordSuccess(ThrottleState s) { return ThrottleState{}; }

}  // namespace kinerja::domain
