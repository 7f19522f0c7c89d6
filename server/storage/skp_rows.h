// Reading and writing one SKP aggregate (skps, skp_rhks, skp_ikis, skp_expectations) on a
// connection, inside the caller's transaction. Used by skp_repository.cc and skp_reports_store.cc.
#ifndef KINERJA_SERVER_STORAGE_SKP_ROWS_H_
#define KINERJA_SERVER_STORAGE_SKP_ROWS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "kinerja/v1/skp.pb.h"
#include "server/storage/connection_pool.h"

namespace kinerja::storage {

// "employees/{nip}/skps/{id}" and "rhk-{id}".
std::string SkpName(const std::string& nip, int64_t id);
std::string RhkName(int64_t id);
// The number in "rhk-{id}", or nullopt.
std::optional<int64_t> RhkIdOf(const std::string& name);

// A plan's etag: its version (skps.version) in quotes.
std::string SkpEtag(int64_t version);

// What a cached plan is checked against before it is served (skp_cache.h): the plan's version and
// the fields it shows from the directory, which change without the plan's version.
struct SkpProbe {
  int64_t id = 0;
  int64_t version = 0;
  std::string position_code;
  std::string position_title;
  std::string opd_code;
  std::string employee_name;
};

// The probes of the plans with these ids, in one query; an id without a plan has none. Throws
// sql::SQLException.
std::vector<SkpProbe> ProbeSkps(Connection& c, const std::vector<int64_t>& ids);

// Sets the fields `skp` shows from the directory as `probe` read them.
void ApplyProbe(const SkpProbe& probe, v1::Skp& skp);

// The SKP with `id`, whole; nullopt when there is none. With `for_update`, the skps row is locked.
// Throws sql::SQLException.
std::optional<v1::Skp> LoadSkp(Connection& c, int64_t id, bool for_update);

// SkpCache relies on every write of a plan bumping skps.version in the write's transaction. The
// places that write skps, skp_rhks, skp_ikis or skp_expectations all do: StoreSkp below (used by
// SkpRepository::Create, after the INSERT of a new id, and by SkpRepository::Change: edits,
// transitions, expectations, evaluation; imports go through Create), CloseSkpsOfEndedAssignment
// (skp_repository.cc) and FinalizeOpdYear (skp_reports_store.cc). A new write path must too.
//
// Writes `skp`'s plan row (approach, state, revision, closed_on, note, evaluation; version + 1) and
// its content: RHK kept by id, new RHK inserted (their ids filled into `skp`), removed RHK deleted
// (FAILED_PRECONDITION when another plan's intervensi names one, INVALID_ARGUMENT for an id that is
// not this plan's); IKI and expectations replaced. Throws sql::SQLException.
absl::Status StoreSkp(Connection& c, int64_t id, v1::Skp& skp);

}  // namespace kinerja::storage

#endif  // KINERJA_SERVER_STORAGE_SKP_ROWS_H_
