// Slowing down password guessing against one account (DOMAIN.md 9.1). A pure rule: the caller
// keeps a ThrottleState per account and passes the current time in.
//
// With the defaults (each is configuration, DOMAIN.md [default], not a fixed rule):
//   failures so far   0  1  2  3   4   5   6   7    8    9   10 and later
//   wait before next  -  -  -  1s  2s  4s  8s  16s  30s  30s locked 15 minutes after each failure
// i.e. the first `free_attempts` failures cost nothing; after that each attempt must come at least
// base_delay * 2^(failures - free_attempts), capped at max_delay, after the last failure; and the
// failure that brings the count to `lock_after`, and every failure after it, locks the account
// until lock_for after that failure. When a lock has expired one attempt is allowed again; if it
// fails the account is locked again at once. A successful login clears everything.
//
// Intended use in a login:
//   ThrottleCheck check = CheckLoginAllowed(state, now, config);
//   if (check.verdict != ThrottleVerdict::kAllow) refuse, telling the person check.retry_after,
//       without looking at the password and without changing the state;
//   else verify the password, then store RecordFailure(state, now, config) or RecordSuccess(state).
#ifndef KINERJA_SERVER_DOMAIN_LOGIN_THROTTLE_H_
#define KINERJA_SERVER_DOMAIN_LOGIN_THROTTLE_H_

#include "absl/time/time.h"

namespace kinerja::domain {

struct ThrottleConfig {
  int free_attempts = 3;                         // failures without any wait; < 0 counts as 0
  absl::Duration base_delay = absl::Seconds(1);  // wait after free_attempts failures; <= 0: none
  absl::Duration max_delay = absl::Seconds(30);  // the longest wait
  int lock_after = 10;                           // failures that lock; <= 0 never locks
  absl::Duration lock_for = absl::Minutes(15);   // how long each lock lasts
};

// Per account; to be stored. The default value is that of an account that never failed.
struct ThrottleState {
  int failed_attempts = 0;  // consecutive failures since the last success
  absl::Time last_failure = absl::InfinitePast();
  absl::Time locked_until = absl::InfinitePast();
};

enum class ThrottleVerdict {
  kAllow,    // check the password
  kTooSoon,  // the wait after the last failure has not passed yet
  kLocked,   // the account is locked
};

struct ThrottleCheck {
  ThrottleVerdict verdict = ThrottleVerdict::kAllow;
  // kTooSoon, kLocked: the first moment the next attempt will be allowed. kAllow: `now`.
  absl::Time retry_after = absl::InfinitePast();
};

// Whether an attempt at `now` may check the password. kLocked while now < s.locked_until (it wins
// over kTooSoon); otherwise kTooSoon while now < s.last_failure + the wait for s.failed_attempts;
// otherwise kAllow.
ThrottleCheck CheckLoginAllowed(const ThrottleState& s, absl::Time now, const ThrottleConfig& c);

// The state after a wrong password at `now`: one more failure (saturating), last_failure = now,
// and locked_until = now + c.lock_for once failed_attempts reaches c.lock_after.
ThrottleState RecordFailure(ThrottleState s, absl::Time now, const ThrottleConfig& c);

// The state after a successful login: all zero, as for a new account.
ThrottleState RecordSuccess(ThrottleState s);

}  // namespace kinerja::domain

#endif  // KINERJA_SERVER_DOMAIN_LOGIN_THROTTLE_H_
