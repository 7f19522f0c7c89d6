// The SKP cache's change feed (skp_cache.h): polls the database for the plans, employees and
// positions written in the last kFeedWindow and tells the cache, so that a cached plan is answered
// from memory without a probe of its own while nothing about it changed.
#ifndef KINERJA_SERVER_STORAGE_SKP_CHANGE_FEED_H_
#define KINERJA_SERVER_STORAGE_SKP_CHANGE_FEED_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <thread>

#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "server/storage/connection_pool.h"
#include "server/storage/skp_cache.h"

namespace kinerja::storage {

// The keys and versions of the plan, employee and position rows written (by updated_at) since
// `since`, a NOW(6) the database answered, less kMaxTransaction and 10 s, so that a transaction
// that began before `since` and committed after is in it; with no `since`, in the last
// kFeedWindow. Four indexed queries. Throws sql::SQLException.
struct RecentChanges {
  SkpCache::Changes changes;
  std::string db_now;  // the database's NOW(6) before the queries: the next poll's `since`
};
RecentChanges ReadRecentChanges(Connection& c, const std::string& since);

class SkpChangeFeed {
 public:
  // `directory_generation`: the EmployeeCache's generation, stamped on each poll.
  SkpChangeFeed(ConnectionPool& pool, SkpCache& cache,
                std::function<uint64_t()> directory_generation, absl::Duration every);
  ~SkpChangeFeed();  // Stop()
  SkpChangeFeed(const SkpChangeFeed&) = delete;
  SkpChangeFeed& operator=(const SkpChangeFeed&) = delete;

  // Polls once now, then every `every` on a thread of its own until Stop. A failed poll is
  // retried at the next tick; the cache stops answering from memory once what it confirmed ages.
  void Start();
  void Stop();

  // One poll: reads the changes since the last poll that succeeded and applies them to the cache.
  absl::Status PollOnce(absl::Time deadline);

  uint64_t polls() const { return polls_.load(std::memory_order_relaxed); }
  uint64_t failures() const { return failures_.load(std::memory_order_relaxed); }

 private:
  ConnectionPool& pool_;
  SkpCache& cache_;
  const std::function<uint64_t()> directory_generation_;
  const absl::Duration every_;
  std::atomic<uint64_t> polls_{0};
  std::atomic<uint64_t> failures_{0};
  absl::Mutex poll_mu_;  // one poll at a time
  std::string since_ ABSL_GUARDED_BY(poll_mu_);
  absl::Mutex mu_;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::thread thread_;
};

}  // namespace kinerja::storage

#endif  // KINERJA_SERVER_STORAGE_SKP_CHANGE_FEED_H_
