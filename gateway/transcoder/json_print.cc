#include "gateway/transcoder/json_print.h"

#include <cstdint>
#include <vector>

#include <google/protobuf/descriptor.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace kinerja::transcoder {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::EnumValueDescriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::FileDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

// Well below ProtoStreamObjectSource's own limit (64), so protobuf always gets to say what it says.
constexpr int kMaxDepth = 32;

constexpr char kHex[] = "0123456789abcdef";

// protobuf's kCommonEscapes for 0x00..0x7f (json_escaping.cc): nullptr where nothing is escaped.
const char* AsciiEscape(unsigned char c) {
  static const char* const kEscapes[128] = {
      "\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005", "\\u0006", "\\u0007",
      "\\b",     "\\t",     "\\n",     "\\u000b", "\\f",     "\\r",     "\\u000e", "\\u000f",
      "\\u0010", "\\u0011", "\\u0012", "\\u0013", "\\u0014", "\\u0015", "\\u0016", "\\u0017",
      "\\u0018", "\\u0019", "\\u001a", "\\u001b", "\\u001c", "\\u001d", "\\u001e", "\\u001f",
      nullptr,   nullptr,   "\\\"",    nullptr,   nullptr,   nullptr,   nullptr,   nullptr,  // 0x20
      nullptr,   nullptr,   nullptr,   nullptr,   nullptr,   nullptr,   nullptr,   nullptr,
      nullptr,   nullptr,   nullptr,   nullptr,   nullptr,   nullptr,   nullptr,   nullptr,  // 0x30
      nullptr,   nullptr,   nullptr,   nullptr,   "\\u003c", nullptr,   "\\u003e", nullptr,
      nullptr,   nullptr,   nullptr,   nullptr,   nullptr,   nullptr,   nullptr,   nullptr,  // 0x40
      nullptr,   nullptr,   nullptr,   nullptr,   nullptr,   nullptr,   nullptr,   nullptr,
      nullptr,   nullptr,   nullptr,   nullptr,   nullptr,   nullptr,   nullptr,   nullptr,  // 0x50
      nullptr,   nullptr,   nullptr,   nullptr,   "\\\\",    nullptr,   nullptr,   nullptr,
      nullptr,   nullptr,   nullptr,   nullptr,   nullptr,   nullptr,   nullptr,   nullptr,  // 0x60
      nullptr,   nullptr,   nullptr,   nullptr,   nullptr,   nullptr,   nullptr,   nullptr,
      nullptr,   nullptr,   nullptr,   nullptr,   nullptr,   nullptr,   nullptr,   nullptr,  // 0x70
      nullptr,   nullptr,   nullptr,   nullptr,   nullptr,   nullptr,   nullptr,   "\\u007f",
  };
  return kEscapes[c];
}

void AppendHex4(uint32_t v, std::string* out) {
  const char buf[6] = {'\\', 'u', kHex[(v >> 12) & 0xf], kHex[(v >> 8) & 0xf], kHex[(v >> 4) & 0xf],
                       kHex[v & 0xf]};
  out->append(buf, sizeof(buf));
}

// The code points above 0x9f that protobuf's EscapeCodePoint writes as \u escapes.
bool EscapedAbove9f(uint32_t cp) {
  switch (cp) {
    case 0xfeff: case 0xfff9: case 0xfffa: case 0xfffb: case 0x00ad: case 0x06dd: case 0x070f:
    case 0x17b4: case 0x17b5:
      return true;
    default:
      break;
  }
  return (cp >= 0x0600 && cp <= 0x0603) || (cp >= 0x200b && cp <= 0x200f) ||
         (cp >= 0x2028 && cp <= 0x202e) || (cp >= 0x2060 && cp <= 0x2064) ||
         (cp >= 0x206a && cp <= 0x206f) || cp == 0x000e0001 ||
         (cp >= 0x0001d173 && cp <= 0x0001d17a) || (cp >= 0x000e0020 && cp <= 0x000e007f);
}

// Decodes one shortest-form UTF-8 sequence at s[i] (s[i] >= 0x80): its code point and length, or
// false when it is not one.
bool DecodeUtf8(absl::string_view s, size_t i, uint32_t* cp, size_t* len) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const unsigned char c0 = b(0);
  const size_t left = s.size() - i;
  unsigned char lo = 0x80, hi = 0xbf;  // the allowed range of the second byte
  if (c0 >= 0xc2 && c0 <= 0xdf) {
    *len = 2;
  } else if (c0 >= 0xe0 && c0 <= 0xef) {
    *len = 3;
    if (c0 == 0xe0) lo = 0xa0;
    if (c0 == 0xed) hi = 0x9f;  // no surrogates
  } else if (c0 >= 0xf0 && c0 <= 0xf4) {
    *len = 4;
    if (c0 == 0xf0) lo = 0x90;
    if (c0 == 0xf4) hi = 0x8f;  // at most U+10FFFF
  } else {
    return false;
  }
  if (left < *len) return false;
  if (b(1) < lo || b(1) > hi) return false;
  for (size_t k = 2; k < *len; ++k) {
    if (b(k) < 0x80 || b(k) > 0xbf) return false;
  }
  uint32_t v = c0 & (*len == 2 ? 0x1f : *len == 3 ? 0x0f : 0x07);
  for (size_t k = 1; k < *len; ++k) v = (v << 6) | (b(k) & 0x3f);
  *cp = v;
  return true;
}

// Appends the quoted, escaped string; false when it is not valid UTF-8 (protobuf's output for
// those is left to protobuf).
bool AppendString(absl::string_view s, std::string* out) {
  out->push_back('"');
  size_t run = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (const char* e = AsciiEscape(c)) {
        out->append(s.data() + run, i - run);
        out->append(e);
        run = i + 1;
      }
      ++i;
      continue;
    }
    uint32_t cp = 0;
    size_t len = 0;
    if (!DecodeUtf8(s, i, &cp, &len)) return false;
    if (cp < 0xa0 || EscapedAbove9f(cp)) {
      out->append(s.data() + run, i - run);
      if (cp < 0x10000) {
        AppendHex4(cp, out);
      } else {  // a surrogate pair, as protobuf's ToSurrogateHex
        AppendHex4(((cp - 0x10000) >> 10) + 0xd800, out);
        AppendHex4(((cp - 0x10000) & 0x3ff) + 0xdc00, out);
      }
      run = i + len;
    }
    i += len;
  }
  out->append(s.data() + run, s.size() - run);
  out->push_back('"');
  return true;
}

bool Printable(const Descriptor* type) {
  return type->file()->syntax() == FileDescriptor::SYNTAX_PROTO3 &&
         !absl::StartsWith(type->full_name(), "google.protobuf.");
}

class Printer {
 public:
  explicit Printer(std::string* out) : out_(out) {}

  bool Message(const google::protobuf::Message& message, int depth) {
    const Descriptor* type = message.GetDescriptor();
    if (depth > kMaxDepth || !Printable(type)) return false;
    const Reflection* r = message.GetReflection();
    std::vector<const FieldDescriptor*> fields;
    r->ListFields(message, &fields);  // the present fields, by number: protobuf's wire order
    out_->push_back('{');
    bool first = true;
    for (const FieldDescriptor* f : fields) {
      if (f->is_extension() || f->is_map()) return false;
      if (!first) out_->push_back(',');
      first = false;
      if (!AppendString(f->json_name(), out_)) return false;
      out_->push_back(':');
      if (f->is_repeated()) {
        const int n = r->FieldSize(message, f);
        out_->push_back('[');
        for (int i = 0; i < n; ++i) {
          if (i > 0) out_->push_back(',');
          if (!Value(message, r, f, i, depth)) return false;
        }
        out_->push_back(']');
      } else if (!Value(message, r, f, -1, depth)) {
        return false;
      }
    }
    out_->push_back('}');
    return true;
  }

 private:
  // The value of singular `f` (index < 0) or of element `index` of repeated `f`.
  bool Value(const google::protobuf::Message& m, const Reflection* r, const FieldDescriptor* f,
             int index, int depth) {
    const bool rep = index >= 0;
    switch (f->type()) {
      case FieldDescriptor::TYPE_STRING: {
        std::string scratch;
        const std::string& v = rep ? r->GetRepeatedStringReference(m, f, index, &scratch)
                                   : r->GetStringReference(m, f, &scratch);
        return AppendString(v, out_);
      }
      case FieldDescriptor::TYPE_BOOL:
        out_->append((rep ? r->GetRepeatedBool(m, f, index) : r->GetBool(m, f)) ? "true" : "false");
        return true;
      case FieldDescriptor::TYPE_INT32:
      case FieldDescriptor::TYPE_SINT32:
      case FieldDescriptor::TYPE_SFIXED32:
        absl::StrAppend(out_, rep ? r->GetRepeatedInt32(m, f, index) : r->GetInt32(m, f));
        return true;
      case FieldDescriptor::TYPE_UINT32:
      case FieldDescriptor::TYPE_FIXED32:
        absl::StrAppend(out_, rep ? r->GetRepeatedUInt32(m, f, index) : r->GetUInt32(m, f));
        return true;
      case FieldDescriptor::TYPE_INT64:
      case FieldDescriptor::TYPE_SINT64:
      case FieldDescriptor::TYPE_SFIXED64:
        absl::StrAppend(out_, "\"", rep ? r->GetRepeatedInt64(m, f, index) : r->GetInt64(m, f),
                        "\"");
        return true;
      case FieldDescriptor::TYPE_UINT64:
      case FieldDescriptor::TYPE_FIXED64:
        absl::StrAppend(out_, "\"", rep ? r->GetRepeatedUInt64(m, f, index) : r->GetUInt64(m, f),
                        "\"");
        return true;
      case FieldDescriptor::TYPE_ENUM: {
        if (absl::StartsWith(f->enum_type()->full_name(), "google.protobuf.")) return false;
        const int number = rep ? r->GetRepeatedEnumValue(m, f, index) : r->GetEnumValue(m, f);
        const EnumValueDescriptor* value = f->enum_type()->FindValueByNumber(number);
        if (value == nullptr) {
          absl::StrAppend(out_, number);  // an open enum's unknown number, as protobuf prints it
          return true;
        }
        return AppendString(value->name(), out_);
      }
      case FieldDescriptor::TYPE_MESSAGE:
        return Message(rep ? r->GetRepeatedMessage(m, f, index) : r->GetMessage(m, f), depth + 1);
      default:  // bytes, float, double, group: protobuf's formatting, not ours
        return false;
    }
  }

  std::string* out_;
};

}  // namespace

bool AppendJsonFast(const Message& message, std::string* out) {
  const size_t size = out->size();
  Printer printer(out);
  if (printer.Message(message, 0)) return true;
  out->resize(size);
  return false;
}

}  // namespace kinerja::transcoder
