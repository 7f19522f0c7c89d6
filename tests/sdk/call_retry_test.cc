// Retries and idempotency of the default connections, against gRPC's generated mock stubs: which
// calls are retried, after which codes, how often, for how long, with which request id.
#include <grpcpp/test/client_context_test_peer.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "gtest/gtest.h"
#include "kinerja/sdk/directory_connection.h"
#include "kinerja/sdk/identity_connection.h"
#include "kinerja/sdk/status.h"
#include "kinerja/v1/directory_mock.grpc.pb.h"
#include "kinerja/v1/identity_mock.grpc.pb.h"
#include "tests/sdk/fake_environment.h"

namespace kinerja::sdk {
namespace {

using ::testing::_;
using ::testing::DoAll;
using ::testing::Invoke;
using ::testing::Return;
using ::testing::SetArgPointee;
using ::testing::StrictMock;

grpc::Status Unavailable() { return grpc::Status(grpc::StatusCode::UNAVAILABLE, "replica gone"); }

// INVALID_ARGUMENT with a google.rpc.BadRequest, as the server sends it.
grpc::Status BadNip() {
  google::rpc::BadRequest bad;
  auto* v = bad.add_field_violations();
  v->set_field("employee.nip");
  v->set_description("NIP must have exactly 18 digits");
  google::rpc::Status details;
  details.set_code(3);
  details.set_message("invalid request");
  details.add_details()->PackFrom(bad);
  return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "invalid request",
                      details.SerializeAsString());
}

v1::Employee Alice() {
  v1::Employee e;
  e.set_name("employees/198507122010011003");
  e.set_nip("198507122010011003");
  e.set_full_name("Alice Wahyuningsih");
  return e;
}

std::string Header(grpc::ClientContext* context, const std::string& key) {
  auto md = grpc::testing::ClientContextTestPeer(context).GetSendInitialMetadata();
  auto it = md.find(key);
  return it == md.end() ? "<none>" : it->second;
}

// Seconds from now (real clock) to the context's deadline.
double SecondsLeft(grpc::ClientContext* context) {
  return std::chrono::duration<double>(context->deadline() - std::chrono::system_clock::now())
      .count();
}

class RetryTest : public ::testing::Test {
 protected:
  RetryTest() {
    options_.session_token = "session-token-1";
    options_.retry.max_attempts = 5;
    options_.retry.max_total_time = absl::Seconds(10);
    options_.retry.initial_backoff = absl::Milliseconds(100);
    options_.retry.max_backoff = absl::Seconds(1);
    options_.retry.multiplier = 2.0;
  }

  std::shared_ptr<DirectoryConnection> Directory() {
    auto connection = MakeDirectoryConnection(directory_stub_, options_, env_.Make());
    EXPECT_TRUE(connection.ok()) << connection.status();
    return connection.ok() ? *connection : nullptr;
  }
  std::shared_ptr<IdentityConnection> Identity() {
    auto connection = MakeIdentityConnection(identity_stub_, options_, env_.Make());
    EXPECT_TRUE(connection.ok()) << connection.status();
    return connection.ok() ? *connection : nullptr;
  }

  Options options_;
  testing::FakeEnvironment env_;
  std::shared_ptr<StrictMock<v1::MockDirectoryServiceStub>> directory_stub_ =
      std::make_shared<StrictMock<v1::MockDirectoryServiceStub>>();
  std::shared_ptr<StrictMock<v1::MockIdentityServiceStub>> identity_stub_ =
      std::make_shared<StrictMock<v1::MockIdentityServiceStub>>();
};

TEST_F(RetryTest, ReadIsRetriedAfterUnavailable) {
  EXPECT_CALL(*directory_stub_, GetEmployee(_, _, _))
      .WillOnce(Return(Unavailable()))
      .WillOnce(Return(Unavailable()))
      .WillOnce(DoAll(SetArgPointee<2>(Alice()), Return(grpc::Status::OK)));
  v1::GetEmployeeRequest request;
  request.set_name("employees/198507122010011003");
  auto employee = Directory()->GetEmployee(request);
  ASSERT_TRUE(employee.ok()) << employee.status();
  EXPECT_EQ(employee->full_name(), "Alice Wahyuningsih");
  EXPECT_EQ(env_.sleeps().size(), 2u);
}

TEST_F(RetryTest, CreateGetsOneRequestIdSentOnEveryAttempt) {
  std::vector<std::string> body_ids;
  std::vector<std::string> header_ids;
  std::vector<std::string> authorizations;
  auto record = [&](grpc::ClientContext* context, const v1::CreateEmployeeRequest& request,
                    v1::Employee*) {
    body_ids.push_back(request.request_id());
    header_ids.push_back(Header(context, "x-request-id"));
    authorizations.push_back(Header(context, "authorization"));
  };
  EXPECT_CALL(*directory_stub_, CreateEmployee(_, _, _))
      .WillOnce(DoAll(Invoke(record), Return(Unavailable())))
      .WillOnce(DoAll(Invoke(record), Return(Unavailable())))
      .WillOnce(DoAll(Invoke(record), SetArgPointee<2>(Alice()), Return(grpc::Status::OK)));
  v1::CreateEmployeeRequest request;
  *request.mutable_employee() = Alice();
  auto created = Directory()->CreateEmployee(request);
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_EQ(env_.ids_made(), 1);
  EXPECT_THAT(body_ids, ::testing::ElementsAre("test-id-1", "test-id-1", "test-id-1"));
  EXPECT_THAT(header_ids, ::testing::ElementsAre("test-id-1", "test-id-1", "test-id-1"));
  EXPECT_THAT(authorizations, ::testing::Each("Bearer session-token-1"));
}

TEST_F(RetryTest, CallersRequestIdIsKept) {
  std::vector<std::string> ids;
  EXPECT_CALL(*directory_stub_, CreateOpd(_, _, _))
      .Times(2)
      .WillRepeatedly(
          Invoke([&](grpc::ClientContext*, const v1::CreateOpdRequest& request, v1::Opd*) {
            ids.push_back(request.request_id());
            return ids.size() == 1 ? Unavailable() : grpc::Status::OK;
          }));
  v1::CreateOpdRequest request;
  request.mutable_opd()->set_code("DISKOMINFO");
  request.set_request_id("payroll-2026-06-0001");
  ASSERT_TRUE(Directory()->CreateOpd(request).ok());
  EXPECT_THAT(ids, ::testing::Each("payroll-2026-06-0001"));
  EXPECT_EQ(env_.ids_made(), 0);
}

TEST_F(RetryTest, AnUnusableRequestIdStaysInTheBodyButNotInTheHeader) {
  EXPECT_CALL(*directory_stub_, CreateOpd(_, _, _))
      .WillOnce(Invoke([](grpc::ClientContext* context, const v1::CreateOpdRequest& request,
                          v1::Opd*) {
        EXPECT_EQ(request.request_id(), "two words\n");  // the server refuses it, with a reason
        EXPECT_EQ(Header(context, "x-request-id"), "test-id-1");
        return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "request_id");
      }));
  v1::CreateOpdRequest request;
  request.set_request_id("two words\n");
  EXPECT_TRUE(absl::IsInvalidArgument(Directory()->CreateOpd(request).status()));
}

TEST_F(RetryTest, EveryWriteWithRequestIdIsFilledAndRetried) {
  EXPECT_CALL(*directory_stub_, TransferEmployee(_, _, _))
      .WillOnce(Return(Unavailable()))
      .WillOnce(
          Invoke([](grpc::ClientContext*, const v1::TransferEmployeeRequest& r, v1::Assignment*) {
            return r.request_id().empty() ? grpc::Status(grpc::StatusCode::INTERNAL, "no id")
                                          : grpc::Status::OK;
          }));
  EXPECT_CALL(*directory_stub_, CreateActingAssignment(_, _, _))
      .WillOnce(Return(Unavailable()))
      .WillOnce(Return(grpc::Status::OK));
  EXPECT_CALL(*identity_stub_, GrantRole(_, _, _))
      .WillOnce(Return(Unavailable()))
      .WillOnce(Return(grpc::Status::OK));
  EXPECT_TRUE(Directory()->TransferEmployee({}).ok());
  EXPECT_TRUE(Directory()->CreateActingAssignment({}).ok());
  EXPECT_TRUE(Identity()->GrantRole({}).ok());
}

TEST_F(RetryTest, LoginIsNotRetried) {
  EXPECT_CALL(*identity_stub_, Login(_, _, _)).WillOnce(Return(Unavailable()));
  v1::LoginRequest request;
  request.set_nip("198507122010011003");
  request.set_password("Rahasia-Semarang-2026");
  auto login = Identity()->Login(request);
  EXPECT_EQ(login.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(login.status().message(), "replica gone");
  EXPECT_TRUE(env_.sleeps().empty());
}

TEST_F(RetryTest, WritesWithoutRequestIdAreNotRetried) {
  EXPECT_CALL(*directory_stub_, CreateUnit(_, _, _)).WillOnce(Return(Unavailable()));
  EXPECT_CALL(*directory_stub_, UpdatePosition(_, _, _)).WillOnce(Return(Unavailable()));
  EXPECT_CALL(*identity_stub_, CreateApiKey(_, _, _)).WillOnce(Return(Unavailable()));
  EXPECT_CALL(*identity_stub_, ChangePassword(_, _, _)).WillOnce(Return(Unavailable()));
  EXPECT_TRUE(absl::IsUnavailable(Directory()->CreateUnit({}).status()));
  EXPECT_TRUE(absl::IsUnavailable(Directory()->UpdatePosition({}).status()));
  EXPECT_TRUE(absl::IsUnavailable(Identity()->CreateApiKey({}).status()));
  EXPECT_TRUE(absl::IsUnavailable(Identity()->ChangePassword({}).status()));
}

TEST_F(RetryTest, ImportIsRetriedAsIdempotentByContent) {
  EXPECT_CALL(*directory_stub_, ImportEmployees(_, _, _))
      .WillOnce(Return(Unavailable()))
      .WillOnce(Return(grpc::Status::OK));
  EXPECT_TRUE(Directory()->ImportEmployees({}).ok());
}

TEST_F(RetryTest, InvalidArgumentIsNeverRetriedAndKeepsFieldViolations) {
  EXPECT_CALL(*directory_stub_, CreateEmployee(_, _, _)).WillOnce(Return(BadNip()));
  EXPECT_CALL(*directory_stub_, GetEmployee(_, _, _)).WillOnce(Return(BadNip()));
  auto created = Directory()->CreateEmployee({});
  EXPECT_TRUE(absl::IsInvalidArgument(created.status()));
  auto read = Directory()->GetEmployee({});
  EXPECT_TRUE(absl::IsInvalidArgument(read.status()));
  EXPECT_EQ(read.status().message(), "invalid request");
  auto violations = FieldViolations(read.status());
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].field, "employee.nip");
  EXPECT_TRUE(env_.sleeps().empty());
}

class NotRetriedCodeTest : public RetryTest,
                           public ::testing::WithParamInterface<grpc::StatusCode> {};

TEST_P(NotRetriedCodeTest, ReadFailsAtOnce) {
  EXPECT_CALL(*directory_stub_, GetOpd(_, _, _)).WillOnce(Return(grpc::Status(GetParam(), "no")));
  auto opd = Directory()->GetOpd({});
  EXPECT_EQ(static_cast<int>(opd.status().code()), static_cast<int>(GetParam()));
  EXPECT_TRUE(env_.sleeps().empty());
}

INSTANTIATE_TEST_SUITE_P(
    Codes, NotRetriedCodeTest,
    ::testing::Values(grpc::StatusCode::INVALID_ARGUMENT, grpc::StatusCode::NOT_FOUND,
                      grpc::StatusCode::ALREADY_EXISTS, grpc::StatusCode::PERMISSION_DENIED,
                      grpc::StatusCode::UNAUTHENTICATED, grpc::StatusCode::FAILED_PRECONDITION,
                      grpc::StatusCode::DEADLINE_EXCEEDED, grpc::StatusCode::INTERNAL,
                      grpc::StatusCode::UNIMPLEMENTED, grpc::StatusCode::UNKNOWN),
    [](const ::testing::TestParamInfo<grpc::StatusCode>& info) {
      return absl::StatusCodeToString(static_cast<absl::StatusCode>(info.param));
    });

class RetriedCodeTest : public RetryTest, public ::testing::WithParamInterface<grpc::StatusCode> {};

TEST_P(RetriedCodeTest, ReadIsRetried) {
  EXPECT_CALL(*directory_stub_, GetOpd(_, _, _))
      .WillOnce(Return(grpc::Status(GetParam(), "try again")))
      .WillOnce(Return(grpc::Status::OK));
  EXPECT_TRUE(Directory()->GetOpd({}).ok());
  EXPECT_EQ(env_.sleeps().size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Codes, RetriedCodeTest,
                         ::testing::Values(grpc::StatusCode::UNAVAILABLE,
                                           grpc::StatusCode::RESOURCE_EXHAUSTED,
                                           grpc::StatusCode::ABORTED, grpc::StatusCode::CANCELLED),
                         [](const ::testing::TestParamInfo<grpc::StatusCode>& info) {
                           return absl::StatusCodeToString(
                               static_cast<absl::StatusCode>(info.param));
                         });

TEST_F(RetryTest, MaxAttemptsIsRespected) {
  options_.retry.max_attempts = 4;
  EXPECT_CALL(*directory_stub_, GetEmployee(_, _, _))
      .Times(4)
      .WillRepeatedly(Return(Unavailable()));
  auto employee = Directory()->GetEmployee({});
  EXPECT_TRUE(absl::IsUnavailable(employee.status()));
  EXPECT_TRUE(absl::StrContains(employee.status().message(), "replica gone"));
  EXPECT_TRUE(absl::StrContains(employee.status().message(), "gave up after 4 attempts"));
  EXPECT_EQ(env_.sleeps().size(), 3u);
}

TEST_F(RetryTest, OneAttemptMeansNoRetry) {
  options_.retry.max_attempts = 1;
  EXPECT_CALL(*directory_stub_, GetEmployee(_, _, _)).WillOnce(Return(Unavailable()));
  EXPECT_EQ(Directory()->GetEmployee({}).status().message(), "replica gone");
}

TEST_F(RetryTest, MaxTotalTimeIsRespectedAndBoundsEachAttempt) {
  options_.retry.max_attempts = 100;
  options_.retry.max_total_time = absl::Seconds(2);
  options_.retry.full_jitter = false;  // waits 0.1, 0.2, 0.4, 0.8 s
  std::vector<double> attempt_timeouts;
  EXPECT_CALL(*directory_stub_, GetEmployee(_, _, _))
      .WillRepeatedly(
          Invoke([&](grpc::ClientContext* context, const v1::GetEmployeeRequest&, v1::Employee*) {
            attempt_timeouts.push_back(SecondsLeft(context));
            env_.Advance(absl::Milliseconds(250));  // each attempt "takes" 250 ms
            return Unavailable();
          }));
  auto employee = Directory()->GetEmployee({});
  EXPECT_TRUE(absl::IsUnavailable(employee.status()));
  // Attempts start at 0, 0.35, 0.8 and 1.45 s; the next would start at 2.5 s, after the limit.
  ASSERT_EQ(attempt_timeouts.size(), 4u);
  EXPECT_LE(env_.now() - env_.start(), absl::Seconds(2));
  EXPECT_THAT(env_.sleeps(),
              ::testing::ElementsAre(absl::Milliseconds(100), absl::Milliseconds(200),
                                     absl::Milliseconds(400)));
  // Each attempt's deadline is the time left (the default deadline, 30 s, is longer).
  const double expected[] = {2.0, 1.65, 1.2, 0.55};
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_NEAR(attempt_timeouts[i], expected[i], 0.05) << "attempt " << i + 1;
  }
}

TEST_F(RetryTest, DefaultDeadlineBoundsEachAttempt) {
  options_.default_deadline = absl::Milliseconds(500);
  std::vector<double> attempt_timeouts;
  EXPECT_CALL(*directory_stub_, GetEmployee(_, _, _))
      .Times(2)
      .WillRepeatedly(
          Invoke([&](grpc::ClientContext* context, const v1::GetEmployeeRequest&, v1::Employee*) {
            attempt_timeouts.push_back(SecondsLeft(context));
            return attempt_timeouts.size() == 1 ? Unavailable() : grpc::Status::OK;
          }));
  EXPECT_TRUE(Directory()->GetEmployee({}).ok());
  for (double t : attempt_timeouts) EXPECT_NEAR(t, 0.5, 0.05);
}

TEST_F(RetryTest, BackoffGrowsUpToItsCeiling) {
  options_.retry.max_attempts = 7;
  options_.retry.full_jitter = false;
  EXPECT_CALL(*directory_stub_, ListUnits(_, _, _)).Times(7).WillRepeatedly(Return(Unavailable()));
  EXPECT_FALSE(Directory()->ListUnits({}).ok());
  EXPECT_THAT(env_.sleeps(),
              ::testing::ElementsAre(absl::Milliseconds(100), absl::Milliseconds(200),
                                     absl::Milliseconds(400), absl::Milliseconds(800),
                                     absl::Seconds(1), absl::Seconds(1)));
}

TEST_F(RetryTest, FullJitterWaitsAFractionOfTheCeiling) {
  options_.retry.max_attempts = 6;
  env_.set_uniform(0.25);
  EXPECT_CALL(*directory_stub_, ListUnits(_, _, _)).Times(6).WillRepeatedly(Return(Unavailable()));
  EXPECT_FALSE(Directory()->ListUnits({}).ok());
  EXPECT_THAT(env_.sleeps(),
              ::testing::ElementsAre(absl::Milliseconds(25), absl::Milliseconds(50),
                                     absl::Milliseconds(100), absl::Milliseconds(200),
                                     absl::Milliseconds(250)));
}

TEST_F(RetryTest, OverrideMakesLoginIdempotent) {
  options_.idempotency_overrides["kinerja.v1.IdentityService/Login"] = Idempotency::kIdempotent;
  EXPECT_CALL(*identity_stub_, Login(_, _, _))
      .WillOnce(Return(Unavailable()))
      .WillOnce(Return(Unavailable()))
      .WillOnce(Return(grpc::Status::OK));
  EXPECT_TRUE(Identity()->Login({}).ok());
}

TEST_F(RetryTest, OverrideMakesReadsAndCreatesNonIdempotent) {
  options_.idempotency_overrides["/kinerja.v1.DirectoryService/GetEmployee"] =
      Idempotency::kNonIdempotent;
  options_.idempotency_overrides["kinerja.v1.DirectoryService/CreateEmployee"] =
      Idempotency::kNonIdempotent;
  EXPECT_CALL(*directory_stub_, GetEmployee(_, _, _)).WillOnce(Return(Unavailable()));
  EXPECT_CALL(*directory_stub_, CreateEmployee(_, _, _))
      .WillOnce(
          Invoke([](grpc::ClientContext*, const v1::CreateEmployeeRequest& request, v1::Employee*) {
            // Still given a request id: it is harmless, and the server deduplicates by it.
            return request.request_id().empty() ? grpc::Status::OK : Unavailable();
          }));
  EXPECT_TRUE(absl::IsUnavailable(Directory()->GetEmployee({}).status()));
  EXPECT_TRUE(absl::IsUnavailable(Directory()->CreateEmployee({}).status()));
  // Other reads keep their default.
  EXPECT_CALL(*directory_stub_, GetOpd(_, _, _))
      .WillOnce(Return(Unavailable()))
      .WillOnce(Return(grpc::Status::OK));
  EXPECT_TRUE(Directory()->GetOpd({}).ok());
}

TEST_F(RetryTest, ApiKeyGoesOutAsXApiKey) {
  options_.session_token.clear();
  options_.api_key = "knk_abc_def";
  EXPECT_CALL(*directory_stub_, GetOpd(_, _, _))
      .WillOnce(Invoke([](grpc::ClientContext* context, const v1::GetOpdRequest&, v1::Opd*) {
        EXPECT_EQ(Header(context, "x-api-key"), "knk_abc_def");
        EXPECT_EQ(Header(context, "authorization"), "<none>");
        return grpc::Status::OK;
      }));
  EXPECT_TRUE(Directory()->GetOpd({}).ok());
}

TEST_F(RetryTest, NoCredentialsSendsNone) {
  options_.session_token.clear();
  EXPECT_CALL(*identity_stub_, Login(_, _, _))
      .WillOnce(
          Invoke([](grpc::ClientContext* context, const v1::LoginRequest&, v1::LoginResponse*) {
            EXPECT_EQ(Header(context, "x-api-key"), "<none>");
            EXPECT_EQ(Header(context, "authorization"), "<none>");
            EXPECT_NE(Header(context, "x-request-id"), "<none>");
            return grpc::Status::OK;
          }));
  EXPECT_TRUE(Identity()->Login({}).ok());
}

TEST_F(RetryTest, ConnectionRefusesBadOptionsAndMissingPieces) {
  options_.retry.max_attempts = 0;
  EXPECT_TRUE(absl::IsInvalidArgument(
      MakeDirectoryConnection(directory_stub_, options_, env_.Make()).status()));
  options_.retry.max_attempts = 3;
  ConnectionEnvironment no_clock = env_.Make();
  no_clock.now = nullptr;
  EXPECT_TRUE(absl::IsInvalidArgument(
      MakeDirectoryConnection(directory_stub_, options_, no_clock).status()));
  EXPECT_TRUE(absl::IsInvalidArgument(MakeDirectoryConnection(nullptr, options_).status()));
}

}  // namespace
}  // namespace kinerja::sdk
