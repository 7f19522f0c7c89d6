#include "server/storage/audit_store.h"

#include "absl/strings/str_cat.h"
#include "google/protobuf/util/json_util.h"
#include "server/storage/sql_rows.h"

namespace kinerja::storage {

std::string AuditJson(const google::protobuf::Message& message) {
  std::string out;
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  if (!google::protobuf::util::MessageToJsonString(message, &out, options).ok()) return "{}";
  return out;
}

void AppendAudit(Connection& c, const AuditContext& ctx, absl::string_view resource,
                 const google::protobuf::Message* before, const google::protobuf::Message* after) {
  auto& stmt = c.Prepare(
      "INSERT INTO audit_log (actor, method, resource, request_id, before_json, after_json)"
      " VALUES (?, ?, ?, ?, ?, ?)");
  stmt.setString(1, ctx.actor);
  stmt.setString(2, ctx.method);
  stmt.setString(3, std::string(resource.substr(0, 200)));
  stmt.setString(4, ctx.request_id);
  if (before) stmt.setString(5, AuditJson(*before)); else stmt.setNull(5, 0);
  if (after) stmt.setString(6, AuditJson(*after)); else stmt.setNull(6, 0);
  stmt.executeUpdate();
}

absl::StatusOr<std::vector<v1::AuditEvent>> AuditRepository::List(const AuditFilter& filter,
                                                                  int64_t before_id, int limit,
                                                                  absl::Time deadline) {
  return pool_.Run(deadline, "ListAuditEvents",
                   [&](Connection& c) -> absl::StatusOr<std::vector<v1::AuditEvent>> {
    std::string sql =
        "SELECT id, at, actor, method, resource, request_id,"
        " before_json, after_json FROM audit_log WHERE 1 = 1";
    if (before_id > 0) absl::StrAppend(&sql, " AND id < ?");
    if (!filter.actor.empty()) absl::StrAppend(&sql, " AND actor = ?");
    if (!filter.method.empty()) absl::StrAppend(&sql, " AND method = ?");
    if (!filter.resource_prefix.empty()) absl::StrAppend(&sql, " AND resource LIKE ?");
    if (filter.start != absl::InfinitePast()) absl::StrAppend(&sql, " AND at >= FROM_UNIXTIME(?)");
    if (filter.end != absl::InfiniteFuture()) absl::StrAppend(&sql, " AND at < FROM_UNIXTIME(?)");
    absl::StrAppend(&sql, " ORDER BY id DESC LIMIT ?");
    auto& stmt = c.Prepare(sql);
    int i = 1;
    if (before_id > 0) stmt.setInt64(i++, before_id);
    if (!filter.actor.empty()) stmt.setString(i++, filter.actor);
    if (!filter.method.empty()) stmt.setString(i++, filter.method);
    if (!filter.resource_prefix.empty()) {
      std::string pattern;
      for (char ch : filter.resource_prefix) {
        if (ch == '%' || ch == '_' || ch == '\\') pattern.push_back('\\');
        pattern.push_back(ch);
      }
      stmt.setString(i++, pattern + "%");
    }
    if (filter.start != absl::InfinitePast()) {
      stmt.setDouble(i++, absl::ToDoubleSeconds(filter.start - absl::UnixEpoch()));
    }
    if (filter.end != absl::InfiniteFuture()) {
      stmt.setDouble(i++, absl::ToDoubleSeconds(filter.end - absl::UnixEpoch()));
    }
    stmt.setInt(i++, limit);
    auto rs = Query(stmt);
    std::vector<v1::AuditEvent> out;
    while (rs->next()) {
      v1::AuditEvent e;
      e.set_name(absl::StrCat("auditEvents/", rs->getInt64(1)));
      if (auto at = TimeColumn(*rs, 2)) {
        const int64_t secs = absl::ToUnixSeconds(*at);
        e.mutable_time()->set_seconds(secs);
        e.mutable_time()->set_nanos(
            static_cast<int32_t>((*at - absl::FromUnixSeconds(secs)) / absl::Nanoseconds(1)));
      }
      e.set_actor(rs->getString(3));
      e.set_method(rs->getString(4));
      e.set_resource(rs->getString(5));
      e.set_request_id(rs->getString(6));
      if (!rs->isNull(7)) e.set_before_json(rs->getString(7));
      if (!rs->isNull(8)) e.set_after_json(rs->getString(8));
      out.push_back(std::move(e));
    }
    return out;
  });
}

}  // namespace kinerja::storage
