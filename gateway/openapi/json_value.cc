#include "gateway/openapi/json_value.h"

#include <cmath>
#include <cstdint>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace kinerja::openapi {

Json Json::Bool(bool b) {
  Json j;
  j.kind_ = Kind::kBool;
  j.flag_ = b;
  return j;
}

Json Json::Number(double n) {
  Json j;
  j.kind_ = Kind::kNumber;
  j.number_ = n;
  return j;
}

Json Json::Array() {
  Json j;
  j.kind_ = Kind::kArray;
  return j;
}

Json Json::Object() {
  Json j;
  j.kind_ = Kind::kObject;
  return j;
}

Json& Json::Set(absl::string_view key, Json value) {
  if (kind_ == Kind::kNull) kind_ = Kind::kObject;
  for (auto& [k, v] : members_) {
    if (k == key) {
      v = std::move(value);
      return v;
    }
  }
  members_.emplace_back(std::string(key), std::move(value));
  return members_.back().second;
}

const Json* Json::Find(absl::string_view key) const {
  for (const auto& [k, v] : members_) {
    if (k == key) return &v;
  }
  return nullptr;
}

Json* Json::FindMutable(absl::string_view key) {
  for (auto& [k, v] : members_) {
    if (k == key) return &v;
  }
  return nullptr;
}

Json& Json::Append(Json value) {
  if (kind_ == Kind::kNull) kind_ = Kind::kArray;
  items_.push_back(std::move(value));
  return items_.back();
}

std::string JsonQuote(absl::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          absl::StrAppendFormat(&out, "\\u%04x", static_cast<unsigned char>(c));
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

std::string Json::Dump(int indent) const {
  std::string out;
  DumpTo(&out, indent, 0);
  if (indent > 0) out += '\n';
  return out;
}

void Json::DumpTo(std::string* out, int indent, int depth) const {
  const auto newline = [&](int level) {
    if (indent > 0) absl::StrAppend(out, "\n", std::string(static_cast<size_t>(indent * level), ' '));
  };
  switch (kind_) {
    case Kind::kNull: *out += "null"; return;
    case Kind::kBool: *out += flag_ ? "true" : "false"; return;
    case Kind::kNumber:
      if (std::isfinite(number_) && number_ == std::trunc(number_) && std::fabs(number_) < 1e15) {
        absl::StrAppend(out, static_cast<int64_t>(number_));
      } else if (std::isfinite(number_)) {
        absl::StrAppendFormat(out, "%.17g", number_);
      } else {
        *out += "null";  // JSON has no NaN or infinity
      }
      return;
    case Kind::kString: *out += JsonQuote(text_); return;
    case Kind::kArray:
      if (items_.empty()) {
        *out += "[]";
        return;
      }
      *out += '[';
      for (size_t i = 0; i < items_.size(); ++i) {
        if (i > 0) *out += ',';
        newline(depth + 1);
        items_[i].DumpTo(out, indent, depth + 1);
      }
      newline(depth);
      *out += ']';
      return;
    case Kind::kObject:
      if (members_.empty()) {
        *out += "{}";
        return;
      }
      *out += '{';
      for (size_t i = 0; i < members_.size(); ++i) {
        if (i > 0) *out += ',';
        newline(depth + 1);
        absl::StrAppend(out, JsonQuote(members_[i].first), indent > 0 ? ": " : ":");
        members_[i].second.DumpTo(out, indent, depth + 1);
      }
      newline(depth);
      *out += '}';
      return;
  }
}

}  // namespace kinerja::openapi
