// The policy table against the running server: every registered method has an entry, every entry
// names a registered method, every protected method refuses a caller without credentials, and the
// role-by-RPC matrix of DOMAIN.md 9.2 holds, allowed and denied.
#include <fstream>
#include <future>
#include <sstream>

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "google/protobuf/descriptor.h"
#include "gtest/gtest.h"
#include "server/auth/policy_table.h"
#include "tests/integration/org_fixture.h"
#include "tests/integration/test_server.h"

namespace kinerja::testing {
namespace {

using ::grpc::StatusCode;

// gRPC's reflection service: its proto is not in this build, so its one method is named here.
constexpr char kReflectionMethod[] =
    "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo";

std::vector<std::string> RegisteredMethods(const ServerApp& app) {
  std::vector<std::string> methods;
  for (const std::string& service : app.service_names()) {
    const auto* desc =
        google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(service);
    if (desc == nullptr) {
      EXPECT_EQ(service, "grpc.reflection.v1alpha.ServerReflection") << "no descriptor";
      methods.push_back(kReflectionMethod);
      continue;
    }
    for (int i = 0; i < desc->method_count(); ++i) {
      methods.push_back(absl::StrCat("/", service, "/", desc->method(i)->name()));
    }
  }
  return methods;
}

TEST(AccessPolicyTest, EveryRegisteredMethodHasAnEntryAndEveryEntryIsRegistered) {
  auto server = TestServer::Start();
  ASSERT_TRUE(server.ok()) << server.status();
  const std::vector<std::string> methods = RegisteredMethods((*server)->app());
  EXPECT_GT(methods.size(), 30u);
  for (const std::string& m : methods) {
    EXPECT_NE(auth::FindPolicy(m), nullptr) << "no policy entry for " << m;
  }
  for (const auth::MethodPolicy& p : auth::PolicyTable()) {
    EXPECT_THAT(methods, ::testing::Contains(std::string(p.method)))
        << "the policy names a method the server does not register: " << p.method;
  }
}

TEST(AccessPolicyTest, EveryProtectedMethodRefusesACallerWithoutCredentials) {
  auto server = TestServer::Start();
  ASSERT_TRUE(server.ok()) << server.status();
  grpc::GenericStub stub((*server)->channel());
  int checked = 0;
  for (const std::string& method : RegisteredMethods((*server)->app())) {
    const auth::MethodPolicy* policy = auth::FindPolicy(method);
    ASSERT_NE(policy, nullptr);
    if ((policy->audience & auth::kPublic) || method.rfind("/kinerja.", 0) != 0) continue;
    grpc::ClientContext ctx;
    ctx.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(10)));
    grpc::Slice empty("");
    grpc::ByteBuffer request(&empty, 1), response;  // an empty message: every field unset
    std::promise<grpc::Status> done;
    stub.UnaryCall(&ctx, method, grpc::StubOptions(), &request, &response,
                   [&done](grpc::Status st) { done.set_value(st); });
    const grpc::Status st = done.get_future().get();
    EXPECT_EQ(st.error_code(), StatusCode::UNAUTHENTICATED) << method << ": " << st.error_message();
    ++checked;
  }
  EXPECT_GT(checked, 25);
}

TEST(AccessPolicyTest, TheDocumentMatchesTheTable) {
  const std::string doc_path = std::string(KINERJA_SOURCE_DIR) + "/docs/access-policy.md";
  std::ifstream in(doc_path);
  ASSERT_TRUE(in.good()) << doc_path << " is missing; run kinerja_policy_doc";
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(text.str(), auth::PolicyTableMarkdown())
      << "docs/access-policy.md is stale: regenerate it with build/server/kinerja_policy_doc > "
         "docs/access-policy.md";
}

// Callers of the matrix.
struct Callers {
  std::string admin, self_d, superior_c, head_a, operator_e, evaluator_f, employee_g, system_key;
};

class RoleMatrixTest : public OrgServerTest {
 protected:
  void SetUp() override {
    OrgServerTest::SetUp();
    if (HasFatalFailure()) return;
    c_.admin = server_->admin_token();
    c_.self_d = server_->SignIn(kD);
    c_.superior_c = server_->SignIn(kC);
    c_.head_a = server_->SignIn(kA);
    c_.operator_e = server_->SignIn(kE);
    c_.evaluator_f = server_->SignIn(kF);
    c_.employee_g = server_->SignIn(kG);
    Grant(kA, v1::OPD_HEAD, "DISKOMINFO");
    Grant(kE, v1::OPD_OPERATOR, "DINKES");
    Grant(kF, v1::EVALUATOR, "");
    c_.system_key = SystemKey({"/kinerja.v1.DirectoryService/GetEmployee",
                               "/kinerja.v1.DirectoryService/ListEmployees",
                               "/kinerja.v1.IdentityService/GetMyAccount"},
                              {"DINKES"});
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

  std::string SystemKey(const std::vector<std::string>& methods,
                        const std::vector<std::string>& opds) {
    v1::CreateSystemAccountRequest acc;
    acc.mutable_account()->set_name("accounts/payroll-bpkad");
    acc.mutable_account()->set_display_name("Sistem Penggajian BPKAD");
    v1::Account account;
    EXPECT_TRUE(server_->identity().CreateSystemAccount(Ctx().get(), acc, &account).ok());
    v1::CreateApiKeyRequest req;
    req.set_account("accounts/payroll-bpkad");
    for (const auto& m : methods) req.mutable_scope()->add_methods(m);
    for (const auto& o : opds) req.mutable_scope()->add_opds(o);
    req.mutable_expire_time()->set_seconds(
        absl::ToUnixSeconds(server_->clock().Now() + absl::Hours(24 * 30)));
    v1::CreateApiKeyResponse resp;
    grpc::Status st = server_->identity().CreateApiKey(Ctx().get(), req, &resp);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return resp.secret();
  }

  std::unique_ptr<grpc::ClientContext> As(const std::string& token) {
    return token.rfind("knk_", 0) == 0 ? CtxWithKey(token) : CtxAs(token);
  }

  StatusCode GetEmployee(const std::string& caller, const std::string& nip) {
    v1::GetEmployeeRequest req;
    req.set_name("employees/" + nip);
    v1::Employee e;
    return server_->directory().GetEmployee(As(caller).get(), req, &e).error_code();
  }
  StatusCode ListEmployees(const std::string& caller, const std::string& opd) {
    v1::ListEmployeesRequest req;
    req.set_opd(opd);
    v1::ListEmployeesResponse resp;
    return server_->directory().ListEmployees(As(caller).get(), req, &resp).error_code();
  }
  StatusCode GetSuperior(const std::string& caller, const std::string& nip) {
    v1::GetSuperiorRequest req;
    req.set_employee("employees/" + nip);
    v1::Superior s;
    return server_->directory().GetSuperior(As(caller).get(), req, &s).error_code();
  }
  StatusCode ListAssignments(const std::string& caller, const std::string& nip) {
    v1::ListAssignmentsRequest req;
    req.set_parent("employees/" + nip);
    v1::ListAssignmentsResponse resp;
    return server_->directory().ListAssignments(As(caller).get(), req, &resp).error_code();
  }

  Callers c_;
};

TEST_F(RoleMatrixTest, ReadingAnEmployee) {
  struct Row {
    const char* who;
    std::string caller;
    std::string nip;
    StatusCode expected;
  };
  const std::vector<Row> rows = {
      {"anonymous", "", kD, StatusCode::UNAUTHENTICATED},
      {"self", c_.self_d, kD, StatusCode::OK},
      {"another employee of the same OPD", c_.self_d, kE, StatusCode::PERMISSION_DENIED},
      {"an employee reading their superior", c_.self_d, kC, StatusCode::PERMISSION_DENIED},
      {"an employee of another OPD", c_.employee_g, kD, StatusCode::PERMISSION_DENIED},
      {"the superior", c_.superior_c, kD, StatusCode::OK},
      {"a superior of someone else", c_.superior_c, kG, StatusCode::PERMISSION_DENIED},
      {"the OPD head, own OPD", c_.head_a, kD, StatusCode::OK},
      {"the OPD head, other OPD", c_.head_a, kG, StatusCode::PERMISSION_DENIED},
      {"the OPD operator, own OPD", c_.operator_e, kG, StatusCode::OK},
      {"the OPD operator, other OPD", c_.operator_e, kD, StatusCode::PERMISSION_DENIED},
      {"the evaluator", c_.evaluator_f, kD, StatusCode::PERMISSION_DENIED},
      {"the administrator", c_.admin, kD, StatusCode::OK},
      {"a system scoped to DINKES, in scope", c_.system_key, kG, StatusCode::OK},
      {"a system scoped to DINKES, out of scope", c_.system_key, kD, StatusCode::PERMISSION_DENIED},
      {"an employee, a NIP that does not exist", c_.self_d, "199901012020011999",
       StatusCode::PERMISSION_DENIED},
      {"the administrator, a NIP that does not exist", c_.admin, "199901012020011999",
       StatusCode::NOT_FOUND},
  };
  for (const Row& r : rows) {
    EXPECT_EQ(GetEmployee(r.caller, r.nip), r.expected) << "GetEmployee by " << r.who;
  }
}

TEST_F(RoleMatrixTest, TheOperatorOfAnotherOpdReadsNoOneThere) {
  // E is DISKOMINFO staff with an operator role for DINKES: they read DINKES people and
  // themselves, nobody else in DISKOMINFO.
  EXPECT_EQ(GetEmployee(c_.operator_e, kD), StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(GetEmployee(c_.operator_e, kE), StatusCode::OK);
}

TEST_F(RoleMatrixTest, HistoriesAndSuperiorsFollowTheSameRule) {
  EXPECT_EQ(ListAssignments(c_.self_d, kD), StatusCode::OK);
  EXPECT_EQ(ListAssignments(c_.employee_g, kD), StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(ListAssignments(c_.head_a, kD), StatusCode::OK);
  EXPECT_EQ(GetSuperior(c_.self_d, kD), StatusCode::OK);
  EXPECT_EQ(GetSuperior(c_.employee_g, kD), StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(GetSuperior(c_.superior_c, kD), StatusCode::OK);
}

TEST_F(RoleMatrixTest, ListingAnOpd) {
  EXPECT_EQ(ListEmployees(c_.self_d, "DISKOMINFO"), StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(ListEmployees(c_.head_a, "DISKOMINFO"), StatusCode::OK);
  EXPECT_EQ(ListEmployees(c_.head_a, "DINKES"), StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(ListEmployees(c_.head_a, ""), StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(ListEmployees(c_.operator_e, "DINKES"), StatusCode::OK);
  EXPECT_EQ(ListEmployees(c_.evaluator_f, ""), StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(ListEmployees(c_.admin, ""), StatusCode::OK);
  EXPECT_EQ(ListEmployees(c_.system_key, "DINKES"), StatusCode::OK);
  EXPECT_EQ(ListEmployees(c_.system_key, ""), StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(ListEmployees(c_.system_key, "DISKOMINFO"), StatusCode::PERMISSION_DENIED);
}

TEST_F(RoleMatrixTest, AdministrationIsForAdministrators) {
  v1::CreateOpdRequest opd;
  opd.mutable_opd()->set_code("BAPENDA");
  opd.mutable_opd()->set_display_name("Badan Pendapatan Daerah");
  opd.mutable_opd()->set_kind("BADAN");
  v1::Opd created;
  for (const std::string& who : {c_.self_d, c_.head_a, c_.evaluator_f, c_.system_key}) {
    EXPECT_EQ(server_->directory().CreateOpd(As(who).get(), opd, &created).error_code(),
              StatusCode::PERMISSION_DENIED);
  }
  EXPECT_EQ(server_->directory().CreateOpd(As(c_.admin).get(), opd, &created).error_code(),
            StatusCode::OK);

  v1::TransferEmployeeRequest transfer;
  transfer.set_employee(std::string("employees/") + kD);
  transfer.set_position("DINKES-PLK");
  *transfer.mutable_effective_date() = D(2026, 7, 1);
  v1::Assignment a;
  EXPECT_EQ(server_->directory().TransferEmployee(As(c_.head_a).get(), transfer, &a).error_code(),
            StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(server_->directory().TransferEmployee(As(c_.admin).get(), transfer, &a).error_code(),
            StatusCode::OK);

  v1::ListAuditEventsRequest audit;
  v1::ListAuditEventsResponse events;
  EXPECT_EQ(server_->audit().ListAuditEvents(As(c_.evaluator_f).get(), audit, &events).error_code(),
            StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(server_->audit().ListAuditEvents(As(c_.admin).get(), audit, &events).error_code(),
            StatusCode::OK);

  v1::ResetPasswordRequest reset;
  reset.set_account(std::string("accounts/") + kG);
  reset.set_new_password("Sangat-Rahasia-99");
  v1::Account account;
  EXPECT_EQ(server_->identity().ResetPassword(As(c_.head_a).get(), reset, &account).error_code(),
            StatusCode::PERMISSION_DENIED);
}

TEST_F(RoleMatrixTest, TheOrganisationIsReadableByEveryoneSignedIn) {
  v1::ListOpdsRequest req;
  v1::ListOpdsResponse resp;
  EXPECT_EQ(server_->directory().ListOpds(As(c_.self_d).get(), req, &resp).error_code(),
            StatusCode::OK);
  EXPECT_EQ(server_->directory().ListOpds(As("").get(), req, &resp).error_code(),
            StatusCode::UNAUTHENTICATED);
  // A system reaches only the methods its key names.
  EXPECT_EQ(server_->directory().ListOpds(As(c_.system_key).get(), req, &resp).error_code(),
            StatusCode::PERMISSION_DENIED);
  v1::GetMyAccountRequest me;
  v1::Account account;
  EXPECT_EQ(server_->identity().GetMyAccount(As(c_.system_key).get(), me, &account).error_code(),
            StatusCode::OK);
  EXPECT_EQ(account.name(), "accounts/payroll-bpkad");
}

}  // namespace
}  // namespace kinerja::testing
