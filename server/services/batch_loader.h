// Request coalescing for hot point reads (GetEmployee, GetSkp): calls that arrive while the
// database workers are busy are fetched together in one query. Under light load every batch holds
// one key, so latency is unchanged; under heavy load a batch holds up to `max_batch` keys and the
// cost per call (a database round trip, two thread hand-offs) is shared. Results are delivered on an
// executor thread.
#ifndef KINERJA_SERVER_SERVICES_BATCH_LOADER_H_
#define KINERJA_SERVER_SERVICES_BATCH_LOADER_H_

#include <algorithm>
#include <deque>
#include <functional>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "server/core/executor.h"

namespace kinerja::services {

template <typename Key, typename Value>
class BatchLoader {
 public:
  // Fetches many keys at once; a key missing from the map is NOT_FOUND.
  using Fetch = std::function<absl::StatusOr<absl::flat_hash_map<Key, Value>>(
      const std::vector<Key>& keys, absl::Time deadline)>;
  using Done = std::function<void(absl::StatusOr<Value>)>;

  BatchLoader(core::BoundedExecutor& executor, Fetch fetch, int max_batch, int max_pending,
              std::function<absl::Status(const Key&)> not_found)
      : executor_(executor),
        fetch_(std::move(fetch)),
        max_batch_(max_batch),
        max_pending_(max_pending),
        not_found_(std::move(not_found)) {}

  // Queues a load; `done` runs exactly once, on an executor thread. False (and `done` not called)
  // when too many loads wait.
  bool Load(Key key, absl::Time deadline, Done done) {
    {
      absl::MutexLock lock(&mu_);
      if (static_cast<int>(pending_.size()) >= max_pending_) return false;
      pending_.push_back({std::move(key), deadline, std::move(done)});
      // A drain runs until the queue is empty. More run side by side, one per max_batch loads
      // waiting, up to one per worker.
      const int wanted = std::min<int>(executor_.threads(),
          1 + static_cast<int>(pending_.size() - 1) / max_batch_);
      if (drains_ >= wanted) return true;
      ++drains_;
    }
    if (!executor_.TrySubmit([this] { Drain(); })) FailIfNoDrain();
    return true;
  }

 private:
  struct Pending {
    Key key;
    absl::Time deadline;
    Done done;
  };

  void Drain() {
    while (true) {
      std::vector<Pending> batch;
      {
        absl::MutexLock lock(&mu_);
        if (pending_.empty()) {
          --drains_;
          return;
        }
        const size_t n = std::min<size_t>(pending_.size(), static_cast<size_t>(max_batch_));
        for (size_t i = 0; i < n; ++i) {
          batch.push_back(std::move(pending_.front()));
          pending_.pop_front();
        }
      }
      Serve(batch);
    }
  }

  void Serve(std::vector<Pending>& batch) {
    const absl::Time now = absl::Now();
    std::vector<Key> keys;
    absl::Time deadline = absl::InfiniteFuture();
    std::vector<Pending*> live;
    for (Pending& p : batch) {
      if (p.deadline <= now) {
        p.done(absl::DeadlineExceededError("the deadline passed before the work could start"));
        continue;
      }
      keys.push_back(p.key);
      deadline = std::min(deadline, p.deadline);
      live.push_back(&p);
    }
    if (live.empty()) return;
    auto fetched = fetch_(keys, deadline);
    // A value goes to its last caller by move; only a key asked for twice in a batch is copied.
    absl::flat_hash_map<Key, int> callers;
    for (const Pending* p : live) ++callers[p->key];
    for (Pending* p : live) {
      if (!fetched.ok()) {
        p->done(fetched.status());
        continue;
      }
      auto it = fetched->find(p->key);
      if (it == fetched->end()) {
        p->done(not_found_(p->key));
      } else if (--callers[p->key] == 0) {
        p->done(std::move(it->second));
      } else {
        p->done(it->second);
      }
    }
  }

  // The executor refused a drain: if no other drain is running, nothing would serve the queue, so
  // the waiting loads fail now.
  void FailIfNoDrain() {
    std::vector<Pending> failed;
    {
      absl::MutexLock lock(&mu_);
      --drains_;
      if (drains_ > 0) return;
      while (!pending_.empty()) {
        failed.push_back(std::move(pending_.front()));
        pending_.pop_front();
      }
    }
    for (Pending& p : failed) {
      p.done(absl::ResourceExhaustedError("the server is busy; retry with backoff"));
    }
  }

  core::BoundedExecutor& executor_;
  Fetch fetch_;
  const int max_batch_;
  const int max_pending_;
  std::function<absl::Status(const Key&)> not_found_;
  absl::Mutex mu_;
  std::deque<Pending> pending_ ABSL_GUARDED_BY(mu_);
  int drains_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace kinerja::services

#endif  // KINERJA_SERVER_SERVICES_BATCH_LOADER_H_
