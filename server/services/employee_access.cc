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

absl::Status CheckEmployeeAccess(storage::DirectoryRepository& directory, const domain::Clock& clock,
                                 const CallInfo& call, const std::string& nip, absl::Time deadline) {
  auto employee = directory.GetEmployee(nip, clock.TodayInJakarta(), deadline);
  if (!employee.ok()) {
    // Only those who could see any employee learn that this one does not exist.
    if (absl::IsNotFound(employee.status()) && !call.principal.IsAdmin()) return auth::Denied();
    return employee.status();
  }
  return CheckLoadedEmployee(directory, clock, call.principal, call.policy, *employee, deadline);
}

}  // namespace kinerja::services
