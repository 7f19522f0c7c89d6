// IdentityRepository: accounts, sessions, sign-in and passwords.
#include "server/storage/identity_repository.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "server/storage/identity_rows.h"
#include "server/storage/sql_rows.h"
#include "server/storage/transaction.h"

namespace kinerja::storage {

absl::StatusOr<std::optional<CredentialRecord>> IdentityRepository::FindSession(
    const std::string& token_hash, absl::Time deadline) {
  return pool_.Run(deadline, "FindSession",
                   [&](Connection& c) -> absl::StatusOr<std::optional<CredentialRecord>> {
    auto& stmt = c.Prepare(
        "SELECT s.account_id, s.expires_at, s.last_seen_at, s.revoked_at IS NOT NULL"
        " FROM sessions s WHERE s.token_hash = ?");
    stmt.setString(1, token_hash);
    auto rs = Query(stmt);
    if (!rs->next()) return std::optional<CredentialRecord>();
    CredentialRecord rec;
    const int64_t account_id = rs->getInt64(1);
    rec.expires_at = TimeColumn(*rs, 2).value_or(absl::InfinitePast());
    rec.last_seen = TimeColumn(*rs, 3).value_or(absl::InfinitePast());
    rec.revoked = rs->getBoolean(4);
    auto principal = LoadPrincipal(c, account_id);
    if (!principal) return std::optional<CredentialRecord>();
    rec.principal = std::move(*principal);
    rec.principal.session_token_hash = token_hash;
    return std::optional<CredentialRecord>(std::move(rec));
  });
}

absl::Status IdentityRepository::TouchSession(const std::string& token_hash, absl::Time now,
                                              absl::Time deadline) {
  return pool_.Run(deadline, "TouchSession", [&](Connection& c) -> absl::Status {
    auto& stmt = c.Prepare("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?");
    stmt.setString(1, TimeParam(now));
    stmt.setString(2, token_hash);
    stmt.executeUpdate();
    return absl::OkStatus();
  });
}

absl::Status IdentityRepository::RevokeSession(const std::string& token_hash, absl::Time deadline) {
  return pool_.Run(deadline, "RevokeSession", [&](Connection& c) -> absl::Status {
    auto& stmt = c.Prepare(
        "UPDATE sessions SET revoked_at = CURRENT_TIMESTAMP(6) WHERE token_hash = ?"
        " AND revoked_at IS NULL");
    stmt.setString(1, token_hash);
    stmt.executeUpdate();
    return absl::OkStatus();
  });
}

absl::StatusOr<auth::Principal> IdentityRepository::AttemptLogin(
    const std::string& nip, absl::Time deadline,
    const std::function<LoginDecision(const std::optional<LoginAccount>&)>& decide) {
  // A refused attempt still commits: the throttle it records is the point of it. So the
  // transaction reports only database errors, and the attempt's own verdict comes back in
  // `verdict`.
  absl::Status verdict;
  auto result = pool_.Run(deadline, "AttemptLogin", [&](Connection& c) {
    return InTransaction(c, [&]() -> absl::StatusOr<auth::Principal> {
      auto& sel = c.Prepare(
          "SELECT id, password_hash, must_change_password, failed_attempts, last_failure_at,"
          " locked_until FROM accounts WHERE nip = ? AND kind = 'PERSON' FOR UPDATE");
      sel.setString(1, nip);
      auto rs = Query(sel);
      std::optional<LoginAccount> account;
      if (rs->next()) {
        LoginAccount a;
        a.id = rs->getInt64(1);
        if (!rs->isNull(2)) a.password_hash = rs->getString(2);
        a.must_change_password = rs->getBoolean(3);
        a.throttle.failed_attempts = rs->getInt(4);
        a.throttle.last_failure = TimeColumn(*rs, 5).value_or(absl::InfinitePast());
        a.throttle.locked_until = TimeColumn(*rs, 6).value_or(absl::InfinitePast());
        account = std::move(a);
      }
      const LoginDecision decision = decide(account);
      if (account) {
        auto& upd = c.Prepare(
            "UPDATE accounts SET failed_attempts = ?, last_failure_at = ?, locked_until = ?"
            " WHERE id = ?");
        upd.setInt(1, decision.throttle.failed_attempts);
        if (decision.throttle.last_failure == absl::InfinitePast()) {
          upd.setNull(2, 0);
        } else {
          upd.setString(2, TimeParam(decision.throttle.last_failure));
        }
        if (decision.throttle.locked_until == absl::InfinitePast()) {
          upd.setNull(3, 0);
        } else {
          upd.setString(3, TimeParam(decision.throttle.locked_until));
        }
        upd.setInt64(4, account->id);
        upd.executeUpdate();
      }
      if (!decision.status.ok()) {
        verdict = decision.status;
        return auth::Principal{};
      }
      if (!account) return absl::InternalError("a sign-in succeeded without an account");
      if (!decision.new_session_token_hash.empty()) {
        auto& ins = c.Prepare(
            "INSERT INTO sessions (token_hash, account_id, expires_at, last_seen_at)"
            " VALUES (?, ?, ?, CURRENT_TIMESTAMP(6))");
        ins.setString(1, decision.new_session_token_hash);
        ins.setInt64(2, account->id);
        ins.setString(3, TimeParam(decision.session_expires_at));
        ins.executeUpdate();
      }
      auto principal = LoadPrincipal(c, account->id);
      if (!principal) return absl::InternalError("the account vanished during sign-in");
      principal->session_token_hash = decision.new_session_token_hash;
      return *principal;
    });
  });
  if (result.ok() && !verdict.ok()) return verdict;
  return result;
}

absl::Status IdentityRepository::ChangePassword(int64_t account_id,
                                                const std::string& password_hash,
                                                const std::string& keep_session_hash,
                                                const AuditContext& audit, absl::Time deadline) {
  return pool_.Run(deadline, "ChangePassword", [&](Connection& c) {
    return InTransaction(c, [&]() -> absl::Status {
      auto before = LoadAccount(c, account_id);
      auto& upd = c.Prepare(
          "UPDATE accounts SET password_hash = ?, must_change_password = FALSE,"
          " version = version + 1 WHERE id = ?");
      upd.setString(1, password_hash);
      upd.setInt64(2, account_id);
      upd.executeUpdate();
      auto& end = c.Prepare(
          "UPDATE sessions SET revoked_at = CURRENT_TIMESTAMP(6) WHERE account_id = ?"
          " AND token_hash <> ? AND revoked_at IS NULL");
      end.setInt64(1, account_id);
      end.setString(2, keep_session_hash);
      end.executeUpdate();
      auto after = LoadAccount(c, account_id);
      if (before && after) AppendAudit(c, audit, before->name(), &*before, &*after);
      return absl::OkStatus();
    });
  });
}

absl::StatusOr<v1::Account> IdentityRepository::ResetPassword(const std::string& nip,
                                                              const std::string& password_hash,
                                                              bool must_change,
                                                              const AuditContext& audit,
                                                              absl::Time deadline) {
  return pool_.Run(deadline, "ResetPassword", [&](Connection& c) {
    return InTransaction(c, [&]() -> absl::StatusOr<v1::Account> {
      std::optional<int64_t> id = AccountIdByNip(c, nip);
      std::optional<v1::Account> before;
      if (id) {
        before = LoadAccount(c, *id);
      } else {
        auto& emp = c.Prepare("SELECT full_name FROM employees WHERE nip = ?");
        emp.setString(1, nip);
        auto rs = Query(emp);
        if (!rs->next()) {
          return absl::NotFoundError(absl::StrCat("employee ", nip, " is not in the directory"));
        }
        auto& ins = c.Prepare(
            "INSERT INTO accounts (kind, name, nip, display_name) VALUES ('PERSON', ?, ?, ?)");
        ins.setString(1, nip);
        ins.setString(2, nip);
        ins.setString(3, std::string(rs->getString(1)));
        ins.executeUpdate();
        id = AccountIdByNip(c, nip);
      }
      auto& upd = c.Prepare(
          "UPDATE accounts SET password_hash = ?, must_change_password = ?, failed_attempts = 0,"
          " last_failure_at = NULL, locked_until = NULL, version = version + 1 WHERE id = ?");
      upd.setString(1, password_hash);
      upd.setBoolean(2, must_change);
      upd.setInt64(3, *id);
      upd.executeUpdate();
      auto& end = c.Prepare(
          "UPDATE sessions SET revoked_at = CURRENT_TIMESTAMP(6) WHERE account_id = ?"
          " AND revoked_at IS NULL");
      end.setInt64(1, *id);
      end.executeUpdate();
      auto after = LoadAccount(c, *id);
      if (!after) return absl::InternalError("the account vanished");
      AppendAudit(c, audit, after->name(), before ? &*before : nullptr, &*after);
      return *after;
    });
  });
}

absl::StatusOr<v1::Account> IdentityRepository::GetAccount(int64_t account_id,
                                                           absl::Time deadline) {
  return pool_.Run(deadline, "GetAccount", [&](Connection& c) -> absl::StatusOr<v1::Account> {
    auto account = LoadAccount(c, account_id);
    if (!account) return absl::NotFoundError("account not found");
    return *account;
  });
}

absl::StatusOr<bool> IdentityRepository::EnsureBootstrapAdmin(const std::string& nip,
                                                              const std::string& password_hash,
                                                              absl::Time deadline) {
  return pool_.Run(deadline, "EnsureBootstrapAdmin", [&](Connection& c) {
    return InTransaction(c, [&]() -> absl::StatusOr<bool> {
      auto rs = Query(c.Prepare(
          "SELECT COUNT(*) FROM role_grants WHERE role = 'BKPP_ADMIN' FOR UPDATE"));
      if (rs->next() && rs->getInt64(1) > 0) return false;
      std::optional<int64_t> id = AccountIdByNip(c, nip);
      if (!id) {
        auto& ins = c.Prepare(
            "INSERT INTO accounts (kind, name, nip, display_name, password_hash,"
            " must_change_password) VALUES ('PERSON', ?, ?, ?, ?, FALSE)");
        ins.setString(1, nip);
        ins.setString(2, nip);
        ins.setString(3, "Administrator BKPP");
        ins.setString(4, password_hash);
        ins.executeUpdate();
        id = AccountIdByNip(c, nip);
      }
      auto& grant = c.Prepare(
          "INSERT INTO role_grants (account_id, role, opd_id) VALUES (?, 'BKPP_ADMIN', NULL)");
      grant.setInt64(1, *id);
      grant.executeUpdate();
      auto after = LoadAccount(c, *id);
      AuditContext audit{"system", "start-up: bootstrap administrator", ""};
      if (after) AppendAudit(c, audit, after->name(), nullptr, &*after);
      return true;
    });
  });
}

}  // namespace kinerja::storage
