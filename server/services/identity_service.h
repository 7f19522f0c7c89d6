// kinerja.v1.IdentityService: sign-in, sessions, passwords, role grants, and the credentials of other
// city systems. DOMAIN.md section 9.
#ifndef KINERJA_SERVER_SERVICES_IDENTITY_SERVICE_H_
#define KINERJA_SERVER_SERVICES_IDENTITY_SERVICE_H_

#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "kinerja/v1/identity.grpc.pb.h"
#include "server/domain/civil_date.h"
#include "server/domain/login_throttle.h"
#include "server/services/access_guard.h"
#include "server/storage/identity_repository.h"

namespace kinerja::services {

class IdentityServiceImpl final : public v1::IdentityService::CallbackService {
 public:
  IdentityServiceImpl(storage::IdentityRepository& repo, AccessGuard& guard,
                      const domain::Clock& clock, domain::ThrottleConfig throttle)
      : repo_(repo), guard_(guard), clock_(clock), throttle_(throttle) {}

  grpc::ServerUnaryReactor* Login(grpc::CallbackServerContext* ctx, const v1::LoginRequest* req,
                                  v1::LoginResponse* resp) override;
  grpc::ServerUnaryReactor* Logout(grpc::CallbackServerContext* ctx, const v1::LogoutRequest* req,
                                   v1::LogoutResponse* resp) override;
  grpc::ServerUnaryReactor* GetMyAccount(grpc::CallbackServerContext* ctx,
                                         const v1::GetMyAccountRequest* req,
                                         v1::Account* resp) override;
  grpc::ServerUnaryReactor* ChangePassword(grpc::CallbackServerContext* ctx,
                                           const v1::ChangePasswordRequest* req,
                                           v1::ChangePasswordResponse* resp) override;
  grpc::ServerUnaryReactor* ResetPassword(grpc::CallbackServerContext* ctx,
                                          const v1::ResetPasswordRequest* req,
                                          v1::Account* resp) override;
  grpc::ServerUnaryReactor* GrantRole(grpc::CallbackServerContext* ctx,
                                      const v1::GrantRoleRequest* req,
                                      v1::RoleGrant* resp) override;
  grpc::ServerUnaryReactor* RevokeRole(grpc::CallbackServerContext* ctx,
                                       const v1::RevokeRoleRequest* req,
                                       v1::RevokeRoleResponse* resp) override;
  grpc::ServerUnaryReactor* ListRoleGrants(grpc::CallbackServerContext* ctx,
                                           const v1::ListRoleGrantsRequest* req,
                                           v1::ListRoleGrantsResponse* resp) override;
  grpc::ServerUnaryReactor* CreateSystemAccount(grpc::CallbackServerContext* ctx,
                                                const v1::CreateSystemAccountRequest* req,
                                                v1::Account* resp) override;
  grpc::ServerUnaryReactor* CreateApiKey(grpc::CallbackServerContext* ctx,
                                         const v1::CreateApiKeyRequest* req,
                                         v1::CreateApiKeyResponse* resp) override;
  grpc::ServerUnaryReactor* ListApiKeys(grpc::CallbackServerContext* ctx,
                                        const v1::ListApiKeysRequest* req,
                                        v1::ListApiKeysResponse* resp) override;
  grpc::ServerUnaryReactor* RevokeApiKey(grpc::CallbackServerContext* ctx,
                                         const v1::RevokeApiKeyRequest* req,
                                         v1::ApiKey* resp) override;
  grpc::ServerUnaryReactor* RegisterClientCertificate(
      grpc::CallbackServerContext* ctx, const v1::RegisterClientCertificateRequest* req,
      v1::ClientCertificate* resp) override;

 private:
  // Checks a person's password under the sign-in throttle; on success opens a session when
  // `open_session`. Unknown NIPs are throttled in memory with the same rule, and cost the same time.
  absl::StatusOr<auth::Principal> CheckPassword(const std::string& nip, const std::string& password,
                                                bool open_session, std::string* token,
                                                absl::Time* expires, absl::Time deadline);

  storage::IdentityRepository& repo_;
  AccessGuard& guard_;
  const domain::Clock& clock_;
  const domain::ThrottleConfig throttle_;
  absl::Mutex unknown_mu_;
  absl::flat_hash_map<std::string, domain::ThrottleState> unknown_nips_ ABSL_GUARDED_BY(unknown_mu_);
};

}  // namespace kinerja::services

#endif  // KINERJA_SERVER_SERVICES_IDENTITY_SERVICE_H_
