#include "gateway/openapi/schema_writer.h"

#include <algorithm>
#include <vector>

#include <google/protobuf/descriptor.pb.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gateway/openapi/comments.h"

namespace kinerja::openapi {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::EnumDescriptor;
using google::protobuf::FieldDescriptor;

Json TypeFormat(const char* type, const char* format = nullptr) {
  Json s = Json::Object();
  s.Set("type", type);
  if (format != nullptr) s.Set("format", format);
  return s;
}

// A scalar (non-message, non-enum) field type in proto3 JSON.
Json ScalarSchema(FieldDescriptor::Type type) {
  switch (type) {
    case FieldDescriptor::TYPE_INT32:
    case FieldDescriptor::TYPE_SINT32:
    case FieldDescriptor::TYPE_SFIXED32: return TypeFormat("integer", "int32");
    case FieldDescriptor::TYPE_UINT32:
    case FieldDescriptor::TYPE_FIXED32: {
      Json s = TypeFormat("integer", "uint32");
      s.Set("minimum", Json::Number(0));
      return s;
    }
    case FieldDescriptor::TYPE_INT64:
    case FieldDescriptor::TYPE_SINT64:
    case FieldDescriptor::TYPE_SFIXED64: return TypeFormat("string", "int64");
    case FieldDescriptor::TYPE_UINT64:
    case FieldDescriptor::TYPE_FIXED64: return TypeFormat("string", "uint64");
    case FieldDescriptor::TYPE_FLOAT: return TypeFormat("number", "float");
    case FieldDescriptor::TYPE_DOUBLE: return TypeFormat("number", "double");
    case FieldDescriptor::TYPE_BOOL: return TypeFormat("boolean");
    case FieldDescriptor::TYPE_BYTES: return TypeFormat("string", "byte");
    default: return TypeFormat("string");
  }
}

bool IsWrapper(absl::string_view name) {
  return absl::StartsWith(name, "google.protobuf.") && absl::EndsWith(name, "Value") &&
         name != "google.protobuf.Value" && name != "google.protobuf.ListValue" &&
         name != "google.protobuf.NullValue";
}

// `schema` with a description (and deprecation) added; a $ref cannot carry siblings in OpenAPI 3.0,
// so a described $ref is wrapped as {"allOf":[{"$ref":...}], "description":...}.
Json Described(Json schema, const std::string& description, bool deprecated) {
  if (description.empty() && !deprecated) return schema;
  if (schema.Find("$ref") != nullptr) {
    Json wrapped = Json::Object();
    wrapped.Set("allOf", Json::Array()).Append(std::move(schema));
    schema = std::move(wrapped);
  }
  if (!description.empty()) schema.Set("description", description);
  if (deprecated) schema.Set("deprecated", Json::Bool(true));
  return schema;
}

std::string OneofNote(const FieldDescriptor* field) {
  const google::protobuf::OneofDescriptor* oneof = field->real_containing_oneof();
  if (oneof == nullptr) return "";
  std::vector<std::string> others;
  for (int i = 0; i < oneof->field_count(); ++i) {
    if (oneof->field(i) != field) others.push_back(absl::StrCat("`", oneof->field(i)->json_name(), "`"));
  }
  return absl::StrCat("Member of oneof `", oneof->name(), "`: set at most one of this and ",
                      absl::StrJoin(others, ", "), ".");
}

}  // namespace

std::string SchemaRef(absl::string_view component_name) {
  return absl::StrCat("#/components/schemas/", component_name);
}

Json WellKnownSchema(const Descriptor* message) {
  const std::string& name = message->full_name();
  if (name == "google.protobuf.Timestamp") return TypeFormat("string", "date-time");
  if (name == "google.protobuf.Duration") {
    Json s = TypeFormat("string");
    s.Set("pattern", "^-?[0-9]+(\\.[0-9]{1,9})?s$");
    return s;
  }
  if (name == "google.protobuf.FieldMask") return TypeFormat("string");
  if (name == "google.protobuf.Struct") {
    Json s = TypeFormat("object");
    s.Set("additionalProperties", Json::Bool(true));
    return s;
  }
  if (name == "google.protobuf.Value") return Json::Object();  // any JSON value
  if (name == "google.protobuf.ListValue") {
    Json s = TypeFormat("array");
    s.Set("items", Json::Object());
    return s;
  }
  if (name == "google.protobuf.Empty") return TypeFormat("object");
  if (name == "google.protobuf.Any") {
    Json s = TypeFormat("object");
    s.Set("properties", Json::Object()).Set("@type", TypeFormat("string"));
    s.Set("required", Json::Array()).Append("@type");
    s.Set("additionalProperties", Json::Bool(true));
    return s;
  }
  if (IsWrapper(name) && message->field_count() == 1) {
    Json s = ScalarSchema(message->field(0)->type());
    s.Set("nullable", Json::Bool(true));
    return s;
  }
  return Json();
}

std::string WellKnownNote(const Descriptor* message) {
  const std::string& name = message->full_name();
  if (name == "google.protobuf.Timestamp") return "RFC 3339 time, e.g. `2024-01-31T17:00:00Z`.";
  if (name == "google.protobuf.Duration") return "Seconds with an `s` suffix, e.g. `1.5s`.";
  if (name == "google.protobuf.FieldMask") {
    return "Field paths in lowerCamelCase, comma-separated, e.g. `title,superiorPosition`.";
  }
  if (name == "google.protobuf.Struct") return "Any JSON object.";
  if (name == "google.protobuf.Value") return "Any JSON value.";
  if (name == "google.protobuf.ListValue") return "Any JSON array.";
  if (name == "google.protobuf.Any") return "A message with its type URL in `@type`.";
  if (IsWrapper(name)) return "The wrapped value, or null.";
  return "";
}

Json SchemaWriter::ValueSchema(const FieldDescriptor* field, EnumStyle enums) {
  if (field->is_map()) return ValueSchema(field->message_type()->map_value(), enums);
  switch (field->type()) {
    case FieldDescriptor::TYPE_MESSAGE:
    case FieldDescriptor::TYPE_GROUP: return MessageSchema(field->message_type());
    case FieldDescriptor::TYPE_ENUM: {
      const EnumDescriptor* e = field->enum_type();
      if (e->full_name() == "google.protobuf.NullValue") return Json::Object();  // JSON null
      if (enums == EnumStyle::kInline) return InlineEnumSchema(e);
      enums_.emplace(e->full_name(), e);
      Json ref = Json::Object();
      ref.Set("$ref", SchemaRef(e->full_name()));
      return ref;
    }
    default: return ScalarSchema(field->type());
  }
}

std::string SchemaWriter::FieldDescription(const FieldDescriptor* field) {
  std::string text = CommentOf(field);
  if (field->is_map()) {
    const FieldDescriptor* key = field->message_type()->map_key();
    if (key->type() != FieldDescriptor::TYPE_STRING) {
      text = JoinParagraphs(text, absl::StrCat("Keys are ", key->type_name(), " values written as text."));
    }
  } else if (field->type() == FieldDescriptor::TYPE_MESSAGE) {
    text = JoinParagraphs(text, WellKnownNote(field->message_type()));
  }
  return JoinParagraphs(text, OneofNote(field));
}

Json SchemaWriter::FieldSchema(const FieldDescriptor* field, EnumStyle enums) {
  Json value = ValueSchema(field, enums);
  Json schema;
  if (field->is_map()) {
    schema = TypeFormat("object");
    schema.Set("additionalProperties", std::move(value));
  } else if (field->is_repeated()) {
    schema = TypeFormat("array");
    schema.Set("items", std::move(value));
  } else {
    schema = std::move(value);
  }
  return Described(std::move(schema), FieldDescription(field), field->options().deprecated());
}

Json SchemaWriter::MessageSchema(const Descriptor* message) {
  Json wkt = WellKnownSchema(message);
  if (wkt.kind() != Json::Kind::kNull) return wkt;
  messages_.emplace(message->full_name(), message);
  Json ref = Json::Object();
  ref.Set("$ref", SchemaRef(message->full_name()));
  return ref;
}

Json SchemaWriter::InlineEnumSchema(const EnumDescriptor* e) {
  Json s = TypeFormat("string");
  Json& names = s.Set("enum", Json::Array());
  std::vector<std::string> meanings;
  for (int i = 0; i < e->value_count(); ++i) {
    names.Append(e->value(i)->name());
    const std::string meaning = CommentOf(e->value(i));
    if (!meaning.empty()) meanings.push_back(absl::StrCat("- `", e->value(i)->name(), "`: ", meaning));
  }
  std::string description = CommentOf(e);
  if (!meanings.empty()) description = JoinParagraphs(description, absl::StrJoin(meanings, "\n"));
  if (!description.empty()) s.Set("description", description);
  return s;
}

Json SchemaWriter::ObjectSchema(const Descriptor* message,
                                const std::vector<const FieldDescriptor*>& excluded) {
  Json s = TypeFormat("object");
  std::string description = CommentOf(message);
  for (int i = 0; i < message->real_oneof_decl_count(); ++i) {
    const google::protobuf::OneofDescriptor* oneof = message->oneof_decl(i);  // real oneofs come first
    std::vector<std::string> names;
    for (int k = 0; k < oneof->field_count(); ++k) {
      names.push_back(absl::StrCat("`", oneof->field(k)->json_name(), "`"));
    }
    description = JoinParagraphs(
        description, absl::StrCat("Oneof `", oneof->name(), "`: at most one of ",
                                  absl::StrJoin(names, ", "), " is set."));
  }
  if (!description.empty()) s.Set("description", description);
  if (message->field_count() > 0) {
    Json& properties = s.Set("properties", Json::Object());
    for (int i = 0; i < message->field_count(); ++i) {
      const FieldDescriptor* f = message->field(i);
      if (std::find(excluded.begin(), excluded.end(), f) == excluded.end()) {
        properties.Set(f->json_name(), FieldSchema(f));
      }
    }
  }
  return s;
}

Json SchemaWriter::Components() {
  std::map<std::string, Json> out;
  // Writing a component may reference more types; repeat until nothing new appears.
  for (bool grew = true; grew;) {
    grew = false;
    const auto messages = messages_;
    for (const auto& [name, message] : messages) {
      if (out.count(name) == 0) {
        out.emplace(name, ObjectSchema(message));
        grew = true;
      }
    }
    const auto enums = enums_;
    for (const auto& [name, e] : enums) {
      if (out.count(name) == 0) {
        out.emplace(name, InlineEnumSchema(e));
        grew = true;
      }
    }
  }
  Json schemas = Json::Object();
  for (auto& [name, schema] : out) schemas.Set(name, std::move(schema));
  return schemas;
}

}  // namespace kinerja::openapi
