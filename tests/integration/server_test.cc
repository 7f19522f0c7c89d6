// The server's plumbing against a real MariaDB: health, metrics, the request log, readiness,
// migrations under concurrency and after tampering, graceful shutdown.
#include <cstdio>
#include <fstream>
#include <thread>

#include <grpcpp/grpcpp.h>
#include <mysql_driver.h>

#include <cppconn/statement.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/storage/migrations.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "tests/integration/org_fixture.h"
#include "tests/integration/test_server.h"

namespace kinerja::testing {
namespace {

using ::testing::HasSubstr;

void Exec(const DbSettings& db, const std::string& database, const std::string& sql) {
  sql::mysql::MySQL_Driver* driver = sql::mysql::get_mysql_driver_instance();
  std::unique_ptr<sql::Connection> con(
      driver->connect(absl::StrCat("tcp://", db.host, ":", db.port), db.user, db.password));
  con->setSchema(database);
  std::unique_ptr<sql::Statement> st(con->createStatement());
  st->execute(sql);
}

TEST(ServerTest, ServesHealthAndCountsRequestsInMetrics) {
  auto server = TestServer::Start();
  ASSERT_TRUE(server.ok()) << server.status();
  auto& s = **server;

  auto health = grpc::health::v1::Health::NewStub(s.channel());
  grpc::health::v1::HealthCheckRequest hreq;
  grpc::health::v1::HealthCheckResponse hresp;
  ASSERT_TRUE(health->Check(Ctx().get(), hreq, &hresp).ok());
  EXPECT_EQ(hresp.status(), grpc::health::v1::HealthCheckResponse::SERVING);

  v1::PingRequest ping;
  ping.set_payload("halo");
  v1::PingResponse pong;
  ASSERT_TRUE(s.diagnostics().Ping(Ctx().get(), ping, &pong).ok());
  EXPECT_EQ(pong.payload(), "halo");
  v1::GetOpdRequest get;
  get.set_name("opds/NOPE");
  v1::Opd opd;
  EXPECT_EQ(s.directory().GetOpd(Ctx().get(), get, &opd).error_code(), grpc::StatusCode::NOT_FOUND);

  const std::string metrics = s.app().metrics().RenderPrometheus();
  EXPECT_THAT(metrics, HasSubstr("kinerja_grpc_requests_total{method=\"/kinerja.v1."
                                 "DiagnosticsService/Ping\",code=\"OK\"} 1"));
  EXPECT_THAT(metrics, HasSubstr("kinerja_grpc_requests_total{method=\"/kinerja.v1."
                                 "DirectoryService/GetOpd\",code=\"NOT_FOUND\"} 1"));
  EXPECT_THAT(metrics, HasSubstr("kinerja_grpc_request_duration_seconds_count{method=\"/kinerja."
                                 "v1.DirectoryService/GetOpd\"} 1"));
  EXPECT_THAT(metrics, HasSubstr("kinerja_db_pool_size 4"));
  EXPECT_TRUE(s.app().Ready().ok());
}

TEST(ServerTest, WritesOneJsonLogLinePerRequestWithTheRequestId) {
  FILE* log = std::tmpfile();
  ASSERT_NE(log, nullptr);
  ServerOptions options;
  options.log_output = log;
  auto server = TestServer::Start(options);
  ASSERT_TRUE(server.ok()) << server.status();
  auto ctx = Ctx();
  ctx->AddMetadata("x-request-id", "test-req-42");
  v1::PingRequest ping;
  v1::PingResponse pong;
  ASSERT_TRUE((*server)->diagnostics().Ping(ctx.get(), ping, &pong).ok());
  auto echoed = ctx->GetServerInitialMetadata().find("x-request-id");
  ASSERT_NE(echoed, ctx->GetServerInitialMetadata().end());
  EXPECT_EQ(std::string(echoed->second.data(), echoed->second.size()), "test-req-42");
  (*server)->app().Shutdown();
  server->reset();  // nothing writes to the log after this (it is closed below)

  std::rewind(log);
  std::string text;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, log)) > 0) text.append(buf, n);
  std::fclose(log);
  int matching = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n', absl::SkipEmpty())) {
    if (absl::StrContains(line, "DiagnosticsService/Ping")) {
      ++matching;
      EXPECT_THAT(std::string(line), HasSubstr("\"code\":0"));
      EXPECT_THAT(std::string(line), HasSubstr("\"request_id\":\"test-req-42\""));
      EXPECT_THAT(std::string(line), HasSubstr("\"latency_us\":"));
      EXPECT_EQ(line.front(), '{');
      EXPECT_EQ(line.back(), '}');
    }
  }
  EXPECT_EQ(matching, 1);
}

TEST(ServerTest, MigrationsApplyOnceUnderConcurrentStarts) {
  auto db = LoadDbSettings();
  ASSERT_TRUE(db.ok()) << db.status();
  auto name = CreateScratchDatabase(*db);
  ASSERT_TRUE(name.ok());
  storage::ConnectionPool p1(PoolFor(*db, *name)), p2(PoolFor(*db, *name));
  absl::StatusOr<int> r1, r2;
  std::thread t1([&] { r1 = storage::Migrate(p1, storage::EmbeddedMigrations()); });
  std::thread t2([&] { r2 = storage::Migrate(p2, storage::EmbeddedMigrations()); });
  t1.join();
  t2.join();
  ASSERT_TRUE(r1.ok()) << r1.status();
  ASSERT_TRUE(r2.ok()) << r2.status();
  EXPECT_EQ(*r1 + *r2, static_cast<int>(storage::EmbeddedMigrations().size()));
  EXPECT_TRUE(storage::CheckMigrationsCurrent(p1, storage::EmbeddedMigrations(),
                                              absl::Now() + absl::Seconds(5))
                  .ok());
  DropDatabase(*db, *name);
}

TEST(ServerTest, RefusesToStartWhenAnAppliedMigrationChanged) {
  auto server = TestServer::Start();
  ASSERT_TRUE(server.ok()) << server.status();
  const DbSettings db = (*server)->db();
  const std::string database = (*server)->database();
  Exec(db, database, "UPDATE schema_migrations SET checksum = REPEAT('0', 64) WHERE version = 1");
  EXPECT_EQ((*server)->app().Ready().code(), absl::StatusCode::kFailedPrecondition);

  storage::ConnectionPool pool(PoolFor(db, database));
  auto applied = storage::Migrate(pool, storage::EmbeddedMigrations());
  ASSERT_FALSE(applied.ok());
  EXPECT_EQ(applied.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(applied.status().message()), HasSubstr("has changed since it was applied"));
}

TEST(ServerTest, ShutdownLetsACallInFlightFinish) {
  auto server = TestServer::Start();
  ASSERT_TRUE(server.ok()) << server.status();
  auto& s = **server;
  LoadOrg(s.directory());
  // A large import keeps a call in flight while the server is told to stop.
  std::string csv = "nip,nama,jenis_asn,status,kode_jabatan,tmt_jabatan,jenis_mutasi\n";
  for (int i = 0; i < 20000; ++i) {
    absl::StrAppend(&csv, "19900101", 2010 + i / 12000, absl::Dec((i / 1000) % 12 + 1, absl::kZeroPad2),
                    "1", absl::Dec(i % 1000, absl::kZeroPad3), ",Pegawai ", i,
                    ",PNS,AKTIF,DISKOMINFO-PLK,2024-02-01,AWAL\n");
  }
  grpc::Status import_status;
  v1::ImportEmployeesResponse resp;
  std::thread caller([&] {
    v1::ImportEmployeesRequest req;
    req.set_csv(csv);
    import_status = s.directory().ImportEmployees(Ctx(absl::Seconds(60)).get(), req, &resp);
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(150));
  s.app().Shutdown();
  caller.join();
  ASSERT_TRUE(import_status.ok()) << import_status.error_message();
  EXPECT_EQ(resp.employees_created(), 20000);
}

}  // namespace
}  // namespace kinerja::testing
