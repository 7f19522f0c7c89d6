#include "server/server_app.h"

#include <mysql_driver.h>

#include <thread>

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/server_builder.h>

#include "absl/strings/str_cat.h"
#include "server/core/request_interceptor.h"
#include "server/auth/password_hasher.h"
#include "server/domain/nip.h"
#include "server/domain/password_rules.h"
#include "server/storage/migrations.h"

namespace kinerja {

ServerApp::ServerApp(ServerOptions options, const domain::Clock* clock)
    : options_(std::move(options)),
      clock_(clock ? *clock : system_clock_),
      employee_cache_(options_.employee_cache_ttl),
      skp_cache_(/*capacity=*/50000, options_.skp_cache_ttl) {}

ServerApp::~ServerApp() { Shutdown(); }

absl::Status ServerApp::Start() {
  if (options_.benchmark_skip_authorization && options_.listen_host != "127.0.0.1" &&
      options_.listen_host != "localhost" && options_.listen_host != "::1") {
    return absl::InvalidArgumentError(
        "benchmark_skip_authorization is allowed only on a loopback listen_host");
  }
  auto credentials = core::MakeServerCredentials(options_.tls);
  if (!credentials.ok()) return credentials.status();
  log_ = std::make_unique<core::RequestLog>(options_.log_output);
  pool_ = std::make_unique<storage::ConnectionPool>(options_.db);

  // Wait for the database, then migrate (or just check, when another process migrates).
  const absl::Time until = absl::Now() + options_.db_wait;
  absl::Status db = absl::UnavailableError("not tried");
  while (true) {
    if (options_.migrate) {
      auto applied = storage::Migrate(*pool_, storage::EmbeddedMigrations());
      db = applied.status();
      if (applied.ok()) {
        log_->LogEvent("migrations", absl::StrCat("applied ", *applied, " new migration(s)"));
      }
    } else {
      db = storage::CheckMigrationsCurrent(*pool_, storage::EmbeddedMigrations(),
                                           absl::Now() + absl::Seconds(5));
    }
    if (db.ok() || !absl::IsUnavailable(db) || absl::Now() >= until) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
  }
  if (!db.ok()) return db;

  executor_ = std::make_unique<core::BoundedExecutor>(
      options_.db.size, options_.executor_queue,
      [] { sql::mysql::get_mysql_driver_instance()->threadInit(); },
      [] { sql::mysql::get_mysql_driver_instance()->threadEnd(); });
  directory_repo_ = std::make_unique<storage::DirectoryRepository>(*pool_);
  identity_repo_ = std::make_unique<storage::IdentityRepository>(*pool_);
  audit_repo_ = std::make_unique<storage::AuditRepository>(*pool_);
  skp_repo_ = std::make_unique<storage::SkpRepository>(*pool_, &skp_cache_);
  if (options_.skp_cache_ttl > absl::ZeroDuration()) {
    skp_feed_ = std::make_unique<storage::SkpChangeFeed>(
        *pool_, skp_cache_, [this] { return employee_cache_.generation(); },
        options_.skp_cache_ttl / 4);
    skp_feed_->Start();
  }
  if (!options_.bootstrap_admin_nip.empty()) {
    if (absl::Status st = BootstrapAdmin(); !st.ok()) return st;
  }
  auth::BurnVerifyTime("warm-up");  // computes the dummy hash once, before the first sign-in
  authenticator_ =
      std::make_unique<auth::Authenticator>(*identity_repo_, clock_, options_.sessions);
  guard_ = std::make_unique<services::AccessGuard>(*authenticator_, *executor_,
                                                   options_.benchmark_skip_authorization);
  if (options_.benchmark_skip_authorization) {
    log_->LogEvent("warning", "benchmark mode: authorization is OFF (loopback only)");
  }
  directory_service_ = std::make_unique<services::DirectoryServiceImpl>(
      *directory_repo_, *guard_, *executor_, clock_, options_.executor_queue, employee_cache_);
  identity_service_ = std::make_unique<services::IdentityServiceImpl>(
      *identity_repo_, *guard_, clock_, options_.login_throttle);
  audit_service_ = std::make_unique<services::AuditServiceImpl>(*audit_repo_, *guard_);
  skp_service_ = std::make_unique<services::SkpServiceImpl>(
      *skp_repo_, *directory_repo_, *guard_, *executor_, clock_, options_.executor_queue,
      employee_cache_, skp_cache_);

  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  builder.AddListeningPort(absl::StrCat(options_.listen_host, ":", options_.grpc_port),
                           *credentials, &grpc_port_);
  builder.SetMaxReceiveMessageSize(options_.max_message_bytes);
  builder.SetMaxSendMessageSize(options_.max_message_bytes);
  builder.RegisterService(directory_service_.get());
  builder.RegisterService(&diagnostics_service_);
  builder.RegisterService(identity_service_.get());
  builder.RegisterService(audit_service_.get());
  builder.RegisterService(skp_service_.get());
  service_names_ = {v1::DirectoryService::service_full_name(),
                    v1::DiagnosticsService::service_full_name(),
                    v1::IdentityService::service_full_name(),
                    v1::AuditService::service_full_name(),
                    v1::SkpService::service_full_name(),
                    // Registered by gRPC itself (EnableDefaultHealthCheckService, the reflection
                    // plugin).
                    "grpc.health.v1.Health", "grpc.reflection.v1alpha.ServerReflection"};
  std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> interceptors;
  interceptors.push_back(std::make_unique<core::RequestInterceptorFactory>(&metrics_, log_.get()));
  builder.experimental().SetInterceptorCreators(std::move(interceptors));
  server_ = builder.BuildAndStart();
  if (!server_ || grpc_port_ == 0) {
    return absl::UnavailableError(absl::StrCat("cannot listen for gRPC on ", options_.listen_host,
                                               ":", options_.grpc_port));
  }

  metrics_.AddGauge("kinerja_db_pool_size", "Database connections in the pool.",
                    [this] { return pool_->size(); });
  metrics_.AddGauge("kinerja_db_pool_in_use", "Database connections lent out now.",
                    [this] { return pool_->in_use(); });
  metrics_.AddGauge("kinerja_executor_queued", "Calls waiting for a database worker.",
                    [this] { return executor_->queued(); });
  metrics_.AddGauge("kinerja_executor_busy", "Database workers running a call.",
                    [this] { return executor_->busy(); });
  metrics_.AddGauge("kinerja_skp_cache_plans", "SKP plans in this replica's cache.",
                    [this] { return static_cast<double>(skp_cache_.size()); });
  metrics_.AddGauge("kinerja_skp_cache_recent_hits", "GetSkp answered from memory, since start.",
                    [this] { return static_cast<double>(skp_cache_.recent_hits()); });
  metrics_.AddGauge("kinerja_skp_cache_probed_hits",
                    "GetSkp answered from the cache after a version probe, since start.",
                    [this] { return static_cast<double>(skp_cache_.hits()); });
  metrics_.AddGauge("kinerja_skp_cache_misses",
                    "GetSkp probes that found no cached plan at the version, since start.",
                    [this] { return static_cast<double>(skp_cache_.misses()); });
  if (skp_feed_) {
    metrics_.AddGauge("kinerja_skp_feed_polls", "Polls of the SKP cache's change feed, since start.",
                      [this] { return static_cast<double>(skp_feed_->polls()); });
    metrics_.AddGauge("kinerja_skp_feed_failures", "Failed polls of the change feed, since start.",
                      [this] { return static_cast<double>(skp_feed_->failures()); });
  }
  if (options_.admin_port >= 0) {
    admin_ = std::make_unique<core::AdminHttpServer>(
        options_.listen_host, options_.admin_port,
        core::AdminHandlers{[this] { return Ready(); }, [this] { return metrics_.RenderPrometheus(); }});
    if (absl::Status st = admin_->Start(); !st.ok()) return st;
  }
  log_->LogEvent("started", absl::StrCat("grpc ", options_.listen_host, ":", grpc_port_,
                                         " admin ", admin_port()));
  return absl::OkStatus();
}

absl::Status ServerApp::BootstrapAdmin() {
  if (!domain::ParseNip(options_.bootstrap_admin_nip).ok()) {
    return absl::InvalidArgumentError("bootstrap_admin_nip is not a valid NIP");
  }
  if (absl::Status st = domain::CheckNewPassword(options_.bootstrap_admin_password,
                                                 options_.bootstrap_admin_nip);
      !st.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("bootstrap_admin_password is not acceptable: ", st.message()));
  }
  auto hash = auth::HashPassword(options_.bootstrap_admin_password);
  if (!hash.ok()) return hash.status();
  auto created = identity_repo_->EnsureBootstrapAdmin(options_.bootstrap_admin_nip, *hash,
                                                      absl::Now() + absl::Seconds(10));
  if (!created.ok()) return created.status();
  if (*created) {
    log_->LogEvent("bootstrap", absl::StrCat("administrator account created for NIP ",
                                             options_.bootstrap_admin_nip));
  }
  return absl::OkStatus();
}

absl::Status ServerApp::Ready() {
  if (stopping_.load()) return absl::UnavailableError("shutting down");
  if (!pool_) return absl::UnavailableError("not started");
  return storage::CheckMigrationsCurrent(*pool_, storage::EmbeddedMigrations(),
                                         absl::Now() + absl::Seconds(2));
}

void ServerApp::Shutdown() {
  if (stopping_.exchange(true)) return;
  if (server_) {
    if (auto* health = server_->GetHealthCheckService()) health->Shutdown();
    server_->Shutdown(absl::ToChronoTime(absl::Now() + options_.shutdown_grace));
    server_->Wait();
  }
  if (skp_feed_) skp_feed_->Stop();
  if (executor_) executor_->Shutdown();
  if (admin_) admin_->Stop();
  if (log_) {
    log_->LogEvent("stopped", "graceful shutdown complete");
    log_->Flush();
  }
}

}  // namespace kinerja
