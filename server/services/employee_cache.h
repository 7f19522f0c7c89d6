// A per-replica read cache of employee records (as GetEmployee returns them on a given day), so
// the hottest read in the platform can be answered on gRPC's thread without a database round trip.
//
// Consistency, the same model as the credential cache (auth::Authenticator):
//  - every directory write through this server bumps the generation: entries from before it are
//    never served again (reads that started before a write do not store what they fetched);
//  - writes through another replica are seen within `ttl`;
//  - entries are keyed by (NIP, day), so a new day never serves yesterday's current assignment.
// A ttl of zero turns the cache off.
#ifndef KINERJA_SERVER_SERVICES_EMPLOYEE_CACHE_H_
#define KINERJA_SERVER_SERVICES_EMPLOYEE_CACHE_H_

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "kinerja/v1/directory.pb.h"

namespace kinerja::services {

class EmployeeCache {
 public:
  explicit EmployeeCache(absl::Duration ttl, size_t capacity = 50000)
      : ttl_(ttl), capacity_(capacity) {}

  // The generation to pass to Put for a read that starts now.
  uint64_t generation() const { return generation_.load(std::memory_order_acquire); }

  // Called after every directory write: what was cached before is stale.
  void Invalidate() { generation_.fetch_add(1, std::memory_order_acq_rel); }

  std::optional<v1::Employee> Get(const std::string& nip, absl::CivilDay day, absl::Time now);
  // The fresh record to `fn`, without copying it (under the cache's lock: keep `fn` short); nullopt
  // when there is none. Get is With returning a copy.
  template <typename Fn>
  auto With(const std::string& nip, absl::CivilDay day, absl::Time now, Fn fn)
      -> std::optional<decltype(fn(std::declval<const v1::Employee&>()))> {
    if (!enabled()) return std::nullopt;
    const uint64_t current = generation();
    absl::MutexLock lock(&mu_);
    auto it = entries_.find(Key(nip, day));
    if (it == entries_.end()) return std::nullopt;
    if (it->second.generation != current || now - it->second.stored_at > ttl_) {
      entries_.erase(it);  // stale for good
      return std::nullopt;
    }
    return fn(it->second.employee);
  }

  // Stores what a read fetched, unless a write happened since it began (`read_generation`).
  void Put(const v1::Employee& employee, absl::CivilDay day, uint64_t read_generation,
           absl::Time now);

  bool enabled() const { return ttl_ > absl::ZeroDuration(); }

 private:
  struct Entry {
    v1::Employee employee;
    uint64_t generation;
    absl::Time stored_at;
  };
  static std::string Key(const std::string& nip, absl::CivilDay day);

  const absl::Duration ttl_;
  const size_t capacity_;
  std::atomic<uint64_t> generation_{1};
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, Entry> entries_ ABSL_GUARDED_BY(mu_);
};

}  // namespace kinerja::services

#endif  // KINERJA_SERVER_SERVICES_EMPLOYEE_CACHE_H_
