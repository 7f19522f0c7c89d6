// A per-replica cache of whole SKP plans, so that a read of a plan that has not changed costs one
// small row, or nothing, instead of the whole aggregate (plan, RHK, IKI, expectations).
//
// Two ways a cached plan is served:
//
// 1. Probed (Get): every read first reads the plan's current `skps.version` (its etag) from the
//    database (ProbeSkps, one query for a batch of plans, in SkpRepository::GetMany) and takes the
//    entry only when it was stored at exactly that version. Every write of a plan's content bumps
//    the version in the write's own transaction (see StoreSkp), so this is as consistent as a read
//    without the cache, across every replica. The fields a plan shows from the directory (position
//    code and title, OPD code, the employee's name) change without the plan's version: the same
//    probe reads them, and they overwrite the cached ones.
//
// 2. Recent (GetRecent, on gRPC's thread, no database), when `recent_for` > 0 (--skp_cache_ttl_ms):
//    a plan is answered from memory when the database confirmed it less than `recent_for` ago, by
//    its own probe or by the change feed, and nothing says it changed since:
//    - The change feed (SkpChangeFeed, ApplyFeed) polls, a few times per `recent_for`, the keys
//      and versions of every plan, employee and position row written since the previous poll
//      (by their updated_at, with kMaxTransaction and 10 s to spare; the first poll looks
//      kFeedWindow back), one small query each. A plan, employee or position row it has not seen
//      before at that version is a change: a plan cached at an older version is dropped (and never
//      stored again), and a plan showing that employee's name or that position's title is not
//      answered from memory until a probe read after the poll confirms it. Every other cached plan
//      read less than kFeedWindow / 2 ago counts as confirmed when the last poll began.
//      Why: a transaction commits within kMaxTransaction of its start (storage/transaction.h
//      refuses to commit later), so a write committed after one poll's snapshot has a statement
//      time the next poll looks back to; the polls since the first cover every write since half a
//      window before it.
//      What the feed saw is kept for 2 * kFeedWindow, longer than a plan counts as covered.
//    - A write through this replica is seen at once: a written plan is dropped (Invalidate) and a
//      read that began before the write does not store it; a finalisation (InvalidateAll) and a
//      directory write (the EmployeeCache's generation) stop every plan confirmed before them from
//      being answered from memory until the feed or a probe confirms it again.
//    So another replica's write is seen within `recent_for` (the same bound as the EmployeeCache
//    and the credential cache), and in practice within one poll. Writes never rely on a cached
//    plan: they read it under a row lock and check its etag (SkpRepository::Change).
//    Zero makes every read probe. Measured in BENCHMARKS.md, both ways.
#ifndef KINERJA_SERVER_STORAGE_SKP_CACHE_H_
#define KINERJA_SERVER_STORAGE_SKP_CACHE_H_

#include <atomic>
#include <cstdint>
#include <list>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "kinerja/v1/skp.pb.h"
#include "server/storage/transaction.h"

namespace kinerja::storage {

// How far back the change feed's first poll looks, by the rows' updated_at on the database's
// clock. Half of it must exceed the longest a write transaction may run (transaction.h).
inline constexpr int64_t kFeedWindowSeconds = 120;
inline constexpr absl::Duration kFeedWindow = absl::Seconds(kFeedWindowSeconds);
static_assert(kFeedWindowSeconds / 2 > kMaxTransactionSeconds + 10,
              "the feed's window must outlast a transaction and its commit");

// Thread-safe. Holds at most `capacity` plans; when full, the least recently used one goes.
class SkpCache {
 public:
  explicit SkpCache(size_t capacity = 50000, absl::Duration recent_for = absl::ZeroDuration())
      : capacity_(capacity), recent_for_(recent_for) {}
  SkpCache(const SkpCache&) = delete;
  SkpCache& operator=(const SkpCache&) = delete;

  // When a read of the database began, and after which local writes.
  struct Stamp {
    uint64_t generation = 0;
    uint64_t directory_generation = 0;
    absl::Time at;
  };
  Stamp StampNow(uint64_t directory_generation) const {
    return {generation_.load(std::memory_order_acquire), directory_generation, absl::Now()};
  }
  // After plan `id` was written through this replica (committed).
  void Invalidate(int64_t id);
  // After plans were written through this replica without saying which (a finalisation).
  void InvalidateAll();

  // The plan stored as `id` at `version`; nullptr when there is none at that version.
  std::shared_ptr<const v1::Skp> Get(int64_t id, int64_t version);

  // The plan `id` when it may be answered from memory at `now` (see the top of this file), given
  // the EmployeeCache's `directory_generation`; else nullptr.
  std::shared_ptr<const v1::Skp> GetRecent(int64_t id, absl::Time now, uint64_t directory_generation);

  // Stores `skp` as plan `id` at `version`, as read under `stamp`, unless a newer version of it is
  // known (stored, or seen by the change feed), it was written through this replica after `stamp`,
  // or the read is older than kFeedWindow / 2.
  void Put(int64_t id, int64_t version, v1::Skp skp, const Stamp& stamp);
  // The database showed plan `id` at `version` again, under `stamp`.
  void Confirm(int64_t id, int64_t version, const Stamp& stamp);

  // What one poll of the change feed read: the key and version of every row written in the last
  // kFeedWindow.
  struct Changes {
    std::vector<std::pair<int64_t, int64_t>> skps;           // id, version
    std::vector<std::pair<std::string, int64_t>> employees;  // nip, version
    std::vector<std::pair<std::string, int64_t>> positions;  // code, version
  };
  // Applies a poll whose queries began after `stamp` and had all returned at `done`.
  void ApplyFeed(const Changes& changes, const Stamp& stamp, absl::Time done);

  // Reads answered from the cache after a probe, and probed reads that found no entry at the
  // probed version.
  uint64_t hits() const { return hits_.load(std::memory_order_relaxed); }
  uint64_t misses() const { return misses_.load(std::memory_order_relaxed); }
  // Reads answered by GetRecent, without the database.
  uint64_t recent_hits() const { return recent_hits_.load(std::memory_order_relaxed); }
  size_t size() const;

 private:
  struct Entry {
    int64_t version;
    std::shared_ptr<const v1::Skp> skp;
    std::list<int64_t>::iterator recency;  // its place in recency_
    Stamp confirmed;
    std::string nip;            // whose plan, and the position it shows (for the feed's changes)
    std::string position_code;
  };
  // A version the feed saw for a key, and when a poll first saw it (its `done`).
  struct Seen {
    int64_t version;
    absl::Time at;
  };
  struct Written {
    uint64_t generation;  // generation_ after the write
    absl::Time at;
  };
  struct Feed {
    bool valid = false;
    Stamp stamp;  // of the last poll applied
  };

  bool ServableLocked(const Entry& e, absl::Time now, uint64_t directory_generation) const
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void EraseLocked(int64_t id) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void PruneLocked(absl::Time now) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const size_t capacity_;
  const absl::Duration recent_for_;
  std::atomic<uint64_t> generation_{1};
  std::atomic<uint64_t> hits_{0};
  std::atomic<uint64_t> misses_{0};
  std::atomic<uint64_t> recent_hits_{0};
  mutable absl::Mutex mu_;
  absl::flat_hash_map<int64_t, Entry> entries_ ABSL_GUARDED_BY(mu_);
  std::list<int64_t> recency_ ABSL_GUARDED_BY(mu_);  // plan ids, most recently used first
  // Local writes: the generation after the last write of each plan (and when), and of InvalidateAll.
  absl::flat_hash_map<int64_t, Written> written_ ABSL_GUARDED_BY(mu_);
  uint64_t all_written_ ABSL_GUARDED_BY(mu_) = 0;
  // What the change feed saw, kept for 2 * kFeedWindow.
  Feed feed_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<int64_t, Seen> seen_skps_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, Seen> seen_employees_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, Seen> seen_positions_ ABSL_GUARDED_BY(mu_);
};

}  // namespace kinerja::storage

#endif  // KINERJA_SERVER_STORAGE_SKP_CACHE_H_
