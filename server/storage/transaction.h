// Runs a function inside one database transaction on a pooled connection.
#ifndef KINERJA_SERVER_STORAGE_TRANSACTION_H_
#define KINERJA_SERVER_STORAGE_TRANSACTION_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "server/storage/connection_pool.h"

namespace kinerja::storage {

inline bool IsOk(const absl::Status& s) { return s.ok(); }
template <typename T>
bool IsOk(const absl::StatusOr<T>& s) {
  return s.ok();
}

// Begins a transaction on `c`, runs fn() -> Status or StatusOr<T>, commits when it succeeds and rolls
// back when it fails. A thrown sql::SQLException propagates after a rollback attempt, so that
// ConnectionPool::Run maps it (and marks a lost connection broken).
template <typename Fn>
auto InTransaction(Connection& c, Fn&& fn) -> decltype(fn()) {
  c.raw().setAutoCommit(false);
  try {
    auto result = fn();
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
