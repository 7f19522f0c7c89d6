// kinerjactl: see help.cc for the commands and exit_codes.h for the exit codes.
#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "tools/kinerjactl/commands.h"
#include "tools/kinerjactl/exit_codes.h"

int main(int argc, char** argv) {
  namespace ctl = kinerja::ctl;
  std::vector<std::string> words(argv + 1, argv + argc);
  auto args = ctl::ParseArgs(words, ctl::AllValueFlags(), ctl::AllSwitches());
  ctl::Command command{};
  command.err_is_terminal = ::isatty(STDERR_FILENO) == 1;
  if (!args.ok()) return ctl::Usage(command, std::string(args.status().message()));
  command.args = *std::move(args);
  if (command.args.Has("help") || command.args.positional.empty()) {
    (command.args.Has("help") ? std::cout : std::cerr) << ctl::HelpText();
    return command.args.Has("help") ? ctl::kExitOk : ctl::kExitUsage;
  }
  auto format = ctl::ParseOutputFormat(command.args.Value("output", "table"));
  if (!format.ok()) return ctl::Usage(command, std::string(format.status().message()));
  command.format = *format;

  const std::string& group = command.args.positional[0];
  if (group == "login") return ctl::RunLogin(command);
  if (group == "logout") return ctl::RunLogout(command);
  if (group == "opds") return ctl::RunOpds(command);
  if (group == "employees") return ctl::RunEmployees(command);
  if (group == "skp") return ctl::RunSkp(command);
  return ctl::Usage(command, "unknown command '" + group + "'");
}
