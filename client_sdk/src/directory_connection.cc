#include "kinerja/sdk/directory_connection.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "client_sdk/src/call_runner.h"
#include "client_sdk/src/server_stream_source.h"
#include "client_sdk/src/stub_calls.h"
#include "kinerja/sdk/channel.h"

namespace kinerja::sdk {
namespace {

using Stub = v1::DirectoryService::StubInterface;

absl::Status Unimplemented(absl::string_view method) {
  return absl::UnimplementedError(
      absl::StrCat("DirectoryConnection::", method, " is not implemented by this connection"));
}

constexpr char kService[] = "kinerja.v1.DirectoryService";

class DefaultDirectoryConnection final : public DirectoryConnection {
 public:
  DefaultDirectoryConnection(std::shared_ptr<Stub> stub,
                             std::shared_ptr<const internal::CallRunner> runner)
      : calls_(kService, std::move(stub), std::move(runner)) {}

  absl::StatusOr<v1::Opd> CreateOpd(const v1::CreateOpdRequest& request) override {
    return calls_.Write(&Stub::CreateOpd, "CreateOpd", request);
  }
  absl::StatusOr<v1::Opd> GetOpd(const v1::GetOpdRequest& request) override {
    return calls_.Read(&Stub::GetOpd, "GetOpd", request);
  }
  PaginatedRange<v1::Opd> ListOpds(const v1::ListOpdsRequest& request) override {
    return calls_.Pages(&Stub::ListOpds, "ListOpds", request, &v1::ListOpdsResponse::mutable_opds);
  }

  absl::StatusOr<v1::Unit> CreateUnit(const v1::CreateUnitRequest& request) override {
    return calls_.Unsafe(&Stub::CreateUnit, "CreateUnit", request);
  }
  absl::StatusOr<v1::ListUnitsResponse> ListUnits(const v1::ListUnitsRequest& request) override {
    return calls_.Read(&Stub::ListUnits, "ListUnits", request);
  }

  absl::StatusOr<v1::Position> CreatePosition(const v1::CreatePositionRequest& request) override {
    return calls_.Unsafe(&Stub::CreatePosition, "CreatePosition", request);
  }
  absl::StatusOr<v1::Position> GetPosition(const v1::GetPositionRequest& request) override {
    return calls_.Read(&Stub::GetPosition, "GetPosition", request);
  }
  PaginatedRange<v1::Position> ListPositions(const v1::ListPositionsRequest& request) override {
    return calls_.Pages(&Stub::ListPositions, "ListPositions", request,
                        &v1::ListPositionsResponse::mutable_positions);
  }
  absl::StatusOr<v1::Position> UpdatePosition(const v1::UpdatePositionRequest& request) override {
    return calls_.Unsafe(&Stub::UpdatePosition, "UpdatePosition", request);
  }

  absl::StatusOr<v1::Employee> CreateEmployee(const v1::CreateEmployeeRequest& request) override {
    return calls_.Write(&Stub::CreateEmployee, "CreateEmployee", request);
  }
  absl::StatusOr<v1::Employee> GetEmployee(const v1::GetEmployeeRequest& request) override {
    return calls_.Read(&Stub::GetEmployee, "GetEmployee", request);
  }
  PaginatedRange<v1::Employee> ListEmployees(const v1::ListEmployeesRequest& request) override {
    return calls_.Pages(&Stub::ListEmployees, "ListEmployees", request,
                        &v1::ListEmployeesResponse::mutable_employees);
  }
  StreamRange<v1::Employee> ExportEmployees(const v1::ExportEmployeesRequest& request) override {
    using Source = internal::ServerStreamSource<v1::ExportEmployeesRequest, v1::Employee>;
    std::shared_ptr<Stub> stub = calls_.stub();
    return StreamRange<v1::Employee>(std::make_unique<Source>(
        calls_.runner(), calls_.IsIdempotent("ExportEmployees", true), request,
        [stub](grpc::ClientContext* context, const v1::ExportEmployeesRequest& r) {
          return stub->ExportEmployees(context, r);
        }));
  }

  absl::StatusOr<v1::Assignment> TransferEmployee(
      const v1::TransferEmployeeRequest& request) override {
    return calls_.Write(&Stub::TransferEmployee, "TransferEmployee", request);
  }
  absl::StatusOr<v1::ListAssignmentsResponse> ListAssignments(
      const v1::ListAssignmentsRequest& request) override {
    return calls_.Read(&Stub::ListAssignments, "ListAssignments", request);
  }

  absl::StatusOr<v1::ActingAssignment> CreateActingAssignment(
      const v1::CreateActingAssignmentRequest& request) override {
    return calls_.Write(&Stub::CreateActingAssignment, "CreateActingAssignment", request);
  }
  absl::StatusOr<v1::ListActingAssignmentsResponse> ListActingAssignments(
      const v1::ListActingAssignmentsRequest& request) override {
    return calls_.Read(&Stub::ListActingAssignments, "ListActingAssignments", request);
  }

  absl::StatusOr<v1::Superior> GetSuperior(const v1::GetSuperiorRequest& request) override {
    return calls_.Read(&Stub::GetSuperior, "GetSuperior", request);
  }
  absl::StatusOr<v1::ListSubordinatesResponse> ListSubordinates(
      const v1::ListSubordinatesRequest& request) override {
    return calls_.Read(&Stub::ListSubordinates, "ListSubordinates", request);
  }

  // Idempotent by content (idempotency.h).
  absl::StatusOr<v1::ImportEmployeesResponse> ImportEmployees(
      const v1::ImportEmployeesRequest& request) override {
    return calls_.Read(&Stub::ImportEmployees, "ImportEmployees", request);
  }

 private:
  internal::StubCalls<Stub> calls_;
};

}  // namespace

absl::StatusOr<v1::Opd> DirectoryConnection::CreateOpd(const v1::CreateOpdRequest&) {
  return Unimplemented("CreateOpd");
}
absl::StatusOr<v1::Opd> DirectoryConnection::GetOpd(const v1::GetOpdRequest&) {
  return Unimplemented("GetOpd");
}
PaginatedRange<v1::Opd> DirectoryConnection::ListOpds(const v1::ListOpdsRequest&) {
  return MakeStreamRange<v1::Opd>({Unimplemented("ListOpds")});
}
absl::StatusOr<v1::Unit> DirectoryConnection::CreateUnit(const v1::CreateUnitRequest&) {
  return Unimplemented("CreateUnit");
}
absl::StatusOr<v1::ListUnitsResponse> DirectoryConnection::ListUnits(const v1::ListUnitsRequest&) {
  return Unimplemented("ListUnits");
}
absl::StatusOr<v1::Position> DirectoryConnection::CreatePosition(const v1::CreatePositionRequest&) {
  return Unimplemented("CreatePosition");
}
absl::StatusOr<v1::Position> DirectoryConnection::GetPosition(const v1::GetPositionRequest&) {
  return Unimplemented("GetPosition");
}
PaginatedRange<v1::Position> DirectoryConnection::ListPositions(const v1::ListPositionsRequest&) {
  return MakeStreamRange<v1::Position>({Unimplemented("ListPositions")});
}
absl::StatusOr<v1::Position> DirectoryConnection::UpdatePosition(const v1::UpdatePositionRequest&) {
  return Unimplemented("UpdatePosition");
}
absl::StatusOr<v1::Employee> DirectoryConnection::CreateEmployee(const v1::CreateEmployeeRequest&) {
  return Unimplemented("CreateEmployee");
}
absl::StatusOr<v1::Employee> DirectoryConnection::GetEmployee(const v1::GetEmployeeRequest&) {
  return Unimplemented("GetEmployee");
}
PaginatedRange<v1::Employee> DirectoryConnection::ListEmployees(const v1::ListEmployeesRequest&) {
  return MakeStreamRange<v1::Employee>({Unimplemented("ListEmployees")});
}
StreamRange<v1::Employee> DirectoryConnection::ExportEmployees(const v1::ExportEmployeesRequest&) {
  return MakeStreamRange<v1::Employee>({Unimplemented("ExportEmployees")});
}
absl::StatusOr<v1::Assignment> DirectoryConnection::TransferEmployee(
    const v1::TransferEmployeeRequest&) {
  return Unimplemented("TransferEmployee");
}
absl::StatusOr<v1::ListAssignmentsResponse> DirectoryConnection::ListAssignments(
    const v1::ListAssignmentsRequest&) {
  return Unimplemented("ListAssignments");
}
absl::StatusOr<v1::ActingAssignment> DirectoryConnection::CreateActingAssignment(
    const v1::CreateActingAssignmentRequest&) {
  return Unimplemented("CreateActingAssignment");
}
absl::StatusOr<v1::ListActingAssignmentsResponse> DirectoryConnection::ListActingAssignments(
    const v1::ListActingAssignmentsRequest&) {
  return Unimplemented("ListActingAssignments");
}
absl::StatusOr<v1::Superior> DirectoryConnection::GetSuperior(const v1::GetSuperiorRequest&) {
  return Unimplemented("GetSuperior");
}
absl::StatusOr<v1::ListSubordinatesResponse> DirectoryConnection::ListSubordinates(
    const v1::ListSubordinatesRequest&) {
  return Unimplemented("ListSubordinates");
}
absl::StatusOr<v1::ImportEmployeesResponse> DirectoryConnection::ImportEmployees(
    const v1::ImportEmployeesRequest&) {
  return Unimplemented("ImportEmployees");
}

absl::StatusOr<std::shared_ptr<DirectoryConnection>> MakeDirectoryConnection(
    const Options& options) {
  auto channel = MakeChannel(options);
  if (!channel.ok()) return channel.status();
  return MakeDirectoryConnection(v1::DirectoryService::NewStub(*channel), options);
}

absl::StatusOr<std::shared_ptr<DirectoryConnection>> MakeDirectoryConnection(
    std::shared_ptr<v1::DirectoryService::StubInterface> stub, const Options& options,
    ConnectionEnvironment environment) {
  if (stub == nullptr) return absl::InvalidArgumentError("MakeDirectoryConnection: no stub");
  auto runner = internal::CallRunner::Create(options, std::move(environment));
  if (!runner.ok()) return runner.status();
  return std::shared_ptr<DirectoryConnection>(
      std::make_shared<DefaultDirectoryConnection>(std::move(stub), *std::move(runner)));
}

}  // namespace kinerja::sdk
