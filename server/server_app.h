// The whole server as an object: migrations, the connection pool, the executor, the gRPC services
// (with health, reflection and the request interceptor) and the admin HTTP port. main() and the
// integration tests both start it this way.
#ifndef KINERJA_SERVER_SERVER_APP_H_
#define KINERJA_SERVER_SERVER_APP_H_

#include <atomic>
#include <memory>
#include <string>

#include <grpcpp/server.h>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "server/core/admin_http.h"
#include "server/core/executor.h"
#include "server/core/metrics.h"
#include "server/core/request_log.h"
#include "server/core/tls_config.h"
#include "server/auth/authenticator.h"
#include "server/domain/login_throttle.h"
#include "server/services/access_guard.h"
#include "server/services/audit_service.h"
#include "server/services/identity_service.h"
#include "server/storage/audit_store.h"
#include "server/storage/identity_repository.h"
#include "server/domain/civil_date.h"
#include "server/services/diagnostics_service.h"
#include "server/services/directory_service.h"
#include "server/services/employee_cache.h"
#include "server/services/skp_service.h"
#include "server/storage/connection_pool.h"
#include "server/storage/directory_repository.h"
#include "server/storage/skp_cache.h"
#include "server/storage/skp_change_feed.h"
#include "server/storage/skp_repository.h"

namespace kinerja {

struct ServerOptions {
  std::string listen_host = "127.0.0.1";
  int grpc_port = 50051;  // 0: pick a free port
  int admin_port = 9091;  // 0: pick a free port; negative: no admin port
  storage::PoolOptions db;
  int executor_queue = 2048;         // calls waiting for a database worker
  int max_message_bytes = 256 << 20;  // CSV imports are large
  bool migrate = true;                // apply migrations at start-up
  absl::Duration db_wait = absl::Seconds(60);  // how long start-up waits for the database
  absl::Duration shutdown_grace = absl::Seconds(20);
  FILE* log_output = stdout;
  core::TlsOptions tls;                 // default: plaintext gRPC port
  auth::SessionPolicy sessions;
  domain::ThrottleConfig login_throttle;
  // When no account holds BKPP_ADMIN yet, this NIP gets one with this password (first start-up).
  std::string bootstrap_admin_nip;
  std::string bootstrap_admin_password;
  // Benchmarks only: serve every call as an administrator, skipping authentication and the policy
  // check, to measure what they cost. Refused unless listen_host is a loopback address.
  bool benchmark_skip_authorization = false;
  // How long another replica's directory writes may go unseen by this one's employee cache
  // (services::EmployeeCache); zero turns the cache off.
  absl::Duration employee_cache_ttl = absl::Seconds(2);
  // GetSkp answers without the database a plan it, or its change feed (polling four times as
  // often), confirmed less than this long ago with nothing said of a write since
  // (storage/skp_cache.h); zero: every read asks, and there is no feed.
  absl::Duration skp_cache_ttl = absl::Seconds(2);
};

class ServerApp {
 public:
  explicit ServerApp(ServerOptions options, const domain::Clock* clock = nullptr);
  ~ServerApp();

  // Waits for the database (bounded by db_wait), migrates, and starts serving.
  absl::Status Start();
  int grpc_port() const { return grpc_port_; }
  int admin_port() const { return admin_ ? admin_->port() : -1; }

  // OK when the database answers and every migration is applied unchanged.
  absl::Status Ready();

  // Stops accepting calls, lets calls in flight finish (up to shutdown_grace), then stops.
  void Shutdown();

  core::Metrics& metrics() { return metrics_; }
  storage::ConnectionPool& pool() { return *pool_; }
  // Full names of every service this server registers, gRPC's own (health, reflection) included.
  const std::vector<std::string>& service_names() const { return service_names_; }
  auth::Authenticator& authenticator() { return *authenticator_; }
  // This replica's cache of SKP plans (skp_cache.h).
  storage::SkpCache& skp_cache() { return skp_cache_; }

 private:
  absl::Status BootstrapAdmin();

  ServerOptions options_;
  domain::SystemClock system_clock_;
  const domain::Clock& clock_;
  core::Metrics metrics_;
  // This replica's caches, shared by the services that read through them.
  services::EmployeeCache employee_cache_;
  storage::SkpCache skp_cache_;
  std::unique_ptr<core::RequestLog> log_;
  std::unique_ptr<storage::ConnectionPool> pool_;
  std::unique_ptr<core::BoundedExecutor> executor_;
  std::unique_ptr<storage::DirectoryRepository> directory_repo_;
  std::unique_ptr<storage::IdentityRepository> identity_repo_;
  std::unique_ptr<storage::AuditRepository> audit_repo_;
  std::unique_ptr<storage::SkpRepository> skp_repo_;
  std::unique_ptr<storage::SkpChangeFeed> skp_feed_;  // when skp_cache_ttl > 0
  std::unique_ptr<auth::Authenticator> authenticator_;
  std::unique_ptr<services::AccessGuard> guard_;
  std::unique_ptr<services::DirectoryServiceImpl> directory_service_;
  std::unique_ptr<services::IdentityServiceImpl> identity_service_;
  std::unique_ptr<services::AuditServiceImpl> audit_service_;
  std::unique_ptr<services::SkpServiceImpl> skp_service_;
  services::DiagnosticsServiceImpl diagnostics_service_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<core::AdminHttpServer> admin_;
  std::atomic<bool> stopping_{false};
  int grpc_port_ = 0;
  std::vector<std::string> service_names_;
};

}  // namespace kinerja

#endif  // KINERJA_SERVER_SERVER_APP_H_
