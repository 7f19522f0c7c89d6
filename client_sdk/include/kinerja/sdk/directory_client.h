// DirectoryClient: the directory of OPDs, units, positions and employees (DirectoryService).
//
//   auto client = kinerja::sdk::MakeDirectoryClient(options);
//   if (!client.ok()) return client.status();
//   auto employee = client->GetEmployee("198507122010011003");
//   v1::ListEmployeesRequest request;
//   request.set_opd("DISKOMINFO");
//   for (const auto& e : client->ListEmployees(request)) {
//     if (!e.ok()) return e.status();
//     ...
//   }
//
// A thin value type over a shared DirectoryConnection: cheap to copy, thread-safe to share. Every
// method returns StatusOr<T> (or a range of StatusOr<T>); nothing throws. Methods that take a
// request message pass it on unchanged; the shorter overloads build the request. A resource can
// be named by its code or NIP ("DISKOMINFO", "198507122010011003") or by its full resource name
// ("opds/DISKOMINFO", "employees/198507122010011003").
#ifndef KINERJA_SDK_DIRECTORY_CLIENT_H_
#define KINERJA_SDK_DIRECTORY_CLIENT_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "kinerja/sdk/directory_connection.h"
#include "kinerja/sdk/options.h"
#include "kinerja/sdk/stream_range.h"

namespace kinerja::sdk {

class DirectoryClient {
 public:
  explicit DirectoryClient(std::shared_ptr<DirectoryConnection> connection);

  // Retried safely: the SDK gives the request a request_id when it has none.
  absl::StatusOr<v1::Opd> CreateOpd(const v1::Opd& opd);
  absl::StatusOr<v1::Opd> CreateOpd(const v1::CreateOpdRequest& request);
  absl::StatusOr<v1::Opd> GetOpd(absl::string_view code_or_name);
  absl::StatusOr<v1::Opd> GetOpd(const v1::GetOpdRequest& request);
  PaginatedRange<v1::Opd> ListOpds(const v1::ListOpdsRequest& request = {});

  absl::StatusOr<v1::Unit> CreateUnit(absl::string_view opd, const v1::Unit& unit);
  absl::StatusOr<v1::Unit> CreateUnit(const v1::CreateUnitRequest& request);
  absl::StatusOr<v1::ListUnitsResponse> ListUnits(absl::string_view opd);
  absl::StatusOr<v1::ListUnitsResponse> ListUnits(const v1::ListUnitsRequest& request);

  absl::StatusOr<v1::Position> CreatePosition(const v1::Position& position);
  absl::StatusOr<v1::Position> CreatePosition(const v1::CreatePositionRequest& request);
  absl::StatusOr<v1::Position> GetPosition(absl::string_view code_or_name);
  absl::StatusOr<v1::Position> GetPosition(const v1::GetPositionRequest& request);
  PaginatedRange<v1::Position> ListPositions(const v1::ListPositionsRequest& request = {});
  absl::StatusOr<v1::Position> UpdatePosition(const v1::UpdatePositionRequest& request);

  // Retried safely: the SDK gives the request a request_id when it has none.
  absl::StatusOr<v1::Employee> CreateEmployee(const v1::Employee& employee);
  absl::StatusOr<v1::Employee> CreateEmployee(const v1::CreateEmployeeRequest& request);
  absl::StatusOr<v1::Employee> GetEmployee(absl::string_view nip_or_name);
  absl::StatusOr<v1::Employee> GetEmployee(const v1::GetEmployeeRequest& request);
  PaginatedRange<v1::Employee> ListEmployees(const v1::ListEmployeesRequest& request = {});
  // Every employee of an OPD (or of the city, with opd empty), streamed in NIP order.
  StreamRange<v1::Employee> ExportEmployees(absl::string_view opd);
  StreamRange<v1::Employee> ExportEmployees(const v1::ExportEmployeesRequest& request);

  // Retried safely: the SDK gives the request a request_id when it has none.
  absl::StatusOr<v1::Assignment> TransferEmployee(const v1::TransferEmployeeRequest& request);
  absl::StatusOr<v1::ListAssignmentsResponse> ListAssignments(absl::string_view nip_or_name);
  absl::StatusOr<v1::ListAssignmentsResponse> ListAssignments(
      const v1::ListAssignmentsRequest& request);

  // Retried safely: the SDK gives the request a request_id when it has none.
  absl::StatusOr<v1::ActingAssignment> CreateActingAssignment(
      const v1::ActingAssignment& acting_assignment);
  absl::StatusOr<v1::ActingAssignment> CreateActingAssignment(
      const v1::CreateActingAssignmentRequest& request);
  absl::StatusOr<v1::ListActingAssignmentsResponse> ListActingAssignments(
      const v1::ListActingAssignmentsRequest& request = {});

  // Who rates and approves the employee today (Asia/Jakarta).
  absl::StatusOr<v1::Superior> GetSuperior(absl::string_view nip_or_name);
  absl::StatusOr<v1::Superior> GetSuperior(const v1::GetSuperiorRequest& request);
  absl::StatusOr<v1::ListSubordinatesResponse> ListSubordinates(absl::string_view nip_or_name);
  absl::StatusOr<v1::ListSubordinatesResponse> ListSubordinates(
      const v1::ListSubordinatesRequest& request);

  // Imports (or with validate_only, only checks) a CSV file; see docs/csv-import.md.
  absl::StatusOr<v1::ImportEmployeesResponse> ImportEmployees(std::string csv,
                                                              bool validate_only = false);
  absl::StatusOr<v1::ImportEmployeesResponse> ImportEmployees(
      const v1::ImportEmployeesRequest& request);

  const std::shared_ptr<DirectoryConnection>& connection() const { return connection_; }

 private:
  std::shared_ptr<DirectoryConnection> connection_;
};

// A client over MakeDirectoryConnection(options).
absl::StatusOr<DirectoryClient> MakeDirectoryClient(const Options& options);

}  // namespace kinerja::sdk

#endif  // KINERJA_SDK_DIRECTORY_CLIENT_H_
