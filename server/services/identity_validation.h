// Request validation for IdentityService.
#ifndef KINERJA_SERVER_SERVICES_IDENTITY_VALIDATION_H_
#define KINERJA_SERVER_SERVICES_IDENTITY_VALIDATION_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "kinerja/v1/identity.pb.h"

namespace kinerja::services {

// "accounts/{name}" of a system account: 3-40 characters of a-z, 0-9 and '-', starting with a letter.
absl::StatusOr<std::string> SystemAccountName(absl::string_view name, absl::string_view field);

// A scope: methods that exist in the policy table and are open to city systems; OPD codes or "*".
absl::Status ValidateScope(const v1::AccessScope& scope, absl::string_view field);

absl::Status ValidateGrantRole(const v1::GrantRoleRequest& req);

// An API key's expiry: set, in the future, and at most a year ahead of `now`.
absl::Status ValidateKeyExpiry(const v1::CreateApiKeyRequest& req, absl::Time now);

}  // namespace kinerja::services

#endif  // KINERJA_SERVER_SERVICES_IDENTITY_VALIDATION_H_
