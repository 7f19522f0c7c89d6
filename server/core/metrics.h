// Prometheus text-format metrics: per-method request counts by status code and latency histograms,
// and gauges read at scrape time (pool usage, executor queue).
#ifndef KINERJA_SERVER_CORE_METRICS_H_
#define KINERJA_SERVER_CORE_METRICS_H_

#include <array>
#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace kinerja::core {

class Metrics {
 public:
  // Latency bucket upper bounds in seconds (Prometheus "le").
  static constexpr std::array<double, 14> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1,    2.5,
                                                      5,      10};

  // Thread-safe; cheap on the hot path (a reader lock and relaxed atomics).
  void RecordRpc(absl::string_view method, int status_code, absl::Duration latency);

  // A gauge evaluated at every scrape.
  void AddGauge(std::string name, std::string help, std::function<double()> value);

  // The whole registry in Prometheus text exposition format 0.0.4.
  std::string RenderPrometheus() const;

 private:
  struct MethodStats {
    std::array<std::atomic<uint64_t>, 17> by_code{};
    std::array<std::atomic<uint64_t>, kBuckets.size() + 1> buckets{};  // last: +Inf
    std::atomic<uint64_t> sum_micros{0};
  };
  struct Gauge {
    std::string name, help;
    std::function<double()> value;
  };
  MethodStats& StatsFor(absl::string_view method);

  mutable absl::Mutex mu_;
  absl::flat_hash_map<std::string, std::unique_ptr<MethodStats>> methods_ ABSL_GUARDED_BY(mu_);
  std::vector<Gauge> gauges_ ABSL_GUARDED_BY(mu_);
};

}  // namespace kinerja::core

#endif  // KINERJA_SERVER_CORE_METRICS_H_
