#include "gateway/transcoder/field_text.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <google/protobuf/duration.pb.h>
#include <google/protobuf/timestamp.pb.h>
#include <google/protobuf/util/time_util.h>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gateway/transcoder/url_encoding.h"

namespace kinerja::transcoder {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

enum class Wkt { kNone, kTimestamp, kDuration, kFieldMask, kWrapper };

Wkt WellKnownType(const Descriptor* type) {
  const std::string& name = type->full_name();
  if (name == "google.protobuf.Timestamp") return Wkt::kTimestamp;
  if (name == "google.protobuf.Duration") return Wkt::kDuration;
  if (name == "google.protobuf.FieldMask") return Wkt::kFieldMask;
  if (name == "google.protobuf.DoubleValue" || name == "google.protobuf.FloatValue" ||
      name == "google.protobuf.Int64Value" || name == "google.protobuf.UInt64Value" ||
      name == "google.protobuf.Int32Value" || name == "google.protobuf.UInt32Value" ||
      name == "google.protobuf.BoolValue" || name == "google.protobuf.StringValue" ||
      name == "google.protobuf.BytesValue") {
    return Wkt::kWrapper;
  }
  return Wkt::kNone;
}

bool IsDecimalInteger(absl::string_view text, bool allow_minus) {
  if (allow_minus && !text.empty() && text[0] == '-') text.remove_prefix(1);
  if (text.empty()) return false;
  for (char c : text) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

template <typename T>
absl::Status ParseInteger(absl::string_view text, T* out) {
  const bool is_signed = std::numeric_limits<T>::is_signed;
  if (!IsDecimalInteger(text, is_signed)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "'", text, "' is not ", is_signed ? "an integer" : "a non-negative integer"));
  }
  if (!absl::SimpleAtoi(text, out)) {
    return absl::InvalidArgumentError(absl::StrCat("'", text, "' is out of range (",
                                                   std::numeric_limits<T>::min(), " to ",
                                                   std::numeric_limits<T>::max(), ")"));
  }
  return absl::OkStatus();
}

absl::Status ParseDouble(absl::string_view text, double* out) {
  if (text == "NaN") {
    *out = std::numeric_limits<double>::quiet_NaN();
    return absl::OkStatus();
  }
  if (text == "Infinity" || text == "-Infinity") {
    *out = text[0] == '-' ? -std::numeric_limits<double>::infinity()
                          : std::numeric_limits<double>::infinity();
    return absl::OkStatus();
  }
  // Digits, sign, '.', exponent only: SimpleAtod would also take spaces, "inf", "nan" and hex.
  bool has_digit = false;
  for (char c : text) {
    if (absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      has_digit = true;
    } else if (c != '-' && c != '+' && c != '.' && c != 'e' && c != 'E') {
      has_digit = false;
      break;
    }
  }
  if (!has_digit || !absl::SimpleAtod(text, out) || !std::isfinite(*out)) {
    return absl::InvalidArgumentError(absl::StrCat("'", text, "' is not a finite number"));
  }
  return absl::OkStatus();
}

absl::Status ParseBool(absl::string_view text, bool* out) {
  if (text == "true" || text == "1" || text == "t" || text == "T" || text == "TRUE" || text == "True") {
    *out = true;
  } else if (text == "false" || text == "0" || text == "f" || text == "F" || text == "FALSE" ||
             text == "False") {
    *out = false;
  } else {
    return absl::InvalidArgumentError(absl::StrCat("'", text, "' is not true or false"));
  }
  return absl::OkStatus();
}

absl::Status ParseBytes(absl::string_view text, std::string* out) {
  if (absl::Base64Unescape(text, out) || absl::WebSafeBase64Unescape(text, out)) {
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError("value is not base64");
}

// One FieldMask path as the JSON mapping writes it ("superiorPosition", "position.title") or in proto
// form ("superior_position"), in proto form; nullopt when it is neither.
std::optional<std::string> FieldMaskPath(absl::string_view path) {
  if (path.empty()) return std::nullopt;
  bool has_upper = false, has_underscore = false;
  for (char c : path) {
    const auto u = static_cast<unsigned char>(c);
    if (!absl::ascii_isalnum(u) && c != '_' && c != '.') return std::nullopt;
    has_upper |= absl::ascii_isupper(u) != 0;
    has_underscore |= c == '_';
  }
  if (!has_upper) return std::string(path);
  if (has_underscore) return std::nullopt;  // mixed forms
  std::string out;
  for (char c : path) {
    if (absl::ascii_isupper(static_cast<unsigned char>(c))) {
      out.push_back('_');
      out.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// Sets or adds a non-message field.
absl::Status SetScalar(Message* message, const FieldDescriptor* field, absl::string_view text) {
  const Reflection* r = message->GetReflection();
  const bool rep = field->is_repeated();
  switch (field->cpp_type()) {
    case FieldDescriptor::CPPTYPE_INT32: {
      int32_t v = 0;
      if (auto st = ParseInteger(text, &v); !st.ok()) return st;
      rep ? r->AddInt32(message, field, v) : r->SetInt32(message, field, v);
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_INT64: {
      int64_t v = 0;
      if (auto st = ParseInteger(text, &v); !st.ok()) return st;
      rep ? r->AddInt64(message, field, v) : r->SetInt64(message, field, v);
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_UINT32: {
      uint32_t v = 0;
      if (auto st = ParseInteger(text, &v); !st.ok()) return st;
      rep ? r->AddUInt32(message, field, v) : r->SetUInt32(message, field, v);
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_UINT64: {
      uint64_t v = 0;
      if (auto st = ParseInteger(text, &v); !st.ok()) return st;
      rep ? r->AddUInt64(message, field, v) : r->SetUInt64(message, field, v);
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_DOUBLE: {
      double v = 0;
      if (auto st = ParseDouble(text, &v); !st.ok()) return st;
      rep ? r->AddDouble(message, field, v) : r->SetDouble(message, field, v);
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_FLOAT: {
      double v = 0;
      if (auto st = ParseDouble(text, &v); !st.ok()) return st;
      if (std::isfinite(v) && std::fabs(v) > std::numeric_limits<float>::max()) {
        return absl::InvalidArgumentError(absl::StrCat("'", text, "' is out of range for a float"));
      }
      const float f = static_cast<float>(v);
      rep ? r->AddFloat(message, field, f) : r->SetFloat(message, field, f);
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_BOOL: {
      bool v = false;
      if (auto st = ParseBool(text, &v); !st.ok()) return st;
      rep ? r->AddBool(message, field, v) : r->SetBool(message, field, v);
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_ENUM: {
      const google::protobuf::EnumValueDescriptor* value =
          field->enum_type()->FindValueByName(std::string(text));
      if (value == nullptr) {
        int32_t number;
        if (IsDecimalInteger(text, true) && absl::SimpleAtoi(text, &number)) {
          value = field->enum_type()->FindValueByNumber(number);
        }
      }
      if (value == nullptr) {
        return absl::InvalidArgumentError(
            absl::StrCat("'", text, "' is not a value of ", field->enum_type()->full_name()));
      }
      rep ? r->AddEnum(message, field, value) : r->SetEnum(message, field, value);
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_STRING: {
      std::string v;
      if (field->type() == FieldDescriptor::TYPE_BYTES) {
        if (auto st = ParseBytes(text, &v); !st.ok()) return st;
      } else {
        if (!IsValidUtf8(text)) return absl::InvalidArgumentError("value is not valid UTF-8");
        v = std::string(text);
      }
      rep ? r->AddString(message, field, std::move(v)) : r->SetString(message, field, std::move(v));
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_MESSAGE:
      break;
  }
  return absl::InternalError("SetScalar called on a message field");
}

// Fills a well-known-type message from text.
absl::Status FillWkt(Message* target, Wkt kind, absl::string_view text) {
  const Descriptor* type = target->GetDescriptor();
  const Reflection* r = target->GetReflection();
  switch (kind) {
    case Wkt::kTimestamp: {
      google::protobuf::Timestamp ts;
      if (!google::protobuf::util::TimeUtil::FromString(std::string(text), &ts)) {
        return absl::InvalidArgumentError(absl::StrCat(
            "'", text, "' is not an RFC 3339 timestamp (e.g. 2024-01-31T17:00:00Z)"));
      }
      r->SetInt64(target, type->FindFieldByName("seconds"), ts.seconds());
      r->SetInt32(target, type->FindFieldByName("nanos"), ts.nanos());
      return absl::OkStatus();
    }
    case Wkt::kDuration: {
      google::protobuf::Duration d;
      if (!absl::EndsWith(text, "s") ||
          !google::protobuf::util::TimeUtil::FromString(std::string(text), &d)) {
        return absl::InvalidArgumentError(
            absl::StrCat("'", text, "' is not a duration in seconds (e.g. 1.5s)"));
      }
      r->SetInt64(target, type->FindFieldByName("seconds"), d.seconds());
      r->SetInt32(target, type->FindFieldByName("nanos"), d.nanos());
      return absl::OkStatus();
    }
    case Wkt::kFieldMask: {
      const FieldDescriptor* paths = type->FindFieldByName("paths");
      if (text.empty()) return absl::OkStatus();
      std::vector<std::string> converted;
      for (absl::string_view path : absl::StrSplit(text, ',')) {
        auto snake = FieldMaskPath(path);
        if (!snake.has_value()) {
          return absl::InvalidArgumentError(absl::StrCat(
              "'", text, "' is not a comma-separated list of field paths (e.g. title,superiorPosition)"));
        }
        converted.push_back(*std::move(snake));
      }
      for (std::string& p : converted) r->AddString(target, paths, std::move(p));
      return absl::OkStatus();
    }
    case Wkt::kWrapper:
      return SetScalar(target, type->FindFieldByName("value"), text);
    case Wkt::kNone:
      break;
  }
  return absl::InternalError("FillWkt called on an ordinary message");
}

}  // namespace

bool AcceptsText(const FieldDescriptor* field) {
  if (field->is_map()) return false;
  if (field->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) return true;
  return WellKnownType(field->message_type()) != Wkt::kNone;
}

absl::Status SetFieldFromText(Message* message, const FieldDescriptor* field, absl::string_view text) {
  if (!AcceptsText(field)) {
    return absl::InvalidArgumentError(
        field->is_map() ? "a map field cannot be set from text"
                        : absl::StrCat("a ", field->message_type()->full_name(),
                                       " cannot be set from text; set its fields one by one"));
  }
  if (field->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) return SetScalar(message, field, text);
  const Reflection* r = message->GetReflection();
  // Fill a scratch message first so that an error leaves `message` unchanged.
  std::unique_ptr<Message> value(
      r->GetMessageFactory()->GetPrototype(field->message_type())->New());
  if (auto st = FillWkt(value.get(), WellKnownType(field->message_type()), text); !st.ok()) return st;
  if (field->is_repeated()) {
    r->AddMessage(message, field)->CopyFrom(*value);
  } else {
    r->MutableMessage(message, field)->CopyFrom(*value);
  }
  return absl::OkStatus();
}

bool SameSingularValue(const Message& a, const Message& b, const FieldDescriptor* field) {
  const Reflection* ra = a.GetReflection();
  const Reflection* rb = b.GetReflection();
  switch (field->cpp_type()) {
    case FieldDescriptor::CPPTYPE_INT32: return ra->GetInt32(a, field) == rb->GetInt32(b, field);
    case FieldDescriptor::CPPTYPE_INT64: return ra->GetInt64(a, field) == rb->GetInt64(b, field);
    case FieldDescriptor::CPPTYPE_UINT32: return ra->GetUInt32(a, field) == rb->GetUInt32(b, field);
    case FieldDescriptor::CPPTYPE_UINT64: return ra->GetUInt64(a, field) == rb->GetUInt64(b, field);
    case FieldDescriptor::CPPTYPE_DOUBLE: return ra->GetDouble(a, field) == rb->GetDouble(b, field);
    case FieldDescriptor::CPPTYPE_FLOAT: return ra->GetFloat(a, field) == rb->GetFloat(b, field);
    case FieldDescriptor::CPPTYPE_BOOL: return ra->GetBool(a, field) == rb->GetBool(b, field);
    case FieldDescriptor::CPPTYPE_ENUM: return ra->GetEnumValue(a, field) == rb->GetEnumValue(b, field);
    case FieldDescriptor::CPPTYPE_STRING: return ra->GetString(a, field) == rb->GetString(b, field);
    case FieldDescriptor::CPPTYPE_MESSAGE:
      return ra->GetMessage(a, field).SerializeAsString() == rb->GetMessage(b, field).SerializeAsString();
  }
  return false;
}

}  // namespace kinerja::transcoder
