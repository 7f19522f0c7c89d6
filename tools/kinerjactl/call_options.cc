// CallOptions and Usage (commands.h): what every subcommand needs to reach the server.
#include <cstdlib>

#include "tools/kinerjactl/commands.h"
#include "tools/kinerjactl/exit_codes.h"
#include "tools/kinerjactl/session.h"

namespace kinerja::ctl {
namespace {

std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? "" : value;
}

}  // namespace

int Usage(const Command& command, const std::string& message) {
  command.err << "kinerjactl: " << message << "\n"
              << "Run 'kinerjactl --help' for the commands and options.\n";
  return kExitUsage;
}

absl::StatusOr<sdk::Options> CallOptions(const Command& command, bool need_credentials,
                                         int* exit_code) {
  absl::StatusOr<Session> session = LoadSession();
  sdk::Options options;
  options.user_agent_prefix = "kinerjactl/1";
  std::string server = command.args.Value("server", Env("KINERJA_SERVER"));
  if (server.empty() && session.ok()) server = session->server;
  if (server.empty()) {
    *exit_code = Usage(command, "no server: give --server HOST:PORT or set KINERJA_SERVER");
    return absl::InvalidArgumentError("no server");
  }
  options.endpoints = {server};

  options.api_key = Env("KINERJA_API_KEY");
  if (options.api_key.empty()) options.session_token = Env("KINERJA_TOKEN");
  if (options.api_key.empty() && options.session_token.empty() && session.ok()) {
    options.session_token = session->token;
  }
  if (need_credentials && options.api_key.empty() && options.session_token.empty()) {
    command.err << "kinerjactl: not signed in: run 'kinerjactl login --server ADDR --nip NIP', or "
                   "set KINERJA_TOKEN or KINERJA_API_KEY\n";
    *exit_code = kExitUnauthenticated;
    return absl::UnauthenticatedError("not signed in");
  }

  std::string ca_file = command.args.Value("ca-file");
  if (ca_file.empty() && session.ok()) ca_file = session->ca_file;
  if (command.args.Has("tls") || !ca_file.empty()) {
    options.tls.enabled = true;
    options.tls.ca_file = ca_file;
    options.tls.server_name_override = command.args.Value("server-name");
  }
  if (absl::Status valid = sdk::ValidateOptions(options); !valid.ok()) {
    *exit_code = Usage(command, std::string(valid.message()));
    return valid;
  }
  return options;
}

}  // namespace kinerja::ctl
