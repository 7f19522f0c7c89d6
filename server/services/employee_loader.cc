#include "server/services/employee_loader.h"

#include "absl/strings/str_cat.h"

namespace kinerja::services {

EmployeeLoader::EmployeeLoader(storage::DirectoryRepository& repo, EmployeeCache& cache,
                               core::BoundedExecutor& executor, const domain::Clock& clock,
                               int max_pending)
    : BatchLoader(
          executor,
          [&repo, &cache, &clock](const std::vector<std::string>& nips, absl::Time deadline) {
            const uint64_t generation = cache.generation();
            const absl::CivilDay today = clock.TodayInJakarta();
            auto fetched = repo.GetEmployees(nips, today, deadline);
            if (fetched.ok()) {
              const absl::Time now = clock.Now();
              for (const auto& [nip, e] : *fetched) cache.Put(e, today, generation, now);
            }
            return fetched;
          },
          /*max_batch=*/64, max_pending,
          [](const std::string& nip) {
            return absl::NotFoundError(absl::StrCat("employee ", nip, " not found"));
          }) {}

}  // namespace kinerja::services
