#include "tools/kinerjactl/args.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace kinerja::ctl {

std::string Args::Value(absl::string_view name, absl::string_view fallback) const {
  auto it = values.find(std::string(name));
  return it == values.end() ? std::string(fallback) : it->second;
}

absl::StatusOr<Args> ParseArgs(const std::vector<std::string>& argv,
                               const std::set<std::string>& value_flags,
                               const std::set<std::string>& switches) {
  Args args;
  bool flags_done = false;
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& word = argv[i];
    if (flags_done || word == "-" || !absl::StartsWith(word, "-")) {
      args.positional.push_back(word);
      continue;
    }
    if (word == "--") {
      flags_done = true;
      continue;
    }
    if (word == "-h") {
      args.switches.insert("help");
      continue;
    }
    if (!absl::StartsWith(word, "--")) {
      return absl::InvalidArgumentError(absl::StrCat("unknown option '", word, "'"));
    }
    std::string name = word.substr(2);
    std::string value;
    bool inline_value = false;
    if (size_t eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name.resize(eq);
      inline_value = true;
    }
    if (value_flags.count(name) || GlobalValueFlags().count(name)) {
      if (!inline_value) {
        if (i + 1 >= argv.size()) {
          return absl::InvalidArgumentError(absl::StrCat("--", name, " needs a value"));
        }
        value = argv[++i];
      }
      args.values[name] = value;
    } else if (switches.count(name) || GlobalSwitches().count(name)) {
      if (inline_value) {
        return absl::InvalidArgumentError(absl::StrCat("--", name, " takes no value"));
      }
      args.switches.insert(name);
    } else {
      return absl::InvalidArgumentError(absl::StrCat("unknown option '--", name, "'"));
    }
  }
  return args;
}

const std::set<std::string>& AllValueFlags() {
  static const std::set<std::string> flags = {"nip", "opd", "query", "batch-size", "year"};
  return flags;
}
const std::set<std::string>& AllSwitches() {
  static const std::set<std::string> flags = {"validate-only"};
  return flags;
}

}  // namespace kinerja::ctl
