// Options validation: the factories refuse what cannot work, with INVALID_ARGUMENT naming it.
#include "kinerja/sdk/options.h"

#include <string>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "kinerja/sdk/channel.h"
#include "kinerja/sdk/directory_client.h"
#include "kinerja/sdk/version.h"

namespace kinerja::sdk {
namespace {

Options Good() {
  Options options;
  options.endpoints = {"127.0.0.1:5001", "127.0.0.1:5002"};
  return options;
}

void ExpectInvalid(const Options& options, absl::string_view mentions) {
  absl::Status st = ValidateOptions(options);
  EXPECT_TRUE(absl::IsInvalidArgument(st)) << st;
  EXPECT_TRUE(absl::StrContains(st.message(), mentions)) << st.message();
}

TEST(OptionsTest, DefaultsWithEndpointsAreValid) {
  EXPECT_TRUE(ValidateOptions(Good()).ok());
  Options options = Good();
  EXPECT_EQ(options.default_deadline, absl::Seconds(30));
  EXPECT_EQ(options.retry.max_attempts, 5);
  EXPECT_TRUE(options.retry.full_jitter);
}

TEST(OptionsTest, EndpointsAreRequired) {
  Options options = Good();
  options.endpoints.clear();
  ExpectInvalid(options, "endpoints");
  // The factories say the same.
  EXPECT_TRUE(absl::IsInvalidArgument(MakeDirectoryConnection(options).status()));
  EXPECT_TRUE(absl::IsInvalidArgument(MakeDirectoryClient(options).status()));
  EXPECT_TRUE(absl::IsInvalidArgument(MakeChannel(options).status()));
}

TEST(OptionsTest, RetryPolicyRanges) {
  Options options = Good();
  options.retry.max_attempts = 0;
  ExpectInvalid(options, "max_attempts");
  options = Good();
  options.retry.max_total_time = absl::ZeroDuration();
  ExpectInvalid(options, "max_total_time");
  options = Good();
  options.retry.initial_backoff = absl::ZeroDuration();
  ExpectInvalid(options, "initial_backoff");
  options = Good();
  options.retry.max_backoff = absl::Milliseconds(10);
  ExpectInvalid(options, "max_backoff");
  options = Good();
  options.retry.multiplier = 0.5;
  ExpectInvalid(options, "multiplier");
}

TEST(OptionsTest, DeadlinesAndLimits) {
  Options options = Good();
  options.default_deadline = absl::ZeroDuration();
  ExpectInvalid(options, "default_deadline");
  options = Good();
  options.stream_deadline = -absl::Seconds(1);
  ExpectInvalid(options, "stream_deadline");
  options = Good();
  options.max_receive_message_bytes = 0;
  ExpectInvalid(options, "max_receive_message_bytes");
}

TEST(OptionsTest, Credentials) {
  Options options = Good();
  options.session_token = "abc";
  options.api_key = "knk_1_2";
  ExpectInvalid(options, "not both");
  options = Good();
  options.session_token = "abc\ndef";
  ExpectInvalid(options, "session_token");
  options = Good();
  options.api_key = "knk 1";
  ExpectInvalid(options, "api_key");
  options = Good();
  options.user_agent_prefix = "payroll\x01";
  ExpectInvalid(options, "user_agent_prefix");
}

TEST(OptionsTest, IdempotencyOverridesMustNameKinerjaMethods) {
  Options options = Good();
  options.idempotency_overrides["kinerja.v1.DirectoryService/CreateOpd"] =
      Idempotency::kNonIdempotent;
  options.idempotency_overrides["/kinerja.v1.IdentityService/Login"] = Idempotency::kIdempotent;
  options.idempotency_overrides["kinerja.v1.AuditService/ListAuditEvents"] =
      Idempotency::kIdempotent;
  options.idempotency_overrides["kinerja.v1.DiagnosticsService/Ping"] = Idempotency::kIdempotent;
  EXPECT_TRUE(ValidateOptions(options).ok()) << ValidateOptions(options);
  options.idempotency_overrides["kinerja.v1.DirectoryService/CreateOPD"] = Idempotency::kIdempotent;
  ExpectInvalid(options, "CreateOPD");
  options = Good();
  options.idempotency_overrides["DirectoryService/CreateOpd"] = Idempotency::kIdempotent;
  ExpectInvalid(options, "not a Kinerja method");
}

TEST(OptionsTest, Tls) {
  Options options = Good();
  options.tls.ca_pem = "-----BEGIN CERTIFICATE-----";
  ExpectInvalid(options, "tls.enabled");
  options.tls.enabled = true;
  EXPECT_TRUE(ValidateOptions(options).ok());
  options.tls.ca_file = "/etc/ssl/ca.pem";
  ExpectInvalid(options, "not both");
  options = Good();
  options.tls.enabled = true;
  options.tls.client_cert_pem = "cert";
  ExpectInvalid(options, "private key");
  options.tls.client_key_file = "/tmp/key.pem";
  EXPECT_TRUE(ValidateOptions(options).ok());
}

TEST(OptionsTest, UnreadableTlsFileIsNotFoundWhenTheChannelIsMade) {
  Options options = Good();
  options.tls.enabled = true;
  options.tls.ca_file = "/nonexistent/kinerja-ca.pem";
  EXPECT_TRUE(ValidateOptions(options).ok());
  EXPECT_TRUE(absl::IsNotFound(MakeChannel(options).status())) << MakeChannel(options).status();
}

TEST(OptionsTest, CallOptionsIgnoreEndpoints) {
  Options options;
  EXPECT_TRUE(ValidateCallOptions(options).ok());
  EXPECT_FALSE(ValidateOptions(options).ok());
}

TEST(OptionsTest, UserAgentEndsWithTheSdkVersion) {
  Options options = Good();
  EXPECT_EQ(UserAgentPrefix(options), std::string("kinerja-sdk/") + kVersion);
  options.user_agent_prefix = "payroll-bpkad/2.3";
  EXPECT_EQ(UserAgentPrefix(options), std::string("payroll-bpkad/2.3 kinerja-sdk/") + kVersion);
}

TEST(OptionsTest, ChannelIsMadeForGoodOptions) {
  auto channel = MakeChannel(Good());
  ASSERT_TRUE(channel.ok()) << channel.status();
  EXPECT_NE(*channel, nullptr);
}

}  // namespace
}  // namespace kinerja::sdk
