#include "tools/kinerjactl/exit_codes.h"

#include "kinerja/sdk/status.h"

namespace kinerja::ctl {

int ExitCodeFor(const absl::Status& status) {
  switch (status.code()) {
    case absl::StatusCode::kOk:
      return kExitOk;
    case absl::StatusCode::kUnauthenticated:
      return kExitUnauthenticated;
    case absl::StatusCode::kPermissionDenied:
      return kExitPermissionDenied;
    case absl::StatusCode::kNotFound:
      return kExitNotFound;
    case absl::StatusCode::kInvalidArgument:
      return kExitInvalidArgument;
    case absl::StatusCode::kUnavailable:
    case absl::StatusCode::kDeadlineExceeded:
      return kExitUnavailable;
    default:
      return kExitError;
  }
}

int ReportError(std::ostream& err, absl::string_view context, const absl::Status& status) {
  err << "kinerjactl: " << context << ": " << status.message() << " ("
      << absl::StatusCodeToString(status.code()) << ")\n";
  for (const auto& v : sdk::FieldViolations(status)) {
    err << "  " << v.field << ": " << v.description << "\n";
  }
  const int code = ExitCodeFor(status);
  if (code == kExitUnauthenticated) {
    err << "kinerjactl: sign in with 'kinerjactl login', or set KINERJA_TOKEN or KINERJA_API_KEY\n";
  } else if (code == kExitUnavailable) {
    err << "kinerjactl: is the server address right (--server, KINERJA_SERVER) and is it up?\n";
  }
  return code;
}

absl::string_view ExitCodeHelp() {
  return "Exit codes:\n"
         "  0  ok\n"
         "  1  any other error\n"
         "  2  usage: unknown command or option, missing argument\n"
         "  3  not signed in, or the credentials were refused (UNAUTHENTICATED)\n"
         "  4  not allowed (PERMISSION_DENIED)\n"
         "  5  not found (NOT_FOUND)\n"
         "  6  invalid input (INVALID_ARGUMENT); each field violation on its own line\n"
         "  7  server unreachable or too slow (UNAVAILABLE, DEADLINE_EXCEEDED)\n";
}

}  // namespace kinerja::ctl
