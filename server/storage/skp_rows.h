// Reading and writing one SKP aggregate (skps, skp_rhks, skp_ikis, skp_expectations) on a
// connection, inside the caller's transaction. Used by skp_repository.cc and skp_reports_store.cc.
#ifndef KINERJA_SERVER_STORAGE_SKP_ROWS_H_
#define KINERJA_SERVER_STORAGE_SKP_ROWS_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "kinerja/v1/skp.pb.h"
#include "server/storage/connection_pool.h"

namespace kinerja::storage {

// "employees/{nip}/skps/{id}" and "rhk-{id}".
std::string SkpName(const std::string& nip, int64_t id);
std::string RhkName(int64_t id);
// The number in "rhk-{id}", or nullopt.
std::optional<int64_t> RhkIdOf(const std::string& name);

// The SKP with `id`, whole; nullopt when there is none. With `for_update`, the skps row is locked.
// Throws sql::SQLException.
std::optional<v1::Skp> LoadSkp(Connection& c, int64_t id, bool for_update);

// Writes `skp`'s plan row (approach, state, revision, closed_on, note, evaluation; version + 1) and
// its content: RHK kept by id, new RHK inserted (their ids filled into `skp`), removed RHK deleted
// (FAILED_PRECONDITION when another plan's intervensi names one, INVALID_ARGUMENT for an id that is
// not this plan's); IKI and expectations replaced. Throws sql::SQLException.
absl::Status StoreSkp(Connection& c, int64_t id, v1::Skp& skp);

}  // namespace kinerja::storage

#endif  // KINERJA_SERVER_STORAGE_SKP_ROWS_H_
