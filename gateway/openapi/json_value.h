// A small JSON tree whose objects keep their keys in insertion order, so the generated OpenAPI
// document reads in a stable, human order (info, then paths in declaration order, ...).
#ifndef KINERJA_GATEWAY_OPENAPI_JSON_VALUE_H_
#define KINERJA_GATEWAY_OPENAPI_JSON_VALUE_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"

namespace kinerja::openapi {

class Json {
 public:
  enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject };

  Json() = default;  // null
  Json(const char* s) : kind_(Kind::kString), text_(s) {}         // NOLINT: implicit by design
  Json(std::string s) : kind_(Kind::kString), text_(std::move(s)) {}  // NOLINT
  static Json Bool(bool b);
  static Json Number(double n);
  static Json Array();
  static Json Object();

  Kind kind() const { return kind_; }
  bool is_object() const { return kind_ == Kind::kObject; }
  bool is_array() const { return kind_ == Kind::kArray; }
  bool is_string() const { return kind_ == Kind::kString; }
  const std::string& string_value() const { return text_; }  // kString only
  bool bool_value() const { return flag_; }
  double number_value() const { return number_; }

  // Objects. Set replaces the value of an existing key in place, else appends the key.
  Json& Set(absl::string_view key, Json value);
  const Json* Find(absl::string_view key) const;  // nullptr when absent or not an object
  Json* FindMutable(absl::string_view key);
  const std::vector<std::pair<std::string, Json>>& members() const { return members_; }

  // Arrays.
  Json& Append(Json value);
  const std::vector<Json>& items() const { return items_; }

  // JSON text (RFC 8259), indented by `indent` spaces per level, 0 for one line. Strings are
  // written as given (UTF-8) with '"', '\\' and control characters escaped.
  std::string Dump(int indent = 2) const;

 private:
  void DumpTo(std::string* out, int indent, int depth) const;

  Kind kind_ = Kind::kNull;
  bool flag_ = false;
  double number_ = 0;
  std::string text_;
  std::vector<std::pair<std::string, Json>> members_;
  std::vector<Json> items_;
};

// `text` as a JSON string literal, quotes included.
std::string JsonQuote(absl::string_view text);

}  // namespace kinerja::openapi

#endif  // KINERJA_GATEWAY_OPENAPI_JSON_VALUE_H_
