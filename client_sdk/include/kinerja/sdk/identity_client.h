// IdentityClient: sign-in, sessions, role grants and the accounts of other city systems
// (IdentityService). See directory_client.h for the conventions.
//
//   Options options;
//   options.endpoints = {"127.0.0.1:50051"};
//   auto identity = MakeIdentityClient(options);
//   auto login = identity->Login(nip, password);        // never retried
//   options.session_token = login->session_token();     // calls made from these options are
//   auto directory = MakeDirectoryClient(options);      // signed in
#ifndef KINERJA_SDK_IDENTITY_CLIENT_H_
#define KINERJA_SDK_IDENTITY_CLIENT_H_

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "kinerja/sdk/identity_connection.h"
#include "kinerja/sdk/options.h"

namespace kinerja::sdk {

class IdentityClient {
 public:
  explicit IdentityClient(std::shared_ptr<IdentityConnection> connection);

  absl::StatusOr<v1::LoginResponse> Login(absl::string_view nip, absl::string_view password);
  absl::StatusOr<v1::LoginResponse> Login(const v1::LoginRequest& request);
  // Ends the session of the connection's session_token.
  absl::Status Logout();
  absl::StatusOr<v1::Account> GetMyAccount();
  absl::Status ChangePassword(absl::string_view current_password, absl::string_view new_password);
  absl::StatusOr<v1::Account> ResetPassword(const v1::ResetPasswordRequest& request);

  // Retried safely: the SDK gives the request a request_id when it has none.
  absl::StatusOr<v1::RoleGrant> GrantRole(const v1::RoleGrant& role_grant);
  absl::StatusOr<v1::RoleGrant> GrantRole(const v1::GrantRoleRequest& request);
  // `name`: "roleGrants/{id}".
  absl::Status RevokeRole(absl::string_view name);
  // `account`: "accounts/{nip}" or "accounts/{system}"; empty for every grant.
  absl::StatusOr<v1::ListRoleGrantsResponse> ListRoleGrants(absl::string_view account = "");

  absl::StatusOr<v1::Account> CreateSystemAccount(const v1::Account& account);
  absl::StatusOr<v1::CreateApiKeyResponse> CreateApiKey(const v1::CreateApiKeyRequest& request);
  absl::StatusOr<v1::ListApiKeysResponse> ListApiKeys(absl::string_view account = "");
  // `name`: "apiKeys/{key_id}".
  absl::StatusOr<v1::ApiKey> RevokeApiKey(absl::string_view name);
  absl::StatusOr<v1::ClientCertificate> RegisterClientCertificate(
      const v1::ClientCertificate& client_certificate);

  const std::shared_ptr<IdentityConnection>& connection() const { return connection_; }

 private:
  std::shared_ptr<IdentityConnection> connection_;
};

// A client over MakeIdentityConnection(options).
absl::StatusOr<IdentityClient> MakeIdentityClient(const Options& options);

}  // namespace kinerja::sdk

#endif  // KINERJA_SDK_IDENTITY_CLIENT_H_
