// The signed-in session of kinerjactl: $XDG_CONFIG_HOME/kinerja/session (default
// ~/.config/kinerja/session), written by `login` with mode 600 in a directory of mode 700 and
// removed by `logout`. Lines of "key=value": server, token and, when given at login, ca_file.
#ifndef KINERJA_TOOLS_KINERJACTL_SESSION_H_
#define KINERJA_TOOLS_KINERJACTL_SESSION_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace kinerja::ctl {

struct Session {
  std::string server;
  std::string token;
  std::string ca_file;
};

// The session file's path; FAILED_PRECONDITION when neither XDG_CONFIG_HOME nor HOME is set.
absl::StatusOr<std::string> SessionPath();
// NOT_FOUND when there is no session file.
absl::StatusOr<Session> LoadSession();
absl::Status SaveSession(const Session& session);
// OK also when there was no file.
absl::Status RemoveSession();

}  // namespace kinerja::ctl

#endif  // KINERJA_TOOLS_KINERJACTL_SESSION_H_
