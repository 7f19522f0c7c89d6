#include "gateway/transcoder/response_writer.h"

#include <memory>
#include <utility>

#include <google/protobuf/any.pb.h>
#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/type_resolver_util.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "gateway/transcoder/json_print.h"
#include "gateway/transcoder/url_encoding.h"
#include "google/rpc/status.pb.h"

namespace kinerja::transcoder {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;

constexpr char kTypeUrlPrefix[] = "type.googleapis.com";

google::protobuf::util::TypeResolver* GeneratedTypeResolver() {
  static google::protobuf::util::TypeResolver* const resolver =
      google::protobuf::util::NewTypeResolverForDescriptorPool(
          kTypeUrlPrefix, google::protobuf::DescriptorPool::generated_pool());
  return resolver;
}

absl::StatusOr<std::string> PrintMessage(const Message& message) {
  {
    std::string out;  // the same bytes as below, without the TypeResolver round trip (json_print.h)
    if (AppendJsonFast(message, &out)) return out;
  }
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = false;
  options.always_print_primitive_fields = false;
  options.always_print_enums_as_ints = false;
  options.preserve_proto_field_names = false;
  std::string out;
  const auto status = google::protobuf::util::MessageToJsonString(message, &out, options);
  if (!status.ok()) {
    return absl::InternalError(absl::StrCat("cannot write ", message.GetDescriptor()->full_name(),
                                            " as JSON: ", std::string(status.message())));
  }
  return out;
}

// The JSON a field at its default value would have, for a response_body that was left unset.
std::string DefaultJson(const FieldDescriptor* field) {
  if (field->is_map()) return "{}";
  if (field->is_repeated()) return "[]";
  switch (field->cpp_type()) {
    case FieldDescriptor::CPPTYPE_STRING: return "\"\"";
    case FieldDescriptor::CPPTYPE_BOOL: return "false";
    case FieldDescriptor::CPPTYPE_INT64:
    case FieldDescriptor::CPPTYPE_UINT64: return "\"0\"";
    case FieldDescriptor::CPPTYPE_ENUM: return absl::StrCat("\"", field->default_value_enum()->name(), "\"");
    case FieldDescriptor::CPPTYPE_MESSAGE: return "{}";
    default: return "0";
  }
}

// True when `any` names a message type linked into this binary and its value parses as one.
bool PrintableDetail(const google::protobuf::Any& any) {
  const std::string& url = any.type_url();
  const size_t slash = url.rfind('/');
  if (slash == std::string::npos) return false;
  const google::protobuf::Descriptor* type =
      google::protobuf::DescriptorPool::generated_pool()->FindMessageTypeByName(url.substr(slash + 1));
  if (type == nullptr) return false;
  const Message* prototype = google::protobuf::MessageFactory::generated_factory()->GetPrototype(type);
  if (prototype == nullptr) return false;
  std::unique_ptr<Message> value(prototype->New());
  return value->ParseFromString(any.value());
}

// google.rpc.Status as JSON with code, message and details always present.
std::string StatusJson(google::rpc::Status status) {
  google::protobuf::util::JsonPrintOptions options;
  options.always_print_primitive_fields = true;
  for (int attempt = 0; attempt < 2; ++attempt) {
    std::string out;
    const auto printed = google::protobuf::util::BinaryToJsonString(
        GeneratedTypeResolver(), absl::StrCat(kTypeUrlPrefix, "/google.rpc.Status"),
        status.SerializeAsString(), &out, options);
    if (printed.ok()) return out;
    status.clear_details();  // a detail that will not print must not lose the error itself
  }
  return absl::StrCat("{\"code\":", status.code(), ",\"message\":\"\",\"details\":[]}");
}

HttpResponse MakeError(int http_status, google::rpc::Status status) {
  return HttpResponse{http_status, StatusJson(std::move(status))};
}

google::rpc::Status BaseStatus(grpc::StatusCode code, absl::string_view message) {
  google::rpc::Status status;
  status.set_code(static_cast<int>(code));
  status.set_message(ToValidUtf8(message));
  return status;
}

void AddDetailsFromBin(absl::string_view details_bin, google::rpc::Status* status) {
  if (details_bin.empty()) return;
  google::rpc::Status carried;
  if (!carried.ParseFromArray(details_bin.data(), static_cast<int>(details_bin.size()))) return;
  for (const auto& any : carried.details()) {
    if (PrintableDetail(any)) *status->add_details() = any;
  }
}

}  // namespace

absl::StatusOr<std::string> ResponseJson(const Route& route, const Message& response) {
  const FieldDescriptor* field = route.response_body_field;
  if (field == nullptr) return PrintMessage(response);
  const google::protobuf::Reflection* r = response.GetReflection();
  if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE && !field->is_repeated()) {
    return PrintMessage(r->GetMessage(response, field));
  }
  // A scalar, repeated or map field: print a message holding only it, {"<jsonName>":<value>}, and
  // keep the value.
  std::unique_ptr<Message> copy(response.New());
  copy->CopyFrom(response);
  std::unique_ptr<Message> only(response.New());
  r->SwapFields(copy.get(), only.get(), {field});
  auto json = PrintMessage(*only);
  if (!json.ok()) return json.status();
  if (*json == "{}") return DefaultJson(field);
  const std::string prefix = absl::StrCat("{\"", field->json_name(), "\":");
  absl::string_view value(*json);
  if (!absl::ConsumePrefix(&value, prefix) || !absl::ConsumeSuffix(&value, "}")) {
    return absl::InternalError(absl::StrCat("unexpected JSON for response_body ", field->name()));
  }
  return std::string(value);
}

absl::StatusOr<std::unique_ptr<Message>> ParseResponse(const Route& route, absl::string_view bytes) {
  std::unique_ptr<Message> response(route.response_prototype->New());
  if (!response->ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    return absl::InternalError(absl::StrCat("the response of ", route.grpc_method,
                                            " does not parse as ",
                                            response->GetDescriptor()->full_name()));
  }
  return response;
}

HttpResponse UnaryResponse(const Route& route, const grpc::Status& status,
                           absl::string_view response_bytes) {
  if (!status.ok()) return ErrorResponse(status);
  auto response = ParseResponse(route, response_bytes);
  if (!response.ok()) return ErrorResponse(response.status());
  auto json = ResponseJson(route, **response);
  if (!json.ok()) return ErrorResponse(json.status());
  return HttpResponse{200, *std::move(json)};
}

HttpResponse ErrorResponse(grpc::StatusCode code, absl::string_view message,
                           absl::string_view details_bin) {
  google::rpc::Status status = BaseStatus(code, message);
  AddDetailsFromBin(details_bin, &status);
  return MakeError(HttpStatusFromCode(code), std::move(status));
}

HttpResponse ErrorResponse(const grpc::Status& status) {
  return ErrorResponse(status.error_code(), status.error_message(), status.error_details());
}

HttpResponse ErrorResponse(const absl::Status& status) {
  if (status.ok()) {
    return ErrorResponse(grpc::StatusCode::INTERNAL, "ErrorResponse called with an OK status", "");
  }
  const auto code = static_cast<grpc::StatusCode>(status.code());
  google::rpc::Status out = BaseStatus(code, status.message());
  status.ForEachPayload([&out](absl::string_view type_url, const absl::Cord& payload) {
    google::protobuf::Any any;
    any.set_type_url(std::string(type_url));
    any.set_value(std::string(payload));
    if (PrintableDetail(any)) *out.add_details() = std::move(any);
  });
  return MakeError(HttpStatusFromCode(code), std::move(out));
}

HttpResponse RoutingErrorResponse(const RouteMatch& match) {
  switch (match.kind) {
    case RouteMatch::Kind::kNotFound:
      return MakeError(404, BaseStatus(grpc::StatusCode::NOT_FOUND, "Not Found"));
    case RouteMatch::Kind::kMethodNotAllowed:
      return MakeError(405, BaseStatus(grpc::StatusCode::UNIMPLEMENTED, "Method Not Allowed"));
    case RouteMatch::Kind::kBadRequest:
      return ErrorResponse(match.error.ok() ? absl::InvalidArgumentError("Bad Request") : match.error);
    case RouteMatch::Kind::kMatched:
      break;
  }
  return ErrorResponse(grpc::StatusCode::INTERNAL, "RoutingErrorResponse called on a match", "");
}

absl::StatusOr<std::string> StreamMessageLine(const Route& route, const Message& message) {
  auto json = ResponseJson(route, message);
  if (!json.ok()) return json.status();
  json->push_back('\n');
  return json;
}

std::string StreamErrorLine(const grpc::Status& status) {
  google::rpc::Status out = BaseStatus(status.error_code(), status.error_message());
  AddDetailsFromBin(status.error_details(), &out);
  return absl::StrCat("{\"error\":", StatusJson(std::move(out)), "}\n");
}

}  // namespace kinerja::transcoder
