// A fixed-size pool of MariaDB connections (Connector/C++ 1.1).
//
// A connection is checked before it is lent when it has been idle for a while or its last use failed
// with a connection error; a broken connection is re-opened, and its prepared statements, which die
// with the old session, are prepared again on first use. Waiting for a free connection is bounded by
// the caller's deadline. All sessions run in UTC with utf8mb4 and strict SQL mode.
#ifndef KINERJA_SERVER_STORAGE_CONNECTION_POOL_H_
#define KINERJA_SERVER_STORAGE_CONNECTION_POOL_H_

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace kinerja::storage {

struct PoolOptions {
  std::string host = "127.0.0.1";
  int port = 3306;
  std::string user;
  std::string password;
  std::string database;
  int size = 8;
  absl::Duration connect_timeout = absl::Seconds(3);
  absl::Duration read_timeout = absl::Seconds(10);
  absl::Duration write_timeout = absl::Seconds(10);
  // A connection idle longer than this is pinged before it is lent.
  absl::Duration validate_after_idle = absl::Milliseconds(500);
};

// One pooled session. Used only by the thread that holds its Lease.
class Connection {
 public:
  sql::Connection& raw() { return *conn_; }

  // The prepared statement for `sql`, prepared once per session and reused. Throws sql::SQLException
  // (callers are inside ConnectionPool::Run or catch it themselves).
  sql::PreparedStatement& Prepare(const std::string& sql);

  // Runs a statement that returns no rows (DDL, SET ...). Throws sql::SQLException.
  void Execute(const std::string& sql);

  // Marks the session unusable; the pool re-opens it before lending it again.
  void MarkBroken() { broken_ = true; }

 private:
  friend class ConnectionPool;
  std::unique_ptr<sql::Connection> conn_;
  absl::flat_hash_map<std::string, std::unique_ptr<sql::PreparedStatement>> statements_;
  absl::Time last_used_ = absl::InfinitePast();
  bool broken_ = true;  // not opened yet
};

class ConnectionPool {
 public:
  // Lends one connection; returns it to the pool when destroyed.
  class Lease {
   public:
    Lease(Lease&& other) noexcept : pool_(other.pool_), conn_(other.conn_) { other.conn_ = nullptr; }
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    Connection* operator->() const { return conn_; }
    Connection& operator*() const { return *conn_; }

   private:
    friend class ConnectionPool;
    Lease(ConnectionPool* pool, Connection* conn) : pool_(pool), conn_(conn) {}
    ConnectionPool* pool_;
    Connection* conn_;
  };

  // Creates the pool; connections open lazily on first use.
  explicit ConnectionPool(PoolOptions options);
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  // Waits until `deadline` for a free connection, makes sure it is open and alive, and lends it.
  // UNAVAILABLE when the database cannot be reached; DEADLINE_EXCEEDED when none frees in time.
  absl::StatusOr<Lease> Acquire(absl::Time deadline);

  // Acquires a connection and runs fn(Connection&) -> absl::Status or absl::StatusOr<T>, turning any
  // sql::SQLException into a status (and marking the connection broken on a connection error).
  template <typename Fn>
  auto Run(absl::Time deadline, absl::string_view what, Fn&& fn) -> decltype(fn(std::declval<Connection&>()));

  int size() const { return static_cast<int>(connections_.size()); }
  int in_use() const;
  const PoolOptions& options() const { return options_; }

 private:
  absl::Status Open(Connection& c);
  absl::Status HandleException(Connection& c, absl::string_view what);
  void Release(Connection* c);

  PoolOptions options_;
  std::vector<std::unique_ptr<Connection>> connections_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::vector<Connection*> free_;
};

template <typename Fn>
auto ConnectionPool::Run(absl::Time deadline, absl::string_view what, Fn&& fn)
    -> decltype(fn(std::declval<Connection&>())) {
  auto lease = Acquire(deadline);
  if (!lease.ok()) return lease.status();
  Connection& c = **lease;
  try {
    return fn(c);
  } catch (...) {
    return HandleException(c, what);
  }
}

}  // namespace kinerja::storage

#endif  // KINERJA_SERVER_STORAGE_CONNECTION_POOL_H_
