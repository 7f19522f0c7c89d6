#include "server/storage/directory_rows.h"

#include "absl/strings/str_cat.h"
#include "server/domain/civil_date.h"
#include "server/storage/sql_rows.h"

namespace kinerja::storage {

void FillAssignment(sql::ResultSet& rs, int first, const std::string& nip, v1::Assignment* a) {
  // Columns from `first`: start_date, end_date, reason, position code, title, kind, opd, unit.
  a->set_employee(nip);
  if (auto d = DateColumn(rs, first)) *a->mutable_start_date() = domain::ToProtoDate(*d);
  if (auto d = DateColumn(rs, first + 1)) *a->mutable_end_date() = domain::ToProtoDate(*d);
  a->set_reason(ParseEnumOr(std::string(rs.getString(first + 2)), v1::AssignmentReason_Parse,
                            v1::ASSIGNMENT_REASON_UNSPECIFIED));
  a->set_position(rs.getString(first + 3));
  a->set_position_title(rs.getString(first + 4));
  a->set_position_kind(ParseEnumOr(std::string(rs.getString(first + 5)), v1::PositionKind_Parse,
                                     v1::POSITION_KIND_UNSPECIFIED));
  a->set_opd(rs.getString(first + 6));
  if (!rs.isNull(first + 7)) a->set_unit(rs.getString(first + 7));
}

v1::ListAssignmentsResponse LoadHistory(Connection& c, int64_t employee_id, const std::string& nip) {
  auto& stmt = c.Prepare(
      absl::StrCat(kAssignmentSelect, " WHERE a.employee_id = ? ORDER BY a.start_date"));
  stmt.setInt64(1, employee_id);
  auto rs = Query(stmt);
  v1::ListAssignmentsResponse out;
  while (rs->next()) FillAssignment(*rs, 1, nip, out.add_assignments());
  return out;
}

}  // namespace kinerja::storage
