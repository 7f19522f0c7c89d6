#include "server/storage/sql_error.h"

#include "absl/strings/str_cat.h"

namespace kinerja::storage {

bool IsConnectionError(int code) {
  switch (code) {
    case 2002:  // CR_CONNECTION_ERROR
    case 2003:  // CR_CONN_HOST_ERROR
    case 2006:  // CR_SERVER_GONE_ERROR
    case 2013:  // CR_SERVER_LOST
    case 2026:  // CR_SSL_CONNECTION_ERROR
    case 2055:  // CR_SERVER_LOST_EXTENDED
    case 1927:  // ER_CONNECTION_KILLED (MariaDB)
    case 1053:  // ER_SERVER_SHUTDOWN
    case 4031:  // ER_CLIENT_INTERACTION_TIMEOUT
      return true;
    default:
      return false;
  }
}

absl::Status StatusFromSqlError(const sql::SQLException& e, absl::string_view what) {
  const int code = e.getErrorCode();
  const std::string msg = absl::StrCat(what, ": database error ", code, " (", e.getSQLState(), ")");
  if (IsConnectionError(code) || code == 0) {
    return absl::UnavailableError(absl::StrCat(what, ": the database is unavailable"));
  }
  switch (code) {
    case 1062:  // ER_DUP_ENTRY
      return absl::AlreadyExistsError(absl::StrCat(what, ": already exists"));
    case 1205:  // ER_LOCK_WAIT_TIMEOUT
    case 1213:  // ER_LOCK_DEADLOCK
      return absl::AbortedError(absl::StrCat(what, ": concurrent change, try again"));
    case 1451:  // ER_ROW_IS_REFERENCED_2
    case 1452:  // ER_NO_REFERENCED_ROW_2
      return absl::FailedPreconditionError(absl::StrCat(what, ": a referenced record is missing"));
    default:
      return absl::InternalError(absl::StrCat(msg, ": ", e.what()));
  }
}

}  // namespace kinerja::storage
