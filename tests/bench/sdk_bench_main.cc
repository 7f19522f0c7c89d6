// kinerja_sdk_bench: the SDK's call rate beside a raw generated stub, on the same RPC in the same
// run. Starts nothing itself: run_sdk_bench.sh gives it a server, a session token and NIPs.
//
//   kinerja_sdk_bench --target 127.0.0.1:PORT --token TOKEN --nips FILE
//       [--threads 32] [--rounds 5] [--seconds 3] [--warmup_s 0.5]
//
// Each round runs GetEmployee with --threads blocking callers for --seconds, once through
// DirectoryService's generated stub on a channel made by sdk::MakeChannel (the SDK's channel
// arguments; the call sets the same deadline and authorization header the SDK sends), once
// through sdk::DirectoryClient; the order alternates between rounds. Every caller walks the same
// NIPs from its own offset. Prints one JSON line: median rates and p99 of the rounds, and
// sdk_rate / raw_rate (the target is at least 0.95).
#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "kinerja/sdk/channel.h"
#include "kinerja/sdk/directory_client.h"
#include "kinerja/v1/directory.grpc.pb.h"
#include "tests/bench/bench_stats.h"

ABSL_FLAG(std::string, target, "", "the server, host:port");
ABSL_FLAG(std::string, token, "", "a session token");
ABSL_FLAG(std::string, nips, "", "a file of NIPs, one a line");
ABSL_FLAG(int, threads, 32, "concurrent blocking callers");
ABSL_FLAG(int, rounds, 5, "rounds of each client, interleaved");
ABSL_FLAG(double, seconds, 3, "measured seconds of a round");
ABSL_FLAG(double, warmup_s, 0.5, "warm-up seconds of a round");

namespace {

namespace bench = kinerja::bench;
namespace sdk = kinerja::sdk;
namespace v1 = kinerja::v1;

// One call: true when it succeeded; `error` gets its code name otherwise.
using Call = std::function<bool(const std::string& nip, std::string* error)>;

bench::Summary Round(const Call& call, const std::vector<std::string>& nips, int threads,
                     double warmup_s, double seconds) {
  std::vector<bench::WorkerStats> stats(threads);
  const bench::Window window = bench::Window::After(bench::Clock::now(), warmup_s, seconds);
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      size_t next = (static_cast<size_t>(t) * nips.size()) / threads;
      std::string error;
      while (true) {
        const auto started = bench::Clock::now();
        if (started >= window.end) break;
        const bool ok = call(nips[next++ % nips.size()], &error);
        const auto finished = bench::Clock::now();
        if (!window.Contains(finished) || started < window.start) continue;
        if (ok) {
          stats[t].RecordOk(started, finished);
        } else {
          stats[t].RecordError(finished, error, error);
        }
      }
    });
  }
  for (auto& w : workers) w.join();
  return bench::Summarize(stats, window, window.end);
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0
                   : (v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2);
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  const std::string target = absl::GetFlag(FLAGS_target);
  const std::string token = absl::GetFlag(FLAGS_token);
  const int threads = absl::GetFlag(FLAGS_threads);
  std::vector<std::string> nips;
  std::ifstream in(absl::GetFlag(FLAGS_nips));
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) nips.push_back(line);
  }
  if (target.empty() || token.empty() || nips.empty() || threads < 1) {
    std::cerr << "usage: kinerja_sdk_bench --target HOST:PORT --token TOKEN --nips FILE\n";
    return 2;
  }
  sdk::Options options;
  options.endpoints = {target};
  options.session_token = token;

  auto channel = sdk::MakeChannel(options);
  if (!channel.ok()) {
    std::cerr << "MakeChannel: " << channel.status() << "\n";
    return 1;
  }
  auto stub = v1::DirectoryService::NewStub(*channel);
  const std::string authorization = "Bearer " + token;
  const auto deadline = absl::ToChronoMilliseconds(options.default_deadline);
  Call raw = [&](const std::string& nip, std::string* error) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + deadline);
    context.AddMetadata("authorization", authorization);
    v1::GetEmployeeRequest request;
    request.set_name(absl::StrCat("employees/", nip));
    v1::Employee employee;
    const grpc::Status status = stub->GetEmployee(&context, request, &employee);
    if (!status.ok()) *error = absl::StrCat("raw ", status.error_code());
    return status.ok();
  };

  auto client = sdk::MakeDirectoryClient(options);
  if (!client.ok()) {
    std::cerr << "MakeDirectoryClient: " << client.status() << "\n";
    return 1;
  }
  Call through_sdk = [&](const std::string& nip, std::string* error) {
    auto employee = client->GetEmployee(nip);
    if (!employee.ok())
      *error = absl::StrCat("sdk ", absl::StatusCodeToString(employee.status().code()));
    return employee.ok();
  };

  std::vector<double> raw_rates, sdk_rates, raw_p99, sdk_p99;
  int64_t errors = 0;
  std::string first_error;
  for (int r = 0; r < absl::GetFlag(FLAGS_rounds); ++r) {
    for (int k = 0; k < 2; ++k) {
      const bool sdk_turn = (k == 0) == (r % 2 == 1);
      bench::Summary s = Round(sdk_turn ? through_sdk : raw, nips, threads,
                               absl::GetFlag(FLAGS_warmup_s), absl::GetFlag(FLAGS_seconds));
      (sdk_turn ? sdk_rates : raw_rates).push_back(s.rate);
      (sdk_turn ? sdk_p99 : raw_p99).push_back(static_cast<double>(s.p99_us));
      errors += s.errors;
      if (first_error.empty()) first_error = s.first_error;
      std::cerr << absl::StrFormat("round %d %s: %.0f calls/s, p99 %d us, %d errors\n", r + 1,
                                   sdk_turn ? "sdk" : "raw", s.rate, s.p99_us, s.errors);
    }
  }
  const double raw_rate = Median(raw_rates), sdk_rate = Median(sdk_rates);
  auto list = [](const std::vector<double>& v) {
    return absl::StrCat("[",
                        absl::StrJoin(v, ",",
                                      [](std::string* out, double x) {
                                        absl::StrAppend(out, absl::StrFormat("%.0f", x));
                                      }),
                        "]");
  };
  std::cout << absl::StrFormat(
                   "{\"tool\":\"kinerja_sdk_bench\",\"threads\":%d,\"rounds\":%d,\"seconds\":%g,"
                   "\"nips\":%d,\"raw_rate\":%.0f,\"sdk_rate\":%.0f,\"raw_p99_us\":%.0f,"
                   "\"sdk_p99_us\":%.0f,\"ratio\":%.3f,\"raw_rates\":%s,\"sdk_rates\":%s,"
                   "\"errors\":%d,\"first_error\":%s}",
                   threads, absl::GetFlag(FLAGS_rounds), absl::GetFlag(FLAGS_seconds), nips.size(),
                   raw_rate, sdk_rate, Median(raw_p99), Median(sdk_p99),
                   raw_rate > 0 ? sdk_rate / raw_rate : 0.0, list(raw_rates), list(sdk_rates),
                   errors, bench::JsonString(first_error))
            << "\n";
  return errors == 0 ? 0 : 1;
}
