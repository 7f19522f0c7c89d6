// IdentityRepository: role grants, system accounts, API keys and client certificates.
#include "absl/strings/str_cat.h"
#include "server/core/status_details.h"
#include "server/storage/identity_repository.h"
#include "server/storage/identity_rows.h"
#include "server/storage/sql_rows.h"
#include "server/storage/transaction.h"

namespace kinerja::storage {
namespace {

v1::ApiKey ApiKeyFromRow(sql::ResultSet& rs) {
  // Columns: key_id, account name, methods, opds, created_at, expires_at, revoked_at.
  v1::ApiKey k;
  k.set_name(absl::StrCat("apiKeys/", std::string(rs.getString(1))));
  k.set_account(absl::StrCat("accounts/", std::string(rs.getString(2))));
  *k.mutable_scope() = ScopeToProto(rs.getString(3), rs.getString(4));
  if (auto t = TimeColumn(rs, 5)) k.mutable_create_time()->set_seconds(absl::ToUnixSeconds(*t));
  if (auto t = TimeColumn(rs, 6)) k.mutable_expire_time()->set_seconds(absl::ToUnixSeconds(*t));
  if (auto t = TimeColumn(rs, 7)) k.mutable_revoke_time()->set_seconds(absl::ToUnixSeconds(*t));
  return k;
}

constexpr char kApiKeySelect[] =
    "SELECT k.key_id, a.name, k.methods, k.opds, k.created_at, k.expires_at, k.revoked_at"
    " FROM api_keys k JOIN accounts a ON a.id = k.account_id";

std::optional<v1::ApiKey> LoadApiKey(Connection& c, const std::string& key_id) {
  auto& stmt = c.Prepare(absl::StrCat(kApiKeySelect, " WHERE k.key_id = ?"));
  stmt.setString(1, key_id);
  auto rs = Query(stmt);
  if (!rs->next()) return std::nullopt;
  return ApiKeyFromRow(*rs);
}

std::optional<int64_t> SystemAccountId(Connection& c, const std::string& account_name) {
  auto& stmt = c.Prepare("SELECT id FROM accounts WHERE name = ? AND kind = 'SYSTEM'");
  stmt.setString(1, account_name);
  auto rs = Query(stmt);
  if (!rs->next()) return std::nullopt;
  return rs->getInt64(1);
}

}  // namespace

absl::StatusOr<std::optional<CredentialRecord>> IdentityRepository::FindApiKey(
    const std::string& key_id, absl::Time deadline) {
  return pool_.Run(deadline, "FindApiKey",
                   [&](Connection& c) -> absl::StatusOr<std::optional<CredentialRecord>> {
    auto& stmt = c.Prepare(
        "SELECT account_id, secret_hash, methods, opds, expires_at, revoked_at IS NOT NULL"
        " FROM api_keys WHERE key_id = ?");
    stmt.setString(1, key_id);
    auto rs = Query(stmt);
    if (!rs->next()) return std::optional<CredentialRecord>();
    CredentialRecord rec;
    auto principal = LoadPrincipal(c, rs->getInt64(1));
    if (!principal) return std::optional<CredentialRecord>();
    rec.principal = std::move(*principal);
    rec.secret_hash = rs->getString(2);
    rec.principal.scope = ScopeFromColumns(rs->getString(3), rs->getString(4));
    rec.expires_at = TimeColumn(*rs, 5).value_or(absl::InfinitePast());
    rec.revoked = rs->getBoolean(6);
    return std::optional<CredentialRecord>(std::move(rec));
  });
}

absl::StatusOr<std::optional<CredentialRecord>> IdentityRepository::FindClientCertificate(
    const std::string& subject, absl::Time deadline) {
  return pool_.Run(deadline, "FindClientCertificate",
                   [&](Connection& c) -> absl::StatusOr<std::optional<CredentialRecord>> {
    auto& stmt = c.Prepare(
        "SELECT account_id, methods, opds FROM client_certificates WHERE subject = ?");
    stmt.setString(1, subject);
    auto rs = Query(stmt);
    if (!rs->next()) return std::optional<CredentialRecord>();
    CredentialRecord rec;
    auto principal = LoadPrincipal(c, rs->getInt64(1));
    if (!principal) return std::optional<CredentialRecord>();
    rec.principal = std::move(*principal);
    rec.principal.scope = ScopeFromColumns(rs->getString(2), rs->getString(3));
    return std::optional<CredentialRecord>(std::move(rec));
  });
}

absl::StatusOr<v1::RoleGrant> IdentityRepository::GrantRole(const std::string& nip, v1::Role role,
                                                            const std::string& opd,
                                                            const std::string& request_id,
                                                            const AuditContext& audit,
                                                            absl::Time deadline) {
  return pool_.Run(deadline, "GrantRole", [&](Connection& c) {
    return InTransaction(c, [&]() -> absl::StatusOr<v1::RoleGrant> {
      v1::RoleGrant stored;
      if (LoadIdempotentResponse(c, "GrantRole", request_id, &stored)) return stored;
      auto account_id = AccountIdByNip(c, nip);
      if (!account_id) {
        return core::FieldError("role_grant.account",
                                absl::StrCat("NIP ", nip, " has no account; reset its password "
                                                          "first to create one"));
      }
      std::optional<int64_t> opd_id;
      if (!opd.empty()) {
        auto& o = c.Prepare("SELECT id FROM opds WHERE code = ?");
        o.setString(1, opd);
        auto rs = Query(o);
        if (!rs->next()) {
          return core::FieldError("role_grant.opd", absl::StrCat("OPD '", opd, "' not found"));
        }
        opd_id = rs->getInt64(1);
      }
      auto& dup = c.Prepare(
          "SELECT id FROM role_grants WHERE account_id = ? AND role = ? AND opd_id <=> ?");
      dup.setInt64(1, *account_id);
      dup.setString(2, v1::Role_Name(role));
      if (opd_id) dup.setInt64(3, *opd_id); else dup.setNull(3, 0);
      if (Query(dup)->next()) return absl::AlreadyExistsError("the account already has this role");
      auto& ins = c.Prepare(
          "INSERT INTO role_grants (account_id, role, opd_id, granted_by)"
          " VALUES (?, ?, ?, (SELECT id FROM accounts WHERE CONCAT('accounts/', name) = ?))");
      ins.setInt64(1, *account_id);
      ins.setString(2, v1::Role_Name(role));
      if (opd_id) ins.setInt64(3, *opd_id); else ins.setNull(3, 0);
      ins.setString(4, audit.actor);
      ins.executeUpdate();
      auto id_rs = Query(c.Prepare("SELECT LAST_INSERT_ID()"));
      id_rs->next();
      const std::string name = absl::StrCat("roleGrants/", id_rs->getInt64(1));
      for (const auto& g : LoadGrants(c, *account_id)) {
        if (g.name() == name) {
          AppendAudit(c, audit, name, nullptr, &g);
          SaveIdempotentResponse(c, "GrantRole", request_id, g);
          return g;
        }
      }
      return absl::InternalError("the new grant was not found");
    });
  });
}

absl::Status IdentityRepository::RevokeRole(int64_t grant_id, const AuditContext& audit,
                                            absl::Time deadline) {
  return pool_.Run(deadline, "RevokeRole", [&](Connection& c) {
    return InTransaction(c, [&]() -> absl::Status {
      auto& sel = c.Prepare("SELECT account_id FROM role_grants WHERE id = ? FOR UPDATE");
      sel.setInt64(1, grant_id);
      auto rs = Query(sel);
      if (!rs->next()) return absl::NotFoundError("role grant not found");
      const std::string name = absl::StrCat("roleGrants/", grant_id);
      std::optional<v1::RoleGrant> before;
      for (auto& g : LoadGrants(c, rs->getInt64(1))) {
        if (g.name() == name) before = std::move(g);
      }
      auto& del = c.Prepare("DELETE FROM role_grants WHERE id = ?");
      del.setInt64(1, grant_id);
      del.executeUpdate();
      AppendAudit(c, audit, name, before ? &*before : nullptr, nullptr);
      return absl::OkStatus();
    });
  });
}

absl::StatusOr<std::vector<v1::RoleGrant>> IdentityRepository::ListRoleGrants(
    const std::string& nip, absl::Time deadline) {
  return pool_.Run(deadline, "ListRoleGrants",
                   [&](Connection& c) -> absl::StatusOr<std::vector<v1::RoleGrant>> {
    std::vector<int64_t> ids;
    if (!nip.empty()) {
      auto id = AccountIdByNip(c, nip);
      if (id) ids.push_back(*id);
    } else {
      auto rs = Query(c.Prepare("SELECT DISTINCT account_id FROM role_grants ORDER BY account_id"));
      while (rs->next()) ids.push_back(rs->getInt64(1));
    }
    std::vector<v1::RoleGrant> out;
    for (int64_t id : ids) {
      for (auto& g : LoadGrants(c, id)) out.push_back(std::move(g));
    }
    return out;
  });
}

absl::StatusOr<v1::Account> IdentityRepository::CreateSystemAccount(
    const std::string& name, const std::string& display_name, const AuditContext& audit,
    absl::Time deadline) {
  return pool_.Run(deadline, "CreateSystemAccount", [&](Connection& c) {
    return InTransaction(c, [&]() -> absl::StatusOr<v1::Account> {
      if (AccountIdByName(c, name)) {
        return absl::AlreadyExistsError(absl::StrCat("account '", name, "' already exists"));
      }
      auto& ins = c.Prepare(
          "INSERT INTO accounts (kind, name, display_name, must_change_password)"
          " VALUES ('SYSTEM', ?, ?, FALSE)");
      ins.setString(1, name);
      ins.setString(2, display_name);
      ins.executeUpdate();
      auto account = LoadAccount(c, *AccountIdByName(c, name));
      if (!account) return absl::InternalError("the new account was not found");
      AppendAudit(c, audit, account->name(), nullptr, &*account);
      return *account;
    });
  });
}

absl::StatusOr<v1::ApiKey> IdentityRepository::CreateApiKey(
    const std::string& account_name, const std::string& key_id, const std::string& secret_hash,
    const v1::AccessScope& scope, absl::Time expires_at, const AuditContext& audit,
    absl::Time deadline) {
  return pool_.Run(deadline, "CreateApiKey", [&](Connection& c) {
    return InTransaction(c, [&]() -> absl::StatusOr<v1::ApiKey> {
      auto account_id = SystemAccountId(c, account_name);
      if (!account_id) {
        return core::FieldError("account", absl::StrCat("no system account '", account_name, "'"));
      }
      auto& ins = c.Prepare(
          "INSERT INTO api_keys (key_id, account_id, secret_hash, methods, opds, expires_at)"
          " VALUES (?, ?, ?, ?, ?, ?)");
      ins.setString(1, key_id);
      ins.setInt64(2, *account_id);
      ins.setString(3, secret_hash);
      ins.setString(4, JoinLines(scope.methods()));
      ins.setString(5, JoinLines(scope.opds()));
      ins.setString(6, TimeParam(expires_at));
      ins.executeUpdate();
      auto key = LoadApiKey(c, key_id);
      if (!key) return absl::InternalError("the new key was not found");
      AppendAudit(c, audit, key->name(), nullptr, &*key);  // the key's record, never its secret
      return *key;
    });
  });
}

absl::StatusOr<std::vector<v1::ApiKey>> IdentityRepository::ListApiKeys(
    const std::string& account_name, absl::Time deadline) {
  return pool_.Run(deadline, "ListApiKeys",
                   [&](Connection& c) -> absl::StatusOr<std::vector<v1::ApiKey>> {
    std::string sql = kApiKeySelect;
    if (!account_name.empty()) absl::StrAppend(&sql, " WHERE a.name = ?");
    absl::StrAppend(&sql, " ORDER BY k.created_at, k.key_id LIMIT 1000");
    auto& stmt = c.Prepare(sql);
    if (!account_name.empty()) stmt.setString(1, account_name);
    auto rs = Query(stmt);
    std::vector<v1::ApiKey> out;
    while (rs->next()) out.push_back(ApiKeyFromRow(*rs));
    return out;
  });
}

absl::StatusOr<v1::ApiKey> IdentityRepository::RevokeApiKey(const std::string& key_id,
                                                            const AuditContext& audit,
                                                            absl::Time deadline) {
  return pool_.Run(deadline, "RevokeApiKey", [&](Connection& c) {
    return InTransaction(c, [&]() -> absl::StatusOr<v1::ApiKey> {
      auto before = LoadApiKey(c, key_id);
      if (!before) return absl::NotFoundError("API key not found");
      auto& upd = c.Prepare(
          "UPDATE api_keys SET revoked_at = CURRENT_TIMESTAMP(6) WHERE key_id = ?"
          " AND revoked_at IS NULL");
      upd.setString(1, key_id);
      upd.executeUpdate();
      auto after = LoadApiKey(c, key_id);
      AppendAudit(c, audit, before->name(), &*before, &*after);
      return *after;
    });
  });
}

absl::StatusOr<v1::ClientCertificate> IdentityRepository::RegisterClientCertificate(
    const v1::ClientCertificate& cert, const AuditContext& audit, absl::Time deadline) {
  return pool_.Run(deadline, "RegisterClientCertificate", [&](Connection& c) {
    return InTransaction(c, [&]() -> absl::StatusOr<v1::ClientCertificate> {
      std::string account_name = cert.account();
      if (account_name.rfind("accounts/", 0) == 0) account_name = account_name.substr(9);
      auto account_id = SystemAccountId(c, account_name);
      if (!account_id) {
        return core::FieldError("client_certificate.account",
                                absl::StrCat("no system account '", account_name, "'"));
      }
      auto& ins = c.Prepare(
          "INSERT INTO client_certificates (subject, account_id, methods, opds) VALUES (?, ?, ?, ?)");
      ins.setString(1, cert.subject());
      ins.setInt64(2, *account_id);
      ins.setString(3, JoinLines(cert.scope().methods()));
      ins.setString(4, JoinLines(cert.scope().opds()));
      ins.executeUpdate();
      v1::ClientCertificate stored = cert;
      stored.set_account(absl::StrCat("accounts/", account_name));
      AppendAudit(c, audit, absl::StrCat("clientCertificates/", cert.subject()), nullptr, &stored);
      return stored;
    });
  });
}

}  // namespace kinerja::storage
