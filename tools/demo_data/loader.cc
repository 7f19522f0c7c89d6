#include "tools/demo_data/loader.h"

#include <algorithm>
#include <chrono>
#include <iostream>
#include <thread>

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

Loader::Loader(LoaderOptions options)
    : options_(std::move(options)),
      stub_(v1::DirectoryService::NewStub(MakeChannel(options_.target))) {}

template <class Request, class Response>
absl::Status Loader::Call(const std::string& what, Method<Request, Response> method,
                          const Request& request, Response* response, absl::Duration deadline,
                          bool is_create) {
  const absl::Time give_up = absl::Now() + options_.unavailable_budget;
  absl::Duration backoff = absl::Milliseconds(250);
  for (int attempt = 1;; ++attempt) {
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(absl::Now() + deadline));
    const grpc::Status status = (stub_.get()->*method)(&context, request, response);
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
