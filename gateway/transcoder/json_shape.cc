#include "gateway/transcoder/json_shape.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "gateway/transcoder/url_encoding.h"

namespace kinerja::transcoder {
namespace {

bool IsWs(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

bool IsJsonWhitespace(absl::string_view text) {
  for (char c : text) {
    if (!IsWs(c)) return false;
  }
  return true;
}

absl::Status CheckJsonShape(absl::string_view json, int max_depth) {
  if (!IsValidUtf8(json)) return absl::InvalidArgumentError("request body is not valid UTF-8");
  std::string stack;  // open brackets
  int top_level_values = 0;
  bool in_string = false, in_bare = false;
  for (size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (c == '\\') {
        ++i;  // skip the escaped character; a bad escape is the parser's to report
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    const bool bare_char = !IsWs(c) && c != '"' && c != '{' && c != '}' && c != '[' && c != ']' &&
                           c != ',' && c != ':';
    if (stack.empty() && bare_char && !in_bare) ++top_level_values;
    in_bare = stack.empty() && bare_char;
    switch (c) {
      case '"':
        if (stack.empty()) ++top_level_values;
        in_string = true;
        break;
      case '{':
      case '[':
        if (stack.empty()) ++top_level_values;
        if (static_cast<int>(stack.size()) == max_depth) {
          return absl::InvalidArgumentError(
              absl::StrCat("request body nests deeper than ", max_depth, " levels"));
        }
        stack.push_back(c);
        break;
      case '}':
      case ']':
        if (stack.empty() || stack.back() != (c == '}' ? '{' : '[')) {
          return absl::InvalidArgumentError(
              absl::StrCat("request body is not JSON: unexpected '", std::string(1, c),
                           "' at offset ", i));
        }
        stack.pop_back();
        break;
      case ',':
      case ':':
        if (stack.empty()) {
          return absl::InvalidArgumentError(absl::StrCat(
              "request body is not JSON: unexpected '", std::string(1, c), "' at offset ", i));
        }
        break;
      default:
        break;
    }
    if (top_level_values > 1) {
      return absl::InvalidArgumentError("request body holds more than one JSON value");
    }
  }
  if (in_string || !stack.empty()) {
    return absl::InvalidArgumentError("request body is not JSON: it ends inside a value");
  }
  return absl::OkStatus();
}

}  // namespace kinerja::transcoder
