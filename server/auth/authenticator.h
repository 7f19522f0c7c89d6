// Turns a call's credentials into a Principal: a session token ("authorization: Bearer kns_..."), an
// API key ("x-api-key: knk_..."), or a verified client certificate (mutual TLS). No credentials give
// the anonymous principal (account_id 0); bad, expired or revoked ones give UNAUTHENTICATED.
//
// Lookups are cached in memory for a few seconds so that most calls authenticate without touching
// the database. Logout, key revocation and role changes made through this server invalidate its
// cache at once; other replicas notice within `cache_ttl`.
#ifndef KINERJA_SERVER_AUTH_AUTHENTICATOR_H_
#define KINERJA_SERVER_AUTH_AUTHENTICATOR_H_

#include <optional>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "server/auth/principal.h"
#include "server/domain/civil_date.h"
#include "server/storage/identity_repository.h"

namespace kinerja::auth {

struct Credentials {
  std::string bearer_token;         // from "authorization: Bearer ..."
  std::string api_key;              // from "x-api-key"
  std::string client_cert_subject;  // verified by TLS; empty without mutual TLS
};

// Session lifetimes [default]; configuration (flags), shown to users at sign-in.
struct SessionPolicy {
  absl::Duration lifetime = absl::Hours(12);
  absl::Duration idle_timeout = absl::Minutes(30);
  absl::Duration cache_ttl = absl::Seconds(5);
};

class Authenticator {
 public:
  Authenticator(storage::IdentityRepository& repo, const domain::Clock& clock,
                SessionPolicy policy);

  // From the cache alone, without blocking: nullopt when a database lookup is needed.
  std::optional<absl::StatusOr<Principal>> FromCache(const Credentials& creds);

  // May look up the database (call on a database worker).
  absl::StatusOr<Principal> Authenticate(const Credentials& creds, absl::Time deadline);

  void ForgetSession(const std::string& token_hash);
  // After role or account changes: every cached principal is looked up again.
  void ForgetAll();

  const SessionPolicy& policy() const { return policy_; }

 private:
  struct Entry {
    storage::CredentialRecord record;
    absl::Time fetched_at;
  };
  // The cache key and, for API keys, the secret to check, of the credentials presented.
  struct Lookup {
    enum Kind { kNone, kSession, kApiKey, kCertificate } kind = kNone;
    std::string key;     // "s:<token hash>", "k:<key id>", "c:<subject>"
    std::string secret;  // API keys
    absl::Status malformed;
  };
  Lookup Classify(const Credentials& creds) const;
  absl::StatusOr<Principal> Check(const Lookup& lookup, storage::CredentialRecord& record,
                                  absl::Time now) const;

  storage::IdentityRepository& repo_;
  const domain::Clock& clock_;
  const SessionPolicy policy_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, Entry> cache_ ABSL_GUARDED_BY(mu_);
};

}  // namespace kinerja::auth

#endif  // KINERJA_SERVER_AUTH_AUTHENTICATOR_H_
