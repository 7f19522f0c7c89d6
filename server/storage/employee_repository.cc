// DirectoryRepository: employees, their assignments, acting superiors and the superior relation.
#include <memory>

#include "absl/strings/str_cat.h"
#include "server/core/status_details.h"
#include "server/domain/assignment_rules.h"
#include "server/domain/civil_date.h"
#include "server/storage/directory_repository.h"
#include "server/storage/directory_rows.h"
#include "server/storage/sql_rows.h"
#include "server/storage/transaction.h"

namespace kinerja::storage {
namespace {

// An employee with the assignment covering a day (parameters 1 and 2: the day).
constexpr char kEmployeeColumns[] =
    "SELECT e.nip, e.full_name, e.employee_type, e.status, e.version,"
    " a.start_date, a.end_date, a.reason, p.code, p.title, p.kind, o.code, u.code";
constexpr char kEmployeeByOpdFrom[] =
    " FROM assignments a JOIN employees e ON e.id = a.employee_id"
    " JOIN positions p ON p.id = a.position_id JOIN opds o ON o.id = a.opd_id"
    " LEFT JOIN units u ON u.id = p.unit_id";
const std::string kEmployeeSelect = absl::StrCat(
    kEmployeeColumns,
    " FROM employees e"
    " LEFT JOIN assignments a ON a.employee_id = e.id AND a.start_date <= ?"
    "   AND (a.end_date IS NULL OR a.end_date >= ?)"
    " LEFT JOIN positions p ON p.id = a.position_id"
    " LEFT JOIN opds o ON o.id = p.opd_id"
    " LEFT JOIN units u ON u.id = p.unit_id");

v1::Employee EmployeeFromRow(sql::ResultSet& rs) {
  v1::Employee e;
  e.set_nip(rs.getString(1));
  e.set_name(absl::StrCat("employees/", e.nip()));
  e.set_full_name(rs.getString(2));
  e.set_employee_type(ParseEnumOr(std::string(rs.getString(3)), v1::EmployeeType_Parse,
                                                  v1::EMPLOYEE_TYPE_UNSPECIFIED));
  e.set_status(ParseEnumOr(std::string(rs.getString(4)), v1::EmployeeStatus_Parse,
                                             v1::EMPLOYEE_STATUS_UNSPECIFIED));
  e.set_etag(absl::StrCat("\"", rs.getInt(5), "\""));
  if (!rs.isNull(6)) FillAssignment(rs, 6, e.nip(), e.mutable_current_assignment());
  return e;
}

absl::StatusOr<v1::Employee> LoadEmployee(Connection& c, const std::string& nip,
                                          absl::CivilDay day) {
  auto& stmt = c.Prepare(absl::StrCat(kEmployeeSelect, " WHERE e.nip = ?"));
  stmt.setString(1, DateParam(day));
  stmt.setString(2, DateParam(day));
  stmt.setString(3, nip);
  auto rs = Query(stmt);
  if (!rs->next()) return absl::NotFoundError(absl::StrCat("employee ", nip, " not found"));
  return EmployeeFromRow(*rs);
}

std::optional<int64_t> EmployeeId(Connection& c, const std::string& nip) {
  auto& stmt = c.Prepare("SELECT id FROM employees WHERE nip = ?");
  stmt.setString(1, nip);
  auto rs = Query(stmt);
  if (!rs->next()) return std::nullopt;
  return rs->getInt64(1);
}

struct PositionRow {
  int64_t id;
  v1::PositionKind kind;
  std::optional<int64_t> superior;
};

std::optional<PositionRow> PositionByCode(Connection& c, const std::string& code) {
  auto& stmt = c.Prepare("SELECT id, kind, superior_position_id FROM positions WHERE code = ?");
  stmt.setString(1, code);
  auto rs = Query(stmt);
  if (!rs->next()) return std::nullopt;
  PositionRow p{rs->getInt64(1),
                ParseEnumOr(std::string(rs->getString(2)), v1::PositionKind_Parse,
                                            v1::POSITION_KIND_UNSPECIFIED),
                std::nullopt};
  if (!rs->isNull(3)) p.superior = rs->getInt64(3);
  return p;
}

v1::ActingAssignment ActingFromRow(sql::ResultSet& rs) {
  // Columns: id, nip, position code, kind, start, end.
  v1::ActingAssignment a;
  a.set_id(std::to_string(rs.getInt64(1)));
  a.set_employee(rs.getString(2));
  a.set_position(rs.getString(3));
  a.set_kind(ParseEnumOr(std::string(rs.getString(4)), v1::ActingKind_Parse,
                                       v1::ACTING_KIND_UNSPECIFIED));
  if (auto d = DateColumn(rs, 5)) *a.mutable_start_date() = domain::ToProtoDate(*d);
  if (auto d = DateColumn(rs, 6)) *a.mutable_end_date() = domain::ToProtoDate(*d);
  return a;
}

}  // namespace

absl::StatusOr<v1::Employee> DirectoryRepository::CreateEmployee(const v1::Employee& employee,
                                                                 const std::string& request_id,
                                                                 absl::CivilDay day,
                                                                 const AuditContext& audit,
                                                                 absl::Time deadline) {
  return pool_.Run(deadline, "CreateEmployee", [&](Connection& c) {
    return InTransaction(c, [&]() -> absl::StatusOr<v1::Employee> {
      v1::Employee stored;
      if (LoadIdempotentResponse(c, "CreateEmployee", request_id, &stored)) return stored;
      if (EmployeeId(c, employee.nip())) {
        return absl::AlreadyExistsError(
            absl::StrCat("employee ", employee.nip(), " already exists"));
      }
      auto& ins = c.Prepare(
          "INSERT INTO employees (nip, full_name, employee_type, status) VALUES (?, ?, ?, ?)");
      ins.setString(1, employee.nip());
      ins.setString(2, employee.full_name());
      ins.setString(3, v1::EmployeeType_Name(employee.employee_type()));
      ins.setString(4, v1::EmployeeStatus_Name(employee.status()));
      ins.executeUpdate();
      auto created = LoadEmployee(c, employee.nip(), day);
      if (created.ok()) {
        AppendAudit(c, audit, created->name(), nullptr, &*created);
        SaveIdempotentResponse(c, "CreateEmployee", request_id, *created);
      }
      return created;
    });
  });
}

absl::StatusOr<v1::Employee> DirectoryRepository::GetEmployee(const std::string& nip,
                                                             absl::CivilDay day,
                                                             absl::Time deadline) {
  return pool_.Run(deadline, "GetEmployee",
                   [&](Connection& c) { return LoadEmployee(c, nip, day); });
}

absl::StatusOr<absl::flat_hash_map<std::string, v1::Employee>> DirectoryRepository::GetEmployees(
    const std::vector<std::string>& nips, absl::CivilDay day, absl::Time deadline) {
  using Result = absl::flat_hash_map<std::string, v1::Employee>;
  return pool_.Run(deadline, "GetEmployees", [&](Connection& c) -> absl::StatusOr<Result> {
    Result out;
    if (nips.empty()) return out;
    const size_t slots = InListSlots(nips.size());  // padded with the last NIP
    auto& stmt =
        c.Prepare(absl::StrCat(kEmployeeSelect, " WHERE e.nip IN (", Placeholders(slots), ")"));
    stmt.setString(1, DateParam(day));
    stmt.setString(2, DateParam(day));
    for (size_t i = 0; i < slots; ++i) {
      stmt.setString(static_cast<int>(i + 3), nips[std::min(i, nips.size() - 1)]);
    }
    auto rs = Query(stmt);
    while (rs->next()) {
      v1::Employee e = EmployeeFromRow(*rs);
      std::string nip = e.nip();
      out.emplace(std::move(nip), std::move(e));
    }
    return out;
  });
}

absl::StatusOr<std::vector<v1::Employee>> DirectoryRepository::ListEmployees(
    const EmployeeFilter& filter, absl::CivilDay day, const std::string& after, int limit,
    absl::Time deadline) {
  return pool_.Run(deadline, "ListEmployees",
                   [&](Connection& c) -> absl::StatusOr<std::vector<v1::Employee>> {
    // With an OPD, the page is read in (opd_id, nip) index order from the assignments covering the
    // day; without one, in NIP order from employees.
    const bool by_opd = !filter.opd.empty();
    std::string sql =
        by_opd ? absl::StrCat(kEmployeeColumns, kEmployeeByOpdFrom,
                              " WHERE a.opd_id = (SELECT id FROM opds WHERE code = ?) AND a.nip > ?"
                              " AND a.start_date <= ? AND (a.end_date IS NULL OR a.end_date >= ?)")
               : absl::StrCat(kEmployeeSelect, " WHERE e.nip > ?");
    if (!filter.unit.empty()) absl::StrAppend(&sql, " AND u.code = ?");
    if (filter.position_kind != v1::POSITION_KIND_UNSPECIFIED) {
      absl::StrAppend(&sql, " AND p.kind = ?");
    }
    if (!filter.name_prefix.empty()) absl::StrAppend(&sql, " AND e.full_name LIKE ?");
    absl::StrAppend(&sql, by_opd ? " ORDER BY a.nip LIMIT ?" : " ORDER BY e.nip LIMIT ?");
    auto& stmt = c.Prepare(sql);
    int i = 1;
    if (by_opd) {
      stmt.setString(i++, filter.opd);
      stmt.setString(i++, after);
      stmt.setString(i++, DateParam(day));
      stmt.setString(i++, DateParam(day));
    } else {
      stmt.setString(i++, DateParam(day));
      stmt.setString(i++, DateParam(day));
      stmt.setString(i++, after);
    }
    if (!filter.unit.empty()) stmt.setString(i++, filter.unit);
    if (filter.position_kind != v1::POSITION_KIND_UNSPECIFIED) {
      stmt.setString(i++, v1::PositionKind_Name(filter.position_kind));
    }
    if (!filter.name_prefix.empty()) {
      std::string pattern;
      for (char ch : filter.name_prefix) {
        if (ch == '%' || ch == '_' || ch == '\\') pattern.push_back('\\');
        pattern.push_back(ch);
      }
      stmt.setString(i++, pattern + "%");
    }
    stmt.setInt(i++, limit);
    auto rs = Query(stmt);
    std::vector<v1::Employee> out;
    while (rs->next()) out.push_back(EmployeeFromRow(*rs));
    return out;
  });
}

absl::StatusOr<std::vector<v1::Assignment>> DirectoryRepository::ListAssignments(
    const std::string& nip, absl::Time deadline) {
  return pool_.Run(deadline, "ListAssignments",
                   [&](Connection& c) -> absl::StatusOr<std::vector<v1::Assignment>> {
    auto id = EmployeeId(c, nip);
    if (!id) return absl::NotFoundError(absl::StrCat("employee ", nip, " not found"));
    auto history = LoadHistory(c, *id, nip);
    return std::vector<v1::Assignment>(history.assignments().begin(), history.assignments().end());
  });
}

absl::StatusOr<v1::ActingAssignment> DirectoryRepository::CreateActingAssignment(
    const v1::ActingAssignment& acting, const std::string& request_id, const AuditContext& audit,
    absl::Time deadline) {
  return pool_.Run(deadline, "CreateActingAssignment", [&](Connection& c) {
    return InTransaction(c, [&]() -> absl::StatusOr<v1::ActingAssignment> {
      v1::ActingAssignment stored;
      if (LoadIdempotentResponse(c, "CreateActingAssignment", request_id, &stored)) return stored;
      auto employee_id = EmployeeId(c, acting.employee());
      if (!employee_id) {
        return core::FieldError("acting_assignment.employee",
                                absl::StrCat("employee ", acting.employee(), " not found"));
      }
      auto position = PositionByCode(c, acting.position());
      if (!position) {
        return core::FieldError("acting_assignment.position",
                                absl::StrCat("position '", acting.position(), "' not found"));
      }
      if (!domain::IsSingleHolder(position->kind)) {
        return core::FieldError("acting_assignment.position",
                                "PLT/PLH are registered only for JPT, Administrator or Pengawas "
                                "positions");
      }
      const absl::CivilDay start = *domain::FromProtoDate(acting.start_date());
      const absl::CivilDay end = *domain::FromProtoDate(acting.end_date());
      // Lock the position's registrations so two overlapping ones cannot both be written.
      auto& lock = c.Prepare("SELECT id FROM positions WHERE id = ? FOR UPDATE");
      lock.setInt64(1, position->id);
      Query(lock);
      auto& overlap = c.Prepare(
          "SELECT e.nip, aa.start_date, aa.end_date FROM acting_assignments aa"
          " JOIN employees e ON e.id = aa.employee_id"
          " WHERE aa.position_id = ? AND aa.start_date <= ? AND aa.end_date >= ? LIMIT 1");
      overlap.setInt64(1, position->id);
      overlap.setString(2, DateParam(end));
      overlap.setString(3, DateParam(start));
      auto rs = Query(overlap);
      if (rs->next()) {
        return core::FieldError(
            "acting_assignment.start_date",
            absl::StrCat("the position already has an acting superior (NIP ",
                         std::string(rs->getString(1)), ") from ", std::string(rs->getString(2)),
                         " to ", std::string(rs->getString(3))));
      }
      auto& ins = c.Prepare(
          "INSERT INTO acting_assignments (employee_id, position_id, kind, start_date, end_date)"
          " VALUES (?, ?, ?, ?, ?)");
      ins.setInt64(1, *employee_id);
      ins.setInt64(2, position->id);
      ins.setString(3, v1::ActingKind_Name(acting.kind()));
      ins.setString(4, DateParam(start));
      ins.setString(5, DateParam(end));
      ins.executeUpdate();
      auto id_rs = Query(c.Prepare("SELECT LAST_INSERT_ID()"));
      id_rs->next();
      v1::ActingAssignment created = acting;
      created.set_id(std::to_string(id_rs->getInt64(1)));
      AppendAudit(c, audit, absl::StrCat("actingAssignments/", created.id()), nullptr, &created);
      SaveIdempotentResponse(c, "CreateActingAssignment", request_id, created);
      return created;
    });
  });
}

absl::StatusOr<std::vector<v1::ActingAssignment>> DirectoryRepository::ListActingAssignments(
    const std::string& position_code, const std::string& nip, absl::Time deadline) {
  return pool_.Run(deadline, "ListActingAssignments",
                   [&](Connection& c) -> absl::StatusOr<std::vector<v1::ActingAssignment>> {
    std::string sql =
        "SELECT aa.id, e.nip, p.code, aa.kind, aa.start_date, aa.end_date"
        " FROM acting_assignments aa JOIN employees e ON e.id = aa.employee_id"
        " JOIN positions p ON p.id = aa.position_id WHERE 1 = 1";
    if (!position_code.empty()) absl::StrAppend(&sql, " AND p.code = ?");
    if (!nip.empty()) absl::StrAppend(&sql, " AND e.nip = ?");
    absl::StrAppend(&sql, " ORDER BY aa.start_date, aa.id LIMIT 10000");
    auto& stmt = c.Prepare(sql);
    int i = 1;
    if (!position_code.empty()) stmt.setString(i++, position_code);
    if (!nip.empty()) stmt.setString(i++, nip);
    auto rs = Query(stmt);
    std::vector<v1::ActingAssignment> out;
    while (rs->next()) out.push_back(ActingFromRow(*rs));
    return out;
  });
}

absl::StatusOr<v1::Superior> DirectoryRepository::GetSuperior(const std::string& nip,
                                                             absl::CivilDay day,
                                                             absl::Time deadline) {
  return pool_.Run(deadline, "GetSuperior", [&](Connection& c) -> absl::StatusOr<v1::Superior> {
    auto& own = c.Prepare(
        "SELECT p.superior_position_id FROM employees e JOIN assignments a ON a.employee_id = e.id"
        " JOIN positions p ON p.id = a.position_id WHERE e.nip = ? AND a.start_date <= ?"
        " AND (a.end_date IS NULL OR a.end_date >= ?)");
    own.setString(1, nip);
    own.setString(2, DateParam(day));
    own.setString(3, DateParam(day));
    auto rs = Query(own);
    if (!rs->next()) {
      if (!EmployeeId(c, nip)) return absl::NotFoundError(absl::StrCat("employee ", nip, " not found"));
      return absl::FailedPreconditionError(absl::StrCat(
          "employee ", nip, " has no assignment on ", domain::FormatIsoDate(day)));
    }
    std::optional<int64_t> position;
    if (!rs->isNull(1)) position = rs->getInt64(1);
    // Walk up from the superior position: a registered PLT/PLH acts on its days; otherwise the
    // definitive holder; a vacant position with no acting superior passes to the next one up.
    auto& acting = c.Prepare(
        "SELECT e.nip, aa.kind, p.code FROM acting_assignments aa JOIN employees e"
        " ON e.id = aa.employee_id JOIN positions p ON p.id = aa.position_id"
        " WHERE aa.position_id = ? AND aa.start_date <= ? AND aa.end_date >= ?"
        " ORDER BY aa.kind = 'PLH' DESC, aa.id DESC LIMIT 1");
    auto& holder = c.Prepare(
        "SELECT e.nip, p.code, p.superior_position_id FROM positions p"
        " LEFT JOIN assignments a ON a.position_id = p.id AND a.start_date <= ?"
        "   AND (a.end_date IS NULL OR a.end_date >= ?)"
        " LEFT JOIN employees e ON e.id = a.employee_id WHERE p.id = ? LIMIT 1");
    for (int depth = 0; position && depth < 64; ++depth) {
      acting.setInt64(1, *position);
      acting.setString(2, DateParam(day));
      acting.setString(3, DateParam(day));
      auto ars = Query(acting);
      if (ars->next()) {
        v1::Superior sup;
        auto e = LoadEmployee(c, ars->getString(1), day);
        if (!e.ok()) return e.status();
        *sup.mutable_employee() = *e;
        sup.set_position(ars->getString(3));
        sup.set_acting(true);
        sup.set_acting_kind(ParseEnumOr(std::string(ars->getString(2)), v1::ActingKind_Parse,
                                                      v1::ACTING_KIND_UNSPECIFIED));
        return sup;
      }
      holder.setString(1, DateParam(day));
      holder.setString(2, DateParam(day));
      holder.setInt64(3, *position);
      auto hrs = Query(holder);
      if (!hrs->next()) break;
      if (!hrs->isNull(1)) {
        v1::Superior sup;
        auto e = LoadEmployee(c, hrs->getString(1), day);
        if (!e.ok()) return e.status();
        *sup.mutable_employee() = *e;
        sup.set_position(hrs->getString(2));
        return sup;
      }
      position = hrs->isNull(3) ? std::nullopt : std::optional<int64_t>(hrs->getInt64(3));
    }
    return absl::NotFoundError(absl::StrCat("employee ", nip, " has no superior on ",
                                            domain::FormatIsoDate(day),
                                            " (top of the position tree)"));
  });
}

absl::StatusOr<std::vector<v1::Employee>> DirectoryRepository::ListSubordinates(
    const std::string& nip, absl::CivilDay day, absl::Time deadline) {
  return pool_.Run(deadline, "ListSubordinates",
                   [&](Connection& c) -> absl::StatusOr<std::vector<v1::Employee>> {
    auto id = EmployeeId(c, nip);
    if (!id) return absl::NotFoundError(absl::StrCat("employee ", nip, " not found"));
    const std::string d = DateParam(day);
    auto& stmt = c.Prepare(absl::StrCat(
        kEmployeeSelect,
        " WHERE p.superior_position_id IN ("
        "   SELECT position_id FROM assignments WHERE employee_id = ? AND start_date <= ?"
        "     AND (end_date IS NULL OR end_date >= ?)"
        "   UNION SELECT position_id FROM acting_assignments WHERE employee_id = ?"
        "     AND start_date <= ? AND end_date >= ?)"
        " AND e.id <> ? ORDER BY e.nip LIMIT 5000"));
    int i = 1;
    stmt.setString(i++, d);
    stmt.setString(i++, d);
    stmt.setInt64(i++, *id);
    stmt.setString(i++, d);
    stmt.setString(i++, d);
    stmt.setInt64(i++, *id);
    stmt.setString(i++, d);
    stmt.setString(i++, d);
    stmt.setInt64(i++, *id);
    auto rs = Query(stmt);
    std::vector<v1::Employee> out;
    while (rs->next()) out.push_back(EmployeeFromRow(*rs));
    return out;
  });
}

}  // namespace kinerja::storage
