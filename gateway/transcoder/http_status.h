// gRPC status code -> HTTP status, exactly as grpc-gateway maps them (runtime.HTTPStatusFromCode).
#ifndef KINERJA_GATEWAY_TRANSCODER_HTTP_STATUS_H_
#define KINERJA_GATEWAY_TRANSCODER_HTTP_STATUS_H_

#include <grpcpp/support/status_code_enum.h>

namespace kinerja::transcoder {

// OK 200, CANCELLED 499, UNKNOWN 500, INVALID_ARGUMENT 400, DEADLINE_EXCEEDED 504, NOT_FOUND 404,
// ALREADY_EXISTS 409, PERMISSION_DENIED 403, RESOURCE_EXHAUSTED 429, FAILED_PRECONDITION 400,
// ABORTED 409, OUT_OF_RANGE 400, UNIMPLEMENTED 501, INTERNAL 500, UNAVAILABLE 503, DATA_LOSS 500,
// UNAUTHENTICATED 401; any other value 500.
int HttpStatusFromCode(grpc::StatusCode code);

}  // namespace kinerja::transcoder

#endif  // KINERJA_GATEWAY_TRANSCODER_HTTP_STATUS_H_
