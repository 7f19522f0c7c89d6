// ExportEmployees as a StreamRange over gRPC's mock ClientReader: messages in order, retries only
// before the first message, a clean cancel when the range is dropped part-way.
#include <grpcpp/test/mock_stream.h>

#include <memory>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "kinerja/sdk/directory_connection.h"
#include "kinerja/v1/directory_mock.grpc.pb.h"
#include "tests/sdk/fake_environment.h"

namespace kinerja::sdk {
namespace {

using ::testing::_;
using ::testing::DoAll;
using ::testing::InSequence;
using ::testing::Return;
using ::testing::SetArgPointee;
using ::testing::StrictMock;
using Reader = grpc::testing::MockClientReader<v1::Employee>;

v1::Employee Nip(const std::string& nip) {
  v1::Employee e;
  e.set_nip(nip);
  return e;
}

// A reader that yields `nips`, then ends with `status`.
Reader* Yielding(const std::vector<std::string>& nips, grpc::Status status) {
  auto* reader = new StrictMock<Reader>();
  {
    InSequence in_order;
    for (const auto& nip : nips) {
      EXPECT_CALL(*reader, Read(_)).WillOnce(DoAll(SetArgPointee<0>(Nip(nip)), Return(true)));
    }
    EXPECT_CALL(*reader, Read(_)).WillOnce(Return(false));
    EXPECT_CALL(*reader, Finish()).WillOnce(Return(status));
  }
  return reader;
}

class ExportTest : public ::testing::Test {
 protected:
  ExportTest() { options_.retry.full_jitter = false; }
  std::shared_ptr<DirectoryConnection> Connect() {
    auto connection = MakeDirectoryConnection(stub_, options_, env_.Make());
    EXPECT_TRUE(connection.ok()) << connection.status();
    return *connection;
  }

  Options options_;
  testing::FakeEnvironment env_;
  std::shared_ptr<StrictMock<v1::MockDirectoryServiceStub>> stub_ =
      std::make_shared<StrictMock<v1::MockDirectoryServiceStub>>();
};

std::vector<std::string> Collect(StreamRange<v1::Employee>& range, absl::Status* error) {
  std::vector<std::string> nips;
  for (const auto& e : range) {
    if (!e.ok()) {
      *error = e.status();
      continue;
    }
    nips.push_back(e->nip());
  }
  return nips;
}

TEST_F(ExportTest, YieldsEveryMessageInOrder) {
  EXPECT_CALL(*stub_, ExportEmployeesRaw(_, _))
      .WillOnce(Return(Yielding({"1", "2", "3"}, grpc::Status::OK)));
  v1::ExportEmployeesRequest request;
  request.set_opd("DISKOMINFO");
  auto range = Connect()->ExportEmployees(request);
  absl::Status error;
  EXPECT_THAT(Collect(range, &error), ::testing::ElementsAre("1", "2", "3"));
  EXPECT_TRUE(error.ok());
}

TEST_F(ExportTest, NothingIsSentBeforeTheRangeIsRead) {
  auto range = Connect()->ExportEmployees({});  // StrictMock: no call expected
}

TEST_F(ExportTest, AFailureBeforeTheFirstMessageIsRetried) {
  EXPECT_CALL(*stub_, ExportEmployeesRaw(_, _))
      .WillOnce(Return(Yielding({}, grpc::Status(grpc::StatusCode::UNAVAILABLE, "gone"))))
      .WillOnce(Return(Yielding({"1", "2"}, grpc::Status::OK)));
  auto range = Connect()->ExportEmployees({});
  absl::Status error;
  EXPECT_THAT(Collect(range, &error), ::testing::ElementsAre("1", "2"));
  EXPECT_TRUE(error.ok()) << error;
  EXPECT_EQ(env_.sleeps().size(), 1u);
}

TEST_F(ExportTest, AFailureAfterTheFirstMessageEndsTheRange) {
  EXPECT_CALL(*stub_, ExportEmployeesRaw(_, _))
      .WillOnce(Return(Yielding({"1"}, grpc::Status(grpc::StatusCode::UNAVAILABLE, "gone"))));
  auto range = Connect()->ExportEmployees({});
  absl::Status error;
  EXPECT_THAT(Collect(range, &error), ::testing::ElementsAre("1"));
  EXPECT_TRUE(absl::IsUnavailable(error)) << error;
  EXPECT_TRUE(env_.sleeps().empty());
}

TEST_F(ExportTest, PermissionDeniedIsNotRetried) {
  EXPECT_CALL(*stub_, ExportEmployeesRaw(_, _))
      .WillOnce(Return(Yielding({}, grpc::Status(grpc::StatusCode::PERMISSION_DENIED, "no"))));
  auto range = Connect()->ExportEmployees({});
  absl::Status error;
  EXPECT_TRUE(Collect(range, &error).empty());
  EXPECT_TRUE(absl::IsPermissionDenied(error));
}

TEST_F(ExportTest, AnEmptyExportIsAnEmptyRange) {
  EXPECT_CALL(*stub_, ExportEmployeesRaw(_, _)).WillOnce(Return(Yielding({}, grpc::Status::OK)));
  auto range = Connect()->ExportEmployees({});
  EXPECT_EQ(range.begin(), range.end());
}

TEST_F(ExportTest, DroppingTheRangeCancelsDrainsAndFinishesTheCall) {
  grpc::ClientContext* context = nullptr;
  auto* reader = new StrictMock<Reader>();
  // Two messages arrive; the caller reads one and drops the range. The rest is drained after
  // the cancel and the call is finished exactly once.
  EXPECT_CALL(*reader, Read(_))
      .WillOnce(DoAll(SetArgPointee<0>(Nip("1")), Return(true)))
      .WillOnce(DoAll(SetArgPointee<0>(Nip("2")), Return(true)))
      .WillOnce(Return(false));
  EXPECT_CALL(*reader, Finish())
      .WillOnce(Return(grpc::Status(grpc::StatusCode::CANCELLED, "cancelled")));
  EXPECT_CALL(*stub_, ExportEmployeesRaw(_, _))
      .WillOnce(::testing::Invoke([&](grpc::ClientContext* ctx, const v1::ExportEmployeesRequest&) {
        context = ctx;
        return reader;
      }));
  {
    auto range = Connect()->ExportEmployees({});
    auto it = range.begin();
    ASSERT_TRUE(it->ok());
    EXPECT_EQ((*it)->nip(), "1");
  }
  EXPECT_NE(context, nullptr);
  ::testing::Mock::VerifyAndClearExpectations(stub_.get());
}

}  // namespace
}  // namespace kinerja::sdk
