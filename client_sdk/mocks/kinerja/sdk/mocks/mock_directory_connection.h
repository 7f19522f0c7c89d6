// A gMock DirectoryConnection, for testing code that uses DirectoryClient without a server:
//
//   auto mock = std::make_shared<kinerja::sdk::mocks::MockDirectoryConnection>();
//   EXPECT_CALL(*mock, GetEmployee).WillOnce(Return(employee));
//   PayrollSync sync(kinerja::sdk::DirectoryClient(mock));   // the code under test
//
// Ranges are move-only: return them from an action, e.g.
//   EXPECT_CALL(*mock, ListEmployees).WillOnce([](auto const&) {
//     return kinerja::sdk::MakeStreamRange<kinerja::v1::Employee>({alice, bob});
//   });
// Link KinerjaSdk::kinerja_sdk_mocks (it brings GoogleMock when find_package(GTest) finds it).
#ifndef KINERJA_SDK_MOCKS_MOCK_DIRECTORY_CONNECTION_H_
#define KINERJA_SDK_MOCKS_MOCK_DIRECTORY_CONNECTION_H_

#include <gmock/gmock.h>

#include "kinerja/sdk/directory_connection.h"

namespace kinerja::sdk::mocks {

class MockDirectoryConnection : public DirectoryConnection {
 public:
  MOCK_METHOD(absl::StatusOr<v1::Opd>, CreateOpd, (const v1::CreateOpdRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::Opd>, GetOpd, (const v1::GetOpdRequest&), (override));
  MOCK_METHOD(PaginatedRange<v1::Opd>, ListOpds, (const v1::ListOpdsRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::Unit>, CreateUnit, (const v1::CreateUnitRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::ListUnitsResponse>, ListUnits, (const v1::ListUnitsRequest&),
              (override));
  MOCK_METHOD(absl::StatusOr<v1::Position>, CreatePosition, (const v1::CreatePositionRequest&),
              (override));
  MOCK_METHOD(absl::StatusOr<v1::Position>, GetPosition, (const v1::GetPositionRequest&),
              (override));
  MOCK_METHOD(PaginatedRange<v1::Position>, ListPositions, (const v1::ListPositionsRequest&),
              (override));
  MOCK_METHOD(absl::StatusOr<v1::Position>, UpdatePosition, (const v1::UpdatePositionRequest&),
              (override));
  MOCK_METHOD(absl::StatusOr<v1::Employee>, CreateEmployee, (const v1::CreateEmployeeRequest&),
              (override));
  MOCK_METHOD(absl::StatusOr<v1::Employee>, GetEmployee, (const v1::GetEmployeeRequest&),
              (override));
  MOCK_METHOD(PaginatedRange<v1::Employee>, ListEmployees, (const v1::ListEmployeesRequest&),
              (override));
  MOCK_METHOD(StreamRange<v1::Employee>, ExportEmployees, (const v1::ExportEmployeesRequest&),
              (override));
  MOCK_METHOD(absl::StatusOr<v1::Assignment>, TransferEmployee,
              (const v1::TransferEmployeeRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::ListAssignmentsResponse>, ListAssignments,
              (const v1::ListAssignmentsRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::ActingAssignment>, CreateActingAssignment,
              (const v1::CreateActingAssignmentRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::ListActingAssignmentsResponse>, ListActingAssignments,
              (const v1::ListActingAssignmentsRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::Superior>, GetSuperior, (const v1::GetSuperiorRequest&),
              (override));
  MOCK_METHOD(absl::StatusOr<v1::ListSubordinatesResponse>, ListSubordinates,
              (const v1::ListSubordinatesRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::ImportEmployeesResponse>, ImportEmployees,
              (const v1::ImportEmployeesRequest&), (override));
};

}  // namespace kinerja::sdk::mocks

#endif  // KINERJA_SDK_MOCKS_MOCK_DIRECTORY_CONNECTION_H_
