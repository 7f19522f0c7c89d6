// grpc::Status -> absl::Status with the server's details kept, and read back.
#include "kinerja/sdk/status.h"

#include "google/rpc/error_details.pb.h"
#include "gtest/gtest.h"

namespace kinerja::sdk {
namespace {

TEST(StatusTest, OkIsOk) { EXPECT_TRUE(FromGrpcStatus(grpc::Status::OK).ok()); }

TEST(StatusTest, CodeAndMessageAreKept) {
  absl::Status st = FromGrpcStatus(grpc::Status(grpc::StatusCode::NOT_FOUND, "no such OPD"));
  EXPECT_EQ(st.code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(st.message(), "no such OPD");
  EXPECT_TRUE(FieldViolations(st).empty());
  EXPECT_FALSE(ErrorDetails(st).has_value());
}

TEST(StatusTest, EveryCodeMapsToTheSameAbslCode) {
  for (int code = 1; code <= 16; ++code) {
    absl::Status st = FromGrpcStatus(grpc::Status(static_cast<grpc::StatusCode>(code), "x"));
    EXPECT_EQ(static_cast<int>(st.code()), code);
  }
}

TEST(StatusTest, BadRequestDetailsBecomeFieldViolations) {
  google::rpc::BadRequest bad;
  auto* a = bad.add_field_violations();
  a->set_field("employee.nip");
  a->set_description("must have 18 digits");
  auto* b = bad.add_field_violations();
  b->set_field("employee.full_name");
  b->set_description("must not be empty");
  google::rpc::Status details;
  details.set_code(3);
  details.set_message("invalid request");
  details.add_details()->PackFrom(bad);
  google::rpc::ErrorInfo info;
  info.set_reason("BAD_NIP");
  details.add_details()->PackFrom(info);

  absl::Status st = FromGrpcStatus(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                                                "invalid request", details.SerializeAsString()));
  EXPECT_TRUE(absl::IsInvalidArgument(st));
  auto violations = FieldViolations(st);
  ASSERT_EQ(violations.size(), 2u);
  EXPECT_EQ(violations[0].field, "employee.nip");
  EXPECT_EQ(violations[1].description, "must not be empty");
  auto whole = ErrorDetails(st);
  ASSERT_TRUE(whole.has_value());
  EXPECT_EQ(whole->details_size(), 2);
  auto info_payload = st.GetPayload("type.googleapis.com/google.rpc.ErrorInfo");
  ASSERT_TRUE(info_payload.has_value());
  google::rpc::ErrorInfo parsed;
  ASSERT_TRUE(parsed.ParseFromString(std::string(*info_payload)));
  EXPECT_EQ(parsed.reason(), "BAD_NIP");
}

TEST(StatusTest, UnparsableDetailsAreDropped) {
  absl::Status st =
      FromGrpcStatus(grpc::Status(grpc::StatusCode::INTERNAL, "oops", "\xff\xff not proto"));
  EXPECT_EQ(st.code(), absl::StatusCode::kInternal);
  EXPECT_FALSE(ErrorDetails(st).has_value());
}

TEST(StatusTest, InvalidArgumentWithViolationsRoundTrips) {
  absl::Status st = InvalidArgumentWithViolations(
      "invalid request", {{"opd.code", "2-32 characters"}, {"opd.kind", "unknown"}});
  EXPECT_TRUE(absl::IsInvalidArgument(st));
  EXPECT_EQ(st.message(), "invalid request");
  auto violations = FieldViolations(st);
  ASSERT_EQ(violations.size(), 2u);
  EXPECT_EQ(violations[1].field, "opd.kind");
  EXPECT_TRUE(ErrorDetails(st).has_value());
}

}  // namespace
}  // namespace kinerja::sdk
