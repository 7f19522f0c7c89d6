// google.api.http path templates as OpenAPI paths. A variable over one segment ("{id}",
// "{name=*}") is one path parameter named by its field path. A variable over a resource-name
// pattern is spelled out, one parameter per wildcard named after the collection before it:
//   /v1/{name=opds/*}                    ->  /v1/opds/{opd}
//   /v1/{parent=opds/*/units/*}/members  ->  /v1/opds/{opd}/units/{unit}/members
//   /v1/{employee=employees/*}:transfer  ->  /v1/employees/{employee}:transfer
// so templates that differ only in their pattern give different paths, and a filled-in path is a
// URL the gateway routes to the same method.
#ifndef KINERJA_GATEWAY_OPENAPI_OPENAPI_PATH_H_
#define KINERJA_GATEWAY_OPENAPI_OPENAPI_PATH_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "gateway/transcoder/path_template.h"

namespace kinerja::openapi {

struct OpenApiPathParam {
  static constexpr size_t kNoVariable = static_cast<size_t>(-1);

  std::string name;                 // the placeholder: "opd" in "/v1/opds/{opd}"
  size_t variable = kNoVariable;    // index into PathTemplate::variables(); kNoVariable for a bare "*"
  std::string resource;             // the variable's pattern with placeholders ("opds/{opd}"), or ""
                                    // when the parameter is the variable's whole value
  bool multi_segment = false;       // from "**": zero or more segments, '/' sent as is
};

struct OpenApiPath {
  std::string path;    // "/v1/opds/{opd}"
  std::string shape;   // the path with placeholder names erased: "/v1/opds/{}"
  std::vector<OpenApiPathParam> params;  // in path order
};

// `names`, when given, replaces the derived parameter names in order (it must hold one per
// parameter), so that two templates with one shape share one OpenAPI path.
OpenApiPath ToOpenApiPath(const transcoder::PathTemplate& path_template,
                          const std::vector<std::string>* names = nullptr);

// "opds" -> "opd", "entries" -> "entry", "roleGrants" -> "roleGrant"; a word not ending in 's'
// gets "Id" appended.
std::string SingularOf(absl::string_view collection);

}  // namespace kinerja::openapi

#endif  // KINERJA_GATEWAY_OPENAPI_OPENAPI_PATH_H_
