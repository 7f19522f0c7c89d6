// Channels and per-call settings for the gRPC benchmark tools.
#ifndef KINERJA_TESTS_BENCH_GRPC_SETUP_H_
#define KINERJA_TESTS_BENCH_GRPC_SETUP_H_

#include <chrono>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <grpcpp/grpcpp.h>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace kinerja::bench {

using Metadata = std::vector<std::pair<std::string, std::string>>;

// Parses "key=value,key2=value2" (keys lower-cased by gRPC rules: the caller must pass them so).
// Empty text gives no metadata.
absl::StatusOr<Metadata> ParseMetadata(absl::string_view text);

// Opens `count` insecure channels to a loopback `target` (checked with CheckLoopbackTarget), each
// with its own TCP connection (a local subchannel pool), and waits until each is connected or
// `connect_timeout` passes. `max_receive_bytes` of 0 keeps gRPC's default (4 MiB).
absl::StatusOr<std::vector<std::shared_ptr<grpc::Channel>>> OpenLoopbackChannels(
    const std::string& target, int count, std::chrono::seconds connect_timeout,
    int max_receive_bytes = 0);

// Sets the deadline and the metadata of a fresh context.
void PrepareContext(grpc::ClientContext& ctx, std::chrono::milliseconds deadline,
                    const Metadata& metadata);

// "OK", "DEADLINE_EXCEEDED", ... for a status code.
std::string StatusCodeName(grpc::StatusCode code);

// "CODE: message" of a failed status, for error output.
std::string DescribeStatus(const grpc::Status& status);

}  // namespace kinerja::bench

#endif  // KINERJA_TESTS_BENCH_GRPC_SETUP_H_
