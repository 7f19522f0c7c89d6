#include "server/auth/authorizer.h"

#include "absl/container/flat_hash_set.h"
#include "gtest/gtest.h"
#include "server/auth/policy_table.h"

namespace kinerja::auth {
namespace {

Principal Person(const std::string& nip, std::vector<Grant> grants = {}) {
  Principal p;
  p.account_id = 7;
  p.kind = v1::PERSON;
  p.account = "accounts/" + nip;
  p.nip = nip;
  p.grants = std::move(grants);
  return p;
}

Principal System(std::vector<std::string> methods, std::vector<std::string> opds) {
  Principal p;
  p.account_id = 9;
  p.kind = v1::SYSTEM;
  p.account = "accounts/payroll";
  Scope s;
  for (auto& m : methods) s.methods.insert(m);
  for (auto& o : opds) {
    if (o == "*") s.all_opds = true; else s.opds.insert(o);
  }
  p.scope = s;
  return p;
}

const MethodPolicy& P(const char* method) {
  const MethodPolicy* p = FindPolicy(method);
  EXPECT_NE(p, nullptr) << method;
  return *p;
}

absl::StatusOr<std::string> NoSuperior() { return absl::NotFoundError("none"); }

TEST(AuthorizerTest, PublicMethodsAdmitAnyone) {
  EXPECT_TRUE(Admit(P("/kinerja.v1.IdentityService/Login"), Principal{}).ok());
  EXPECT_TRUE(Admit(P("/kinerja.v1.DiagnosticsService/Ping"), Principal{}).ok());
}

TEST(AuthorizerTest, ProtectedMethodsNeedCredentials) {
  EXPECT_EQ(Admit(P("/kinerja.v1.DirectoryService/ListOpds"), Principal{}).code(),
            absl::StatusCode::kUnauthenticated);
}

TEST(AuthorizerTest, AdminOnlyMethods) {
  const auto& create = P("/kinerja.v1.DirectoryService/CreateOpd");
  EXPECT_TRUE(Admit(create, Person("1", {{v1::BKPP_ADMIN, ""}})).ok());
  EXPECT_EQ(Admit(create, Person("1", {{v1::OPD_HEAD, "DINKES"}})).code(),
            absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(Admit(create, Person("1", {{v1::EVALUATOR, ""}})).code(),
            absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(Admit(create, Person("1")).code(), absl::StatusCode::kPermissionDenied);
}

TEST(AuthorizerTest, APendingPasswordChangeAllowsOnlyAFewMethods) {
  Principal p = Person("1", {{v1::BKPP_ADMIN, ""}});
  p.must_change_password = true;
  EXPECT_EQ(Admit(P("/kinerja.v1.DirectoryService/CreateOpd"), p).code(),
            absl::StatusCode::kPermissionDenied);
  EXPECT_TRUE(Admit(P("/kinerja.v1.IdentityService/ChangePassword"), p).ok());
  EXPECT_TRUE(Admit(P("/kinerja.v1.IdentityService/Logout"), p).ok());
}

TEST(AuthorizerTest, SystemsReachOnlyTheirMethodsAndOpds) {
  Principal sys = System({"/kinerja.v1.DirectoryService/ListEmployees"}, {"DINKES"});
  const auto& list = P("/kinerja.v1.DirectoryService/ListEmployees");
  EXPECT_TRUE(Admit(list, sys).ok());
  EXPECT_TRUE(CheckOpd(list, sys, "DINKES").ok());
  EXPECT_FALSE(CheckOpd(list, sys, "DISDIK").ok());
  EXPECT_FALSE(CheckOpd(list, sys, "").ok());
  EXPECT_FALSE(Admit(P("/kinerja.v1.DirectoryService/GetEmployee"), sys).ok());
  // A system cannot use an admin-only method even if its scope names it.
  Principal greedy = System({"/kinerja.v1.DirectoryService/CreateOpd"}, {"*"});
  EXPECT_FALSE(Admit(P("/kinerja.v1.DirectoryService/CreateOpd"), greedy).ok());
  Principal all = System({"/kinerja.v1.DirectoryService/ListEmployees"}, {"*"});
  EXPECT_TRUE(CheckOpd(list, all, "").ok());
}

TEST(AuthorizerTest, OpdRolesReachTheirOpdOnly) {
  const auto& list = P("/kinerja.v1.DirectoryService/ListEmployees");
  Principal head = Person("1", {{v1::OPD_HEAD, "DINKES"}});
  EXPECT_TRUE(Admit(list, head).ok());
  EXPECT_TRUE(CheckOpd(list, head, "DINKES").ok());
  EXPECT_FALSE(CheckOpd(list, head, "DISDIK").ok());
  EXPECT_FALSE(CheckOpd(list, head, "").ok());
  EXPECT_TRUE(CheckOpd(list, Person("2", {{v1::BKPP_ADMIN, ""}}), "").ok());
}

TEST(AuthorizerTest, EmployeeRecordsBySelfSuperiorOpdAndAdmin) {
  const auto& get = P("/kinerja.v1.DirectoryService/GetEmployee");
  const std::string d = "198504042010012004", c = "198003032005031003";
  EXPECT_TRUE(CheckEmployee(get, Person(d), d, "DISKOMINFO", NoSuperior).ok());
  EXPECT_FALSE(CheckEmployee(get, Person(d), c, "DISKOMINFO", NoSuperior).ok());
  int superior_lookups = 0;
  auto superior_is_c = [&]() -> absl::StatusOr<std::string> {
    ++superior_lookups;
    return c;
  };
  EXPECT_TRUE(CheckEmployee(get, Person(c), d, "DISKOMINFO", superior_is_c).ok());
  EXPECT_EQ(superior_lookups, 1);
  // The superior is not asked for when the caller is already admitted otherwise.
  EXPECT_TRUE(CheckEmployee(get, Person(d), d, "DISKOMINFO", superior_is_c).ok());
  EXPECT_TRUE(
      CheckEmployee(get, Person("x", {{v1::BKPP_ADMIN, ""}}), d, "", superior_is_c).ok());
  EXPECT_EQ(superior_lookups, 1);
  EXPECT_TRUE(CheckEmployee(get, Person("h", {{v1::OPD_OPERATOR, "DISKOMINFO"}}), d,
                            "DISKOMINFO", NoSuperior)
                  .ok());
  EXPECT_FALSE(CheckEmployee(get, Person("h", {{v1::OPD_OPERATOR, "DINKES"}}), d, "DISKOMINFO",
                             NoSuperior)
                   .ok());
  EXPECT_FALSE(
      CheckEmployee(get, Person("e", {{v1::EVALUATOR, ""}}), d, "DISKOMINFO", NoSuperior).ok());
  // A lost database while asking for the superior is reported as such, not as a refusal.
  auto lost = []() -> absl::StatusOr<std::string> { return absl::UnavailableError("db"); };
  EXPECT_EQ(CheckEmployee(get, Person(c), d, "DISKOMINFO", lost).code(),
            absl::StatusCode::kUnavailable);
}

TEST(AuthorizerTest, OnlyTheAdminAndTheEmployeeThemselfAreAdmittedWithoutTheRecord) {
  const auto& get = P("/kinerja.v1.SkpService/GetSkp");
  const std::string d = "198504042010012004", c = "198003032005031003";
  EXPECT_TRUE(AdmitsAnyEmployee(get, Person(d), d));
  EXPECT_TRUE(AdmitsAnyEmployee(get, Person("x", {{v1::BKPP_ADMIN, ""}}), d));
  // Who else may read needs the employee's OPD or superior: not admitted this way.
  EXPECT_FALSE(AdmitsAnyEmployee(get, Person(c), d));  // perhaps the superior
  EXPECT_FALSE(AdmitsAnyEmployee(get, Person("h", {{v1::OPD_OPERATOR, "DISKOMINFO"}}), d));
  EXPECT_FALSE(AdmitsAnyEmployee(get, Person("e", {{v1::EVALUATOR, ""}}), d));
  EXPECT_FALSE(AdmitsAnyEmployee(get, System({"/kinerja.v1.SkpService/GetSkp"}, {"*"}), d));
  // A public method admits anyone.
  EXPECT_TRUE(AdmitsAnyEmployee(P("/kinerja.v1.DiagnosticsService/Ping"), Person(c), d));
}

TEST(PolicyTableTest, EveryEntryIsWellFormedAndUnique) {
  absl::flat_hash_set<std::string> seen;
  for (const MethodPolicy& p : PolicyTable()) {
    EXPECT_TRUE(seen.insert(p.method).second) << "duplicate " << p.method;
    EXPECT_EQ(p.method[0], '/') << p.method;
    EXPECT_NE(p.audience, 0u) << p.method;
    // Anyone may call a public method, so none may change anything.
    if (p.audience & kPublic) EXPECT_FALSE(p.mutating) << p.method;
  }
  EXPECT_NE(PolicyTableMarkdown().find("`/kinerja.v1.DirectoryService/GetEmployee`"),
            std::string::npos);
}

}  // namespace
}  // namespace kinerja::auth
