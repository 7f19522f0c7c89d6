// All SQL of identity and access: accounts, sessions, sign-in attempts, role grants, API keys and
// client certificates. Secrets arrive here already hashed. Every change writes its audit row in the
// same transaction.
#ifndef KINERJA_SERVER_STORAGE_IDENTITY_REPOSITORY_H_
#define KINERJA_SERVER_STORAGE_IDENTITY_REPOSITORY_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "kinerja/v1/identity.pb.h"
#include "server/auth/principal.h"
#include "server/domain/login_throttle.h"
#include "server/storage/audit_store.h"
#include "server/storage/connection_pool.h"

namespace kinerja::storage {

// A credential found by its lookup key, with what decides whether it still holds.
struct CredentialRecord {
  auth::Principal principal;
  std::string secret_hash;  // API keys: SHA-256 of the secret
  absl::Time expires_at = absl::InfiniteFuture();
  absl::Time last_seen = absl::InfinitePast();  // sessions
  bool revoked = false;
};

// A person's account as sign-in sees it.
struct LoginAccount {
  int64_t id = 0;
  std::string password_hash;  // empty: no password set yet
  bool must_change_password = false;
  domain::ThrottleState throttle;
};

// What to do after a sign-in attempt (decided by the service from the rules).
struct LoginDecision {
  domain::ThrottleState throttle;       // written back when the account exists
  std::string new_session_token_hash;   // non-empty: open this session
  absl::Time session_expires_at;
  absl::Status status;                  // returned to the caller
};

class IdentityRepository {
 public:
  explicit IdentityRepository(ConnectionPool& pool) : pool_(pool) {}

  // Credential lookups for authentication; nullopt when unknown.
  absl::StatusOr<std::optional<CredentialRecord>> FindSession(const std::string& token_hash,
                                                              absl::Time deadline);
  absl::StatusOr<std::optional<CredentialRecord>> FindApiKey(const std::string& key_id,
                                                             absl::Time deadline);
  absl::StatusOr<std::optional<CredentialRecord>> FindClientCertificate(const std::string& subject,
                                                                        absl::Time deadline);
  // Records that a session was used (for the idle timeout).
  absl::Status TouchSession(const std::string& token_hash, absl::Time now, absl::Time deadline);
  absl::Status RevokeSession(const std::string& token_hash, absl::Time deadline);

  // One sign-in attempt (or a password check before a change), with the person's account row locked
  // for the whole decision: `decide` sees the account (nullopt: the NIP has none) and says what to
  // write. Returns the decision's status, and on success the new session's principal.
  absl::StatusOr<auth::Principal> AttemptLogin(
      const std::string& nip, absl::Time deadline,
      const std::function<LoginDecision(const std::optional<LoginAccount>&)>& decide);

  // Sets a new password for the caller; other sessions of the account end.
  absl::Status ChangePassword(int64_t account_id, const std::string& password_hash,
                              const std::string& keep_session_hash, const AuditContext& audit,
                              absl::Time deadline);
  // An administrator sets a person's password, creating the account if the NIP has none (the NIP
  // must be in the directory). Unlocks the account and ends its sessions.
  absl::StatusOr<v1::Account> ResetPassword(const std::string& nip,
                                            const std::string& password_hash,
                                            bool must_change, const AuditContext& audit,
                                            absl::Time deadline);
  absl::StatusOr<v1::Account> GetAccount(int64_t account_id, absl::Time deadline);

  absl::StatusOr<v1::RoleGrant> GrantRole(const std::string& nip, v1::Role role,
                                          const std::string& opd, const std::string& request_id,
                                          const AuditContext& audit, absl::Time deadline);
  absl::Status RevokeRole(int64_t grant_id, const AuditContext& audit, absl::Time deadline);
  absl::StatusOr<std::vector<v1::RoleGrant>> ListRoleGrants(const std::string& nip,
                                                            absl::Time deadline);

  absl::StatusOr<v1::Account> CreateSystemAccount(const std::string& name,
                                                  const std::string& display_name,
                                                  const AuditContext& audit, absl::Time deadline);
  absl::StatusOr<v1::ApiKey> CreateApiKey(const std::string& account_name,
                                          const std::string& key_id,
                                          const std::string& secret_hash,
                                          const v1::AccessScope& scope, absl::Time expires_at,
                                          const AuditContext& audit, absl::Time deadline);
  absl::StatusOr<std::vector<v1::ApiKey>> ListApiKeys(const std::string& account_name,
                                                      absl::Time deadline);
  absl::StatusOr<v1::ApiKey> RevokeApiKey(const std::string& key_id, const AuditContext& audit,
                                          absl::Time deadline);
  absl::StatusOr<v1::ClientCertificate> RegisterClientCertificate(
      const v1::ClientCertificate& cert, const AuditContext& audit, absl::Time deadline);

  // Start-up: when no account holds BKPP_ADMIN, gives `nip` an account with this password and the
  // role. Returns whether it did.
  absl::StatusOr<bool> EnsureBootstrapAdmin(const std::string& nip,
                                            const std::string& password_hash,
                                            absl::Time deadline);

 private:
  ConnectionPool& pool_;
};

}  // namespace kinerja::storage

#endif  // KINERJA_SERVER_STORAGE_IDENTITY_REPOSITORY_H_
