// The gRPC wire rules of the gateway's own HTTP/2 client: message framing, grpc-timeout,
// grpc-message decoding, and the status of a response.
#include "gateway/server/grpc_wire.h"

#include "absl/strings/escaping.h"
#include "gtest/gtest.h"

namespace kinerja::gateway::wire {
namespace {

TEST(GrpcWireTest, FramesAndUnframesOneMessage) {
  const std::string framed = FrameMessage("abc");
  ASSERT_EQ(framed.size(), 8u);
  EXPECT_EQ(framed.substr(0, 5), std::string("\0\0\0\0\3", 5));
  auto back = UnframeUnaryMessage(framed);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(*back, "abc");
  const std::string big(70000, 'x');
  EXPECT_EQ(*UnframeUnaryMessage(FrameMessage(big)), big);
  EXPECT_EQ(*UnframeUnaryMessage(FrameMessage("")), "");
}

TEST(GrpcWireTest, RefusesBodiesThatAreNotExactlyOneUncompressedMessage) {
  EXPECT_FALSE(UnframeUnaryMessage("").ok());
  EXPECT_FALSE(UnframeUnaryMessage(std::string("\0\0\0", 3)).ok());
  EXPECT_FALSE(UnframeUnaryMessage(std::string("\1\0\0\0\1a", 6)).ok());        // compressed
  EXPECT_FALSE(UnframeUnaryMessage(std::string("\0\0\0\0\2a", 6)).ok());        // short
  EXPECT_FALSE(UnframeUnaryMessage(FrameMessage("a") + FrameMessage("b")).ok());  // two
}

TEST(GrpcWireTest, TimeoutHasAtMostEightDigitsAndNeverRoundsDown) {
  EXPECT_EQ(EncodeTimeout(absl::Nanoseconds(1)), "1n");
  EXPECT_EQ(EncodeTimeout(absl::Milliseconds(30)), "30000000n");
  EXPECT_EQ(EncodeTimeout(absl::Seconds(30)), "30000000u");
  EXPECT_EQ(EncodeTimeout(absl::Seconds(3600)), "3600000m");
  EXPECT_EQ(EncodeTimeout(absl::Nanoseconds(100000001)), "100001u");  // 100.000001 ms, up
  EXPECT_EQ(EncodeTimeout(absl::ZeroDuration()), "1n");
  EXPECT_EQ(EncodeTimeout(-absl::Seconds(1)), "1n");
  EXPECT_EQ(EncodeTimeout(absl::Hours(200000)), "12000000M");
  EXPECT_EQ(EncodeTimeout(absl::Hours(2000000)), "2000000H");
}

TEST(GrpcWireTest, DecodesPercentEncodedMessages) {
  EXPECT_EQ(DecodeGrpcMessage("plain text"), "plain text");
  EXPECT_EQ(DecodeGrpcMessage("NIP %C3%A9 100%25"), "NIP \xC3\xA9 100%");
  EXPECT_EQ(DecodeGrpcMessage("bad %zz and %4"), "bad %zz and %4");
}

TEST(GrpcWireTest, MapsHttpStatusesAsGrpcClientsDo) {
  EXPECT_EQ(CodeForHttpStatus(400), grpc::StatusCode::INTERNAL);
  EXPECT_EQ(CodeForHttpStatus(401), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(CodeForHttpStatus(403), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(CodeForHttpStatus(404), grpc::StatusCode::UNIMPLEMENTED);
  for (int s : {429, 502, 503, 504}) EXPECT_EQ(CodeForHttpStatus(s), grpc::StatusCode::UNAVAILABLE);
  EXPECT_EQ(CodeForHttpStatus(500), grpc::StatusCode::UNKNOWN);
}

TEST(GrpcWireTest, ResponseStatusReadsCodeMessageAndDetails) {
  const std::string details("\x08\x03\x12\x02hi", 6);
  std::string b64 = absl::Base64Escape(details);
  while (!b64.empty() && b64.back() == '=') b64.pop_back();  // gRPC sends it unpadded
  grpc::Status st = ResponseStatus(200, "3", "NIP %C3%A9 salah", b64);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(st.error_message(), "NIP \xC3\xA9 salah");
  EXPECT_EQ(st.error_details(), details);
  EXPECT_TRUE(ResponseStatus(200, "0", "", "").ok());
  EXPECT_EQ(ResponseStatus(200, "", "", "").error_code(), grpc::StatusCode::INTERNAL);
  EXPECT_EQ(ResponseStatus(503, "", "", "").error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_EQ(ResponseStatus(200, "17", "", "").error_code(), grpc::StatusCode::UNKNOWN);
  EXPECT_EQ(ResponseStatus(200, "x", "", "").error_code(), grpc::StatusCode::UNKNOWN);
}

}  // namespace
}  // namespace kinerja::gateway::wire
