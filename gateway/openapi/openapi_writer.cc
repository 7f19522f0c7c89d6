#include "gateway/openapi/openapi_writer.h"

#include "absl/strings/ascii.h"
#include "gateway/openapi/schema_writer.h"

namespace kinerja::openapi {
namespace {

Json Content(const char* media_type, Json schema) {
  Json content = Json::Object();
  content.Set(media_type, Json::Object()).Set("schema", std::move(schema));
  return content;
}

Json Security(const ApiOperation& op, const ApiInfo& info) {
  Json list = Json::Array();
  if (op.access.has_value() && op.access->anonymous) return list;  // no credentials needed
  for (const auto& together : IsSafeMethod(op.http_method) ? info.read_security : info.write_security) {
    Json requirement = Json::Object();
    for (const std::string& key : together) requirement.Set(key, Json::Array());
    list.Append(std::move(requirement));
  }
  return list;
}

Json Operation(const ApiOperation& op, const ApiModel& model, const ApiInfo& info) {
  Json o = Json::Object();
  o.Set("tags", Json::Array()).Append(op.service);
  if (!op.summary.empty()) o.Set("summary", op.summary);
  if (!op.description.empty()) o.Set("description", op.description);
  o.Set("operationId", op.operation_id);
  if (!op.parameters.empty()) {
    Json& parameters = o.Set("parameters", Json::Array());
    for (const ApiParameter& p : op.parameters) {
      Json& param = parameters.Append(Json::Object());
      param.Set("name", p.name);
      param.Set("in", p.in);
      if (!p.description.empty()) param.Set("description", p.description);
      param.Set("required", Json::Bool(p.required));
      param.Set("schema", p.schema);
    }
  }
  if (op.has_body) {
    Json& body = o.Set("requestBody", Json::Object());
    body.Set("description", op.request_body_description);
    body.Set("required", Json::Bool(true));
    body.Set("content", Content("application/json", op.request_body));
  }
  Json& responses = o.Set("responses", Json::Object());
  Json& ok = responses.Set("200", Json::Object());
  ok.Set("description", op.response_description);
  ok.Set("content", Content(op.streaming ? "application/x-ndjson" : "application/json", op.response));
  Json& error = responses.Set("default", Json::Object());
  error.Set("description", "An error: a google.rpc.Status, with the HTTP status of its gRPC code.");
  Json ref = Json::Object();
  ref.Set("$ref", SchemaRef(model.error_schema));
  error.Set("content", Content("application/json", std::move(ref)));
  o.Set("security", Security(op, info));
  o.Set("x-grpc-method", op.grpc_method);
  return o;
}

}  // namespace

Json OpenApiDocument(const ApiModel& model, const ApiInfo& info) {
  Json doc = Json::Object();
  doc.Set("openapi", "3.0.3");
  Json& head = doc.Set("info", Json::Object());
  head.Set("title", info.title);
  head.Set("version", info.version);
  head.Set("description", InfoDescription(info));

  Json& tags = doc.Set("tags", Json::Array());
  for (const ApiService& service : model.services) {
    Json& tag = tags.Append(Json::Object());
    tag.Set("name", service.name);
    if (!service.description.empty()) tag.Set("description", service.description);
  }

  Json& paths = doc.Set("paths", Json::Object());
  for (const ApiOperation& op : model.operations) {
    Json* item = paths.FindMutable(op.path);
    if (item == nullptr) item = &paths.Set(op.path, Json::Object());
    item->Set(absl::AsciiStrToLower(op.http_method), Operation(op, model, info));
  }

  Json& components = doc.Set("components", Json::Object());
  components.Set("schemas", model.schemas);
  Json& schemes = components.Set("securitySchemes", Json::Object());
  for (const AuthScheme& scheme : info.auth) schemes.Set(scheme.key, scheme.scheme);
  return doc;
}

std::string WriteOpenApiJson(const ApiModel& model, const ApiInfo& info) {
  return OpenApiDocument(model, info).Dump();
}

absl::StatusOr<std::string> WriteOpenApiJson(const transcoder::RouteTable& routes,
                                             const DocOptions& options) {
  absl::StatusOr<ApiModel> model = BuildApiModel(routes, options.access);
  if (!model.ok()) return model.status();
  return WriteOpenApiJson(*model, options.info);
}

}  // namespace kinerja::openapi
