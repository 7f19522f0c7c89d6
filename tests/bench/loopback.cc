#include "tests/bench/loopback.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstring>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace kinerja::bench {
namespace {

bool IsLoopbackSockaddr(const sockaddr* sa) {
  if (sa->sa_family == AF_INET) {
    const auto* in = reinterpret_cast<const sockaddr_in*>(sa);
    return (ntohl(in->sin_addr.s_addr) >> 24) == 127;
  }
  if (sa->sa_family == AF_INET6) {
    const auto* in6 = reinterpret_cast<const sockaddr_in6*>(sa);
    return IN6_IS_ADDR_LOOPBACK(&in6->sin6_addr);
  }
  return false;
}

}  // namespace

absl::Status CheckLoopbackHost(absl::string_view host_view) {
  const std::string host(host_view);
  in_addr v4{};
  if (inet_pton(AF_INET, host.c_str(), &v4) == 1) {
    if ((ntohl(v4.s_addr) >> 24) == 127) return absl::OkStatus();
    return absl::InvalidArgumentError(
        absl::StrCat("refusing host '", host, "': only 127.0.0.0/8, ::1 or localhost are allowed"));
  }
  in6_addr v6{};
  if (inet_pton(AF_INET6, host.c_str(), &v6) == 1) {
    if (IN6_IS_ADDR_LOOPBACK(&v6)) return absl::OkStatus();
    return absl::InvalidArgumentError(
        absl::StrCat("refusing host '", host, "': only 127.0.0.0/8, ::1 or localhost are allowed"));
  }
  if (absl::AsciiStrToLower(host) != "localhost") {
    return absl::InvalidArgumentError(absl::StrCat(
        "refusing host '", host, "': only 127.0.0.0/8, ::1 or localhost are allowed"));
  }
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* result = nullptr;
  if (int rc = getaddrinfo(host.c_str(), nullptr, &hints, &result); rc != 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot resolve '", host, "': ", gai_strerror(rc)));
  }
  absl::Status status = absl::OkStatus();
  for (addrinfo* ai = result; ai != nullptr; ai = ai->ai_next) {
    if (!IsLoopbackSockaddr(ai->ai_addr)) {
      status = absl::InvalidArgumentError(
          absl::StrCat("refusing '", host, "': it resolves to a non-loopback address"));
      break;
    }
  }
  freeaddrinfo(result);
  return status;
}

absl::Status CheckLoopbackTarget(absl::string_view target) {
  absl::string_view host, port;
  if (!target.empty() && target.front() == '[') {
    const size_t close = target.find(']');
    if (close == absl::string_view::npos || close + 1 >= target.size() ||
        target[close + 1] != ':') {
      return absl::InvalidArgumentError(
          absl::StrCat("target '", target, "' must be HOST:PORT, e.g. 127.0.0.1:50051"));
    }
    host = target.substr(1, close - 1);
    port = target.substr(close + 2);
  } else {
    const size_t colon = target.rfind(':');
    if (colon == absl::string_view::npos || target.find(':') != colon) {
      return absl::InvalidArgumentError(
          absl::StrCat("target '", target, "' must be HOST:PORT, e.g. 127.0.0.1:50051"));
    }
    host = target.substr(0, colon);
    port = target.substr(colon + 1);
  }
  int port_number = 0;
  if (!absl::SimpleAtoi(port, &port_number) || port_number < 1 || port_number > 65535) {
    return absl::InvalidArgumentError(absl::StrCat("target '", target, "' has no valid port"));
  }
  return CheckLoopbackHost(host);
}

}  // namespace kinerja::bench
