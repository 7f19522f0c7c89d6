// A gMock SkpConnection, for testing code that uses SkpClient without a server:
//
//   auto mock = std::make_shared<kinerja::sdk::mocks::MockSkpConnection>();
//   EXPECT_CALL(*mock, ListSkps).WillOnce(Return(plans));
//   ReminderJob job(kinerja::sdk::SkpClient(mock));   // the code under test
//
// Link KinerjaSdk::kinerja_sdk_mocks (it brings GoogleMock when find_package(GTest) finds it).
#ifndef KINERJA_SDK_MOCKS_MOCK_SKP_CONNECTION_H_
#define KINERJA_SDK_MOCKS_MOCK_SKP_CONNECTION_H_

#include <gmock/gmock.h>

#include "kinerja/sdk/skp_connection.h"

namespace kinerja::sdk::mocks {

class MockSkpConnection : public SkpConnection {
 public:
  MOCK_METHOD(absl::StatusOr<v1::Skp>, CreateSkp, (const v1::CreateSkpRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::Skp>, GetSkp, (const v1::GetSkpRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::ListSkpsResponse>, ListSkps, (const v1::ListSkpsRequest&),
              (override));
  MOCK_METHOD(absl::StatusOr<v1::Skp>, UpdateSkp, (const v1::UpdateSkpRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::Skp>, SubmitSkp, (const v1::TransitionSkpRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::Skp>, ApproveSkp, (const v1::TransitionSkpRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::Skp>, ReturnSkp, (const v1::TransitionSkpRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::Skp>, ReviseSkp, (const v1::TransitionSkpRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::ListIntervensiOptionsResponse>, ListIntervensiOptions,
              (const v1::ListIntervensiOptionsRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::Skp>, SetExpectations, (const v1::SetExpectationsRequest&),
              (override));
  MOCK_METHOD(absl::StatusOr<v1::Skp>, EvaluateSkp, (const v1::EvaluateSkpRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::ListSubordinateSkpsResponse>, ListSubordinateSkps,
              (const v1::ListSubordinateSkpsRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::OpdSkpSummary>, GetOpdSkpSummary,
              (const v1::GetOpdSkpSummaryRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::Cascade>, GetCascade, (const v1::GetCascadeRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::OrganizationPredikat>, SetOrganizationPredikat,
              (const v1::SetOrganizationPredikatRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::ListOpdQuotaReportsResponse>, ListOpdQuotaReports,
              (const v1::ListOpdQuotaReportsRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::ExportSkpsResponse>, ExportSkps, (const v1::ExportSkpsRequest&),
              (override));
  MOCK_METHOD(absl::StatusOr<v1::ImportSkpsResponse>, ImportSkps, (const v1::ImportSkpsRequest&),
              (override));
  MOCK_METHOD(absl::StatusOr<v1::FinalizeOpdSkpsResponse>, FinalizeOpdSkps,
              (const v1::FinalizeOpdSkpsRequest&), (override));
};

}  // namespace kinerja::sdk::mocks

#endif  // KINERJA_SDK_MOCKS_MOCK_SKP_CONNECTION_H_
