// Row loaders shared by the identity repository's files.
#ifndef KINERJA_SERVER_STORAGE_IDENTITY_ROWS_H_
#define KINERJA_SERVER_STORAGE_IDENTITY_ROWS_H_

#include <optional>
#include <string>
#include <vector>

#include "kinerja/v1/identity.pb.h"
#include "server/auth/principal.h"
#include "server/storage/connection_pool.h"

namespace kinerja::storage {

// These throw sql::SQLException; callers run inside ConnectionPool::Run.
std::optional<int64_t> AccountIdByNip(Connection& c, const std::string& nip);
std::optional<int64_t> AccountIdByName(Connection& c, const std::string& name);
std::vector<v1::RoleGrant> LoadGrants(Connection& c, int64_t account_id);
std::optional<v1::Account> LoadAccount(Connection& c, int64_t account_id);
// The principal of an account (grants included, no scope); nullopt when unknown.
std::optional<auth::Principal> LoadPrincipal(Connection& c, int64_t account_id);

// Scope lists are stored newline-separated.
std::string JoinLines(const google::protobuf::RepeatedPtrField<std::string>& items);
auth::Scope ScopeFromColumns(const std::string& methods, const std::string& opds);
v1::AccessScope ScopeToProto(const std::string& methods, const std::string& opds);

}  // namespace kinerja::storage

#endif  // KINERJA_SERVER_STORAGE_IDENTITY_ROWS_H_
