// Small helpers shared by the repositories: dates in and out of SQL, and stored responses of
// idempotent writes.
#ifndef KINERJA_SERVER_STORAGE_SQL_ROWS_H_
#define KINERJA_SERVER_STORAGE_SQL_ROWS_H_

#include <memory>
#include <optional>
#include <string>

#include <cppconn/resultset.h>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "google/protobuf/message.h"
#include "server/storage/connection_pool.h"

namespace kinerja::storage {

// "YYYY-MM-DD" for a DATE parameter.
std::string DateParam(absl::CivilDay day);

// A DATE column; nullopt when NULL.
std::optional<absl::CivilDay> DateColumn(sql::ResultSet& rs, int column);

// "YYYY-MM-DD HH:MM:SS.ffffff" in UTC for a TIMESTAMP(6) parameter (sessions run in UTC).
std::string TimeParam(absl::Time t);

// A TIMESTAMP column; nullopt when NULL.
std::optional<absl::Time> TimeColumn(sql::ResultSet& rs, int column);

// Fetches a stored response for (method, request_id) into `out`; false when there is none.
// Call inside the write's transaction; an empty request_id never matches.
bool LoadIdempotentResponse(Connection& c, const std::string& method, const std::string& request_id,
                            google::protobuf::Message* out);

// Stores the response of a write for (method, request_id), in the write's transaction.
void SaveIdempotentResponse(Connection& c, const std::string& method,
                            const std::string& request_id, const google::protobuf::Message& resp);

// Parses a proto enum by name (as stored), or returns `fallback`.
template <typename Enum>
Enum ParseEnumOr(const std::string& name, bool (*parse)(const std::string&, Enum*), Enum fallback) {
  Enum v;
  return parse(name, &v) ? v : fallback;
}

// The number of placeholders for an IN list of `n` values (n >= 1): `n` rounded up to a power of
// two, so that a session prepares at most a handful of statement shapes. Bind the extra ones to a
// value already in the list.
size_t InListSlots(size_t n);

// "?,?,...,?": `slots` placeholders.
std::string Placeholders(size_t slots);

// Runs a query and returns its result set. Throws sql::SQLException.
inline std::unique_ptr<sql::ResultSet> Query(sql::PreparedStatement& stmt) {
  return std::unique_ptr<sql::ResultSet>(stmt.executeQuery());
}

}  // namespace kinerja::storage

#endif  // KINERJA_SERVER_STORAGE_SQL_ROWS_H_
