#include "server/services/access_guard.h"

#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "server/core/tls_config.h"

namespace kinerja::services {
namespace {

std::string Metadata(const grpc::ServerContextBase& ctx, const char* key) {
  const auto& md = ctx.client_metadata();
  auto it = md.find(key);
  if (it == md.end()) return "";
  return std::string(it->second.data(), it->second.size());
}

}  // namespace

auth::Credentials CredentialsOf(const grpc::ServerContextBase& ctx) {
  auth::Credentials creds;
  absl::string_view authorization = "";
  std::string raw = Metadata(ctx, "authorization");
  authorization = raw;
  if (absl::ConsumePrefix(&authorization, "Bearer ") ||
      absl::ConsumePrefix(&authorization, "bearer ")) {
    creds.bearer_token = std::string(absl::StripAsciiWhitespace(authorization));
  }
  if (creds.bearer_token.empty()) creds.api_key = Metadata(ctx, "x-api-key");
  // The TLS peer is consulted only without a token or key: building the auth context allocates.
  if (creds.bearer_token.empty() && creds.api_key.empty()) {
    if (auto auth_context = ctx.auth_context()) {
      creds.client_cert_subject = core::ClientCertificateSubject(*auth_context);
    }
  }
  return creds;
}

std::string RequestIdOf(const grpc::ServerContextBase& ctx) {
  return Metadata(ctx, "x-request-id");
}

std::optional<AccessGuard::Admitted> AccessGuard::AdmitFromCache(
    const grpc::ServerContextBase& ctx, const std::string& method) {
  const auth::MethodPolicy* policy = auth::FindPolicy(method);
  if (policy == nullptr) return std::nullopt;
  if (skip_) return Admitted{BenchmarkPrincipal(), *policy};
  auto cached = authenticator_.FromCache(CredentialsOf(ctx));
  if (!cached || !cached->ok() || !auth::Admit(*policy, **cached).ok()) return std::nullopt;
  return Admitted{*std::move(*cached), *policy};
}

absl::StatusOr<auth::Principal> AccessGuard::Authorize(const auth::MethodPolicy& policy,
                                                       const auth::Credentials& creds,
                                                       absl::Time deadline) {
  if (skip_) return BenchmarkPrincipal();
  auto principal = authenticator_.Authenticate(creds, deadline);
  if (!principal.ok()) return principal.status();
  if (absl::Status st = auth::Admit(policy, *principal); !st.ok()) return st;
  return principal;
}

auth::Principal AccessGuard::BenchmarkPrincipal() {
  auth::Principal p;
  p.account_id = -1;
  p.kind = v1::PERSON;
  p.account = "accounts/benchmark";
  p.grants.push_back({v1::BKPP_ADMIN, ""});
  return p;
}

}  // namespace kinerja::services
