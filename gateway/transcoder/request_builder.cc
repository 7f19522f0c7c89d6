#include "gateway/transcoder/request_builder.h"

#include <algorithm>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <google/protobuf/util/json_util.h>

#include "absl/status/status.h"
#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "gateway/transcoder/field_text.h"
#include "gateway/transcoder/json_shape.h"
#include "gateway/transcoder/query_params.h"
#include "gateway/transcoder/url_encoding.h"
#include "google/rpc/error_details.pb.h"

namespace kinerja::transcoder {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

constexpr char kBadRequestTypeUrl[] = "type.googleapis.com/google.rpc.BadRequest";

// INVALID_ARGUMENT `message` with a one-violation BadRequest payload.
absl::Status RefuseWith(absl::string_view message, absl::string_view field,
                        absl::string_view description) {
  // Field names and values come from the client and may be any bytes; proto3 strings must be UTF-8.
  google::rpc::BadRequest bad;
  auto* violation = bad.add_field_violations();
  violation->set_field(ToValidUtf8(field));
  violation->set_description(ToValidUtf8(description));
  absl::Status status = absl::InvalidArgumentError(ToValidUtf8(message));
  status.SetPayload(kBadRequestTypeUrl, absl::Cord(bad.SerializeAsString()));
  return status;
}

// INVALID_ARGUMENT "<what> '<field>': <description>", the violation on `field`.
absl::Status Refuse(absl::string_view what, absl::string_view field, absl::string_view description) {
  return RefuseWith(absl::StrCat(what, " '", field, "': ", description), field, description);
}

// The request field a protobuf JSON parse error is about, when its message says: "(a.b): ..." or
// "name: Cannot find field."; else "". Best effort, for the violation's field only.
std::string FieldOfJsonError(absl::string_view message) {
  if (absl::ConsumePrefix(&message, "(")) {
    const size_t end = message.find("):");
    return end == absl::string_view::npos ? "" : std::string(message.substr(0, end));
  }
  const size_t end = message.find(": Cannot find field");
  return end == absl::string_view::npos || end == 0 ? "" : std::string(message.substr(0, end));
}

// Refuses setting `field` of `message` when another member of its oneof is already set.
absl::Status CheckOneof(const Message& message, const FieldDescriptor* field, absl::string_view what,
                        absl::string_view name) {
  const google::protobuf::OneofDescriptor* oneof = field->real_containing_oneof();
  if (oneof == nullptr) return absl::OkStatus();
  const Reflection* r = message.GetReflection();
  const FieldDescriptor* set = r->GetOneofFieldDescriptor(message, oneof);
  if (set != nullptr && set != field) {
    return Refuse(what, name, absl::StrCat("only one field of '", oneof->name(), "' may be set and '",
                                           set->name(), "' already is"));
  }
  return absl::OkStatus();
}

// A refusal of the body of `route`: the message names the body mapping ("request body 'opd'"), the
// violation the most precise request field known (`field`, else the body field, else "" for the
// request as a whole).
absl::Status RefuseBody(const Route& route, absl::string_view field, absl::string_view description) {
  const std::string where = !field.empty() ? std::string(field)
                            : route.body_field != nullptr ? route.body
                                                          : std::string();
  return RefuseWith(absl::StrCat("request body '", route.body, "': ", description), where, description);
}

// Parses `json` into `message`; `prefix` is the path of `message` in the request ("" for the
// request itself, "opd." for its opd field), for the violation.
absl::Status ParseJsonInto(const Route& route, absl::string_view json, Message* message,
                           absl::string_view prefix) {
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  const auto status = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(json.data(), json.size()), message, options);
  if (status.ok()) return absl::OkStatus();
  // Whatever code the parser chose (it says INTERNAL when its binary output does not re-parse), a
  // body it cannot read is the client's error.
  const std::string description(status.message());
  const std::string field = FieldOfJsonError(description);
  return RefuseBody(route, field.empty() ? "" : absl::StrCat(prefix, field), description);
}

absl::Status ApplyBody(const Route& route, absl::string_view body, Message* request) {
  if (route.body.empty()) {
    if (body.empty()) return absl::OkStatus();
    return RefuseWith(absl::StrCat(route.http_method, " ", route.path.text(), " takes no request body"),
                      "", "this method takes no request body");
  }
  if (IsJsonWhitespace(body)) return absl::OkStatus();
  if (auto st = CheckJsonShape(body); !st.ok()) return RefuseBody(route, "", st.message());
  if (route.body_field == nullptr) return ParseJsonInto(route, body, request, "");

  const FieldDescriptor* field = route.body_field;
  const Reflection* r = request->GetReflection();
  if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE && !field->is_repeated()) {
    return ParseJsonInto(route, body, r->MutableMessage(request, field), absl::StrCat(route.body, "."));
  }
  // A scalar, repeated or map field: let the JSON parser read it as {"<jsonName>": <body>}, which
  // CheckJsonShape made safe (the body is exactly one value), and take just that field. The
  // scratch message is of the request's type, so the parser's field paths are already request paths.
  std::unique_ptr<Message> scratch(request->New());
  const std::string wrapped = absl::StrCat("{\"", field->json_name(), "\":", body, "}");
  if (auto st = ParseJsonInto(route, wrapped, scratch.get(), ""); !st.ok()) return st;
  r->SwapFields(request, scratch.get(), {field});
  return absl::OkStatus();
}

absl::Status ApplyPath(const Route& route, const PathBindings& bindings, Message* request) {
  const auto& variables = route.path.variables();
  if (bindings.size() != route.path_fields.size()) {
    return absl::InternalError(absl::StrCat("path bindings do not belong to ", route.path.text()));
  }
  for (size_t i = 0; i < bindings.size(); ++i) {
    const auto& [name, value] = bindings[i];
    if (name != variables[i].field_path) {
      return absl::InternalError(absl::StrCat("path bindings do not belong to ", route.path.text()));
    }
    const FieldChain& chain = route.path_fields[i];
    Message* target = request;
    for (size_t k = 0; k + 1 < chain.size(); ++k) {
      if (auto st = CheckOneof(*target, chain[k], "path variable", name); !st.ok()) return st;
      target = target->GetReflection()->MutableMessage(target, chain[k]);
    }
    const FieldDescriptor* leaf = chain.back();
    if (auto st = CheckOneof(*target, leaf, "path variable", name); !st.ok()) return st;
    std::unique_ptr<Message> scratch(target->New());
    if (auto st = SetFieldFromText(scratch.get(), leaf, value); !st.ok()) {
      return Refuse("path variable", name, st.message());
    }
    const Reflection* r = target->GetReflection();
    if (r->HasField(*target, leaf) && !SameSingularValue(*target, *scratch, leaf)) {
      return Refuse("path variable", name,
                    "the request body sets this field to a different value than the URL path");
    }
    r->SwapFields(target, scratch.get(), {leaf});
  }
  return absl::OkStatus();
}

const FieldDescriptor* FindField(const Descriptor* type, absl::string_view name) {
  if (const FieldDescriptor* f = type->FindFieldByName(std::string(name))) return f;
  for (int i = 0; i < type->field_count(); ++i) {
    if (type->field(i)->json_name() == name) return type->field(i);
  }
  return nullptr;
}

// True when one chain is a prefix of the other (the same field, or one inside the other).
bool Overlaps(const FieldChain& a, const FieldChain& b) {
  const size_t n = std::min(a.size(), b.size());
  for (size_t k = 0; k < n; ++k) {
    if (a[k] != b[k]) return false;
  }
  return true;
}

absl::Status ApplyQuery(const Route& route, absl::string_view query, Message* request) {
  auto params = ParseQueryString(query);
  if (!params.ok()) return RefuseWith(params.status().message(), "", params.status().message());
  std::set<std::string> seen;  // singular fields already set, by proto path
  for (const auto& [name, value] : *params) {
    if (route.body == "*") {
      return Refuse("query parameter", name,
                    "this method takes every field from the request body, not the query string");
    }
    FieldChain chain;
    std::string canonical;
    const Descriptor* type = request->GetDescriptor();
    for (absl::string_view part : absl::StrSplit(name, '.')) {
      if (type == nullptr) {
        return Refuse("query parameter", name,
                      absl::StrCat("'", chain.back()->name(), "' is not a singular message field"));
      }
      const FieldDescriptor* field = FindField(type, part);
      if (field == nullptr) {
        return Refuse("query parameter", name,
                      absl::StrCat("unknown field '", part, "' in ", type->full_name()));
      }
      chain.push_back(field);
      absl::StrAppend(&canonical, canonical.empty() ? "" : ".", field->name());
      const bool descend = field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE && !field->is_repeated();
      type = descend ? field->message_type() : nullptr;
    }
    if (route.body_field != nullptr && chain.front() == route.body_field) {
      return Refuse("query parameter", name, "this field is taken from the request body");
    }
    for (const FieldChain& bound : route.path_fields) {
      if (Overlaps(chain, bound)) {
        return Refuse("query parameter", name, "this field is taken from the URL path");
      }
    }
    const FieldDescriptor* leaf = chain.back();
    if (!AcceptsText(leaf)) {
      return Refuse("query parameter", name,
                    leaf->is_map() ? "a map field cannot be set from the query string"
                                   : absl::StrCat("'", leaf->name(), "' is a message; set its fields as ",
                                                  name, ".<field>=<value>"));
    }
    if (!leaf->is_repeated() && !seen.insert(canonical).second) {
      return Refuse("query parameter", name, "given more than once for a field that is not repeated");
    }
    Message* target = request;
    for (size_t k = 0; k + 1 < chain.size(); ++k) {
      if (auto st = CheckOneof(*target, chain[k], "query parameter", name); !st.ok()) return st;
      target = target->GetReflection()->MutableMessage(target, chain[k]);
    }
    if (auto st = CheckOneof(*target, leaf, "query parameter", name); !st.ok()) return st;
    if (auto st = SetFieldFromText(target, leaf, value); !st.ok()) {
      return Refuse("query parameter", name, st.message());
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::unique_ptr<Message>> BuildRequest(const Route& route, const PathBindings& bindings,
                                                      absl::string_view query, absl::string_view body) {
  std::unique_ptr<Message> request(route.request_prototype->New());
  if (auto st = ApplyBody(route, body, request.get()); !st.ok()) return st;
  if (auto st = ApplyPath(route, bindings, request.get()); !st.ok()) return st;
  if (auto st = ApplyQuery(route, query, request.get()); !st.ok()) return st;
  return request;
}

}  // namespace kinerja::transcoder
