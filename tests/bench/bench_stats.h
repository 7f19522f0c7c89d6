// Latency samples, the measurement window and the one-line JSON report shared by the benchmark tools.
//
// Every tool runs the same way: a warm-up, then a measured window. A sample counts when the operation
// *completed* inside the window, so the rate is completions per second of steady state; percentiles
// are exact (all samples are kept and sorted), not estimated from buckets.
#ifndef KINERJA_TESTS_BENCH_BENCH_STATS_H_
#define KINERJA_TESTS_BENCH_BENCH_STATS_H_

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace kinerja::bench {

using Clock = std::chrono::steady_clock;

// The warm-up and measured phases of one run.
struct Window {
  Clock::time_point start;  // end of the warm-up: samples count from here
  Clock::time_point end;    // no new operation starts at or after this

  // A window that opens `warmup_s` after `now` and lasts `duration_s`.
  static Window After(Clock::time_point now, double warmup_s, double duration_s);

  bool Contains(Clock::time_point t) const { return t >= start && t < end; }
};

// What one worker saw inside the window. Owned by one thread at a time; merged at the end.
struct WorkerStats {
  std::vector<int64_t> latencies_us;         // successful operations only
  int64_t errors = 0;                        // failed operations inside the window
  std::map<std::string, int64_t> error_kinds;  // e.g. "DEADLINE_EXCEEDED" -> 3
  std::string first_error;                   // message of the first failure, for the report
  Clock::time_point last_completion{};       // latest completion inside the window

  void RecordOk(Clock::time_point started, Clock::time_point finished);
  void RecordError(Clock::time_point finished, const std::string& kind, const std::string& message);
};

struct Summary {
  int64_t calls = 0;   // completed inside the window, successful or not
  int64_t ok = 0;
  int64_t errors = 0;
  double seconds = 0;  // length of the measured window actually used
  double rate = 0;     // successful operations per second
  int64_t p50_us = 0, p90_us = 0, p99_us = 0, max_us = 0;
  double mean_us = 0;
  std::map<std::string, int64_t> error_kinds;
  std::string first_error;
};

// Merges the workers and computes the exact percentiles (nearest-rank). `measured_until` is where the
// window really ended: the window's end, or earlier when a call bound stopped the run first.
Summary Summarize(std::vector<WorkerStats>& workers, const Window& window,
                  Clock::time_point measured_until);

// Nearest-rank percentile of sorted samples; 0 when empty. `p` in (0, 100].
int64_t Percentile(const std::vector<int64_t>& sorted, double p);

// One JSON object on one line: {"tool":..., "scenario":..., <extra fields>, "calls":..., ...}.
// `extra` is a list of already-encoded `"key":value` members inserted after the scenario.
std::string SummaryJson(const std::string& tool, const std::string& scenario, const Summary& s,
                        const std::vector<std::string>& extra = {});

// Quotes and escapes a string for JSON.
std::string JsonString(const std::string& s);

}  // namespace kinerja::bench

#endif  // KINERJA_TESTS_BENCH_BENCH_STATS_H_
