// OpenAPI schemas (as schema_writer.h writes them) shown in HTML: a type as a short label with
// message and enum types linked to their section, a message's fields as a table, an enum's values.
#ifndef KINERJA_GATEWAY_OPENAPI_HTML_SCHEMA_H_
#define KINERJA_GATEWAY_OPENAPI_HTML_SCHEMA_H_

#include <string>

#include "absl/strings/string_view.h"
#include "gateway/openapi/json_value.h"

namespace kinerja::openapi {

// The id of a component's section: "schema-kinerja.v1.Opd".
std::string SchemaAnchor(absl::string_view component_name);

// "string (int64)", "array of <a href=...>kinerja.v1.Opd</a>", "map of string to integer (int32)".
std::string SchemaTypeHtml(const Json& schema);

// What a reader needs below a type: the fields of an object (a $ref is followed into
// `components`), the values of an enum, or "" for a plain type.
std::string SchemaDetailsHtml(const Json& schema, const Json& components);

// The component named `name` of `components`, after following $ref and allOf; nullptr if none.
const Json* ResolveSchema(const Json& schema, const Json& components);

}  // namespace kinerja::openapi

#endif  // KINERJA_GATEWAY_OPENAPI_HTML_SCHEMA_H_
