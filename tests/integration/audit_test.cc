// The audit log: every mutating RPC of the policy table writes a row (actor, method, resource,
// request id, before/after), administrators list it with filters, and nobody can change or delete
// a row, the application's own database user included.
#include <mysql_driver.h>

#include <set>

#include <cppconn/exception.h>
#include <cppconn/statement.h>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "kinerja/v1/skp.grpc.pb.h"
#include "server/auth/policy_table.h"
#include "tests/integration/org_fixture.h"
#include "tests/integration/test_server.h"

namespace kinerja::testing {
namespace {

using ::testing::HasSubstr;

class AuditTest : public OrgServerTest {
 protected:
  std::vector<v1::AuditEvent> Events(v1::ListAuditEventsRequest req = {}) {
    std::vector<v1::AuditEvent> out;
    std::string token;
    do {
      req.set_page_token(token);
      req.set_page_size(20);
      v1::ListAuditEventsResponse resp;
      grpc::Status st = server_->audit().ListAuditEvents(Ctx().get(), req, &resp);
      EXPECT_TRUE(st.ok()) << st.error_message();
      if (!st.ok()) break;
      for (const auto& e : resp.audit_events()) out.push_back(e);
      token = resp.next_page_token();
    } while (!token.empty());
    return out;
  }

  // Runs one successful call of every mutating RPC the server has.
  void CallEveryMutatingRpc() {
    auto& dir = server_->directory();
    auto& id = server_->identity();
    auto ok = [](const grpc::Status& st, const char* what) {
      EXPECT_TRUE(st.ok()) << what << ": " << st.error_message();
    };
    // LoadOrg already called CreateOpd, CreateUnit, CreatePosition and ImportEmployees.
    {
      v1::UpdatePositionRequest req;
      req.mutable_position()->set_name("positions/DINKES-PLK");
      req.mutable_position()->set_title("Pengelola Layanan Kesehatan");
      req.mutable_update_mask()->add_paths("title");
      v1::Position p;
      ok(dir.UpdatePosition(Ctx().get(), req, &p), "UpdatePosition");
    }
    {
      v1::CreateEmployeeRequest req;
      req.mutable_employee()->set_nip("199505052020122001");
      req.mutable_employee()->set_full_name("Rina Marlina");
      req.mutable_employee()->set_employee_type(v1::PPPK);
      v1::Employee e;
      ok(dir.CreateEmployee(Ctx().get(), req, &e), "CreateEmployee");
    }
    {
      v1::TransferEmployeeRequest req;
      req.set_employee(std::string("employees/") + kD);
      req.set_position("DINKES-PLK");
      *req.mutable_effective_date() = D(2026, 7, 1);
      req.set_request_id("audit-transfer-1");
      v1::Assignment a;
      ok(dir.TransferEmployee(Ctx().get(), req, &a), "TransferEmployee");
    }
    {
      v1::CreateActingAssignmentRequest req;
      auto* a = req.mutable_acting_assignment();
      a->set_employee(kC);
      a->set_position("DISKOMINFO-KASI2");
      a->set_kind(v1::PLT);
      *a->mutable_start_date() = D(2026, 6, 1);
      *a->mutable_end_date() = D(2026, 6, 30);
      v1::ActingAssignment created;
      ok(dir.CreateActingAssignment(Ctx().get(), req, &created), "CreateActingAssignment");
    }
    const std::string token = server_->SignIn(kG);  // ResetPassword
    {
      v1::ChangePasswordRequest req;
      req.set_current_password("Rahasia-Semarang-2026");
      req.set_new_password("Gunawan-Baru-2026");
      v1::ChangePasswordResponse resp;
      ok(id.ChangePassword(CtxAs(token).get(), req, &resp), "ChangePassword");
    }
    v1::RoleGrant grant;
    {
      v1::GrantRoleRequest req;
      req.mutable_role_grant()->set_account(std::string("accounts/") + kG);
      req.mutable_role_grant()->set_role(v1::OPD_OPERATOR);
      req.mutable_role_grant()->set_opd("DINKES");
      ok(id.GrantRole(Ctx().get(), req, &grant), "GrantRole");
    }
    {
      v1::RevokeRoleRequest req;
      req.set_name(grant.name());
      v1::RevokeRoleResponse resp;
      ok(id.RevokeRole(Ctx().get(), req, &resp), "RevokeRole");
    }
    {
      v1::CreateSystemAccountRequest req;
      req.mutable_account()->set_name("accounts/payroll-bpkad");
      req.mutable_account()->set_display_name("Penggajian BPKAD");
      v1::Account a;
      ok(id.CreateSystemAccount(Ctx().get(), req, &a), "CreateSystemAccount");
    }
    v1::CreateApiKeyResponse key;
    {
      v1::CreateApiKeyRequest req;
      req.set_account("accounts/payroll-bpkad");
      req.mutable_scope()->add_methods("/kinerja.v1.DirectoryService/ListOpds");
      req.mutable_expire_time()->set_seconds(
          absl::ToUnixSeconds(server_->clock().Now() + absl::Hours(24)));
      ok(id.CreateApiKey(Ctx().get(), req, &key), "CreateApiKey");
    }
    {
      v1::RevokeApiKeyRequest req;
      req.set_name(key.api_key().name());
      v1::ApiKey k;
      ok(id.RevokeApiKey(Ctx().get(), req, &k), "RevokeApiKey");
    }
    {
      v1::RegisterClientCertificateRequest req;
      req.mutable_client_certificate()->set_subject("CN=payroll,OU=BPKAD,O=Pemerintah Kota Semarang");
      req.mutable_client_certificate()->set_account("accounts/payroll-bpkad");
      req.mutable_client_certificate()->mutable_scope()->add_methods(
          "/kinerja.v1.DirectoryService/ListOpds");
      v1::ClientCertificate cert;
      ok(id.RegisterClientCertificate(Ctx().get(), req, &cert), "RegisterClientCertificate");
    }
    CallEverySkpRpc(ok);
  }

  // The SKP lifecycle from plan to FINAL: the head of DISKOMINFO (A) plans under the Sekda, B under A.
  template <typename Ok>
  void CallEverySkpRpc(const Ok& ok) {
    auto skp = v1::SkpService::NewStub(server_->channel());
    const std::string sekda = server_->SignIn(kSekda), a = server_->SignIn(kA),
                      b = server_->SignIn(kB), f = server_->SignIn(kF);
    auto plan = [](const std::string& nip, const std::string& intervensi) {
      v1::CreateSkpRequest req;
      req.set_parent("employees/" + nip);
      req.mutable_skp()->set_year(2026);
      req.mutable_skp()->set_approach(v1::SKP_APPROACH_KUALITATIF);
      v1::Rhk* rhk = req.mutable_skp()->add_rhks();
      rhk->set_kind(v1::RHK_KIND_UTAMA);
      rhk->set_text("Meningkatnya layanan digital");
      rhk->set_intervensi(intervensi);
      rhk->set_perjanjian_kinerja(intervensi.empty() ? "PK 2026" : "");
      if (intervensi.empty()) rhk->set_perspective(v1::PERSPECTIVE_PENERIMA_LAYANAN);
      v1::Iki* iki = rhk->add_ikis();
      iki->set_text("Indeks kepuasan layanan");
      iki->set_aspect(v1::IKI_ASPECT_KUALITAS);
      iki->set_target("baik");
      iki->set_unit("predikat");
      return req;
    };
    auto step = [&](auto rpc, const std::string& token, const std::string& name, const char* what,
                    const std::string& note = "") {
      v1::TransitionSkpRequest req;
      req.set_name(name);
      req.set_note(note);
      v1::Skp out;
      ok(((*skp).*rpc)(CtxAs(token).get(), req, &out), what);
      return out;
    };
    v1::Skp top;
    ok(skp->CreateSkp(CtxAs(a).get(), plan(kA, ""), &top), "CreateSkp");
    step(&v1::SkpService::Stub::SubmitSkp, a, top.name(), "SubmitSkp");
    top = step(&v1::SkpService::Stub::ApproveSkp, sekda, top.name(), "ApproveSkp");
    v1::Skp mine;
    ok(skp->CreateSkp(CtxAs(b).get(), plan(kB, top.rhks(0).id()), &mine), "CreateSkp");
    {
      v1::UpdateSkpRequest req;
      *req.mutable_skp() = mine;
      req.mutable_skp()->mutable_rhks(0)->set_text("Meningkatnya layanan digital kota");
      ok(skp->UpdateSkp(CtxAs(b).get(), req, &mine), "UpdateSkp");
    }
    step(&v1::SkpService::Stub::SubmitSkp, b, mine.name(), "SubmitSkp");
    mine = step(&v1::SkpService::Stub::ReturnSkp, a, mine.name(), "ReturnSkp", "Lengkapi target");
    {
      v1::UpdateSkpRequest req;
      *req.mutable_skp() = mine;
      ok(skp->UpdateSkp(CtxAs(b).get(), req, &mine), "UpdateSkp");
    }
    step(&v1::SkpService::Stub::SubmitSkp, b, mine.name(), "SubmitSkp");
    step(&v1::SkpService::Stub::ApproveSkp, a, mine.name(), "ApproveSkp");
    {
      v1::SetExpectationsRequest req;
      req.set_name(mine.name());
      v1::Expectation* e = req.add_expectations();
      e->set_value(v1::BERAKHLAK_KOLABORATIF);
      e->set_text("Aktif berbagi data dengan OPD lain");
      v1::Skp out;
      ok(skp->SetExpectations(CtxAs(a).get(), req, &out), "SetExpectations");
    }
    {
      v1::EvaluateSkpRequest req;
      req.set_name(mine.name());
      req.mutable_evaluation()->set_hasil_kerja(v1::RATING_SESUAI_EKSPEKTASI);
      req.mutable_evaluation()->set_perilaku_kerja(v1::RATING_SESUAI_EKSPEKTASI);
      v1::Skp out;
      ok(skp->EvaluateSkp(CtxAs(a).get(), req, &out), "EvaluateSkp");
    }
    {
      v1::GrantRoleRequest grant;
      grant.mutable_role_grant()->set_account(std::string("accounts/") + kF);
      grant.mutable_role_grant()->set_role(v1::EVALUATOR);
      v1::RoleGrant g;
      ok(server_->identity().GrantRole(Ctx().get(), grant, &g), "GrantRole");
      v1::SetOrganizationPredikatRequest req;
      req.set_name("opds/DISKOMINFO/years/2026");
      req.set_predikat(v1::ORGANIZATION_PREDIKAT_ISTIMEWA);
      v1::OrganizationPredikat out;
      ok(skp->SetOrganizationPredikat(CtxAs(f).get(), req, &out), "SetOrganizationPredikat");
    }
    {
      v1::FinalizeOpdSkpsRequest req;
      req.set_name("opds/DISKOMINFO/years/2026");
      v1::FinalizeOpdSkpsResponse out;
      ok(skp->FinalizeOpdSkps(Ctx().get(), req, &out), "FinalizeOpdSkps");
    }
    step(&v1::SkpService::Stub::ReviseSkp, a, top.name(), "ReviseSkp");
    {
      // A plan for C (under B) from an exchange file, its intervensi B's approved RHK by text.
      v1::SkpExchangeFile file;
      file.set_format_version("kinerja-skp-1");
      v1::SkpExchangeRecord* r = file.add_skp();
      r->set_nip(kC);
      r->set_unit_kerja("DISKOMINFO");
      r->set_tahun(2026);
      r->set_pendekatan("KUALITATIF");
      v1::SkpExchangeHasilKerja* h = r->add_hasil_kerja();
      h->set_jenis("UTAMA");
      h->set_rencana_hasil_kerja("Terkelolanya jaringan kota");
      h->set_rhk_atasan_yang_diintervensi("Meningkatnya layanan digital kota");
      v1::ImportSkpsRequest req;
      req.set_name("opds/DISKOMINFO/years/2026");
      req.set_format(v1::EXCHANGE_FORMAT_JSON);
      ASSERT_TRUE(google::protobuf::util::MessageToJsonString(file, req.mutable_content()).ok());
      v1::ImportSkpsResponse out;
      ok(skp->ImportSkps(Ctx().get(), req, &out), "ImportSkps");
      EXPECT_EQ(out.created(), 1);
    }
  }
};

TEST_F(AuditTest, EveryMutatingRpcWritesARow) {
  CallEveryMutatingRpc();
  std::set<std::string> audited;
  for (const auto& e : Events()) audited.insert(e.method());
  std::set<std::string> mutating;
  for (const auth::MethodPolicy& p : auth::PolicyTable()) {
    if (p.mutating) mutating.insert(p.method);
  }
  for (const std::string& m : mutating) {
    EXPECT_TRUE(audited.count(m)) << "no audit row for " << m;
  }
}

TEST_F(AuditTest, ARowHoldsWhoWhatWhenAndBeforeAndAfter) {
  CallEveryMutatingRpc();
  v1::ListAuditEventsRequest req;
  req.set_method("/kinerja.v1.DirectoryService/TransferEmployee");
  auto events = Events(req);
  ASSERT_EQ(events.size(), 1u);
  const v1::AuditEvent& e = events[0];
  EXPECT_EQ(e.actor(), std::string("accounts/") + kAdminNip);
  EXPECT_EQ(e.resource(), std::string("employees/") + kD);
  EXPECT_GT(e.time().seconds(), 0);
  EXPECT_EQ(e.request_id().size(), 16u);  // generated by the server: the client sent none
  EXPECT_THAT(e.before_json(), HasSubstr("DISKOMINFO-PLK"));
  EXPECT_THAT(e.before_json(), ::testing::Not(HasSubstr("DINKES-PLK")));
  EXPECT_THAT(e.after_json(), HasSubstr("DINKES-PLK"));
  EXPECT_THAT(e.after_json(), HasSubstr("\"end_date\""));

  // Filters: by actor, by resource prefix.
  v1::ListAuditEventsRequest by_resource;
  by_resource.set_resource_prefix("positions/");
  for (const auto& ev : Events(by_resource)) EXPECT_THAT(ev.resource(), ::testing::StartsWith("positions/"));
  v1::ListAuditEventsRequest by_actor;
  by_actor.set_actor(std::string("accounts/") + kG);
  auto own = Events(by_actor);
  ASSERT_EQ(own.size(), 1u);
  EXPECT_EQ(own[0].method(), "/kinerja.v1.IdentityService/ChangePassword");
  EXPECT_THAT(own[0].after_json(), ::testing::Not(HasSubstr("Gunawan-Baru")));  // no secrets
}

TEST_F(AuditTest, TheClientsRequestIdIsKept) {
  auto ctx = Ctx();
  ctx->AddMetadata("x-request-id", "bkpp-console-7f3a");
  v1::CreateOpdRequest req;
  req.mutable_opd()->set_code("BAPENDA");
  req.mutable_opd()->set_display_name("Badan Pendapatan Daerah");
  req.mutable_opd()->set_kind("BADAN");
  v1::Opd opd;
  ASSERT_TRUE(server_->directory().CreateOpd(ctx.get(), req, &opd).ok());
  v1::ListAuditEventsRequest list;
  list.set_resource_prefix("opds/BAPENDA");
  auto events = Events(list);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].request_id(), "bkpp-console-7f3a");
}

TEST_F(AuditTest, RowsCannotBeChangedOrDeleted) {
  CallEveryMutatingRpc();
  const DbSettings& db = server_->db();
  sql::mysql::MySQL_Driver* driver = sql::mysql::get_mysql_driver_instance();
  std::unique_ptr<sql::Connection> con(
      driver->connect(absl::StrCat("tcp://", db.host, ":", db.port), db.user, db.password));
  con->setSchema(server_->database());
  std::unique_ptr<sql::Statement> st(con->createStatement());
  EXPECT_THROW(st->execute("UPDATE audit_log SET actor = 'someone-else'"), sql::SQLException);
  EXPECT_THROW(st->execute("DELETE FROM audit_log"), sql::SQLException);
  EXPECT_FALSE(Events().empty());
  for (const auto& e : Events()) EXPECT_NE(e.actor(), "someone-else");
}

}  // namespace
}  // namespace kinerja::testing
