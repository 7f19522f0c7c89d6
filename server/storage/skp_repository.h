// SKP plans in MariaDB (V004__skp.sql): the aggregate (plan, RHK, IKI, expectations, evaluation)
// loaded and stored whole, changes under a row lock with an etag check and an audit row, the facts an
// OPD's year is reported and finalised from, and the closing of an SKP when its assignment ends.
#ifndef KINERJA_SERVER_STORAGE_SKP_REPOSITORY_H_
#define KINERJA_SERVER_STORAGE_SKP_REPOSITORY_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "kinerja/v1/common.pb.h"
#include "kinerja/v1/skp.pb.h"
#include "server/domain/distribution_quota.h"
#include "server/storage/audit_store.h"
#include "server/storage/connection_pool.h"
#include "server/storage/skp_cache.h"

namespace kinerja::storage {

// The assignment an SKP belongs to, as the directory has it.
struct SkpAssignment {
  int64_t assignment_id = 0;
  int64_t opd_id = 0;
  int64_t position_id = 0;
  std::string nip;
  std::string employee_name;
  std::string opd_code;
  std::string position_code;
  std::string position_title;
  v1::PositionKind position_kind = v1::POSITION_KIND_UNSPECIFIED;
  absl::CivilDay start;
  std::optional<absl::CivilDay> end;
};

// What an OPD's year is reported and finalised from.
struct OpdYearFacts {
  int64_t opd_id = 0;
  int32_t employees = 0;                    // active in the OPD on the day
  std::vector<v1::StateCount> states;       // SKPs of the year by state
  std::vector<v1::EmployeeWithoutSkp> without_skp;
  domain::PredikatCounts predikats{};       // of EVALUATED and FINAL SKPs
  v1::OrganizationPredikatLevel organization_predikat = v1::ORGANIZATION_PREDIKAT_UNSPECIFIED;
  std::vector<domain::QuotaRule> rules;     // for the organisation predikat, for the year
  bool quota_blocks_finalization = true;
  // Read by FinalizeOpdYear only: the evaluated plans of the OPD's head (domain::HeadsOpd), by
  // name, with their Rating Hasil Kerja (DOMAIN.md 5.5).
  std::vector<std::pair<std::string, v1::RatingLevel>> evaluated_heads;
};

// What DOMAIN.md 5.5 needs to know of a plan or an assignment: whether its position heads its OPD
// (domain::HeadsOpd) and the OPD's organisation predikat for the year.
struct OpdHeadFacts {
  bool heads_opd = false;
  v1::OrganizationPredikatLevel organization_predikat = v1::ORGANIZATION_PREDIKAT_UNSPECIFIED;
};

// One RHK of an OPD's year, for the cascade.
struct CascadeRow {
  v1::Rhk rhk;
  std::string skp;              // "employees/{nip}/skps/{id}"
  std::string nip;
  std::string employee_name;
  std::string position_title;
  int64_t position_id = 0;
  std::optional<int64_t> superior_position_id;
  v1::PositionKind position_kind = v1::POSITION_KIND_UNSPECIFIED;
};

// Closes the SKP of an assignment that ends on `last_day` (CLOSED_BY_TRANSFER), inside the caller's
// transaction; FINAL plans stay as they are. Returns how many were closed. Throws sql::SQLException.
int CloseSkpsOfEndedAssignment(Connection& c, int64_t assignment_id, absl::CivilDay last_day,
                               const AuditContext& audit);

// `plan`, read by id, when it is employee `nip`'s plan `id`; otherwise (NOT_FOUND, or another
// employee's plan) the NOT_FOUND that Get answers.
absl::StatusOr<v1::Skp> OwnSkp(absl::StatusOr<v1::Skp> plan, const std::string& nip, int64_t id);

class SkpRepository {
 public:
  // `cache`, when given, is told of every plan written through this repository (Invalidate,
  // InvalidateAll), so that this replica never answers from what it cached before its own write.
  explicit SkpRepository(ConnectionPool& pool, SkpCache* cache = nullptr)
      : pool_(pool), cache_(cache) {}

  // The employee's assignment active on `day`. NOT_FOUND for an unknown NIP; FAILED_PRECONDITION
  // when the employee holds no position that day.
  absl::StatusOr<SkpAssignment> ActiveAssignment(const std::string& nip, absl::CivilDay day,
                                                 absl::Time deadline);

  // A new DRAFT for `assignment` and `draft.year()`, with the draft's approach and RHK.
  // ALREADY_EXISTS when the assignment has one for the year. A replayed request_id returns the first
  // answer.
  absl::StatusOr<v1::Skp> Create(const SkpAssignment& assignment, const v1::Skp& draft,
                                 const std::string& request_id, const AuditContext& audit,
                                 absl::Time deadline);

  absl::StatusOr<v1::Skp> Get(const std::string& nip, int64_t id, absl::Time deadline);
  // The same read through `cache` (GetMany of one plan).
  absl::StatusOr<v1::Skp> Get(const std::string& nip, int64_t id, SkpCache& cache,
                              uint64_t directory_generation, absl::Time deadline);
  // Plans by id, as Get reads them, through `cache` and on one connection (skp_cache.h): one query
  // probes them all; a plan cached at its current version comes from the cache with the directory's
  // fields as probed, the others are loaded and cached. An id without a plan is absent; whose plan
  // each is, is the caller's to check (OwnSkp).
  // `directory_generation`: the EmployeeCache's generation, stamped on what is cached
  // (SkpCache::GetRecent).
  absl::StatusOr<absl::flat_hash_map<int64_t, v1::Skp>> GetMany(const std::vector<int64_t>& ids,
                                                                SkpCache& cache,
                                                                uint64_t directory_generation,
                                                                absl::Time deadline);
  // The employee's SKPs, newest year first (all years when `year` is 0).
  absl::StatusOr<std::vector<v1::Skp>> List(const std::string& nip, int32_t year,
                                            absl::Time deadline);
  // The SKP of the employee's assignment active on `day`, for `year`, if any.
  absl::StatusOr<std::optional<v1::Skp>> CurrentSkp(const std::string& nip, int32_t year,
                                                    absl::CivilDay day, absl::Time deadline);

  // Loads the SKP under a row lock, checks `etag` (when not empty; ABORTED on a mismatch), lets
  // `change` edit it (content, state, revision, note, expectations, evaluation), stores the result
  // with a new etag and an audit row of before and after, and returns it. RHK keep their ids; a
  // removed RHK that another plan's intervensi names is refused (FAILED_PRECONDITION).
  // With `opd_head`, the plan's OpdHeadFacts are read into it in the same transaction before
  // `change` runs (the organisation predikat under a shared lock), so that a rule on them
  // (EvaluateSkp, DOMAIN.md 5.5) still holds when the change commits.
  absl::StatusOr<v1::Skp> Change(const std::string& nip, int64_t id, const std::string& etag,
                                 const std::function<absl::Status(v1::Skp&)>& change,
                                 const AuditContext& audit, absl::Time deadline,
                                 OpdHeadFacts* opd_head = nullptr);

  // The employee's plan for `year` on the assignment active on `day`, with only its approved RHK
  // (IKI included); nullopt when there is none or it was closed by a transfer.
  absl::StatusOr<std::optional<v1::Skp>> ApprovedPlan(const std::string& nip, int32_t year,
                                                      absl::CivilDay day, absl::Time deadline);

  absl::StatusOr<OpdYearFacts> OpdYear(const std::string& opd_code, int32_t year,
                                       absl::CivilDay day, absl::Time deadline);
  // The quota facts (predikat counts, organisation predikat, rules, blocking) of every OPD for the
  // year, by OPD code, read in a few queries for the whole city; the other fields stay empty.
  absl::StatusOr<std::vector<std::pair<std::string, OpdYearFacts>>> CityQuotaFacts(
      int32_t year, absl::Time deadline);
  // The OPD's plans of the year not closed by a transfer, by NIP, and the text of every RHK they
  // name as intervensi (by id), for the exchange file.
  struct OpdPlans {
    std::vector<v1::Skp> skps;
    absl::flat_hash_map<std::string, std::string> intervensi_texts;
  };
  absl::StatusOr<OpdPlans> OpdYearPlans(const std::string& opd_code, int32_t year,
                                        absl::Time deadline);
  absl::StatusOr<std::vector<CascadeRow>> CascadeRows(const std::string& opd_code, int32_t year,
                                                      absl::Time deadline);
  // The OpdHeadFacts of `assignment`'s position for `year`.
  absl::StatusOr<OpdHeadFacts> OpdHead(const SkpAssignment& assignment, int32_t year,
                                       absl::Time deadline);
  absl::StatusOr<v1::OrganizationPredikat> SetOrganizationPredikat(
      const std::string& opd_code, int32_t year, v1::OrganizationPredikatLevel level,
      const AuditContext& audit, absl::Time deadline);
  // EVALUATED -> FINAL for every SKP of the OPD and year, each with its audit row, when `allowed`
  // (given the facts read under the same lock) returns OK. Returns how many were finalised.
  absl::StatusOr<int> FinalizeOpdYear(
      const std::string& opd_code, int32_t year, absl::CivilDay day,
      const std::function<absl::Status(const OpdYearFacts&)>& allowed, const AuditContext& audit,
      absl::Time deadline);

 private:
  // Tell the cache of a write of plan `id`, or of plans not named, through this replica (a new
  // plan needs no word: nothing can be cached of it before it exists).
  template <typename T>
  T Written(int64_t id, T result) {
    if (cache_ != nullptr) cache_->Invalidate(id);
    return result;
  }
  template <typename T>
  T WrittenAll(T result) {
    if (cache_ != nullptr) cache_->InvalidateAll();
    return result;
  }

  ConnectionPool& pool_;
  SkpCache* const cache_;
};

}  // namespace kinerja::storage

#endif  // KINERJA_SERVER_STORAGE_SKP_REPOSITORY_H_
