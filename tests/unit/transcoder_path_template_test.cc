#include "gateway/transcoder/path_template.h"

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace kinerja::transcoder {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Optional;
using ::testing::Pair;

PathTemplate Parsed(absl::string_view text) {
  auto t = PathTemplate::Parse(text);
  EXPECT_TRUE(t.ok()) << text << ": " << t.status();
  return t.ok() ? *std::move(t) : PathTemplate();
}

TEST(PathTemplateTest, LiteralSegmentsMatchExactly) {
  const PathTemplate t = Parsed("/v1/opds");
  EXPECT_THAT(t.Match("/v1/opds"), Optional(IsEmpty()));
  EXPECT_EQ(t.Match("/v1/opds/"), std::nullopt);
  EXPECT_EQ(t.Match("/v1/opd"), std::nullopt);
  EXPECT_EQ(t.Match("/v1/opds/x"), std::nullopt);
  EXPECT_EQ(t.Match("v1/opds"), std::nullopt);
  EXPECT_EQ(t.Match("/v2/opds"), std::nullopt);
  EXPECT_EQ(t.Match(""), std::nullopt);
}

TEST(PathTemplateTest, LiteralMatchesThePercentDecodedSegment) {
  EXPECT_THAT(Parsed("/v1/opds").Match("/v1/op%64s"), Optional(IsEmpty()));
}

TEST(PathTemplateTest, BareVariableIsOneNonEmptySegment) {
  const PathTemplate t = Parsed("/v1/things/{id}");
  EXPECT_THAT(t.Match("/v1/things/42"), Optional(ElementsAre(Pair("id", "42"))));
  EXPECT_EQ(t.Match("/v1/things/"), std::nullopt);
  EXPECT_EQ(t.Match("/v1/things/a/b"), std::nullopt);
  ASSERT_EQ(t.variables().size(), 1u);
  EXPECT_EQ(t.variables()[0].segment_count, 1u);
  EXPECT_EQ(t.segments()[2].kind, PathTemplate::SegmentKind::kWildcard);
}

TEST(PathTemplateTest, VariableWithPatternBindsItsWholeSpan) {
  const PathTemplate t = Parsed("/v1/{name=employees/*}");
  EXPECT_THAT(t.Match("/v1/employees/198507122010011003"),
              Optional(ElementsAre(Pair("name", "employees/198507122010011003"))));
  EXPECT_EQ(t.Match("/v1/opds/DISKOMINFO"), std::nullopt);
  EXPECT_EQ(t.Match("/v1/employees"), std::nullopt);
  EXPECT_EQ(t.Match("/v1/employees/1/2"), std::nullopt);
}

TEST(PathTemplateTest, NestedFieldPathAndSeveralVariables) {
  EXPECT_THAT(Parsed("/v1/{position.name=positions/*}").Match("/v1/positions/KADIS"),
              Optional(ElementsAre(Pair("position.name", "positions/KADIS"))));
  EXPECT_THAT(Parsed("/v1/{parent=opds/*}/units/{unit_id}").Match("/v1/opds/DKI/units/U1"),
              Optional(ElementsAre(Pair("parent", "opds/DKI"), Pair("unit_id", "U1"))));
}

TEST(PathTemplateTest, AnonymousWildcards) {
  const PathTemplate one = Parsed("/v1/*/items");
  EXPECT_THAT(one.Match("/v1/x/items"), Optional(IsEmpty()));
  EXPECT_EQ(one.Match("/v1/x/y/items"), std::nullopt);
  const PathTemplate rest = Parsed("/static/**");
  EXPECT_THAT(rest.Match("/static/a/b/c.js"), Optional(IsEmpty()));
  EXPECT_THAT(rest.Match("/static"), Optional(IsEmpty()));  // "**" matches zero segments
  EXPECT_EQ(rest.Match("/other/a"), std::nullopt);
}

TEST(PathTemplateTest, DoubleWildcardVariableTakesTheRest) {
  const PathTemplate t = Parsed("/v1/{path=files/**}");
  EXPECT_THAT(t.Match("/v1/files/a/b/c.txt"), Optional(ElementsAre(Pair("path", "files/a/b/c.txt"))));
  EXPECT_THAT(t.Match("/v1/files"), Optional(ElementsAre(Pair("path", "files"))));
  EXPECT_THAT(Parsed("/v1/{rest=**}").Match("/v1/"), Optional(ElementsAre(Pair("rest", ""))));
}

TEST(PathTemplateTest, VerbAfterAVariable) {
  const PathTemplate t = Parsed("/v1/{employee=employees/*}:transfer");
  EXPECT_EQ(t.verb(), "transfer");
  EXPECT_THAT(t.Match("/v1/employees/123:transfer"),
              Optional(ElementsAre(Pair("employee", "employees/123"))));
  EXPECT_EQ(t.Match("/v1/employees/123"), std::nullopt);
  EXPECT_EQ(t.Match("/v1/employees/123:other"), std::nullopt);
  EXPECT_EQ(t.Match("/v1/employees/123%3Atransfer"), std::nullopt);  // an escaped ':' is data
  EXPECT_EQ(t.Match("/v1/employees/:transfer"), std::nullopt);
}

TEST(PathTemplateTest, VerbAfterALiteral) {
  const PathTemplate t = Parsed("/v1/employees:import");
  EXPECT_THAT(t.Match("/v1/employees:import"), Optional(IsEmpty()));
  EXPECT_EQ(t.Match("/v1/employees"), std::nullopt);
  EXPECT_EQ(t.Match("/v1/employees:importx"), std::nullopt);
  EXPECT_EQ(t.Match(":import"), std::nullopt);
  // Without a verb in the template, "x:y" is simply a segment.
  EXPECT_THAT(Parsed("/v1/things/{id}").Match("/v1/things/a:b"), Optional(ElementsAre(Pair("id", "a:b"))));
}

TEST(PathTemplateTest, SingleSegmentVariableIsFullyDecoded) {
  EXPECT_THAT(Parsed("/v1/things/{id}").Match("/v1/things/a%2Fb%20c%3F"),
              Optional(ElementsAre(Pair("id", "a/b c?"))));
  EXPECT_THAT(Parsed("/v1/things/{id}").Match("/v1/things/Bj%C3%B8rn"),
              Optional(ElementsAre(Pair("id", "Bj\xC3\xB8rn"))));
}

TEST(PathTemplateTest, MultiSegmentVariableKeepsEscapedSlash) {
  EXPECT_THAT(Parsed("/v1/{name=employees/*}").Match("/v1/employees/a%2Fb%20c"),
              Optional(ElementsAre(Pair("name", "employees/a%2Fb c"))));
  EXPECT_THAT(Parsed("/v1/{p=**}").Match("/v1/a%2fb/c%41"), Optional(ElementsAre(Pair("p", "a%2fb/cA"))));
}

TEST(PathTemplateTest, MalformedEscapeDoesNotMatch) {
  EXPECT_EQ(Parsed("/v1/things/{id}").Match("/v1/things/%zz"), std::nullopt);
  EXPECT_EQ(Parsed("/v1/things/{id}").Match("/v1/things/abc%"), std::nullopt);
  EXPECT_EQ(Parsed("/v1/opds").Match("/v1/opds%2"), std::nullopt);
}

TEST(PathTemplateTest, ShapeIgnoresVariableNames) {
  EXPECT_EQ(Parsed("/v1/{name=opds/*}").Shape(), Parsed("/v1/opds/{other}").Shape());
  EXPECT_NE(Parsed("/v1/{name=opds/*}").Shape(), Parsed("/v1/{name=opds/*}:verb").Shape());
  EXPECT_NE(Parsed("/v1/{name=opds/*}").Shape(), Parsed("/v1/{name=opds/**}").Shape());
  EXPECT_EQ(Parsed("/v1/{name=employees/*}:transfer").Shape(), "/'v1'/'employees'/*:transfer");
}

TEST(PathTemplateTest, MoreSpecificPrefersVerbThenLiteralsThenLength) {
  const PathTemplate literal = Parsed("/v1/opds/special");
  const PathTemplate wildcard = Parsed("/v1/{name=opds/*}");
  const PathTemplate rest = Parsed("/v1/{name=opds/**}");
  const PathTemplate verb = Parsed("/v1/{name=**}:do");
  EXPECT_TRUE(PathTemplate::MoreSpecific(literal, wildcard));
  EXPECT_FALSE(PathTemplate::MoreSpecific(wildcard, literal));
  EXPECT_TRUE(PathTemplate::MoreSpecific(wildcard, rest));
  EXPECT_TRUE(PathTemplate::MoreSpecific(verb, literal));
  EXPECT_FALSE(PathTemplate::MoreSpecific(literal, literal));
}

struct BadTemplate {
  const char* text;
  const char* complaint;
};

class MalformedTemplateTest : public ::testing::TestWithParam<BadTemplate> {};

TEST_P(MalformedTemplateTest, IsRefusedWithAClearMessage) {
  auto t = PathTemplate::Parse(GetParam().text);
  ASSERT_FALSE(t.ok()) << GetParam().text;
  EXPECT_EQ(t.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(t.status().message(), HasSubstr(GetParam().complaint));
  EXPECT_THAT(t.status().message(), HasSubstr(absl::StrCat("'", GetParam().text, "'")));
}

INSTANTIATE_TEST_SUITE_P(
    PathTemplateTest, MalformedTemplateTest,
    ::testing::Values(BadTemplate{"", "must start with '/'"},
                      BadTemplate{"v1/opds", "must start with '/'"},
                      BadTemplate{"/", "empty segment"},
                      BadTemplate{"/v1//opds", "empty segment"},
                      BadTemplate{"/v1/opds/", "empty segment"},
                      BadTemplate{"/v1/{name", "unclosed '{'"},
                      BadTemplate{"/v1/{name=opds/*", "unclosed '{'"},
                      BadTemplate{"/v1/{name=}", "empty segment"},
                      BadTemplate{"/v1/{}", "expected a field name"},
                      BadTemplate{"/v1/{1abc}", "expected a field name"},
                      BadTemplate{"/v1/{a.}", "expected a field name"},
                      BadTemplate{"/v1/{a=b/{c}}", "cannot contain another variable"},
                      BadTemplate{"/v1/**/x", "'**' must be the last segment"},
                      BadTemplate{"/v1/{a=**}/x", "'**' must be the last segment"},
                      BadTemplate{"/v1/a*", "'*' must be a whole segment"},
                      BadTemplate{"/v1/*a", "'*' must be a whole segment"},
                      BadTemplate{"/v1/x:", "empty verb"},
                      BadTemplate{"/v1/a:b/c", "may only end the template"},
                      BadTemplate{"/v1/a:b:c", "may only end the template"},
                      BadTemplate{"/v1/a b", "unexpected ' '"},
                      BadTemplate{"/v1/{a}/{a}", "bound by two variables"},
                      BadTemplate{"/v1/{a}/{a.b}", "lies inside 'a'"},
                      BadTemplate{"/v1/%zz", "percent-escape"},
                      BadTemplate{"/v1/a%2Fb", "encoded '/'"}));

}  // namespace
}  // namespace kinerja::transcoder
