#include "server/core/metrics.h"

#include <algorithm>
#include <map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace kinerja::core {
namespace {

constexpr const char* kCodeNames[17] = {
    "OK",        "CANCELLED",          "UNKNOWN",          "INVALID_ARGUMENT",
    "DEADLINE_EXCEEDED", "NOT_FOUND",  "ALREADY_EXISTS",   "PERMISSION_DENIED",
    "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE",
    "UNIMPLEMENTED", "INTERNAL",       "UNAVAILABLE",      "DATA_LOSS",
    "UNAUTHENTICATED"};

}  // namespace

Metrics::MethodStats& Metrics::StatsFor(absl::string_view method) {
  {
    absl::ReaderMutexLock lock(&mu_);
    auto it = methods_.find(method);
    if (it != methods_.end()) return *it->second;
  }
  absl::MutexLock lock(&mu_);
  auto& slot = methods_[method];
  if (!slot) slot = std::make_unique<MethodStats>();
  return *slot;
}

void Metrics::RecordRpc(absl::string_view method, int status_code, absl::Duration latency) {
  MethodStats& s = StatsFor(method);
  if (status_code < 0 || status_code > 16) status_code = 2;
  s.by_code[status_code].fetch_add(1, std::memory_order_relaxed);
  const double secs = absl::ToDoubleSeconds(latency);
  const size_t bucket =
      std::lower_bound(kBuckets.begin(), kBuckets.end(), secs) - kBuckets.begin();
  s.buckets[bucket].fetch_add(1, std::memory_order_relaxed);
  s.sum_micros.fetch_add(static_cast<uint64_t>(absl::ToInt64Microseconds(latency)),
                         std::memory_order_relaxed);
}

void Metrics::AddGauge(std::string name, std::string help, std::function<double()> value) {
  absl::MutexLock lock(&mu_);
  gauges_.push_back({std::move(name), std::move(help), std::move(value)});
}

std::string Metrics::RenderPrometheus() const {
  std::string out;
  absl::ReaderMutexLock lock(&mu_);
  std::map<std::string, const MethodStats*> sorted;
  for (const auto& [name, stats] : methods_) sorted[name] = stats.get();

  out += "# HELP kinerja_grpc_requests_total gRPC requests handled, by method and status code.\n";
  out += "# TYPE kinerja_grpc_requests_total counter\n";
  for (const auto& [name, s] : sorted) {
    for (int c = 0; c < 17; ++c) {
      const uint64_t v = s->by_code[c].load(std::memory_order_relaxed);
      if (v == 0) continue;
      absl::StrAppend(&out, "kinerja_grpc_requests_total{method=\"", name, "\",code=\"",
                      kCodeNames[c], "\"} ", v, "\n");
    }
  }
  out += "# HELP kinerja_grpc_request_duration_seconds gRPC request latency, by method.\n";
  out += "# TYPE kinerja_grpc_request_duration_seconds histogram\n";
  for (const auto& [name, s] : sorted) {
    uint64_t cumulative = 0;
    for (size_t b = 0; b <= kBuckets.size(); ++b) {
      cumulative += s->buckets[b].load(std::memory_order_relaxed);
      const std::string le = b < kBuckets.size() ? absl::StrFormat("%g", kBuckets[b]) : "+Inf";
      absl::StrAppend(&out, "kinerja_grpc_request_duration_seconds_bucket{method=\"", name,
                      "\",le=\"", le, "\"} ", cumulative, "\n");
    }
    absl::StrAppend(&out, "kinerja_grpc_request_duration_seconds_sum{method=\"", name, "\"} ",
                    absl::StrFormat("%.6f", s->sum_micros.load(std::memory_order_relaxed) / 1e6),
                    "\n");
    absl::StrAppend(&out, "kinerja_grpc_request_duration_seconds_count{method=\"", name, "\"} ",
                    cumulative, "\n");
  }
  for (const Gauge& g : gauges_) {
    absl::StrAppend(&out, "# HELP ", g.name, " ", g.help, "\n# TYPE ", g.name, " gauge\n", g.name,
                    " ", absl::StrFormat("%g", g.value()), "\n");
  }
  return out;
}

}  // namespace kinerja::core
