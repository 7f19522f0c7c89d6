// Row <-> proto mapping shared by the directory repository's files.
#ifndef KINERJA_SERVER_STORAGE_DIRECTORY_ROWS_H_
#define KINERJA_SERVER_STORAGE_DIRECTORY_ROWS_H_

#include <string>

#include <cppconn/resultset.h>

#include "kinerja/v1/directory.pb.h"
#include "server/storage/connection_pool.h"

namespace kinerja::storage {

// Selects an assignment's columns in the order FillAssignment reads them.
inline constexpr char kAssignmentSelect[] =
    "SELECT a.start_date, a.end_date, a.reason, p.code, p.title, p.kind, o.code, u.code"
    " FROM assignments a JOIN positions p ON p.id = a.position_id"
    " JOIN opds o ON o.id = p.opd_id LEFT JOIN units u ON u.id = p.unit_id";

// Reads start_date, end_date, reason, position code, title, kind, OPD code and unit code from
// column `first` on.
void FillAssignment(sql::ResultSet& rs, int first, const std::string& nip, v1::Assignment* a);

// An employee's assignments, oldest first. Throws sql::SQLException.
v1::ListAssignmentsResponse LoadHistory(Connection& c, int64_t employee_id, const std::string& nip);

}  // namespace kinerja::storage

#endif  // KINERJA_SERVER_STORAGE_DIRECTORY_ROWS_H_
