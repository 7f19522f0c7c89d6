// Who may call each method, from the server's access policy table (server/auth/policy_table.h), so
// the documentation marks public methods (sign-in) as needing no credentials and names each
// method's audience. Used by kinerja_openapi_gen only; the library itself does not depend on it.
#ifndef KINERJA_GATEWAY_OPENAPI_POLICY_ACCESS_H_
#define KINERJA_GATEWAY_OPENAPI_POLICY_ACCESS_H_

#include "gateway/openapi/api_model.h"

namespace kinerja::openapi {

AccessLookup PolicyTableAccess();

}  // namespace kinerja::openapi

#endif  // KINERJA_GATEWAY_OPENAPI_POLICY_ACCESS_H_
