// Reading what DOMAIN.md 5.5 needs (OpdHeadFacts: does a position head its OPD, and the OPD's
// organisation predikat for a year) on a connection, inside the caller's transaction. Used by
// SkpRepository::Change (EvaluateSkp) and SkpRepository::OpdHead (ListIntervensiOptions).
#ifndef KINERJA_SERVER_STORAGE_OPD_HEAD_ROWS_H_
#define KINERJA_SERVER_STORAGE_OPD_HEAD_ROWS_H_

#include <cstdint>

#include "server/storage/connection_pool.h"
#include "server/storage/skp_repository.h"

namespace kinerja::storage {

// The facts of position `position_id` of OPD `opd_id` for `year`. With `lock`, the organisation
// predikat is read under a shared lock (a missing row's gap too), so it cannot change before the
// caller's transaction ends. Throws sql::SQLException.
OpdHeadFacts LoadOpdHeadFacts(Connection& c, int64_t position_id, int64_t opd_id, int32_t year,
                              bool lock);

// The facts of SKP `skp_id` (its position, OPD and year), the organisation predikat locked as
// above; the default facts when there is no such plan. Throws sql::SQLException.
OpdHeadFacts LoadOpdHeadFactsOfSkp(Connection& c, int64_t skp_id);

}  // namespace kinerja::storage

#endif  // KINERJA_SERVER_STORAGE_OPD_HEAD_ROWS_H_
