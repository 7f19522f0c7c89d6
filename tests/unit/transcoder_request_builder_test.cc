// HTTP request -> gRPC request message, on the real Kinerja routes.
#include "gateway/transcoder/request_builder.h"

#include <string>

#include "gmock/gmock.h"
#include "google/rpc/error_details.pb.h"
#include "gtest/gtest.h"
#include "kinerja/v1/audit.pb.h"
#include "kinerja/v1/directory.pb.h"
#include "kinerja/v1/identity.pb.h"

namespace kinerja::transcoder {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const RouteTable& Kinerja() {
  static const RouteTable* const table = [] {
    auto built = RouteTable::FromGeneratedPool();
    EXPECT_TRUE(built.ok()) << built.status();
    return new RouteTable(*std::move(built));
  }();
  return *table;
}

// Matches "METHOD" + "path?query" and builds the request with `body`.
absl::StatusOr<std::unique_ptr<google::protobuf::Message>> Build(absl::string_view method,
                                                                 absl::string_view target,
                                                                 absl::string_view body = "") {
  const size_t q = target.find('?');
  const absl::string_view path = target.substr(0, q);
  const absl::string_view query = q == absl::string_view::npos ? "" : target.substr(q + 1);
  const RouteMatch m = Kinerja().Match(method, path);
  if (m.kind != RouteMatch::Kind::kMatched) return absl::NotFoundError("no route");
  return BuildRequest(*m.route, m.bindings, query, body);
}

// The built message as its generated type (the table uses the generated factory).
template <typename T>
T As(const absl::StatusOr<std::unique_ptr<google::protobuf::Message>>& built) {
  EXPECT_TRUE(built.ok()) << built.status();
  if (!built.ok()) return T();
  const T* typed = dynamic_cast<const T*>(built->get());
  EXPECT_NE(typed, nullptr) << (*built)->GetTypeName();
  return typed == nullptr ? T() : *typed;
}

// The single field violation a refusal carries.
google::rpc::BadRequest::FieldViolation ViolationOf(const absl::Status& status) {
  google::rpc::BadRequest bad;
  auto payload = status.GetPayload("type.googleapis.com/google.rpc.BadRequest");
  EXPECT_TRUE(payload.has_value()) << status;
  if (payload) {
    EXPECT_TRUE(bad.ParseFromString(std::string(*payload)));
  }
  EXPECT_EQ(bad.field_violations_size(), 1) << status;
  return bad.field_violations_size() > 0 ? bad.field_violations(0)
                                         : google::rpc::BadRequest::FieldViolation();
}

void ExpectRefused(const absl::StatusOr<std::unique_ptr<google::protobuf::Message>>& built,
                   absl::string_view field, absl::string_view says) {
  ASSERT_FALSE(built.ok());
  EXPECT_EQ(built.status().code(), absl::StatusCode::kInvalidArgument) << built.status();
  EXPECT_THAT(built.status().message(), HasSubstr(says));
  EXPECT_EQ(ViolationOf(built.status()).field(), field);
}

TEST(RequestBuilderTest, GetEmployeeFromThePath) {
  const auto req = As<v1::GetEmployeeRequest>(Build("GET", "/v1/employees/198507122010011003"));
  EXPECT_EQ(req.name(), "employees/198507122010011003");
}

TEST(RequestBuilderTest, ListOpdsFromTheQueryInJsonOrProtoNames) {
  auto req = As<v1::ListOpdsRequest>(Build("GET", "/v1/opds?pageSize=2&pageToken=x"));
  EXPECT_EQ(req.page_size(), 2);
  EXPECT_EQ(req.page_token(), "x");
  req = As<v1::ListOpdsRequest>(Build("GET", "/v1/opds?page_size=3&page_token=a%20b+c"));
  EXPECT_EQ(req.page_size(), 3);
  EXPECT_EQ(req.page_token(), "a b c");
  req = As<v1::ListOpdsRequest>(Build("GET", "/v1/opds"));
  EXPECT_EQ(req.ByteSizeLong(), 0u);
}

TEST(RequestBuilderTest, EnumQueryParametersByNameOrNumber) {
  auto req = As<v1::ListEmployeesRequest>(
      Build("GET", "/v1/employees?positionKind=PELAKSANA&opd=DISKOMINFO&namePrefix=Bud"));
  EXPECT_EQ(req.position_kind(), v1::PELAKSANA);
  EXPECT_EQ(req.opd(), "DISKOMINFO");
  EXPECT_EQ(req.name_prefix(), "Bud");
  req = As<v1::ListEmployeesRequest>(Build("GET", "/v1/employees?position_kind=5"));
  EXPECT_EQ(req.position_kind(), v1::FUNGSIONAL);
  ExpectRefused(Build("GET", "/v1/employees?positionKind=99"), "positionKind", "not a value of");
  ExpectRefused(Build("GET", "/v1/employees?positionKind=pelaksana"), "positionKind", "not a value of");
}

TEST(RequestBuilderTest, NestedQueryParameters) {
  auto req = As<v1::GetSuperiorRequest>(
      Build("GET", "/v1/employees/198507122010011003/superior?date.year=2024&date.month=2&date.day=29"));
  EXPECT_EQ(req.employee(), "employees/198507122010011003");
  EXPECT_EQ(req.date().year(), 2024);
  EXPECT_EQ(req.date().month(), 2);
  EXPECT_EQ(req.date().day(), 29);
  ExpectRefused(Build("GET", "/v1/employees/1/superior?date.week=2"), "date.week",
                "unknown field 'week' in kinerja.v1.Date");
  ExpectRefused(Build("GET", "/v1/employees/1/superior?date=2024-02-29"), "date",
                "'date' is a message; set its fields as date.<field>=<value>");
  ExpectRefused(Build("GET", "/v1/employees/1/superior?employee.x=1"), "employee.x",
                "'employee' is not a singular message field");
}

TEST(RequestBuilderTest, TimestampAndFieldMaskQueryParameters) {
  auto audit = As<v1::ListAuditEventsRequest>(Build(
      "GET", "/v1/auditEvents?startTime=2024-02-01T00:00:00%2B07:00&end_time=2024-02-02T00:00:00Z"));
  EXPECT_EQ(audit.start_time().seconds(), 1706720400);
  EXPECT_EQ(audit.end_time().seconds(), 1706832000);
  ExpectRefused(Build("GET", "/v1/auditEvents?startTime=yesterday"), "startTime", "RFC 3339");

  auto update = As<v1::UpdatePositionRequest>(
      Build("PATCH", "/v1/positions/KADIS?updateMask=title,superiorPosition", R"({"title":"Kepala"})"));
  EXPECT_THAT(update.update_mask().paths(), ElementsAre("title", "superior_position"));
}

TEST(RequestBuilderTest, BadNumbersAreRefusedNamingTheParameter) {
  ExpectRefused(Build("GET", "/v1/opds?pageSize=abc"), "pageSize", "'abc' is not an integer");
  ExpectRefused(Build("GET", "/v1/opds?pageSize=1.5"), "pageSize", "not an integer");
  ExpectRefused(Build("GET", "/v1/opds?pageSize="), "pageSize", "not an integer");
  ExpectRefused(Build("GET", "/v1/opds?pageSize=99999999999"), "pageSize", "out of range");
}

TEST(RequestBuilderTest, UnknownQueryParametersAreRefused) {
  const auto built = Build("GET", "/v1/opds?pageSize=2&foo=1");
  ExpectRefused(built, "foo", "unknown field 'foo' in kinerja.v1.ListOpdsRequest");
  EXPECT_THAT(built.status().message(), HasSubstr("query parameter 'foo'"));
  ExpectRefused(Build("GET", "/v1/me?verbose"), "verbose", "unknown field");
}

TEST(RequestBuilderTest, RefusalsEchoClientBytesAsValidUtf8) {
  // A parameter name that decodes to invalid UTF-8 still yields a violation the error JSON can carry
  // (found by tests/fuzz/transcoder_fuzz.cc).
  ExpectRefused(Build("GET", "/v1/opds?%FFx=1"), "\xEF\xBF\xBDx", "unknown field '\xEF\xBF\xBDx'");
}

TEST(RequestBuilderTest, QueryCannotSetWhatThePathOrBodyBinds) {
  ExpectRefused(Build("GET", "/v1/employees/1?name=employees/2"), "name", "taken from the URL path");
  ExpectRefused(Build("PATCH", "/v1/positions/KADIS?position.title=x", "{}"), "position.title",
                "taken from the request body");
  ExpectRefused(Build("POST", "/v1/employees/1:transfer?position=KADIS", "{}"), "position",
                "every field from the request body");
}

TEST(RequestBuilderTest, ASingularFieldGivenTwiceIsRefused) {
  ExpectRefused(Build("GET", "/v1/opds?pageSize=1&page_size=2"), "page_size", "more than once");
}

TEST(RequestBuilderTest, TooManyQueryParametersAreRefused) {
  std::string target = "/v1/opds?";
  for (int i = 0; i < 1001; ++i) target += "pageToken=x&";
  const auto built = Build("GET", target);
  ASSERT_FALSE(built.ok());
  EXPECT_EQ(built.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(built.status().message(), HasSubstr("too many query parameters"));
}

TEST(RequestBuilderTest, UpdatePositionBodyIntoItsFieldAndPathIntoPositionName) {
  const auto req = As<v1::UpdatePositionRequest>(
      Build("PATCH", "/v1/positions/KADIS",
            R"({"title":"Kepala Dinas","superiorPosition":"SEKDA","kind":"JPT"})"));
  EXPECT_EQ(req.position().name(), "positions/KADIS");
  EXPECT_EQ(req.position().title(), "Kepala Dinas");
  EXPECT_EQ(req.position().superior_position(), "SEKDA");
  EXPECT_EQ(req.position().kind(), v1::JPT);
}

TEST(RequestBuilderTest, BodyAndPathMustAgree) {
  const auto same = As<v1::UpdatePositionRequest>(
      Build("PATCH", "/v1/positions/KADIS", R"({"name":"positions/KADIS","title":"x"})"));
  EXPECT_EQ(same.position().name(), "positions/KADIS");
  ExpectRefused(Build("PATCH", "/v1/positions/KADIS", R"({"name":"positions/OTHER"})"), "position.name",
                "different value than the URL path");
}

TEST(RequestBuilderTest, TransferTakesTheWholeBodyAndThePath) {
  const auto req = As<v1::TransferEmployeeRequest>(Build(
      "POST", "/v1/employees/198507122010011003:transfer",
      R"({"position":"KABID-TI","effectiveDate":{"year":2024,"month":2,"day":1},"reason":"MUTASI","request_id":"r-1"})"));
  EXPECT_EQ(req.employee(), "employees/198507122010011003");
  EXPECT_EQ(req.position(), "KABID-TI");
  EXPECT_EQ(req.effective_date().year(), 2024);
  EXPECT_EQ(req.effective_date().day(), 1);
  EXPECT_EQ(req.reason(), v1::MUTASI);
  EXPECT_EQ(req.request_id(), "r-1");
  const auto echoed = As<v1::TransferEmployeeRequest>(
      Build("POST", "/v1/employees/1:transfer", R"({"employee":"employees/1"})"));
  EXPECT_EQ(echoed.employee(), "employees/1");
  ExpectRefused(Build("POST", "/v1/employees/1:transfer", R"({"employee":"employees/2"})"), "employee",
                "different value");
}

TEST(RequestBuilderTest, BytesAndBoolsInAStarBody) {
  const auto req = As<v1::ImportEmployeesRequest>(
      Build("POST", "/v1/employees:import", R"({"csv":"bmlwLG5hbWUK","validateOnly":true})"));
  EXPECT_EQ(req.csv(), "nip,name\n");
  EXPECT_TRUE(req.validate_only());
}

TEST(RequestBuilderTest, EmptyBodyWithABodyMappingLeavesFieldsUnset) {
  auto req = As<v1::CreateOpdRequest>(Build("POST", "/v1/opds", ""));
  EXPECT_FALSE(req.has_opd());
  req = As<v1::CreateOpdRequest>(Build("POST", "/v1/opds?requestId=r-9", " \n"));
  EXPECT_FALSE(req.has_opd());
  EXPECT_EQ(req.request_id(), "r-9");
}

TEST(RequestBuilderTest, UnknownJsonFieldsAreRefused) {
  const auto built = Build("POST", "/v1/opds", R"({"code":"DISKOMINFO","bogus":1})");
  ExpectRefused(built, "opd.bogus", "request body 'opd': bogus");
  ExpectRefused(Build("POST", "/v1/sessions:login", R"({"nip":"1","password":"p","remember":true})"),
                "remember", "request body '*': remember");
  ExpectRefused(Build("POST", "/v1/roleGrants", R"({"roleGrant":{"role":"NOPE"}})"), "role_grant.role",
                "NOPE");
}

TEST(RequestBuilderTest, ABodyForAMethodWithoutOneIsRefused) {
  ExpectRefused(Build("GET", "/v1/opds", "{}"), "", "takes no request body");
  ExpectRefused(Build("DELETE", "/v1/roleGrants/1", R"({"name":"x"})"), "", "takes no request body");
}

TEST(RequestBuilderTest, MalformedJsonIsRefused) {
  ExpectRefused(Build("POST", "/v1/opds", R"({"code":)"), "opd", "request body");
  ExpectRefused(Build("POST", "/v1/opds", R"({"code":"A"} {"code":"B"})"), "opd", "more than one JSON value");
  ExpectRefused(Build("POST", "/v1/opds", "{\"code\":\"\xFF\"}"), "opd", "UTF-8");
  ExpectRefused(Build("POST", "/v1/opds", R"({"code":5})"), "opd.code", "request body");
  ExpectRefused(Build("POST", "/v1/opds", R"(["code"])"), "opd", "request body");
  ExpectRefused(Build("POST", "/v1/sessions:login", R"({"nip":"1","password":"\ud800"})"), "", "request body");
}

TEST(RequestBuilderTest, DeepJsonIsRefused) {
  const std::string deep = R"({"opd":)" + std::string(64, '[') + std::string(64, ']') + "}";
  ExpectRefused(Build("POST", "/v1/roleGrants", deep), "", "nests deeper than 64");
}

TEST(RequestBuilderTest, PathValuesAreDecodedAndChecked) {
  auto req = As<v1::GetEmployeeRequest>(Build("GET", "/v1/employees/a%2Fb%20c"));
  EXPECT_EQ(req.name(), "employees/a%2Fb c");  // a multi-segment variable keeps %2F
  ExpectRefused(Build("GET", "/v1/employees/%FF"), "name", "UTF-8");
}

TEST(RequestBuilderTest, BindingsFromAnotherRouteAreAnInternalError) {
  const RouteMatch m = Kinerja().Match("GET", "/v1/opds");
  ASSERT_EQ(m.kind, RouteMatch::Kind::kMatched);
  const auto built = BuildRequest(*m.route, {{"name", "opds/X"}}, "", "");
  EXPECT_EQ(built.status().code(), absl::StatusCode::kInternal);
}

}  // namespace
}  // namespace kinerja::transcoder
