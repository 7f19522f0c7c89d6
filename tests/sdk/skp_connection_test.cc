// SkpService through the SDK, against gRPC's generated MockSkpServiceStub: which calls are
// retried (reads, CreateSkp with one request_id, SetOrganizationPredikat), which are sent once
// (the transitions, UpdateSkp, ImportSkps, FinalizeOpdSkps), overrides, the requests the client's
// short overloads build, the base class and the gMock connection.
#include "kinerja/sdk/skp_connection.h"

#include <memory>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "kinerja/sdk/mocks/mock_skp_connection.h"
#include "kinerja/sdk/skp_client.h"
#include "kinerja/v1/skp_mock.grpc.pb.h"
#include "tests/sdk/fake_environment.h"

namespace kinerja::sdk {
namespace {

using ::testing::_;
using ::testing::DoAll;
using ::testing::ElementsAre;
using ::testing::Invoke;
using ::testing::Return;
using ::testing::SetArgPointee;
using ::testing::StrictMock;

grpc::Status Unavailable() { return grpc::Status(grpc::StatusCode::UNAVAILABLE, "replica gone"); }

constexpr char kSkpName[] = "employees/198507122010011003/skps/7";

v1::Skp Plan() {
  v1::Skp skp;
  skp.set_name(kSkpName);
  skp.set_year(2026);
  skp.set_state(v1::SKP_STATE_DRAFT);
  skp.set_etag("e1");
  return skp;
}

class SkpConnectionTest : public ::testing::Test {
 protected:
  SkpConnectionTest() {
    options_.api_key = "knk_1_secret";
    options_.retry.max_attempts = 4;
    options_.retry.max_total_time = absl::Seconds(10);
  }
  std::shared_ptr<SkpConnection> Connection() {
    auto connection = MakeSkpConnection(stub_, options_, env_.Make());
    EXPECT_TRUE(connection.ok()) << connection.status();
    return connection.ok() ? *connection : nullptr;
  }

  Options options_;
  testing::FakeEnvironment env_;
  std::shared_ptr<StrictMock<v1::MockSkpServiceStub>> stub_ =
      std::make_shared<StrictMock<v1::MockSkpServiceStub>>();
};

TEST_F(SkpConnectionTest, ReadIsRetriedAfterUnavailable) {
  EXPECT_CALL(*stub_, GetSkp(_, _, _))
      .WillOnce(Return(Unavailable()))
      .WillOnce(Return(Unavailable()))
      .WillOnce(DoAll(SetArgPointee<2>(Plan()), Return(grpc::Status::OK)));
  v1::GetSkpRequest request;
  request.set_name(kSkpName);
  auto skp = Connection()->GetSkp(request);
  ASSERT_TRUE(skp.ok()) << skp.status();
  EXPECT_EQ(skp->name(), kSkpName);
  EXPECT_EQ(env_.sleeps().size(), 2u);
}

TEST_F(SkpConnectionTest, EveryReadIsRetried) {
  EXPECT_CALL(*stub_, ListSkps(_, _, _))
      .WillOnce(Return(Unavailable()))
      .WillOnce(Return(grpc::Status::OK));
  EXPECT_CALL(*stub_, ListIntervensiOptions(_, _, _))
      .WillOnce(Return(Unavailable()))
      .WillOnce(Return(grpc::Status::OK));
  EXPECT_CALL(*stub_, ListSubordinateSkps(_, _, _))
      .WillOnce(Return(Unavailable()))
      .WillOnce(Return(grpc::Status::OK));
  EXPECT_CALL(*stub_, GetOpdSkpSummary(_, _, _))
      .WillOnce(Return(Unavailable()))
      .WillOnce(Return(grpc::Status::OK));
  EXPECT_CALL(*stub_, GetCascade(_, _, _))
      .WillOnce(Return(Unavailable()))
      .WillOnce(Return(grpc::Status::OK));
  EXPECT_CALL(*stub_, ListOpdQuotaReports(_, _, _))
      .WillOnce(Return(Unavailable()))
      .WillOnce(Return(grpc::Status::OK));
  EXPECT_CALL(*stub_, ExportSkps(_, _, _))
      .WillOnce(Return(Unavailable()))
      .WillOnce(Return(grpc::Status::OK));
  EXPECT_CALL(*stub_, SetOrganizationPredikat(_, _, _))
      .WillOnce(Return(Unavailable()))
      .WillOnce(Return(grpc::Status::OK));
  auto c = Connection();
  EXPECT_TRUE(c->ListSkps({}).ok());
  EXPECT_TRUE(c->ListIntervensiOptions({}).ok());
  EXPECT_TRUE(c->ListSubordinateSkps({}).ok());
  EXPECT_TRUE(c->GetOpdSkpSummary({}).ok());
  EXPECT_TRUE(c->GetCascade({}).ok());
  EXPECT_TRUE(c->ListOpdQuotaReports({}).ok());
  EXPECT_TRUE(c->ExportSkps({}).ok());
  EXPECT_TRUE(c->SetOrganizationPredikat({}).ok());
}

TEST_F(SkpConnectionTest, CreateSkpIsRetriedWithTheSameRequestId) {
  std::vector<std::string> ids;
  EXPECT_CALL(*stub_, CreateSkp(_, _, _))
      .Times(3)
      .WillRepeatedly(Invoke([&](grpc::ClientContext*, const v1::CreateSkpRequest& r, v1::Skp* s) {
        ids.push_back(r.request_id());
        if (ids.size() < 3) return Unavailable();
        *s = Plan();
        return grpc::Status::OK;
      }));
  v1::CreateSkpRequest request;
  request.set_parent("employees/198507122010011003");
  request.mutable_skp()->set_year(2026);
  auto created = Connection()->CreateSkp(request);
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_THAT(ids, ElementsAre("test-id-1", "test-id-1", "test-id-1"));
  EXPECT_EQ(env_.ids_made(), 1);
}

TEST_F(SkpConnectionTest, CallersRequestIdIsKept) {
  std::vector<std::string> ids;
  EXPECT_CALL(*stub_, CreateSkp(_, _, _))
      .Times(2)
      .WillRepeatedly(Invoke([&](grpc::ClientContext*, const v1::CreateSkpRequest& r, v1::Skp*) {
        ids.push_back(r.request_id());
        return ids.size() == 1 ? Unavailable() : grpc::Status::OK;
      }));
  v1::CreateSkpRequest request;
  request.set_request_id("skp-import-0001");
  EXPECT_TRUE(Connection()->CreateSkp(request).ok());
  EXPECT_THAT(ids, ::testing::Each("skp-import-0001"));
  EXPECT_EQ(env_.ids_made(), 0);
}

TEST_F(SkpConnectionTest, SubmitSkpIsNotRetried) {
  EXPECT_CALL(*stub_, SubmitSkp(_, _, _)).WillOnce(Return(Unavailable()));
  v1::TransitionSkpRequest request;
  request.set_name(kSkpName);
  request.set_etag("e1");
  auto submitted = Connection()->SubmitSkp(request);
  EXPECT_EQ(submitted.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_TRUE(env_.sleeps().empty());
}

TEST_F(SkpConnectionTest, OtherWritesAreSentOnce) {
  EXPECT_CALL(*stub_, ApproveSkp(_, _, _)).WillOnce(Return(Unavailable()));
  EXPECT_CALL(*stub_, ReturnSkp(_, _, _)).WillOnce(Return(Unavailable()));
  EXPECT_CALL(*stub_, ReviseSkp(_, _, _)).WillOnce(Return(Unavailable()));
  EXPECT_CALL(*stub_, SetExpectations(_, _, _)).WillOnce(Return(Unavailable()));
  EXPECT_CALL(*stub_, EvaluateSkp(_, _, _)).WillOnce(Return(Unavailable()));
  EXPECT_CALL(*stub_, UpdateSkp(_, _, _)).WillOnce(Return(Unavailable()));
  EXPECT_CALL(*stub_, ImportSkps(_, _, _)).WillOnce(Return(Unavailable()));
  EXPECT_CALL(*stub_, FinalizeOpdSkps(_, _, _)).WillOnce(Return(Unavailable()));
  auto c = Connection();
  EXPECT_TRUE(absl::IsUnavailable(c->ApproveSkp({}).status()));
  EXPECT_TRUE(absl::IsUnavailable(c->ReturnSkp({}).status()));
  EXPECT_TRUE(absl::IsUnavailable(c->ReviseSkp({}).status()));
  EXPECT_TRUE(absl::IsUnavailable(c->SetExpectations({}).status()));
  EXPECT_TRUE(absl::IsUnavailable(c->EvaluateSkp({}).status()));
  EXPECT_TRUE(absl::IsUnavailable(c->UpdateSkp({}).status()));
  EXPECT_TRUE(absl::IsUnavailable(c->ImportSkps({}).status()));
  EXPECT_TRUE(absl::IsUnavailable(c->FinalizeOpdSkps({}).status()));
  EXPECT_TRUE(env_.sleeps().empty());
}

TEST_F(SkpConnectionTest, OverrideMakesSubmitRetriedAndGetSentOnce) {
  options_.idempotency_overrides["kinerja.v1.SkpService/SubmitSkp"] = Idempotency::kIdempotent;
  options_.idempotency_overrides["/kinerja.v1.SkpService/GetSkp"] = Idempotency::kNonIdempotent;
  EXPECT_CALL(*stub_, SubmitSkp(_, _, _))
      .WillOnce(Return(Unavailable()))
      .WillOnce(Return(grpc::Status::OK));
  EXPECT_CALL(*stub_, GetSkp(_, _, _)).WillOnce(Return(Unavailable()));
  auto c = Connection();
  EXPECT_TRUE(c->SubmitSkp({}).ok());
  EXPECT_TRUE(absl::IsUnavailable(c->GetSkp({}).status()));
}

TEST_F(SkpConnectionTest, UnknownSkpMethodOverrideIsRefused) {
  options_.idempotency_overrides["kinerja.v1.SkpService/DeleteSkp"] = Idempotency::kIdempotent;
  auto connection = MakeSkpConnection(stub_, options_, env_.Make());
  EXPECT_EQ(connection.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(SkpConnectionTest, NoStubIsRefused) {
  EXPECT_EQ(MakeSkpConnection(nullptr, options_).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(SkpConnectionBase, AnswersUnimplemented) {
  SkpConnection base;
  EXPECT_EQ(base.GetSkp({}).status().code(), absl::StatusCode::kUnimplemented);
  EXPECT_EQ(base.FinalizeOpdSkps({}).status().code(), absl::StatusCode::kUnimplemented);
  EXPECT_THAT(std::string(base.SubmitSkp({}).status().message()),
              ::testing::HasSubstr("SkpConnection::SubmitSkp"));
}

TEST(SkpClientTest, OverloadsBuildTheRequests) {
  auto mock = std::make_shared<StrictMock<mocks::MockSkpConnection>>();
  EXPECT_CALL(*mock, ListSkps).WillOnce([](const v1::ListSkpsRequest& r) {
    EXPECT_EQ(r.parent(), "employees/198507122010011003");
    EXPECT_EQ(r.year(), 2026);
    return v1::ListSkpsResponse();
  });
  EXPECT_CALL(*mock, ReturnSkp).WillOnce([](const v1::TransitionSkpRequest& r) {
    EXPECT_EQ(r.name(), kSkpName);
    EXPECT_EQ(r.note(), "IKI belum terukur");
    EXPECT_EQ(r.etag(), "e1");
    return Plan();
  });
  EXPECT_CALL(*mock, GetOpdSkpSummary).WillOnce([](const v1::GetOpdSkpSummaryRequest& r) {
    EXPECT_EQ(r.name(), "opds/DISKOMINFO/years/2026");
    return v1::OpdSkpSummary();
  });
  EXPECT_CALL(*mock, SetOrganizationPredikat)
      .WillOnce([](const v1::SetOrganizationPredikatRequest& r) {
        EXPECT_EQ(r.name(), "opds/DISKOMINFO/years/2026");
        EXPECT_EQ(r.predikat(), v1::ORGANIZATION_PREDIKAT_BAIK);
        return v1::OrganizationPredikat();
      });
  EXPECT_CALL(*mock, ImportSkps).WillOnce([](const v1::ImportSkpsRequest& r) {
    EXPECT_EQ(r.name(), "opds/BAPPEDA/years/2025");
    EXPECT_EQ(r.format(), v1::EXCHANGE_FORMAT_CSV);
    EXPECT_EQ(r.content(), "nip;...");
    EXPECT_TRUE(r.validate_only());
    return v1::ImportSkpsResponse();
  });
  SkpClient client(mock);
  EXPECT_TRUE(client.ListSkps("198507122010011003", 2026).ok());
  EXPECT_TRUE(client.ReturnSkp(kSkpName, "IKI belum terukur", "e1").ok());
  EXPECT_TRUE(client.GetOpdSkpSummary("DISKOMINFO", 2026).ok());
  EXPECT_TRUE(
      client.SetOrganizationPredikat("opds/DISKOMINFO", 2026, v1::ORGANIZATION_PREDIKAT_BAIK).ok());
  EXPECT_TRUE(client.ImportSkps("BAPPEDA", 2025, v1::EXCHANGE_FORMAT_CSV, "nip;...", true).ok());
}

}  // namespace
}  // namespace kinerja::sdk
