// kinerja_db_bench: the database's own ceiling for the lookup behind GetEmployee.
//
//   KINERJA_DB_PASSWORD=... kinerja_db_bench --db_host=127.0.0.1 --db_port=3306
//       --db_user=kinerja --db_name=kinerja_bench --concurrency=8 --duration_s=5
//
// Each of --concurrency threads opens its own connection (Connector/C++ 1.1) and runs one prepared
// SELECT by NIP in a loop over NIPs loaded at start, for --warmup_s and then a measured --duration_s.
// Prints the same JSON line as kinerja_loadgen. Every DB_* flag left empty falls back to the
// KINERJA_DB_* environment variable; the password is taken from KINERJA_DB_PASSWORD when that is set
// (so it stays out of the process list), else from --db_password. Loopback hosts only.
#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <mysql_driver.h>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "tests/bench/bench_stats.h"
#include "tests/bench/loopback.h"

ABSL_FLAG(std::string, db_host, "", "MariaDB host (loopback only); default $KINERJA_DB_HOST or 127.0.0.1");
ABSL_FLAG(int, db_port, 0, "MariaDB port; default $KINERJA_DB_PORT or 3306");
ABSL_FLAG(std::string, db_user, "", "user; default $KINERJA_DB_USER or root");
ABSL_FLAG(std::string, db_password, "", "password; $KINERJA_DB_PASSWORD is preferred and wins");
ABSL_FLAG(std::string, db_name, "", "database; default $KINERJA_DB_NAME or kinerja");
ABSL_FLAG(int, concurrency, 8, "threads, each with its own connection (1..256)");
ABSL_FLAG(double, duration_s, 5, "length of the measured window in seconds (0 < d <= 60)");
ABSL_FLAG(double, warmup_s, 1, "warm-up before the window, in seconds (0..30)");
ABSL_FLAG(int, max_nips, 20000, "NIPs loaded at start and cycled through");

namespace {

using kinerja::bench::Clock;
using kinerja::bench::WorkerStats;
using kinerja::bench::Window;

constexpr char kLookupSql[] =
    "SELECT e.id, e.nip, e.full_name, e.employee_type, e.status FROM employees e WHERE e.nip = ?";

struct DbConfig {
  std::string url;  // tcp://host:port
  std::string user;
  std::string password;
  std::string database;
};

std::string EnvOr(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? std::string(v) : fallback;
}

std::string DescribeSqlError(const sql::SQLException& e) {
  return absl::StrCat("SQL error ", e.getErrorCode(), " (SQLSTATE ", e.getSQLStateCStr(), "): ",
                      e.what());
}

std::unique_ptr<sql::Connection> Connect(sql::mysql::MySQL_Driver& driver, const DbConfig& config) {
  std::unique_ptr<sql::Connection> conn(driver.connect(config.url, config.user, config.password));
  conn->setSchema(config.database);
  std::unique_ptr<sql::Statement> st(conn->createStatement());
  st->execute("SET NAMES utf8mb4");
  return conn;
}

// Workers connect, then wait here until every one is ready, so the window starts with all of them.
class StartGate {
 public:
  explicit StartGate(int workers) : waiting_for_(workers) {}

  // Called by a worker once connected (or failed); returns the window to run in.
  Window Arrive() {
    std::unique_lock<std::mutex> lock(mu_);
    if (--waiting_for_ == 0) cv_.notify_all();
    cv_.wait(lock, [&] { return open_; });
    return window_;
  }
  // Called by the main thread: waits for every worker, then opens the window and returns it.
  Window OpenWhenAllArrived(double warmup_s, double duration_s) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return waiting_for_ == 0; });
    window_ = Window::After(Clock::now(), warmup_s, duration_s);
    open_ = true;
    cv_.notify_all();
    return window_;
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  int waiting_for_;
  bool open_ = false;
  Window window_;
};

struct Shared {
  sql::mysql::MySQL_Driver* driver = nullptr;
  DbConfig config;
  const std::vector<std::string>* nips = nullptr;
  std::atomic<bool> failed{false};
  std::atomic<int64_t> checksum{0};  // what the workers read, so the reads are not optimised away
  std::mutex error_mu;
  std::string error;  // the first failure

  void Fail(const std::string& message) {
    std::lock_guard<std::mutex> lock(error_mu);
    if (error.empty()) error = message;
    failed = true;
  }
};

void Worker(int index, int workers, Shared& shared, StartGate& gate, WorkerStats& stats) {
  shared.driver->threadInit();
  std::unique_ptr<sql::Connection> conn;
  std::unique_ptr<sql::PreparedStatement> lookup;
  try {
    conn = Connect(*shared.driver, shared.config);
    lookup.reset(conn->prepareStatement(kLookupSql));
  } catch (const sql::SQLException& e) {
    shared.Fail(DescribeSqlError(e));
  } catch (const std::exception& e) {
    shared.Fail(absl::StrCat("connector error: ", e.what()));
  }
  const Window window = gate.Arrive();
  const std::vector<std::string>& nips = *shared.nips;
  // Threads start at different points of the list so they do not walk it in lockstep.
  size_t next = nips.size() / static_cast<size_t>(workers) * static_cast<size_t>(index);
  int64_t checksum = 0;
  try {
    while (!shared.failed.load(std::memory_order_relaxed)) {
      if (Clock::now() >= window.end) break;
      lookup->setString(1, nips[next++ % nips.size()]);
      const Clock::time_point started = Clock::now();
      std::unique_ptr<sql::ResultSet> rows(lookup->executeQuery());
      while (rows->next()) {
        // Read every column, as the service would to build an Employee.
        checksum += rows->getInt64(1);
        checksum += static_cast<int64_t>(rows->getString(2).length() + rows->getString(3).length() +
                                         rows->getString(4).length() + rows->getString(5).length());
      }
      const Clock::time_point finished = Clock::now();
      if (window.Contains(finished)) stats.RecordOk(started, finished);
    }
  } catch (const sql::SQLException& e) {
    shared.Fail(DescribeSqlError(e));
  } catch (const std::exception& e) {
    shared.Fail(absl::StrCat("connector error: ", e.what()));
  }
  shared.checksum.fetch_add(checksum, std::memory_order_relaxed);
  lookup.reset();
  conn.reset();
  shared.driver->threadEnd();
}

int Fail(const std::string& message) {
  std::cerr << "kinerja_db_bench: " << message << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage("Prepared-SELECT ceiling of the Kinerja database");
  absl::ParseCommandLine(argc, argv);

  const int concurrency = absl::GetFlag(FLAGS_concurrency);
  const double duration_s = absl::GetFlag(FLAGS_duration_s);
  const double warmup_s = absl::GetFlag(FLAGS_warmup_s);
  const int max_nips = absl::GetFlag(FLAGS_max_nips);
  if (concurrency < 1 || concurrency > 256) return Fail("--concurrency must be in 1..256");
  if (!(duration_s > 0 && duration_s <= 60)) return Fail("--duration_s must be in (0, 60]");
  if (!(warmup_s >= 0 && warmup_s <= 30)) return Fail("--warmup_s must be in [0, 30]");
  if (max_nips < 1 || max_nips > 1000000) return Fail("--max_nips must be in 1..1000000");

  const std::string host = absl::GetFlag(FLAGS_db_host).empty()
                               ? EnvOr("KINERJA_DB_HOST", "127.0.0.1")
                               : absl::GetFlag(FLAGS_db_host);
  int port = absl::GetFlag(FLAGS_db_port);
  if (port == 0 && !absl::SimpleAtoi(EnvOr("KINERJA_DB_PORT", "3306"), &port)) {
    return Fail("KINERJA_DB_PORT is not a number");
  }
  if (port < 1 || port > 65535) return Fail("the database port must be in 1..65535");
  if (absl::Status st = kinerja::bench::CheckLoopbackHost(host); !st.ok()) {
    return Fail(std::string(st.message()));
  }
  Shared shared;
  // "localhost" would make the connector use the Unix socket; the benchmark measures TCP.
  shared.config.url = absl::StrCat("tcp://", host == "localhost" ? "127.0.0.1" : host, ":", port);
  shared.config.user = absl::GetFlag(FLAGS_db_user).empty() ? EnvOr("KINERJA_DB_USER", "root")
                                                            : absl::GetFlag(FLAGS_db_user);
  shared.config.password = EnvOr("KINERJA_DB_PASSWORD", absl::GetFlag(FLAGS_db_password));
  shared.config.database = absl::GetFlag(FLAGS_db_name).empty()
                               ? EnvOr("KINERJA_DB_NAME", "kinerja")
                               : absl::GetFlag(FLAGS_db_name);

  std::vector<std::string> nips;
  try {
    // Not thread-safe on first use: get it here, before any worker starts.
    shared.driver = sql::mysql::get_mysql_driver_instance();
    std::unique_ptr<sql::Connection> conn = Connect(*shared.driver, shared.config);
    std::unique_ptr<sql::Statement> st(conn->createStatement());
    std::unique_ptr<sql::ResultSet> rows(
        st->executeQuery(absl::StrCat("SELECT nip FROM employees LIMIT ", max_nips)));
    while (rows->next()) nips.push_back(rows->getString(1));
  } catch (const sql::SQLException& e) {
    return Fail(DescribeSqlError(e));
  } catch (const std::exception& e) {
    return Fail(absl::StrCat("connector error: ", e.what()));
  }
  if (nips.empty()) return Fail("the employees table is empty; load data first");
  shared.nips = &nips;

  StartGate gate(concurrency);
  std::vector<WorkerStats> stats(static_cast<size_t>(concurrency));
  std::vector<std::thread> threads;
  threads.reserve(static_cast<size_t>(concurrency));
  for (int i = 0; i < concurrency; ++i) {
    threads.emplace_back(Worker, i, concurrency, std::ref(shared), std::ref(gate),
                         std::ref(stats[static_cast<size_t>(i)]));
  }
  const Window window = gate.OpenWhenAllArrived(warmup_s, duration_s);
  for (std::thread& t : threads) t.join();
  if (shared.failed) return Fail(shared.error);

  const kinerja::bench::Summary summary = kinerja::bench::Summarize(stats, window, window.end);
  std::cout << kinerja::bench::SummaryJson(
                   "kinerja_db_bench", "select_employee_by_nip", summary,
                   {absl::StrCat("\"concurrency\":", concurrency),
                    absl::StrCat("\"nips\":", nips.size()),
                    absl::StrFormat("\"warmup_s\":%g", warmup_s)})
            << std::endl;
  return 0;
}
