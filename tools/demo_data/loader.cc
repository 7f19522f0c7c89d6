#include "tools/demo_data/loader.h"

#include <algorithm>
#include <chrono>
#include <iostream>
#include <thread>
#include <utility>

#include "absl/strings/str_cat.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "grpcpp/grpcpp.h"
#include "tools/demo_data/csv_output.h"

namespace kinerja::demo {
namespace {

constexpr int kMaxViolationsShown = 50;

const char* CodeName(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::OK: return "OK";
    case grpc::StatusCode::CANCELLED: return "CANCELLED";
    case grpc::StatusCode::UNKNOWN: return "UNKNOWN";
    case grpc::StatusCode::INVALID_ARGUMENT: return "INVALID_ARGUMENT";
    case grpc::StatusCode::DEADLINE_EXCEEDED: return "DEADLINE_EXCEEDED";
    case grpc::StatusCode::NOT_FOUND: return "NOT_FOUND";
    case grpc::StatusCode::ALREADY_EXISTS: return "ALREADY_EXISTS";
    case grpc::StatusCode::PERMISSION_DENIED: return "PERMISSION_DENIED";
    case grpc::StatusCode::RESOURCE_EXHAUSTED: return "RESOURCE_EXHAUSTED";
    case grpc::StatusCode::FAILED_PRECONDITION: return "FAILED_PRECONDITION";
    case grpc::StatusCode::ABORTED: return "ABORTED";
    case grpc::StatusCode::OUT_OF_RANGE: return "OUT_OF_RANGE";
    case grpc::StatusCode::UNIMPLEMENTED: return "UNIMPLEMENTED";
    case grpc::StatusCode::INTERNAL: return "INTERNAL";
    case grpc::StatusCode::UNAVAILABLE: return "UNAVAILABLE";
    case grpc::StatusCode::DATA_LOSS: return "DATA_LOSS";
    case grpc::StatusCode::UNAUTHENTICATED: return "UNAUTHENTICATED";
    default: return "UNKNOWN_CODE";
  }
}

// "INVALID_ARGUMENT: message" plus one line per google.rpc.BadRequest field violation.
std::string Describe(const grpc::Status& status) {
  std::string out = absl::StrCat(CodeName(status.error_code()), ": ", status.error_message());
  google::rpc::Status details;
  if (status.error_details().empty() || !details.ParseFromString(status.error_details()))
    return out;
  int shown = 0, total = 0;
  for (const google::protobuf::Any& any : details.details()) {
    google::rpc::BadRequest bad;
    if (!any.UnpackTo(&bad)) continue;
    for (const auto& v : bad.field_violations()) {
      if (++total <= kMaxViolationsShown) {
        absl::StrAppend(&out, "\n  ", v.field(), ": ", v.description());
        ++shown;
      }
    }
  }
  if (total > shown) absl::StrAppend(&out, "\n  ... and ", total - shown, " more violations");
  return out;
}

v1::Date ToDate(absl::CivilDay d) {
  v1::Date out;
  out.set_year(static_cast<int32_t>(d.year()));
  out.set_month(d.month());
  out.set_day(d.day());
  return out;
}

v1::PositionKind ToProto(PositionKind k) {
  switch (k) {
    case PositionKind::kJpt: return v1::JPT;
    case PositionKind::kAdministrator: return v1::ADMINISTRATOR;
    case PositionKind::kPengawas: return v1::PENGAWAS;
    case PositionKind::kPelaksana: return v1::PELAKSANA;
    case PositionKind::kFungsional: return v1::FUNGSIONAL;
  }
  return v1::POSITION_KIND_UNSPECIFIED;
}

// Reconnects quickly, so a server that comes up while UNAVAILABLE is being retried is noticed at
// once (gRPC's default reconnect backoff grows to minutes).
std::shared_ptr<grpc::Channel> MakeChannel(const std::string& target) {
  grpc::ChannelArguments args;
  args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 250);
  args.SetInt(GRPC_ARG_MIN_RECONNECT_BACKOFF_MS, 250);
  args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 2000);
  return grpc::CreateCustomChannel(target, grpc::InsecureChannelCredentials(), args);
}

}  // namespace

Loader::Loader(LoaderOptions options) : options_(std::move(options)) {
  std::shared_ptr<grpc::Channel> channel = MakeChannel(options_.target);
  stub_ = v1::DirectoryService::NewStub(channel);
  identity_ = v1::IdentityService::NewStub(channel);
}

template <class Stub, class Request, class Response>
absl::Status Loader::Call(const std::string& what, Stub* stub,
                          Method<Stub, Request, Response> method, const Request& request,
                          Response* response, absl::Duration deadline, bool is_create) {
  const absl::Time give_up = absl::Now() + options_.unavailable_budget;
  absl::Duration backoff = absl::Milliseconds(250);
  for (int attempt = 1;; ++attempt) {
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(absl::Now() + deadline));
    if (!session_token_.empty()) {
      context.AddMetadata("authorization", absl::StrCat("Bearer ", session_token_));
    }
    const grpc::Status status = (stub->*method)(&context, request, response);
    if (status.ok()) return absl::OkStatus();
    if (is_create && attempt > 1 && status.error_code() == grpc::StatusCode::ALREADY_EXISTS) {
      return absl::OkStatus();
    }
    if (status.error_code() == grpc::StatusCode::UNAVAILABLE) {
      if (absl::Now() + backoff > give_up) {
        return absl::UnavailableError(absl::StrCat(
            what, ": the server at ", options_.target, " is still unavailable after ",
            absl::FormatDuration(options_.unavailable_budget), " (", Describe(status), ")"));
      }
      if (attempt == 1) {
        std::cerr << what << ": server unavailable (" << status.error_message()
                  << "); retrying for up to " << absl::FormatDuration(options_.unavailable_budget)
                  << "\n";
      }
      std::this_thread::sleep_for(absl::ToChronoMilliseconds(backoff));
      backoff = std::min(backoff * 2, absl::Seconds(2));
      continue;
    }
    // grpc::StatusCode and absl::StatusCode share their numbering.
    return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                        absl::StrCat(what, " failed: ", Describe(status)));
  }
}

absl::Status Loader::SignIn(const std::string& nip, const std::string& password) {
  session_token_.clear();
  v1::LoginRequest req;
  req.set_nip(nip);
  req.set_password(password);
  v1::LoginResponse resp;
  absl::Status s = Call(absl::StrCat("Login as ", nip), identity_.get(),
                        &v1::IdentityService::StubInterface::Login, req, &resp,
                        options_.call_deadline, false);
  if (absl::IsUnauthenticated(s)) {
    return absl::UnauthenticatedError(absl::StrCat(
        s.message(),
        "\n  The password does not match (or the account is locked after failed attempts). The "
        "server creates its first administrator only on a database without one "
        "(--bootstrap_admin_nip/--bootstrap_admin_password, or KINERJA_BOOTSTRAP_ADMIN_*): sign in "
        "with that NIP and the password it was created with."));
  }
  if (!s.ok()) return s;
  if (resp.must_change_password()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "the account ", nip, " must change its password before it may load data (ChangePassword)"));
  }
  bool admin = false;
  for (const v1::RoleGrant& g : resp.account().role_grants()) admin |= g.role() == v1::BKPP_ADMIN;
  if (!admin) {
    return absl::PermissionDeniedError(
        absl::StrCat("the account ", nip, " signed in but is not a BKPP administrator"));
  }
  session_token_ = resp.session_token();
  std::cout << "signed in as " << nip << " (BKPP administrator)" << std::endl;
  return absl::OkStatus();
}

bool Loader::HasEmployee(const std::string& nip) {
  v1::GetEmployeeRequest req;
  req.set_name(absl::StrCat("employees/", nip));
  v1::Employee resp;
  return Call(absl::StrCat("GetEmployee ", nip), &v1::DirectoryService::StubInterface::GetEmployee,
              req, &resp, options_.call_deadline, false)
      .ok();
}

absl::Status Loader::EnsureDemoUsers(const DemoData& data, const std::vector<DemoUser>& users,
                                     const std::string& password) {
  for (const DemoUser& u : users) {
    const std::string& nip = data.people[u.person].nip;
    const std::string account = absl::StrCat("accounts/", nip);
    v1::ResetPasswordRequest reset;
    reset.set_account(account);
    reset.set_new_password(password);
    reset.set_skip_change_at_next_login(true);
    v1::Account reset_resp;
    if (absl::Status s = Call(absl::StrCat("ResetPassword ", account, " (", DemoRoleName(u.role),
                                           ")"),
                              identity_.get(), &v1::IdentityService::StubInterface::ResetPassword,
                              reset, &reset_resp, options_.call_deadline, false);
        !s.ok()) {
      if (absl::IsNotFound(s)) {
        return absl::NotFoundError(absl::StrCat(
            s.message(), "\n  The directory on the server is not the one generated here (other "
                         "--seed or --employees, or an interrupted first load)."));
      }
      return s;
    }
    v1::Role role = v1::ROLE_UNSPECIFIED;
    switch (u.role) {
      case DemoRole::kOpdHead: role = v1::OPD_HEAD; break;
      case DemoRole::kOpdOperator: role = v1::OPD_OPERATOR; break;
      case DemoRole::kEvaluator: role = v1::EVALUATOR; break;
      case DemoRole::kBkppAdmin: role = v1::BKPP_ADMIN; break;
      case DemoRole::kEmployee:
      case DemoRole::kSuperior: break;  // follow from the directory: nothing to grant
    }
    if (role == v1::ROLE_UNSPECIFIED) continue;
    v1::GrantRoleRequest grant;
    grant.set_request_id(absl::StrCat("demo-users-", v1::Role_Name(role), "-", nip));
    grant.mutable_role_grant()->set_account(account);
    grant.mutable_role_grant()->set_role(role);
    grant.mutable_role_grant()->set_opd(u.opd);
    v1::RoleGrant granted;
    absl::Status s = Call(absl::StrCat("GrantRole ", v1::Role_Name(role), " to ", account),
                          identity_.get(), &v1::IdentityService::StubInterface::GrantRole, grant,
                          &granted, options_.call_deadline, true);
    // ALREADY_EXISTS: granted by an earlier run.
    if (!s.ok() && !absl::IsAlreadyExists(s)) return s;
  }
  // The printed credentials must work: sign in as each (a session of its own, not ours).
  for (const DemoUser& u : users) {
    const std::string& nip = data.people[u.person].nip;
    v1::LoginRequest req;
    req.set_nip(nip);
    req.set_password(password);
    v1::LoginResponse resp;
    const std::string token = std::exchange(session_token_, "");
    absl::Status s = Call(absl::StrCat("Login as demo user ", nip), identity_.get(),
                          &v1::IdentityService::StubInterface::Login, req, &resp,
                          options_.call_deadline, false);
    if (s.ok()) {  // end that session again
      session_token_ = resp.session_token();
      v1::LogoutResponse out;
      Call(absl::StrCat("Logout as demo user ", nip), identity_.get(),
           &v1::IdentityService::StubInterface::Logout, v1::LogoutRequest(), &out,
           options_.call_deadline, false)
          .IgnoreError();
    }
    session_token_ = token;
    if (!s.ok()) return s;
    if (resp.must_change_password()) {
      return absl::InternalError(
          absl::StrCat("demo user ", nip, " must still change its password"));
    }
  }
  std::cout << "demo users ready: " << users.size() << " accounts, each signed in once"
            << std::endl;
  return absl::OkStatus();
}

absl::StatusOr<LoadOutcome> Loader::Load(const DemoData& data) {
  v1::ListOpdsRequest list;
  list.set_page_size(1);
  v1::ListOpdsResponse existing;
  if (absl::Status s = Call("ListOpds", &v1::DirectoryService::StubInterface::ListOpds, list,
                            &existing, options_.call_deadline, false);
      !s.ok()) {
    return s;
  }
  if (existing.opds_size() > 0) return LoadOutcome::kAlreadyPresent;
  if (absl::Status s = CreateOrganisation(data); !s.ok()) return s;
  if (absl::Status s = Import(data, data.initial, "employees"); !s.ok()) return s;
  if (absl::Status s = Import(data, data.transfers, "transfers"); !s.ok()) return s;
  if (absl::Status s = CreateActing(data); !s.ok()) return s;
  return LoadOutcome::kLoaded;
}

absl::Status Loader::CreateOrganisation(const DemoData& data) {
  for (const Opd& o : data.opds) {
    v1::CreateOpdRequest req;
    req.set_request_id(absl::StrCat("demo-data-", options_.seed, "-opd-", o.code));
    v1::Opd* opd = req.mutable_opd();
    opd->set_code(o.code);
    opd->set_display_name(o.display_name);
    opd->set_kind(o.kind);
    opd->set_has_revenue_target(o.has_revenue_target);
    v1::Opd created;
    if (absl::Status s = Call(absl::StrCat("CreateOpd ", o.code),
                              &v1::DirectoryService::StubInterface::CreateOpd, req, &created,
                              options_.call_deadline, true);
        !s.ok()) {
      return s;
    }
  }
  std::cout << "created " << data.opds.size() << " OPDs" << std::endl;

  for (const Unit& u : data.units) {
    v1::CreateUnitRequest req;
    req.set_parent(absl::StrCat("opds/", u.opd));
    v1::Unit* unit = req.mutable_unit();
    unit->set_code(u.code);
    unit->set_display_name(u.display_name);
    unit->set_parent_unit(u.parent_unit);
    v1::Unit created;
    if (absl::Status s = Call(absl::StrCat("CreateUnit ", u.opd, "/", u.code),
                              &v1::DirectoryService::StubInterface::CreateUnit, req, &created,
                              options_.call_deadline, true);
        !s.ok()) {
      return s;
    }
  }
  std::cout << "created " << data.units.size() << " units" << std::endl;

  size_t done = 0;
  for (const Position& p : data.positions) {
    v1::CreatePositionRequest req;
    v1::Position* pos = req.mutable_position();
    pos->set_code(p.code);
    pos->set_title(p.title);
    pos->set_kind(ToProto(p.kind));
    pos->set_opd(p.opd);
    pos->set_unit(p.unit);
    pos->set_superior_position(p.superior_position);
    v1::Position created;
    if (absl::Status s = Call(absl::StrCat("CreatePosition ", p.code),
                              &v1::DirectoryService::StubInterface::CreatePosition, req, &created,
                              options_.call_deadline, true);
        !s.ok()) {
      return s;
    }
    if (++done % 1000 == 0)
      std::cout << "created " << done << "/" << data.positions.size() << " positions" << std::endl;
  }
  std::cout << "created " << data.positions.size() << " positions" << std::endl;
  return absl::OkStatus();
}

absl::Status Loader::Import(const DemoData& data, const std::vector<AssignmentRow>& rows,
                            const std::string& label) {
  const size_t chunk = std::max<size_t>(1, options_.chunk_rows);
  for (size_t begin = 0; begin < rows.size(); begin += chunk) {
    const size_t end = std::min(rows.size(), begin + chunk);
    v1::ImportEmployeesRequest req;
    req.set_csv(ImportCsv(data, rows, begin, end));
    v1::ImportEmployeesResponse resp;
    if (absl::Status s =
            Call(absl::StrCat("ImportEmployees (", label, " rows ", begin + 1, "-", end, ")"),
                 &v1::DirectoryService::StubInterface::ImportEmployees, req, &resp,
                 options_.import_deadline, false);
        !s.ok()) {
      return s;
    }
    std::cout << "loaded " << end << "/" << rows.size()
              << (label == "employees" ? "" : absl::StrCat(" ", label)) << std::endl;
  }
  return absl::OkStatus();
}

absl::Status Loader::CreateActing(const DemoData& data) {
  for (size_t i = 0; i < data.acting.size(); ++i) {
    const ActingAssignment& a = data.acting[i];
    v1::CreateActingAssignmentRequest req;
    req.set_request_id(absl::StrCat("demo-data-", options_.seed, "-acting-", i));
    v1::ActingAssignment* act = req.mutable_acting_assignment();
    act->set_employee(data.people[a.person].nip);
    act->set_position(data.positions[a.position].code);
    act->set_kind(a.plt ? v1::PLT : v1::PLH);
    *act->mutable_start_date() = ToDate(a.start);
    *act->mutable_end_date() = ToDate(a.end);
    v1::ActingAssignment created;
    if (absl::Status s =
            Call(absl::StrCat("CreateActingAssignment ", act->kind() == v1::PLT ? "PLT " : "PLH ",
                              act->position()),
                 &v1::DirectoryService::StubInterface::CreateActingAssignment, req, &created,
                 options_.call_deadline, true);
        !s.ok()) {
      return s;
    }
  }
  std::cout << "created " << data.acting.size() << " acting assignments (PLT/PLH)" << std::endl;
  return absl::OkStatus();
}

}  // namespace kinerja::demo
