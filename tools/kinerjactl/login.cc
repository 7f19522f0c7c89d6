// kinerjactl login --server ADDR --nip NIP  |  kinerjactl logout
#include "kinerja/sdk/identity_client.h"
#include "tools/kinerjactl/commands.h"
#include "tools/kinerjactl/exit_codes.h"
#include "tools/kinerjactl/password.h"
#include "tools/kinerjactl/session.h"

namespace kinerja::ctl {

int RunLogin(const Command& command) {
  const std::string nip = command.args.Value("nip");
  if (nip.empty() || command.args.positional.size() != 1) {
    return Usage(command, "usage: kinerjactl login --server ADDR --nip NIP");
  }
  int exit_code = kExitOk;
  auto options = CallOptions(command, /*need_credentials=*/false, &exit_code);
  if (!options.ok()) return exit_code;
  options->api_key.clear();
  options->session_token.clear();
  auto password = ReadPassword("Password for " + nip + ": ");
  if (!password.ok()) return Usage(command, std::string(password.status().message()));

  auto identity = sdk::MakeIdentityClient(*options);
  if (!identity.ok()) return ReportError(command.err, "login", identity.status());
  auto login = identity->Login(nip, *password);
  if (!login.ok()) return ReportError(command.err, "login", login.status());

  Session session{options->endpoints.front(), login->session_token(), options->tls.ca_file};
  if (absl::Status saved = SaveSession(session); !saved.ok()) {
    return ReportError(command.err, "login", saved);
  }
  command.err << "Signed in as " << nip << " on " << session.server << "; session stored in "
              << SessionPath().value_or("?") << "\n";
  return kExitOk;
}

int RunLogout(const Command& command) {
  if (command.args.positional.size() != 1) return Usage(command, "usage: kinerjactl logout");
  absl::StatusOr<Session> session = LoadSession();
  if (!session.ok()) {
    command.err << "Not signed in.\n";
    return kExitOk;
  }
  // End the session on the server too; the file goes whatever the server says.
  int exit_code = kExitOk;
  auto options = CallOptions(command, /*need_credentials=*/true, &exit_code);
  absl::Status ended = absl::OkStatus();
  if (options.ok()) {
    options->api_key.clear();
    options->session_token = session->token;
    auto identity = sdk::MakeIdentityClient(*options);
    ended = identity.ok() ? identity->Logout() : identity.status();
  }
  if (absl::Status removed = RemoveSession(); !removed.ok()) {
    return ReportError(command.err, "logout", removed);
  }
  if (!ended.ok() && !absl::IsUnauthenticated(ended)) {
    command.err << "kinerjactl: the session file is removed, but the server was not told: "
                << ended.message() << "\n";
    return kExitOk;
  }
  command.err << "Signed out.\n";
  return kExitOk;
}

}  // namespace kinerja::ctl
