// The access decision, in two steps, as the policy table describes (policy_table.h). Pure: the facts
// it needs about a resource come in as arguments. Refusals never reveal whether a resource exists.
#ifndef KINERJA_SERVER_AUTH_AUTHORIZER_H_
#define KINERJA_SERVER_AUTH_AUTHORIZER_H_

#include <functional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "server/auth/policy_table.h"
#include "server/auth/principal.h"

namespace kinerja::auth {

// Step 1. OK when the caller belongs to one of the method's audiences (a resource check may still
// follow). UNAUTHENTICATED without credentials (unless the method is public); PERMISSION_DENIED
// otherwise, and while a person must change their password (except for the few methods allowed then).
absl::Status Admit(const MethodPolicy& policy, const Principal& principal);

// Step 2 for Resource::kOpd. `opd` empty means the request spans every OPD (an unfiltered list):
// only city-wide audiences (admin, evaluator) and systems scoped to all OPDs may.
absl::Status CheckOpd(const MethodPolicy& policy, const Principal& principal, absl::string_view opd);

// Step 2 for Resource::kEmployee. `employee_opd` is the OPD of the employee's assignment on the day
// (empty when the employee has none or does not exist); `superior_nip` is asked for only when the
// caller could pass as the superior, since it costs a lookup.
absl::Status CheckEmployee(const MethodPolicy& policy, const Principal& principal,
                           absl::string_view nip, absl::string_view employee_opd,
                           const std::function<absl::StatusOr<std::string>()>& superior_nip);

// The part of CheckEmployee that needs nothing of the employee: true when `policy` admits
// `principal` to employee `nip` whatever the employee's OPD and superior (a public or any-account
// method, an administrator, or the employee themself), so a caller may skip reading the record.
bool AdmitsAnyEmployee(const MethodPolicy& policy, const Principal& principal, absl::string_view nip);

// The refusal every check returns.
absl::Status Denied();

}  // namespace kinerja::auth

#endif  // KINERJA_SERVER_AUTH_AUTHORIZER_H_
