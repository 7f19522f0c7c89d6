#include "server/storage/connection_pool.h"

#include <mysql_driver.h>

#include <cppconn/exception.h>
#include <cppconn/statement.h>

#include "absl/strings/str_cat.h"
#include "server/storage/sql_error.h"

namespace kinerja::storage {

sql::PreparedStatement& Connection::Prepare(const std::string& sql) {
  auto it = statements_.find(sql);
  if (it != statements_.end()) return *it->second;
  std::unique_ptr<sql::PreparedStatement> stmt(conn_->prepareStatement(sql));
  return *statements_.emplace(sql, std::move(stmt)).first->second;
}

void Connection::Execute(const std::string& sql) {
  std::unique_ptr<sql::Statement> stmt(conn_->createStatement());
  stmt->execute(sql);
}

ConnectionPool::Lease::~Lease() {
  if (conn_ != nullptr) pool_->Release(conn_);
}

ConnectionPool::ConnectionPool(PoolOptions options) : options_(std::move(options)) {
  if (options_.size < 1) options_.size = 1;
  for (int i = 0; i < options_.size; ++i) {
    connections_.push_back(std::make_unique<Connection>());
    free_.push_back(connections_.back().get());
  }
}

int ConnectionPool::in_use() const {
  std::lock_guard<std::mutex> lock(mu_);
  return static_cast<int>(connections_.size() - free_.size());
}

absl::Status ConnectionPool::Open(Connection& c) {
  c.statements_.clear();
  c.conn_.reset();
  try {
    sql::ConnectOptionsMap props;
    props["hostName"] = sql::SQLString(absl::StrCat("tcp://", options_.host, ":", options_.port));
    props["userName"] = sql::SQLString(options_.user);
    props["password"] = sql::SQLString(options_.password);
    if (!options_.database.empty()) props["schema"] = sql::SQLString(options_.database);
    props["OPT_CONNECT_TIMEOUT"] = static_cast<int>(absl::ToInt64Seconds(options_.connect_timeout));
    props["OPT_READ_TIMEOUT"] = static_cast<int>(absl::ToInt64Seconds(options_.read_timeout));
    props["OPT_WRITE_TIMEOUT"] = static_cast<int>(absl::ToInt64Seconds(options_.write_timeout));
    props["OPT_RECONNECT"] = false;
    props["OPT_CHARSET_NAME"] = sql::SQLString("utf8mb4");
    sql::mysql::MySQL_Driver* driver = sql::mysql::get_mysql_driver_instance();
    c.conn_.reset(driver->connect(props));
    c.Execute("SET time_zone = '+00:00'");
    c.Execute("SET NAMES utf8mb4 COLLATE utf8mb4_unicode_ci");
    c.Execute("SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,"
              "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'");
    c.Execute("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED");
    c.broken_ = false;
    return absl::OkStatus();
  } catch (const sql::SQLException& e) {
    c.conn_.reset();
    c.broken_ = true;
    return absl::UnavailableError(
        absl::StrCat("cannot connect to the database at ", options_.host, ":", options_.port,
                     " (error ", e.getErrorCode(), ")"));
  }
}

absl::StatusOr<ConnectionPool::Lease> ConnectionPool::Acquire(absl::Time deadline) {
  Connection* c = nullptr;
  {
    std::unique_lock<std::mutex> lock(mu_);
    const auto until = absl::ToChronoTime(deadline);
    while (free_.empty()) {
      if (deadline != absl::InfiniteFuture()) {
        if (cv_.wait_until(lock, until) == std::cv_status::timeout && free_.empty()) {
          return absl::DeadlineExceededError("no database connection became free in time");
        }
      } else {
        cv_.wait(lock);
      }
    }
    c = free_.back();
    free_.pop_back();
  }
  Lease lease(this, c);
  const absl::Time now = absl::Now();
  if (!c->broken_ && now - c->last_used_ > options_.validate_after_idle) {
    try {
      if (!c->conn_->isValid()) c->broken_ = true;
    } catch (const sql::SQLException&) {
      c->broken_ = true;
    }
  }
  if (c->broken_) {
    if (absl::Status st = Open(*c); !st.ok()) return st;
  }
  c->last_used_ = now;
  return lease;
}

absl::Status ConnectionPool::HandleException(Connection& c, absl::string_view what) {
  try {
    throw;
  } catch (const sql::SQLException& e) {
    if (IsConnectionError(e.getErrorCode()) || e.getErrorCode() == 0) c.MarkBroken();
    // A transaction cut by an error must not leak into the next borrower.
    if (!c.broken_) {
      try {
        if (!c.raw().getAutoCommit()) {
          c.raw().rollback();
          c.raw().setAutoCommit(true);
        }
      } catch (const sql::SQLException&) {
        c.MarkBroken();
      }
    }
    return StatusFromSqlError(e, what);
  } catch (const std::exception& e) {
    c.MarkBroken();
    return absl::InternalError(absl::StrCat(what, ": ", e.what()));
  }
}

void ConnectionPool::Release(Connection* c) {
  c->last_used_ = absl::Now();
  {
    std::lock_guard<std::mutex> lock(mu_);
    free_.push_back(c);
  }
  cv_.notify_one();
}

}  // namespace kinerja::storage
