// absl::Status inside, grpc::Status at the edge. Field violations travel inside an absl::Status as a
// google.rpc.BadRequest payload and reach the client as grpc-status-details-bin
// (google.rpc.Status with the BadRequest in its details).
#ifndef KINERJA_SERVER_CORE_STATUS_DETAILS_H_
#define KINERJA_SERVER_CORE_STATUS_DETAILS_H_

#include <vector>

#include <grpcpp/support/status.h>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "server/domain/violation.h"

namespace kinerja::core {

inline constexpr char kBadRequestTypeUrl[] = "type.googleapis.com/google.rpc.BadRequest";

// INVALID_ARGUMENT carrying every violation. The message lists the first few for humans.
absl::Status InvalidArgumentWithViolations(absl::string_view message,
                                           const std::vector<domain::Violation>& violations);

// INVALID_ARGUMENT for one field.
absl::Status FieldError(absl::string_view field, absl::string_view description);

// The violations carried by a status, if any.
std::vector<domain::Violation> ViolationsOf(const absl::Status& status);

// Maps to grpc::Status with the same code and message; a BadRequest payload becomes the details.
grpc::Status ToGrpcStatus(const absl::Status& status);

}  // namespace kinerja::core

#endif  // KINERJA_SERVER_CORE_STATUS_DETAILS_H_
