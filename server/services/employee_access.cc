#include "server/services/employee_access.h"

#include "server/auth/authorizer.h"

namespace kinerja::services {

absl::Status CheckLoadedEmployee(storage::DirectoryRepository& directory, const domain::Clock& clock,
                                 const auth::Principal& principal, const auth::MethodPolicy& policy,
                                 const v1::Employee& employee, absl::Time deadline) {
  const absl::CivilDay today = clock.TodayInJakarta();
  return auth::CheckEmployee(policy, principal, employee.nip(), employee.current_assignment().opd(),
                             [&]() -> absl::StatusOr<std::string> {
                               auto superior = directory.GetSuperior(employee.nip(), today, deadline);
                               if (!superior.ok()) return superior.status();
                               return superior->employee().nip();
                             });
}

absl::Status CheckFetchedEmployee(storage::DirectoryRepository& directory, const domain::Clock& clock,
                                  const auth::Principal& principal, const auth::MethodPolicy& policy,
                                  const absl::StatusOr<v1::Employee>& employee, absl::Time deadline) {
  if (!employee.ok()) {
    // Only those who could see any employee learn that this one does not exist.
    if (absl::IsNotFound(employee.status()) && !principal.IsAdmin()) return auth::Denied();
    return employee.status();
  }
  return CheckLoadedEmployee(directory, clock, principal, policy, *employee, deadline);
}

absl::Status CheckEmployeeAccess(storage::DirectoryRepository& directory, const domain::Clock& clock,
                                 const CallInfo& call, const std::string& nip, absl::Time deadline) {
  return CheckFetchedEmployee(directory, clock, call.principal, call.policy,
                              directory.GetEmployee(nip, clock.TodayInJakarta(), deadline),
                              deadline);
}

std::optional<absl::Status> CheckCachedEmployee(const auth::Principal& principal,
                                                const auth::MethodPolicy& policy,
                                                const v1::Employee& employee) {
  bool needs_superior = false;
  absl::Status st = auth::CheckEmployee(policy, principal, employee.nip(),
                                        employee.current_assignment().opd(),
                                        [&]() -> absl::StatusOr<std::string> {
                                          needs_superior = true;
                                          return absl::NotFoundError("deferred");
                                        });
  if (needs_superior) return std::nullopt;
  return st;
}

}  // namespace kinerja::services
