// The installed gMock connections, used as a city system's own unit test would: no server.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "kinerja/sdk/directory_client.h"
#include "kinerja/sdk/mocks/mock_directory_connection.h"
#include "kinerja/sdk/status.h"
#include "kinerja/v1/directory_mock.grpc.pb.h"

namespace {

using ::testing::Return;

TEST(InstalledMocks, ClientOverMockConnection) {
  auto mock = std::make_shared<kinerja::sdk::mocks::MockDirectoryConnection>();
  kinerja::v1::Employee rina;
  rina.set_full_name("Rina Kusumawati");
  EXPECT_CALL(*mock, GetEmployee).WillOnce(Return(rina));
  EXPECT_CALL(*mock, ListEmployees).WillOnce([](const kinerja::v1::ListEmployeesRequest&) {
    return kinerja::sdk::MakeStreamRange<kinerja::v1::Employee>(
        {kinerja::v1::Employee(), absl::UnavailableError("gone")});
  });
  kinerja::sdk::DirectoryClient client(mock);
  auto e = client.GetEmployee("199001012015011001");
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->full_name(), "Rina Kusumawati");
  EXPECT_TRUE(absl::IsUnavailable(kinerja::sdk::ReadAll(client.ListEmployees()).status()));
}

TEST(InstalledMocks, GeneratedMockStubUnderTheDefaultConnection) {
  auto stub = std::make_shared<kinerja::v1::MockDirectoryServiceStub>();
  EXPECT_CALL(*stub, GetOpd)
      .WillOnce(Return(grpc::Status(grpc::StatusCode::UNAVAILABLE, "gone")))
      .WillOnce(Return(grpc::Status::OK));
  kinerja::sdk::Options options;
  options.retry.initial_backoff = absl::Milliseconds(1);
  options.retry.max_backoff = absl::Milliseconds(1);
  auto connection = kinerja::sdk::MakeDirectoryConnection(stub, options);
  ASSERT_TRUE(connection.ok()) << connection.status();
  EXPECT_TRUE(kinerja::sdk::DirectoryClient(*connection).GetOpd("DISKOMINFO").ok());
}

}  // namespace
