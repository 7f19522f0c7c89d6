#include "server/services/employee_cache.h"

#include "absl/strings/str_cat.h"
#include "server/domain/civil_date.h"

namespace kinerja::services {

std::string EmployeeCache::Key(const std::string& nip, absl::CivilDay day) {
  return absl::StrCat(nip, "@", domain::FormatIsoDate(day));
}

std::optional<v1::Employee> EmployeeCache::Get(const std::string& nip, absl::CivilDay day,
                                               absl::Time now) {
  return With(nip, day, now, [](const v1::Employee& e) { return e; });
}

void EmployeeCache::Put(const v1::Employee& employee, absl::CivilDay day,
                        uint64_t read_generation, absl::Time now) {
  if (!enabled() || read_generation != generation()) return;
  absl::MutexLock lock(&mu_);
  if (entries_.size() >= capacity_) entries_.clear();
  entries_[Key(employee.nip(), day)] = Entry{employee, read_generation, now};
}

}  // namespace kinerja::services
