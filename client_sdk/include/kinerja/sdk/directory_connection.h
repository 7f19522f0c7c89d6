// DirectoryConnection: one virtual method per DirectoryService RPC, taking the request and
// returning the response (or a range, for paginated lists and the export stream). DirectoryClient
// is the friendlier face; a Connection is what a test replaces (mocks/mock_directory_connection.h).
//
// The default implementation (MakeDirectoryConnection) sets each attempt's deadline and
// credentials, retries idempotent calls (retry_policy.h, idempotency.h) and fills in request_id on
// CreateOpd, CreateEmployee, TransferEmployee and CreateActingAssignment when it is empty. It is
// thread-safe; a range it returns is read by one thread at a time.
#ifndef KINERJA_SDK_DIRECTORY_CONNECTION_H_
#define KINERJA_SDK_DIRECTORY_CONNECTION_H_

#include <memory>

#include "absl/status/statusor.h"
#include "kinerja/sdk/connection_environment.h"
#include "kinerja/sdk/options.h"
#include "kinerja/sdk/stream_range.h"
#include "kinerja/v1/directory.grpc.pb.h"

namespace kinerja::sdk {

class DirectoryConnection {
 public:
  virtual ~DirectoryConnection() = default;

  // Each method answers UNIMPLEMENTED unless overridden, so that a fake written against this
  // version keeps compiling when methods are added.
  virtual absl::StatusOr<v1::Opd> CreateOpd(const v1::CreateOpdRequest& request);
  virtual absl::StatusOr<v1::Opd> GetOpd(const v1::GetOpdRequest& request);
  virtual PaginatedRange<v1::Opd> ListOpds(const v1::ListOpdsRequest& request);

  virtual absl::StatusOr<v1::Unit> CreateUnit(const v1::CreateUnitRequest& request);
  // Not paginated by the API: one call returns every unit of the OPD.
  virtual absl::StatusOr<v1::ListUnitsResponse> ListUnits(const v1::ListUnitsRequest& request);

  virtual absl::StatusOr<v1::Position> CreatePosition(const v1::CreatePositionRequest& request);
  virtual absl::StatusOr<v1::Position> GetPosition(const v1::GetPositionRequest& request);
  virtual PaginatedRange<v1::Position> ListPositions(const v1::ListPositionsRequest& request);
  virtual absl::StatusOr<v1::Position> UpdatePosition(const v1::UpdatePositionRequest& request);

  virtual absl::StatusOr<v1::Employee> CreateEmployee(const v1::CreateEmployeeRequest& request);
  virtual absl::StatusOr<v1::Employee> GetEmployee(const v1::GetEmployeeRequest& request);
  virtual PaginatedRange<v1::Employee> ListEmployees(const v1::ListEmployeesRequest& request);
  // A server stream. It is retried (as a read) only until its first employee arrives; a failure
  // after that ends the range with the error, since the API cannot resume an export.
  virtual StreamRange<v1::Employee> ExportEmployees(const v1::ExportEmployeesRequest& request);

  virtual absl::StatusOr<v1::Assignment> TransferEmployee(
      const v1::TransferEmployeeRequest& request);
  // Not paginated by the API.
  virtual absl::StatusOr<v1::ListAssignmentsResponse> ListAssignments(
      const v1::ListAssignmentsRequest& request);

  virtual absl::StatusOr<v1::ActingAssignment> CreateActingAssignment(
      const v1::CreateActingAssignmentRequest& request);
  // Not paginated by the API.
  virtual absl::StatusOr<v1::ListActingAssignmentsResponse> ListActingAssignments(
      const v1::ListActingAssignmentsRequest& request);

  virtual absl::StatusOr<v1::Superior> GetSuperior(const v1::GetSuperiorRequest& request);
  // Not paginated by the API.
  virtual absl::StatusOr<v1::ListSubordinatesResponse> ListSubordinates(
      const v1::ListSubordinatesRequest& request);

  virtual absl::StatusOr<v1::ImportEmployeesResponse> ImportEmployees(
      const v1::ImportEmployeesRequest& request);
};

// A connection over a new channel to options.endpoints (see MakeChannel).
absl::StatusOr<std::shared_ptr<DirectoryConnection>> MakeDirectoryConnection(
    const Options& options);

// A connection over `stub`: a stub on a channel of the caller's own, or gRPC's generated
// MockDirectoryServiceStub in tests. options.endpoints and options.tls are not used.
absl::StatusOr<std::shared_ptr<DirectoryConnection>> MakeDirectoryConnection(
    std::shared_ptr<v1::DirectoryService::StubInterface> stub, const Options& options,
    ConnectionEnvironment environment = {});

}  // namespace kinerja::sdk

#endif  // KINERJA_SDK_DIRECTORY_CONNECTION_H_
