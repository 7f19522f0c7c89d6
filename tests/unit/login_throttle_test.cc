#include "server/domain/login_throttle.h"

#include <limits>
#include <vector>

#include "gtest/gtest.h"

namespace kinerja::domain {
namespace {

const ThrottleConfig kDefaults;
const absl::Time kT0 = absl::FromUnixSeconds(1700000000);
constexpr absl::Duration kTick = absl::Nanoseconds(1);

ThrottleState FailNTimesAt(int n, absl::Time at, const ThrottleConfig& c = kDefaults) {
  ThrottleState s;
  for (int i = 0; i < n; ++i) s = RecordFailure(s, at, c);
  return s;
}

TEST(LoginThrottleTest, DefaultsAreTheDocumentedOnes) {
  EXPECT_EQ(kDefaults.free_attempts, 3);
  EXPECT_EQ(kDefaults.base_delay, absl::Seconds(1));
  EXPECT_EQ(kDefaults.max_delay, absl::Seconds(30));
  EXPECT_EQ(kDefaults.lock_after, 10);
  EXPECT_EQ(kDefaults.lock_for, absl::Minutes(15));
}

TEST(LoginThrottleTest, NewAccountIsAllowed) {
  const ThrottleCheck check = CheckLoginAllowed(ThrottleState{}, kT0, kDefaults);
  EXPECT_EQ(check.verdict, ThrottleVerdict::kAllow);
  EXPECT_EQ(check.retry_after, kT0);
}

TEST(LoginThrottleTest, FirstThreeFailuresCostNoWait) {
  for (int n = 0; n < 3; ++n) {
    EXPECT_EQ(CheckLoginAllowed(FailNTimesAt(n, kT0), kT0, kDefaults).verdict,
              ThrottleVerdict::kAllow)
        << n << " failures";
  }
  EXPECT_EQ(CheckLoginAllowed(FailNTimesAt(3, kT0), kT0, kDefaults).verdict,
            ThrottleVerdict::kTooSoon);
}

TEST(LoginThrottleTest, RecordFailureCountsAndStamps) {
  ThrottleState s = RecordFailure(ThrottleState{}, kT0, kDefaults);
  EXPECT_EQ(s.failed_attempts, 1);
  EXPECT_EQ(s.last_failure, kT0);
  EXPECT_EQ(s.locked_until, absl::InfinitePast());
  s = RecordFailure(s, kT0 + absl::Seconds(5), kDefaults);
  EXPECT_EQ(s.failed_attempts, 2);
  EXPECT_EQ(s.last_failure, kT0 + absl::Seconds(5));
}

TEST(LoginThrottleTest, WaitsDoubleFromOneSecondAndCapAtThirty) {
  // failures -> wait: 3 -> 1 s, 4 -> 2, 5 -> 4, 6 -> 8, 7 -> 16, 8 -> 30 (not 32), 9 -> 30.
  const std::vector<absl::Duration> waits = {absl::Seconds(1),  absl::Seconds(2),
                                             absl::Seconds(4),  absl::Seconds(8),
                                             absl::Seconds(16), absl::Seconds(30),
                                             absl::Seconds(30)};
  for (int n = 3; n <= 9; ++n) {
    const ThrottleState s = FailNTimesAt(n, kT0);
    const absl::Duration wait = waits[n - 3];
    ThrottleCheck check = CheckLoginAllowed(s, kT0 + wait - kTick, kDefaults);
    EXPECT_EQ(check.verdict, ThrottleVerdict::kTooSoon) << n << " failures";
    EXPECT_EQ(check.retry_after, kT0 + wait) << n << " failures";
    check = CheckLoginAllowed(s, kT0 + wait, kDefaults);
    EXPECT_EQ(check.verdict, ThrottleVerdict::kAllow) << n << " failures";
  }
}

TEST(LoginThrottleTest, WaitIsCountedFromTheLastFailure) {
  ThrottleState s = FailNTimesAt(4, kT0);                    // wait 2 s after kT0
  s = RecordFailure(s, kT0 + absl::Seconds(100), kDefaults);  // 5 failures: wait 4 s
  EXPECT_EQ(CheckLoginAllowed(s, kT0 + absl::Seconds(103), kDefaults).verdict,
            ThrottleVerdict::kTooSoon);
  EXPECT_EQ(CheckLoginAllowed(s, kT0 + absl::Seconds(104), kDefaults).verdict,
            ThrottleVerdict::kAllow);
}

TEST(LoginThrottleTest, CapHoldsForHugeCountsWithoutOverflow) {
  ThrottleConfig no_lock = kDefaults;
  no_lock.lock_after = 0;
  for (int n : {10, 40, 70, 1000, std::numeric_limits<int>::max()}) {
    ThrottleState s;
    s.failed_attempts = n;
    s.last_failure = kT0;
    ThrottleCheck check = CheckLoginAllowed(s, kT0, no_lock);
    EXPECT_EQ(check.verdict, ThrottleVerdict::kTooSoon) << n;
    EXPECT_EQ(check.retry_after, kT0 + absl::Seconds(30)) << n;
  }
  ThrottleState s;
  s.failed_attempts = std::numeric_limits<int>::max();
  s = RecordFailure(s, kT0, no_lock);
  EXPECT_EQ(s.failed_attempts, std::numeric_limits<int>::max());
  EXPECT_EQ(s.locked_until, absl::InfinitePast());
}

TEST(LoginThrottleTest, TenthFailureLocksForFifteenMinutes) {
  const absl::Time t9 = kT0 + absl::Seconds(500);
  ThrottleState s = FailNTimesAt(9, kT0);
  EXPECT_EQ(s.locked_until, absl::InfinitePast());
  EXPECT_EQ(CheckLoginAllowed(s, kT0, kDefaults).verdict, ThrottleVerdict::kTooSoon);

  s = RecordFailure(s, t9, kDefaults);
  EXPECT_EQ(s.failed_attempts, 10);
  EXPECT_EQ(s.locked_until, t9 + absl::Minutes(15));
  ThrottleCheck check = CheckLoginAllowed(s, t9 + absl::Minutes(15) - kTick, kDefaults);
  EXPECT_EQ(check.verdict, ThrottleVerdict::kLocked);
  EXPECT_EQ(check.retry_after, t9 + absl::Minutes(15));
  // The lock wins even after the 30 s wait has passed.
  EXPECT_EQ(CheckLoginAllowed(s, t9 + absl::Minutes(1), kDefaults).verdict,
            ThrottleVerdict::kLocked);
}

TEST(LoginThrottleTest, ExpiredLockAllowsOneAttemptAndAFailureRelocks) {
  ThrottleState s = FailNTimesAt(10, kT0);
  const absl::Time expiry = kT0 + absl::Minutes(15);
  EXPECT_EQ(CheckLoginAllowed(s, expiry, kDefaults).verdict, ThrottleVerdict::kAllow);
  EXPECT_EQ(CheckLoginAllowed(s, expiry + absl::Hours(24), kDefaults).verdict,
            ThrottleVerdict::kAllow);

  const absl::Time t = expiry + absl::Minutes(3);
  s = RecordFailure(s, t, kDefaults);
  EXPECT_EQ(s.failed_attempts, 11);
  EXPECT_EQ(s.locked_until, t + absl::Minutes(15));
  EXPECT_EQ(CheckLoginAllowed(s, t + absl::Minutes(10), kDefaults).verdict,
            ThrottleVerdict::kLocked);
}

TEST(LoginThrottleTest, SuccessResetsEverything) {
  ThrottleState s = FailNTimesAt(10, kT0);
  s = RecordSuccess(s);
  EXPECT_EQ(s.failed_attempts, 0);
  EXPECT_EQ(s.last_failure, absl::InfinitePast());
  EXPECT_EQ(s.locked_until, absl::InfinitePast());
  // ... and the free attempts are back.
  const absl::Time t = kT0 + absl::Hours(1);
  s = FailNTimesAt(2, t);
  EXPECT_EQ(CheckLoginAllowed(s, t, kDefaults).verdict, ThrottleVerdict::kAllow);
}

TEST(LoginThrottleTest, ConfigurationChangesTheNumbers) {
  ThrottleConfig c;
  c.free_attempts = 0;
  c.base_delay = absl::Seconds(5);
  c.max_delay = absl::Seconds(12);
  c.lock_after = 3;
  c.lock_for = absl::Hours(1);
  ThrottleState s = RecordFailure(ThrottleState{}, kT0, c);  // 1 failure: 5 * 2^1 = 10 s
  EXPECT_EQ(CheckLoginAllowed(s, kT0, c).retry_after, kT0 + absl::Seconds(10));
  s = RecordFailure(s, kT0, c);  // 2 failures: 20 s, capped at 12
  EXPECT_EQ(CheckLoginAllowed(s, kT0, c).retry_after, kT0 + absl::Seconds(12));
  s = RecordFailure(s, kT0, c);
  ThrottleCheck check = CheckLoginAllowed(s, kT0, c);
  EXPECT_EQ(check.verdict, ThrottleVerdict::kLocked);
  EXPECT_EQ(check.retry_after, kT0 + absl::Hours(1));

  // Zero failures never wait, even with no free attempts.
  EXPECT_EQ(CheckLoginAllowed(ThrottleState{}, kT0, c).verdict, ThrottleVerdict::kAllow);
  // No base delay: never too soon.
  c.base_delay = absl::ZeroDuration();
  c.lock_after = 0;
  EXPECT_EQ(CheckLoginAllowed(FailNTimesAt(50, kT0, c), kT0, c).verdict, ThrottleVerdict::kAllow);
}

// A guesser who tries again the moment it is allowed gets 13 password checks in the first hour:
// 10 within 91 s (0, 0, 0, 1, 3, 7, 15, 31, 61, 91), then one per 15-minute lock.
TEST(LoginThrottleTest, AGuesserGetsThirteenTriesInTheFirstHour) {
  ThrottleState s;
  absl::Time now = kT0;
  std::vector<absl::Duration> tries;
  while (now < kT0 + absl::Hours(1)) {
    const ThrottleCheck check = CheckLoginAllowed(s, now, kDefaults);
    if (check.verdict == ThrottleVerdict::kAllow) {
      tries.push_back(now - kT0);
      s = RecordFailure(s, now, kDefaults);
    } else {
      ASSERT_GT(check.retry_after, now);
      now = check.retry_after;
    }
  }
  ASSERT_EQ(tries.size(), 13u);
  EXPECT_EQ(tries[9], absl::Seconds(91));
  EXPECT_EQ(tries[10], absl::Seconds(91) + absl::Minutes(15));
  EXPECT_EQ(tries[12], absl::Seconds(91) + absl::Minutes(45));
}

}  // namespace
}  // namespace kinerja::domain
