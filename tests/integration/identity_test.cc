// Sign-in, sessions, passwords and API keys against the real server and MariaDB: the throttle and
// the lock, no user enumeration, forced password change, and expired and revoked credentials.
#include <algorithm>
#include <mysql_driver.h>

#include <cppconn/resultset.h>
#include <cppconn/statement.h>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/integration/org_fixture.h"
#include "tests/integration/test_server.h"

namespace kinerja::testing {
namespace {

using ::grpc::StatusCode;
using ::testing::HasSubstr;

constexpr char kPassword[] = "Rahasia-Semarang-2026";

class IdentityTest : public OrgServerTest {
 protected:
  grpc::Status Login(const std::string& nip, const std::string& password,
                     v1::LoginResponse* resp = nullptr) {
    v1::LoginRequest req;
    req.set_nip(nip);
    req.set_password(password);
    v1::LoginResponse r;
    grpc::Status st = server_->identity().Login(CtxAs("").get(), req, &r);
    if (resp) *resp = r;
    return st;
  }

  StatusCode ListOpdsAs(const std::string& token) {
    v1::ListOpdsRequest req;
    v1::ListOpdsResponse resp;
    return server_->directory().ListOpds(CtxAs(token).get(), req, &resp).error_code();
  }

  void Advance(absl::Duration d) { server_->clock().Set(server_->clock().Now() + d); }

  std::string QueryOne(const std::string& sql) {
    sql::mysql::MySQL_Driver* driver = sql::mysql::get_mysql_driver_instance();
    const DbSettings& db = server_->db();
    std::unique_ptr<sql::Connection> con(
        driver->connect(absl::StrCat("tcp://", db.host, ":", db.port), db.user, db.password));
    con->setSchema(server_->database());
    std::unique_ptr<sql::Statement> st(con->createStatement());
    std::unique_ptr<sql::ResultSet> rs(st->executeQuery(sql));
    return rs->next() ? std::string(rs->getString(1)) : "";
  }
};

TEST_F(IdentityTest, SignsInAndStoresOnlyHashes) {
  const std::string token = server_->SignIn(kD, kPassword);
  ASSERT_FALSE(token.empty());
  EXPECT_EQ(ListOpdsAs(token), StatusCode::OK);
  const std::string hash = QueryOne(absl::StrCat(
      "SELECT password_hash FROM accounts WHERE nip = '", kD, "'"));
  EXPECT_THAT(hash, ::testing::StartsWith("$argon2id$"));
  EXPECT_EQ(QueryOne(absl::StrCat("SELECT COUNT(*) FROM sessions WHERE token_hash = '", token, "'")),
            "0");
  EXPECT_EQ(QueryOne("SELECT COUNT(*) FROM accounts WHERE password_hash LIKE '%Rahasia%'"), "0");
}

TEST_F(IdentityTest, AWrongPasswordAndAnUnknownNipGetTheSameAnswerInAboutTheSameTime) {
  ASSERT_FALSE(server_->SignIn(kD, kPassword).empty());
  auto timed = [&](const std::string& nip) {
    const absl::Time start = absl::Now();
    grpc::Status st = Login(nip, "Salah-Sandi-12345");
    return std::make_pair(st, absl::Now() - start);
  };
  // Different NIPs for each try, so that no throttle gets in the way of the timing.
  std::vector<absl::Duration> wrong, unknown;
  grpc::Status wrong_status, unknown_status;
  const char* known[] = {kD};
  for (int i = 0; i < 3; ++i) {
    auto [st_w, t_w] = timed(known[0]);
    auto [st_u, t_u] = timed(absl::StrCat("19990101202001100", i));
    wrong.push_back(t_w);
    unknown.push_back(t_u);
    wrong_status = st_w;
    unknown_status = st_u;
  }
  EXPECT_EQ(wrong_status.error_code(), StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(unknown_status.error_code(), StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(wrong_status.error_message(), unknown_status.error_message());
  std::sort(wrong.begin(), wrong.end());
  std::sort(unknown.begin(), unknown.end());
  const double ratio = absl::FDivDuration(unknown[1], wrong[1]);
  EXPECT_GT(ratio, 0.5) << "unknown " << unknown[1] << " vs wrong " << wrong[1];
  EXPECT_LT(ratio, 2.0) << "unknown " << unknown[1] << " vs wrong " << wrong[1];
}

TEST_F(IdentityTest, RepeatedFailuresSlowDownThenLockTheAccountForAWhile) {
  ASSERT_FALSE(server_->SignIn(kD, kPassword).empty());
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(Login(kD, "Salah-Sandi-12345").error_code(), StatusCode::UNAUTHENTICATED);
  }
  // The fourth attempt comes too soon.
  grpc::Status st = Login(kD, kPassword);
  EXPECT_EQ(st.error_code(), StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(st.error_message(), HasSubstr("try again after"));
  // Waiting makes room for one more try, each wait twice the last.
  for (int i = 3; i < 10; ++i) {
    Advance(absl::Seconds(31));
    EXPECT_EQ(Login(kD, "Salah-Sandi-12345").error_code(), StatusCode::UNAUTHENTICATED) << i;
  }
  // Ten failures lock the account: even the right password is refused.
  Advance(absl::Seconds(31));
  EXPECT_EQ(Login(kD, kPassword).error_code(), StatusCode::RESOURCE_EXHAUSTED);
  Advance(absl::Minutes(10));
  EXPECT_EQ(Login(kD, kPassword).error_code(), StatusCode::RESOURCE_EXHAUSTED);
  Advance(absl::Minutes(6));
  EXPECT_EQ(Login(kD, kPassword).error_code(), StatusCode::OK);
}

TEST_F(IdentityTest, AnUnknownNipIsThrottledLikeARealOne) {
  const std::string nobody = "198001012005011999";
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(Login(nobody, "Salah-Sandi-12345").error_code(), StatusCode::UNAUTHENTICATED);
  }
  EXPECT_EQ(Login(nobody, "Salah-Sandi-12345").error_code(), StatusCode::RESOURCE_EXHAUSTED);
}

TEST_F(IdentityTest, AResetPasswordMustBeChangedBeforeAnythingElse) {
  v1::ResetPasswordRequest reset;
  reset.set_account(std::string("accounts/") + kG);
  reset.set_new_password("Sementara-Sandi-1");
  v1::Account account;
  ASSERT_TRUE(server_->identity().ResetPassword(Ctx().get(), reset, &account).ok());
  EXPECT_TRUE(account.must_change_password());
  v1::LoginResponse login;
  ASSERT_TRUE(Login(kG, "Sementara-Sandi-1", &login).ok());
  EXPECT_TRUE(login.must_change_password());
  EXPECT_EQ(ListOpdsAs(login.session_token()), StatusCode::PERMISSION_DENIED);

  v1::ChangePasswordRequest change;
  change.set_current_password("Sementara-Sandi-1");
  change.set_new_password("123");  // too weak
  v1::ChangePasswordResponse changed;
  EXPECT_EQ(server_->identity()
                .ChangePassword(CtxAs(login.session_token()).get(), change, &changed)
                .error_code(),
            StatusCode::INVALID_ARGUMENT);
  change.set_new_password(std::string("Sandi-") + kG);  // contains the NIP
  EXPECT_EQ(server_->identity()
                .ChangePassword(CtxAs(login.session_token()).get(), change, &changed)
                .error_code(),
            StatusCode::INVALID_ARGUMENT);
  change.set_new_password("Gunawan-Baru-2026");
  ASSERT_TRUE(
      server_->identity().ChangePassword(CtxAs(login.session_token()).get(), change, &changed).ok());
  EXPECT_EQ(ListOpdsAs(login.session_token()), StatusCode::OK);
  EXPECT_EQ(Login(kG, "Sementara-Sandi-1").error_code(), StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(Login(kG, "Gunawan-Baru-2026").error_code(), StatusCode::OK);
}

TEST_F(IdentityTest, LoggedOutExpiredAndIdleSessionsAreRefused) {
  std::string token = server_->SignIn(kD, kPassword);
  v1::LogoutRequest logout;
  v1::LogoutResponse out;
  ASSERT_TRUE(server_->identity().Logout(CtxAs(token).get(), logout, &out).ok());
  EXPECT_EQ(ListOpdsAs(token), StatusCode::UNAUTHENTICATED);

  v1::LoginResponse login;
  ASSERT_TRUE(Login(kD, kPassword, &login).ok());
  token = login.session_token();
  EXPECT_EQ(ListOpdsAs(token), StatusCode::OK);
  Advance(absl::Minutes(31));  // idle
  EXPECT_EQ(ListOpdsAs(token), StatusCode::UNAUTHENTICATED);

  ASSERT_TRUE(Login(kD, kPassword, &login).ok());
  token = login.session_token();
  for (int i = 0; i < 26; ++i) {  // active, but past the 12-hour lifetime
    Advance(absl::Minutes(29));
    if (i < 24) {
      EXPECT_EQ(ListOpdsAs(token), StatusCode::OK) << i;
    }
  }
  EXPECT_EQ(ListOpdsAs(token), StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(ListOpdsAs("kns_this-is-not-a-real-token-at-all-0000000000"),
            StatusCode::UNAUTHENTICATED);
}

TEST_F(IdentityTest, ApiKeysAreScopedAndRefusedOnceRevokedOrExpired) {
  v1::CreateSystemAccountRequest acc;
  acc.mutable_account()->set_name("accounts/sipd-keuangan");
  acc.mutable_account()->set_display_name("SIPD Keuangan");
  v1::Account account;
  ASSERT_TRUE(server_->identity().CreateSystemAccount(Ctx().get(), acc, &account).ok());
  auto make_key = [&](absl::Duration valid) {
    v1::CreateApiKeyRequest req;
    req.set_account("accounts/sipd-keuangan");
    req.mutable_scope()->add_methods("/kinerja.v1.DirectoryService/ListOpds");
    req.mutable_scope()->add_opds("*");
    req.mutable_expire_time()->set_seconds(absl::ToUnixSeconds(server_->clock().Now() + valid));
    v1::CreateApiKeyResponse resp;
    grpc::Status st = server_->identity().CreateApiKey(Ctx().get(), req, &resp);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return resp;
  };
  auto call = [&](const std::string& key) {
    v1::ListOpdsRequest req;
    v1::ListOpdsResponse resp;
    return server_->directory().ListOpds(CtxWithKey(key).get(), req, &resp).error_code();
  };
  v1::CreateApiKeyResponse key = make_key(absl::Hours(48));
  ASSERT_THAT(key.secret(), ::testing::StartsWith("knk_"));
  EXPECT_EQ(call(key.secret()), StatusCode::OK);
  // Out of scope.
  v1::GetOpdRequest get;
  get.set_name("opds/DINKES");
  v1::Opd opd;
  EXPECT_EQ(server_->directory().GetOpd(CtxWithKey(key.secret()).get(), get, &opd).error_code(),
            StatusCode::PERMISSION_DENIED);
  // A forged secret for a real key id.
  std::string forged = key.secret();
  forged.back() = forged.back() == 'A' ? 'B' : 'A';
  EXPECT_EQ(call(forged), StatusCode::UNAUTHENTICATED);
  // Revoked.
  v1::RevokeApiKeyRequest revoke;
  revoke.set_name(key.api_key().name());
  v1::ApiKey revoked;
  ASSERT_TRUE(server_->identity().RevokeApiKey(Ctx().get(), revoke, &revoked).ok());
  EXPECT_TRUE(revoked.has_revoke_time());
  EXPECT_EQ(call(key.secret()), StatusCode::UNAUTHENTICATED);
  // Expired.
  v1::CreateApiKeyResponse short_lived = make_key(absl::Hours(1));
  EXPECT_EQ(call(short_lived.secret()), StatusCode::OK);
  Advance(absl::Hours(2));
  server_->ReauthenticateAdmin();
  EXPECT_EQ(call(short_lived.secret()), StatusCode::UNAUTHENTICATED);
  // The secret is never stored or listed.
  v1::ListApiKeysRequest list;
  v1::ListApiKeysResponse keys;
  ASSERT_TRUE(server_->identity().ListApiKeys(Ctx().get(), list, &keys).ok());
  EXPECT_EQ(keys.api_keys_size(), 2);
  EXPECT_EQ(QueryOne(absl::StrCat("SELECT COUNT(*) FROM api_keys WHERE secret_hash LIKE '%",
                                  key.secret().substr(22, 10), "%'")),
            "0");
}

TEST_F(IdentityTest, RolesAreGrantedAndRevokedByAdministrators) {
  const std::string head = server_->SignIn(kA, kPassword);
  v1::ListEmployeesRequest list;
  list.set_opd("DISKOMINFO");
  v1::ListEmployeesResponse resp;
  EXPECT_EQ(server_->directory().ListEmployees(CtxAs(head).get(), list, &resp).error_code(),
            StatusCode::PERMISSION_DENIED);
  v1::GrantRoleRequest grant;
  grant.mutable_role_grant()->set_account(std::string("accounts/") + kA);
  grant.mutable_role_grant()->set_role(v1::OPD_HEAD);
  grant.mutable_role_grant()->set_opd("DISKOMINFO");
  v1::RoleGrant granted;
  ASSERT_TRUE(server_->identity().GrantRole(Ctx().get(), grant, &granted).ok());
  EXPECT_EQ(server_->directory().ListEmployees(CtxAs(head).get(), list, &resp).error_code(),
            StatusCode::OK);
  // An OPD role needs its OPD; a city role refuses one.
  grant.mutable_role_grant()->set_opd("");
  EXPECT_EQ(server_->identity().GrantRole(Ctx().get(), grant, &granted).error_code(),
            StatusCode::INVALID_ARGUMENT);
  v1::RevokeRoleRequest revoke;
  revoke.set_name(granted.name());
  v1::RevokeRoleResponse revoked;
  ASSERT_TRUE(server_->identity().RevokeRole(Ctx().get(), revoke, &revoked).ok());
  EXPECT_EQ(server_->directory().ListEmployees(CtxAs(head).get(), list, &resp).error_code(),
            StatusCode::PERMISSION_DENIED);
}

}  // namespace
}  // namespace kinerja::testing
