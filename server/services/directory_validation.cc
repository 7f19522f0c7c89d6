#include "server/services/directory_validation.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "server/core/status_details.h"
#include "server/domain/civil_date.h"
#include "server/domain/nip.h"
#include "server/domain/position_rules.h"
#include "server/services/request_fields.h"

namespace kinerja::services {
namespace {

// Collects violations; Done() is OK when there are none.
class Checker {
 public:
  void Check(const absl::Status& st, absl::string_view field) {
    if (!st.ok()) out_.push_back({std::string(field), std::string(st.message())});
  }
  void Fail(absl::string_view field, absl::string_view description) {
    out_.push_back({std::string(field), std::string(description)});
  }
  void Code(absl::string_view code, absl::string_view field) {
    Check(domain::ValidateCode(code, "code"), field);
  }
  void OptionalCode(absl::string_view code, absl::string_view field) {
    if (!code.empty()) Code(code, field);
  }
  void Text(absl::string_view text, absl::string_view field) {
    Check(domain::ValidateDisplayText(text, "text"), field);
  }
  void Nip(absl::string_view nip, absl::string_view field) {
    if (auto p = domain::ParseNip(nip); !p.ok()) Fail(field, p.status().message());
  }
  void Date(const v1::Date& date, bool present, absl::string_view field) {
    if (!present) return Fail(field, "is required");
    if (auto d = domain::FromProtoDate(date); !d.ok()) Fail(field, d.status().message());
  }
  void RequestId(absl::string_view id) { Check(CheckRequestId(id), "request_id"); }
  absl::Status Done() const {
    if (out_.empty()) return absl::OkStatus();
    return core::InvalidArgumentWithViolations("invalid request", out_);
  }

 private:
  std::vector<domain::Violation> out_;
};

}  // namespace

bool IsKnownOpdKind(absl::string_view kind) {
  static constexpr absl::string_view kKinds[] = {"DINAS",   "BADAN",       "KECAMATAN",
                                                 "BAGIAN",  "RSUD",        "SEKRETARIAT",
                                                 "INSPEKTORAT", "SATPOL"};
  for (absl::string_view k : kKinds) {
    if (k == kind) return true;
  }
  return false;
}

absl::Status ValidateCreateOpd(const v1::CreateOpdRequest& req) {
  Checker c;
  c.Code(req.opd().code(), "opd.code");
  c.Text(req.opd().display_name(), "opd.display_name");
  if (!IsKnownOpdKind(req.opd().kind())) {
    c.Fail("opd.kind",
           "must be one of DINAS, BADAN, KECAMATAN, BAGIAN, RSUD, SEKRETARIAT, INSPEKTORAT, SATPOL");
  }
  c.RequestId(req.request_id());
  return c.Done();
}

absl::Status ValidateCreateUnit(const v1::CreateUnitRequest& req) {
  Checker c;
  c.Check(CodeFromName(req.parent(), "opds/", "parent").status(), "parent");
  c.Code(req.unit().code(), "unit.code");
  c.Text(req.unit().display_name(), "unit.display_name");
  c.OptionalCode(req.unit().parent_unit(), "unit.parent_unit");
  if (!req.unit().parent_unit().empty() && req.unit().parent_unit() == req.unit().code()) {
    c.Fail("unit.parent_unit", "a unit cannot be its own parent");
  }
  return c.Done();
}

absl::Status ValidateCreatePosition(const v1::CreatePositionRequest& req) {
  Checker c;
  const v1::Position& p = req.position();
  c.Code(p.code(), "position.code");
  c.Text(p.title(), "position.title");
  if (p.kind() == v1::POSITION_KIND_UNSPECIFIED || !v1::PositionKind_IsValid(p.kind())) {
    c.Fail("position.kind", "must be JPT, ADMINISTRATOR, PENGAWAS, PELAKSANA or FUNGSIONAL");
  }
  c.Code(p.opd(), "position.opd");
  c.OptionalCode(p.unit(), "position.unit");
  c.OptionalCode(p.superior_position(), "position.superior_position");
  if (!p.superior_position().empty() && p.superior_position() == p.code()) {
    c.Fail("position.superior_position", "a position cannot report to itself");
  }
  return c.Done();
}

absl::Status ValidateUpdatePosition(const v1::UpdatePositionRequest& req) {
  Checker c;
  auto code = CodeFromName(req.position().name(), "positions/", "position.name");
  c.Check(code.status(), "position.name");
  if (req.update_mask().paths_size() == 0) {
    c.Fail("update_mask", "name at least one of title, unit, superior_position");
  }
  for (const std::string& path : req.update_mask().paths()) {
    if (path == "title") {
      c.Text(req.position().title(), "position.title");
    } else if (path == "unit") {
      c.OptionalCode(req.position().unit(), "position.unit");
    } else if (path == "superior_position") {
      c.OptionalCode(req.position().superior_position(), "position.superior_position");
      if (code.ok() && req.position().superior_position() == *code) {
        c.Fail("position.superior_position", "a position cannot report to itself");
      }
    } else {
      c.Fail("update_mask", absl::StrCat("'", path, "' cannot be updated"));
    }
  }
  return c.Done();
}

absl::Status ValidateCreateEmployee(const v1::CreateEmployeeRequest& req) {
  Checker c;
  c.Nip(req.employee().nip(), "employee.nip");
  c.Text(req.employee().full_name(), "employee.full_name");
  if (req.employee().employee_type() == v1::EMPLOYEE_TYPE_UNSPECIFIED ||
      !v1::EmployeeType_IsValid(req.employee().employee_type())) {
    c.Fail("employee.employee_type", "must be PNS or PPPK");
  }
  if (!v1::EmployeeStatus_IsValid(req.employee().status())) {
    c.Fail("employee.status", "must be ACTIVE or INACTIVE");
  }
  c.RequestId(req.request_id());
  return c.Done();
}

absl::Status ValidateTransferEmployee(const v1::TransferEmployeeRequest& req) {
  Checker c;
  c.Check(NipFromName(req.employee(), "employee").status(), "employee");
  c.Code(req.position(), "position");
  c.Date(req.effective_date(), req.has_effective_date(), "effective_date");
  if (!v1::AssignmentReason_IsValid(req.reason())) c.Fail("reason", "unknown reason");
  c.RequestId(req.request_id());
  return c.Done();
}

absl::Status ValidateCreateActingAssignment(const v1::CreateActingAssignmentRequest& req) {
  Checker c;
  const v1::ActingAssignment& a = req.acting_assignment();
  c.Nip(a.employee(), "acting_assignment.employee");
  c.Code(a.position(), "acting_assignment.position");
  if (a.kind() == v1::ACTING_KIND_UNSPECIFIED || !v1::ActingKind_IsValid(a.kind())) {
    c.Fail("acting_assignment.kind", "must be PLT or PLH");
  }
  c.Date(a.start_date(), a.has_start_date(), "acting_assignment.start_date");
  c.Date(a.end_date(), a.has_end_date(), "acting_assignment.end_date");
  auto start = domain::FromProtoDate(a.start_date());
  auto end = domain::FromProtoDate(a.end_date());
  if (start.ok() && end.ok()) {
    if (*end < *start) {
      c.Fail("acting_assignment.end_date", "must not be before start_date");
    } else if (*end - *start > 366) {
      c.Fail("acting_assignment.end_date", "an acting registration lasts at most one year");
    }
  }
  c.RequestId(req.request_id());
  return c.Done();
}

}  // namespace kinerja::services
