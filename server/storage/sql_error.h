// Translation of Connector/C++ exceptions into absl::Status. No exception leaves the storage layer.
#ifndef KINERJA_SERVER_STORAGE_SQL_ERROR_H_
#define KINERJA_SERVER_STORAGE_SQL_ERROR_H_

#include <cppconn/exception.h>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace kinerja::storage {

// True for client errors that mean the connection is gone (server restarted, network lost, timeout):
// the connection must be reconnected before it is used again.
bool IsConnectionError(int mysql_error_code);

// Maps a MySQL/MariaDB error to a canonical status: lost connection -> UNAVAILABLE; duplicate key ->
// ALREADY_EXISTS; deadlock or lock wait timeout -> ABORTED; foreign-key violation ->
// FAILED_PRECONDITION; anything else -> INTERNAL. `what` names the operation for the message.
absl::Status StatusFromSqlError(const sql::SQLException& e, absl::string_view what);

}  // namespace kinerja::storage

#endif  // KINERJA_SERVER_STORAGE_SQL_ERROR_H_
