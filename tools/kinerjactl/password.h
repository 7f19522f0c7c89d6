// Reading a password for `kinerjactl login`.
#ifndef KINERJA_TOOLS_KINERJACTL_PASSWORD_H_
#define KINERJA_TOOLS_KINERJACTL_PASSWORD_H_

#include <string>

#include "absl/status/statusor.h"

namespace kinerja::ctl {

// KINERJA_PASSWORD when set; otherwise, when stdin is a terminal, asks on the terminal ("Password
// for NIP: ") with echo off; otherwise the first line of stdin (without its line end).
absl::StatusOr<std::string> ReadPassword(const std::string& prompt);

}  // namespace kinerja::ctl

#endif  // KINERJA_TOOLS_KINERJACTL_PASSWORD_H_
