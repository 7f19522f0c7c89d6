#include "server/services/batch_loader.h"

#include <atomic>
#include <string>
#include <vector>

#include "absl/synchronization/blocking_counter.h"
#include "absl/synchronization/notification.h"
#include "gtest/gtest.h"

namespace kinerja::services {
namespace {

using Loader = BatchLoader<int, std::string>;

absl::Status NotFound(const int& k) { return absl::NotFoundError(std::to_string(k)); }

TEST(BatchLoaderTest, CoalescesLoadsThatWaitWhileTheWorkerIsBusy) {
  core::BoundedExecutor executor(1, 100);
  absl::Notification release;
  std::vector<size_t> batch_sizes;
  Loader loader(
      executor,
      [&](const std::vector<int>& keys, absl::Time) {
        release.WaitForNotification();  // the first batch holds the only worker
        batch_sizes.push_back(keys.size());
        absl::flat_hash_map<int, std::string> out;
        for (int k : keys) {
          if (k != 99) out[k] = "v" + std::to_string(k);
        }
        return absl::StatusOr<absl::flat_hash_map<int, std::string>>(out);
      },
      /*max_batch=*/64, /*max_pending=*/100, NotFound);
  std::atomic<int> ok{0}, not_found{0};
  absl::BlockingCounter done(20);
  auto on_done = [&](absl::StatusOr<std::string> v) {
    if (v.ok()) ++ok;
    if (absl::IsNotFound(v.status())) ++not_found;
    done.DecrementCount();
  };
  ASSERT_TRUE(loader.Load(1, absl::InfiniteFuture(), on_done));
  absl::SleepFor(absl::Milliseconds(50));  // the first batch is now being served alone
  for (int k = 2; k <= 20; ++k) ASSERT_TRUE(loader.Load(k == 20 ? 99 : k, absl::InfiniteFuture(), on_done));
  release.Notify();
  done.Wait();
  EXPECT_EQ(ok.load(), 19);
  EXPECT_EQ(not_found.load(), 1);
  ASSERT_EQ(batch_sizes.size(), 2u);
  EXPECT_EQ(batch_sizes[0], 1u);
  EXPECT_EQ(batch_sizes[1], 19u);
}

TEST(BatchLoaderTest, ExpiredLoadsAreNotFetchedAndAFullQueueRefuses) {
  core::BoundedExecutor executor(1, 100);
  absl::Notification release;
  std::atomic<int> fetched_keys{0};
  Loader loader(
      executor,
      [&](const std::vector<int>& keys, absl::Time) {
        release.WaitForNotification();
        fetched_keys += static_cast<int>(keys.size());
        return absl::StatusOr<absl::flat_hash_map<int, std::string>>(
            absl::flat_hash_map<int, std::string>{});
      },
      /*max_batch=*/8, /*max_pending=*/2, NotFound);
  absl::BlockingCounter done(3);
  absl::StatusCode expired_code = absl::StatusCode::kOk;
  auto count = [&](absl::StatusOr<std::string>) { done.DecrementCount(); };
  ASSERT_TRUE(loader.Load(1, absl::InfiniteFuture(), count));
  absl::SleepFor(absl::Milliseconds(50));
  ASSERT_TRUE(loader.Load(2, absl::Now() + absl::Milliseconds(1), [&](absl::StatusOr<std::string> v) {
    expired_code = v.status().code();
    done.DecrementCount();
  }));
  ASSERT_TRUE(loader.Load(3, absl::InfiniteFuture(), count));
  EXPECT_FALSE(loader.Load(4, absl::InfiniteFuture(), count));  // two already wait
  absl::SleepFor(absl::Milliseconds(20));
  release.Notify();
  done.Wait();
  EXPECT_EQ(expired_code, absl::StatusCode::kDeadlineExceeded);
  EXPECT_EQ(fetched_keys.load(), 2);  // keys 1 and 3
}

}  // namespace
}  // namespace kinerja::services
