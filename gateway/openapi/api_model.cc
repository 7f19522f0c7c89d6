#include "gateway/openapi/api_model.h"

#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "gateway/openapi/comments.h"
#include "gateway/openapi/openapi_path.h"
#include "gateway/openapi/request_parameters.h"
#include "gateway/openapi/schema_writer.h"
#include "google/rpc/status.pb.h"

namespace kinerja::openapi {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using transcoder::Route;

// The methods an OpenAPI 3.0 path item can hold.
bool IsOpenApiMethod(absl::string_view m) {
  static const std::set<std::string, std::less<>> kMethods = {"GET",    "PUT",     "POST", "DELETE",
                                                              "OPTIONS", "HEAD", "PATCH", "TRACE"};
  return kMethods.count(m) > 0;
}

void SetRequestBody(const Route& route, SchemaWriter* schemas, ApiOperation* op) {
  if (route.body.empty()) return;
  op->has_body = true;
  const Descriptor* request = route.method->input_type();
  if (route.body_field != nullptr) {
    op->request_body = schemas->FieldSchema(route.body_field);
    op->request_body_description =
        absl::StrCat("The `", route.body_field->json_name(), "` field of ", request->full_name(), ".");
    return;
  }
  // "*": the whole request, except that fields the path binds come from the path.
  std::vector<const FieldDescriptor*> from_path;
  for (const transcoder::FieldChain& chain : route.path_fields) {
    if (chain.size() == 1) from_path.push_back(chain.front());
  }
  if (from_path.empty()) {
    op->request_body = schemas->MessageSchema(request);
    op->request_body_description = "The request message.";
    return;
  }
  std::vector<std::string> names;
  for (const FieldDescriptor* f : from_path) names.push_back(absl::StrCat("`", f->json_name(), "`"));
  op->request_body_description = absl::StrCat(request->full_name(), " without ",
                                              absl::StrJoin(names, ", "), ", which the path sets.");
  op->request_body = schemas->ObjectSchema(request, from_path);
}

void SetResponse(const Route& route, SchemaWriter* schemas, ApiOperation* op) {
  const Descriptor* response = route.method->output_type();
  if (route.response_body_field != nullptr) {
    op->response = schemas->FieldSchema(route.response_body_field);
    op->response_description = absl::StrCat("The `", route.response_body_field->json_name(),
                                            "` field of ", response->full_name(), ".");
  } else {
    op->response = schemas->MessageSchema(response);
    op->response_description = "OK.";
  }
  if (route.server_streaming) {
    op->streaming = true;
    op->response_description = absl::StrCat(
        "A stream of JSON values, one per line (application/x-ndjson), each as described here",
        route.response_body_field != nullptr ? absl::StrCat(": ", op->response_description) : ".",
        " A failure after the first line ends the stream with a line {\"error\": google.rpc.Status}.");
  }
}

std::string Describe(const ApiOperation& op, const std::string& comment) {
  std::string access;
  if (op.access.has_value()) {
    access = op.access->anonymous ? "No credentials needed."
                                  : absl::StrCat("Who may call: ", op.access->audience, ".");
  }
  return JoinParagraphs(comment, access);
}

}  // namespace

absl::StatusOr<ApiModel> BuildApiModel(const transcoder::RouteTable& routes, const AccessLookup& access) {
  ApiModel model;
  SchemaWriter schemas;
  std::map<std::string, std::vector<std::string>> names_by_shape;  // one OpenAPI path per shape
  std::map<std::string, std::string> rpc_by_path_method;
  std::map<std::string, int> bindings_seen;  // rpc -> routes so far
  std::map<std::string, std::string> service_by_tag;
  std::set<std::string> services_seen;

  for (const Route& route : routes.routes()) {
    const auto* method = route.method;
    const auto* service = method->service();
    if (!IsOpenApiMethod(route.http_method)) {
      model.skipped.push_back(absl::StrCat(method->full_name(), " (", route.http_method, " ",
                                           route.path.text(), "): OpenAPI 3.0 has no method ",
                                           route.http_method));
      continue;
    }
    // The tag is the short service name, unless two packages declare services of that name.
    std::string tag = service->name();
    if (auto [it, fresh] = service_by_tag.emplace(tag, service->full_name());
        !fresh && it->second != service->full_name()) {
      tag = service->full_name();
    }
    if (services_seen.insert(service->full_name()).second) {
      model.services.push_back({tag, service->full_name(), CommentOf(service)});
    }

    ApiOperation op;
    op.service = tag;
    op.rpc = method->full_name();
    op.grpc_method = route.grpc_method;
    op.http_method = route.http_method;
    op.path_template = route.path.text();
    const int binding = ++bindings_seen[method->full_name()];
    op.operation_id = absl::StrCat(absl::StrReplaceAll(tag, {{".", "_"}}), "_", method->name(),
                                   binding > 1 ? absl::StrCat("_", binding) : "");

    OpenApiPath path = ToOpenApiPath(route.path);
    auto [shape, inserted] = names_by_shape.emplace(path.shape, std::vector<std::string>());
    if (inserted) {
      for (const OpenApiPathParam& p : path.params) shape->second.push_back(p.name);
    } else {
      path = ToOpenApiPath(route.path, &shape->second);
    }
    op.path = path.path;
    const std::string key = absl::StrCat(op.http_method, " ", op.path);
    if (auto [it, fresh] = rpc_by_path_method.emplace(key, op.rpc); !fresh) {
      return absl::InvalidArgumentError(absl::StrCat("OpenAPI: ", it->second, " and ", op.rpc, " (",
                                                     route.path.text(), ") both map to ", key));
    }

    const std::string comment = CommentOf(method);
    op.summary = FirstSentence(comment);
    if (access) op.access = access(route.grpc_method);
    op.description = Describe(op, comment);
    op.parameters = PathParameters(route, path, &schemas);
    for (ApiParameter& q : QueryParameters(route, &schemas)) op.parameters.push_back(std::move(q));
    SetRequestBody(route, &schemas, &op);
    SetResponse(route, &schemas, &op);
    model.operations.push_back(std::move(op));
  }

  const Descriptor* status = routes.pool()->FindMessageTypeByName("google.rpc.Status");
  if (status == nullptr) status = google::rpc::Status::descriptor();
  schemas.MessageSchema(status);
  model.error_schema = status->full_name();
  model.schemas = schemas.Components();
  return model;
}

}  // namespace kinerja::openapi
