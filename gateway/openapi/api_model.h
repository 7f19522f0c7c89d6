// What the documentation says, built once from the gateway's RouteTable and rendered twice: as
// OpenAPI JSON (openapi_writer.h) and as an HTML page (html_writer.h). One operation per route, in
// the table's order (file, service, method, primary binding before additional_bindings).
#ifndef KINERJA_GATEWAY_OPENAPI_API_MODEL_H_
#define KINERJA_GATEWAY_OPENAPI_API_MODEL_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "gateway/openapi/json_value.h"
#include "gateway/transcoder/route_table.h"

namespace kinerja::openapi {

// Who may call a method, when the caller knows (the server's policy table does).
struct MethodAccess {
  bool anonymous = false;  // callable without credentials
  std::string audience;    // "BKPP admin, OPD head", for the description; may be empty
};
// grpc method ("/kinerja.v1.IdentityService/Login") -> its access, nullopt when unknown.
using AccessLookup = std::function<std::optional<MethodAccess>(absl::string_view grpc_method)>;

struct ApiParameter {
  std::string name;
  std::string in;  // "path" or "query"
  std::string description;
  bool required = false;
  Json schema;
};

struct ApiOperation {
  std::string service;         // short service name, the operation's tag: "DirectoryService"
  std::string rpc;             // "kinerja.v1.DirectoryService.GetOpd"
  std::string grpc_method;     // "/kinerja.v1.DirectoryService/GetOpd", as the gateway calls it
  std::string operation_id;    // "DirectoryService_GetOpd"; additional bindings "..._2", "..._3"
  std::string http_method;     // "GET", as in the route
  std::string path;            // the OpenAPI path: "/v1/opds/{opd}"
  std::string path_template;   // as annotated: "/v1/{name=opds/*}"
  std::string summary;         // first sentence of the method's comment
  std::string description;     // the method's comment, then who may call it
  std::vector<ApiParameter> parameters;  // path parameters in path order, then query parameters
  bool has_body = false;
  Json request_body;           // schema, when has_body
  std::string request_body_description;
  Json response;               // schema of a 200 answer (of each line, when streaming)
  std::string response_description;
  bool streaming = false;      // server streaming: application/x-ndjson, one message per line
  std::optional<MethodAccess> access;
};

struct ApiService {
  std::string name;       // "DirectoryService"
  std::string full_name;  // "kinerja.v1.DirectoryService"
  std::string description;
};

struct ApiModel {
  std::vector<ApiService> services;      // in order of first route
  std::vector<ApiOperation> operations;  // in route order
  Json schemas;                          // components/schemas
  std::string error_schema;              // component of google.rpc.Status
  std::vector<std::string> skipped;      // routes OpenAPI 3.0 cannot express, with the reason
};

// INVALID_ARGUMENT when two routes map to one OpenAPI path and HTTP method (possible only with
// "**" next to "*" templates, which the gateway tells apart but OpenAPI cannot).
absl::StatusOr<ApiModel> BuildApiModel(const transcoder::RouteTable& routes,
                                       const AccessLookup& access = nullptr);

}  // namespace kinerja::openapi

#endif  // KINERJA_GATEWAY_OPENAPI_API_MODEL_H_
