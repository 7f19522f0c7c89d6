// DirectoryService.ExportEmployees (server streaming) through a real gRPC channel, against a real
// MariaDB: order and content, paging across page boundaries, who may call, unknown OPDs, and a
// client that cancels or runs out of time.
#include <algorithm>
#include <cstdlib>
#include <set>
#include <thread>

#include <grpcpp/grpcpp.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/services/employee_export.h"
#include "tests/integration/org_fixture.h"
#include "tests/integration/test_server.h"

namespace kinerja::testing {
namespace {

using ::grpc::StatusCode;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr char kMethod[] = "/kinerja.v1.DirectoryService/ExportEmployees";

struct Export {
  grpc::Status status;
  std::vector<v1::Employee> employees;

  std::vector<std::string> Nips() const {
    std::vector<std::string> out;
    for (const auto& e : employees) out.push_back(e.nip());
    return out;
  }
};

// NIPs of `count` extra employees: born 1990-01-01, appointed 2015-01..12, sequence 1..100.
std::vector<std::string> ExtraNips(int count) {
  std::vector<std::string> out;
  for (int i = 0; i < count; ++i) {
    out.push_back(absl::StrFormat("199001012015%02d1%03d", i / 100 + 1, i % 100 + 1));
  }
  return out;
}

// Imports `nips` as Pelaksana of DISKOMINFO.
void ImportPelaksana(v1::DirectoryService::Stub& dir, const std::vector<std::string>& nips) {
  std::string csv = "nip,nama,jenis_asn,status,kode_jabatan,tmt_jabatan,jenis_mutasi\n";
  for (size_t i = 0; i < nips.size(); ++i) {
    absl::StrAppend(&csv, nips[i], ",Pegawai ", i, ",PNS,AKTIF,DISKOMINFO-PLK,2024-03-01,AWAL\n");
  }
  v1::ImportEmployeesRequest req;
  req.set_csv(csv);
  v1::ImportEmployeesResponse resp;
  grpc::Status st = dir.ImportEmployees(Ctx(absl::Seconds(120)).get(), req, &resp);
  ASSERT_TRUE(st.ok()) << st.error_message();
  ASSERT_EQ(resp.employees_created(), static_cast<int>(nips.size()));
}

// A channel to `server` whose stream window stays small (no BDP probing, 1 KiB look-ahead): the
// server can get only a little ahead of what the client has read, as with a slow client over a
// slow link, so a test decides when the server is still streaming.
std::shared_ptr<grpc::Channel> SlowReaderChannel(TestServer& server) {
  grpc::ChannelArguments args;
  args.SetInt(GRPC_ARG_HTTP2_BDP_PROBE, 0);
  args.SetInt(GRPC_ARG_HTTP2_STREAM_LOOKAHEAD_BYTES, 1024);
  return grpc::CreateCustomChannel(absl::StrCat("127.0.0.1:", server.app().grpc_port()),
                                   grpc::InsecureChannelCredentials(), args);
}

class ExportTest : public OrgServerTest {
 protected:
  Export Run(std::unique_ptr<grpc::ClientContext> ctx, const v1::ExportEmployeesRequest& req) {
    Export out;
    auto reader = server_->directory().ExportEmployees(ctx.get(), req);
    v1::Employee e;
    while (reader->Read(&e)) out.employees.push_back(e);
    out.status = reader->Finish();
    return out;
  }
  Export RunAs(const std::string& caller, const std::string& opd) {
    v1::ExportEmployeesRequest req;
    req.set_opd(opd);
    return Run(As(caller), req);
  }

  std::unique_ptr<grpc::ClientContext> As(const std::string& token,
                                          absl::Duration timeout = absl::Seconds(30)) {
    return token.rfind("knk_", 0) == 0 ? CtxWithKey(token, timeout) : CtxAs(token, timeout);
  }

  void ImportExtra(const std::vector<std::string>& nips) {
    ImportPelaksana(server_->directory(), nips);
  }

  void Grant(const std::string& nip, v1::Role role, const std::string& opd) {
    v1::GrantRoleRequest req;
    req.mutable_role_grant()->set_account("accounts/" + nip);
    req.mutable_role_grant()->set_role(role);
    req.mutable_role_grant()->set_opd(opd);
    v1::RoleGrant g;
    grpc::Status st = server_->identity().GrantRole(Ctx().get(), req, &g);
    ASSERT_TRUE(st.ok()) << st.error_message();
  }

  // An API key of a new system account scoped to ExportEmployees and `opds` ("*": every OPD).
  std::string SystemKey(const std::string& name, const std::vector<std::string>& opds) {
    v1::CreateSystemAccountRequest acc;
    acc.mutable_account()->set_name("accounts/" + name);
    acc.mutable_account()->set_display_name("Sistem " + name);
    v1::Account account;
    grpc::Status st = server_->identity().CreateSystemAccount(Ctx().get(), acc, &account);
    EXPECT_TRUE(st.ok()) << st.error_message();
    v1::CreateApiKeyRequest req;
    req.set_account("accounts/" + name);
    req.mutable_scope()->add_methods(kMethod);
    for (const auto& o : opds) req.mutable_scope()->add_opds(o);
    req.mutable_expire_time()->set_seconds(
        absl::ToUnixSeconds(server_->clock().Now() + absl::Hours(24 * 30)));
    v1::CreateApiKeyResponse resp;
    st = server_->identity().CreateApiKey(Ctx().get(), req, &resp);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return resp.secret();
  }

  std::unique_ptr<v1::DirectoryService::Stub> SlowReaderStub() {
    slow_channel_ = SlowReaderChannel(*server_);
    return v1::DirectoryService::NewStub(slow_channel_);
  }

  // The server's count of ExportEmployees calls that ended with `code`.
  int Finished(const char* code) {
    const std::string text = server_->app().metrics().RenderPrometheus();
    const std::string key =
        absl::StrCat("kinerja_grpc_requests_total{method=\"", kMethod, "\",code=\"", code, "\"} ");
    const size_t at = text.find(key);
    if (at == std::string::npos) return 0;
    return std::atoi(text.c_str() + at + key.size());
  }

  // Waits (up to 10 s) until the server has finished `n` calls with `code`.
  bool WaitFinished(const char* code, int n) {
    const absl::Time until = absl::Now() + absl::Seconds(10);
    while (Finished(code) < n) {
      if (absl::Now() > until) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
  }

  std::shared_ptr<grpc::Channel> slow_channel_;
};

TEST_F(ExportTest, ExportsAnOpdInNipOrderWithTheCurrentPosition) {
  Export ex = RunAs(server_->admin_token(), "DISKOMINFO");
  ASSERT_TRUE(ex.status.ok()) << ex.status.error_message();
  EXPECT_THAT(ex.Nips(), ElementsAre(kA, kB, kC, kD, kE, kH));
  const v1::Employee& d = ex.employees[3];
  EXPECT_EQ(d.name(), std::string("employees/") + kD);
  EXPECT_EQ(d.full_name(), "Dewi Lestari");
  EXPECT_EQ(d.current_assignment().position(), "DISKOMINFO-PLK");
  EXPECT_EQ(d.current_assignment().position_kind(), v1::PELAKSANA);
  EXPECT_EQ(d.current_assignment().opd(), "DISKOMINFO");
  EXPECT_EQ(d.current_assignment().unit(), "BID-APTIKA");
  EXPECT_FALSE(d.etag().empty());
  for (const auto& e : ex.employees) EXPECT_EQ(e.current_assignment().opd(), "DISKOMINFO");

  Export dinkes = RunAs(server_->admin_token(), "DINKES");
  ASSERT_TRUE(dinkes.status.ok());
  EXPECT_THAT(dinkes.Nips(), ElementsAre(kF, kG));
}

TEST_F(ExportTest, ExportsTheWholeCityForAnAdministrator) {
  Export ex = RunAs(server_->admin_token(), "");
  ASSERT_TRUE(ex.status.ok()) << ex.status.error_message();
  EXPECT_THAT(ex.Nips(), ElementsAre(kSekda, kA, kF, kB, kC, kD, kE, kH, kG));
  EXPECT_EQ(ex.employees[0].current_assignment().position(), "SEKDA");
}

TEST_F(ExportTest, FiltersByPositionKindAndReadsTheAssignmentOfTheDayAsked) {
  v1::ExportEmployeesRequest req;
  req.set_position_kind(v1::PELAKSANA);
  Export ex = Run(Ctx(), req);
  ASSERT_TRUE(ex.status.ok()) << ex.status.error_message();
  EXPECT_THAT(ex.Nips(), ElementsAre(kD, kE, kH, kG));

  // D moves to DINKES from 2026-07-01: the export on a day decides where D is.
  v1::TransferEmployeeRequest transfer;
  transfer.set_employee(std::string("employees/") + kD);
  transfer.set_position("DINKES-PLK");
  *transfer.mutable_effective_date() = D(2026, 7, 1);
  transfer.set_reason(v1::MUTASI);
  v1::Assignment a;
  ASSERT_TRUE(server_->directory().TransferEmployee(Ctx().get(), transfer, &a).ok());

  v1::ExportEmployeesRequest dinkes;
  dinkes.set_opd("DINKES");
  EXPECT_THAT(Run(Ctx(), dinkes).Nips(), ElementsAre(kF, kG));  // today: 2026-06-15
  *dinkes.mutable_date() = D(2026, 7, 1);
  Export later = Run(Ctx(), dinkes);
  EXPECT_THAT(later.Nips(), ElementsAre(kF, kD, kG));
  EXPECT_EQ(later.employees[1].current_assignment().position(), "DINKES-PLK");

  // Before anyone was appointed: the city's employees come without an assignment, an OPD is empty.
  v1::ExportEmployeesRequest before;
  *before.mutable_date() = D(2023, 12, 31);
  Export city = Run(Ctx(), before);
  ASSERT_TRUE(city.status.ok());
  EXPECT_EQ(city.employees.size(), 9u);
  for (const auto& e : city.employees) EXPECT_FALSE(e.has_current_assignment()) << e.nip();
  before.set_opd("DISKOMINFO");
  Export none = Run(Ctx(), before);
  EXPECT_TRUE(none.status.ok());
  EXPECT_TRUE(none.employees.empty());
}

TEST_F(ExportTest, MoreEmployeesThanOnePageArriveCompleteInOrderWithoutDuplicates) {
  const std::vector<std::string> extra = ExtraNips(1200);
  ASSERT_GT(extra.size(), 2u * services::kExportPageSize);
  ImportExtra(extra);

  std::set<std::string> expected(extra.begin(), extra.end());
  expected.insert({kA, kB, kC, kD, kE, kH});
  Export ex = RunAs(server_->admin_token(), "DISKOMINFO");
  ASSERT_TRUE(ex.status.ok()) << ex.status.error_message();
  const std::vector<std::string> nips = ex.Nips();
  EXPECT_EQ(nips.size(), expected.size());
  EXPECT_EQ(std::set<std::string>(nips.begin(), nips.end()), expected);
  for (size_t i = 1; i < nips.size(); ++i) {
    ASSERT_LT(nips[i - 1], nips[i]) << "at " << i;  // strictly increasing: no duplicates
  }

  Export city = RunAs(server_->admin_token(), "");
  ASSERT_TRUE(city.status.ok()) << city.status.error_message();
  EXPECT_EQ(city.employees.size(), expected.size() + 3);  // + Sekda, F, G
  const std::vector<std::string> city_nips = city.Nips();
  EXPECT_TRUE(std::is_sorted(city_nips.begin(), city_nips.end()));
  EXPECT_EQ(std::set<std::string>(city_nips.begin(), city_nips.end()).size(), city_nips.size());
}

TEST_F(ExportTest, OnlyTheListEmployeesAudienceMayExport) {
  const std::string head_a = server_->SignIn(kA);
  const std::string operator_e = server_->SignIn(kE);
  const std::string evaluator_f = server_->SignIn(kF);
  const std::string employee_g = server_->SignIn(kG);
  Grant(kA, v1::OPD_HEAD, "DISKOMINFO");
  Grant(kE, v1::OPD_OPERATOR, "DINKES");
  Grant(kF, v1::EVALUATOR, "");
  const std::string dinkes_key = SystemKey("payroll-dinkes", {"DINKES"});
  const std::string city_key = SystemKey("payroll-bpkad", {"*"});

  struct Row {
    const char* who;
    std::string caller;
    std::string opd;
    StatusCode expected;
    size_t count;
  };
  const std::vector<Row> rows = {
      {"anonymous", "", "DISKOMINFO", StatusCode::UNAUTHENTICATED, 0},
      {"anonymous, the city", "", "", StatusCode::UNAUTHENTICATED, 0},
      {"an employee", employee_g, "DINKES", StatusCode::PERMISSION_DENIED, 0},
      {"the OPD head, own OPD", head_a, "DISKOMINFO", StatusCode::OK, 6},
      {"the OPD head, other OPD", head_a, "DINKES", StatusCode::PERMISSION_DENIED, 0},
      {"the OPD head, the city", head_a, "", StatusCode::PERMISSION_DENIED, 0},
      {"the OPD head, an OPD that does not exist", head_a, "NOPE", StatusCode::PERMISSION_DENIED,
       0},
      {"the OPD operator, own OPD", operator_e, "DINKES", StatusCode::OK, 2},
      {"the OPD operator, another OPD (their own workplace)", operator_e, "DISKOMINFO",
       StatusCode::PERMISSION_DENIED, 0},
      {"the evaluator, the city", evaluator_f, "", StatusCode::PERMISSION_DENIED, 0},
      {"the administrator, the city", server_->admin_token(), "", StatusCode::OK, 9},
      {"a system scoped to DINKES, in scope", dinkes_key, "DINKES", StatusCode::OK, 2},
      {"a system scoped to DINKES, out of scope", dinkes_key, "DISKOMINFO",
       StatusCode::PERMISSION_DENIED, 0},
      {"a system scoped to DINKES, the city", dinkes_key, "", StatusCode::PERMISSION_DENIED, 0},
      {"a system scoped to every OPD, the city", city_key, "", StatusCode::OK, 9},
      {"a system scoped to every OPD, one OPD", city_key, "DINKES", StatusCode::OK, 2},
  };
  for (const Row& r : rows) {
    Export ex = RunAs(r.caller, r.opd);
    EXPECT_EQ(ex.status.error_code(), r.expected) << r.who << ": " << ex.status.error_message();
    EXPECT_EQ(ex.employees.size(), r.count) << r.who;
  }

  // A system key for ListEmployees only does not open the export.
  v1::CreateApiKeyRequest req;
  req.set_account("accounts/payroll-dinkes");
  req.mutable_scope()->add_methods("/kinerja.v1.DirectoryService/ListEmployees");
  req.mutable_scope()->add_opds("DINKES");
  req.mutable_expire_time()->set_seconds(
      absl::ToUnixSeconds(server_->clock().Now() + absl::Hours(24)));
  v1::CreateApiKeyResponse list_only;
  ASSERT_TRUE(server_->identity().CreateApiKey(Ctx().get(), req, &list_only).ok());
  EXPECT_EQ(RunAs(list_only.secret(), "DINKES").status.error_code(), StatusCode::PERMISSION_DENIED);
}

// Unknown OPD codes are NOT_FOUND (the API docs say so), for callers who may read that OPD; a
// malformed code or date is INVALID_ARGUMENT naming the field.
TEST_F(ExportTest, UnknownOpdIsNotFoundAndBadFieldsAreNamed) {
  Export unknown = RunAs(server_->admin_token(), "NOPE");
  EXPECT_EQ(unknown.status.error_code(), StatusCode::NOT_FOUND) << unknown.status.error_message();
  EXPECT_TRUE(unknown.employees.empty());

  Export malformed = RunAs(server_->admin_token(), "opds/DINKES");
  EXPECT_EQ(malformed.status.error_code(), StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(FieldViolations(malformed.status), ElementsAre(HasSubstr("opd")));

  v1::ExportEmployeesRequest bad_date;
  bad_date.set_opd("DINKES");
  *bad_date.mutable_date() = D(2026, 2, 30);
  Export ex = Run(Ctx(), bad_date);
  EXPECT_EQ(ex.status.error_code(), StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(FieldViolations(ex.status), ElementsAre(HasSubstr("date")));

  v1::ExportEmployeesRequest bad_kind;
  bad_kind.set_position_kind(static_cast<v1::PositionKind>(99));
  ex = Run(Ctx(), bad_kind);
  EXPECT_EQ(ex.status.error_code(), StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(FieldViolations(ex.status), ElementsAre(HasSubstr("position_kind")));
}

TEST_F(ExportTest, AClientThatCancelsEndsTheServersWork) {
  ImportExtra(ExtraNips(1200));

  auto slow = SlowReaderStub();
  auto ctx = Ctx(absl::Seconds(30));
  v1::ExportEmployeesRequest req;  // the whole city: three pages
  auto reader = slow->ExportEmployees(ctx.get(), req);
  v1::Employee e;
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(reader->Read(&e)) << i;
  // The server waits for this client, which reads no further: the call is still open.
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(Finished("OK"), 0);
  ctx->TryCancel();
  while (reader->Read(&e)) {
  }
  EXPECT_EQ(reader->Finish().error_code(), StatusCode::CANCELLED);

  // The server finished the call as cancelled (it stopped, rather than reading on) and gave its
  // database connections back.
  EXPECT_TRUE(WaitFinished("CANCELLED", 1)) << server_->app().metrics().RenderPrometheus();
  EXPECT_EQ(Finished("OK"), 0);
  const absl::Time until = absl::Now() + absl::Seconds(10);
  while (server_->app().pool().in_use() > 0 && absl::Now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(server_->app().pool().in_use(), 0);

  // The server stays healthy: the next export is complete.
  Export next = RunAs(server_->admin_token(), "");
  ASSERT_TRUE(next.status.ok()) << next.status.error_message();
  EXPECT_EQ(next.employees.size(), 1209u);
}

TEST_F(ExportTest, AClientThatRunsOutOfTimeGetsDeadlineExceeded) {
  ImportExtra(ExtraNips(1200));

  auto slow = SlowReaderStub();
  auto ctx = Ctx(absl::Milliseconds(1500));
  v1::ExportEmployeesRequest req;
  auto reader = slow->ExportEmployees(ctx.get(), req);
  v1::Employee e;
  ASSERT_TRUE(reader->Read(&e));
  std::this_thread::sleep_for(std::chrono::milliseconds(2000));  // a client too slow to keep up
  int read = 1;
  while (reader->Read(&e)) ++read;
  EXPECT_EQ(reader->Finish().error_code(), StatusCode::DEADLINE_EXCEEDED);
  EXPECT_LT(read, 1209);
  // The server stopped when the deadline passed (it was waiting for this client, not done). It
  // records DEADLINE_EXCEEDED, or CANCELLED when the client's cancellation at its own deadline
  // arrives a moment before the server's timer fires.
  const absl::Time until = absl::Now() + absl::Seconds(10);
  while (Finished("DEADLINE_EXCEEDED") + Finished("CANCELLED") < 1 && absl::Now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(Finished("DEADLINE_EXCEEDED") + Finished("CANCELLED"), 1)
      << server_->app().metrics().RenderPrometheus();
  EXPECT_EQ(Finished("OK"), 0);

  Export next = RunAs(server_->admin_token(), "DINKES");
  EXPECT_TRUE(next.status.ok()) << next.status.error_message();
  EXPECT_THAT(next.Nips(), ElementsAre(kF, kG));
}

TEST(ExportShutdownTest, ShuttingDownEndsAnExportInFlight) {
  ServerOptions options;
  options.shutdown_grace = absl::Milliseconds(500);
  auto server = TestServer::Start(options);
  ASSERT_TRUE(server.ok()) << server.status();
  LoadOrg((*server)->directory());
  ImportPelaksana((*server)->directory(), ExtraNips(1200));

  auto channel = SlowReaderChannel(**server);
  auto stub = v1::DirectoryService::NewStub(channel);
  auto ctx = Ctx(absl::Seconds(30));
  v1::ExportEmployeesRequest req;
  auto reader = stub->ExportEmployees(ctx.get(), req);
  v1::Employee e;
  ASSERT_TRUE(reader->Read(&e));

  // The export waits for this client; shutting down cancels it after the grace period.
  const absl::Time start = absl::Now();
  (*server)->app().Shutdown();
  EXPECT_LT(absl::Now() - start, absl::Seconds(10));
  while (reader->Read(&e)) {
  }
  EXPECT_FALSE(reader->Finish().ok());
  EXPECT_EQ((*server)->app().pool().in_use(), 0);
}

}  // namespace
}  // namespace kinerja::testing
