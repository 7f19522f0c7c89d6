// Runs a function inside one database transaction on a pooled connection.
#ifndef KINERJA_SERVER_STORAGE_TRANSACTION_H_
#define KINERJA_SERVER_STORAGE_TRANSACTION_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "server/storage/connection_pool.h"

namespace kinerja::storage {

inline bool IsOk(const absl::Status& s) { return s.ok(); }
template <typename T>
bool IsOk(const absl::StatusOr<T>& s) {
  return s.ok();
}

// The longest a transaction may run: one that took longer is rolled back instead of committed
// (ABORTED, to be tried again). The SKP cache's change feed relies on it (skp_cache.h): a row's
// updated_at is its statement's time, and a poll must see the row before it leaves its window.
inline constexpr int64_t kMaxTransactionSeconds = 30;
inline constexpr absl::Duration kMaxTransaction = absl::Seconds(kMaxTransactionSeconds);

// Begins a transaction on `c`, runs fn() -> Status or StatusOr<T>, commits when it succeeds and rolls
// back when it fails or ran longer than kMaxTransaction. A thrown sql::SQLException propagates after a rollback attempt, so that
// ConnectionPool::Run maps it (and marks a lost connection broken).
template <typename Fn>
auto InTransaction(Connection& c, Fn&& fn) -> decltype(fn()) {
  const absl::Time began = absl::Now();
  c.raw().setAutoCommit(false);
  try {
    auto result = fn();
    if (IsOk(result) && absl::Now() - began > kMaxTransaction) {
      result = absl::AbortedError(
          "the change took too long to store and was not saved; please try again");
    }
    if (IsOk(result)) {
      c.raw().commit();
    } else {
      c.raw().rollback();
    }
    c.raw().setAutoCommit(true);
    return result;
  } catch (...) {
    try {
      c.raw().rollback();
      c.raw().setAutoCommit(true);
    } catch (...) {
      c.MarkBroken();
    }
    throw;
  }
}

}  // namespace kinerja::storage

#endif  // KINERJA_SERVER_STORAGE_TRANSACTION_H_
