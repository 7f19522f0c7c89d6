// Integration-test harness: a scratch database on the fixture's MariaDB (KINERJA_TEST_DB_ENV), the
// real server started in-process on loopback with free ports, and a real gRPC channel to it.
#ifndef KINERJA_TESTS_INTEGRATION_TEST_SERVER_H_
#define KINERJA_TESTS_INTEGRATION_TEST_SERVER_H_

#include <memory>
#include <string>

#include <grpcpp/grpcpp.h>

#include "absl/status/statusor.h"
#include "kinerja/v1/audit.grpc.pb.h"
#include "kinerja/v1/diagnostics.grpc.pb.h"
#include "kinerja/v1/identity.grpc.pb.h"
#include "kinerja/v1/directory.grpc.pb.h"
#include "server/domain/civil_date.h"
#include "server/server_app.h"

namespace kinerja::testing {

struct DbSettings {
  std::string host;
  int port = 0;
  std::string user;
  std::string password;
};

// Reads the fixture's connection settings.
absl::StatusOr<DbSettings> LoadDbSettings();

// Creates an empty database with a unique name and returns the name.
absl::StatusOr<std::string> CreateScratchDatabase(const DbSettings& db);
void DropDatabase(const DbSettings& db, const std::string& name);

// Pool options for a database of the fixture.
storage::PoolOptions PoolFor(const DbSettings& db, const std::string& database);

class TestServer {
 public:
  // Starts a server on a new scratch database. The clock defaults to a fixed 2026-06-15 09:00 WIB.
  // With `channel_credentials` (TLS), clients connect to "localhost" as the certificate names it.
  static absl::StatusOr<std::unique_ptr<TestServer>> Start(
      ServerOptions overrides = {},
      std::shared_ptr<grpc::ChannelCredentials> channel_credentials = nullptr);
  // Another server (a replica, as a second pod would be) on this server's database and clock, on
  // free loopback ports. Destroy it (or Shutdown() it) before this TestServer, which drops the
  // database.
  absl::StatusOr<std::unique_ptr<ServerApp>> StartReplica(ServerOptions overrides = {});
  // A new channel to the server with other credentials (TLS clients with their own certificate).
  std::shared_ptr<grpc::Channel> ChannelWith(std::shared_ptr<grpc::ChannelCredentials> creds);
  ~TestServer();

  v1::DirectoryService::Stub& directory() { return *directory_; }
  v1::DiagnosticsService::Stub& diagnostics() { return *diagnostics_; }
  v1::IdentityService::Stub& identity() { return *identity_; }
  v1::AuditService::Stub& audit() { return *audit_; }
  // The session token of the bootstrap administrator (kAdminNip), signed in at start.
  const std::string& admin_token() const { return admin_token_; }
  // Gives `nip` (an employee in the directory) an account with `password` and signs in; returns
  // the session token, or an empty string (and a test failure) on error.
  std::string SignIn(const std::string& nip, const std::string& password = "Rahasia-Semarang-2026");
  // Signs the administrator in again (e.g. after moving the clock past the session's idle timeout).
  void ReauthenticateAdmin();
  std::shared_ptr<grpc::Channel> channel() { return channel_; }
  ServerApp& app() { return *app_; }
  domain::FixedClock& clock() { return clock_; }
  const DbSettings& db() const { return db_; }
  const std::string& database() const { return database_; }

 private:
  TestServer() = default;
  DbSettings db_;
  std::string database_;
  domain::FixedClock clock_{absl::FromCivil(absl::CivilSecond(2026, 6, 15, 2, 0, 0),
                                            absl::UTCTimeZone())};
  std::unique_ptr<ServerApp> app_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::DirectoryService::Stub> directory_;
  std::unique_ptr<v1::DiagnosticsService::Stub> diagnostics_;
  std::unique_ptr<v1::IdentityService::Stub> identity_;
  std::unique_ptr<v1::AuditService::Stub> audit_;
  std::string admin_token_;
};

// The bootstrap administrator of every TestServer, and its password.
inline constexpr char kAdminNip[] = "196505051990031009";
inline constexpr char kAdminPassword[] = "Admin-BKPP-Semarang-1";

// A client context with a 10-second deadline, signed in as the last started TestServer's
// administrator.
std::unique_ptr<grpc::ClientContext> Ctx(absl::Duration timeout = absl::Seconds(10));
// The same, with another session token ("" for no credentials at all).
std::unique_ptr<grpc::ClientContext> CtxAs(const std::string& token,
                                           absl::Duration timeout = absl::Seconds(10));
// With an API key.
std::unique_ptr<grpc::ClientContext> CtxWithKey(const std::string& api_key,
                                                absl::Duration timeout = absl::Seconds(10));

// The google.rpc.BadRequest field names carried by a status ("field: description" each).
std::vector<std::string> FieldViolations(const grpc::Status& status);

v1::Date D(int y, int m, int d);

}  // namespace kinerja::testing

#endif  // KINERJA_TESTS_INTEGRATION_TEST_SERVER_H_
