#include "server/storage/sql_rows.h"

#include <sstream>

#include "server/domain/civil_date.h"

namespace kinerja::storage {

std::string DateParam(absl::CivilDay day) { return domain::FormatIsoDate(day); }

std::optional<absl::CivilDay> DateColumn(sql::ResultSet& rs, int column) {
  if (rs.isNull(column)) return std::nullopt;
  auto day = domain::ParseIsoDate(std::string(rs.getString(column)));
  if (!day.ok()) return std::nullopt;
  return *day;
}

std::string TimeParam(absl::Time t) {
  return absl::FormatTime("%Y-%m-%d %H:%M:%E6S", t, absl::UTCTimeZone());
}

size_t InListSlots(size_t n) {
  size_t slots = 1;
  while (slots < n) slots *= 2;
  return slots;
}

std::string Placeholders(size_t slots) {
  std::string out = "?";
  for (size_t i = 1; i < slots; ++i) out += ",?";
  return out;
}

std::optional<absl::Time> TimeColumn(sql::ResultSet& rs, int column) {
  if (rs.isNull(column)) return std::nullopt;
  absl::Time t;
  std::string err;
  if (!absl::ParseTime("%Y-%m-%d %H:%M:%E*S", std::string(rs.getString(column)), absl::UTCTimeZone(),
                       &t, &err)) {
    return std::nullopt;
  }
  return t;
}

bool LoadIdempotentResponse(Connection& c, const std::string& method, const std::string& request_id,
                            google::protobuf::Message* out) {
  if (request_id.empty()) return false;
  auto& stmt = c.Prepare(
      "SELECT response FROM idempotency_keys WHERE method = ? AND request_id = ? FOR UPDATE");
  stmt.setString(1, method);
  stmt.setString(2, request_id);
  auto rs = Query(stmt);
  if (!rs->next()) return false;
  std::unique_ptr<std::istream> blob(rs->getBlob(1));
  std::stringstream buf;
  buf << blob->rdbuf();
  return out->ParseFromString(buf.str());
}

void SaveIdempotentResponse(Connection& c, const std::string& method,
                            const std::string& request_id, const google::protobuf::Message& resp) {
  if (request_id.empty()) return;
  auto& stmt = c.Prepare(
      "INSERT INTO idempotency_keys (method, request_id, response) VALUES (?, ?, ?)");
  stmt.setString(1, method);
  stmt.setString(2, request_id);
  std::istringstream blob(resp.SerializeAsString());
  stmt.setBlob(3, &blob);
  stmt.executeUpdate();
}

}  // namespace kinerja::storage
