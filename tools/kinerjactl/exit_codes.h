// kinerjactl's exit codes, and how an error is printed.
//
//   0  ok
//   1  any other error
//   2  usage: unknown command or option, missing argument
//   3  not signed in, or the credentials were refused (UNAUTHENTICATED)
//   4  not allowed (PERMISSION_DENIED)
//   5  not found (NOT_FOUND)
//   6  invalid input (INVALID_ARGUMENT); each field violation is printed on its own line
//   7  the server cannot be reached or did not answer in time (UNAVAILABLE, DEADLINE_EXCEEDED)
#ifndef KINERJA_TOOLS_KINERJACTL_EXIT_CODES_H_
#define KINERJA_TOOLS_KINERJACTL_EXIT_CODES_H_

#include <ostream>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace kinerja::ctl {

enum ExitCode : int {
  kExitOk = 0,
  kExitError = 1,
  kExitUsage = 2,
  kExitUnauthenticated = 3,
  kExitPermissionDenied = 4,
  kExitNotFound = 5,
  kExitInvalidArgument = 6,
  kExitUnavailable = 7,
};

// The exit code for a failed (or OK) call.
int ExitCodeFor(const absl::Status& status);

// Writes "kinerjactl: <context>: <message>" and, for INVALID_ARGUMENT, each field violation as
// "  <field>: <description>"; adds a hint for codes 3 and 7. Returns ExitCodeFor(status).
int ReportError(std::ostream& err, absl::string_view context, const absl::Status& status);

// The exit-code table, as `kinerjactl --help` and the README show it.
absl::string_view ExitCodeHelp();

}  // namespace kinerja::ctl

#endif  // KINERJA_TOOLS_KINERJACTL_EXIT_CODES_H_
