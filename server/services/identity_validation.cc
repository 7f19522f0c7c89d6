#include "server/services/identity_validation.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "server/auth/policy_table.h"
#include "server/core/status_details.h"
#include "server/domain/position_rules.h"
#include "server/services/request_fields.h"

namespace kinerja::services {

absl::StatusOr<std::string> SystemAccountName(absl::string_view name, absl::string_view field) {
  absl::string_view id = name;
  if (!absl::ConsumePrefix(&id, "accounts/")) {
    return core::FieldError(field, "must have the form accounts/{name}");
  }
  bool ok = id.size() >= 3 && id.size() <= 40 && absl::ascii_islower(static_cast<unsigned char>(id[0]));
  for (char c : id) {
    ok = ok && (absl::ascii_islower(static_cast<unsigned char>(c)) ||
                absl::ascii_isdigit(static_cast<unsigned char>(c)) || c == '-');
  }
  if (!ok) {
    return core::FieldError(field, "a system account name is 3-40 of a-z, 0-9 and '-', starting "
                                   "with a letter");
  }
  return std::string(id);
}

absl::Status ValidateScope(const v1::AccessScope& scope, absl::string_view field) {
  std::vector<domain::Violation> v;
  if (scope.methods().empty()) v.push_back({absl::StrCat(field, ".methods"), "name at least one"});
  for (const std::string& m : scope.methods()) {
    const auth::MethodPolicy* p = auth::FindPolicy(m);
    if (p == nullptr || !(p->audience & auth::kSystem)) {
      v.push_back({absl::StrCat(field, ".methods"),
                   absl::StrCat("'", m, "' is not a method open to city systems")});
    }
  }
  for (const std::string& o : scope.opds()) {
    if (o == "*") continue;
    if (absl::Status st = domain::ValidateCode(o, "OPD code"); !st.ok()) {
      v.push_back({absl::StrCat(field, ".opds"), std::string(st.message())});
    }
  }
  if (v.empty()) return absl::OkStatus();
  return core::InvalidArgumentWithViolations("invalid scope", v);
}

absl::Status ValidateGrantRole(const v1::GrantRoleRequest& req) {
  const v1::RoleGrant& g = req.role_grant();
  std::vector<domain::Violation> v;
  if (!NipFromAccount(g.account(), "role_grant.account").ok()) {
    v.push_back({"role_grant.account", "must be accounts/{nip} of a person"});
  }
  const bool opd_role = g.role() == v1::OPD_HEAD || g.role() == v1::OPD_OPERATOR;
  const bool city_role = g.role() == v1::BKPP_ADMIN || g.role() == v1::EVALUATOR;
  if (!opd_role && !city_role) {
    v.push_back({"role_grant.role", "must be BKPP_ADMIN, EVALUATOR, OPD_HEAD or OPD_OPERATOR"});
  }
  if (opd_role && g.opd().empty()) v.push_back({"role_grant.opd", "is required for this role"});
  if (city_role && !g.opd().empty()) {
    v.push_back({"role_grant.opd", "must be empty: this role covers the whole city"});
  }
  if (!g.opd().empty()) {
    if (absl::Status st = domain::ValidateCode(g.opd(), "OPD code"); !st.ok()) {
      v.push_back({"role_grant.opd", std::string(st.message())});
    }
  }
  if (absl::Status st = CheckRequestId(req.request_id()); !st.ok()) {
    v.push_back({"request_id", std::string(st.message())});
  }
  if (v.empty()) return absl::OkStatus();
  return core::InvalidArgumentWithViolations("invalid request", v);
}

absl::Status ValidateKeyExpiry(const v1::CreateApiKeyRequest& req, absl::Time now) {
  if (!req.has_expire_time()) return core::FieldError("expire_time", "is required");
  const absl::Time t = absl::FromUnixSeconds(req.expire_time().seconds());
  if (t <= now) return core::FieldError("expire_time", "must be in the future");
  if (t > now + absl::Hours(24 * 366)) {
    return core::FieldError("expire_time", "must be at most one year ahead");
  }
  return absl::OkStatus();
}

}  // namespace kinerja::services
