// gRPC response / status -> HTTP status and JSON body.
#include "gateway/transcoder/response_writer.h"

#include <string>
#include <tuple>

#include "absl/strings/cord.h"
#include "gateway/transcoder/request_builder.h"
#include "gmock/gmock.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "gtest/gtest.h"
#include "kinerja/v1/audit.pb.h"
#include "kinerja/v1/directory.pb.h"

namespace kinerja::transcoder {
namespace {

using ::testing::HasSubstr;

const RouteTable& Kinerja() {
  static const RouteTable* const table = [] {
    auto built = RouteTable::FromGeneratedPool();
    EXPECT_TRUE(built.ok()) << built.status();
    return new RouteTable(*std::move(built));
  }();
  return *table;
}

const Route& RouteFor(absl::string_view method, absl::string_view path) {
  const RouteMatch m = Kinerja().Match(method, path);
  EXPECT_EQ(m.kind, RouteMatch::Kind::kMatched) << method << " " << path;
  return *m.route;
}

class HttpStatusTest : public ::testing::TestWithParam<std::tuple<grpc::StatusCode, int>> {};

TEST_P(HttpStatusTest, MapsAsGrpcGatewayDoes) {
  EXPECT_EQ(HttpStatusFromCode(std::get<0>(GetParam())), std::get<1>(GetParam()));
}

INSTANTIATE_TEST_SUITE_P(
    ResponseWriterTest, HttpStatusTest,
    ::testing::Values(std::make_tuple(grpc::StatusCode::OK, 200),
                      std::make_tuple(grpc::StatusCode::CANCELLED, 499),
                      std::make_tuple(grpc::StatusCode::UNKNOWN, 500),
                      std::make_tuple(grpc::StatusCode::INVALID_ARGUMENT, 400),
                      std::make_tuple(grpc::StatusCode::DEADLINE_EXCEEDED, 504),
                      std::make_tuple(grpc::StatusCode::NOT_FOUND, 404),
                      std::make_tuple(grpc::StatusCode::ALREADY_EXISTS, 409),
                      std::make_tuple(grpc::StatusCode::PERMISSION_DENIED, 403),
                      std::make_tuple(grpc::StatusCode::RESOURCE_EXHAUSTED, 429),
                      std::make_tuple(grpc::StatusCode::FAILED_PRECONDITION, 400),
                      std::make_tuple(grpc::StatusCode::ABORTED, 409),
                      std::make_tuple(grpc::StatusCode::OUT_OF_RANGE, 400),
                      std::make_tuple(grpc::StatusCode::UNIMPLEMENTED, 501),
                      std::make_tuple(grpc::StatusCode::INTERNAL, 500),
                      std::make_tuple(grpc::StatusCode::UNAVAILABLE, 503),
                      std::make_tuple(grpc::StatusCode::DATA_LOSS, 500),
                      std::make_tuple(grpc::StatusCode::UNAUTHENTICATED, 401),
                      // Not a defined code, but within the enum's range (a wider value would itself be UB).
                      std::make_tuple(static_cast<grpc::StatusCode>(20), 500)));

TEST(ResponseWriterTest, MessageJsonUsesLowerCamelCaseAndOmitsDefaults) {
  v1::Employee e;
  e.set_name("employees/198507122010011003");
  e.set_nip("198507122010011003");
  e.set_full_name("Budi Santoso");
  e.set_employee_type(v1::PNS);
  e.set_status(v1::ACTIVE);
  e.mutable_current_assignment()->set_position("KABID-TI");
  e.mutable_current_assignment()->mutable_start_date()->set_year(2024);
  const auto json = ResponseJson(RouteFor("GET", "/v1/employees/1"), e);
  ASSERT_TRUE(json.ok()) << json.status();
  EXPECT_EQ(*json,
            R"({"name":"employees/198507122010011003","nip":"198507122010011003","fullName":"Budi Santoso",)"
            R"("employeeType":"PNS","status":"ACTIVE","currentAssignment":{"position":"KABID-TI",)"
            R"("startDate":{"year":2024}}})");
}

TEST(ResponseWriterTest, EmptyMessageIsAnEmptyObject) {
  EXPECT_EQ(*ResponseJson(RouteFor("GET", "/v1/opds"), v1::ListOpdsResponse()), "{}");
}

TEST(ResponseWriterTest, RepeatedTimestampsAndPageTokens) {
  v1::ListAuditEventsResponse r;
  auto* ev = r.add_audit_events();
  ev->set_name("auditEvents/1");
  ev->mutable_time()->set_seconds(1706720400);
  ev->set_request_id("r-1");
  r.set_next_page_token("p2");
  EXPECT_EQ(*ResponseJson(RouteFor("GET", "/v1/auditEvents"), r),
            R"({"auditEvents":[{"name":"auditEvents/1","time":"2024-01-31T17:00:00Z","requestId":"r-1"}],)"
            R"("nextPageToken":"p2"})");
}

TEST(ResponseWriterTest, UnaryResponseFromBytes) {
  v1::Opd opd;
  opd.set_name("opds/DISKOMINFO");
  opd.set_has_revenue_target(true);
  const Route& route = RouteFor("GET", "/v1/opds/DISKOMINFO");
  HttpResponse r = UnaryResponse(route, grpc::Status::OK, opd.SerializeAsString());
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, R"({"name":"opds/DISKOMINFO","hasRevenueTarget":true})");
  r = UnaryResponse(route, grpc::Status::OK, "\xFF\xFF\xFF");
  EXPECT_EQ(r.status, 500);
  EXPECT_THAT(r.body, HasSubstr(R"("code":13)"));
  EXPECT_THAT(r.body, HasSubstr("does not parse as kinerja.v1.Opd"));
  r = UnaryResponse(route, grpc::Status(grpc::StatusCode::NOT_FOUND, "no OPD DISKOMINFO"), "");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.body, R"({"code":5,"message":"no OPD DISKOMINFO","details":[]})");
}

std::string DetailsBin(grpc::StatusCode code, absl::string_view message,
                       const std::vector<google::protobuf::Any>& details) {
  google::rpc::Status s;
  s.set_code(static_cast<int>(code));
  s.set_message(std::string(message));
  for (const auto& d : details) *s.add_details() = d;
  return s.SerializeAsString();
}

google::protobuf::Any BadRequestAny() {
  google::rpc::BadRequest bad;
  auto* v = bad.add_field_violations();
  v->set_field("employee.nip");
  v->set_description("NIP must have exactly 18 digits; got 17 characters");
  google::protobuf::Any any;
  any.PackFrom(bad);
  return any;
}

TEST(ResponseWriterTest, ErrorBodyCarriesBadRequestDetails) {
  const grpc::Status status(grpc::StatusCode::INVALID_ARGUMENT, "invalid employee",
                            DetailsBin(grpc::StatusCode::INVALID_ARGUMENT, "invalid employee",
                                       {BadRequestAny()}));
  const HttpResponse r = ErrorResponse(status);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.body,
            R"({"code":3,"message":"invalid employee","details":[{"@type":"type.googleapis.com/google.rpc.BadRequest",)"
            R"("fieldViolations":[{"field":"employee.nip","description":"NIP must have exactly 18 digits; got 17 characters"}]}]})");
}

TEST(ResponseWriterTest, ErrorInfoDetailsPrintToo) {
  google::rpc::ErrorInfo info;
  info.set_reason("ETAG_MISMATCH");
  info.set_domain("kinerja.pemkot.go.id");
  (*info.mutable_metadata())["etag"] = "W/7";
  google::protobuf::Any any;
  any.PackFrom(info);
  const HttpResponse r = ErrorResponse(grpc::StatusCode::ABORTED, "stale etag",
                                       DetailsBin(grpc::StatusCode::ABORTED, "stale etag", {any}));
  EXPECT_EQ(r.status, 409);
  EXPECT_THAT(r.body, HasSubstr(R"("@type":"type.googleapis.com/google.rpc.ErrorInfo")"));
  EXPECT_THAT(r.body, HasSubstr(R"("reason":"ETAG_MISMATCH")"));
  EXPECT_THAT(r.body, HasSubstr(R"("metadata":{"etag":"W/7"})"));
}

TEST(ResponseWriterTest, UnprintableDetailsAreDroppedNotTheError) {
  google::protobuf::Any unknown;
  unknown.set_type_url("type.googleapis.com/acme.v1.Mystery");
  unknown.set_value("\x08\x01");
  google::protobuf::Any broken;
  broken.set_type_url("type.googleapis.com/google.rpc.BadRequest");
  broken.set_value("\xFF\xFF");
  HttpResponse r = ErrorResponse(grpc::StatusCode::FAILED_PRECONDITION, "period closed",
                                 DetailsBin(grpc::StatusCode::FAILED_PRECONDITION, "x",
                                            {unknown, BadRequestAny(), broken}));
  EXPECT_EQ(r.status, 400);
  EXPECT_THAT(r.body, HasSubstr(R"({"code":9,"message":"period closed","details":[{"@type":"type.googleapis.com/google.rpc.BadRequest")"));
  EXPECT_THAT(r.body, ::testing::Not(HasSubstr("Mystery")));
  r = ErrorResponse(grpc::StatusCode::INTERNAL, "boom", "\xFF not a status");
  EXPECT_EQ(r.body, R"({"code":13,"message":"boom","details":[]})");
}

TEST(ResponseWriterTest, InvalidUtf8InAMessageStillGivesJson) {
  const HttpResponse r = ErrorResponse(grpc::StatusCode::UNKNOWN, "bad \xFF byte", "");
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body, "{\"code\":2,\"message\":\"bad \xEF\xBF\xBD byte\",\"details\":[]}");
}

TEST(ResponseWriterTest, TranscoderRefusalsBecome400WithTheirViolation) {
  const RouteMatch m = Kinerja().Match("GET", "/v1/opds");
  const auto built = BuildRequest(*m.route, m.bindings, "foo=1", "");
  ASSERT_FALSE(built.ok());
  const HttpResponse r = ErrorResponse(built.status());
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.body,
            R"({"code":3,"message":"query parameter 'foo': unknown field 'foo' in kinerja.v1.ListOpdsRequest",)"
            R"("details":[{"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[{"field":"foo",)"
            R"("description":"unknown field 'foo' in kinerja.v1.ListOpdsRequest"}]}]})");
  absl::Status with_odd_payload = absl::UnavailableError("database down");
  with_odd_payload.SetPayload("example.com/not-a-type", absl::Cord("x"));
  EXPECT_EQ(ErrorResponse(with_odd_payload).body, R"({"code":14,"message":"database down","details":[]})");
  EXPECT_EQ(ErrorResponse(absl::OkStatus()).status, 500);
}

TEST(ResponseWriterTest, RoutingErrors) {
  HttpResponse r = RoutingErrorResponse(Kinerja().Match("GET", "/v1/nothing"));
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.body, R"({"code":5,"message":"Not Found","details":[]})");
  r = RoutingErrorResponse(Kinerja().Match("DELETE", "/v1/opds"));
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.body, R"({"code":12,"message":"Method Not Allowed","details":[]})");
  r = RoutingErrorResponse(Kinerja().Match("GET", "/v1/opds/%G0"));
  EXPECT_EQ(r.status, 400);
  EXPECT_THAT(r.body, HasSubstr(R"("code":3)"));
}

TEST(ResponseWriterTest, StreamLines) {
  v1::Opd opd;
  opd.set_code("A");
  const auto line = StreamMessageLine(RouteFor("GET", "/v1/opds/A"), opd);
  ASSERT_TRUE(line.ok());
  EXPECT_EQ(*line, "{\"code\":\"A\"}\n");
  opd.set_display_name("multi\nline");
  const auto escaped = StreamMessageLine(RouteFor("GET", "/v1/opds/A"), opd);
  EXPECT_EQ(std::count(escaped->begin(), escaped->end(), '\n'), 1);  // a newline in data is escaped
  EXPECT_EQ(StreamErrorLine(grpc::Status(grpc::StatusCode::UNAVAILABLE, "gone")),
            "{\"error\":{\"code\":14,\"message\":\"gone\",\"details\":[]}}\n");
}

TEST(ResponseWriterTest, OutOfRangeTimestampIsAnInternalError) {
  v1::ListAuditEventsResponse r;
  r.add_audit_events()->mutable_time()->set_seconds(999999999999999LL);
  const auto json = ResponseJson(RouteFor("GET", "/v1/auditEvents"), r);
  EXPECT_EQ(json.status().code(), absl::StatusCode::kInternal);
  const HttpResponse http = UnaryResponse(RouteFor("GET", "/v1/auditEvents"), grpc::Status::OK,
                                          r.SerializeAsString());
  EXPECT_EQ(http.status, 500);
}

}  // namespace
}  // namespace kinerja::transcoder
