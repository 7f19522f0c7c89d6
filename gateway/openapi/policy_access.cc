#include "gateway/openapi/policy_access.h"

#include "server/auth/policy_table.h"

namespace kinerja::openapi {

AccessLookup PolicyTableAccess() {
  return [](absl::string_view grpc_method) -> std::optional<MethodAccess> {
    const auth::MethodPolicy* policy = auth::FindPolicy(grpc_method);
    if (policy == nullptr) return std::nullopt;
    MethodAccess access;
    access.anonymous = (policy->audience & auth::kPublic) != 0;
    access.audience = auth::DescribeAudience(policy->audience);
    return access;
  };
}

}  // namespace kinerja::openapi
