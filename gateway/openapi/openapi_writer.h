// The gateway's OpenAPI 3.0.3 document, from the same descriptors and google.api.http annotations
// its RouteTable routes by: one operation per route, proto3 JSON schemas, the security schemes.
// See gateway/openapi/README.md for how templates become paths.
#ifndef KINERJA_GATEWAY_OPENAPI_OPENAPI_WRITER_H_
#define KINERJA_GATEWAY_OPENAPI_OPENAPI_WRITER_H_

#include <string>

#include "absl/status/statusor.h"
#include "gateway/openapi/api_info.h"
#include "gateway/openapi/api_model.h"
#include "gateway/openapi/json_value.h"
#include "gateway/transcoder/route_table.h"

namespace kinerja::openapi {

struct DocOptions {
  ApiInfo info = KinerjaApiInfo();
  AccessLookup access;  // optional: who may call each method (marks public ones as such)
};

// The document as a tree (keys in a reader's order).
Json OpenApiDocument(const ApiModel& model, const ApiInfo& info);

// The document as JSON text, from a model or straight from a route table.
std::string WriteOpenApiJson(const ApiModel& model, const ApiInfo& info);
absl::StatusOr<std::string> WriteOpenApiJson(const transcoder::RouteTable& routes,
                                             const DocOptions& options = {});

}  // namespace kinerja::openapi

#endif  // KINERJA_GATEWAY_OPENAPI_OPENAPI_WRITER_H_
