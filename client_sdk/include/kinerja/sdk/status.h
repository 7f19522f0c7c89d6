// Errors as the SDK returns them: an absl::Status with the gRPC status's code and message, and the
// server's error details (google.rpc.Status, e.g. a google.rpc.BadRequest listing every invalid
// field) kept as payloads, so a caller can show which fields to correct:
//
//   auto employee = client.CreateEmployee(e);
//   if (absl::IsInvalidArgument(employee.status())) {
//     for (const auto& v : kinerja::sdk::FieldViolations(employee.status())) {
//       std::cerr << v.field << ": " << v.description << "\n";
//     }
//   }
#ifndef KINERJA_SDK_STATUS_H_
#define KINERJA_SDK_STATUS_H_

#include <grpcpp/support/status.h>

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "google/rpc/status.pb.h"

namespace kinerja::sdk {

// Payload key of the whole google.rpc.Status the server sent (serialized).
inline constexpr char kErrorDetailsPayload[] = "type.googleapis.com/google.rpc.Status";
// Payload key of a google.rpc.BadRequest (serialized); each detail of the google.rpc.Status is
// also kept under its own type URL.
inline constexpr char kBadRequestPayload[] = "type.googleapis.com/google.rpc.BadRequest";

// The same code and message; OK for OK. Details the server sent become payloads: the whole
// google.rpc.Status under kErrorDetailsPayload and each of its details under its type URL.
absl::Status FromGrpcStatus(const grpc::Status& status);

struct FieldViolation {
  std::string field;        // e.g. "employee.nip"
  std::string description;  // in English
};

// The field violations of the google.rpc.BadRequest carried by `status`; empty when there is none.
std::vector<FieldViolation> FieldViolations(const absl::Status& status);

// The google.rpc.Status carried by `status`, if the server sent one.
absl::optional<google::rpc::Status> ErrorDetails(const absl::Status& status);

// INVALID_ARGUMENT with `message` and a google.rpc.BadRequest of `violations`, shaped like what
// FromGrpcStatus makes of a server's answer: for fakes and mocks in a caller's own tests.
absl::Status InvalidArgumentWithViolations(absl::string_view message,
                                           const std::vector<FieldViolation>& violations);

}  // namespace kinerja::sdk

#endif  // KINERJA_SDK_STATUS_H_
