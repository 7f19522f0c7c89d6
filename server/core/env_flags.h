// Configuration: every flag can also be set by an environment variable KINERJA_<FLAG NAME IN UPPER
// CASE> (e.g. --db_port and KINERJA_DB_PORT), as Kubernetes ConfigMaps and Secrets provide. A flag
// given on the command line wins over the environment, which wins over the default.
#ifndef KINERJA_SERVER_CORE_ENV_FLAGS_H_
#define KINERJA_SERVER_CORE_ENV_FLAGS_H_

#include <string>
#include <vector>

#include "absl/status/status.h"

namespace kinerja::core {

// Sets each registered flag whose KINERJA_* variable is present. Call before
// absl::ParseCommandLine so that explicit flags override. Errors name the variable (never its
// value, which may be a secret).
absl::Status ApplyEnvironmentOverrides(const std::string& prefix = "KINERJA_");

}  // namespace kinerja::core

#endif  // KINERJA_SERVER_CORE_ENV_FLAGS_H_
