// kinerja_server: the gRPC services over MariaDB. Flags, each also settable as KINERJA_<NAME>.
#include <csignal>
#include <cstdio>
#include <iostream>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/synchronization/mutex.h"
#include "server/core/env_flags.h"
#include "server/core/process_signals.h"
#include "server/server_app.h"
#include "server/storage/migrations.h"

ABSL_FLAG(std::string, listen_host, "127.0.0.1", "Address the gRPC and admin ports listen on.");
ABSL_FLAG(int, grpc_port, 50051, "gRPC port (0 picks a free one).");
ABSL_FLAG(int, admin_port, 9091, "HTTP admin port for /healthz, /readyz and /metrics.");
ABSL_FLAG(std::string, db_host, "127.0.0.1", "MariaDB/MySQL host.");
ABSL_FLAG(int, db_port, 3306, "MariaDB/MySQL port.");
ABSL_FLAG(std::string, db_user, "kinerja", "Database user.");
ABSL_FLAG(std::string, db_password, "", "Database password (prefer KINERJA_DB_PASSWORD).");
ABSL_FLAG(std::string, db_name, "kinerja", "Database (schema) name.");
ABSL_FLAG(int, db_pool_size, 8, "Database connections, and database worker threads.");
ABSL_FLAG(int, db_wait_s, 60, "Seconds start-up waits for the database.");
ABSL_FLAG(int, executor_queue, 2048, "Calls that may wait for a database worker.");
ABSL_FLAG(bool, migrate, true, "Apply missing migrations at start-up.");
ABSL_FLAG(bool, migrate_only, false, "Apply migrations and exit (the Kubernetes migration Job).");
ABSL_FLAG(int, shutdown_grace_s, 20, "Seconds calls in flight get to finish on SIGTERM.");
ABSL_FLAG(std::string, tls_cert_file, "", "PEM server certificate chain; empty serves plaintext gRPC.");
ABSL_FLAG(std::string, tls_key_file, "", "PEM private key for --tls_cert_file.");
ABSL_FLAG(std::string, tls_client_ca_file, "",
          "PEM CA bundle client certificates must chain to; empty: client certificates not requested.");
ABSL_FLAG(bool, tls_require_client_cert, false,
          "Refuse clients without a certificate from --tls_client_ca_file (mutual TLS).");
ABSL_FLAG(int, skp_cache_ttl_ms, 2000,
          "GetSkp answers without the database a plan confirmed less than this long ago, unless "
          "written through this replica since; a write through another replica is seen within it. "
          "0: every GetSkp asks the database.");
ABSL_FLAG(int, employee_cache_ttl_ms, 2000,
          "Milliseconds another replica's directory writes may go unseen by this replica's employee "
          "cache; 0 turns the cache off.");
ABSL_FLAG(int, session_lifetime_min, 720, "Minutes a session lasts at most.");
ABSL_FLAG(int, session_idle_min, 30, "Minutes of inactivity that end a session.");
ABSL_FLAG(int, login_free_attempts, 3, "Failed sign-ins before each further attempt must wait.");
ABSL_FLAG(int, login_lock_after, 10, "Failed sign-ins that lock the account.");
ABSL_FLAG(int, login_lock_min, 15, "Minutes a locked account stays locked.");
ABSL_FLAG(std::string, bootstrap_admin_nip, "",
          "On a database with no BKPP administrator, give this NIP an administrator account.");
ABSL_FLAG(bool, benchmark_skip_authorization, false,
          "BENCHMARKS ONLY: serve every call as an administrator without checking credentials or "
          "policy, to measure their cost. Refused unless --listen_host is loopback.");
ABSL_FLAG(std::string, bootstrap_admin_password, "",
          "Its password (prefer KINERJA_BOOTSTRAP_ADMIN_PASSWORD).");

int main(int argc, char** argv) {
  // Debian's Abseil keeps a lock-order graph for every Mutex; it costs on hot paths and its reports
  // are for development builds.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  absl::SetProgramUsageMessage("Kinerja gRPC server. Every flag may be set as KINERJA_<FLAG>.");
  if (absl::Status st = kinerja::core::ApplyEnvironmentOverrides(); !st.ok()) {
    std::cerr << "kinerja_server: " << st.message() << "\n";
    return 2;
  }
  absl::ParseCommandLine(argc, argv);

  // Block the stop signals in every thread; this one waits for them.
  kinerja::core::StopSignals stop_signals;

  kinerja::ServerOptions options;
  options.listen_host = absl::GetFlag(FLAGS_listen_host);
  options.grpc_port = absl::GetFlag(FLAGS_grpc_port);
  options.admin_port = absl::GetFlag(FLAGS_admin_port);
  options.db.host = absl::GetFlag(FLAGS_db_host);
  options.db.port = absl::GetFlag(FLAGS_db_port);
  options.db.user = absl::GetFlag(FLAGS_db_user);
  options.db.password = absl::GetFlag(FLAGS_db_password);
  options.db.database = absl::GetFlag(FLAGS_db_name);
  options.db.size = absl::GetFlag(FLAGS_db_pool_size);
  options.db_wait = absl::Seconds(absl::GetFlag(FLAGS_db_wait_s));
  options.executor_queue = absl::GetFlag(FLAGS_executor_queue);
  options.migrate = absl::GetFlag(FLAGS_migrate) || absl::GetFlag(FLAGS_migrate_only);
  options.shutdown_grace = absl::Seconds(absl::GetFlag(FLAGS_shutdown_grace_s));
  options.tls.cert_file = absl::GetFlag(FLAGS_tls_cert_file);
  options.tls.key_file = absl::GetFlag(FLAGS_tls_key_file);
  options.tls.client_ca_file = absl::GetFlag(FLAGS_tls_client_ca_file);
  options.tls.require_client_cert = absl::GetFlag(FLAGS_tls_require_client_cert);
  options.sessions.lifetime = absl::Minutes(absl::GetFlag(FLAGS_session_lifetime_min));
  options.sessions.idle_timeout = absl::Minutes(absl::GetFlag(FLAGS_session_idle_min));
  options.login_throttle.free_attempts = absl::GetFlag(FLAGS_login_free_attempts);
  options.login_throttle.lock_after = absl::GetFlag(FLAGS_login_lock_after);
  options.login_throttle.lock_for = absl::Minutes(absl::GetFlag(FLAGS_login_lock_min));
  options.bootstrap_admin_nip = absl::GetFlag(FLAGS_bootstrap_admin_nip);
  options.bootstrap_admin_password = absl::GetFlag(FLAGS_bootstrap_admin_password);
  options.benchmark_skip_authorization = absl::GetFlag(FLAGS_benchmark_skip_authorization);
  options.employee_cache_ttl = absl::Milliseconds(absl::GetFlag(FLAGS_employee_cache_ttl_ms));
  options.skp_cache_ttl = absl::Milliseconds(absl::GetFlag(FLAGS_skp_cache_ttl_ms));

  if (absl::GetFlag(FLAGS_migrate_only)) {
    kinerja::storage::ConnectionPool pool(options.db);
    auto applied = kinerja::storage::Migrate(pool, kinerja::storage::EmbeddedMigrations());
    if (!applied.ok()) {
      std::cerr << "kinerja_server: migration failed: " << applied.status() << "\n";
      return 1;
    }
    std::cout << "{\"event\":\"migrations\",\"detail\":\"applied " << *applied << "\"}\n";
    return 0;
  }

  kinerja::ServerApp app(options);
  if (absl::Status st = app.Start(); !st.ok()) {
    std::cerr << "kinerja_server: cannot start: " << st << "\n";
    return 1;
  }
  stop_signals.Wait();
  app.Shutdown();
  return 0;
}
