#include "kinerja/sdk/directory_client.h"

#include <utility>

#include "client_sdk/src/resource_names.h"

namespace kinerja::sdk {

using internal::kEmployees;
using internal::kOpds;
using internal::kPositions;
using internal::ResourceId;
using internal::ResourceName;

DirectoryClient::DirectoryClient(std::shared_ptr<DirectoryConnection> connection)
    : connection_(std::move(connection)) {}

absl::StatusOr<v1::Opd> DirectoryClient::CreateOpd(const v1::Opd& opd) {
  v1::CreateOpdRequest request;
  *request.mutable_opd() = opd;
  return connection_->CreateOpd(request);
}
absl::StatusOr<v1::Opd> DirectoryClient::CreateOpd(const v1::CreateOpdRequest& request) {
  return connection_->CreateOpd(request);
}
absl::StatusOr<v1::Opd> DirectoryClient::GetOpd(absl::string_view code_or_name) {
  v1::GetOpdRequest request;
  request.set_name(ResourceName(kOpds, code_or_name));
  return connection_->GetOpd(request);
}
absl::StatusOr<v1::Opd> DirectoryClient::GetOpd(const v1::GetOpdRequest& request) {
  return connection_->GetOpd(request);
}
PaginatedRange<v1::Opd> DirectoryClient::ListOpds(const v1::ListOpdsRequest& request) {
  return connection_->ListOpds(request);
}

absl::StatusOr<v1::Unit> DirectoryClient::CreateUnit(absl::string_view opd, const v1::Unit& unit) {
  v1::CreateUnitRequest request;
  request.set_parent(ResourceName(kOpds, opd));
  *request.mutable_unit() = unit;
  return connection_->CreateUnit(request);
}
absl::StatusOr<v1::Unit> DirectoryClient::CreateUnit(const v1::CreateUnitRequest& request) {
  return connection_->CreateUnit(request);
}
absl::StatusOr<v1::ListUnitsResponse> DirectoryClient::ListUnits(absl::string_view opd) {
  v1::ListUnitsRequest request;
  request.set_parent(ResourceName(kOpds, opd));
  return connection_->ListUnits(request);
}
absl::StatusOr<v1::ListUnitsResponse> DirectoryClient::ListUnits(
    const v1::ListUnitsRequest& request) {
  return connection_->ListUnits(request);
}

absl::StatusOr<v1::Position> DirectoryClient::CreatePosition(const v1::Position& position) {
  v1::CreatePositionRequest request;
  *request.mutable_position() = position;
  return connection_->CreatePosition(request);
}
absl::StatusOr<v1::Position> DirectoryClient::CreatePosition(
    const v1::CreatePositionRequest& request) {
  return connection_->CreatePosition(request);
}
absl::StatusOr<v1::Position> DirectoryClient::GetPosition(absl::string_view code_or_name) {
  v1::GetPositionRequest request;
  request.set_name(ResourceName(kPositions, code_or_name));
  return connection_->GetPosition(request);
}
absl::StatusOr<v1::Position> DirectoryClient::GetPosition(const v1::GetPositionRequest& request) {
  return connection_->GetPosition(request);
}
PaginatedRange<v1::Position> DirectoryClient::ListPositions(
    const v1::ListPositionsRequest& request) {
  return connection_->ListPositions(request);
}
absl::StatusOr<v1::Position> DirectoryClient::UpdatePosition(
    const v1::UpdatePositionRequest& request) {
  return connection_->UpdatePosition(request);
}

absl::StatusOr<v1::Employee> DirectoryClient::CreateEmployee(const v1::Employee& employee) {
  v1::CreateEmployeeRequest request;
  *request.mutable_employee() = employee;
  return connection_->CreateEmployee(request);
}
absl::StatusOr<v1::Employee> DirectoryClient::CreateEmployee(
    const v1::CreateEmployeeRequest& request) {
  return connection_->CreateEmployee(request);
}
absl::StatusOr<v1::Employee> DirectoryClient::GetEmployee(absl::string_view nip_or_name) {
  v1::GetEmployeeRequest request;
  request.set_name(ResourceName(kEmployees, nip_or_name));
  return connection_->GetEmployee(request);
}
absl::StatusOr<v1::Employee> DirectoryClient::GetEmployee(const v1::GetEmployeeRequest& request) {
  return connection_->GetEmployee(request);
}
PaginatedRange<v1::Employee> DirectoryClient::ListEmployees(
    const v1::ListEmployeesRequest& request) {
  return connection_->ListEmployees(request);
}
StreamRange<v1::Employee> DirectoryClient::ExportEmployees(absl::string_view opd) {
  v1::ExportEmployeesRequest request;
  request.set_opd(ResourceId(kOpds, opd));
  return connection_->ExportEmployees(request);
}
StreamRange<v1::Employee> DirectoryClient::ExportEmployees(
    const v1::ExportEmployeesRequest& request) {
  return connection_->ExportEmployees(request);
}

absl::StatusOr<v1::Assignment> DirectoryClient::TransferEmployee(
    const v1::TransferEmployeeRequest& request) {
  return connection_->TransferEmployee(request);
}
absl::StatusOr<v1::ListAssignmentsResponse> DirectoryClient::ListAssignments(
    absl::string_view nip_or_name) {
  v1::ListAssignmentsRequest request;
  request.set_parent(ResourceName(kEmployees, nip_or_name));
  return connection_->ListAssignments(request);
}
absl::StatusOr<v1::ListAssignmentsResponse> DirectoryClient::ListAssignments(
    const v1::ListAssignmentsRequest& request) {
  return connection_->ListAssignments(request);
}

absl::StatusOr<v1::ActingAssignment> DirectoryClient::CreateActingAssignment(
    const v1::ActingAssignment& acting_assignment) {
  v1::CreateActingAssignmentRequest request;
  *request.mutable_acting_assignment() = acting_assignment;
  return connection_->CreateActingAssignment(request);
}
absl::StatusOr<v1::ActingAssignment> DirectoryClient::CreateActingAssignment(
    const v1::CreateActingAssignmentRequest& request) {
  return connection_->CreateActingAssignment(request);
}
absl::StatusOr<v1::ListActingAssignmentsResponse> DirectoryClient::ListActingAssignments(
    const v1::ListActingAssignmentsRequest& request) {
  return connection_->ListActingAssignments(request);
}

absl::StatusOr<v1::Superior> DirectoryClient::GetSuperior(absl::string_view nip_or_name) {
  v1::GetSuperiorRequest request;
  request.set_employee(ResourceName(kEmployees, nip_or_name));
  return connection_->GetSuperior(request);
}
absl::StatusOr<v1::Superior> DirectoryClient::GetSuperior(const v1::GetSuperiorRequest& request) {
  return connection_->GetSuperior(request);
}
absl::StatusOr<v1::ListSubordinatesResponse> DirectoryClient::ListSubordinates(
    absl::string_view nip_or_name) {
  v1::ListSubordinatesRequest request;
  request.set_employee(ResourceName(kEmployees, nip_or_name));
  return connection_->ListSubordinates(request);
}
absl::StatusOr<v1::ListSubordinatesResponse> DirectoryClient::ListSubordinates(
    const v1::ListSubordinatesRequest& request) {
  return connection_->ListSubordinates(request);
}

absl::StatusOr<v1::ImportEmployeesResponse> DirectoryClient::ImportEmployees(std::string csv,
                                                                             bool validate_only) {
  v1::ImportEmployeesRequest request;
  request.set_csv(std::move(csv));
  request.set_validate_only(validate_only);
  return connection_->ImportEmployees(request);
}
absl::StatusOr<v1::ImportEmployeesResponse> DirectoryClient::ImportEmployees(
    const v1::ImportEmployeesRequest& request) {
  return connection_->ImportEmployees(request);
}

absl::StatusOr<DirectoryClient> MakeDirectoryClient(const Options& options) {
  auto connection = MakeDirectoryConnection(options);
  if (!connection.ok()) return connection.status();
  return DirectoryClient(*std::move(connection));
}

}  // namespace kinerja::sdk
