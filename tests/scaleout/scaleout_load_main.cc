// kinerja_scaleout_load: a bounded load on several server replicas through the C++ SDK, for the
// scale-out test and figure (tests/scaleout/run_scaleout_test.sh, run_scaleout_bench.sh).
//
//   kinerja_scaleout_load --mode setup --endpoints 127.0.0.1:20001 --admin_nip NIP
//       signs in (password in KINERJA_ADMIN_PASSWORD), creates one OPD, one position and
//       --ref_employees employees with fixed NIPs, and prints the session token on stdout.
//   kinerja_scaleout_load --mode mixed --endpoints a,b,c --duration_s 10 --acked_file acked.txt
//       per thread: 1 call in 10 is CreateEmployee (a new NIP; the SDK fills in request_id, so it
//       is retried safely), 2 are ListOpds, 7 are GetEmployee of a reference employee. Every NIP
//       whose create was answered OK goes to --acked_file, one a line.
//   kinerja_scaleout_load --mode reads ...
//       GetEmployee only (the figure).
//
// Credentials for mixed and reads: KINERJA_API_KEY or KINERJA_SESSION_TOKEN. The SDK balances the
// endpoints round-robin and retries idempotent calls (all calls here are) on another replica.
// Prints one JSON line: calls, ok, failures by code, rate, p50/p99/max latency (retries
// included), retries, acknowledged writes.
// Exit status 0 when the run completed (whatever the failures: the caller judges them), 1 on a
// setup error, 2 on bad flags.
#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/types/optional.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "kinerja/sdk/kinerja_sdk.h"

ABSL_FLAG(std::string, mode, "mixed", "setup, mixed or reads.");
ABSL_FLAG(std::string, endpoints, "", "Server replicas, host:port,host:port,...");
ABSL_FLAG(std::string, admin_nip, "", "setup: the administrator who signs in.");
ABSL_FLAG(int, ref_employees, 8, "Reference employees (created by setup, read by the load).");
ABSL_FLAG(double, duration_s, 10, "mixed/reads: how long the load runs.");
ABSL_FLAG(int, threads, 4, "mixed/reads: concurrent callers (each makes one call at a time).");
ABSL_FLAG(int, pace_ms, 0,
          "mixed/reads: pause of each caller between calls (0: closed loop, as fast as answered).");
ABSL_FLAG(double, burst_from_s, -1,
           "mixed/reads: from this time into the run, no pause (so that a replica killed then has "
           "calls in flight); negative: never.");
ABSL_FLAG(double, burst_for_s, 1, "mixed/reads: how long the burst lasts.");
ABSL_FLAG(std::string, acked_file, "", "mixed: where the acknowledged NIPs are written.");
ABSL_FLAG(int, deadline_s, 5, "Deadline of each attempt.");
ABSL_FLAG(int, max_attempts, 8, "Attempts per idempotent call, the first included.");

namespace {

namespace sdk = kinerja::sdk;
namespace v1 = kinerja::v1;

constexpr char kOpd[] = "SCALEOUT";
constexpr char kPosition[] = "SCALEOUT-KADIS";

// Reference employee i: born 1960-01-01, appointed 1985-01, male, sequence i.
std::string RefNip(int i) { return absl::StrFormat("19600101198501%d%03d", 1, i % 1000); }

// The k-th create of caller `worker`: born in 1970 + worker, the birth month and day and the
// sequence number taken from k (unique for k < 336,000), appointed 2015-01.
std::string WriteNip(int worker, int k) {
  return absl::StrFormat("%04d%02d%02d201501%d%03d", 1970 + worker, 1 + (k / 1000) % 12,
                         1 + (k / 12000) % 28, 1 + worker % 2, k % 1000);
}

sdk::Options BaseOptions() {
  sdk::Options options;
  options.endpoints = absl::StrSplit(absl::GetFlag(FLAGS_endpoints), ',', absl::SkipEmpty());
  options.default_deadline = absl::Seconds(absl::GetFlag(FLAGS_deadline_s));
  options.retry.max_attempts = absl::GetFlag(FLAGS_max_attempts);
  options.retry.max_total_time = absl::Seconds(20);
  options.retry.initial_backoff = absl::Milliseconds(20);
  options.retry.max_backoff = absl::Seconds(1);
  options.user_agent_prefix = "kinerja-scaleout-load";
  return options;
}

int Setup() {
  const char* password = std::getenv("KINERJA_ADMIN_PASSWORD");
  if (absl::GetFlag(FLAGS_admin_nip).empty() || password == nullptr) {
    std::cerr << "setup: give --admin_nip and KINERJA_ADMIN_PASSWORD\n";
    return 2;
  }
  sdk::Options options = BaseOptions();
  auto identity = sdk::MakeIdentityClient(options);
  if (!identity.ok()) {
    std::cerr << "setup: " << identity.status() << "\n";
    return 1;
  }
  auto login = identity->Login(absl::GetFlag(FLAGS_admin_nip), password);
  if (!login.ok()) {
    std::cerr << "setup: Login: " << login.status() << "\n";
    return 1;
  }
  options.session_token = login->session_token();
  auto directory = sdk::MakeDirectoryClient(options);
  if (!directory.ok()) {
    std::cerr << "setup: " << directory.status() << "\n";
    return 1;
  }
  v1::Opd opd;
  opd.set_code(kOpd);
  opd.set_display_name("Dinas Uji Skala");
  opd.set_kind("DINAS");
  if (auto created = directory->CreateOpd(opd); !created.ok()) {
    std::cerr << "setup: CreateOpd: " << created.status() << "\n";
    return 1;
  }
  v1::CreatePositionRequest position;
  position.mutable_position()->set_code(kPosition);
  position.mutable_position()->set_title("Kepala Dinas Uji Skala");
  position.mutable_position()->set_kind(v1::JPT);
  position.mutable_position()->set_opd(kOpd);
  if (auto created = directory->CreatePosition(position); !created.ok()) {
    std::cerr << "setup: CreatePosition: " << created.status() << "\n";
    return 1;
  }
  for (int i = 0; i < absl::GetFlag(FLAGS_ref_employees); ++i) {
    v1::Employee e;
    e.set_nip(RefNip(i));
    e.set_full_name(absl::StrCat("Pegawai Rujukan ", i));
    e.set_employee_type(v1::PNS);
    e.set_status(v1::ACTIVE);
    if (auto created = directory->CreateEmployee(e); !created.ok()) {
      std::cerr << "setup: CreateEmployee " << e.nip() << ": " << created.status() << "\n";
      return 1;
    }
  }
  std::cout << options.session_token << "\n";
  return 0;
}

struct WorkerResult {
  int64_t calls = 0;
  int64_t ok = 0;
  std::map<std::string, int64_t> failures;  // by code name
  std::vector<int64_t> latency_us;          // of every call, retries included
  std::vector<std::string> acknowledged;
};

int Load(bool mixed) {
  sdk::Options options = BaseOptions();
  if (const char* key = std::getenv("KINERJA_API_KEY"); key != nullptr && *key != '\0') {
    options.api_key = key;
  } else if (const char* token = std::getenv("KINERJA_SESSION_TOKEN");
             token != nullptr && *token != '\0') {
    options.session_token = token;
  } else {
    std::cerr << "load: set KINERJA_API_KEY or KINERJA_SESSION_TOKEN\n";
    return 2;
  }
  const int threads = absl::GetFlag(FLAGS_threads);
  const int refs = absl::GetFlag(FLAGS_ref_employees);
  const absl::Duration pace = absl::Milliseconds(absl::GetFlag(FLAGS_pace_ms));
  const absl::Duration duration = absl::Seconds(absl::GetFlag(FLAGS_duration_s));
  if (threads < 1 || refs < 1 || duration <= absl::ZeroDuration()) {
    std::cerr << "load: --threads, --ref_employees and --duration_s must be positive\n";
    return 2;
  }
  // The SDK's own channel and connection, with a sleep that counts the retries (the SDK waits
  // once before each).
  std::atomic<int64_t> retries{0};
  sdk::ConnectionEnvironment environment;
  environment.sleep = [&retries](absl::Duration d) {
    retries.fetch_add(1);
    absl::SleepFor(d);
  };
  auto channel = sdk::MakeChannel(options);
  if (!channel.ok()) {
    std::cerr << "load: " << channel.status() << "\n";
    return 1;
  }
  auto connection = sdk::MakeDirectoryConnection(kinerja::v1::DirectoryService::NewStub(*channel),
                                                 options, environment);
  if (!connection.ok()) {
    std::cerr << "load: " << connection.status() << "\n";
    return 1;
  }
  absl::optional<sdk::DirectoryClient> directory(absl::in_place, *connection);
  // Warm-up: one read per replica's worth, so that connecting is not timed.
  for (size_t i = 0; i < options.endpoints.size() * 2; ++i) {
    if (auto e = directory->GetEmployee(RefNip(0)); !e.ok()) {
      std::cerr << "load: warm-up GetEmployee: " << e.status() << "\n";
      return 1;
    }
  }

  std::vector<WorkerResult> results(threads);
  absl::Mutex log_mu;
  int logged = 0;
  const absl::Time start = absl::Now();
  const absl::Time end = start + duration;
  const double burst_from = absl::GetFlag(FLAGS_burst_from_s);
  const absl::Time burst_start =
      burst_from < 0 ? absl::InfiniteFuture() : start + absl::Seconds(burst_from);
  const absl::Time burst_end = burst_start + absl::Seconds(absl::GetFlag(FLAGS_burst_for_s));
  std::vector<std::thread> workers;
  for (int w = 0; w < threads; ++w) {
    workers.emplace_back([&, w] {
      WorkerResult& r = results[w];
      int writes = 0;
      auto record = [&](absl::Time t0, const absl::Status& st, const char* what) {
        r.latency_us.push_back(absl::ToInt64Microseconds(absl::Now() - t0));
        ++r.calls;
        if (st.ok()) {
          ++r.ok;
          return;
        }
        ++r.failures[absl::StatusCodeToString(st.code())];
        absl::MutexLock lock(&log_mu);
        if (logged++ < 20) std::cerr << "load: " << what << ": " << st << "\n";
      };
      for (int n = 0; absl::Now() < end; ++n) {
        if (pace > absl::ZeroDuration()) {
          const absl::Time now = absl::Now();
          if (now < burst_start || now >= burst_end) absl::SleepFor(pace);
        }
        const absl::Time t0 = absl::Now();
        if (mixed && n % 10 == 0) {
          v1::Employee e;
          e.set_nip(WriteNip(w, writes++));
          e.set_full_name(absl::StrCat("Pegawai Skala ", w, "-", writes));
          e.set_employee_type(v1::PPPK);
          e.set_status(v1::ACTIVE);
          auto created = directory->CreateEmployee(e);  // request_id filled in by the SDK
          record(t0, created.status(), "CreateEmployee");
          if (created.ok()) r.acknowledged.push_back(e.nip());
        } else if (mixed && n % 10 < 3) {
          auto opds = sdk::ReadAll(directory->ListOpds());
          absl::Status st = opds.status();
          if (st.ok() && opds->size() != 1) {
            st = absl::InternalError(absl::StrCat("ListOpds gave ", opds->size(), " OPDs"));
          }
          record(t0, st, "ListOpds");
        } else {
          auto employee = directory->GetEmployee(RefNip((n + w) % refs));
          record(t0, employee.status(), "GetEmployee");
        }
      }
    });
  }
  for (auto& t : workers) t.join();
  const double seconds = absl::ToDoubleSeconds(absl::Now() - start);

  WorkerResult all;
  for (auto& r : results) {
    all.calls += r.calls;
    all.ok += r.ok;
    for (const auto& [code, count] : r.failures) all.failures[code] += count;
    all.latency_us.insert(all.latency_us.end(), r.latency_us.begin(), r.latency_us.end());
    all.acknowledged.insert(all.acknowledged.end(), r.acknowledged.begin(), r.acknowledged.end());
  }
  if (mixed && !absl::GetFlag(FLAGS_acked_file).empty()) {
    std::ofstream out(absl::GetFlag(FLAGS_acked_file), std::ios::trunc);
    for (const auto& nip : all.acknowledged) out << nip << "\n";
    out.close();
    if (!out) {
      std::cerr << "load: cannot write " << absl::GetFlag(FLAGS_acked_file) << "\n";
      return 1;
    }
  }
  std::sort(all.latency_us.begin(), all.latency_us.end());
  auto percentile_ms = [&](double p) {
    if (all.latency_us.empty()) return 0.0;
    size_t i = static_cast<size_t>(p * static_cast<double>(all.latency_us.size() - 1) + 0.5);
    return static_cast<double>(all.latency_us[i]) / 1000.0;
  };
  int64_t failed = all.calls - all.ok;
  std::vector<std::string> by_code;
  for (const auto& [code, count] : all.failures) {
    by_code.push_back(absl::StrFormat("\"%s\":%d", code, count));
  }
  std::cout << absl::StrFormat(
                   "{\"mode\":\"%s\",\"replicas\":%d,\"threads\":%d,\"seconds\":%.2f,"
                   "\"calls\":%d,\"ok\":%d,\"failed\":%d,\"failures\":{%s},\"rate\":%.1f,"
                   "\"p50_ms\":%.3f,\"p99_ms\":%.3f,\"max_ms\":%.3f,\"retries\":%d,"
                   "\"acknowledged_writes\":%d}",
                   mixed ? "mixed" : "reads", options.endpoints.size(), threads, seconds,
                   all.calls, all.ok, failed, absl::StrJoin(by_code, ","),
                   static_cast<double>(all.calls) / seconds, percentile_ms(0.50),
                   percentile_ms(0.99), percentile_ms(1.0), retries.load(),
                   all.acknowledged.size())
            << std::endl;
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage("Bounded SDK load on server replicas (see the file's header).");
  absl::ParseCommandLine(argc, argv);
  if (absl::GetFlag(FLAGS_endpoints).empty()) {
    std::cerr << "give --endpoints\n";
    return 2;
  }
  const std::string mode = absl::GetFlag(FLAGS_mode);
  if (mode == "setup") return Setup();
  if (mode == "mixed") return Load(true);
  if (mode == "reads") return Load(false);
  std::cerr << "--mode must be setup, mixed or reads\n";
  return 2;
}
