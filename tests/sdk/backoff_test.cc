// The backoff ceiling and full jitter, with a real random source.
#include "client_sdk/src/backoff.h"

#include <algorithm>
#include <set>
#include <string>

#include "gtest/gtest.h"
#include "kinerja/sdk/connection_environment.h"
#include "kinerja/sdk/retry_policy.h"

namespace kinerja::sdk::internal {
namespace {

TEST(BackoffTest, CeilingGrowsGeometricallyUpToTheMaximum) {
  RetryPolicy policy;
  policy.initial_backoff = absl::Milliseconds(100);
  policy.max_backoff = absl::Seconds(2);
  policy.multiplier = 3.0;
  EXPECT_EQ(BackoffCeiling(policy, 1), absl::Milliseconds(100));
  EXPECT_EQ(BackoffCeiling(policy, 2), absl::Milliseconds(300));
  EXPECT_EQ(BackoffCeiling(policy, 3), absl::Milliseconds(900));
  EXPECT_EQ(BackoffCeiling(policy, 4), absl::Seconds(2));
  EXPECT_EQ(BackoffCeiling(policy, 1000), absl::Seconds(2));
}

TEST(BackoffTest, FullJitterStaysWithinTheCeilingAndSpreads) {
  RetryPolicy policy;  // 100 ms, x2, 5 s
  for (int retry = 1; retry <= 8; ++retry) {
    const absl::Duration ceiling = BackoffCeiling(policy, retry);
    absl::Duration lowest = ceiling;
    absl::Duration highest = absl::ZeroDuration();
    absl::Duration sum;
    constexpr int kSamples = 2000;
    for (int i = 0; i < kSamples; ++i) {
      const absl::Duration d = BackoffDelay(policy, retry, &UniformRandom01);
      ASSERT_GE(d, absl::ZeroDuration());
      ASSERT_LE(d, ceiling);
      lowest = std::min(lowest, d);
      highest = std::max(highest, d);
      sum += d;
    }
    // Uniform on [0, ceiling]: the mean is near half the ceiling, the extremes near its ends.
    EXPECT_NEAR(absl::FDivDuration(sum / kSamples, ceiling), 0.5, 0.05) << "retry " << retry;
    EXPECT_LT(lowest, ceiling * 0.05);
    EXPECT_GT(highest, ceiling * 0.95);
  }
}

TEST(BackoffTest, WithoutJitterTheWaitIsTheCeiling) {
  RetryPolicy policy;
  policy.full_jitter = false;
  EXPECT_EQ(BackoffDelay(policy, 3, [] { return 0.0; }), absl::Milliseconds(400));
}

TEST(BackoffTest, RetryableCodes) {
  EXPECT_TRUE(IsRetryableCode(absl::StatusCode::kUnavailable));
  EXPECT_TRUE(IsRetryableCode(absl::StatusCode::kResourceExhausted));
  EXPECT_TRUE(IsRetryableCode(absl::StatusCode::kAborted));
  EXPECT_TRUE(IsRetryableCode(absl::StatusCode::kCancelled));
  for (auto code : {absl::StatusCode::kInvalidArgument, absl::StatusCode::kNotFound,
                    absl::StatusCode::kPermissionDenied, absl::StatusCode::kUnauthenticated,
                    absl::StatusCode::kFailedPrecondition, absl::StatusCode::kDeadlineExceeded,
                    absl::StatusCode::kAlreadyExists, absl::StatusCode::kInternal}) {
    EXPECT_FALSE(IsRetryableCode(code)) << absl::StatusCodeToString(code);
  }
}

TEST(RequestIdTest, IdsAreUniqueAndAcceptedByTheServer) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const std::string id = NewRequestId();
    ASSERT_EQ(id.size(), 32u);
    for (char c : id) ASSERT_TRUE((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) << id;
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 1000u);
}

}  // namespace
}  // namespace kinerja::sdk::internal
