// The gRPC-over-HTTP/2 wire rules the gateway's own HTTP/2 client needs (PROTOCOL-HTTP2.md of
// grpc/grpc): the length-prefixed message, the grpc-timeout header, grpc-message's percent
// encoding, grpc-status-details-bin, and the status of a response that carries no grpc-status.
#ifndef KINERJA_GATEWAY_SERVER_GRPC_WIRE_H_
#define KINERJA_GATEWAY_SERVER_GRPC_WIRE_H_

#include <string>

#include <grpcpp/support/status.h>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace kinerja::gateway::wire {

// An uncompressed message with its 5-byte prefix (flag 0, 32-bit big-endian length).
std::string FrameMessage(absl::string_view message);

// The one message of a unary response body: an error when the body is not exactly one
// uncompressed length-prefixed message (the gateway asks for no compression).
absl::StatusOr<std::string> UnframeUnaryMessage(absl::string_view body);

// grpc-timeout: at most 8 digits and a unit, rounded up so the server never sees less time than
// is left; at least 1 nanosecond's worth.
std::string EncodeTimeout(absl::Duration timeout);

// grpc-message is percent-encoded outside printable ASCII; a malformed escape is kept as is.
std::string DecodeGrpcMessage(absl::string_view value);

// The status of a response without grpc-status, from its HTTP status (as gRPC's clients map it).
grpc::StatusCode CodeForHttpStatus(int http_status);

// The status a finished response carries. `grpc_status` is the header's text ("" when absent);
// `details_bin` is grpc-status-details-bin as sent (base64, padding optional).
grpc::Status ResponseStatus(int http_status, absl::string_view grpc_status,
                            absl::string_view grpc_message, absl::string_view details_bin);

}  // namespace kinerja::gateway::wire

#endif  // KINERJA_GATEWAY_SERVER_GRPC_WIRE_H_
