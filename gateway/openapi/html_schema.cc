#include "gateway/openapi/html_schema.h"

#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "gateway/openapi/html_text.h"

namespace kinerja::openapi {
namespace {

constexpr absl::string_view kRefPrefix = "#/components/schemas/";

// The $ref of `schema`, directly or as the one element of allOf; "" when it has none.
std::string RefOf(const Json& schema) {
  if (const Json* ref = schema.Find("$ref"); ref != nullptr && ref->is_string()) {
    return ref->string_value();
  }
  if (const Json* all = schema.Find("allOf"); all != nullptr && all->is_array() && all->items().size() == 1) {
    return RefOf(all->items().front());
  }
  return "";
}

std::string StringOf(const Json& schema, absl::string_view key) {
  const Json* v = schema.Find(key);
  return v != nullptr && v->is_string() ? v->string_value() : "";
}

std::string EnumValuesHtml(const Json& values) {
  std::vector<std::string> names;
  for (const Json& v : values.items()) {
    if (v.is_string()) names.push_back(absl::StrCat("<code>", HtmlEscape(v.string_value()), "</code>"));
  }
  return absl::StrJoin(names, " | ");
}

}  // namespace

std::string SchemaAnchor(absl::string_view component_name) {
  return absl::StrCat("schema-", component_name);
}

const Json* ResolveSchema(const Json& schema, const Json& components) {
  const std::string ref = RefOf(schema);
  absl::string_view name = ref;
  if (!absl::ConsumePrefix(&name, kRefPrefix)) return nullptr;
  return components.Find(name);
}

std::string SchemaTypeHtml(const Json& schema) {
  std::string ref = RefOf(schema);
  if (!ref.empty()) {
    absl::string_view name = ref;
    absl::ConsumePrefix(&name, kRefPrefix);
    return absl::StrCat("<a href=\"#", HtmlEscape(SchemaAnchor(name)), "\">", HtmlEscape(name), "</a>");
  }
  const std::string type = StringOf(schema, "type");
  std::string label;
  if (type == "array") {
    const Json* items = schema.Find("items");
    label = absl::StrCat("array of ", items != nullptr ? SchemaTypeHtml(*items) : "any");
  } else if (type == "object" && schema.Find("additionalProperties") != nullptr &&
             schema.Find("additionalProperties")->is_object()) {
    label = absl::StrCat("map of string to ", SchemaTypeHtml(*schema.Find("additionalProperties")));
  } else if (const Json* values = schema.Find("enum"); values != nullptr && values->is_array()) {
    label = absl::StrCat("enum: ", EnumValuesHtml(*values));
  } else if (type.empty()) {
    label = "any JSON value";
  } else {
    label = HtmlEscape(type);
    if (const std::string format = StringOf(schema, "format"); !format.empty()) {
      absl::StrAppend(&label, " (", HtmlEscape(format), ")");
    }
  }
  if (const Json* nullable = schema.Find("nullable"); nullable != nullptr && nullable->bool_value()) {
    absl::StrAppend(&label, " or null");
  }
  return label;
}

std::string SchemaDetailsHtml(const Json& schema, const Json& components) {
  const Json* target = ResolveSchema(schema, components);
  if (target == nullptr) target = &schema;
  if (const Json* values = target->Find("enum"); values != nullptr && values->is_array()) {
    return absl::StrCat("<p class=\"values\">Values: ", EnumValuesHtml(*values), "</p>\n");
  }
  const Json* properties = target->Find("properties");
  if (properties == nullptr || properties->members().empty()) {
    return StringOf(*target, "type") == "object" && target->Find("additionalProperties") == nullptr
               ? "<p class=\"muted\">No fields.</p>\n"
               : "";
  }
  std::string out =
      "<table class=\"fields\">\n<thead><tr><th>Field</th><th>Type</th><th>Description</th></tr></thead>\n<tbody>\n";
  for (const auto& [name, field] : properties->members()) {
    absl::StrAppend(&out, "<tr><td><code>", HtmlEscape(name), "</code></td><td>", SchemaTypeHtml(field),
                    "</td><td>", ProseHtml(StringOf(field, "description")), "</td></tr>\n");
  }
  absl::StrAppend(&out, "</tbody>\n</table>\n");
  return out;
}

}  // namespace kinerja::openapi
