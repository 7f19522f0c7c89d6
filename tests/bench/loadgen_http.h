// The HTTP/1.1 closed loop of kinerja_loadgen (Boost.Beast): `concurrency` keep-alive connections,
// each with exactly one GET in flight, the next sent when the previous answer is read (HTTP/1.1
// without pipelining: one connection per call in flight), until the window ends or the call bound
// is reached. Same window, samples and summary as the gRPC loop (loadgen_driver.h). A call succeeds
// when the answer is 200 and its body contains the expected text; any other status, a body without
// it, an I/O error or the deadline counts as an error (the connection is then opened again).
#ifndef KINERJA_TESTS_BENCH_LOADGEN_HTTP_H_
#define KINERJA_TESTS_BENCH_LOADGEN_HTTP_H_

#include <chrono>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "tests/bench/bench_stats.h"

namespace kinerja::bench {

struct HttpRequestSpec {
  std::string target;         // "/v1/employees/199003152015031002"
  std::string expect_in_body;  // a 200 must contain this ("" checks nothing)
};

struct HttpLoadOptions {
  std::string host = "127.0.0.1";  // loopback only (checked)
  int port = 0;
  size_t concurrency = 32;  // connections, one call in flight on each
  int threads = 2;          // client I/O threads
  double warmup_s = 1;
  double duration_s = 5;
  int64_t max_calls = 0;    // > 0: no call starts once this many have started inside the window
  std::chrono::milliseconds deadline{5000};  // per call
  std::vector<std::pair<std::string, std::string>> headers;  // sent with every request
  std::vector<HttpRequestSpec> requests;  // call number `seq` sends requests[seq % size]
};

// Runs the loop and summarises the calls that completed inside the measured window (error kinds:
// "HTTP_<status>", "UNEXPECTED_BODY", "DEADLINE_EXCEEDED", "IO"). Fails on bad options, when no
// connection can be opened at all before the window, or when the connections do not drain in time
// (then the caller must end the process at once, std::_Exit).
absl::StatusOr<Summary> RunHttpClosedLoop(const HttpLoadOptions& options);

}  // namespace kinerja::bench

#endif  // KINERJA_TESTS_BENCH_LOADGEN_HTTP_H_
