// A gMock IdentityConnection, for testing code that uses IdentityClient without a server (see
// mock_directory_connection.h).
#ifndef KINERJA_SDK_MOCKS_MOCK_IDENTITY_CONNECTION_H_
#define KINERJA_SDK_MOCKS_MOCK_IDENTITY_CONNECTION_H_

#include <gmock/gmock.h>

#include "kinerja/sdk/identity_connection.h"

namespace kinerja::sdk::mocks {

class MockIdentityConnection : public IdentityConnection {
 public:
  MOCK_METHOD(absl::StatusOr<v1::LoginResponse>, Login, (const v1::LoginRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::LogoutResponse>, Logout, (const v1::LogoutRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::Account>, GetMyAccount, (const v1::GetMyAccountRequest&),
              (override));
  MOCK_METHOD(absl::StatusOr<v1::ChangePasswordResponse>, ChangePassword,
              (const v1::ChangePasswordRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::Account>, ResetPassword, (const v1::ResetPasswordRequest&),
              (override));
  MOCK_METHOD(absl::StatusOr<v1::RoleGrant>, GrantRole, (const v1::GrantRoleRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::RevokeRoleResponse>, RevokeRole, (const v1::RevokeRoleRequest&),
              (override));
  MOCK_METHOD(absl::StatusOr<v1::ListRoleGrantsResponse>, ListRoleGrants,
              (const v1::ListRoleGrantsRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::Account>, CreateSystemAccount,
              (const v1::CreateSystemAccountRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::CreateApiKeyResponse>, CreateApiKey,
              (const v1::CreateApiKeyRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::ListApiKeysResponse>, ListApiKeys, (const v1::ListApiKeysRequest&),
              (override));
  MOCK_METHOD(absl::StatusOr<v1::ApiKey>, RevokeApiKey, (const v1::RevokeApiKeyRequest&),
              (override));
  MOCK_METHOD(absl::StatusOr<v1::ClientCertificate>, RegisterClientCertificate,
              (const v1::RegisterClientCertificateRequest&), (override));
};

}  // namespace kinerja::sdk::mocks

#endif  // KINERJA_SDK_MOCKS_MOCK_IDENTITY_CONNECTION_H_
