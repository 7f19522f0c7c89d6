#include "tools/kinerjactl/session.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace kinerja::ctl {
namespace {

absl::StatusOr<std::string> ConfigDir() {
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  if (xdg != nullptr && *xdg == '/') return absl::StrCat(xdg, "/kinerja");
  const char* home = std::getenv("HOME");
  if (home != nullptr && *home != '\0') return absl::StrCat(home, "/.config/kinerja");
  return absl::FailedPreconditionError("neither XDG_CONFIG_HOME nor HOME is set");
}

absl::Status Errno(absl::string_view what, const std::string& path) {
  return absl::InternalError(absl::StrCat(what, " ", path, ": ", std::strerror(errno)));
}

}  // namespace

absl::StatusOr<std::string> SessionPath() {
  auto dir = ConfigDir();
  if (!dir.ok()) return dir.status();
  return absl::StrCat(*dir, "/session");
}

absl::StatusOr<Session> LoadSession() {
  auto path = SessionPath();
  if (!path.ok()) return path.status();
  std::ifstream in(*path);
  if (!in) return absl::NotFoundError("not signed in (no session file)");
  Session session;
  std::string line;
  while (std::getline(in, line)) {
    std::pair<std::string, std::string> kv = absl::StrSplit(line, absl::MaxSplits('=', 1));
    if (kv.first == "server") session.server = kv.second;
    if (kv.first == "token") session.token = kv.second;
    if (kv.first == "ca_file") session.ca_file = kv.second;
  }
  if (session.token.empty()) return absl::NotFoundError("the session file holds no token");
  return session;
}

absl::Status SaveSession(const Session& session) {
  auto dir = ConfigDir();
  if (!dir.ok()) return dir.status();
  // Parents as usual; the kinerja directory itself private.
  const size_t slash = dir->rfind('/');
  if (slash != std::string::npos && slash > 0) {
    const std::string parent = dir->substr(0, slash);
    if (::mkdir(parent.c_str(), 0700) != 0 && errno != EEXIST)
      return Errno("cannot create", parent);
  }
  if (::mkdir(dir->c_str(), 0700) != 0 && errno != EEXIST) return Errno("cannot create", *dir);
  if (::chmod(dir->c_str(), 0700) != 0) return Errno("cannot chmod", *dir);
  const std::string path = absl::StrCat(*dir, "/session");
  const std::string tmp = absl::StrCat(path, ".tmp");
  ::unlink(tmp.c_str());
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return Errno("cannot write", tmp);
  std::string text = absl::StrCat("server=", session.server, "\ntoken=", session.token, "\n");
  if (!session.ca_file.empty()) absl::StrAppend(&text, "ca_file=", session.ca_file, "\n");
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  const bool closed = ::close(fd) == 0;
  if (!written || !closed) {
    ::unlink(tmp.c_str());
    return Errno("cannot write", tmp);
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) return Errno("cannot replace", path);
  return absl::OkStatus();
}

absl::Status RemoveSession() {
  auto path = SessionPath();
  if (!path.ok()) return path.status();
  if (::unlink(path->c_str()) != 0 && errno != ENOENT) return Errno("cannot remove", *path);
  return absl::OkStatus();
}

}  // namespace kinerja::ctl
