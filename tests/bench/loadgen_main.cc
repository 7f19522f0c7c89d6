// kinerja_loadgen: a bounded, loopback-only load generator for the Kinerja gRPC services, and for
// GetEmployee through the HTTP/JSON gateway.
//
//   kinerja_loadgen --target=127.0.0.1:50051 --scenario=get_employee --concurrency=32 --duration_s=5
//   kinerja_loadgen --target=127.0.0.1:50051 --http_target=127.0.0.1:8080
//                   --scenario=http_get_employee --concurrency=32 --login_nip=...
//
// http_get_employee sends GET /v1/employees/{nip} to the gateway at --http_target over
// --concurrency HTTP/1.1 keep-alive connections, one request in flight on each (see
// loadgen_http.h), cycling through the same NIPs as get_employee, with "Authorization: Bearer
// <token>" when signed in; a call counts as successful only when the answer is 200 and its JSON
// carries the NIP asked for. Sign-in and the NIP list go over gRPC to --target. --channels does not
// apply to it.
//
// Keeps exactly --concurrency unary calls in flight over --channels connections, warms up for
// --warmup_s, then measures for --duration_s (at most 60) or until --max_calls calls have started,
// whichever comes first. Prints one JSON line: calls, errors, rate (successful calls/s) and the exact
// p50/p90/p99 latency in microseconds. With --login_nip (password in KINERJA_BENCH_PASSWORD) it
// signs in first, and every call, the set-up's included, carries the session token. Exit status: 0
// when the run completed (errors are counted, not fatal), 1 on bad flags or a failed set-up (a
// failed sign-in included), 2 when calls did not drain.
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/synchronization/mutex.h"
#include "tests/bench/bench_auth.h"
#include "tests/bench/grpc_setup.h"
#include "tests/bench/loopback.h"
#include "tests/bench/loadgen_driver.h"
#include "tests/bench/loadgen_http.h"
#include "tests/bench/loadgen_scenarios.h"

ABSL_FLAG(std::string, target, "127.0.0.1:50051", "gRPC server, HOST:PORT on loopback only");
ABSL_FLAG(std::string, scenario, "ping",
          "ping, get_employee, get_skp, list_employees or http_get_employee (through the gateway)");
ABSL_FLAG(std::string, http_target, "",
          "http_get_employee: the gateway, HOST:PORT on loopback only");
ABSL_FLAG(int, http_threads, 2, "http_get_employee: client I/O threads (1..64)");
ABSL_FLAG(int, concurrency, 32, "calls kept in flight (1..4096)");
ABSL_FLAG(int, channels, 4, "gRPC channels (TCP connections) the calls are spread over (1..64)");
ABSL_FLAG(double, duration_s, 5, "length of the measured window in seconds (0 < d <= 60)");
ABSL_FLAG(int64_t, max_calls, 0, "stop after this many calls in the window; 0: duration only");
ABSL_FLAG(double, warmup_s, 1, "warm-up before the window, in seconds (0..30)");
ABSL_FLAG(int, deadline_ms, 5000, "deadline of each call");
ABSL_FLAG(int, max_nips, 20000, "get_employee: NIPs to cycle through");
ABSL_FLAG(std::string, skp_names_file, "", "get_skp: SKP names to cycle through, one a line");
ABSL_FLAG(std::string, nip_cache_file, "",
          "get_employee: read the NIPs from this file when it exists, else fetch and write it");
ABSL_FLAG(int, page_size, 50, "list_employees: page_size of each call");
ABSL_FLAG(std::string, metadata, "", "extra call metadata, key=value[,key=value]");
ABSL_FLAG(std::string, login_nip, "",
          "sign in as this NIP (IdentityService.Login, password in the environment variable "
          "KINERJA_BENCH_PASSWORD) and send the session token with every call; empty: no "
          "credentials");

namespace {

int Fail(const std::string& message) {
  std::cerr << "kinerja_loadgen: " << message << "\n";
  return 1;
}

// http_get_employee: GET /v1/employees/{nip} through the gateway, the same NIPs as get_employee.
int RunOverHttp(const kinerja::bench::ScenarioOptions& scenario_options,
                const std::shared_ptr<grpc::Channel>& setup_channel, const std::string& http_target,
                int http_threads, const kinerja::bench::Metadata& metadata, bool signed_in) {
  using namespace kinerja::bench;
  auto nips = LoadEmployeeNips(scenario_options, setup_channel);
  if (!nips.ok()) return Fail(std::string(nips.status().message()));
  HttpLoadOptions http;
  const size_t colon = http_target.rfind(':');
  http.host = http_target.substr(0, colon);
  if (http.host.size() >= 2 && http.host.front() == '[') {
    http.host = http.host.substr(1, http.host.size() - 2);  // "[::1]"
  }
  http.port = std::stoi(http_target.substr(colon + 1));  // CheckLoopbackTarget checked it
  http.concurrency = scenario_options.concurrency;
  http.threads = http_threads;
  http.warmup_s = absl::GetFlag(FLAGS_warmup_s);
  http.duration_s = absl::GetFlag(FLAGS_duration_s);
  http.max_calls = absl::GetFlag(FLAGS_max_calls);
  http.deadline = std::chrono::milliseconds(absl::GetFlag(FLAGS_deadline_ms));
  http.headers = metadata;
  http.requests.reserve(nips->size());
  for (const std::string& nip : *nips) {
    http.requests.push_back(
        {absl::StrCat("/v1/employees/", nip), absl::StrCat("\"nip\":\"", nip, "\"")});
  }
  auto summary = RunHttpClosedLoop(http);
  if (!summary.ok()) {
    std::cerr << "kinerja_loadgen: " << summary.status().message() << "\n";
    std::fflush(nullptr);
    std::_Exit(absl::IsDeadlineExceeded(summary.status()) ? 2 : 1);
  }
  std::vector<std::string> extra = {
      absl::StrCat("\"target\":", JsonString(http_target)),
      absl::StrCat("\"setup_target\":", JsonString(absl::GetFlag(FLAGS_target))),
      absl::StrCat("\"concurrency\":", http.concurrency),
      absl::StrCat("\"connections\":", http.concurrency),
      absl::StrCat("\"client_threads\":", http.threads),
      absl::StrFormat("\"warmup_s\":%g", http.warmup_s),
      absl::StrCat("\"signed_in\":", signed_in ? "true" : "false"),
      absl::StrCat("\"nips\":", nips->size()),
  };
  std::cout << SummaryJson("kinerja_loadgen", scenario_options.name, *summary, extra) << std::endl;
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  // As the server does: Debian's Abseil keeps a lock-order graph for every Mutex (gRPC's included),
  // which would add to the client's own cost on every call.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  absl::SetProgramUsageMessage("Bounded loopback load generator for Kinerja gRPC services");
  absl::ParseCommandLine(argc, argv);
  using namespace kinerja::bench;

  const int concurrency = absl::GetFlag(FLAGS_concurrency);
  const int channel_count = absl::GetFlag(FLAGS_channels);
  const double duration_s = absl::GetFlag(FLAGS_duration_s);
  const double warmup_s = absl::GetFlag(FLAGS_warmup_s);
  const int deadline_ms = absl::GetFlag(FLAGS_deadline_ms);
  if (concurrency < 1 || concurrency > 4096) return Fail("--concurrency must be in 1..4096");
  if (!(duration_s > 0 && duration_s <= 60)) return Fail("--duration_s must be in (0, 60]");
  if (!(warmup_s >= 0 && warmup_s <= 30)) return Fail("--warmup_s must be in [0, 30]");
  if (absl::GetFlag(FLAGS_max_calls) < 0) return Fail("--max_calls must be >= 0");
  if (deadline_ms < 1 || deadline_ms > 60000) return Fail("--deadline_ms must be in 1..60000");
  if (absl::GetFlag(FLAGS_max_nips) < 1) return Fail("--max_nips must be >= 1");
  const int page_size = absl::GetFlag(FLAGS_page_size);
  if (page_size < 1 || page_size > 1000) return Fail("--page_size must be in 1..1000");
  auto metadata = ParseMetadata(absl::GetFlag(FLAGS_metadata));
  if (!metadata.ok()) return Fail(std::string(metadata.status().message()));

  const std::string scenario_name = absl::GetFlag(FLAGS_scenario);
  const bool over_http = scenario_name == "http_get_employee";
  const std::string http_target = absl::GetFlag(FLAGS_http_target);
  const int http_threads = absl::GetFlag(FLAGS_http_threads);
  if (over_http) {
    if (absl::Status st = CheckLoopbackTarget(http_target); !st.ok()) {
      return Fail(absl::StrCat("--http_target: ", st.message()));
    }
    if (http_threads < 1 || http_threads > 64) return Fail("--http_threads must be in 1..64");
  }

  const std::string target = absl::GetFlag(FLAGS_target);
  // Over HTTP the gRPC channel only signs in and lists the NIPs.
  auto channels =
      OpenLoopbackChannels(target, over_http ? 1 : channel_count, std::chrono::seconds(5));
  if (!channels.ok()) return Fail(std::string(channels.status().message()));
  const std::string login_nip = absl::GetFlag(FLAGS_login_nip);
  if (absl::Status st = SignInIfAsked(channels->front(), login_nip, std::chrono::seconds(10),
                                      &*metadata);
      !st.ok()) {
    return Fail(std::string(st.message()));
  }

  ScenarioOptions scenario_options;
  scenario_options.name = scenario_name;
  scenario_options.concurrency = static_cast<size_t>(concurrency);
  scenario_options.max_nips = static_cast<size_t>(absl::GetFlag(FLAGS_max_nips));
  scenario_options.nip_cache_file = absl::GetFlag(FLAGS_nip_cache_file);
  scenario_options.skp_names_file = absl::GetFlag(FLAGS_skp_names_file);
  scenario_options.list_page_size = page_size;
  scenario_options.fetch.metadata = *metadata;
  if (over_http) {
    return RunOverHttp(scenario_options, channels->front(), http_target, http_threads, *metadata,
                       !login_nip.empty());
  }
  auto scenario = MakeScenario(scenario_options, *channels);
  if (!scenario.ok()) return Fail(std::string(scenario.status().message()));

  DriverOptions driver;
  driver.concurrency = static_cast<size_t>(concurrency);
  driver.warmup_s = warmup_s;
  driver.duration_s = duration_s;
  driver.max_calls = absl::GetFlag(FLAGS_max_calls);
  driver.deadline = std::chrono::milliseconds(deadline_ms);
  driver.metadata = *metadata;
  auto summary = RunClosedLoop(**scenario, driver);
  if (!summary.ok()) {
    std::cerr << "kinerja_loadgen: " << summary.status().message() << "\n";
    std::fflush(nullptr);
    std::_Exit(2);  // callbacks may still be pending on objects that would be destroyed
  }

  std::vector<std::string> extra = {
      absl::StrCat("\"target\":", JsonString(target)),
      absl::StrCat("\"concurrency\":", concurrency),
      absl::StrCat("\"channels\":", channel_count),
      absl::StrFormat("\"warmup_s\":%g", warmup_s),
      absl::StrCat("\"signed_in\":", login_nip.empty() ? "false" : "true"),
  };
  for (std::string& d : (*scenario)->Describe()) extra.push_back(std::move(d));
  std::cout << SummaryJson("kinerja_loadgen", scenario_options.name, *summary, extra) << std::endl;
  return 0;
}
