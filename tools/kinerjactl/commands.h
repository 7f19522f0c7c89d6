// kinerjactl's subcommands, one file per group: login.cc (login, logout), opds.cc,
// employees.cc (get, list, superior, export), import.cc (employees import), skp.cc.
// Each returns the process's exit code (exit_codes.h).
#ifndef KINERJA_TOOLS_KINERJACTL_COMMANDS_H_
#define KINERJA_TOOLS_KINERJACTL_COMMANDS_H_

#include <iostream>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "kinerja/sdk/options.h"
#include "tools/kinerjactl/args.h"
#include "tools/kinerjactl/output.h"

namespace kinerja::ctl {

struct Command {
  Args args;  // positional[0] is the group ("employees"), [1] the verb
  OutputFormat format = OutputFormat::kTable;
  std::ostream& out = std::cout;
  std::ostream& err = std::cerr;
  bool err_is_terminal = false;
};

// SDK options for a call: server from --server, KINERJA_SERVER or the session file; credentials
// from KINERJA_API_KEY, KINERJA_TOKEN or the session file; TLS from --tls, --ca-file (or the
// session's), --server-name. On failure prints why and returns the exit code (2 without a server,
// 3 without credentials when `need_credentials`) in `exit_code`.
absl::StatusOr<sdk::Options> CallOptions(const Command& command, bool need_credentials,
                                         int* exit_code);

// "usage: ..." on err; returns kExitUsage.
int Usage(const Command& command, const std::string& message);

int RunLogin(const Command& command);
int RunLogout(const Command& command);
int RunOpds(const Command& command);
int RunEmployees(const Command& command);
int RunEmployeesImport(const Command& command);
int RunSkp(const Command& command);

// The text of `kinerjactl --help`.
std::string HelpText();

}  // namespace kinerja::ctl

#endif  // KINERJA_TOOLS_KINERJACTL_COMMANDS_H_
