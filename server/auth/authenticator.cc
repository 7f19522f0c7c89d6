#include "server/auth/authenticator.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "server/auth/secret_tokens.h"

namespace kinerja::auth {
namespace {

constexpr size_t kMaxCacheEntries = 100000;

absl::Status Invalid() {
  return absl::UnauthenticatedError("the credentials are invalid, expired or revoked; sign in again");
}

}  // namespace

Authenticator::Authenticator(storage::IdentityRepository& repo, const domain::Clock& clock,
                             SessionPolicy policy)
    : repo_(repo), clock_(clock), policy_(policy) {}

Authenticator::Lookup Authenticator::Classify(const Credentials& creds) const {
  Lookup l;
  if (!creds.bearer_token.empty()) {
    // Shape only (prefix and length): this runs on every call, and a token that is not one of
    // ours matches no stored hash anyway.
    if (creds.bearer_token.size() != 47 || creds.bearer_token.compare(0, 4, "kns_") != 0) {
      l.malformed = Invalid();
      return l;
    }
    l.kind = Lookup::kSession;
    l.key = absl::StrCat("s:", Sha256Hex(creds.bearer_token));
  } else if (!creds.api_key.empty()) {
    auto parsed = ParseApiKey(creds.api_key);
    if (!parsed.ok()) {
      l.malformed = Invalid();
      return l;
    }
    l.kind = Lookup::kApiKey;
    l.key = absl::StrCat("k:", parsed->first);
    l.secret = parsed->second;
  } else if (!creds.client_cert_subject.empty()) {
    l.kind = Lookup::kCertificate;
    l.key = absl::StrCat("c:", creds.client_cert_subject);
  }
  return l;
}

absl::StatusOr<Principal> Authenticator::Check(const Lookup& lookup,
                                               storage::CredentialRecord& record,
                                               absl::Time now) const {
  if (record.revoked || now >= record.expires_at) return Invalid();
  switch (lookup.kind) {
    case Lookup::kSession:
      if (now - record.last_seen > policy_.idle_timeout) return Invalid();
      record.last_seen = now;
      break;
    case Lookup::kApiKey:
      if (!ConstantTimeEquals(Sha256Hex(lookup.secret), record.secret_hash)) return Invalid();
      break;
    default:
      break;
  }
  return record.principal;
}

std::optional<absl::StatusOr<Principal>> Authenticator::FromCache(const Credentials& creds) {
  Lookup lookup = Classify(creds);
  if (!lookup.malformed.ok()) return absl::StatusOr<Principal>(lookup.malformed);
  if (lookup.kind == Lookup::kNone) return absl::StatusOr<Principal>(Principal{});
  const absl::Time now = clock_.Now();
  absl::MutexLock lock(&mu_);
  auto it = cache_.find(lookup.key);
  if (it == cache_.end() || now - it->second.fetched_at > policy_.cache_ttl) return std::nullopt;
  return Check(lookup, it->second.record, now);
}

absl::StatusOr<Principal> Authenticator::Authenticate(const Credentials& creds,
                                                      absl::Time deadline) {
  if (auto cached = FromCache(creds)) return *cached;
  Lookup lookup = Classify(creds);
  absl::StatusOr<std::optional<storage::CredentialRecord>> found;
  const std::string id = lookup.key.substr(2);
  switch (lookup.kind) {
    case Lookup::kSession:
      found = repo_.FindSession(id, deadline);
      break;
    case Lookup::kApiKey:
      found = repo_.FindApiKey(id, deadline);
      break;
    case Lookup::kCertificate:
      found = repo_.FindClientCertificate(id, deadline);
      break;
    default:
      return Principal{};
  }
  if (!found.ok()) return found.status();
  if (!found->has_value()) return Invalid();
  storage::CredentialRecord record = std::move(**found);
  const absl::Time now = clock_.Now();
  {
    // A session used on this replica since it was last fetched is not idle.
    absl::MutexLock lock(&mu_);
    auto it = cache_.find(lookup.key);
    if (it != cache_.end()) record.last_seen = std::max(record.last_seen, it->second.record.last_seen);
  }
  auto principal = Check(lookup, record, now);
  if (principal.ok() && lookup.kind == Lookup::kSession) {
    if (absl::Status st = repo_.TouchSession(id, now, deadline); !st.ok()) return st;
  }
  absl::MutexLock lock(&mu_);
  if (cache_.size() >= kMaxCacheEntries) cache_.clear();
  cache_[lookup.key] = Entry{std::move(record), now};
  return principal;
}

void Authenticator::ForgetSession(const std::string& token_hash) {
  absl::MutexLock lock(&mu_);
  cache_.erase(absl::StrCat("s:", token_hash));
}

void Authenticator::ForgetAll() {
  absl::MutexLock lock(&mu_);
  cache_.clear();
}

}  // namespace kinerja::auth
