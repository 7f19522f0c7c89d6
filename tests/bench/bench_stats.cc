#include "tests/bench/bench_stats.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "server/core/request_log.h"

namespace kinerja::bench {

Window Window::After(Clock::time_point now, double warmup_s, double duration_s) {
  Window w;
  w.start = now + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(warmup_s));
  w.end = w.start +
          std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(duration_s));
  return w;
}

void WorkerStats::RecordOk(Clock::time_point started, Clock::time_point finished) {
  latencies_us.push_back(
      std::chrono::duration_cast<std::chrono::microseconds>(finished - started).count());
  last_completion = std::max(last_completion, finished);
}

void WorkerStats::RecordError(Clock::time_point finished, const std::string& kind,
                              const std::string& message) {
  ++errors;
  last_completion = std::max(last_completion, finished);
  ++error_kinds[kind];
  if (first_error.empty()) first_error = absl::StrCat(kind, ": ", message);
}

int64_t Percentile(const std::vector<int64_t>& sorted, double p) {
  if (sorted.empty()) return 0;
  // Nearest rank: the smallest sample with at least p% of the samples at or below it.
  const double rank = std::ceil(p / 100.0 * static_cast<double>(sorted.size()));
  size_t index = rank < 1 ? 0 : static_cast<size_t>(rank) - 1;
  return sorted[std::min(index, sorted.size() - 1)];
}

Summary Summarize(std::vector<WorkerStats>& workers, const Window& window,
                  Clock::time_point measured_until) {
  Summary s;
  size_t total = 0;
  for (const WorkerStats& w : workers) total += w.latencies_us.size();
  std::vector<int64_t> all;
  all.reserve(total);
  for (WorkerStats& w : workers) {
    all.insert(all.end(), w.latencies_us.begin(), w.latencies_us.end());
    s.errors += w.errors;
    for (const auto& [kind, n] : w.error_kinds) s.error_kinds[kind] += n;
    if (s.first_error.empty()) s.first_error = w.first_error;
  }
  std::sort(all.begin(), all.end());
  s.ok = static_cast<int64_t>(all.size());
  s.calls = s.ok + s.errors;
  const Clock::time_point until = std::min(std::max(measured_until, window.start), window.end);
  s.seconds = std::chrono::duration<double>(until - window.start).count();
  s.rate = s.seconds > 0 ? static_cast<double>(s.ok) / s.seconds : 0;
  s.p50_us = Percentile(all, 50);
  s.p90_us = Percentile(all, 90);
  s.p99_us = Percentile(all, 99);
  s.max_us = all.empty() ? 0 : all.back();
  double sum = 0;
  for (int64_t v : all) sum += static_cast<double>(v);
  s.mean_us = all.empty() ? 0 : sum / static_cast<double>(all.size());
  return s;
}

std::string JsonString(const std::string& s) {
  return "\"" + kinerja::core::JsonEscape(s) + "\"";
}

std::string SummaryJson(const std::string& tool, const std::string& scenario, const Summary& s,
                        const std::vector<std::string>& extra) {
  std::vector<std::string> members;
  members.push_back(absl::StrCat("\"tool\":", JsonString(tool)));
  members.push_back(absl::StrCat("\"scenario\":", JsonString(scenario)));
  members.insert(members.end(), extra.begin(), extra.end());
  members.push_back(absl::StrCat("\"calls\":", s.calls));
  members.push_back(absl::StrCat("\"ok\":", s.ok));
  members.push_back(absl::StrCat("\"errors\":", s.errors));
  members.push_back(absl::StrFormat("\"seconds\":%.3f", s.seconds));
  members.push_back(absl::StrFormat("\"rate\":%.1f", s.rate));
  members.push_back(absl::StrCat("\"p50_us\":", s.p50_us));
  members.push_back(absl::StrCat("\"p90_us\":", s.p90_us));
  members.push_back(absl::StrCat("\"p99_us\":", s.p99_us));
  members.push_back(absl::StrCat("\"max_us\":", s.max_us));
  members.push_back(absl::StrFormat("\"mean_us\":%.1f", s.mean_us));
  std::vector<std::string> kinds;
  for (const auto& [kind, n] : s.error_kinds) kinds.push_back(absl::StrCat(JsonString(kind), ":", n));
  members.push_back(absl::StrCat("\"error_kinds\":{", absl::StrJoin(kinds, ","), "}"));
  members.push_back(absl::StrCat("\"first_error\":", JsonString(s.first_error)));
  return absl::StrCat("{", absl::StrJoin(members, ","), "}");
}

}  // namespace kinerja::bench
