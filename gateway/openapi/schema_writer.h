// Proto types as OpenAPI 3.0 schemas of their proto3 JSON form (what the gateway reads and writes):
// lowerCamelCase json_name keys, 64-bit integers as strings, bytes as base64, enums by name,
// well-known types in their special JSON forms, maps as objects. Messages become
// components/schemas entries named by their full proto name ("kinerja.v1.Employee") and are
// referenced with $ref; well-known types are written inline.
#ifndef KINERJA_GATEWAY_OPENAPI_SCHEMA_WRITER_H_
#define KINERJA_GATEWAY_OPENAPI_SCHEMA_WRITER_H_

#include <map>
#include <string>
#include <vector>

#include <google/protobuf/descriptor.h>

#include "gateway/openapi/json_value.h"

namespace kinerja::openapi {

// "#/components/schemas/<name>".
std::string SchemaRef(absl::string_view component_name);

// How an enum is written where it is used.
enum class EnumStyle {
  kRef,     // $ref to its component (message fields)
  kInline,  // {"type":"string","enum":[...]} in place (parameters, which many tools do not resolve)
};

class SchemaWriter {
 public:
  // One value of `field`: the element of a repeated field, the value of a map's entry.
  Json ValueSchema(const google::protobuf::FieldDescriptor* field, EnumStyle enums = EnumStyle::kRef);

  // `field` as a property: repeated as an array, a map as an object with additionalProperties,
  // described by its comments and notes (oneof membership, the text form of a well-known type).
  Json FieldSchema(const google::protobuf::FieldDescriptor* field, EnumStyle enums = EnumStyle::kRef);

  // A message used as a whole (a request body, a response): a $ref, or a well-known type inline.
  Json MessageSchema(const google::protobuf::Descriptor* message);

  // A message written out as an object schema (what its component holds), leaving out `excluded`
  // fields: a "*" request body without the fields its path binds.
  Json ObjectSchema(const google::protobuf::Descriptor* message,
                    const std::vector<const google::protobuf::FieldDescriptor*>& excluded = {});

  // An enum in place: its value names and, in the description, what each means.
  Json InlineEnumSchema(const google::protobuf::EnumDescriptor* e);

  // The description FieldSchema gives `field` (its comments and notes).
  std::string FieldDescription(const google::protobuf::FieldDescriptor* field);

  // components/schemas: every message and enum referenced so far and everything they reference,
  // sorted by name.
  Json Components();

 private:

  std::map<std::string, const google::protobuf::Descriptor*> messages_;
  std::map<std::string, const google::protobuf::EnumDescriptor*> enums_;
};

// The inline schema of a well-known type's JSON form, or null Json for an ordinary message.
Json WellKnownSchema(const google::protobuf::Descriptor* message);

// What text a well-known type takes, for descriptions ("" for an ordinary message).
std::string WellKnownNote(const google::protobuf::Descriptor* message);

}  // namespace kinerja::openapi

#endif  // KINERJA_GATEWAY_OPENAPI_SCHEMA_WRITER_H_
