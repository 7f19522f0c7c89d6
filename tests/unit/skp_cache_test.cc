#include "server/storage/skp_cache.h"

#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"

namespace kinerja::storage {
namespace {

v1::Skp Plan(int64_t id, const std::string& note) {
  v1::Skp skp;
  skp.set_name("employees/197001011995031001/skps/" + std::to_string(id));
  skp.set_return_note(note);
  return skp;
}

TEST(SkpCacheTest, ServesAPlanOnlyAtTheVersionItWasStoredAt) {
  SkpCache cache;
  cache.Put(7, 3, Plan(7, "v3"), {});
  ASSERT_NE(cache.Get(7, 3), nullptr);
  EXPECT_EQ(cache.Get(7, 3)->return_note(), "v3");
  EXPECT_EQ(cache.Get(7, 4), nullptr);  // the plan was written since
  EXPECT_EQ(cache.Get(8, 3), nullptr);  // another plan
  EXPECT_EQ(cache.hits(), 2u);
  EXPECT_EQ(cache.misses(), 2u);
}

TEST(SkpCacheTest, ARecentConfirmationAnswersUntilItAgesOrALocalWriteHappens) {
  const absl::Duration ttl = absl::Seconds(2);
  SkpCache cache(100, ttl);
  const SkpCache::Stamp stamp = cache.StampNow(/*directory_generation=*/5);
  const absl::Time t = stamp.at;
  cache.Put(7, 3, Plan(7, "v3"), stamp);
  ASSERT_NE(cache.GetRecent(7, t + absl::Milliseconds(500), 5), nullptr);
  EXPECT_EQ(cache.GetRecent(7, t + ttl, 5), nullptr);                 // too old
  EXPECT_EQ(cache.GetRecent(7, t + absl::Seconds(1), 6), nullptr);    // a directory write since
  EXPECT_EQ(cache.GetRecent(8, t, 5), nullptr);                       // never cached
  // A probe that finds the same version confirms it again; one of another version does not.
  SkpCache::Stamp later = stamp;
  later.at = t + absl::Milliseconds(1700);
  cache.Confirm(7, 3, later);
  ASSERT_NE(cache.GetRecent(7, t + absl::Milliseconds(3000), 5), nullptr);
  later.at = t + absl::Milliseconds(2500);
  cache.Confirm(7, 4, later);
  EXPECT_EQ(cache.GetRecent(7, t + absl::Milliseconds(3800), 5), nullptr);
  EXPECT_EQ(cache.recent_hits(), 2u);
  // A write through this replica: nothing confirmed before it answers from memory.
  cache.Invalidate();
  EXPECT_EQ(cache.GetRecent(7, t + absl::Milliseconds(1800), 5), nullptr);
  EXPECT_NE(cache.Get(7, 3), nullptr);  // still there for a probe that finds version 3
}

TEST(SkpCacheTest, WithoutARecentBoundEveryReadAsksTheDatabase) {
  SkpCache cache(100);
  const SkpCache::Stamp stamp = cache.StampNow(1);
  cache.Put(7, 3, Plan(7, "v3"), stamp);
  EXPECT_EQ(cache.GetRecent(7, stamp.at, 1), nullptr);
}

TEST(SkpCacheTest, ANewerVersionReplacesTheEntryAndAnOlderOneDoesNot) {
  SkpCache cache;
  cache.Put(7, 3, Plan(7, "v3"), {});
  cache.Put(7, 4, Plan(7, "v4"), {});
  ASSERT_NE(cache.Get(7, 4), nullptr);
  EXPECT_EQ(cache.Get(7, 4)->return_note(), "v4");
  cache.Put(7, 3, Plan(7, "v3, read slowly"), {});  // a load that started before the write
  EXPECT_EQ(cache.Get(7, 3), nullptr);
  EXPECT_EQ(cache.Get(7, 4)->return_note(), "v4");
  EXPECT_EQ(cache.size(), 1u);
}

TEST(SkpCacheTest, WhenFullTheLeastRecentlyUsedPlanGoes) {
  SkpCache cache(/*capacity=*/3);
  cache.Put(1, 1, Plan(1, ""), {});
  cache.Put(2, 1, Plan(2, ""), {});
  cache.Put(3, 1, Plan(3, ""), {});
  ASSERT_NE(cache.Get(1, 1), nullptr);  // 2 is now the least recently used
  cache.Put(4, 1, Plan(4, ""), {});
  EXPECT_EQ(cache.size(), 3u);
  EXPECT_EQ(cache.Get(2, 1), nullptr);
  EXPECT_NE(cache.Get(1, 1), nullptr);
  EXPECT_NE(cache.Get(3, 1), nullptr);
  EXPECT_NE(cache.Get(4, 1), nullptr);
}

TEST(SkpCacheTest, AZeroCapacityHoldsNothing) {
  SkpCache cache(/*capacity=*/0);
  cache.Put(1, 1, Plan(1, ""), {});
  EXPECT_EQ(cache.Get(1, 1), nullptr);
  EXPECT_EQ(cache.size(), 0u);
}

TEST(SkpCacheTest, ManyThreadsReadAndWriteWithinTheCapacity) {
  SkpCache cache(/*capacity=*/50);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&cache, t] {
      for (int i = 0; i < 2000; ++i) {
        const int64_t id = (i * 7 + t) % 80;
        const int64_t version = i % 5;
        if (auto hit = cache.Get(id, version)) {
          EXPECT_EQ(hit->return_note(), std::to_string(version));
        } else {
          cache.Put(id, version, Plan(id, std::to_string(version)), {});
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_LE(cache.size(), 50u);
  EXPECT_EQ(cache.hits() + cache.misses(), 8000u);
}

}  // namespace
}  // namespace kinerja::storage
