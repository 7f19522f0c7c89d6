// gRPC responses and errors -> HTTP/JSON.
//
// Success bodies follow the proto3 JSON mapping as google::protobuf::util::MessageToJsonString
// prints it: lowerCamelCase field names (json_name), fields at their default value left out
// (always_print_primitive_fields=false), enums by name, 64-bit integers as strings, Timestamps in
// RFC 3339, no whitespace. With response_body the body is that one field's JSON value.
//
// Error bodies are a google.rpc.Status in JSON, always with all three keys:
//   {"code":3,"message":"...","details":[{"@type":"type.googleapis.com/google.rpc.BadRequest",
//    "fieldViolations":[{"field":"employee.nip","description":"..."}]}]}
// and the HTTP status from HttpStatusFromCode. Details come from grpc-status-details-bin; a detail
// whose type is not linked into this binary (or does not parse) is left out rather than failing.
//
// Server streaming: the caller sends the response as Content-Type application/x-ndjson and writes
// StreamMessageLine() for each message as it arrives ("<JSON>\n", one message per line, no other
// newline in it); if the stream ends with an error after the headers went out, it writes
// StreamErrorLine() ({"error":<google.rpc.Status JSON>}\n) as the last line. An error before the
// first message is an ordinary ErrorResponse.
#ifndef KINERJA_GATEWAY_TRANSCODER_RESPONSE_WRITER_H_
#define KINERJA_GATEWAY_TRANSCODER_RESPONSE_WRITER_H_

#include <memory>
#include <string>

#include <google/protobuf/message.h>
#include <grpcpp/support/status.h>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "gateway/transcoder/http_status.h"
#include "gateway/transcoder/route_table.h"

namespace kinerja::transcoder {

struct HttpResponse {
  int status = 200;
  std::string body;  // JSON; Content-Type: application/json
};

// The JSON body for `response` (an instance of route.response_prototype's type), honouring
// route.response_body. INTERNAL when the message cannot be printed (e.g. a Timestamp out of range).
absl::StatusOr<std::string> ResponseJson(const Route& route, const google::protobuf::Message& response);

// Parses serialized response bytes (as a generic stub returns them) as route.response_prototype's
// type. INTERNAL when they do not parse.
absl::StatusOr<std::unique_ptr<google::protobuf::Message>> ParseResponse(const Route& route,
                                                                         absl::string_view bytes);

// A whole unary reply: `status` and the serialized response as a generic stub returns it. OK gives
// 200 and ResponseJson; otherwise ErrorResponse(status). Bytes that do not parse as the response
// type, or cannot be printed, give a 500 INTERNAL error body.
HttpResponse UnaryResponse(const Route& route, const grpc::Status& status,
                           absl::string_view response_bytes);

// The error response for a failed call; `details_bin` is the grpc-status-details-bin trailer (a
// serialized google.rpc.Status, or empty). The body's code and message are the call's own.
HttpResponse ErrorResponse(grpc::StatusCode code, absl::string_view message,
                           absl::string_view details_bin);
HttpResponse ErrorResponse(const grpc::Status& status);  // uses status.error_details()

// The error response for the transcoder's own refusals (BuildRequest, ...): every payload of
// `status` becomes a detail with the payload's URL as its type (so a BadRequest payload shows up as
// google.rpc.BadRequest). An OK status gives a 500 (it is a caller bug).
HttpResponse ErrorResponse(const absl::Status& status);

// The response for a RouteMatch that did not match: 404 {"code":5,"message":"Not Found"}, 405
// {"code":12,"message":"Method Not Allowed"} (the caller adds an Allow header from
// allowed_methods), or 400 with match.error. As grpc-gateway answers them.
HttpResponse RoutingErrorResponse(const RouteMatch& match);

// Server streaming, one line per message: ResponseJson + "\n".
absl::StatusOr<std::string> StreamMessageLine(const Route& route,
                                              const google::protobuf::Message& message);
// The last line of a stream that failed: {"error":{"code":..,"message":..,"details":[..]}}\n.
std::string StreamErrorLine(const grpc::Status& status);

}  // namespace kinerja::transcoder

#endif  // KINERJA_GATEWAY_TRANSCODER_RESPONSE_WRITER_H_
