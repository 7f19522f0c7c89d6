// The employee-resource check (auth::CheckEmployee) with the facts it needs loaded from the
// directory: the employee's OPD on the day and, only when the caller could be it, the superior on
// the day (acting superiors included). Shared by every service whose requests name an employee.
#ifndef KINERJA_SERVER_SERVICES_EMPLOYEE_ACCESS_H_
#define KINERJA_SERVER_SERVICES_EMPLOYEE_ACCESS_H_

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "kinerja/v1/directory.pb.h"
#include "server/auth/policy_table.h"
#include "server/auth/principal.h"
#include "server/domain/civil_date.h"
#include "server/services/access_guard.h"
#include "server/storage/directory_repository.h"

namespace kinerja::services {

// For an employee already loaded (with their assignment on the day).
absl::Status CheckLoadedEmployee(storage::DirectoryRepository& directory, const domain::Clock& clock,
                                 const auth::Principal& principal, const auth::MethodPolicy& policy,
                                 const v1::Employee& employee, absl::Time deadline);

// For an employee as a read returned it: an unknown NIP (NOT_FOUND) is refused like a forbidden
// one, except for administrators, who learn it is NOT_FOUND.
absl::Status CheckFetchedEmployee(storage::DirectoryRepository& directory, const domain::Clock& clock,
                                  const auth::Principal& principal, const auth::MethodPolicy& policy,
                                  const absl::StatusOr<v1::Employee>& employee, absl::Time deadline);

// Loads the employee first, then CheckFetchedEmployee.
absl::Status CheckEmployeeAccess(storage::DirectoryRepository& directory, const domain::Clock& clock,
                                 const CallInfo& call, const std::string& nip, absl::Time deadline);

// For an employee from the EmployeeCache, on gRPC's thread: the decision, or nullopt when it hinges
// on the superior relation (a directory read, for CheckLoadedEmployee on a worker).
std::optional<absl::Status> CheckCachedEmployee(const auth::Principal& principal,
                                                const auth::MethodPolicy& policy,
                                                const v1::Employee& employee);

}  // namespace kinerja::services

#endif  // KINERJA_SERVER_SERVICES_EMPLOYEE_ACCESS_H_
