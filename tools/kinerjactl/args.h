// Command-line arguments of kinerjactl: positional words and --flags, checked against the flags a
// subcommand accepts. "--flag value" and "--flag=value" both work; "--" ends the flags.
#ifndef KINERJA_TOOLS_KINERJACTL_ARGS_H_
#define KINERJA_TOOLS_KINERJACTL_ARGS_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace kinerja::ctl {

struct Args {
  std::vector<std::string> positional;        // e.g. {"employees", "get", "1985..."}
  std::map<std::string, std::string> values;  // --server ADDR -> {"server", "ADDR"}
  std::set<std::string> switches;             // --validate-only -> "validate-only"

  bool Has(absl::string_view name) const { return switches.count(std::string(name)) > 0; }
  // The flag's value, or `fallback` when it was not given.
  std::string Value(absl::string_view name, absl::string_view fallback = "") const;
};

// Flags every subcommand accepts.
inline const std::set<std::string>& GlobalValueFlags() {
  static const std::set<std::string> flags = {"server", "ca-file", "output", "server-name"};
  return flags;
}
inline const std::set<std::string>& GlobalSwitches() {
  static const std::set<std::string> flags = {"help", "tls"};
  return flags;
}

// Parses argv[1..]: `value_flags` take a value, `switches` do not (the global ones are added;
// -h is --help). INVALID_ARGUMENT naming the flag for an unknown flag or a missing value.
absl::StatusOr<Args> ParseArgs(const std::vector<std::string>& argv,
                               const std::set<std::string>& value_flags,
                               const std::set<std::string>& switches);

// Every flag any subcommand accepts (for the first pass, before the subcommand is known).
const std::set<std::string>& AllValueFlags();
const std::set<std::string>& AllSwitches();

}  // namespace kinerja::ctl

#endif  // KINERJA_TOOLS_KINERJACTL_ARGS_H_
