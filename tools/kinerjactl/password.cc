#include "tools/kinerjactl/password.h"

#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

namespace kinerja::ctl {

absl::StatusOr<std::string> ReadPassword(const std::string& prompt) {
  if (const char* env = std::getenv("KINERJA_PASSWORD"); env != nullptr && *env != '\0') {
    return std::string(env);
  }
  std::string password;
  if (!::isatty(STDIN_FILENO)) {
    if (!std::getline(std::cin, password)) {
      return absl::InvalidArgumentError("no password on stdin");
    }
    if (!password.empty() && password.back() == '\r') password.pop_back();
    return password;
  }
  std::cerr << prompt << std::flush;
  termios old_mode{};
  const bool have_mode = ::tcgetattr(STDIN_FILENO, &old_mode) == 0;
  if (have_mode) {
    termios quiet = old_mode;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  const bool read = static_cast<bool>(std::getline(std::cin, password));
  if (have_mode) ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &old_mode);
  std::cerr << "\n";
  if (!read) return absl::InvalidArgumentError("no password given");
  return password;
}

}  // namespace kinerja::ctl
