// A per-replica cache of whole SKP plans, so that a read of a plan that has not changed costs one
// small row instead of the whole aggregate (plan, RHK, IKI, expectations).
//
// Consistency: reads through this cache are as strongly consistent as reads without it, across
// every replica on the database. An entry is never served on its own say: each read first reads
// the plan's current `skps.version` (its etag) from the database (ProbeSkps, one query for a batch
// of plans, in SkpRepository::GetMany) and takes the entry only when it was stored at exactly that
// version. Every write of a plan's content bumps the version in the write's own transaction (see
// StoreSkp), so a write committed anywhere before a read starts is seen by that read, with its new
// etag; versions only grow, so an entry of an old version is never served again. The fields a plan
// shows from the directory (position code and title, OPD code, the employee's name) change without
// the plan's version: the same probe reads them, and they overwrite the cached ones. So no replica
// needs to tell another about a write.
//
// A probe per read costs a database round trip and a hand-off to a database worker for every
// GetSkp. With `recent_for` above zero (--skp_cache_ttl_ms), a plan the database confirmed less
// than `recent_for` ago is answered at once (GetRecent), on gRPC's thread, unless a plan or the
// directory was written through this replica since (Invalidate; the EmployeeCache's generation):
// the replica that takes a write answers with it at once, and a write through another replica is
// seen within `recent_for`, as with the EmployeeCache and the credential cache. Writes never rely
// on a cached plan: they read it under a row lock and check its etag (SkpRepository::Change).
// Zero makes every read probe. Measured in BENCHMARKS.md, both ways.
#ifndef KINERJA_SERVER_STORAGE_SKP_CACHE_H_
#define KINERJA_SERVER_STORAGE_SKP_CACHE_H_

#include <atomic>
#include <cstdint>
#include <list>
#include <memory>

#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "kinerja/v1/skp.pb.h"

namespace kinerja::storage {

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
  // Called after every write of a plan through this replica.
  void Invalidate() { generation_.fetch_add(1, std::memory_order_acq_rel); }

  // The plan stored as `id` at `version`; nullptr when there is none at that version.
  std::shared_ptr<const v1::Skp> Get(int64_t id, int64_t version);

  // The plan `id` as the database showed it less than `recent_for` before `now`, with no plan and
  // no directory write (`directory_generation`) through this replica since; else nullptr.
  std::shared_ptr<const v1::Skp> GetRecent(int64_t id, absl::Time now, uint64_t directory_generation);

  // Stores `skp` as plan `id` at `version`, as read under `stamp`, unless a newer version of it is
  // stored already.
  void Put(int64_t id, int64_t version, v1::Skp skp, const Stamp& stamp);
  // The database showed plan `id` at `version` again, under `stamp`.
  void Confirm(int64_t id, int64_t version, const Stamp& stamp);

  // Reads answered from the cache, and reads that found no entry at the asked version.
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
  };

  const size_t capacity_;
  const absl::Duration recent_for_;
  std::atomic<uint64_t> generation_{1};
  std::atomic<uint64_t> hits_{0};
  std::atomic<uint64_t> misses_{0};
  std::atomic<uint64_t> recent_hits_{0};
  mutable absl::Mutex mu_;
  absl::flat_hash_map<int64_t, Entry> entries_ ABSL_GUARDED_BY(mu_);
  std::list<int64_t> recency_ ABSL_GUARDED_BY(mu_);  // plan ids, most recently used first
};

}  // namespace kinerja::storage

#endif  // KINERJA_SERVER_STORAGE_SKP_CACHE_H_
