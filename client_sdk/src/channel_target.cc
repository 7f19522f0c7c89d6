#include "client_sdk/src/channel_target.h"

#include <arpa/inet.h>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace kinerja::sdk::internal {
namespace {

enum class HostKind { kIpv4, kIpv6, kName };

struct Endpoint {
  HostKind kind;
  std::string address;  // as it goes into an ipv4:/ipv6: target ("[::1]:5001")
};

bool HasScheme(absl::string_view endpoint) {
  return absl::StrContains(endpoint, "://") || absl::StartsWith(endpoint, "dns:") ||
         absl::StartsWith(endpoint, "ipv4:") || absl::StartsWith(endpoint, "ipv6:") ||
         absl::StartsWith(endpoint, "unix:") || absl::StartsWith(endpoint, "unix-abstract:");
}

absl::Status Bad(absl::string_view endpoint, absl::string_view why) {
  return absl::InvalidArgumentError(absl::StrCat("endpoint '", endpoint, "': ", why));
}

bool IsDnsName(absl::string_view host) {
  if (host.empty() || host.size() > 253) return false;
  for (char c : host) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '.' && c != '_') {
      return false;
    }
  }
  return true;
}

absl::StatusOr<Endpoint> ParseEndpoint(absl::string_view endpoint) {
  absl::string_view host;
  absl::string_view port;
  if (absl::StartsWith(endpoint, "[")) {
    const size_t close = endpoint.find(']');
    if (close == absl::string_view::npos || close + 1 >= endpoint.size() ||
        endpoint[close + 1] != ':') {
      return Bad(endpoint, "an IPv6 endpoint is written [address]:port");
    }
    host = endpoint.substr(1, close - 1);
    port = endpoint.substr(close + 2);
  } else {
    const size_t colon = endpoint.find(':');
    if (colon == absl::string_view::npos ||
        endpoint.find(':', colon + 1) != absl::string_view::npos) {
      return Bad(endpoint, "expected host:port (an IPv6 address goes in brackets)");
    }
    host = endpoint.substr(0, colon);
    port = endpoint.substr(colon + 1);
  }
  int port_number = 0;
  if (port.empty() || !absl::SimpleAtoi(port, &port_number) || port_number < 1 ||
      port_number > 65535 || !absl::ascii_isdigit(static_cast<unsigned char>(port[0]))) {
    return Bad(endpoint, "the port must be a number from 1 to 65535");
  }
  const std::string host_string(host);
  unsigned char buffer[16];
  if (absl::StartsWith(endpoint, "[")) {
    if (inet_pton(AF_INET6, host_string.c_str(), buffer) != 1) {
      return Bad(endpoint, "not an IPv6 address in brackets");
    }
    return Endpoint{HostKind::kIpv6, std::string(endpoint)};
  }
  if (inet_pton(AF_INET, host_string.c_str(), buffer) == 1) {
    return Endpoint{HostKind::kIpv4, std::string(endpoint)};
  }
  if (absl::AsciiStrToLower(host) == "localhost") {
    return Endpoint{HostKind::kIpv4, absl::StrCat("127.0.0.1:", port)};
  }
  if (!IsDnsName(host)) return Bad(endpoint, "the host is neither an IP address nor a DNS name");
  return Endpoint{HostKind::kName, std::string(endpoint)};
}

}  // namespace

absl::StatusOr<ChannelTarget> ChannelTargetFor(const std::vector<std::string>& endpoints) {
  if (endpoints.empty()) {
    return absl::InvalidArgumentError("endpoints must name at least one server");
  }
  for (const std::string& e : endpoints) {
    if (e.empty()) return absl::InvalidArgumentError("endpoints must not contain an empty entry");
    for (char c : e) {
      if (absl::ascii_isspace(static_cast<unsigned char>(c))) {
        return Bad(e, "spaces are not allowed");
      }
    }
  }
  // A target of the caller's own ("ipv4:a,b" included) goes to gRPC as it is.
  if (endpoints.size() == 1 && HasScheme(endpoints[0])) return ChannelTarget{endpoints[0], ""};
  for (const std::string& e : endpoints) {
    if (absl::StrContains(e, ',')) return Bad(e, "give one endpoint per entry, without commas");
  }

  std::vector<Endpoint> parsed;
  for (const std::string& e : endpoints) {
    if (HasScheme(e)) {
      return Bad(e, "a target with a scheme (dns:///, ipv4:, ...) must be the only endpoint");
    }
    auto endpoint = ParseEndpoint(e);
    if (!endpoint.ok()) return endpoint.status();
    parsed.push_back(*std::move(endpoint));
  }
  if (parsed.size() == 1 && parsed[0].kind == HostKind::kName) {
    return ChannelTarget{absl::StrCat("dns:///", endpoints[0]), endpoints[0]};
  }
  const HostKind kind = parsed[0].kind;
  std::vector<std::string> addresses;
  for (size_t i = 0; i < parsed.size(); ++i) {
    if (parsed[i].kind == HostKind::kName) {
      return Bad(endpoints[i],
                 "several endpoints must be IP addresses or localhost; for a DNS name with "
                 "several addresses give one \"dns:///name:port\" endpoint");
    }
    if (parsed[i].kind != kind) {
      return absl::InvalidArgumentError(
          "endpoints must all be IPv4 (or localhost) or all be IPv6 addresses");
    }
    addresses.push_back(parsed[i].address);
  }
  return ChannelTarget{
      absl::StrCat(kind == HostKind::kIpv4 ? "ipv4:" : "ipv6:", absl::StrJoin(addresses, ",")),
      endpoints[0]};
}

}  // namespace kinerja::sdk::internal
