// Import of employees and their assignments from CSV (layout in docs/csv-import.md), as pure rules:
// parsing and checking every row, then planning the changes against a snapshot of what the database
// holds. The storage layer loads the snapshot and applies the plan in one transaction.
#ifndef KINERJA_SERVER_DOMAIN_EMPLOYEE_IMPORT_H_
#define KINERJA_SERVER_DOMAIN_EMPLOYEE_IMPORT_H_

#include <cstdint>
#include <optional>
#include <string>
#include "absl/strings/string_view.h"
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/time/civil_time.h"
#include "kinerja/v1/common.pb.h"
#include "kinerja/v1/directory.pb.h"
#include "server/domain/assignment_rules.h"
#include "server/domain/violation.h"

namespace kinerja::domain {

struct ImportRow {
  int line = 0;
  std::string nip;
  std::string full_name;
  v1::EmployeeType employee_type = v1::EMPLOYEE_TYPE_UNSPECIFIED;
  v1::EmployeeStatus status = v1::ACTIVE;
  std::string position_code;
  absl::CivilDay effective;
  v1::AssignmentReason reason = v1::ASSIGNMENT_REASON_UNSPECIFIED;  // unspecified: derived
};

struct ParsedImport {
  std::vector<ImportRow> rows;
  std::vector<Violation> violations;
};

// The column names of the layout, in the order the documentation lists them.
inline constexpr absl::string_view kImportColumns[] = {
    "nip", "nama", "jenis_asn", "status", "kode_jabatan", "tmt_jabatan", "jenis_mutasi"};

// Parses and checks every row; all problems are collected, not just the first. At most
// `max_rows` data rows are accepted.
ParsedImport ParseEmployeeCsv(absl::string_view csv, int max_rows = 1'000'000);

// What the database holds, for the NIPs and positions the file names.
struct PositionRef {
  int64_t id = 0;
  v1::PositionKind kind = v1::POSITION_KIND_UNSPECIFIED;
  int64_t opd_id = 0;
};
struct EmployeeRecord {
  int64_t id = 0;
  std::string full_name;
  v1::EmployeeType employee_type = v1::EMPLOYEE_TYPE_UNSPECIFIED;
  v1::EmployeeStatus status = v1::ACTIVE;
  std::optional<AssignmentSpan> latest;  // the one with the greatest start
  std::vector<AssignmentSpan> history;   // all of them; a row equal to one of them is unchanged
};
struct HolderSpan {
  std::string nip;
  AssignmentSpan span;
};
struct ImportSnapshot {
  absl::flat_hash_map<std::string, PositionRef> positions;     // by code
  absl::flat_hash_map<std::string, EmployeeRecord> employees;  // by NIP; absent: new
  // Every assignment on the single-holder positions the file names, by position id.
  absl::flat_hash_map<int64_t, std::vector<HolderSpan>> single_holder_spans;
};

struct NewEmployee {
  std::string nip;
  std::string full_name;
  v1::EmployeeType employee_type;
  v1::EmployeeStatus status;
};
struct EmployeeUpdate {
  int64_t id = 0;
  std::string full_name;
  v1::EmployeeType employee_type;
  v1::EmployeeStatus status;
};
struct AssignmentClose {
  int64_t assignment_id = 0;
  absl::CivilDay end;
};
struct AssignmentOpen {
  std::string nip;
  int64_t position_id = 0;
  int64_t opd_id = 0;
  absl::CivilDay start;
  std::optional<absl::CivilDay> end;  // set when a later row in the same file closes it
  v1::AssignmentReason reason = v1::INITIAL;
};

struct ImportPlan {
  std::vector<Violation> violations;  // non-empty: apply nothing
  std::vector<NewEmployee> new_employees;
  std::vector<EmployeeUpdate> employee_updates;
  std::vector<AssignmentClose> closes;
  std::vector<AssignmentOpen> opens;
  int rows_unchanged = 0;
};

// Plans the import of checked rows against the snapshot: unknown positions, history rules
// (PlanAssignment) and one holder at a time on JPT/Administrator/Pengawas positions are checked here.
// Rows of one NIP are taken in order of their effective date.
ImportPlan PlanImport(const std::vector<ImportRow>& rows, const ImportSnapshot& snapshot);

}  // namespace kinerja::domain

#endif  // KINERJA_SERVER_DOMAIN_EMPLOYEE_IMPORT_H_
