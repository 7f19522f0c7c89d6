// Who is calling: a person signed in with NIP and password, or another city system (API key or
// client certificate) with its scope. Built by the Authenticator, read by the Authorizer.
#ifndef KINERJA_SERVER_AUTH_PRINCIPAL_H_
#define KINERJA_SERVER_AUTH_PRINCIPAL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "kinerja/v1/common.pb.h"
#include "kinerja/v1/identity.pb.h"

namespace kinerja::auth {

struct Grant {
  v1::Role role = v1::ROLE_UNSPECIFIED;
  std::string opd;  // OPD code; empty: the whole city
};

// What a system account may call, and for which OPDs.
struct Scope {
  absl::flat_hash_set<std::string> methods;
  absl::flat_hash_set<std::string> opds;
  bool all_opds = false;  // "*"

  bool AllowsMethod(absl::string_view method) const { return methods.contains(method); }
  bool AllowsOpd(absl::string_view opd) const { return all_opds || opds.contains(opd); }
};

struct Principal {
  int64_t account_id = 0;
  v1::AccountKind kind = v1::ACCOUNT_KIND_UNSPECIFIED;
  std::string account;  // "accounts/{nip}" or "accounts/{system}"
  std::string nip;      // persons only
  bool must_change_password = false;
  std::vector<Grant> grants;
  std::optional<Scope> scope;     // systems only
  std::string session_token_hash;  // when signed in with a session

  bool IsPerson() const { return kind == v1::PERSON; }
  bool IsSystem() const { return kind == v1::SYSTEM; }
  bool HasCityRole(v1::Role role) const {
    for (const Grant& g : grants) {
      if (g.role == role && g.opd.empty()) return true;
    }
    return false;
  }
  bool HasRole(v1::Role role) const {
    for (const Grant& g : grants) {
      if (g.role == role) return true;
    }
    return false;
  }
  bool HasRoleForOpd(v1::Role role, absl::string_view opd) const {
    for (const Grant& g : grants) {
      if (g.role == role && (g.opd.empty() || g.opd == opd)) return true;
    }
    return false;
  }
  bool IsAdmin() const { return HasCityRole(v1::BKPP_ADMIN); }
};

}  // namespace kinerja::auth

#endif  // KINERJA_SERVER_AUTH_PRINCIPAL_H_
