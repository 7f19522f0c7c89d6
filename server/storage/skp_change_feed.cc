#include "server/storage/skp_change_feed.h"

#include <mysql_driver.h>

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "server/storage/sql_rows.h"

namespace kinerja::storage {
namespace {

// The rows of `table` written since the database time `since` less `back_seconds`.
template <typename Add>
void ReadRows(Connection& c, absl::string_view key, absl::string_view table,
              const std::string& since, int64_t back_seconds, Add add) {
  auto& sel = c.Prepare(absl::StrCat("SELECT ", key, ", version FROM ", table,
                                     " WHERE updated_at >= ? - INTERVAL ", back_seconds, " SECOND"));
  sel.setString(1, since);
  auto rs = Query(sel);
  while (rs->next()) add(*rs);
}

}  // namespace

RecentChanges ReadRecentChanges(Connection& c, const std::string& since) {
  RecentChanges out;
  {
    auto rs = Query(c.Prepare("SELECT CAST(NOW(6) AS CHAR)"));
    rs->next();
    out.db_now = std::string(rs->getString(1));
  }
  const std::string& from = since.empty() ? out.db_now : since;
  const int64_t back = since.empty() ? kFeedWindowSeconds : kMaxTransactionSeconds + 10;
  SkpCache::Changes& ch = out.changes;
  ReadRows(c, "id", "skps", from, back,
           [&](sql::ResultSet& rs) { ch.skps.emplace_back(rs.getInt64(1), rs.getInt64(2)); });
  ReadRows(c, "nip", "employees", from, back, [&](sql::ResultSet& rs) {
    ch.employees.emplace_back(std::string(rs.getString(1)), rs.getInt64(2));
  });
  ReadRows(c, "code", "positions", from, back, [&](sql::ResultSet& rs) {
    ch.positions.emplace_back(std::string(rs.getString(1)), rs.getInt64(2));
  });
  return out;
}

SkpChangeFeed::SkpChangeFeed(ConnectionPool& pool, SkpCache& cache,
                             std::function<uint64_t()> directory_generation, absl::Duration every)
    : pool_(pool),
      cache_(cache),
      directory_generation_(std::move(directory_generation)),
      every_(every) {}

SkpChangeFeed::~SkpChangeFeed() { Stop(); }

absl::Status SkpChangeFeed::PollOnce(absl::Time deadline) {
  absl::MutexLock lock(&poll_mu_);
  // Taken before the queries: what they confirm is no older than this.
  const SkpCache::Stamp stamp = cache_.StampNow(directory_generation_());
  auto read = pool_.Run(deadline, "SkpChangeFeed", [this](Connection& c) -> absl::StatusOr<RecentChanges> {
    return ReadRecentChanges(c, since_);
  });
  if (!read.ok()) {
    failures_.fetch_add(1, std::memory_order_relaxed);
    return read.status();
  }
  since_ = read->db_now;
  cache_.ApplyFeed(read->changes, stamp, absl::Now());
  polls_.fetch_add(1, std::memory_order_relaxed);
  return absl::OkStatus();
}

void SkpChangeFeed::Start() {
  thread_ = std::thread([this] {
    sql::mysql::get_mysql_driver_instance()->threadInit();  // as the database workers do
    {
      absl::MutexLock lock(&mu_);
      while (!stopping_) {
        mu_.Unlock();
        // A failure is counted; the next tick tries again.
        PollOnce(absl::Now() + every_).IgnoreError();
        mu_.Lock();
        mu_.AwaitWithTimeout(absl::Condition(&stopping_), every_);
      }
    }
    sql::mysql::get_mysql_driver_instance()->threadEnd();
  });
}

void SkpChangeFeed::Stop() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  if (thread_.joinable()) thread_.join();
}

}  // namespace kinerja::storage
