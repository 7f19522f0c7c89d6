// IdentityConnection: one virtual method per IdentityService RPC (see directory_connection.h for
// the pattern). The default implementation fills in request_id on GrantRole when it is empty;
// Login, Logout, ChangePassword and the other account changes are never retried (idempotency.h).
#ifndef KINERJA_SDK_IDENTITY_CONNECTION_H_
#define KINERJA_SDK_IDENTITY_CONNECTION_H_

#include <memory>

#include "absl/status/statusor.h"
#include "kinerja/sdk/connection_environment.h"
#include "kinerja/sdk/options.h"
#include "kinerja/v1/identity.grpc.pb.h"

namespace kinerja::sdk {

class IdentityConnection {
 public:
  virtual ~IdentityConnection() = default;

  // Each method answers UNIMPLEMENTED unless overridden.
  virtual absl::StatusOr<v1::LoginResponse> Login(const v1::LoginRequest& request);
  virtual absl::StatusOr<v1::LogoutResponse> Logout(const v1::LogoutRequest& request);
  virtual absl::StatusOr<v1::Account> GetMyAccount(const v1::GetMyAccountRequest& request);
  virtual absl::StatusOr<v1::ChangePasswordResponse> ChangePassword(
      const v1::ChangePasswordRequest& request);
  virtual absl::StatusOr<v1::Account> ResetPassword(const v1::ResetPasswordRequest& request);

  virtual absl::StatusOr<v1::RoleGrant> GrantRole(const v1::GrantRoleRequest& request);
  virtual absl::StatusOr<v1::RevokeRoleResponse> RevokeRole(const v1::RevokeRoleRequest& request);
  // Not paginated by the API.
  virtual absl::StatusOr<v1::ListRoleGrantsResponse> ListRoleGrants(
      const v1::ListRoleGrantsRequest& request);

  virtual absl::StatusOr<v1::Account> CreateSystemAccount(
      const v1::CreateSystemAccountRequest& request);
  virtual absl::StatusOr<v1::CreateApiKeyResponse> CreateApiKey(
      const v1::CreateApiKeyRequest& request);
  // Not paginated by the API.
  virtual absl::StatusOr<v1::ListApiKeysResponse> ListApiKeys(
      const v1::ListApiKeysRequest& request);
  virtual absl::StatusOr<v1::ApiKey> RevokeApiKey(const v1::RevokeApiKeyRequest& request);
  virtual absl::StatusOr<v1::ClientCertificate> RegisterClientCertificate(
      const v1::RegisterClientCertificateRequest& request);
};

// A connection over a new channel to options.endpoints (see MakeChannel).
absl::StatusOr<std::shared_ptr<IdentityConnection>> MakeIdentityConnection(const Options& options);

// A connection over `stub` (a caller's own channel, or MockIdentityServiceStub in tests).
absl::StatusOr<std::shared_ptr<IdentityConnection>> MakeIdentityConnection(
    std::shared_ptr<v1::IdentityService::StubInterface> stub, const Options& options,
    ConnectionEnvironment environment = {});

}  // namespace kinerja::sdk

#endif  // KINERJA_SDK_IDENTITY_CONNECTION_H_
