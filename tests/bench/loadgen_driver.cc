#include "tests/bench/loadgen_driver.h"

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include "absl/strings/str_cat.h"

namespace kinerja::bench {
namespace {

class ClosedLoop {
 public:
  ClosedLoop(Scenario& scenario, const DriverOptions& options)
      : scenario_(scenario), options_(options), slots_(options.concurrency) {
    for (size_t i = 0; i < slots_.size(); ++i) slots_[i].index = i;
  }

  absl::StatusOr<Summary> Run() {
    window_ = Window::After(Clock::now(), options_.warmup_s, options_.duration_s);
    {
      std::lock_guard<std::mutex> lock(mu_);
      active_ = slots_.size();
    }
    for (Slot& slot : slots_) Issue(slot);
    // Every call has a deadline, so the last ones end at most one deadline after the window.
    const auto drain_by = window_.end + options_.deadline + std::chrono::seconds(10);
    std::unique_lock<std::mutex> lock(mu_);
    if (!drained_.wait_until(lock, drain_by, [&] { return active_ == 0; })) {
      return absl::DeadlineExceededError(
          absl::StrCat(active_, " calls were still in flight long after their deadline"));
    }
    std::vector<WorkerStats> stats;
    stats.reserve(slots_.size());
    Clock::time_point last{};
    for (Slot& slot : slots_) {
      last = std::max(last, slot.stats.last_completion);
      stats.push_back(std::move(slot.stats));
    }
    // Stopped by the call bound: the window ends with the last completion, not at its planned end.
    const Clock::time_point until = stopped_by_bound_ ? last : window_.end;
    return Summarize(stats, window_, until);
  }

 private:
  struct Slot {
    size_t index = 0;
    std::unique_ptr<grpc::ClientContext> ctx;
    Clock::time_point started;
    WorkerStats stats;  // touched only by the slot's own (sequential) calls
  };

  void Issue(Slot& slot) {
    const Clock::time_point now = Clock::now();
    if (now >= window_.end) return Retire();
    if (options_.max_calls > 0 && now >= window_.start &&
        started_in_window_.fetch_add(1, std::memory_order_relaxed) >= options_.max_calls) {
      stopped_by_bound_ = true;
      return Retire();
    }
    slot.ctx = std::make_unique<grpc::ClientContext>();
    PrepareContext(*slot.ctx, options_.deadline, options_.metadata);
    const uint64_t seq = next_seq_.fetch_add(1, std::memory_order_relaxed);
    slot.started = Clock::now();
    scenario_.Start(slot.index, seq, slot.ctx.get(),
                    [this, &slot](grpc::Status status) { OnDone(slot, status); });
  }

  void OnDone(Slot& slot, const grpc::Status& status) {
    const Clock::time_point finished = Clock::now();
    if (window_.Contains(finished)) {
      if (status.ok()) {
        slot.stats.RecordOk(slot.started, finished);
      } else {
        slot.stats.RecordError(finished, StatusCodeName(status.error_code()),
                               status.error_message());
      }
    }
    // Starting a call from its predecessor's callback does not recurse: gRPC queues callbacks that
    // complete at once and runs them after the current one returns.
    Issue(slot);
  }

  void Retire() {
    std::lock_guard<std::mutex> lock(mu_);
    if (--active_ == 0) drained_.notify_all();
  }

  Scenario& scenario_;
  const DriverOptions& options_;
  std::vector<Slot> slots_;
  Window window_;
  std::atomic<uint64_t> next_seq_{0};
  std::atomic<int64_t> started_in_window_{0};
  std::atomic<bool> stopped_by_bound_{false};
  std::mutex mu_;
  std::condition_variable drained_;
  size_t active_ = 0;
};

}  // namespace

absl::StatusOr<Summary> RunClosedLoop(Scenario& scenario, const DriverOptions& options) {
  auto loop = std::make_unique<ClosedLoop>(scenario, options);
  absl::StatusOr<Summary> summary = loop->Run();
  // Calls still in flight would call back into the loop: leave it alive, the caller exits.
  if (!summary.ok()) loop.release();  // NOLINT(bugprone-unused-return-value): deliberate leak
  return summary;
}

}  // namespace kinerja::bench
