#include "server/services/identity_service.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "server/auth/password_hasher.h"
#include "server/auth/secret_tokens.h"
#include "server/core/status_details.h"
#include "server/domain/nip.h"
#include "server/domain/position_rules.h"
#include "server/domain/password_rules.h"
#include "server/services/identity_validation.h"
#include "server/services/request_fields.h"

namespace kinerja::services {
namespace {

constexpr char kService[] = "IdentityService";
constexpr size_t kMaxUnknownNips = 100000;

absl::Status WrongCredentials() {
  return absl::UnauthenticatedError("wrong NIP or password");
}

absl::Status Throttled(absl::Time retry_after) {
  return absl::ResourceExhaustedError(absl::StrCat(
      "too many failed sign-ins; try again after ",
      absl::FormatTime("%Y-%m-%d %H:%M:%S WIB", retry_after, domain::JakartaZone())));
}

google::protobuf::Timestamp ToTimestamp(absl::Time t) {
  google::protobuf::Timestamp ts;
  ts.set_seconds(absl::ToUnixSeconds(t));
  return ts;
}

}  // namespace

absl::StatusOr<auth::Principal> IdentityServiceImpl::CheckPassword(
    const std::string& nip, const std::string& password, bool open_session, std::string* token,
    absl::Time* expires, absl::Time deadline) {
  const absl::Time now = clock_.Now();
  if (!domain::ParseNip(nip).ok() || password.empty() || password.size() > 128) {
    auth::BurnVerifyTime(password);
    return WrongCredentials();
  }
  return repo_.AttemptLogin(
      nip, deadline, [&](const std::optional<storage::LoginAccount>& account) {
        storage::LoginDecision d;
        if (!account) {
          // No account: the same throttle, kept in memory, and the same verification cost.
          absl::MutexLock lock(&unknown_mu_);
          domain::ThrottleState& state = unknown_nips_[nip];
          const auto check = domain::CheckLoginAllowed(state, now, throttle_);
          if (check.verdict != domain::ThrottleVerdict::kAllow) {
            d.status = Throttled(check.retry_after);
            return d;
          }
          auth::BurnVerifyTime(password);
          state = domain::RecordFailure(state, now, throttle_);
          if (unknown_nips_.size() > kMaxUnknownNips) unknown_nips_.clear();
          d.status = WrongCredentials();
          return d;
        }
        d.throttle = account->throttle;
        const auto check = domain::CheckLoginAllowed(account->throttle, now, throttle_);
        if (check.verdict != domain::ThrottleVerdict::kAllow) {
          d.status = Throttled(check.retry_after);
          return d;
        }
        const bool ok = !account->password_hash.empty()
                            ? auth::VerifyPassword(password, account->password_hash)
                            : (auth::BurnVerifyTime(password), false);
        if (!ok) {
          d.throttle = domain::RecordFailure(account->throttle, now, throttle_);
          d.status = WrongCredentials();
          return d;
        }
        d.throttle = domain::RecordSuccess(account->throttle);
        if (open_session) {
          *token = auth::NewSessionToken();
          *expires = now + guard_.authenticator().policy().lifetime;
          d.new_session_token_hash = auth::Sha256Hex(*token);
          d.session_expires_at = *expires;
        }
        return d;
      });
}

grpc::ServerUnaryReactor* IdentityServiceImpl::Login(grpc::CallbackServerContext* ctx,
                                                     const v1::LoginRequest* req,
                                                     v1::LoginResponse* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo&,
                                                                     absl::Time deadline) {
    std::string token;
    absl::Time expires;
    auto principal = CheckPassword(std::string(absl::StripAsciiWhitespace(req->nip())),
                                   req->password(), /*open_session=*/true, &token, &expires,
                                   deadline);
    if (!principal.ok()) return principal.status();
    auto account = repo_.GetAccount(principal->account_id, deadline);
    if (!account.ok()) return account.status();
    resp->set_session_token(token);
    *resp->mutable_expire_time() = ToTimestamp(expires);
    resp->set_must_change_password(principal->must_change_password);
    *resp->mutable_account() = std::move(*account);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* IdentityServiceImpl::Logout(grpc::CallbackServerContext* ctx,
                                                      const v1::LogoutRequest*,
                                                      v1::LogoutResponse*) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this](const CallInfo& call,
                                                          absl::Time deadline) {
    if (call.principal.session_token_hash.empty()) {
      return absl::FailedPreconditionError("the caller is not signed in with a session");
    }
    absl::Status st = repo_.RevokeSession(call.principal.session_token_hash, deadline);
    guard_.authenticator().ForgetSession(call.principal.session_token_hash);
    return st;
  });
}

grpc::ServerUnaryReactor* IdentityServiceImpl::GetMyAccount(grpc::CallbackServerContext* ctx,
                                                            const v1::GetMyAccountRequest*,
                                                            v1::Account* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, resp](const CallInfo& call,
                                                                absl::Time deadline) {
    auto account = repo_.GetAccount(call.principal.account_id, deadline);
    if (account.ok()) *resp = std::move(*account);
    return account.status();
  });
}

grpc::ServerUnaryReactor* IdentityServiceImpl::ChangePassword(
    grpc::CallbackServerContext* ctx, const v1::ChangePasswordRequest* req,
    v1::ChangePasswordResponse*) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req](const CallInfo& call,
                                                               absl::Time deadline) {
    if (!call.principal.IsPerson()) return auth::Denied();
    if (absl::Status st = domain::CheckNewPassword(req->new_password(), call.principal.nip);
        !st.ok()) {
      return core::FieldError("new_password", st.message());
    }
    if (req->new_password() == req->current_password()) {
      return core::FieldError("new_password", "must differ from the current password");
    }
    std::string unused_token;
    absl::Time unused_expiry;
    auto checked = CheckPassword(call.principal.nip, req->current_password(), false,
                                 &unused_token, &unused_expiry, deadline);
    if (!checked.ok()) return checked.status();
    auto hash = auth::HashPassword(req->new_password());
    if (!hash.ok()) return hash.status();
    absl::Status st = repo_.ChangePassword(call.principal.account_id, *hash,
                                           call.principal.session_token_hash, call.audit, deadline);
    guard_.authenticator().ForgetAll();
    return st;
  });
}

grpc::ServerUnaryReactor* IdentityServiceImpl::ResetPassword(grpc::CallbackServerContext* ctx,
                                                             const v1::ResetPasswordRequest* req,
                                                             v1::Account* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo& call,
                                                                     absl::Time deadline) {
    auto nip = NipFromAccount(req->account(), "account");
    if (!nip.ok()) return nip.status();
    if (absl::Status st = domain::CheckNewPassword(req->new_password(), *nip); !st.ok()) {
      return core::FieldError("new_password", st.message());
    }
    auto hash = auth::HashPassword(req->new_password());
    if (!hash.ok()) return hash.status();
    auto account = repo_.ResetPassword(*nip, *hash, !req->skip_change_at_next_login(), call.audit,
                                       deadline);
    guard_.authenticator().ForgetAll();
    if (account.ok()) *resp = std::move(*account);
    return account.status();
  });
}

grpc::ServerUnaryReactor* IdentityServiceImpl::GrantRole(grpc::CallbackServerContext* ctx,
                                                         const v1::GrantRoleRequest* req,
                                                         v1::RoleGrant* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo& call,
                                                                     absl::Time deadline) {
    if (absl::Status st = ValidateGrantRole(*req); !st.ok()) return st;
    const std::string nip = *NipFromAccount(req->role_grant().account(), "role_grant.account");
    auto grant = repo_.GrantRole(nip, req->role_grant().role(), req->role_grant().opd(),
                                 req->request_id(), call.audit, deadline);
    guard_.authenticator().ForgetAll();
    if (grant.ok()) *resp = std::move(*grant);
    return grant.status();
  });
}

grpc::ServerUnaryReactor* IdentityServiceImpl::RevokeRole(grpc::CallbackServerContext* ctx,
                                                          const v1::RevokeRoleRequest* req,
                                                          v1::RevokeRoleResponse*) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req](const CallInfo& call,
                                                               absl::Time deadline) {
    absl::string_view id = req->name();
    int64_t grant_id = 0;
    if (!absl::ConsumePrefix(&id, "roleGrants/") || !absl::SimpleAtoi(id, &grant_id) ||
        grant_id <= 0) {
      return core::FieldError("name", "must have the form roleGrants/{id}");
    }
    absl::Status st = repo_.RevokeRole(grant_id, call.audit, deadline);
    guard_.authenticator().ForgetAll();
    return st;
  });
}

grpc::ServerUnaryReactor* IdentityServiceImpl::ListRoleGrants(
    grpc::CallbackServerContext* ctx, const v1::ListRoleGrantsRequest* req,
    v1::ListRoleGrantsResponse* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo&,
                                                                     absl::Time deadline) {
    std::string nip;
    if (!req->account().empty()) {
      auto n = NipFromAccount(req->account(), "account");
      if (!n.ok()) return n.status();
      nip = *n;
    }
    auto grants = repo_.ListRoleGrants(nip, deadline);
    if (!grants.ok()) return grants.status();
    for (auto& g : *grants) *resp->add_role_grants() = std::move(g);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* IdentityServiceImpl::CreateSystemAccount(
    grpc::CallbackServerContext* ctx, const v1::CreateSystemAccountRequest* req,
    v1::Account* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo& call,
                                                                     absl::Time deadline) {
    auto name = SystemAccountName(req->account().name(), "account.name");
    if (!name.ok()) return name.status();
    if (absl::Status st = domain::ValidateDisplayText(req->account().display_name(), "text");
        !st.ok()) {
      return core::FieldError("account.display_name", st.message());
    }
    auto account = repo_.CreateSystemAccount(*name, req->account().display_name(), call.audit,
                                             deadline);
    if (account.ok()) *resp = std::move(*account);
    return account.status();
  });
}

grpc::ServerUnaryReactor* IdentityServiceImpl::CreateApiKey(grpc::CallbackServerContext* ctx,
                                                            const v1::CreateApiKeyRequest* req,
                                                            v1::CreateApiKeyResponse* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo& call,
                                                                     absl::Time deadline) {
    auto name = SystemAccountName(req->account(), "account");
    if (!name.ok()) return name.status();
    if (absl::Status st = ValidateScope(req->scope(), "scope"); !st.ok()) return st;
    if (absl::Status st = ValidateKeyExpiry(*req, clock_.Now()); !st.ok()) return st;
    const auth::ApiKey key = auth::NewApiKey();
    auto created = repo_.CreateApiKey(*name, key.key_id, auth::Sha256Hex(key.secret),
                                      req->scope(),
                                      absl::FromUnixSeconds(req->expire_time().seconds()),
                                      call.audit, deadline);
    if (!created.ok()) return created.status();
    *resp->mutable_api_key() = std::move(*created);
    resp->set_secret(key.full);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* IdentityServiceImpl::ListApiKeys(grpc::CallbackServerContext* ctx,
                                                           const v1::ListApiKeysRequest* req,
                                                           v1::ListApiKeysResponse* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo&,
                                                                     absl::Time deadline) {
    std::string name;
    if (!req->account().empty()) {
      auto n = SystemAccountName(req->account(), "account");
      if (!n.ok()) return n.status();
      name = *n;
    }
    auto keys = repo_.ListApiKeys(name, deadline);
    if (!keys.ok()) return keys.status();
    for (auto& k : *keys) *resp->add_api_keys() = std::move(k);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* IdentityServiceImpl::RevokeApiKey(grpc::CallbackServerContext* ctx,
                                                            const v1::RevokeApiKeyRequest* req,
                                                            v1::ApiKey* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo& call,
                                                                     absl::Time deadline) {
    absl::string_view id = req->name();
    if (!absl::ConsumePrefix(&id, "apiKeys/") || id.size() != 16) {
      return core::FieldError("name", "must have the form apiKeys/{key_id}");
    }
    auto key = repo_.RevokeApiKey(std::string(id), call.audit, deadline);
    guard_.authenticator().ForgetAll();
    if (key.ok()) *resp = std::move(*key);
    return key.status();
  });
}

grpc::ServerUnaryReactor* IdentityServiceImpl::RegisterClientCertificate(
    grpc::CallbackServerContext* ctx, const v1::RegisterClientCertificateRequest* req,
    v1::ClientCertificate* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo& call,
                                                                     absl::Time deadline) {
    const v1::ClientCertificate& cert = req->client_certificate();
    if (cert.subject().empty() || cert.subject().size() > 500) {
      return core::FieldError("client_certificate.subject", "is required (at most 500 bytes)");
    }
    if (auto name = SystemAccountName(cert.account(), "client_certificate.account"); !name.ok()) {
      return name.status();
    }
    if (absl::Status st = ValidateScope(cert.scope(), "client_certificate.scope"); !st.ok()) {
      return st;
    }
    auto stored = repo_.RegisterClientCertificate(cert, call.audit, deadline);
    guard_.authenticator().ForgetAll();
    if (stored.ok()) *resp = std::move(*stored);
    return stored.status();
  });
}

}  // namespace kinerja::services
