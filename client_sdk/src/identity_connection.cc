#include "kinerja/sdk/identity_connection.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "client_sdk/src/call_runner.h"
#include "client_sdk/src/stub_calls.h"
#include "kinerja/sdk/channel.h"

namespace kinerja::sdk {
namespace {

using Stub = v1::IdentityService::StubInterface;

constexpr char kService[] = "kinerja.v1.IdentityService";

absl::Status Unimplemented(absl::string_view method) {
  return absl::UnimplementedError(
      absl::StrCat("IdentityConnection::", method, " is not implemented by this connection"));
}

class DefaultIdentityConnection final : public IdentityConnection {
 public:
  DefaultIdentityConnection(std::shared_ptr<Stub> stub,
                            std::shared_ptr<const internal::CallRunner> runner)
      : calls_(kService, std::move(stub), std::move(runner)) {}

  // A sign-in attempt counts towards the account's lock-out: never sent twice by default.
  absl::StatusOr<v1::LoginResponse> Login(const v1::LoginRequest& request) override {
    return calls_.Unsafe(&Stub::Login, "Login", request);
  }
  absl::StatusOr<v1::LogoutResponse> Logout(const v1::LogoutRequest& request) override {
    return calls_.Unsafe(&Stub::Logout, "Logout", request);
  }
  absl::StatusOr<v1::Account> GetMyAccount(const v1::GetMyAccountRequest& request) override {
    return calls_.Read(&Stub::GetMyAccount, "GetMyAccount", request);
  }
  absl::StatusOr<v1::ChangePasswordResponse> ChangePassword(
      const v1::ChangePasswordRequest& request) override {
    return calls_.Unsafe(&Stub::ChangePassword, "ChangePassword", request);
  }
  absl::StatusOr<v1::Account> ResetPassword(const v1::ResetPasswordRequest& request) override {
    return calls_.Unsafe(&Stub::ResetPassword, "ResetPassword", request);
  }

  absl::StatusOr<v1::RoleGrant> GrantRole(const v1::GrantRoleRequest& request) override {
    return calls_.Write(&Stub::GrantRole, "GrantRole", request);
  }
  absl::StatusOr<v1::RevokeRoleResponse> RevokeRole(const v1::RevokeRoleRequest& request) override {
    return calls_.Unsafe(&Stub::RevokeRole, "RevokeRole", request);
  }
  absl::StatusOr<v1::ListRoleGrantsResponse> ListRoleGrants(
      const v1::ListRoleGrantsRequest& request) override {
    return calls_.Read(&Stub::ListRoleGrants, "ListRoleGrants", request);
  }

  absl::StatusOr<v1::Account> CreateSystemAccount(
      const v1::CreateSystemAccountRequest& request) override {
    return calls_.Unsafe(&Stub::CreateSystemAccount, "CreateSystemAccount", request);
  }
  absl::StatusOr<v1::CreateApiKeyResponse> CreateApiKey(
      const v1::CreateApiKeyRequest& request) override {
    return calls_.Unsafe(&Stub::CreateApiKey, "CreateApiKey", request);
  }
  absl::StatusOr<v1::ListApiKeysResponse> ListApiKeys(
      const v1::ListApiKeysRequest& request) override {
    return calls_.Read(&Stub::ListApiKeys, "ListApiKeys", request);
  }
  absl::StatusOr<v1::ApiKey> RevokeApiKey(const v1::RevokeApiKeyRequest& request) override {
    return calls_.Unsafe(&Stub::RevokeApiKey, "RevokeApiKey", request);
  }
  absl::StatusOr<v1::ClientCertificate> RegisterClientCertificate(
      const v1::RegisterClientCertificateRequest& request) override {
    return calls_.Unsafe(&Stub::RegisterClientCertificate, "RegisterClientCertificate", request);
  }

 private:
  internal::StubCalls<Stub> calls_;
};

}  // namespace

absl::StatusOr<v1::LoginResponse> IdentityConnection::Login(const v1::LoginRequest&) {
  return Unimplemented("Login");
}
absl::StatusOr<v1::LogoutResponse> IdentityConnection::Logout(const v1::LogoutRequest&) {
  return Unimplemented("Logout");
}
absl::StatusOr<v1::Account> IdentityConnection::GetMyAccount(const v1::GetMyAccountRequest&) {
  return Unimplemented("GetMyAccount");
}
absl::StatusOr<v1::ChangePasswordResponse> IdentityConnection::ChangePassword(
    const v1::ChangePasswordRequest&) {
  return Unimplemented("ChangePassword");
}
absl::StatusOr<v1::Account> IdentityConnection::ResetPassword(const v1::ResetPasswordRequest&) {
  return Unimplemented("ResetPassword");
}
absl::StatusOr<v1::RoleGrant> IdentityConnection::GrantRole(const v1::GrantRoleRequest&) {
  return Unimplemented("GrantRole");
}
absl::StatusOr<v1::RevokeRoleResponse> IdentityConnection::RevokeRole(
    const v1::RevokeRoleRequest&) {
  return Unimplemented("RevokeRole");
}
absl::StatusOr<v1::ListRoleGrantsResponse> IdentityConnection::ListRoleGrants(
    const v1::ListRoleGrantsRequest&) {
  return Unimplemented("ListRoleGrants");
}
absl::StatusOr<v1::Account> IdentityConnection::CreateSystemAccount(
    const v1::CreateSystemAccountRequest&) {
  return Unimplemented("CreateSystemAccount");
}
absl::StatusOr<v1::CreateApiKeyResponse> IdentityConnection::CreateApiKey(
    const v1::CreateApiKeyRequest&) {
  return Unimplemented("CreateApiKey");
}
absl::StatusOr<v1::ListApiKeysResponse> IdentityConnection::ListApiKeys(
    const v1::ListApiKeysRequest&) {
  return Unimplemented("ListApiKeys");
}
absl::StatusOr<v1::ApiKey> IdentityConnection::RevokeApiKey(const v1::RevokeApiKeyRequest&) {
  return Unimplemented("RevokeApiKey");
}
absl::StatusOr<v1::ClientCertificate> IdentityConnection::RegisterClientCertificate(
    const v1::RegisterClientCertificateRequest&) {
  return Unimplemented("RegisterClientCertificate");
}

absl::StatusOr<std::shared_ptr<IdentityConnection>> MakeIdentityConnection(const Options& options) {
  auto channel = MakeChannel(options);
  if (!channel.ok()) return channel.status();
  return MakeIdentityConnection(v1::IdentityService::NewStub(*channel), options);
}

absl::StatusOr<std::shared_ptr<IdentityConnection>> MakeIdentityConnection(
    std::shared_ptr<v1::IdentityService::StubInterface> stub, const Options& options,
    ConnectionEnvironment environment) {
  if (stub == nullptr) return absl::InvalidArgumentError("MakeIdentityConnection: no stub");
  auto runner = internal::CallRunner::Create(options, std::move(environment));
  if (!runner.ok()) return runner.status();
  return std::shared_ptr<IdentityConnection>(
      std::make_shared<DefaultIdentityConnection>(std::move(stub), *std::move(runner)));
}

}  // namespace kinerja::sdk
