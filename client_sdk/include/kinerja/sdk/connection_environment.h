// What a connection takes from its surroundings besides its stub and Options: a clock for the
// retry time limit, a way to wait between attempts, random numbers for jitter, and the request
// ids it puts into writes. The defaults are the real ones; tests replace some of them, e.g. a fake
// clock that the fake sleep advances, so that a time-limit test does not wait.
#ifndef KINERJA_SDK_CONNECTION_ENVIRONMENT_H_
#define KINERJA_SDK_CONNECTION_ENVIRONMENT_H_

#include <functional>
#include <string>

#include "absl/status/status.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace kinerja::sdk {

// A random request id: 32 lowercase hexadecimal characters (128 random bits). Thread-safe.
std::string NewRequestId();

// A random number uniformly distributed in [0, 1). Thread-safe.
double UniformRandom01();

// Every member must be set (the defaults are) and thread-safe when the connection is shared
// between threads.
struct ConnectionEnvironment {
  // The time, for RetryPolicy::max_total_time. gRPC deadlines are always on the real clock: each
  // attempt gets absl::Now() plus the time this clock says is left.
  std::function<absl::Time()> now = [] { return absl::Now(); };
  // Waits between attempts.
  std::function<void(absl::Duration)> sleep = [](absl::Duration d) { absl::SleepFor(d); };
  // Uniform in [0, 1), for full jitter.
  std::function<double()> uniform01 = &UniformRandom01;
  // A request id for a write that leaves request_id empty, and for the x-request-id header of a
  // call without one. The server accepts 1 to 64 characters of A-Z, a-z, 0-9, '.', '_', '-'.
  std::function<std::string()> new_request_id = &NewRequestId;
};

// OK when every member is set.
absl::Status ValidateEnvironment(const ConnectionEnvironment& environment);

}  // namespace kinerja::sdk

#endif  // KINERJA_SDK_CONNECTION_ENVIRONMENT_H_
