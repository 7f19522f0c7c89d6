#include "server/auth/authorizer.h"

namespace kinerja::auth {

absl::Status Denied() {
  return absl::PermissionDeniedError("the caller may not do this");
}

absl::Status Admit(const MethodPolicy& policy, const Principal& principal) {
  const uint32_t a = policy.audience;
  if (a & kPublic) return absl::OkStatus();
  if (principal.account_id == 0) {
    return absl::UnauthenticatedError("sign in first: send a session token or an API key");
  }
  if (principal.IsSystem()) {
    if ((a & kSystem) && principal.scope && principal.scope->AllowsMethod(policy.method)) {
      return absl::OkStatus();
    }
    return Denied();
  }
  if (principal.must_change_password && !policy.before_password_change) {
    return absl::PermissionDeniedError("change your password before doing anything else");
  }
  const bool admitted = (a & kAnyAccount) || (a & kSelf) || (a & kSuperior) ||
                        ((a & kAdmin) && principal.IsAdmin()) ||
                        ((a & kEvaluator) && principal.HasCityRole(v1::EVALUATOR)) ||
                        ((a & kOpdHead) && principal.HasRole(v1::OPD_HEAD)) ||
                        ((a & kOpdOperator) && principal.HasRole(v1::OPD_OPERATOR));
  return admitted ? absl::OkStatus() : Denied();
}

namespace {

// The city-wide and OPD-scoped audiences that reach anything in `opd`.
bool ReachesOpd(const MethodPolicy& policy, const Principal& p, absl::string_view opd) {
  const uint32_t a = policy.audience;
  if ((a & kAdmin) && p.IsAdmin()) return true;
  if ((a & kEvaluator) && p.HasCityRole(v1::EVALUATOR)) return true;
  if (p.IsSystem()) return (a & kSystem) && p.scope && !opd.empty() && p.scope->AllowsOpd(opd);
  if (opd.empty()) return false;
  if ((a & kOpdHead) && p.HasRoleForOpd(v1::OPD_HEAD, opd)) return true;
  if ((a & kOpdOperator) && p.HasRoleForOpd(v1::OPD_OPERATOR, opd)) return true;
  return false;
}

}  // namespace

absl::Status CheckOpd(const MethodPolicy& policy, const Principal& principal,
                      absl::string_view opd) {
  if (policy.audience & (kPublic | kAnyAccount)) return absl::OkStatus();
  if (opd.empty() && principal.IsSystem()) {
    const bool all = (policy.audience & kSystem) && principal.scope && principal.scope->all_opds;
    return all ? absl::OkStatus() : Denied();
  }
  return ReachesOpd(policy, principal, opd) ? absl::OkStatus() : Denied();
}

bool AdmitsAnyEmployee(const MethodPolicy& policy, const Principal& principal, absl::string_view nip) {
  const uint32_t a = policy.audience;
  return (a & (kPublic | kAnyAccount)) || ((a & kAdmin) && principal.IsAdmin()) ||
         ((a & kSelf) && principal.IsPerson() && principal.nip == nip);
}

absl::Status CheckEmployee(const MethodPolicy& policy, const Principal& principal,
                           absl::string_view nip, absl::string_view employee_opd,
                           const std::function<absl::StatusOr<std::string>()>& superior_nip) {
  const uint32_t a = policy.audience;
  if (AdmitsAnyEmployee(policy, principal, nip)) return absl::OkStatus();
  if (!employee_opd.empty() && ReachesOpd(policy, principal, employee_opd)) return absl::OkStatus();
  if ((a & kSuperior) && principal.IsPerson() && !employee_opd.empty()) {
    auto superior = superior_nip();
    if (superior.ok() && *superior == principal.nip) return absl::OkStatus();
    if (!superior.ok() && absl::IsUnavailable(superior.status())) return superior.status();
  }
  return Denied();
}

}  // namespace kinerja::auth
