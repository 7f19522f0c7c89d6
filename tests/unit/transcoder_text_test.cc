// The transcoder's text helpers: percent-decoding, UTF-8, query strings, JSON shape, and field values
// read from URL text.
#include <string>

#include <google/protobuf/field_mask.pb.h>
#include <google/protobuf/timestamp.pb.h>
#include <google/protobuf/wrappers.pb.h>

#include "gateway/transcoder/field_text.h"
#include "gateway/transcoder/json_shape.h"
#include "gateway/transcoder/query_params.h"
#include "gateway/transcoder/url_encoding.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "kinerja/v1/audit.pb.h"
#include "kinerja/v1/directory.pb.h"

namespace kinerja::transcoder {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;

TEST(PercentDecodeTest, Modes) {
  EXPECT_EQ(*PercentDecode("a%20b%2Fc+d", PercentDecoding::kFull), "a b/c+d");
  EXPECT_EQ(*PercentDecode("a%20b%2Fc%2fd", PercentDecoding::kKeepSlash), "a b%2Fc%2fd");
  EXPECT_EQ(*PercentDecode("a+b%2B", PercentDecoding::kQueryComponent), "a b+");
  EXPECT_EQ(*PercentDecode("%00", PercentDecoding::kFull), std::string(1, '\0'));
  for (const char* bad : {"%", "%4", "%zz", "abc%g1"}) {
    EXPECT_EQ(PercentDecode(bad, PercentDecoding::kFull).status().code(),
              absl::StatusCode::kInvalidArgument)
        << bad;
    EXPECT_FALSE(HasValidPercentEscapes(bad)) << bad;
  }
  EXPECT_TRUE(HasValidPercentEscapes("/v1/a%2Fb%c3%a9"));
}

TEST(Utf8Test, AcceptsWellFormedOnly) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("Kepala Dinas"));
  EXPECT_TRUE(IsValidUtf8("\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80"));  // é € 😀
  EXPECT_FALSE(IsValidUtf8("\xFF"));
  EXPECT_FALSE(IsValidUtf8("\xC3"));              // truncated
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xE0\x80\xAF"));      // overlong
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
}

TEST(Utf8Test, ToValidUtf8ReplacesBadBytes) {
  EXPECT_EQ(ToValidUtf8("caf\xC3\xA9"), "caf\xC3\xA9");
  EXPECT_EQ(ToValidUtf8("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(ToValidUtf8("\xC3"), "\xEF\xBF\xBD");
  EXPECT_EQ(ToValidUtf8("\xE2\x82"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_TRUE(IsValidUtf8(ToValidUtf8("\xED\xA0\x80\xF0\x9F\x98\x80\xC0")));
}

TEST(QueryStringTest, SplitsAndDecodes) {
  auto params = ParseQueryString("a=1&b=x+y&c=%41%26&d&&e=&f=g=h");
  ASSERT_TRUE(params.ok()) << params.status();
  EXPECT_THAT(*params, ElementsAre(Pair("a", "1"), Pair("b", "x y"), Pair("c", "A&"), Pair("d", ""),
                                   Pair("e", ""), Pair("f", "g=h")));
  EXPECT_TRUE(ParseQueryString("")->empty());
}

TEST(QueryStringTest, RefusesMalformedInput) {
  EXPECT_THAT(ParseQueryString("=x").status().message(), HasSubstr("has no name"));
  EXPECT_THAT(ParseQueryString("a%zz=1").status().message(), HasSubstr("percent-escape"));
  EXPECT_THAT(ParseQueryString("a=%").status().message(), HasSubstr("query parameter 'a'"));
}

TEST(QueryStringTest, LimitsTheNumberOfParameters) {
  std::string query;
  for (int i = 0; i < 1000; ++i) query += "t=1&";
  EXPECT_EQ(ParseQueryString(query)->size(), 1000u);
  query += "t=1";
  auto params = ParseQueryString(query);
  EXPECT_EQ(params.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(params.status().message(), HasSubstr("too many query parameters"));
}

std::string Nested(int depth) { return std::string(depth, '[') + std::string(depth, ']'); }

TEST(JsonShapeTest, AcceptsOneValue) {
  for (const char* ok : {"{}", " {\"a\": [1, {\"b\": \"}]\"}]} ", "\"x\"", "12", "true", "null",
                         "[]", "{\"a\":\"\\\"{[\"}"}) {
    EXPECT_TRUE(CheckJsonShape(ok).ok()) << ok;
  }
}

TEST(JsonShapeTest, LimitsNesting) {
  EXPECT_TRUE(CheckJsonShape(Nested(64)).ok());
  auto st = CheckJsonShape(Nested(65));
  EXPECT_EQ(st.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(st.message(), HasSubstr("deeper than 64"));
  EXPECT_FALSE(CheckJsonShape(std::string(100000, '[')).ok());
}

TEST(JsonShapeTest, RefusesWhatCannotBeOneValue) {
  EXPECT_THAT(CheckJsonShape("{} {}").message(), HasSubstr("more than one JSON value"));
  EXPECT_THAT(CheckJsonShape("1 2").message(), HasSubstr("more than one JSON value"));
  EXPECT_THAT(CheckJsonShape("\"a\"b").message(), HasSubstr("more than one JSON value"));
  EXPECT_THAT(CheckJsonShape("{}, \"name\": \"x\"").message(), HasSubstr("unexpected ','"));
  EXPECT_THAT(CheckJsonShape("{]").message(), HasSubstr("unexpected ']'"));
  EXPECT_THAT(CheckJsonShape("}").message(), HasSubstr("unexpected '}'"));
  EXPECT_THAT(CheckJsonShape("{\"a\":1").message(), HasSubstr("ends inside a value"));
  EXPECT_THAT(CheckJsonShape("\"abc").message(), HasSubstr("ends inside a value"));
  EXPECT_THAT(CheckJsonShape("\"\xFF\"").message(), HasSubstr("UTF-8"));
  EXPECT_TRUE(IsJsonWhitespace(" \r\n\t"));
  EXPECT_FALSE(IsJsonWhitespace(" x"));
}

// Sets `value` of a wrapper (or another one-field message) from text.
template <typename T>
absl::Status SetValue(T* message, absl::string_view text, const char* field = "value") {
  return SetFieldFromText(message, T::descriptor()->FindFieldByName(field), text);
}

TEST(FieldTextTest, Integers) {
  google::protobuf::Int32Value i32;
  EXPECT_TRUE(SetValue(&i32, "-2147483648").ok());
  EXPECT_EQ(i32.value(), -2147483648);
  EXPECT_THAT(SetValue(&i32, "2147483648").message(), HasSubstr("out of range"));
  EXPECT_THAT(SetValue(&i32, "12abc").message(), HasSubstr("not an integer"));
  EXPECT_THAT(SetValue(&i32, " 1").message(), HasSubstr("not an integer"));
  EXPECT_THAT(SetValue(&i32, "+1").message(), HasSubstr("not an integer"));
  EXPECT_THAT(SetValue(&i32, "1.0").message(), HasSubstr("not an integer"));
  EXPECT_THAT(SetValue(&i32, "").message(), HasSubstr("not an integer"));
  EXPECT_EQ(i32.value(), -2147483648);  // unchanged by the failures
  google::protobuf::UInt32Value u32;
  EXPECT_THAT(SetValue(&u32, "-1").message(), HasSubstr("non-negative integer"));
  EXPECT_TRUE(SetValue(&u32, "4294967295").ok());
  EXPECT_THAT(SetValue(&u32, "4294967296").message(), HasSubstr("out of range"));
  google::protobuf::Int64Value i64;
  EXPECT_TRUE(SetValue(&i64, "9007199254740993").ok());
  EXPECT_EQ(i64.value(), 9007199254740993LL);
  EXPECT_THAT(SetValue(&i64, "9223372036854775808").message(), HasSubstr("out of range"));
  google::protobuf::UInt64Value u64;
  EXPECT_TRUE(SetValue(&u64, "18446744073709551615").ok());
  EXPECT_EQ(u64.value(), 18446744073709551615ULL);
}

TEST(FieldTextTest, FloatsBoolsStringsBytes) {
  google::protobuf::DoubleValue d;
  EXPECT_TRUE(SetValue(&d, "1.5e3").ok());
  EXPECT_EQ(d.value(), 1500);
  EXPECT_TRUE(SetValue(&d, "-Infinity").ok());
  EXPECT_THAT(SetValue(&d, "inf").message(), HasSubstr("not a finite number"));
  EXPECT_THAT(SetValue(&d, "1e999").message(), HasSubstr("not a finite number"));
  EXPECT_THAT(SetValue(&d, "0x10").message(), HasSubstr("not a finite number"));
  google::protobuf::FloatValue f;
  EXPECT_THAT(SetValue(&f, "1e39").message(), HasSubstr("out of range for a float"));
  EXPECT_TRUE(SetValue(&f, "NaN").ok());

  google::protobuf::BoolValue b;
  for (const char* yes : {"true", "1", "t", "T", "TRUE", "True"}) {
    b.set_value(false);
    EXPECT_TRUE(SetValue(&b, yes).ok());
    EXPECT_TRUE(b.value()) << yes;
  }
  for (const char* no : {"false", "0", "f", "F", "FALSE", "False"}) {
    b.set_value(true);
    EXPECT_TRUE(SetValue(&b, no).ok());
    EXPECT_FALSE(b.value()) << no;
  }
  EXPECT_THAT(SetValue(&b, "yes").message(), HasSubstr("not true or false"));

  google::protobuf::StringValue s;
  EXPECT_TRUE(SetValue(&s, "Bj\xC3\xB8rn").ok());
  EXPECT_THAT(SetValue(&s, "\xFF").message(), HasSubstr("UTF-8"));

  google::protobuf::BytesValue bytes;
  EXPECT_TRUE(SetValue(&bytes, "bmlwLG5hbWUK").ok());
  EXPECT_EQ(bytes.value(), "nip,name\n");
  EXPECT_TRUE(SetValue(&bytes, "_-8").ok());  // URL-safe alphabet, no padding
  EXPECT_EQ(bytes.value(), "\xFF\xEF");
  EXPECT_THAT(SetValue(&bytes, "not base64!").message(), HasSubstr("base64"));
}

TEST(FieldTextTest, EnumsByNameOrDefinedNumber) {
  v1::ListPositionsRequest req;
  EXPECT_TRUE(SetValue(&req, "PELAKSANA", "kind").ok());
  EXPECT_EQ(req.kind(), v1::PELAKSANA);
  EXPECT_TRUE(SetValue(&req, "1", "kind").ok());
  EXPECT_EQ(req.kind(), v1::JPT);
  EXPECT_THAT(SetValue(&req, "99", "kind").message(), HasSubstr("not a value of kinerja.v1.PositionKind"));
  EXPECT_THAT(SetValue(&req, "pelaksana", "kind").message(), HasSubstr("not a value"));
  EXPECT_EQ(req.kind(), v1::JPT);
}

TEST(FieldTextTest, WellKnownTypes) {
  v1::ListAuditEventsRequest audit;
  EXPECT_TRUE(SetValue(&audit, "2024-02-01T00:00:00+07:00", "start_time").ok());
  EXPECT_EQ(audit.start_time().seconds(), 1706720400);  // 2024-01-31T17:00:00Z
  EXPECT_TRUE(SetValue(&audit, "2024-01-31T17:00:00.250Z", "end_time").ok());
  EXPECT_EQ(audit.end_time().nanos(), 250000000);
  EXPECT_THAT(SetValue(&audit, "2024-02-30T00:00:00Z", "start_time").message(), HasSubstr("RFC 3339"));
  EXPECT_THAT(SetValue(&audit, "yesterday", "start_time").message(), HasSubstr("RFC 3339"));
  EXPECT_EQ(audit.start_time().seconds(), 1706720400);
  v1::UpdatePositionRequest update;
  const auto* mask = v1::UpdatePositionRequest::descriptor()->FindFieldByName("update_mask");
  EXPECT_TRUE(AcceptsText(mask));
  EXPECT_TRUE(SetFieldFromText(&update, mask, "title,superiorPosition,position.unit").ok());
  EXPECT_THAT(update.update_mask().paths(), ElementsAre("title", "superior_position", "position.unit"));
  EXPECT_FALSE(SetFieldFromText(&update, mask, "title,,unit").ok());
  EXPECT_FALSE(SetFieldFromText(&update, mask, "super_Position").ok());
  EXPECT_FALSE(SetFieldFromText(&update, mask, "a b").ok());

  const auto* position = v1::UpdatePositionRequest::descriptor()->FindFieldByName("position");
  EXPECT_FALSE(AcceptsText(position));
  EXPECT_THAT(SetFieldFromText(&update, position, "x").message(), HasSubstr("set its fields one by one"));
}

TEST(FieldTextTest, SameSingularValue) {
  v1::Position a, b;
  const auto* title = v1::Position::descriptor()->FindFieldByName("title");
  a.set_title("x");
  b.set_title("x");
  EXPECT_TRUE(SameSingularValue(a, b, title));
  b.set_title("y");
  EXPECT_FALSE(SameSingularValue(a, b, title));
}

}  // namespace
}  // namespace kinerja::transcoder
