#include "gateway/openapi/request_parameters.h"

#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gateway/openapi/comments.h"
#include "gateway/transcoder/field_text.h"

namespace kinerja::openapi {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using transcoder::FieldChain;
using transcoder::Route;

constexpr size_t kMaxQueryDepth = 8;  // nesting followed into singular message fields

// True when `chain` is, or is inside, a field the path binds.
bool BoundByPath(const Route& route, const FieldChain& chain) {
  for (const FieldChain& bound : route.path_fields) {
    if (bound.size() > chain.size()) continue;
    bool prefix = true;
    for (size_t k = 0; k < bound.size() && prefix; ++k) prefix = bound[k] == chain[k];
    if (prefix) return true;
  }
  return false;
}

std::string DottedJsonName(const FieldChain& chain) {
  std::string out;
  for (const FieldDescriptor* f : chain) absl::StrAppend(&out, out.empty() ? "" : ".", f->json_name());
  return out;
}

void CollectQuery(const Route& route, const Descriptor* type, FieldChain* chain, SchemaWriter* schemas,
                  std::vector<ApiParameter>* out) {
  for (int i = 0; i < type->field_count(); ++i) {
    const FieldDescriptor* f = type->field(i);
    if (chain->empty() && f == route.body_field) continue;
    chain->push_back(f);
    if (!BoundByPath(route, *chain)) {
      if (transcoder::AcceptsText(f)) {
        ApiParameter p;
        p.name = DottedJsonName(*chain);
        p.in = "query";
        p.description = schemas->FieldDescription(f);
        if (f->is_repeated()) {
          p.description = JoinParagraphs(p.description, "Repeat the parameter for several values.");
          p.schema = Json::Object();
          p.schema.Set("type", "array");
          p.schema.Set("items", schemas->ValueSchema(f, EnumStyle::kInline));
        } else {
          p.schema = schemas->ValueSchema(f, EnumStyle::kInline);
        }
        out->push_back(std::move(p));
      } else if (f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE && !f->is_repeated() &&
                 !absl::StartsWith(f->message_type()->full_name(), "google.protobuf.") &&
                 chain->size() < kMaxQueryDepth) {
        bool cycle = false;
        for (size_t k = 0; k + 1 < chain->size(); ++k) cycle |= (*chain)[k]->message_type() == f->message_type();
        cycle |= f->message_type() == route.method->input_type();
        if (!cycle) CollectQuery(route, f->message_type(), chain, schemas, out);
      }
    }
    chain->pop_back();
  }
}

}  // namespace

std::vector<ApiParameter> PathParameters(const Route& route, const OpenApiPath& path,
                                         SchemaWriter* schemas) {
  std::vector<ApiParameter> out;
  for (const OpenApiPathParam& param : path.params) {
    ApiParameter p;
    p.name = param.name;
    p.in = "path";
    p.required = true;
    if (param.variable == OpenApiPathParam::kNoVariable) {
      p.description = "Any single path segment; the method does not read it.";
      p.schema = Json::Object();
      p.schema.Set("type", "string");
    } else {
      const auto& variable = route.path.variables()[param.variable];
      const FieldDescriptor* leaf = route.path_fields[param.variable].back();
      if (param.resource.empty()) {
        p.description = JoinParagraphs(absl::StrCat("Sets `", variable.field_path, "`."),
                                       schemas->FieldDescription(leaf));
        p.schema = schemas->ValueSchema(leaf, EnumStyle::kInline);
      } else {
        p.description = absl::StrCat("`{", param.name, "}` in `", param.resource,
                                     "`, the resource name the path sets `", variable.field_path,
                                     "` to.");
        p.description = JoinParagraphs(p.description, CommentOf(leaf));
        p.schema = Json::Object();
        p.schema.Set("type", "string");
      }
    }
    if (param.multi_segment) {
      p.description = JoinParagraphs(p.description, "One or more path segments: send '/' unescaped.");
    }
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<ApiParameter> QueryParameters(const Route& route, SchemaWriter* schemas) {
  std::vector<ApiParameter> out;
  if (route.body == "*") return out;  // the gateway takes every field from the body
  FieldChain chain;
  CollectQuery(route, route.method->input_type(), &chain, schemas, &out);
  return out;
}

}  // namespace kinerja::openapi
