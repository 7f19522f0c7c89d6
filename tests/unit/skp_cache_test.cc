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
  cache.Put(7, 3, Plan(7, "v3"), cache.StampNow(0));
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
  // A finalisation through this replica: nothing confirmed before it answers from memory.
  cache.InvalidateAll();
  EXPECT_EQ(cache.GetRecent(7, t + absl::Milliseconds(1800), 5), nullptr);
  EXPECT_NE(cache.Get(7, 3), nullptr);  // still there for a probe that finds version 3
}

TEST(SkpCacheTest, APlanWrittenThroughThisReplicaIsDroppedAndAReadFromBeforeIsNotStored) {
  SkpCache cache(100, absl::Seconds(2));
  const SkpCache::Stamp before = cache.StampNow(1);
  cache.Put(7, 3, Plan(7, "v3"), before);
  cache.Put(8, 1, Plan(8, "other"), before);
  cache.Invalidate(7);
  EXPECT_EQ(cache.Get(7, 3), nullptr);
  EXPECT_EQ(cache.GetRecent(7, before.at, 1), nullptr);
  EXPECT_NE(cache.GetRecent(8, before.at, 1), nullptr);  // another plan is untouched
  cache.Put(7, 3, Plan(7, "v3, read before the write"), before);
  EXPECT_EQ(cache.Get(7, 3), nullptr);
  const SkpCache::Stamp after = cache.StampNow(1);
  cache.Put(7, 4, Plan(7, "v4"), after);
  ASSERT_NE(cache.GetRecent(7, after.at, 1), nullptr);
  EXPECT_EQ(cache.GetRecent(7, after.at, 1)->return_note(), "v4");
}

// A plan of employee kNip on position kPosition.
constexpr char kNip[] = "197001011995031001";
constexpr char kPosition[] = "DISKOMINFO-KABID-1";
v1::Skp ShownPlan(int64_t id, const std::string& note) {
  v1::Skp skp = Plan(id, note);
  skp.set_position(std::string("positions/") + kPosition);
  return skp;
}

TEST(SkpCacheTest, TheChangeFeedConfirmsEveryPlanItCoversWithoutAProbe) {
  const absl::Duration ttl = absl::Seconds(2);
  SkpCache cache(100, ttl);
  const SkpCache::Stamp read = cache.StampNow(5);
  const absl::Time t = read.at;
  cache.Put(7, 3, ShownPlan(7, "v3"), read);
  EXPECT_EQ(cache.GetRecent(7, t + absl::Seconds(3), 5), nullptr);  // aged, no feed yet
  for (int poll = 1; poll <= 4; ++poll) {  // one poll a second, none seeing a change of plan 7
    SkpCache::Stamp at = read;
    at.at = t + absl::Seconds(poll);
    cache.ApplyFeed({}, at, at.at + absl::Milliseconds(2));
  }
  ASSERT_NE(cache.GetRecent(7, t + absl::Seconds(5), 5), nullptr);
  EXPECT_EQ(cache.GetRecent(7, t + absl::Seconds(5), 6), nullptr);  // a local directory write
  EXPECT_EQ(cache.GetRecent(7, t + absl::Seconds(6), 5), nullptr);  // the feed stopped
  // A plan read more than half the feed's window ago is not covered: a probe reads it again.
  EXPECT_EQ(cache.GetRecent(7, t + kFeedWindow / 2 + absl::Seconds(1), 5), nullptr);
}

TEST(SkpCacheTest, APlanTheFeedSawWrittenIsDroppedAndAnOlderReadOfItIsNotStored) {
  SkpCache cache(100, absl::Seconds(2));
  const SkpCache::Stamp read = cache.StampNow(1);
  cache.Put(7, 3, ShownPlan(7, "v3"), read);
  cache.Put(8, 2, ShownPlan(8, "other"), read);
  SkpCache::Changes changes;
  changes.skps = {{7, 4}, {8, 2}};  // plan 8 at the version cached: no change for it
  const SkpCache::Stamp poll = cache.StampNow(1);
  cache.ApplyFeed(changes, poll, poll.at);
  EXPECT_EQ(cache.Get(7, 3), nullptr);
  EXPECT_EQ(cache.GetRecent(7, poll.at, 1), nullptr);
  EXPECT_NE(cache.Get(8, 2), nullptr);
  cache.Put(7, 3, ShownPlan(7, "v3, read slowly"), read);
  EXPECT_EQ(cache.Get(7, 3), nullptr);
  cache.Put(7, 4, ShownPlan(7, "v4"), cache.StampNow(1));
  EXPECT_NE(cache.Get(7, 4), nullptr);
}

TEST(SkpCacheTest, ADirectoryChangeTheFeedSawNeedsAReadAfterTheFeedSawIt) {
  for (const bool employee : {true, false}) {
    SCOPED_TRACE(employee ? "the employee's name" : "the position's title");
    SkpCache cache(100, absl::Seconds(2));
    const SkpCache::Stamp read = cache.StampNow(1);
    cache.Put(7, 3, ShownPlan(7, "v3"), read);
    cache.Put(9, 1, Plan(9, "another employee's"), read);
    SkpCache::Changes changes;
    if (employee) {
      changes.employees = {{kNip, 2}};
    } else {
      changes.positions = {{kPosition, 5}};
    }
    const SkpCache::Stamp poll = cache.StampNow(1);
    const absl::Time done = poll.at + absl::Milliseconds(1);
    cache.ApplyFeed(changes, poll, done);
    EXPECT_EQ(cache.GetRecent(7, done, 1), nullptr);
    if (!employee) EXPECT_NE(cache.GetRecent(9, done, 1), nullptr);  // on another position
    // The same rows seen again by the next poll are not a new change.
    SkpCache::Stamp reread = poll;
    reread.at = done + absl::Milliseconds(1);
    cache.Confirm(7, 3, reread);
    SkpCache::Stamp next = reread;
    next.at = done + absl::Milliseconds(500);
    cache.ApplyFeed(changes, next, next.at + absl::Milliseconds(1));
    EXPECT_NE(cache.GetRecent(7, next.at + absl::Milliseconds(2), 1), nullptr);
    // A newer version is.
    if (employee) {
      changes.employees = {{kNip, 3}};
    } else {
      changes.positions = {{kPosition, 6}};
    }
    SkpCache::Stamp third = next;
    third.at = next.at + absl::Milliseconds(500);
    cache.ApplyFeed(changes, third, third.at + absl::Milliseconds(1));
    EXPECT_EQ(cache.GetRecent(7, third.at + absl::Milliseconds(2), 1), nullptr);
  }
}

TEST(SkpCacheTest, WithoutARecentBoundEveryReadAsksTheDatabase) {
  SkpCache cache(100);
  const SkpCache::Stamp stamp = cache.StampNow(1);
  cache.Put(7, 3, Plan(7, "v3"), stamp);
  EXPECT_EQ(cache.GetRecent(7, stamp.at, 1), nullptr);
}

TEST(SkpCacheTest, ANewerVersionReplacesTheEntryAndAnOlderOneDoesNot) {
  SkpCache cache;
  cache.Put(7, 3, Plan(7, "v3"), cache.StampNow(0));
  cache.Put(7, 4, Plan(7, "v4"), cache.StampNow(0));
  ASSERT_NE(cache.Get(7, 4), nullptr);
  EXPECT_EQ(cache.Get(7, 4)->return_note(), "v4");
  cache.Put(7, 3, Plan(7, "v3, read slowly"), cache.StampNow(0));  // a load that started before the write
  EXPECT_EQ(cache.Get(7, 3), nullptr);
  EXPECT_EQ(cache.Get(7, 4)->return_note(), "v4");
  EXPECT_EQ(cache.size(), 1u);
}

TEST(SkpCacheTest, WhenFullTheLeastRecentlyUsedPlanGoes) {
  SkpCache cache(/*capacity=*/3);
  cache.Put(1, 1, Plan(1, ""), cache.StampNow(0));
  cache.Put(2, 1, Plan(2, ""), cache.StampNow(0));
  cache.Put(3, 1, Plan(3, ""), cache.StampNow(0));
  ASSERT_NE(cache.Get(1, 1), nullptr);  // 2 is now the least recently used
  cache.Put(4, 1, Plan(4, ""), cache.StampNow(0));
  EXPECT_EQ(cache.size(), 3u);
  EXPECT_EQ(cache.Get(2, 1), nullptr);
  EXPECT_NE(cache.Get(1, 1), nullptr);
  EXPECT_NE(cache.Get(3, 1), nullptr);
  EXPECT_NE(cache.Get(4, 1), nullptr);
}

TEST(SkpCacheTest, AZeroCapacityHoldsNothing) {
  SkpCache cache(/*capacity=*/0);
  cache.Put(1, 1, Plan(1, ""), cache.StampNow(0));
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
          cache.Put(id, version, Plan(id, std::to_string(version)), cache.StampNow(0));
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
