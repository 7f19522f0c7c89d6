#include "tests/integration/test_server.h"

#include <mysql_driver.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>

#include <cppconn/exception.h>
#include <cppconn/statement.h>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"

namespace kinerja::testing {

namespace {
// The administrator token that Ctx() sends; set by the last TestServer started.
std::string& DefaultToken() {
  static std::string token;
  return token;
}
}  // namespace

absl::StatusOr<DbSettings> LoadDbSettings() {
  const char* path = std::getenv("KINERJA_TEST_DB_ENV");
  if (path == nullptr) {
    return absl::FailedPreconditionError(
        "KINERJA_TEST_DB_ENV is not set: run integration tests through ctest (fixture mariadb)");
  }
  std::ifstream in(path);
  if (!in) return absl::FailedPreconditionError(absl::StrCat("cannot read ", path));
  DbSettings db;
  std::string line;
  while (std::getline(in, line)) {
    std::pair<std::string, std::string> kv = absl::StrSplit(line, absl::MaxSplits('=', 1));
    if (kv.first == "KINERJA_DB_HOST") db.host = kv.second;
    if (kv.first == "KINERJA_DB_PORT") (void)absl::SimpleAtoi(kv.second, &db.port);
    if (kv.first == "KINERJA_DB_USER") db.user = kv.second;
    if (kv.first == "KINERJA_DB_PASSWORD") db.password = kv.second;
  }
  if (db.host.empty() || db.port == 0) return absl::FailedPreconditionError("incomplete env file");
  return db;
}

namespace {

absl::Status AdminSql(const DbSettings& db, const std::string& sql) {
  try {
    sql::mysql::MySQL_Driver* driver = sql::mysql::get_mysql_driver_instance();
    std::unique_ptr<sql::Connection> con(driver->connect(
        absl::StrCat("tcp://", db.host, ":", db.port), db.user, db.password));
    std::unique_ptr<sql::Statement> st(con->createStatement());
    st->execute(sql);
    return absl::OkStatus();
  } catch (const sql::SQLException& e) {
    return absl::UnavailableError(absl::StrCat("admin SQL failed: ", e.what()));
  }
}

}  // namespace

absl::StatusOr<std::string> CreateScratchDatabase(const DbSettings& db) {
  static std::atomic<int> counter{0};
  const std::string name = absl::StrCat("kinerja_it_", getpid(), "_", counter++);
  if (absl::Status st = AdminSql(db, absl::StrCat("DROP DATABASE IF EXISTS ", name)); !st.ok()) {
    return st;
  }
  if (absl::Status st = AdminSql(db, absl::StrCat("CREATE DATABASE ", name,
                                                  " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"));
      !st.ok()) {
    return st;
  }
  return name;
}

void DropDatabase(const DbSettings& db, const std::string& name) {
  (void)AdminSql(db, absl::StrCat("DROP DATABASE IF EXISTS ", name));
}

storage::PoolOptions PoolFor(const DbSettings& db, const std::string& database) {
  storage::PoolOptions p;
  p.host = db.host;
  p.port = db.port;
  p.user = db.user;
  p.password = db.password;
  p.database = database;
  p.size = 4;
  return p;
}

std::shared_ptr<grpc::Channel> TestServer::ChannelWith(
    std::shared_ptr<grpc::ChannelCredentials> creds) {
  grpc::ChannelArguments args;
  args.SetSslTargetNameOverride("localhost");
  return grpc::CreateCustomChannel(absl::StrCat("127.0.0.1:", app_->grpc_port()), creds, args);
}

absl::StatusOr<std::unique_ptr<TestServer>> TestServer::Start(
    ServerOptions options, std::shared_ptr<grpc::ChannelCredentials> channel_credentials) {
  std::unique_ptr<TestServer> t(new TestServer());
  auto db = LoadDbSettings();
  if (!db.ok()) return db.status();
  t->db_ = *db;
  auto name = CreateScratchDatabase(t->db_);
  if (!name.ok()) return name.status();
  t->database_ = *name;
  options.listen_host = "127.0.0.1";
  options.grpc_port = 0;
  options.admin_port = 0;
  options.db = PoolFor(t->db_, t->database_);
  options.db_wait = absl::Seconds(10);
  options.bootstrap_admin_nip = kAdminNip;
  options.bootstrap_admin_password = kAdminPassword;
  if (options.log_output == stdout) options.log_output = stderr;
  t->app_ = std::make_unique<ServerApp>(options, &t->clock_);
  if (absl::Status st = t->app_->Start(); !st.ok()) return st;
  t->channel_ = channel_credentials
                    ? t->ChannelWith(channel_credentials)
                    : grpc::CreateChannel(absl::StrCat("127.0.0.1:", t->app_->grpc_port()),
                                          grpc::InsecureChannelCredentials());
  t->directory_ = v1::DirectoryService::NewStub(t->channel_);
  t->diagnostics_ = v1::DiagnosticsService::NewStub(t->channel_);
  t->identity_ = v1::IdentityService::NewStub(t->channel_);
  t->audit_ = v1::AuditService::NewStub(t->channel_);
  t->ReauthenticateAdmin();
  if (t->admin_token_.empty()) return absl::InternalError("the administrator could not sign in");
  return t;
}

absl::StatusOr<std::unique_ptr<ServerApp>> TestServer::StartReplica(ServerOptions options) {
  options.listen_host = "127.0.0.1";
  options.grpc_port = 0;
  options.admin_port = 0;
  options.db = PoolFor(db_, database_);
  options.db_wait = absl::Seconds(10);
  options.bootstrap_admin_nip = kAdminNip;
  options.bootstrap_admin_password = kAdminPassword;
  if (options.log_output == stdout) options.log_output = stderr;
  auto replica = std::make_unique<ServerApp>(options, &clock_);
  if (absl::Status st = replica->Start(); !st.ok()) return st;
  return replica;
}

TestServer::~TestServer() {
  if (app_) app_->Shutdown();
  app_.reset();
  if (!database_.empty()) DropDatabase(db_, database_);
}

std::unique_ptr<grpc::ClientContext> Ctx(absl::Duration timeout) {
  return CtxAs(DefaultToken(), timeout);
}

std::unique_ptr<grpc::ClientContext> CtxAs(const std::string& token, absl::Duration timeout) {
  auto ctx = std::make_unique<grpc::ClientContext>();
  ctx->set_deadline(absl::ToChronoTime(absl::Now() + timeout));
  if (!token.empty()) ctx->AddMetadata("authorization", "Bearer " + token);
  return ctx;
}

std::unique_ptr<grpc::ClientContext> CtxWithKey(const std::string& api_key,
                                                absl::Duration timeout) {
  auto ctx = std::make_unique<grpc::ClientContext>();
  ctx->set_deadline(absl::ToChronoTime(absl::Now() + timeout));
  ctx->AddMetadata("x-api-key", api_key);
  return ctx;
}

void TestServer::ReauthenticateAdmin() {
  v1::LoginRequest login;
  login.set_nip(kAdminNip);
  login.set_password(kAdminPassword);
  v1::LoginResponse resp;
  grpc::Status st = identity_->Login(CtxAs("").get(), login, &resp);
  admin_token_ = st.ok() ? resp.session_token() : "";
  DefaultToken() = admin_token_;
}

std::string TestServer::SignIn(const std::string& nip, const std::string& password) {
  v1::ResetPasswordRequest reset;
  reset.set_account("accounts/" + nip);
  reset.set_new_password(password);
  reset.set_skip_change_at_next_login(true);
  v1::Account account;
  grpc::Status st = identity_->ResetPassword(CtxAs(admin_token_).get(), reset, &account);
  EXPECT_TRUE(st.ok()) << st.error_message();
  if (!st.ok()) return "";
  v1::LoginRequest login;
  login.set_nip(nip);
  login.set_password(password);
  v1::LoginResponse resp;
  st = identity_->Login(CtxAs("").get(), login, &resp);
  EXPECT_TRUE(st.ok()) << st.error_message();
  return resp.session_token();
}

std::vector<std::string> FieldViolations(const grpc::Status& status) {
  std::vector<std::string> out;
  google::rpc::Status details;
  if (!details.ParseFromString(status.error_details())) return out;
  for (const auto& any : details.details()) {
    google::rpc::BadRequest bad;
    if (!any.UnpackTo(&bad)) continue;
    for (const auto& fv : bad.field_violations()) {
      out.push_back(absl::StrCat(fv.field(), ": ", fv.description()));
    }
  }
  return out;
}

v1::Date D(int y, int m, int d) {
  v1::Date date;
  date.set_year(y);
  date.set_month(m);
  date.set_day(d);
  return date;
}

}  // namespace kinerja::testing
