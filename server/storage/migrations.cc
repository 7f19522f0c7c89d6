#include "server/storage/migrations.h"

#include <sodium.h>

#include <memory>

#include <cppconn/resultset.h>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace kinerja::storage {
namespace {

constexpr char kCreateTable[] =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INT NOT NULL PRIMARY KEY,"
    " name VARCHAR(200) NOT NULL,"
    " checksum CHAR(64) NOT NULL,"
    " applied_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)"
    ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci";

struct Applied {
  std::string name;
  std::string checksum;
};

absl::flat_hash_map<int, Applied> LoadApplied(Connection& c) {
  absl::flat_hash_map<int, Applied> applied;
  std::unique_ptr<sql::ResultSet> rs(
      c.Prepare("SELECT version, name, checksum FROM schema_migrations").executeQuery());
  while (rs->next()) {
    applied[rs->getInt(1)] = Applied{rs->getString(2), rs->getString(3)};
  }
  return applied;
}

absl::Status Compare(const absl::flat_hash_map<int, Applied>& applied,
                     const std::vector<Migration>& migrations, bool require_all) {
  for (const Migration& m : migrations) {
    auto it = applied.find(m.version);
    if (it == applied.end()) {
      if (require_all) {
        return absl::FailedPreconditionError(
            absl::StrCat("migration V", m.version, "__", m.name, " is not applied"));
      }
      continue;
    }
    if (it->second.checksum != MigrationChecksum(m.sql)) {
      return absl::FailedPreconditionError(absl::StrCat(
          "migration V", m.version, "__", m.name,
          " has changed since it was applied (checksum mismatch); write a new migration instead"));
    }
  }
  return absl::OkStatus();
}

}  // namespace

std::string MigrationChecksum(absl::string_view sql) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(sql.data()), sql.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

std::vector<std::string> SplitSqlStatements(absl::string_view sql) {
  std::vector<std::string> out;
  std::string current;
  for (absl::string_view line : absl::StrSplit(sql, '\n')) {
    absl::string_view trimmed = absl::StripAsciiWhitespace(line);
    if (trimmed.empty() || absl::StartsWith(trimmed, "--")) continue;
    absl::StrAppend(&current, line, "\n");
    if (absl::EndsWith(trimmed, ";")) {
      absl::string_view stmt = absl::StripAsciiWhitespace(current);
      stmt.remove_suffix(1);
      out.emplace_back(stmt);
      current.clear();
    }
  }
  if (!absl::StripAsciiWhitespace(current).empty()) {
    out.emplace_back(absl::StripAsciiWhitespace(current));
  }
  return out;
}

absl::StatusOr<int> Migrate(ConnectionPool& pool, const std::vector<Migration>& migrations,
                            absl::Duration lock_timeout) {
  return pool.Run(absl::Now() + lock_timeout + absl::Seconds(5), "migrate",
                  [&](Connection& c) -> absl::StatusOr<int> {
    c.Execute(kCreateTable);
    {
      auto& lock = c.Prepare("SELECT GET_LOCK('kinerja.migrations', ?)");
      lock.setInt(1, static_cast<int>(absl::ToInt64Seconds(lock_timeout)));
      std::unique_ptr<sql::ResultSet> rs(lock.executeQuery());
      if (!rs->next() || rs->getInt(1) != 1) {
        return absl::UnavailableError("another process holds the migration lock");
      }
    }
    auto release = [&] {
      std::unique_ptr<sql::ResultSet>(
          c.Prepare("SELECT RELEASE_LOCK('kinerja.migrations')").executeQuery());
    };
    int count = 0;
    auto apply = [&]() -> absl::Status {
      auto applied = LoadApplied(c);
      if (absl::Status cmp = Compare(applied, migrations, false); !cmp.ok()) return cmp;
      for (const Migration& m : migrations) {
        if (applied.contains(m.version)) continue;
        for (const std::string& stmt : SplitSqlStatements(m.sql)) c.Execute(stmt);
        auto& rec = c.Prepare(
            "INSERT INTO schema_migrations (version, name, checksum) VALUES (?, ?, ?)");
        rec.setInt(1, m.version);
        rec.setString(2, m.name);
        rec.setString(3, MigrationChecksum(m.sql));
        rec.executeUpdate();
        ++count;
      }
      return absl::OkStatus();
    };
    absl::Status st;
    try {
      st = apply();
    } catch (...) {
      try {
        release();
      } catch (...) {
      }
      throw;
    }
    release();
    if (!st.ok()) return st;
    return count;
  });
}

absl::Status CheckMigrationsCurrent(ConnectionPool& pool, const std::vector<Migration>& migrations,
                                    absl::Time deadline) {
  return pool.Run(deadline, "check migrations", [&](Connection& c) -> absl::Status {
    return Compare(LoadApplied(c), migrations, true);
  });
}

}  // namespace kinerja::storage
