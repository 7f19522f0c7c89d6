// Options: everything a connection to Kinerja needs - where the servers are, how to reach them
// (TLS), who is calling, how long calls may take and how they are retried.
//
//   kinerja::sdk::Options options;
//   options.endpoints = {"10.0.0.11:50051", "10.0.0.12:50051"};
//   options.api_key = std::getenv("KINERJA_API_KEY");
//   options.user_agent_prefix = "payroll-bpkad/2.3";
//   auto client = kinerja::sdk::MakeDirectoryClient(options);
//
// A plain struct: set the fields you need, leave the rest at their defaults. The connection
// factories check it (ValidateOptions) and return INVALID_ARGUMENT on a bad value.
#ifndef KINERJA_SDK_OPTIONS_H_
#define KINERJA_SDK_OPTIONS_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "kinerja/sdk/idempotency.h"
#include "kinerja/sdk/retry_policy.h"

namespace kinerja::sdk {

// Transport security. Off by default (plaintext gRPC, for loopback and in-cluster sidecars).
struct TlsOptions {
  bool enabled = false;
  // Certificates the server's chain must lead to, as PEM text or a PEM file (not both). Both
  // empty: gRPC's default roots (GRPC_DEFAULT_SSL_ROOTS_FILE_PATH or the bundled ones).
  std::string ca_pem;
  std::string ca_file;
  // Mutual TLS: this client's certificate chain and private key, as PEM text or files. Give both
  // or neither. The server maps the certificate's subject to a system account.
  std::string client_cert_pem;
  std::string client_key_pem;
  std::string client_cert_file;
  std::string client_key_file;
  // The name the server certificate must carry, when it differs from the endpoint's host (for
  // example when the endpoints are IP addresses). Empty: the host of the (first) endpoint.
  std::string server_name_override;
};

struct Options {
  // Where the servers are. Either
  //   - one or more "host:port" where every host is an IPv4 address, a bracketed IPv6 address
  //     ("[::1]:50051") or "localhost" (all of one address family), or
  //   - exactly one "host:port" with a DNS name, or one gRPC target with a scheme
  //     ("dns:///kinerja-grpc.kinerja.svc.cluster.local:50051", "ipv4:...", "unix:...").
  // Calls are spread round-robin over every address, and a call that fails on a replica that
  // went away is retried on another (if the call is idempotent).
  std::vector<std::string> endpoints;
  TlsOptions tls;
  // Credentials, at most one of the two (or neither, for Login and Ping, or with a client
  // certificate): a session token from IdentityService.Login, sent as "authorization: Bearer
  // <token>", or an API key ("knk_<id>_<secret>"), sent as "x-api-key".
  std::string session_token;
  std::string api_key;
  // Deadline of each attempt of a unary call (also bounded by the time the retry policy has
  // left). Positive.
  absl::Duration default_deadline = absl::Seconds(30);
  // Deadline of a whole server stream (ExportEmployees), from its (last) start. Positive.
  absl::Duration stream_deadline = absl::Hours(1);
  // Identifies the calling system in the server's logs, e.g. "payroll-bpkad/2.3".
  // "kinerja-sdk/<version>" is always appended (and gRPC adds its own).
  std::string user_agent_prefix;
  RetryPolicy retry;
  // Per-method idempotency, replacing the defaults described in idempotency.h. Keys are full
  // method names, "kinerja.v1.DirectoryService/CreateOpd" (a leading '/' is accepted); a name
  // that is not a Kinerja method is refused.
  std::map<std::string, Idempotency> idempotency_overrides;
  // Largest message the client accepts (one page of a list, one exported employee), on channels
  // made by MakeChannel (a caller's own channel keeps its own limit). Positive.
  int max_receive_message_bytes = 64 << 20;
};

// OK when the options can make a connection; otherwise INVALID_ARGUMENT saying which field is
// wrong. Checks everything but the contents of TLS files (read when the channel is made).
absl::Status ValidateOptions(const Options& options);

// The same checks without the endpoints and TLS: what a connection made on a caller's own stub
// or channel needs.
absl::Status ValidateCallOptions(const Options& options);

// The user agent prefix the channel sends: user_agent_prefix, a space, "kinerja-sdk/<version>".
std::string UserAgentPrefix(const Options& options);

}  // namespace kinerja::sdk

#endif  // KINERJA_SDK_OPTIONS_H_
