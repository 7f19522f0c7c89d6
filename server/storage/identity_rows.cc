#include "server/storage/identity_rows.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "server/storage/sql_rows.h"

namespace kinerja::storage {

std::optional<int64_t> AccountIdByNip(Connection& c, const std::string& nip) {
  auto& stmt = c.Prepare("SELECT id FROM accounts WHERE nip = ?");
  stmt.setString(1, nip);
  auto rs = Query(stmt);
  if (!rs->next()) return std::nullopt;
  return rs->getInt64(1);
}

std::optional<int64_t> AccountIdByName(Connection& c, const std::string& name) {
  auto& stmt = c.Prepare("SELECT id FROM accounts WHERE name = ?");
  stmt.setString(1, name);
  auto rs = Query(stmt);
  if (!rs->next()) return std::nullopt;
  return rs->getInt64(1);
}

std::vector<v1::RoleGrant> LoadGrants(Connection& c, int64_t account_id) {
  auto& stmt = c.Prepare(
      "SELECT g.id, g.role, o.code, g.created_at, a.name FROM role_grants g"
      " JOIN accounts a ON a.id = g.account_id LEFT JOIN opds o ON o.id = g.opd_id"
      " WHERE g.account_id = ? ORDER BY g.id");
  stmt.setInt64(1, account_id);
  auto rs = Query(stmt);
  std::vector<v1::RoleGrant> out;
  while (rs->next()) {
    v1::RoleGrant g;
    g.set_name(absl::StrCat("roleGrants/", rs->getInt64(1)));
    g.set_role(ParseEnumOr(std::string(rs->getString(2)), v1::Role_Parse, v1::ROLE_UNSPECIFIED));
    if (!rs->isNull(3)) g.set_opd(rs->getString(3));
    if (auto t = TimeColumn(*rs, 4)) g.mutable_create_time()->set_seconds(absl::ToUnixSeconds(*t));
    g.set_account(absl::StrCat("accounts/", std::string(rs->getString(5))));
    out.push_back(std::move(g));
  }
  return out;
}

std::optional<v1::Account> LoadAccount(Connection& c, int64_t account_id) {
  auto& stmt = c.Prepare(
      "SELECT kind, name, nip, display_name, must_change_password, locked_until"
      " FROM accounts WHERE id = ?");
  stmt.setInt64(1, account_id);
  auto rs = Query(stmt);
  if (!rs->next()) return std::nullopt;
  v1::Account a;
  a.set_kind(ParseEnumOr(std::string(rs->getString(1)), v1::AccountKind_Parse,
                         v1::ACCOUNT_KIND_UNSPECIFIED));
  a.set_name(absl::StrCat("accounts/", std::string(rs->getString(2))));
  if (!rs->isNull(3)) a.set_nip(rs->getString(3));
  a.set_display_name(rs->getString(4));
  a.set_must_change_password(rs->getBoolean(5));
  if (auto t = TimeColumn(*rs, 6); t && *t > absl::Now()) {
    a.mutable_locked_until()->set_seconds(absl::ToUnixSeconds(*t));
  }
  for (auto& g : LoadGrants(c, account_id)) *a.add_role_grants() = std::move(g);
  return a;
}

std::optional<auth::Principal> LoadPrincipal(Connection& c, int64_t account_id) {
  auto account = LoadAccount(c, account_id);
  if (!account) return std::nullopt;
  auth::Principal p;
  p.account_id = account_id;
  p.kind = account->kind();
  p.account = account->name();
  p.nip = account->nip();
  p.must_change_password = account->must_change_password();
  for (const auto& g : account->role_grants()) p.grants.push_back({g.role(), g.opd()});
  return p;
}

std::string JoinLines(const google::protobuf::RepeatedPtrField<std::string>& items) {
  return absl::StrJoin(items, "\n");
}

auth::Scope ScopeFromColumns(const std::string& methods, const std::string& opds) {
  auth::Scope scope;
  for (absl::string_view m : absl::StrSplit(methods, '\n', absl::SkipEmpty())) {
    scope.methods.insert(std::string(m));
  }
  for (absl::string_view o : absl::StrSplit(opds, '\n', absl::SkipEmpty())) {
    if (o == "*") {
      scope.all_opds = true;
    } else {
      scope.opds.insert(std::string(o));
    }
  }
  return scope;
}

v1::AccessScope ScopeToProto(const std::string& methods, const std::string& opds) {
  v1::AccessScope scope;
  for (absl::string_view m : absl::StrSplit(methods, '\n', absl::SkipEmpty())) {
    scope.add_methods(std::string(m));
  }
  for (absl::string_view o : absl::StrSplit(opds, '\n', absl::SkipEmpty())) {
    scope.add_opds(std::string(o));
  }
  return scope;
}

}  // namespace kinerja::storage
