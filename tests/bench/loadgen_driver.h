// The closed loop: keeps exactly `concurrency` unary calls in flight. Each slot starts its next call
// from the completion callback of the previous one (gRPC's callback API, no threads of our own),
// until the window ends or the call bound is reached.
#ifndef KINERJA_TESTS_BENCH_LOADGEN_DRIVER_H_
#define KINERJA_TESTS_BENCH_LOADGEN_DRIVER_H_

#include <chrono>
#include <cstdint>

#include "absl/status/statusor.h"
#include "tests/bench/bench_stats.h"
#include "tests/bench/grpc_setup.h"
#include "tests/bench/loadgen_scenarios.h"

namespace kinerja::bench {

struct DriverOptions {
  size_t concurrency = 32;
  double warmup_s = 1;
  double duration_s = 5;
  // When > 0, no call starts once this many have started inside the measured window.
  int64_t max_calls = 0;
  std::chrono::milliseconds deadline{5000};  // per call
  Metadata metadata;
};

// Runs the loop and summarises the calls that completed inside the measured window. Fails only when
// the calls in flight do not drain in time (a deadline that gRPC did not honour); their callbacks may
// then still run, so the caller must end the process at once (std::_Exit).
absl::StatusOr<Summary> RunClosedLoop(Scenario& scenario, const DriverOptions& options);

}  // namespace kinerja::bench

#endif  // KINERJA_TESTS_BENCH_LOADGEN_DRIVER_H_
