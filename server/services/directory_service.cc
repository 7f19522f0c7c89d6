#include "server/services/directory_service.h"

#include "absl/strings/str_cat.h"
#include "server/auth/authorizer.h"
#include "server/core/status_details.h"
#include "server/domain/employee_import.h"
#include "server/services/call_runner.h"
#include "server/services/directory_validation.h"
#include "server/services/employee_access.h"
#include "server/services/employee_export.h"
#include "server/services/request_fields.h"

namespace kinerja::services {
namespace {

constexpr char kService[] = "DirectoryService";
constexpr size_t kMaxImportBytes = 200u << 20;

// Fills a list response page: `items` holds up to limit+1 rows; the extra one means another page.
template <typename Item, typename Repeated, typename KeyFn>
void FillPage(std::vector<Item> items, int limit, Repeated* out, std::string* next_token,
              KeyFn key) {
  const bool more = static_cast<int>(items.size()) > limit;
  if (more) items.resize(limit);
  if (more && !items.empty()) *next_token = EncodePageToken(key(items.back()));
  for (auto& item : items) *out->Add() = std::move(item);
}

absl::StatusOr<absl::CivilDay> DayOrToday(const v1::Date& date, bool present,
                                          const domain::Clock& clock, absl::string_view field) {
  if (!present) return clock.TodayInJakarta();
  auto day = domain::FromProtoDate(date);
  if (!day.ok()) return core::FieldError(field, day.status().message());
  return *day;
}

// Copies a repository result into the response and returns its status.
template <typename T>
absl::Status Reply(absl::StatusOr<T> result, T* resp) {
  if (result.ok()) *resp = std::move(*result);
  return result.status();
}

}  // namespace

DirectoryServiceImpl::DirectoryServiceImpl(storage::DirectoryRepository& repo, AccessGuard& guard,
                                           core::BoundedExecutor& executor,
                                           const domain::Clock& clock, int executor_queue,
                                           EmployeeCache& employee_cache)
    : repo_(repo),
      guard_(guard),
      executor_(executor),
      clock_(clock),
      employee_cache_(employee_cache),
      employee_loader_(repo, employee_cache, executor, clock, executor_queue) {}

absl::Status DirectoryServiceImpl::CheckEmployeeAccess(const CallInfo& call,
                                                       const std::string& nip,
                                                       absl::Time deadline) {
  return services::CheckEmployeeAccess(repo_, clock_, call, nip, deadline);
}

absl::StatusOr<std::pair<std::string, absl::CivilDay>> DirectoryServiceImpl::EmployeeOnDay(
    const CallInfo& call, const std::string& name, const v1::Date& date, bool has_date,
    absl::Time deadline) {
  auto nip = NipFromName(name, "employee");
  if (!nip.ok()) return nip.status();
  auto day = DayOrToday(date, has_date, clock_, "date");
  if (!day.ok()) return day.status();
  if (absl::Status st = CheckEmployeeAccess(call, *nip, deadline); !st.ok()) return st;
  return std::make_pair(*nip, *day);
}

grpc::ServerUnaryReactor* DirectoryServiceImpl::CreateOpd(grpc::CallbackServerContext* ctx,
                                                          const v1::CreateOpdRequest* req,
                                                          v1::Opd* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo& call,
                                                                     absl::Time deadline) {
    if (absl::Status st = ValidateCreateOpd(*req); !st.ok()) return st;
    auto result = repo_.CreateOpd(req->opd(), req->request_id(), call.audit, deadline);
    employee_cache_.Invalidate();
    return Reply(std::move(result), resp);
  });
}

grpc::ServerUnaryReactor* DirectoryServiceImpl::GetOpd(grpc::CallbackServerContext* ctx,
                                                       const v1::GetOpdRequest* req,
                                                       v1::Opd* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo&,
                                                                     absl::Time deadline) {
    auto code = CodeFromName(req->name(), "opds/", "name");
    if (!code.ok()) return code.status();
    return Reply(repo_.GetOpd(*code, deadline), resp);
  });
}

grpc::ServerUnaryReactor* DirectoryServiceImpl::ListOpds(grpc::CallbackServerContext* ctx,
                                                         const v1::ListOpdsRequest* req,
                                                         v1::ListOpdsResponse* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo&,
                                                                     absl::Time deadline) {
    auto size = PageSize(req->page_size(), 100, 1000);
    if (!size.ok()) return size.status();
    auto after = DecodePageToken(req->page_token());
    if (!after.ok()) return after.status();
    auto opds = repo_.ListOpds(*after, *size + 1, deadline);
    if (!opds.ok()) return opds.status();
    FillPage(std::move(*opds), *size, resp->mutable_opds(), resp->mutable_next_page_token(),
             [](const v1::Opd& o) { return o.code(); });
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* DirectoryServiceImpl::CreateUnit(grpc::CallbackServerContext* ctx,
                                                           const v1::CreateUnitRequest* req,
                                                           v1::Unit* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo& call,
                                                                     absl::Time deadline) {
    if (absl::Status st = ValidateCreateUnit(*req); !st.ok()) return st;
    const std::string opd = *CodeFromName(req->parent(), "opds/", "parent");
    auto result = repo_.CreateUnit(opd, req->unit(), call.audit, deadline);
    employee_cache_.Invalidate();
    return Reply(std::move(result), resp);
  });
}

grpc::ServerUnaryReactor* DirectoryServiceImpl::ListUnits(grpc::CallbackServerContext* ctx,
                                                          const v1::ListUnitsRequest* req,
                                                          v1::ListUnitsResponse* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo&,
                                                                     absl::Time deadline) {
    auto opd = CodeFromName(req->parent(), "opds/", "parent");
    if (!opd.ok()) return opd.status();
    auto units = repo_.ListUnits(*opd, deadline);
    if (!units.ok()) return units.status();
    for (auto& u : *units) *resp->add_units() = std::move(u);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* DirectoryServiceImpl::CreatePosition(
    grpc::CallbackServerContext* ctx, const v1::CreatePositionRequest* req, v1::Position* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo& call,
                                                                     absl::Time deadline) {
    if (absl::Status st = ValidateCreatePosition(*req); !st.ok()) return st;
    auto result = repo_.CreatePosition(req->position(), call.audit, deadline);
    employee_cache_.Invalidate();
    return Reply(std::move(result), resp);
  });
}

grpc::ServerUnaryReactor* DirectoryServiceImpl::GetPosition(grpc::CallbackServerContext* ctx,
                                                            const v1::GetPositionRequest* req,
                                                            v1::Position* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo&,
                                                                     absl::Time deadline) {
    auto code = CodeFromName(req->name(), "positions/", "name");
    if (!code.ok()) return code.status();
    return Reply(repo_.GetPosition(*code, deadline), resp);
  });
}

grpc::ServerUnaryReactor* DirectoryServiceImpl::ListPositions(
    grpc::CallbackServerContext* ctx, const v1::ListPositionsRequest* req,
    v1::ListPositionsResponse* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo&,
                                                                     absl::Time deadline) {
    auto size = PageSize(req->page_size(), 100, 1000);
    if (!size.ok()) return size.status();
    auto after = DecodePageToken(req->page_token());
    if (!after.ok()) return after.status();
    storage::PositionFilter filter{req->opd(), req->unit(), req->kind()};
    auto positions = repo_.ListPositions(filter, *after, *size + 1, deadline);
    if (!positions.ok()) return positions.status();
    FillPage(std::move(*positions), *size, resp->mutable_positions(),
             resp->mutable_next_page_token(), [](const v1::Position& p) { return p.code(); });
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* DirectoryServiceImpl::UpdatePosition(
    grpc::CallbackServerContext* ctx, const v1::UpdatePositionRequest* req, v1::Position* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo& call,
                                                                     absl::Time deadline) {
    if (absl::Status st = ValidateUpdatePosition(*req); !st.ok()) return st;
    const std::string code = *CodeFromName(req->position().name(), "positions/", "position.name");
    storage::PositionUpdate update;
    for (const std::string& path : req->update_mask().paths()) {
      if (path == "title") update.title = req->position().title();
      if (path == "unit") update.unit = req->position().unit();
      if (path == "superior_position") {
        update.superior_position = req->position().superior_position();
      }
    }
    auto result = repo_.UpdatePosition(code, update, call.audit, deadline);
    employee_cache_.Invalidate();
    return Reply(std::move(result), resp);
  });
}

grpc::ServerUnaryReactor* DirectoryServiceImpl::CreateEmployee(
    grpc::CallbackServerContext* ctx, const v1::CreateEmployeeRequest* req, v1::Employee* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo& call,
                                                                     absl::Time deadline) {
    if (absl::Status st = ValidateCreateEmployee(*req); !st.ok()) return st;
    v1::Employee employee = req->employee();
    if (employee.status() == v1::EMPLOYEE_STATUS_UNSPECIFIED) employee.set_status(v1::ACTIVE);
    auto result = repo_.CreateEmployee(employee, req->request_id(), clock_.TodayInJakarta(),
                                      call.audit, deadline);
    employee_cache_.Invalidate();
    return Reply(std::move(result), resp);
  });
}

grpc::ServerUnaryReactor* DirectoryServiceImpl::LoadEmployeeFor(
    grpc::CallbackServerContext* ctx, const auth::Principal& principal,
    const auth::MethodPolicy& policy, const std::string& nip, v1::Employee* resp) {
  grpc::ServerUnaryReactor* reactor = ctx->DefaultReactor();
  const bool queued = employee_loader_.Load(
      nip, WorkDeadline(ctx, absl::Seconds(30)),
      [this, reactor, resp, principal, &policy](absl::StatusOr<v1::Employee> e) {
        absl::Status st = CheckFetchedEmployee(repo_, clock_, principal, policy, e,
                                               absl::Now() + absl::Seconds(5));
        if (st.ok()) *resp = std::move(*e);
        reactor->Finish(core::ToGrpcStatus(st));
      });
  if (!queued) reactor->Finish(Busy());
  return reactor;
}

grpc::ServerUnaryReactor* DirectoryServiceImpl::GetEmployee(grpc::CallbackServerContext* ctx,
                                                            const v1::GetEmployeeRequest* req,
                                                            v1::Employee* resp) {
  const std::string& method = KINERJA_METHOD(kService);
  // Hot path: with the caller's credentials in the authentication cache, admission happens here
  // and the read joins a batch; otherwise the guard authenticates on a worker first.
  if (auto admitted = guard_.AdmitFromCache(*ctx, method)) {
    auto nip = NipFromName(req->name(), "name");
    if (!nip.ok()) return FinishNow(ctx, nip.status());
    // A cached record answers here, unless access hinges on the superior relation (a lookup).
    if (auto hit = employee_cache_.Get(*nip, clock_.TodayInJakarta(), clock_.Now())) {
      if (std::optional<absl::Status> st =
              CheckCachedEmployee(admitted->principal, admitted->policy, *hit)) {
        if (st->ok()) *resp = std::move(*hit);
        return FinishNow(ctx, *st);
      }
    }
    return LoadEmployeeFor(ctx, admitted->principal, admitted->policy, *nip, resp);
  }
  return guard_.Run(ctx, method, [this, req, resp](const CallInfo& call, absl::Time deadline) {
    auto nip = NipFromName(req->name(), "name");
    if (!nip.ok()) return nip.status();
    auto employee = repo_.GetEmployee(*nip, clock_.TodayInJakarta(), deadline);
    if (absl::Status st = CheckFetchedEmployee(repo_, clock_, call.principal, call.policy, employee,
                                               deadline);
        !st.ok()) {
      return st;
    }
    *resp = std::move(*employee);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* DirectoryServiceImpl::ListEmployees(
    grpc::CallbackServerContext* ctx, const v1::ListEmployeesRequest* req,
    v1::ListEmployeesResponse* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo& call,
                                                                     absl::Time deadline) {
    if (absl::Status st = auth::CheckOpd(call.policy, call.principal, req->opd()); !st.ok()) {
      return st;
    }
    auto size = PageSize(req->page_size(), 50, 1000);
    if (!size.ok()) return size.status();
    auto after = DecodePageToken(req->page_token());
    if (!after.ok()) return after.status();
    if (req->name_prefix().size() > 200) {
      return core::FieldError("name_prefix", "must be at most 200 bytes");
    }
    storage::EmployeeFilter filter{req->opd(), req->unit(), req->position_kind(),
                                   req->name_prefix()};
    auto employees =
        repo_.ListEmployees(filter, clock_.TodayInJakarta(), *after, *size + 1, deadline);
    if (!employees.ok()) return employees.status();
    FillPage(std::move(*employees), *size, resp->mutable_employees(),
             resp->mutable_next_page_token(), [](const v1::Employee& e) { return e.nip(); });
    return absl::OkStatus();
  });
}

grpc::ServerWriteReactor<v1::Employee>* DirectoryServiceImpl::ExportEmployees(
    grpc::CallbackServerContext* ctx, const v1::ExportEmployeesRequest* req) {
  return StartEmployeeExport(ctx, KINERJA_METHOD(kService), *req,
                             EmployeeExportDeps{repo_, guard_, executor_, clock_});
}

grpc::ServerUnaryReactor* DirectoryServiceImpl::TransferEmployee(
    grpc::CallbackServerContext* ctx, const v1::TransferEmployeeRequest* req,
    v1::Assignment* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo& call,
                                                                     absl::Time deadline) {
    if (absl::Status st = ValidateTransferEmployee(*req); !st.ok()) return st;
    const std::string nip = *NipFromName(req->employee(), "employee");
    const absl::CivilDay effective = *domain::FromProtoDate(req->effective_date());
    auto result = repo_.TransferEmployee(nip, req->position(), effective, req->reason(),
                                        req->request_id(), call.audit, deadline);
    employee_cache_.Invalidate();
    return Reply(std::move(result), resp);
  });
}

grpc::ServerUnaryReactor* DirectoryServiceImpl::ListAssignments(
    grpc::CallbackServerContext* ctx, const v1::ListAssignmentsRequest* req,
    v1::ListAssignmentsResponse* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo& call,
                                                                     absl::Time deadline) {
    auto nip = NipFromName(req->parent(), "parent");
    if (!nip.ok()) return nip.status();
    if (absl::Status st = CheckEmployeeAccess(call, *nip, deadline); !st.ok()) return st;
    auto list = repo_.ListAssignments(*nip, deadline);
    if (!list.ok()) return list.status();
    for (auto& a : *list) *resp->add_assignments() = std::move(a);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* DirectoryServiceImpl::CreateActingAssignment(
    grpc::CallbackServerContext* ctx, const v1::CreateActingAssignmentRequest* req,
    v1::ActingAssignment* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo& call,
                                                                     absl::Time deadline) {
    if (absl::Status st = ValidateCreateActingAssignment(*req); !st.ok()) return st;
    auto result = repo_.CreateActingAssignment(req->acting_assignment(), req->request_id(),
                                              call.audit, deadline);
    employee_cache_.Invalidate();
    return Reply(std::move(result), resp);
  });
}

grpc::ServerUnaryReactor* DirectoryServiceImpl::ListActingAssignments(
    grpc::CallbackServerContext* ctx, const v1::ListActingAssignmentsRequest* req,
    v1::ListActingAssignmentsResponse* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo&,
                                                                     absl::Time deadline) {
    if (!req->position().empty()) {
      if (auto st = CodeFromName(req->position(), "", "position"); !st.ok()) return st.status();
    }
    std::string nip;
    if (!req->employee().empty()) {
      auto n = NipFromName(req->employee(), "employee");
      if (!n.ok()) return n.status();
      nip = *n;
    }
    auto list = repo_.ListActingAssignments(req->position(), nip, deadline);
    if (!list.ok()) return list.status();
    for (auto& a : *list) *resp->add_acting_assignments() = std::move(a);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* DirectoryServiceImpl::GetSuperior(grpc::CallbackServerContext* ctx,
                                                            const v1::GetSuperiorRequest* req,
                                                            v1::Superior* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo& call,
                                                                     absl::Time deadline) {
    auto target = EmployeeOnDay(call, req->employee(), req->date(), req->has_date(), deadline);
    if (!target.ok()) return target.status();
    return Reply(repo_.GetSuperior(target->first, target->second, deadline), resp);
  });
}

grpc::ServerUnaryReactor* DirectoryServiceImpl::ListSubordinates(
    grpc::CallbackServerContext* ctx, const v1::ListSubordinatesRequest* req,
    v1::ListSubordinatesResponse* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo& call,
                                                                     absl::Time deadline) {
    auto target = EmployeeOnDay(call, req->employee(), req->date(), req->has_date(), deadline);
    if (!target.ok()) return target.status();
    auto list = repo_.ListSubordinates(target->first, target->second, deadline);
    if (!list.ok()) return list.status();
    for (auto& e : *list) *resp->add_employees() = std::move(e);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* DirectoryServiceImpl::ImportEmployees(
    grpc::CallbackServerContext* ctx, const v1::ImportEmployeesRequest* req,
    v1::ImportEmployeesResponse* resp) {
  return guard_.Run(
      ctx, KINERJA_METHOD(kService),
      [this, req, resp](const CallInfo& call, absl::Time deadline) -> absl::Status {
        if (req->csv().empty()) return core::FieldError("csv", "is required");
        if (req->csv().size() > kMaxImportBytes) {
          return core::FieldError("csv", "is larger than 200 MiB; split the file");
        }
        domain::ParsedImport parsed = domain::ParseEmployeeCsv(req->csv());
        if (!parsed.violations.empty()) {
          return core::InvalidArgumentWithViolations(
              absl::StrCat("the CSV has ", parsed.violations.size(),
                           " problem(s); nothing was stored"),
              parsed.violations);
        }
        auto counts = repo_.ImportEmployees(parsed.rows, req->validate_only(), call.audit,
                                            deadline);
        employee_cache_.Invalidate();
        if (!counts.ok()) return counts.status();
        resp->set_rows(static_cast<int>(parsed.rows.size()));
        resp->set_employees_created(counts->employees_created);
        resp->set_employees_updated(counts->employees_updated);
        resp->set_assignments_opened(counts->assignments_opened);
        resp->set_rows_unchanged(counts->rows_unchanged);
        resp->set_applied(!req->validate_only());
        return absl::OkStatus();
      },
      absl::Minutes(5));
}

}  // namespace kinerja::services
