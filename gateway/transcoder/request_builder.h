// Builds the gRPC request message for a matched route from the HTTP request, per google.api.http:
//   1. the body: body "*" is the JSON of the whole request; body "field" is the JSON of that field
//      (any field kind: a message, a scalar, a repeated field); no body mapping means the HTTP body
//      must be empty. An empty body with a body mapping leaves the fields unset.
//   2. the path variables, into their (possibly nested) fields, creating sub-messages. When the body
//      already set that field to a different non-default value the request is refused; the same value
//      is fine (clients often echo "name" in the body).
//   3. the query parameters, for fields bound by neither path nor body: "a.b=1" for nested fields,
//      names in proto form (page_size) or JSON form (pageSize), repeated fields by repeating the key,
//      values as field_text.h reads them. With body "*" every field belongs to the body, so any query
//      parameter is refused.
// JSON is read with google::protobuf::util::JsonStringToMessage (proto3 JSON mapping: lowerCamelCase
// or proto names, 64-bit integers as numbers or strings, enums by name or number, RFC 3339
// timestamps). Unknown JSON fields and unknown query parameters are refused.
//
// Every refusal is INVALID_ARGUMENT with a message naming the field or parameter, and a
// google.rpc.BadRequest payload under "type.googleapis.com/google.rpc.BadRequest" (the
// server/core/status_details.h convention), so ErrorResponse() shows it as details. The caller
// enforces the body size limit and the JSON content type before calling.
#ifndef KINERJA_GATEWAY_TRANSCODER_REQUEST_BUILDER_H_
#define KINERJA_GATEWAY_TRANSCODER_REQUEST_BUILDER_H_

#include <memory>

#include <google/protobuf/message.h>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "gateway/transcoder/path_template.h"
#include "gateway/transcoder/route_table.h"

namespace kinerja::transcoder {

// `bindings` are the ones RouteTable::Match returned with `route`; `query` is the raw query string
// (after '?', may be empty); `body` the raw HTTP body. The message is a new instance of
// route.request_prototype (a generated class or a DynamicMessage). Refuses JSON nested deeper than
// kMaxJsonDepth (64) and more than kMaxQueryParams (1000) query parameters. Thread-safe.
absl::StatusOr<std::unique_ptr<google::protobuf::Message>> BuildRequest(const Route& route,
                                                                        const PathBindings& bindings,
                                                                        absl::string_view query,
                                                                        absl::string_view body);

}  // namespace kinerja::transcoder

#endif  // KINERJA_GATEWAY_TRANSCODER_REQUEST_BUILDER_H_
