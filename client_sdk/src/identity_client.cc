#include "kinerja/sdk/identity_client.h"

#include <utility>

namespace kinerja::sdk {

IdentityClient::IdentityClient(std::shared_ptr<IdentityConnection> connection)
    : connection_(std::move(connection)) {}

absl::StatusOr<v1::LoginResponse> IdentityClient::Login(absl::string_view nip,
                                                        absl::string_view password) {
  v1::LoginRequest request;
  request.set_nip(std::string(nip));
  request.set_password(std::string(password));
  return connection_->Login(request);
}
absl::StatusOr<v1::LoginResponse> IdentityClient::Login(const v1::LoginRequest& request) {
  return connection_->Login(request);
}
absl::Status IdentityClient::Logout() { return connection_->Logout({}).status(); }
absl::StatusOr<v1::Account> IdentityClient::GetMyAccount() { return connection_->GetMyAccount({}); }
absl::Status IdentityClient::ChangePassword(absl::string_view current_password,
                                            absl::string_view new_password) {
  v1::ChangePasswordRequest request;
  request.set_current_password(std::string(current_password));
  request.set_new_password(std::string(new_password));
  return connection_->ChangePassword(request).status();
}
absl::StatusOr<v1::Account> IdentityClient::ResetPassword(const v1::ResetPasswordRequest& request) {
  return connection_->ResetPassword(request);
}

absl::StatusOr<v1::RoleGrant> IdentityClient::GrantRole(const v1::RoleGrant& role_grant) {
  v1::GrantRoleRequest request;
  *request.mutable_role_grant() = role_grant;
  return connection_->GrantRole(request);
}
absl::StatusOr<v1::RoleGrant> IdentityClient::GrantRole(const v1::GrantRoleRequest& request) {
  return connection_->GrantRole(request);
}
absl::Status IdentityClient::RevokeRole(absl::string_view name) {
  v1::RevokeRoleRequest request;
  request.set_name(std::string(name));
  return connection_->RevokeRole(request).status();
}
absl::StatusOr<v1::ListRoleGrantsResponse> IdentityClient::ListRoleGrants(
    absl::string_view account) {
  v1::ListRoleGrantsRequest request;
  request.set_account(std::string(account));
  return connection_->ListRoleGrants(request);
}

absl::StatusOr<v1::Account> IdentityClient::CreateSystemAccount(const v1::Account& account) {
  v1::CreateSystemAccountRequest request;
  *request.mutable_account() = account;
  return connection_->CreateSystemAccount(request);
}
absl::StatusOr<v1::CreateApiKeyResponse> IdentityClient::CreateApiKey(
    const v1::CreateApiKeyRequest& request) {
  return connection_->CreateApiKey(request);
}
absl::StatusOr<v1::ListApiKeysResponse> IdentityClient::ListApiKeys(absl::string_view account) {
  v1::ListApiKeysRequest request;
  request.set_account(std::string(account));
  return connection_->ListApiKeys(request);
}
absl::StatusOr<v1::ApiKey> IdentityClient::RevokeApiKey(absl::string_view name) {
  v1::RevokeApiKeyRequest request;
  request.set_name(std::string(name));
  return connection_->RevokeApiKey(request);
}
absl::StatusOr<v1::ClientCertificate> IdentityClient::RegisterClientCertificate(
    const v1::ClientCertificate& client_certificate) {
  v1::RegisterClientCertificateRequest request;
  *request.mutable_client_certificate() = client_certificate;
  return connection_->RegisterClientCertificate(request);
}

absl::StatusOr<IdentityClient> MakeIdentityClient(const Options& options) {
  auto connection = MakeIdentityConnection(options);
  if (!connection.ok()) return connection.status();
  return IdentityClient(*std::move(connection));
}

}  // namespace kinerja::sdk
