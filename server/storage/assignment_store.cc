// DirectoryRepository: the writes that change assignment history, the bulk import and the single
// transfer. Both load a snapshot of what the rows touch, plan with domain::PlanImport (one rule in
// one place) and apply the plan in one transaction, serialised by the database-wide lock
// 'kinerja.directory.assignments' so that concurrent writers (several replicas) cannot interleave
// between the check and the write.
#include <memory>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "server/core/status_details.h"
#include "server/domain/civil_date.h"
#include "server/storage/directory_repository.h"
#include "server/storage/directory_rows.h"
#include "server/storage/skp_repository.h"
#include "server/storage/sql_rows.h"
#include "server/storage/transaction.h"

namespace kinerja::storage {
namespace {

constexpr int kBatch = 500;
constexpr char kLockName[] = "kinerja.directory.assignments";

// "?,?,?" (or n copies of `one`): the bind markers of an IN list or a multi-row VALUES.
std::string BindMarkers(size_t n, absl::string_view one = "?") {
  std::string s;
  s.reserve(n * (one.size() + 1));
  for (size_t i = 0; i < n; ++i) absl::StrAppend(&s, i ? "," : "", one);
  return s;
}

// Runs `sql_prefix` + "(?,?,..)" + `sql_suffix` over `keys` in batches, calling `row` per result row.
template <typename Key, typename Bind, typename Row>
void ForEachBatch(Connection& c, const std::vector<Key>& keys, absl::string_view sql_prefix,
                  absl::string_view sql_suffix, Bind bind, Row row) {
  for (size_t start = 0; start < keys.size(); start += kBatch) {
    const size_t n = std::min<size_t>(kBatch, keys.size() - start);
    auto& stmt = c.Prepare(absl::StrCat(sql_prefix, "(", BindMarkers(n), ")", sql_suffix));
    for (size_t i = 0; i < n; ++i) bind(stmt, static_cast<int>(i + 1), keys[start + i]);
    auto rs = Query(stmt);
    while (rs->next()) row(*rs);
  }
}

// Holds a named database lock for the life of the object.
class NamedLock {
 public:
  NamedLock(Connection& c, absl::Duration timeout) : c_(c) {
    auto& stmt = c_.Prepare("SELECT GET_LOCK(?, ?)");
    stmt.setString(1, kLockName);
    stmt.setInt(2, static_cast<int>(std::max<int64_t>(1, absl::ToInt64Seconds(timeout))));
    auto rs = Query(stmt);
    held_ = rs->next() && !rs->isNull(1) && rs->getInt(1) == 1;
  }
  ~NamedLock() {
    if (!held_) return;
    try {
      auto& stmt = c_.Prepare("SELECT RELEASE_LOCK(?)");
      stmt.setString(1, kLockName);
      Query(stmt);
    } catch (...) {
      c_.MarkBroken();  // the session ends, and the lock with it
    }
  }
  bool held() const { return held_; }

 private:
  Connection& c_;
  bool held_ = false;
};

domain::ImportSnapshot LoadSnapshot(Connection& c, const std::vector<domain::ImportRow>& rows) {
  domain::ImportSnapshot snap;
  absl::flat_hash_set<std::string> codes_set, nips_set;
  for (const auto& r : rows) {
    codes_set.insert(r.position_code);
    nips_set.insert(r.nip);
  }
  std::vector<std::string> codes(codes_set.begin(), codes_set.end());
  std::vector<std::string> nips(nips_set.begin(), nips_set.end());
  auto bind_string = [](sql::PreparedStatement& s, int i, const std::string& v) {
    s.setString(i, v);
  };

  std::vector<int64_t> single_holder_ids;
  ForEachBatch(c, codes, "SELECT id, code, kind, opd_id FROM positions WHERE code IN ", "",
               bind_string, [&](sql::ResultSet& rs) {
                 domain::PositionRef ref;
                 ref.id = rs.getInt64(1);
                 v1::PositionKind_Parse(std::string(rs.getString(3)), &ref.kind);
                 ref.opd_id = rs.getInt64(4);
                 snap.positions[std::string(rs.getString(2))] = ref;
                 if (domain::IsSingleHolder(ref.kind)) single_holder_ids.push_back(ref.id);
               });

  absl::flat_hash_map<int64_t, std::string> nip_of;
  ForEachBatch(c, nips,
               "SELECT id, nip, full_name, employee_type, status FROM employees WHERE nip IN ", "",
               bind_string, [&](sql::ResultSet& rs) {
                 domain::EmployeeRecord rec;
                 rec.id = rs.getInt64(1);
                 rec.full_name = rs.getString(3);
                 v1::EmployeeType_Parse(std::string(rs.getString(4)), &rec.employee_type);
                 v1::EmployeeStatus_Parse(std::string(rs.getString(5)), &rec.status);
                 std::string nip = rs.getString(2);
                 nip_of[rec.id] = nip;
                 snap.employees[nip] = std::move(rec);
               });

  std::vector<int64_t> ids;
  ids.reserve(nip_of.size());
  for (const auto& [id, nip] : nip_of) ids.push_back(id);
  auto bind_id = [](sql::PreparedStatement& s, int i, int64_t v) { s.setInt64(i, v); };
  ForEachBatch(c, ids,
               "SELECT employee_id, id, position_id, start_date, end_date FROM assignments"
               " WHERE employee_id IN ",
               " FOR UPDATE", bind_id, [&](sql::ResultSet& rs) {
                 domain::AssignmentSpan span;
                 span.id = rs.getInt64(2);
                 span.position_id = rs.getInt64(3);
                 span.start = *DateColumn(rs, 4);
                 span.end = DateColumn(rs, 5);
                 auto& rec = snap.employees[nip_of[rs.getInt64(1)]];
                 if (!rec.latest || rec.latest->start < span.start) rec.latest = span;
                 rec.history.push_back(span);
               });

  ForEachBatch(c, single_holder_ids,
               "SELECT a.id, e.nip, a.position_id, a.start_date, a.end_date FROM assignments a"
               " JOIN employees e ON e.id = a.employee_id WHERE a.position_id IN ",
               "", bind_id, [&](sql::ResultSet& rs) {
                 domain::HolderSpan h;
                 h.span.id = rs.getInt64(1);
                 h.nip = rs.getString(2);
                 h.span.position_id = rs.getInt64(3);
                 h.span.start = *DateColumn(rs, 4);
                 h.span.end = DateColumn(rs, 5);
                 snap.single_holder_spans[h.span.position_id].push_back(std::move(h));
               });
  return snap;
}

// Writes the plan. An assignment that ends closes its SKP at the same date, in the same transaction
// (DOMAIN.md 2.3), audited under `audit`.
void ApplyPlan(Connection& c, const domain::ImportPlan& plan, const domain::ImportSnapshot& snap,
               const AuditContext& audit) {
  // New employees, in batches.
  for (size_t start = 0; start < plan.new_employees.size(); start += kBatch) {
    const size_t n = std::min<size_t>(kBatch, plan.new_employees.size() - start);
    auto& stmt = c.Prepare(
        absl::StrCat("INSERT INTO employees (nip, full_name, employee_type, status) VALUES ",
                     BindMarkers(n, "(?,?,?,?)")));
    for (size_t i = 0; i < n; ++i) {
      const auto& e = plan.new_employees[start + i];
      const int b = static_cast<int>(i * 4);
      stmt.setString(b + 1, e.nip);
      stmt.setString(b + 2, e.full_name);
      stmt.setString(b + 3, v1::EmployeeType_Name(e.employee_type));
      stmt.setString(b + 4, v1::EmployeeStatus_Name(e.status));
    }
    stmt.executeUpdate();
  }
  absl::flat_hash_map<std::string, int64_t> id_of;
  for (const auto& [nip, rec] : snap.employees) id_of[nip] = rec.id;
  std::vector<std::string> new_nips;
  new_nips.reserve(plan.new_employees.size());
  for (const auto& e : plan.new_employees) new_nips.push_back(e.nip);
  ForEachBatch(
      c, new_nips, "SELECT id, nip FROM employees WHERE nip IN ", "",
      [](sql::PreparedStatement& s, int i, const std::string& v) { s.setString(i, v); },
      [&](sql::ResultSet& rs) { id_of[std::string(rs.getString(2))] = rs.getInt64(1); });

  for (const auto& u : plan.employee_updates) {
    auto& stmt = c.Prepare(
        "UPDATE employees SET full_name = ?, employee_type = ?, status = ?,"
        " version = version + 1 WHERE id = ?");
    stmt.setString(1, u.full_name);
    stmt.setString(2, v1::EmployeeType_Name(u.employee_type));
    stmt.setString(3, v1::EmployeeStatus_Name(u.status));
    stmt.setInt64(4, u.id);
    stmt.executeUpdate();
  }
  for (const auto& cl : plan.closes) {
    auto& stmt = c.Prepare("UPDATE assignments SET end_date = ? WHERE id = ? AND end_date IS NULL");
    stmt.setString(1, DateParam(cl.end));
    stmt.setInt64(2, cl.assignment_id);
    stmt.executeUpdate();
    CloseSkpsOfEndedAssignment(c, cl.assignment_id, cl.end, audit);
  }
  for (size_t start = 0; start < plan.opens.size(); start += kBatch) {
    const size_t n = std::min<size_t>(kBatch, plan.opens.size() - start);
    auto& stmt = c.Prepare(absl::StrCat(
        "INSERT INTO assignments (employee_id, nip, position_id, opd_id, start_date, end_date,"
        " reason) VALUES ",
        BindMarkers(n, "(?,?,?,?,?,?,?)")));
    for (size_t i = 0; i < n; ++i) {
      const auto& o = plan.opens[start + i];
      const int b = static_cast<int>(i * 7);
      stmt.setInt64(b + 1, id_of.at(o.nip));
      stmt.setString(b + 2, o.nip);
      stmt.setInt64(b + 3, o.position_id);
      stmt.setInt64(b + 4, o.opd_id);
      stmt.setString(b + 5, DateParam(o.start));
      if (o.end) stmt.setString(b + 6, DateParam(*o.end)); else stmt.setNull(b + 6, 0);
      stmt.setString(b + 7, v1::AssignmentReason_Name(o.reason));
    }
    stmt.executeUpdate();
  }
}

ImportCounts CountsOf(const domain::ImportPlan& plan) {
  ImportCounts counts;
  counts.employees_created = static_cast<int>(plan.new_employees.size());
  counts.employees_updated = static_cast<int>(plan.employee_updates.size());
  counts.assignments_opened = static_cast<int>(plan.opens.size());
  counts.rows_unchanged = plan.rows_unchanged;
  return counts;
}

// Renames an import violation ("csv[line=0].tmt_jabatan") for the single-transfer request.
std::vector<domain::Violation> AsTransferViolations(std::vector<domain::Violation> violations) {
  for (auto& v : violations) {
    v.field = absl::StrReplaceAll(v.field, {{"csv[line=0].tmt_jabatan", "effective_date"},
                                            {"csv[line=0].kode_jabatan", "position"}});
  }
  return violations;
}

}  // namespace

absl::StatusOr<ImportCounts> DirectoryRepository::ImportEmployees(
    const std::vector<domain::ImportRow>& rows, bool validate_only, const AuditContext& audit,
    absl::Time deadline) {
  return pool_.Run(deadline, "ImportEmployees", [&](Connection& c) -> absl::StatusOr<ImportCounts> {
    NamedLock lock(c, deadline - absl::Now());
    if (!lock.held()) return absl::AbortedError("another import or transfer is running; try again");
    return InTransaction(c, [&]() -> absl::StatusOr<ImportCounts> {
      const domain::ImportSnapshot snap = LoadSnapshot(c, rows);
      const domain::ImportPlan plan = domain::PlanImport(rows, snap);
      if (!plan.violations.empty()) {
        return core::InvalidArgumentWithViolations(
            absl::StrCat("the import has ", plan.violations.size(),
                         " problem(s); nothing was stored"),
            plan.violations);
      }
      const ImportCounts counts = CountsOf(plan);
      if (!validate_only) {
        ApplyPlan(c, plan, snap, audit);
        v1::ImportEmployeesResponse summary;
        summary.set_rows(static_cast<int>(rows.size()));
        summary.set_employees_created(counts.employees_created);
        summary.set_employees_updated(counts.employees_updated);
        summary.set_assignments_opened(counts.assignments_opened);
        summary.set_rows_unchanged(counts.rows_unchanged);
        summary.set_applied(true);
        AppendAudit(c, audit, "employees:import", nullptr, &summary);
      }
      return counts;
    });
  });
}

absl::StatusOr<v1::Assignment> DirectoryRepository::TransferEmployee(
    const std::string& nip, const std::string& position_code, absl::CivilDay effective,
    v1::AssignmentReason reason, const std::string& request_id, const AuditContext& audit,
    absl::Time deadline) {
  return pool_.Run(deadline, "TransferEmployee",
                   [&](Connection& c) -> absl::StatusOr<v1::Assignment> {
    NamedLock lock(c, deadline - absl::Now());
    if (!lock.held()) return absl::AbortedError("another import or transfer is running; try again");
    return InTransaction(c, [&]() -> absl::StatusOr<v1::Assignment> {
      v1::Assignment stored;
      if (LoadIdempotentResponse(c, "TransferEmployee", request_id, &stored)) return stored;
      domain::ImportRow row;
      row.nip = nip;
      row.position_code = position_code;
      row.effective = effective;
      row.reason = reason;
      domain::ImportSnapshot snap = LoadSnapshot(c, {row});
      auto emp = snap.employees.find(nip);
      if (emp == snap.employees.end()) {
        return absl::NotFoundError(absl::StrCat("employee ", nip, " not found"));
      }
      row.full_name = emp->second.full_name;
      row.employee_type = emp->second.employee_type;
      row.status = emp->second.status;
      const domain::ImportPlan plan = domain::PlanImport({row}, snap);
      if (!plan.violations.empty()) {
        return core::InvalidArgumentWithViolations("the transfer is not possible",
                                                   AsTransferViolations(plan.violations));
      }
      const v1::ListAssignmentsResponse before = LoadHistory(c, emp->second.id, nip);
      ApplyPlan(c, plan, snap, audit);
      const v1::ListAssignmentsResponse after = LoadHistory(c, emp->second.id, nip);
      AppendAudit(c, audit, absl::StrCat("employees/", nip), &before, &after);
      auto& sel =
          c.Prepare(absl::StrCat(kAssignmentSelect, " WHERE a.employee_id = ? AND a.start_date = ?"));
      sel.setInt64(1, emp->second.id);
      sel.setString(2, DateParam(effective));
      auto rs = Query(sel);
      if (!rs->next()) return absl::InternalError("the new assignment was not found after writing");
      v1::Assignment a;
      FillAssignment(*rs, 1, nip, &a);
      SaveIdempotentResponse(c, "TransferEmployee", request_id, a);
      return a;
    });
  });
}

}  // namespace kinerja::storage
