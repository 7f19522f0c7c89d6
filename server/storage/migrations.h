// Versioned schema migrations (server/migrations/V001__init.sql, V002__...).
//
// The SQL files are embedded in the binary at build time. Migrate() applies the missing ones in order
// while holding the database-wide lock GET_LOCK('kinerja.migrations'), so several replicas starting
// at once apply each file exactly once. Every applied file's SHA-256 is recorded; if an applied file
// has since changed, Migrate() refuses (FAILED_PRECONDITION) and the server does not start.
#ifndef KINERJA_SERVER_STORAGE_MIGRATIONS_H_
#define KINERJA_SERVER_STORAGE_MIGRATIONS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "server/storage/connection_pool.h"

namespace kinerja::storage {

struct Migration {
  int version = 0;   // from the file name: V007__add_x.sql -> 7
  std::string name;  // "add_x"
  std::string sql;   // statements separated by ';' at the end of a line
};

// The migrations compiled into this binary, in version order.
const std::vector<Migration>& EmbeddedMigrations();

// Lower-case hex SHA-256 of the file's text.
std::string MigrationChecksum(absl::string_view sql);

// Splits a file into statements: ';' at the end of a line ends one; lines starting with "--" are
// comments.
std::vector<std::string> SplitSqlStatements(absl::string_view sql);

// Applies what is missing; returns how many files it applied.
absl::StatusOr<int> Migrate(ConnectionPool& pool, const std::vector<Migration>& migrations,
                            absl::Duration lock_timeout = absl::Seconds(60));

// OK when every migration is applied with a matching checksum; FAILED_PRECONDITION otherwise.
absl::Status CheckMigrationsCurrent(ConnectionPool& pool, const std::vector<Migration>& migrations,
                                    absl::Time deadline);

}  // namespace kinerja::storage

#endif  // KINERJA_SERVER_STORAGE_MIGRATIONS_H_
