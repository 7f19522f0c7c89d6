// The employee read of the hot paths (GetEmployee, and GetSkp's access check), batched
// (BatchLoader) on today's date, storing what it reads in the replica's EmployeeCache.
#ifndef KINERJA_SERVER_SERVICES_EMPLOYEE_LOADER_H_
#define KINERJA_SERVER_SERVICES_EMPLOYEE_LOADER_H_

#include <string>

#include "kinerja/v1/directory.pb.h"
#include "server/core/executor.h"
#include "server/domain/civil_date.h"
#include "server/services/batch_loader.h"
#include "server/services/employee_cache.h"
#include "server/storage/directory_repository.h"

namespace kinerja::services {

// A key without an employee is NOT_FOUND "employee {nip} not found".
class EmployeeLoader final : public BatchLoader<std::string, v1::Employee> {
 public:
  EmployeeLoader(storage::DirectoryRepository& repo, EmployeeCache& cache,
                 core::BoundedExecutor& executor, const domain::Clock& clock, int max_pending);
};

}  // namespace kinerja::services

#endif  // KINERJA_SERVER_SERVICES_EMPLOYEE_LOADER_H_
