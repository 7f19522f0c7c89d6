// AppendJsonFast (json_print.h) against the printer it stands in for: google::protobuf::util::
// MessageToJsonString with the options of response_writer.cc's PrintMessage. Whatever the fast path
// prints must be those bytes exactly; whatever it does not handle it must decline, leaving `out` as
// it was. A differential test over every kinerja.v1 message type (random messages, fixed seed), one
// over a test-only type with every scalar kind, and targeted cases.
#include "gateway/transcoder/json_print.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <initializer_list>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/descriptor_database.h>
#include <google/protobuf/dynamic_message.h>
#include <google/protobuf/text_format.h>
#include <google/protobuf/timestamp.pb.h>
#include <google/protobuf/unknown_field_set.h>
#include <google/protobuf/util/json_util.h>

#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "google/rpc/error_details.pb.h"
#include "gtest/gtest.h"
#include "kinerja/v1/audit.pb.h"
#include "kinerja/v1/common.pb.h"
#include "kinerja/v1/diagnostics.pb.h"
#include "kinerja/v1/directory.pb.h"
#include "kinerja/v1/identity.pb.h"

namespace kinerja::transcoder {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::DescriptorPool;
using google::protobuf::DynamicMessageFactory;
using google::protobuf::FieldDescriptor;
using google::protobuf::FileDescriptor;
using google::protobuf::Message;
using google::protobuf::MessageFactory;
using google::protobuf::Reflection;

// What response_writer.cc's PrintMessage falls back to.
absl::StatusOr<std::string> ProtobufJson(const Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = false;
  options.always_print_primitive_fields = false;
  options.always_print_enums_as_ints = false;
  options.preserve_proto_field_names = false;
  std::string out;
  const auto status = google::protobuf::util::MessageToJsonString(message, &out, options);
  if (!status.ok()) return absl::InternalError(std::string(status.message()));
  return out;
}

// Takes the fast path (after a prefix that must survive) and checks the bytes against protobuf's.
void ExpectFastAndEqual(const Message& message) {
  const std::string prefix = "prefix\"{";
  std::string out = prefix;
  ASSERT_TRUE(AppendJsonFast(message, &out)) << message.ShortDebugString();
  const auto want = ProtobufJson(message);
  ASSERT_TRUE(want.ok()) << want.status();
  ASSERT_TRUE(absl::StartsWith(out, prefix)) << out;
  EXPECT_EQ(out.substr(prefix.size()), *want);
}

void ExpectDeclined(const Message& message) {
  const std::string prefix = "keep \"me\" as I am";
  std::string out = prefix;
  EXPECT_FALSE(AppendJsonFast(message, &out)) << message.ShortDebugString();
  EXPECT_EQ(out, prefix);
}

// ---------------------------------------------------------------------------------------------
// A test-only proto3 type with every scalar kind, a recursive field, an open enum with a negative
// value, proto3 optional, a oneof, a custom json_name, fields declared out of number order, and one
// field of each kind the fast path declines. Built at run time into its own pool.

constexpr char kAllTypesProto[] = R"pb(
  name: "kinerja_test/json_print_all.proto"
  package: "kinerja.test"
  syntax: "proto3"
  dependency: "google/protobuf/timestamp.proto"
  message_type {
    name: "All"
    field { name: "z_declared_first" number: 40 label: LABEL_OPTIONAL type: TYPE_STRING }
    field { name: "f_string" number: 1 label: LABEL_OPTIONAL type: TYPE_STRING }
    field { name: "f_bool" number: 2 label: LABEL_OPTIONAL type: TYPE_BOOL }
    field { name: "f_int32" number: 3 label: LABEL_OPTIONAL type: TYPE_INT32 }
    field { name: "f_sint32" number: 4 label: LABEL_OPTIONAL type: TYPE_SINT32 }
    field { name: "f_sfixed32" number: 5 label: LABEL_OPTIONAL type: TYPE_SFIXED32 }
    field { name: "f_uint32" number: 6 label: LABEL_OPTIONAL type: TYPE_UINT32 }
    field { name: "f_fixed32" number: 7 label: LABEL_OPTIONAL type: TYPE_FIXED32 }
    field { name: "f_int64" number: 8 label: LABEL_OPTIONAL type: TYPE_INT64 }
    field { name: "f_sint64" number: 9 label: LABEL_OPTIONAL type: TYPE_SINT64 }
    field { name: "f_sfixed64" number: 10 label: LABEL_OPTIONAL type: TYPE_SFIXED64 }
    field { name: "f_uint64" number: 11 label: LABEL_OPTIONAL type: TYPE_UINT64 }
    field { name: "f_fixed64" number: 12 label: LABEL_OPTIONAL type: TYPE_FIXED64 }
    field {
      name: "f_enum"
      number: 13
      label: LABEL_OPTIONAL
      type: TYPE_ENUM
      type_name: ".kinerja.test.Color"
    }
    field {
      name: "f_child"
      number: 14
      label: LABEL_OPTIONAL
      type: TYPE_MESSAGE
      type_name: ".kinerja.test.All"
    }
    field {
      name: "f_leaf"
      number: 15
      label: LABEL_OPTIONAL
      type: TYPE_MESSAGE
      type_name: ".kinerja.test.Leaf"
    }
    field { name: "r_string" number: 21 label: LABEL_REPEATED type: TYPE_STRING }
    field { name: "r_bool" number: 22 label: LABEL_REPEATED type: TYPE_BOOL }
    field { name: "r_int32" number: 23 label: LABEL_REPEATED type: TYPE_INT32 }
    field { name: "r_sint32" number: 24 label: LABEL_REPEATED type: TYPE_SINT32 }
    field { name: "r_sfixed32" number: 25 label: LABEL_REPEATED type: TYPE_SFIXED32 }
    field { name: "r_uint32" number: 26 label: LABEL_REPEATED type: TYPE_UINT32 }
    field { name: "r_fixed32" number: 27 label: LABEL_REPEATED type: TYPE_FIXED32 }
    field { name: "r_int64" number: 28 label: LABEL_REPEATED type: TYPE_INT64 }
    field { name: "r_sint64" number: 29 label: LABEL_REPEATED type: TYPE_SINT64 }
    field { name: "r_sfixed64" number: 30 label: LABEL_REPEATED type: TYPE_SFIXED64 }
    field { name: "r_uint64" number: 31 label: LABEL_REPEATED type: TYPE_UINT64 }
    field { name: "r_fixed64" number: 32 label: LABEL_REPEATED type: TYPE_FIXED64 }
    field {
      name: "r_enum"
      number: 33
      label: LABEL_REPEATED
      type: TYPE_ENUM
      type_name: ".kinerja.test.Color"
    }
    field {
      name: "r_child"
      number: 34
      label: LABEL_REPEATED
      type: TYPE_MESSAGE
      type_name: ".kinerja.test.All"
    }
    field {
      name: "r_leaf"
      number: 35
      label: LABEL_REPEATED
      type: TYPE_MESSAGE
      type_name: ".kinerja.test.Leaf"
    }
    field {
      name: "custom"
      number: 41
      label: LABEL_OPTIONAL
      type: TYPE_STRING
      json_name: "customKey_2"
    }
    field {
      name: "o_int32"
      number: 42
      label: LABEL_OPTIONAL
      type: TYPE_INT32
      oneof_index: 1
      proto3_optional: true
    }
    field { name: "one_string" number: 43 label: LABEL_OPTIONAL type: TYPE_STRING oneof_index: 0 }
    field { name: "one_int64" number: 44 label: LABEL_OPTIONAL type: TYPE_INT64 oneof_index: 0 }
    field {
      name: "one_leaf"
      number: 45
      label: LABEL_OPTIONAL
      type: TYPE_MESSAGE
      type_name: ".kinerja.test.Leaf"
      oneof_index: 0
    }
    field { name: "f_bytes" number: 50 label: LABEL_OPTIONAL type: TYPE_BYTES }
    field { name: "f_double" number: 51 label: LABEL_OPTIONAL type: TYPE_DOUBLE }
    field { name: "f_float" number: 52 label: LABEL_OPTIONAL type: TYPE_FLOAT }
    field { name: "r_double" number: 53 label: LABEL_REPEATED type: TYPE_DOUBLE }
    field {
      name: "f_time"
      number: 54
      label: LABEL_OPTIONAL
      type: TYPE_MESSAGE
      type_name: ".google.protobuf.Timestamp"
    }
    field {
      name: "f_map"
      number: 55
      label: LABEL_REPEATED
      type: TYPE_MESSAGE
      type_name: ".kinerja.test.All.FMapEntry"
    }
    nested_type {
      name: "FMapEntry"
      field { name: "key" number: 1 label: LABEL_OPTIONAL type: TYPE_STRING }
      field { name: "value" number: 2 label: LABEL_OPTIONAL type: TYPE_INT32 }
      options { map_entry: true }
    }
    oneof_decl { name: "choice" }
    oneof_decl { name: "_o_int32" }
  }
  message_type {
    name: "Leaf"
    field { name: "text" number: 1 label: LABEL_OPTIONAL type: TYPE_STRING }
    field { name: "n" number: 2 label: LABEL_OPTIONAL type: TYPE_INT64 }
    field {
      name: "color"
      number: 3
      label: LABEL_OPTIONAL
      type: TYPE_ENUM
      type_name: ".kinerja.test.Color"
    }
  }
  enum_type {
    name: "Color"
    value { name: "COLOR_UNSPECIFIED" number: 0 }
    value { name: "RED" number: 1 }
    value { name: "BLUE" number: 2 }
    value { name: "NEGATIVE" number: -1 }
    value { name: "BIG" number: 2147483647 }
  }
)pb";

constexpr char kProto2File[] = R"pb(
  name: "kinerja_test/json_print_p2.proto"
  package: "kinerja.test"
  syntax: "proto2"
  message_type {
    name: "P2"
    field { name: "x" number: 1 label: LABEL_OPTIONAL type: TYPE_INT32 }
  }
)pb";

struct TestTypes {
  DescriptorPool pool;
  mutable DynamicMessageFactory factory{&pool};
  const Descriptor* all = nullptr;
  const Descriptor* p2 = nullptr;
};

const TestTypes& Types() {
  static const TestTypes* const types = [] {
    auto* t = new TestTypes;
    google::protobuf::FileDescriptorProto timestamp, all, p2;
    google::protobuf::Timestamp::descriptor()->file()->CopyTo(&timestamp);
    EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(kAllTypesProto, &all));
    EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(kProto2File, &p2));
    EXPECT_NE(t->pool.BuildFile(timestamp), nullptr);
    EXPECT_NE(t->pool.BuildFile(all), nullptr);
    EXPECT_NE(t->pool.BuildFile(p2), nullptr);
    t->all = t->pool.FindMessageTypeByName("kinerja.test.All");
    t->p2 = t->pool.FindMessageTypeByName("kinerja.test.P2");
    EXPECT_NE(t->all, nullptr);
    EXPECT_NE(t->p2, nullptr);
    return t;
  }();
  return *types;
}

std::unique_ptr<Message> NewAll() {
  return std::unique_ptr<Message>(Types().factory.GetPrototype(Types().all)->New());
}

const FieldDescriptor* F(const Message& m, absl::string_view name) {
  const FieldDescriptor* f = m.GetDescriptor()->FindFieldByName(std::string(name));
  EXPECT_NE(f, nullptr) << name;
  return f;
}

// ---------------------------------------------------------------------------------------------
// Random content, from a fixed seed (std::mt19937_64 is fully specified; only `% n` is used on it).

void AppendUtf8(uint32_t cp, std::string* s) {
  if (cp < 0x80) {
    s->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    s->push_back(static_cast<char>(0xc0 | (cp >> 6)));
    s->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else if (cp < 0x10000) {
    s->push_back(static_cast<char>(0xe0 | (cp >> 12)));
    s->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
    s->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else {
    s->push_back(static_cast<char>(0xf0 | (cp >> 18)));
    s->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3f)));
    s->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
    s->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  }
}

// Every code point json_print.cc (after protobuf's JsonEscaping) escapes, each range's neighbours,
// and other invisible or bidi code points it does not list (U+061C, U+2066..2069, U+180E, ...).
std::vector<uint32_t> SpecialCodePoints() {
  const std::pair<uint32_t, uint32_t> ranges[] = {
      {0x00, 0x20},       {0x22, 0x22},       {0x26, 0x27},       {0x2f, 0x2f},
      {0x3c, 0x3e},       {0x5c, 0x5c},       {0x7e, 0x81},       {0x85, 0x85},
      {0x9e, 0xa1},       {0xac, 0xae},       {0xe9, 0xe9},       {0x5ff, 0x604},
      {0x61c, 0x61c},     {0x6dc, 0x6de},     {0x70e, 0x710},     {0x17b3, 0x17b6},
      {0x180e, 0x180e},   {0x200a, 0x2010},   {0x2027, 0x202f},   {0x205f, 0x2070},
      {0xd7ff, 0xd7ff},   {0xe000, 0xe000},   {0xfefe, 0xff00},   {0xfff8, 0xffff},
      {0x10000, 0x10000}, {0x1d172, 0x1d17b}, {0x1f1e9, 0x1f1ee}, {0x1f600, 0x1f64f},
      {0xe0000, 0xe0002}, {0xe001f, 0xe0021}, {0xe007e, 0xe0080}, {0x10fffe, 0x10ffff},
  };
  std::vector<uint32_t> out;
  for (const auto& [lo, hi] : ranges) {
    for (uint32_t cp = lo; cp <= hi; ++cp) out.push_back(cp);
  }
  return out;
}

// Byte sequences that are not shortest-form UTF-8; each is followed by 'x' so that two of them in a
// row never make a valid sequence.
constexpr const char* kInvalidUtf8[] = {
    "\x80",
    "\xbf",
    "\xc0\x80",
    "\xc1\xbf",
    "\xe0\x80\x80",
    "\xe0\x9f\xbf",
    "\xed\xa0\x80",
    "\xed\xbf\xbf",
    "\xf0\x80\x80\x80",
    "\xf4\x90\x80\x80",
    "\xf5\x80\x80\x80",
    "\xf8\x88\x80\x80\x80",
    "\xfe",
    "\xff",
    "\xc3",
    "\xe2\x82",
    "\xf0\x9f\x98",
};

constexpr const char* kIndonesian[] = {
    "Dinas Komunikasi, Informatika, Statistik dan Persandian",
    "Badan Kepegawaian & Pengembangan Sumber Daya Manusia",
    "Budi Santoso, S.Kom.",
    "Dr. Siti Nur'aini, M.Si.",
    "Pranata Komputer Ahli Pertama",
    "Kecamatan Tanjung Priok <Jakarta Utara>",
    "Jl. Merdeka No. 5, RT 01/RW 02",
    "pegawai \"non-ASN\" \\ honorer",
};

constexpr const char* kEmoji[] = {
    "\xf0\x9f\x98\x80",                              // U+1F600
    "\xf0\x9f\x87\xae\xf0\x9f\x87\xa9",              // flag of Indonesia
    "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd",              // thumbs up, skin tone
    "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x92\xbb",  // technologist: a ZWJ sequence
    "\xf0\x9f\x8e\x89",                              // U+1F389
};

class Random {
 public:
  explicit Random(uint64_t seed) : rng_(seed) {}

  uint64_t Bits() { return rng_(); }
  int Below(int n) { return static_cast<int>(rng_() % static_cast<uint64_t>(n)); }
  bool OneIn(int n) { return Below(n) == 0; }

  // Strings take an invalid UTF-8 piece one time in `n` where they might (never when 0).
  void set_invalid_one_in(int n) { invalid_one_in_ = n; }

  // A string, and whether it is valid UTF-8.
  std::string String(bool* valid) {
    static const std::vector<uint32_t> special = SpecialCodePoints();
    std::string s;
    const int pieces = OneIn(8) ? 0 : Below(10);
    for (int i = 0; i < pieces; ++i) {
      switch (Below(9)) {
        case 0:
        case 1:
          for (int k = Below(8); k >= 0; --k) s.push_back(static_cast<char>(0x20 + Below(95)));
          break;
        case 2:
          AppendUtf8(special[Below(static_cast<int>(special.size()))], &s);
          break;
        case 3:
          s += kIndonesian[Below(sizeof(kIndonesian) / sizeof(kIndonesian[0]))];
          break;
        case 4:
          s += kEmoji[Below(sizeof(kEmoji) / sizeof(kEmoji[0]))];
          break;
        case 5: {  // any scalar value
          uint32_t cp;
          do {
            cp = static_cast<uint32_t>(Below(0x110000));
          } while (cp >= 0xd800 && cp <= 0xdfff);
          AppendUtf8(cp, &s);
          break;
        }
        case 6:  // any ASCII byte, controls and DEL included
          s.push_back(static_cast<char>(Below(128)));
          break;
        case 7:  // two-byte sequences: Latin-1 and the C1 controls
          AppendUtf8(0x80 + static_cast<uint32_t>(Below(0x780)), &s);
          break;
        default:
          if (invalid_one_in_ > 0 && OneIn(invalid_one_in_)) {
            s += kInvalidUtf8[Below(sizeof(kInvalidUtf8) / sizeof(kInvalidUtf8[0]))];
            s.push_back('x');
            *valid = false;
          } else {
            s.push_back(static_cast<char>('a' + Below(26)));
          }
      }
    }
    return s;
  }

  int64_t Int() {
    switch (Below(10)) {
      case 0:
        return 0;
      case 1:
        return -1;
      case 2:
        return std::numeric_limits<int64_t>::min();
      case 3:
        return std::numeric_limits<int64_t>::max();
      case 4:
        return std::numeric_limits<int32_t>::min();
      case 5:
        return std::numeric_limits<int32_t>::max();
      case 6:
        return int64_t{1} << 53;
      case 7:
        return Below(200) - 100;
      default:
        return static_cast<int64_t>(Bits());
    }
  }

  // A known value of the enum, or a number it does not name (proto3 enums are open).
  int Enum(const google::protobuf::EnumDescriptor* e) {
    if (OneIn(4)) {
      constexpr int kUnknown[] = {7,
                                  99,
                                  1000,
                                  -5,
                                  std::numeric_limits<int32_t>::max() - 1,
                                  std::numeric_limits<int32_t>::min()};
      const int v = kUnknown[Below(sizeof(kUnknown) / sizeof(kUnknown[0]))];
      if (e->FindValueByNumber(v) == nullptr) return v;
    }
    return e->value(Below(e->value_count()))->number();
  }

 private:
  std::mt19937_64 rng_;
  int invalid_one_in_ = 0;
};

// Fills `m` at random. Clears *printable when it puts in anything the fast path must decline: a
// non-default bytes, float or double, a map entry, a well-known type, a string not valid UTF-8.
// Fields of the first four kinds are set one time in `decline_one_in`, never when it is 0.
void Fill(Random& rnd, Message* m, int depth, int decline_one_in, bool* printable) {
  const Descriptor* d = m->GetDescriptor();
  const Reflection* r = m->GetReflection();
  for (int i = 0; i < d->field_count(); ++i) {
    const FieldDescriptor* f = d->field(i);
    const bool declines = f->is_map() || f->type() == FieldDescriptor::TYPE_BYTES ||
                          f->cpp_type() == FieldDescriptor::CPPTYPE_DOUBLE ||
                          f->cpp_type() == FieldDescriptor::CPPTYPE_FLOAT ||
                          (f->message_type() != nullptr &&
                           absl::StartsWith(f->message_type()->full_name(), "google.protobuf."));
    if (declines ? decline_one_in == 0 || !rnd.OneIn(decline_one_in) : rnd.OneIn(3)) continue;
    if (const auto* oneof = f->real_containing_oneof();
        oneof != nullptr && r->HasOneof(*m, oneof)) {
      continue;  // setting another member would clear the one already set
    }
    const bool rep = f->is_repeated();
    int n = 1;
    if (rep) {
      constexpr int kCounts[] = {0, 1, 1, 2, 3, 5};
      n = kCounts[rnd.Below(6)];
      if (f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE && depth >= 2) n = std::min(n, 1);
    }
    for (int k = 0; k < n; ++k) {
      switch (f->cpp_type()) {
        case FieldDescriptor::CPPTYPE_STRING: {
          std::string v;
          if (f->type() == FieldDescriptor::TYPE_BYTES) {
            v = std::string("\x01\xff\"", 3);
            *printable = false;
          } else {
            v = rnd.String(printable);
          }
          rep ? r->AddString(m, f, v) : r->SetString(m, f, v);
          break;
        }
        case FieldDescriptor::CPPTYPE_BOOL: {
          const bool v = rnd.OneIn(2);
          rep ? r->AddBool(m, f, v) : r->SetBool(m, f, v);
          break;
        }
        case FieldDescriptor::CPPTYPE_INT32: {
          const auto v = static_cast<int32_t>(rnd.Int());
          rep ? r->AddInt32(m, f, v) : r->SetInt32(m, f, v);
          break;
        }
        case FieldDescriptor::CPPTYPE_UINT32: {
          const auto v = static_cast<uint32_t>(rnd.Int());
          rep ? r->AddUInt32(m, f, v) : r->SetUInt32(m, f, v);
          break;
        }
        case FieldDescriptor::CPPTYPE_INT64: {
          const int64_t v = rnd.Int();
          rep ? r->AddInt64(m, f, v) : r->SetInt64(m, f, v);
          break;
        }
        case FieldDescriptor::CPPTYPE_UINT64: {
          const auto v = static_cast<uint64_t>(rnd.Int());
          rep ? r->AddUInt64(m, f, v) : r->SetUInt64(m, f, v);
          break;
        }
        case FieldDescriptor::CPPTYPE_FLOAT:
          rep ? r->AddFloat(m, f, 1.5f) : r->SetFloat(m, f, 1.5f);
          *printable = false;
          break;
        case FieldDescriptor::CPPTYPE_DOUBLE:
          rep ? r->AddDouble(m, f, 0.1) : r->SetDouble(m, f, 0.1);
          *printable = false;
          break;
        case FieldDescriptor::CPPTYPE_ENUM: {
          const int v = rnd.Enum(f->enum_type());
          rep ? r->AddEnumValue(m, f, v) : r->SetEnumValue(m, f, v);
          break;
        }
        case FieldDescriptor::CPPTYPE_MESSAGE: {
          const Descriptor* type = f->message_type();
          if (declines) {  // a map entry or a well-known type: present, whatever is in it
            Message* sub = rep ? r->AddMessage(m, f) : r->MutableMessage(m, f);
            if (f->is_map() || type->full_name() == "google.protobuf.Timestamp" ||
                type->full_name() == "google.protobuf.Duration") {
              bool ignored = true;
              Fill(rnd, sub, depth + 1, 0, &ignored);
            }
            *printable = false;
            break;
          }
          if (depth >= 4) break;
          Message* sub = rep ? r->AddMessage(m, f) : r->MutableMessage(m, f);
          if (!rnd.OneIn(6))
            Fill(rnd, sub, depth + 1, decline_one_in, printable);  // else present and empty
          break;
        }
      }
    }
  }
}

// Whether any field of `type` (or of a message type under it) is of a kind the fast path declines.
bool HasDecliningField(const Descriptor* type, std::vector<const Descriptor*>* seen) {
  for (const Descriptor* s : *seen) {
    if (s == type) return false;
  }
  seen->push_back(type);
  for (int i = 0; i < type->field_count(); ++i) {
    const FieldDescriptor* f = type->field(i);
    if (f->is_map() || f->type() == FieldDescriptor::TYPE_BYTES ||
        f->cpp_type() == FieldDescriptor::CPPTYPE_DOUBLE ||
        f->cpp_type() == FieldDescriptor::CPPTYPE_FLOAT) {
      return true;
    }
    if (f->message_type() != nullptr &&
        (absl::StartsWith(f->message_type()->full_name(), "google.protobuf.") ||
         HasDecliningField(f->message_type(), seen))) {
      return true;
    }
  }
  return false;
}

void CollectTypes(const Descriptor* type, std::vector<const Descriptor*>* out) {
  if (type->options().map_entry()) return;
  out->push_back(type);
  for (int i = 0; i < type->nested_type_count(); ++i) CollectTypes(type->nested_type(i), out);
}

// Every message type of the kinerja/v1 files in the generated pool.
std::vector<const Descriptor*> KinerjaTypes() {
  std::vector<std::string> files;
  DescriptorPool::internal_generated_database()->FindAllFileNames(&files);
  std::vector<const Descriptor*> types;
  for (const std::string& name : files) {
    if (!absl::StartsWith(name, "kinerja/v1/")) continue;
    const FileDescriptor* file = DescriptorPool::generated_pool()->FindFileByName(name);
    EXPECT_NE(file, nullptr) << name;
    if (file == nullptr) continue;
    for (int i = 0; i < file->message_type_count(); ++i)
      CollectTypes(file->message_type(i), &types);
  }
  return types;
}

struct Tally {
  int checked = 0;
  int fast = 0;
  int mismatches = 0;
  int wrong_decisions = 0;
};

// One random message: the fast path must take it exactly when Fill put in nothing it declines, and
// then print protobuf's bytes after the prefix; when it declines, the prefix must be all there is.
void CheckOne(Random& rnd, const Message& prototype, Tally* tally) {
  std::unique_ptr<Message> m(prototype.New());
  bool printable = true;
  // A third of the messages hold only what the fast path takes; a third may hold fields of the
  // kinds it declines; a third may hold strings that are not UTF-8.
  const int mode = rnd.Below(3);
  rnd.set_invalid_one_in(mode == 2 ? 10 : 0);
  Fill(rnd, m.get(), 0, mode == 1 ? 6 : 0, &printable);
  const std::string prefix = rnd.OneIn(2) ? "" : "[{\"x\":1},";
  std::string out = prefix;
  const bool fast = AppendJsonFast(*m, &out);
  ++tally->checked;
  if (fast != printable) {
    if (++tally->wrong_decisions <= 5) {
      ADD_FAILURE() << prototype.GetDescriptor()->full_name() << ": AppendJsonFast returned "
                    << fast << ", expected " << printable << " for " << m->ShortDebugString();
    }
  }
  if (!fast) {
    EXPECT_EQ(out, prefix);
    return;
  }
  ++tally->fast;
  const auto want = ProtobufJson(*m);
  if (!want.ok() || out != prefix + *want) {
    if (++tally->mismatches <= 10) {
      ADD_FAILURE() << "mismatch for " << prototype.GetDescriptor()->full_name() << " "
                    << m->ShortDebugString()
                    << "\n protobuf: " << (want.ok() ? *want : want.status().ToString())
                    << "\n fast:     " << out;
    }
  }
}

TEST(JsonPrintDifferentialTest, EveryKinerjaTypeMatchesProtobuf) {
  const auto start = std::chrono::steady_clock::now();
  const std::vector<const Descriptor*> types = KinerjaTypes();
  ASSERT_GE(types.size(), 60u);  // 66 when this was written
  Random rnd(20240615);
  DynamicMessageFactory dynamic;
  Tally tally;
  int plain_checked = 0, plain_fast = 0;  // types with no map, bytes, float, double or WKT field
  int plain_types = 0;
  bool found_employee = false;
  for (const Descriptor* type : types) {
    found_employee |= type->full_name() == "kinerja.v1.Employee";
    std::vector<const Descriptor*> seen;
    const bool plain = !HasDecliningField(type, &seen);
    plain_types += plain;
    const Tally before = tally;
    for (int i = 0; i < 50; ++i) {
      // Generated classes and DynamicMessage reflect differently: both are taken through.
      const Message* prototype = i % 4 == 3
                                     ? dynamic.GetPrototype(type)
                                     : MessageFactory::generated_factory()->GetPrototype(type);
      ASSERT_NE(prototype, nullptr) << type->full_name();
      CheckOne(rnd, *prototype, &tally);
    }
    if (plain) {
      plain_checked += tally.checked - before.checked;
      plain_fast += tally.fast - before.fast;
      EXPECT_GT(tally.fast - before.fast, 30) << type->full_name() << " hardly takes the fast path";
    }
  }
  EXPECT_TRUE(found_employee);
  EXPECT_EQ(tally.mismatches, 0);
  EXPECT_EQ(tally.wrong_decisions, 0);
  // Most messages of the plain types have nothing the fast path declines (an invalid UTF-8 string
  // now and then), so most must take it.
  EXPECT_GE(plain_fast * 10, plain_checked * 8) << plain_fast << " of " << plain_checked;
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf(
      "[ kinerja.v1 ] %zu types (%d plain), %d messages, %d fast (%d of %d plain), "
      "%d mismatches, %.2f s\n",
      types.size(), plain_types, tally.checked, tally.fast, plain_fast, plain_checked,
      tally.mismatches, seconds);
}

TEST(JsonPrintDifferentialTest, EveryScalarKindMatchesProtobuf) {
  const auto start = std::chrono::steady_clock::now();
  Random rnd(7);
  auto prototype = NewAll();
  Tally tally;
  for (int i = 0; i < 3000; ++i) CheckOne(rnd, *prototype, &tally);
  EXPECT_EQ(tally.mismatches, 0);
  EXPECT_EQ(tally.wrong_decisions, 0);
  EXPECT_GE(tally.fast * 3, tally.checked) << tally.fast << " of " << tally.checked;
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("[ kinerja.test.All ] %d messages, %d fast, %d mismatches, %.2f s\n", tally.checked,
              tally.fast, tally.mismatches, seconds);
}

// ---------------------------------------------------------------------------------------------
// Targeted cases.

kinerja::v1::Employee FullEmployee() {
  kinerja::v1::Employee e;
  e.set_name("employees/199003152015031002");
  e.set_nip("199003152015031002");
  e.set_full_name("Budi Santoso, S.Kom. <\"Pak Budi\"> \xf0\x9f\x98\x80 caf\xc3\xa9");
  e.set_employee_type(kinerja::v1::PPPK);
  e.set_status(kinerja::v1::INACTIVE);
  kinerja::v1::Assignment* a = e.mutable_current_assignment();
  a->set_employee("199003152015031002");
  a->set_position("P-001");
  a->set_position_title("Pranata Komputer Ahli Pertama");
  a->set_position_kind(kinerja::v1::FUNGSIONAL);
  a->set_opd("DISKOMINFO");
  a->set_unit("UNIT-1");
  a->mutable_start_date()->set_year(2015);
  a->mutable_start_date()->set_month(3);
  a->mutable_start_date()->set_day(1);
  a->mutable_end_date()->set_year(9999);
  a->mutable_end_date()->set_month(12);
  a->mutable_end_date()->set_day(31);
  a->set_reason(kinerja::v1::PROMOSI);
  e.set_etag("W/\"abc123\"");
  return e;
}

TEST(JsonPrintTest, EmployeeWithEveryFieldMatchesProtobuf) {
  ExpectFastAndEqual(FullEmployee());
  std::string out;
  ASSERT_TRUE(AppendJsonFast(FullEmployee(), &out));
  EXPECT_EQ(
      out,
      "{\"name\":\"employees/199003152015031002\",\"nip\":\"199003152015031002\","
      "\"fullName\":\"Budi Santoso, S.Kom. \\u003c\\\"Pak Budi\\\"\\u003e \xf0\x9f\x98\x80 "
      "caf\xc3\xa9\",\"employeeType\":\"PPPK\",\"status\":\"INACTIVE\","
      "\"currentAssignment\":{\"employee\":\"199003152015031002\",\"position\":\"P-001\","
      "\"positionTitle\":\"Pranata Komputer Ahli Pertama\",\"positionKind\":\"FUNGSIONAL\","
      "\"opd\":\"DISKOMINFO\",\"unit\":\"UNIT-1\",\"startDate\":{\"year\":2015,\"month\":3,"
      "\"day\":1},\"endDate\":{\"year\":9999,\"month\":12,\"day\":31},\"reason\":\"PROMOSI\"},"
      "\"etag\":\"W/\\\"abc123\\\"\"}");
}

TEST(JsonPrintTest, OpdWithEveryFieldMatchesProtobuf) {
  kinerja::v1::Opd opd;
  opd.set_name("opds/DISKOMINFO");
  opd.set_code("DISKOMINFO");
  opd.set_display_name("Dinas Komunikasi, Informatika, Statistik dan Persandian");
  opd.set_kind("DINAS");
  opd.set_has_revenue_target(true);
  opd.set_etag("W/\"1\"");
  ExpectFastAndEqual(opd);
  kinerja::v1::ListOpdsResponse list;
  *list.add_opds() = opd;
  list.add_opds();  // an empty element prints as {}
  *list.add_opds() = opd;
  list.set_next_page_token("abc");
  ExpectFastAndEqual(list);
}

TEST(JsonPrintTest, EveryScalarKindAtItsExtremesMatchesProtobuf) {
  for (const bool low : {true, false}) {
    auto m = NewAll();
    const Reflection* r = m->GetReflection();
    const int64_t i64 =
        low ? std::numeric_limits<int64_t>::min() : std::numeric_limits<int64_t>::max();
    const int32_t i32 =
        low ? std::numeric_limits<int32_t>::min() : std::numeric_limits<int32_t>::max();
    const uint64_t u64 = low ? 1 : std::numeric_limits<uint64_t>::max();
    const uint32_t u32 = low ? 1 : std::numeric_limits<uint32_t>::max();
    r->SetString(m.get(), F(*m, "z_declared_first"), "declared first, number 40");
    r->SetString(m.get(), F(*m, "f_string"), "Kota Bandung \xe2\x80\xa8 \xef\xbb\xbf");
    r->SetBool(m.get(), F(*m, "f_bool"), true);
    for (const char* name : {"f_int32", "f_sint32", "f_sfixed32"})
      r->SetInt32(m.get(), F(*m, name), i32);
    for (const char* name : {"f_uint32", "f_fixed32"}) r->SetUInt32(m.get(), F(*m, name), u32);
    for (const char* name : {"f_int64", "f_sint64", "f_sfixed64"})
      r->SetInt64(m.get(), F(*m, name), i64);
    for (const char* name : {"f_uint64", "f_fixed64"}) r->SetUInt64(m.get(), F(*m, name), u64);
    r->SetEnumValue(m.get(), F(*m, "f_enum"), low ? -1 : std::numeric_limits<int32_t>::max());
    r->AddString(m.get(), F(*m, "r_string"), "");
    r->AddString(m.get(), F(*m, "r_string"), "b");
    for (const char* name : {"r_int32", "r_sint32", "r_sfixed32"}) {
      r->AddInt32(m.get(), F(*m, name), i32);
      r->AddInt32(m.get(), F(*m, name), 0);
    }
    for (const char* name : {"r_int64", "r_sint64", "r_sfixed64"}) {
      r->AddInt64(m.get(), F(*m, name), i64);
      r->AddInt64(m.get(), F(*m, name), -1);
    }
    for (const char* name : {"r_uint64", "r_fixed64"}) r->AddUInt64(m.get(), F(*m, name), u64);
    for (const char* name : {"r_uint32", "r_fixed32"}) r->AddUInt32(m.get(), F(*m, name), u32);
    r->AddBool(m.get(), F(*m, "r_bool"), false);
    r->AddEnumValue(m.get(), F(*m, "r_enum"), 0);
    r->AddEnumValue(m.get(), F(*m, "r_enum"), 12345);  // unknown: printed as a number
    r->AddEnumValue(m.get(), F(*m, "r_enum"), -77);
    r->SetString(m.get(), F(*m, "custom"), "json_name");
    r->SetInt32(m.get(), F(*m, "o_int32"), 0);  // proto3 optional: present although zero
    if (low) {
      r->SetInt64(m.get(), F(*m, "one_int64"), 0);  // a oneof member: present although zero
    } else {
      r->MutableMessage(m.get(), F(*m, "one_leaf"));
    }
    ExpectFastAndEqual(*m);
  }
}

TEST(JsonPrintTest, UnknownEnumNumbersMatchProtobuf) {
  kinerja::v1::Position p;
  for (const int v :
       {6, 100, -1, std::numeric_limits<int32_t>::min(), std::numeric_limits<int32_t>::max()}) {
    p.set_kind(static_cast<kinerja::v1::PositionKind>(v));
    ExpectFastAndEqual(p);
  }
}

TEST(JsonPrintTest, DefaultValuesAreLeftOut) {
  kinerja::v1::Employee e;
  e.set_name("");
  e.set_employee_type(kinerja::v1::EMPLOYEE_TYPE_UNSPECIFIED);
  kinerja::v1::ImportEmployeesResponse r;
  r.set_rows(0);
  r.set_applied(false);
  for (const Message* m : std::initializer_list<const Message*>{&e, &r}) {
    std::string out;
    ASSERT_TRUE(AppendJsonFast(*m, &out));
    EXPECT_EQ(out, "{}");
    ExpectFastAndEqual(*m);
  }
}

TEST(JsonPrintTest, EscapesEveryCodePointAsProtobuf) {
  // All of Unicode but the surrogates, in one string: each code point escaped or not as protobuf.
  kinerja::v1::PingResponse ping;
  std::string* s = ping.mutable_payload();
  for (uint32_t cp = 0; cp <= 0x10ffff; ++cp) {
    if (cp < 0xd800 || cp > 0xdfff) AppendUtf8(cp, s);
  }
  std::string fast;
  ASSERT_TRUE(AppendJsonFast(ping, &fast));
  const auto want = ProtobufJson(ping);
  ASSERT_TRUE(want.ok()) << want.status();
  if (fast != *want) {  // 4 MB each: show where they part, not all of it
    size_t at = 0;
    while (at < fast.size() && at < want->size() && fast[at] == (*want)[at]) ++at;
    const size_t from = at < 40 ? 0 : at - 40;
    ADD_FAILURE() << "first difference at byte " << at << "\n protobuf: ..."
                  << want->substr(from, 80) << "\n fast:     ..." << fast.substr(from, 80);
  }
}

TEST(JsonPrintTest, InvalidUtf8Declines) {
  kinerja::v1::PingResponse ping;
  for (const char* bad : kInvalidUtf8) {
    ping.set_payload(absl::StrCat("ok ", bad, "x"));
    ExpectDeclined(ping);
    ping.set_payload(absl::StrCat("end ", bad));  // also cut off at the end of the string
    ExpectDeclined(ping);
  }
}

TEST(JsonPrintTest, UnknownFieldsAreLeftOutAsProtobufDoes) {
  kinerja::v1::Opd opd;
  opd.set_code("DISKOMINFO");
  opd.GetReflection()->MutableUnknownFields(&opd)->AddVarint(99, 5);
  opd.GetReflection()->MutableUnknownFields(&opd)->AddLengthDelimited(100, "x");
  ExpectFastAndEqual(opd);
}

TEST(JsonPrintTest, DeclinesTimestamp) {
  kinerja::v1::Account account;
  account.set_name("accounts/199003152015031002");
  account.set_display_name("Budi");
  account.mutable_locked_until()->set_seconds(1700000000);  // field 6, after the strings
  ExpectDeclined(account);
  account.clear_locked_until();
  ExpectFastAndEqual(account);

  kinerja::v1::ListAuditEventsResponse events;
  events.set_next_page_token("t");
  events.add_audit_events()->set_actor("accounts/x");
  ExpectFastAndEqual(events);
  events.add_audit_events()->mutable_time();  // present though empty
  ExpectDeclined(events);

  ExpectDeclined(google::protobuf::Timestamp());  // a well-known type itself
}

TEST(JsonPrintTest, DeclinesFieldMask) {
  kinerja::v1::UpdatePositionRequest request;
  request.mutable_position()->set_title("Kepala Bidang");
  ExpectFastAndEqual(request);
  request.mutable_update_mask()->add_paths("title");
  ExpectDeclined(request);
}

TEST(JsonPrintTest, DeclinesMap) {
  google::rpc::ErrorInfo info;
  info.set_reason("QUOTA");
  ExpectFastAndEqual(info);
  (*info.mutable_metadata())["k"] = "v";
  ExpectDeclined(info);

  auto m = NewAll();
  m->GetReflection()->SetString(m.get(), F(*m, "f_string"), "s");
  Message* entry = m->GetReflection()->AddMessage(m.get(), F(*m, "f_map"));
  entry->GetReflection()->SetString(entry, F(*entry, "key"), "k");
  ExpectDeclined(*m);
}

TEST(JsonPrintTest, DeclinesBytes) {
  kinerja::v1::ImportEmployeesRequest request;
  request.set_validate_only(true);
  ExpectFastAndEqual(request);
  request.set_csv("nip,nama\n");
  ExpectDeclined(request);
}

TEST(JsonPrintTest, DeclinesDoubleAndFloat) {
  for (const char* name : {"f_double", "f_float", "r_double"}) {
    auto m = NewAll();
    const Reflection* r = m->GetReflection();
    r->SetString(m.get(), F(*m, "f_string"), "s");
    ExpectFastAndEqual(*m);
    const FieldDescriptor* f = F(*m, name);
    if (f->is_repeated()) {
      r->AddDouble(m.get(), f, 0.0);
    } else if (f->cpp_type() == FieldDescriptor::CPPTYPE_DOUBLE) {
      r->SetDouble(m.get(), f, 2.5);
    } else {
      r->SetFloat(m.get(), f, 2.5f);
    }
    ExpectDeclined(*m);
    // The same, one level down.
    auto outer = NewAll();
    outer->GetReflection()->MutableMessage(outer.get(), F(*outer, "f_child"))->CopyFrom(*m);
    ExpectDeclined(*outer);
  }
}

TEST(JsonPrintTest, DeclinesProto2) {
  std::unique_ptr<Message> m(Types().factory.GetPrototype(Types().p2)->New());
  ExpectDeclined(*m);
  m->GetReflection()->SetInt32(m.get(), F(*m, "x"), 1);
  ExpectDeclined(*m);
}

TEST(JsonPrintTest, AppendsAfterExistingContent) {
  std::string out = "data: ";
  ASSERT_TRUE(AppendJsonFast(kinerja::v1::PingResponse(), &out));
  EXPECT_EQ(out, "data: {}");
  kinerja::v1::PingResponse ping;
  ping.set_payload("pong");
  ASSERT_TRUE(AppendJsonFast(ping, &out));
  EXPECT_EQ(out, "data: {}{\"payload\":\"pong\"}");
}

// A chain of `levels` messages below the top one, through f_child.
std::unique_ptr<Message> Nested(int levels) {
  auto top = NewAll();
  Message* m = top.get();
  for (int i = 0; i < levels; ++i) {
    m->GetReflection()->SetInt32(m, F(*m, "f_int32"), i);
    m = m->GetReflection()->MutableMessage(m, F(*m, "f_child"));
  }
  m->GetReflection()->SetString(m, F(*m, "f_string"), "bottom");
  return top;
}

TEST(JsonPrintTest, DeepNestingDeclines) {
  ExpectFastAndEqual(*Nested(20));
  ExpectFastAndEqual(*Nested(32));  // the documented limit: nested at most 32 deep
  ExpectDeclined(*Nested(33));
  ExpectDeclined(*Nested(60));
}

}  // namespace
}  // namespace kinerja::transcoder
