// Ranges: paginated lists fetch each page only when the caller reaches it; a failure is the last
// item; StreamRange's own rules (input range, ReadAll).
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "kinerja/sdk/audit_connection.h"
#include "kinerja/sdk/directory_connection.h"
#include "kinerja/sdk/stream_range.h"
#include "kinerja/v1/audit_mock.grpc.pb.h"
#include "kinerja/v1/directory_mock.grpc.pb.h"
#include "tests/sdk/fake_environment.h"

namespace kinerja::sdk {
namespace {

using ::testing::_;
using ::testing::Invoke;
using ::testing::StrictMock;

v1::Employee Named(const std::string& full_name) {
  v1::Employee e;
  e.set_full_name(full_name);
  return e;
}

struct Page {
  std::vector<std::string> names;
  std::string next_page_token;
  grpc::Status status = grpc::Status::OK;
};

class PaginatedRangeTest : public ::testing::Test {
 protected:
  PaginatedRangeTest() { options_.retry.full_jitter = false; }

  // The stub answers ListEmployees from `pages_` by page token; failures are answered once.
  void ServePages() {
    EXPECT_CALL(*stub_, ListEmployees(_, _, _))
        .WillRepeatedly(Invoke([this](grpc::ClientContext*, const v1::ListEmployeesRequest& req,
                                      v1::ListEmployeesResponse* resp) {
          requests_.push_back(req);
          auto it = pages_.find(req.page_token());
          if (it == pages_.end()) return grpc::Status(grpc::StatusCode::INTERNAL, "no page");
          if (!it->second.status.ok()) return std::exchange(it->second.status, grpc::Status::OK);
          for (const auto& n : it->second.names) *resp->add_employees() = Named(n);
          resp->set_next_page_token(it->second.next_page_token);
          return grpc::Status::OK;
        }));
  }

  std::shared_ptr<DirectoryConnection> Connect() {
    auto connection = MakeDirectoryConnection(stub_, options_, env_.Make());
    EXPECT_TRUE(connection.ok()) << connection.status();
    return *connection;
  }

  Options options_;
  testing::FakeEnvironment env_;
  std::shared_ptr<StrictMock<v1::MockDirectoryServiceStub>> stub_ =
      std::make_shared<StrictMock<v1::MockDirectoryServiceStub>>();
  std::map<std::string, Page> pages_;
  std::vector<v1::ListEmployeesRequest> requests_;
};

TEST_F(PaginatedRangeTest, FetchesEachPageOnlyWhenReached) {
  pages_[""] = {{"Agus", "Budi"}, "p2"};
  pages_["p2"] = {{"Citra"}, "p3"};
  pages_["p3"] = {{}, "p4"};  // an empty page in the middle is skipped
  pages_["p4"] = {{"Dewi"}, ""};
  ServePages();
  v1::ListEmployeesRequest request;
  request.set_page_size(2);
  request.set_opd("DISKOMINFO");
  auto connection = Connect();
  PaginatedRange<v1::Employee> range = connection->ListEmployees(request);
  EXPECT_EQ(requests_.size(), 0u) << "nothing is fetched before begin()";

  auto it = range.begin();
  ASSERT_NE(it, range.end());
  ASSERT_TRUE(it->ok());
  EXPECT_EQ((*it)->full_name(), "Agus");
  EXPECT_EQ(requests_.size(), 1u);
  ++it;
  EXPECT_EQ((*it)->full_name(), "Budi");
  EXPECT_EQ(requests_.size(), 1u) << "the second item is on the first page";
  ++it;
  EXPECT_EQ((*it)->full_name(), "Citra");
  EXPECT_EQ(requests_.size(), 2u);
  ++it;
  EXPECT_EQ((*it)->full_name(), "Dewi");
  EXPECT_EQ(requests_.size(), 4u);
  ++it;
  EXPECT_EQ(it, range.end());
  EXPECT_EQ(requests_.size(), 4u);

  std::vector<std::string> tokens;
  for (const auto& r : requests_) {
    tokens.push_back(r.page_token());
    EXPECT_EQ(r.page_size(), 2);
    EXPECT_EQ(r.opd(), "DISKOMINFO");
  }
  EXPECT_THAT(tokens, ::testing::ElementsAre("", "p2", "p3", "p4"));
}

TEST_F(PaginatedRangeTest, AFailedPageIsTheLastItem) {
  pages_[""] = {{"Agus", "Budi"}, "p2"};
  pages_["p2"] = {{"Citra"}, "", grpc::Status(grpc::StatusCode::PERMISSION_DENIED, "no")};
  ServePages();
  auto connection = Connect();
  std::vector<std::string> seen;
  absl::Status error;
  for (const auto& employee : connection->ListEmployees({})) {
    if (!employee.ok()) {
      error = employee.status();
      continue;  // the range must end by itself
    }
    seen.push_back(employee->full_name());
  }
  EXPECT_THAT(seen, ::testing::ElementsAre("Agus", "Budi"));
  EXPECT_TRUE(absl::IsPermissionDenied(error)) << error;
  EXPECT_EQ(requests_.size(), 2u);
}

TEST_F(PaginatedRangeTest, EachPageFetchIsRetried) {
  pages_[""] = {{"Agus"}, "p2"};
  pages_["p2"] = {{"Budi"}, "", grpc::Status(grpc::StatusCode::UNAVAILABLE, "replica gone")};
  ServePages();
  auto connection = Connect();
  auto all = ReadAll(connection->ListEmployees({}));
  ASSERT_TRUE(all.ok()) << all.status();
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[1].full_name(), "Budi");
  EXPECT_EQ(requests_.size(), 3u);
  EXPECT_EQ(requests_[1].page_token(), "p2");
  EXPECT_EQ(requests_[2].page_token(), "p2");
}

TEST_F(PaginatedRangeTest, ARepeatedPageTokenEndsWithAnError) {
  pages_[""] = {{"Agus"}, "loop"};
  pages_["loop"] = {{"Budi"}, "loop"};
  ServePages();
  auto connection = Connect();
  std::vector<absl::StatusOr<v1::Employee>> items;
  for (auto& e : connection->ListEmployees({})) items.push_back(e);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[1]->full_name(), "Budi");
  EXPECT_TRUE(absl::IsInternal(items[2].status()));
}

TEST_F(PaginatedRangeTest, DroppingTheRangeFetchesNothingMore) {
  pages_[""] = {{"Agus"}, "p2"};
  pages_["p2"] = {{"Budi"}, ""};
  ServePages();
  auto connection = Connect();
  {
    auto range = connection->ListEmployees({});
    auto it = range.begin();
    EXPECT_EQ((*it)->full_name(), "Agus");
  }
  EXPECT_EQ(requests_.size(), 1u);
}

TEST(AuditRangeTest, AuditEventsArePagedWithTheirFilters) {
  auto stub = std::make_shared<StrictMock<v1::MockAuditServiceStub>>();
  std::vector<std::string> tokens;
  EXPECT_CALL(*stub, ListAuditEvents(_, _, _))
      .Times(2)
      .WillRepeatedly(Invoke([&](grpc::ClientContext*, const v1::ListAuditEventsRequest& req,
                                 v1::ListAuditEventsResponse* resp) {
        EXPECT_EQ(req.method(), "/kinerja.v1.DirectoryService/CreateEmployee");
        tokens.push_back(req.page_token());
        resp->add_audit_events()->set_name("auditEvents/" + std::to_string(tokens.size()));
        if (tokens.size() == 1) resp->set_next_page_token("next");
        return grpc::Status::OK;
      }));
  auto connection = MakeAuditConnection(stub, Options{});
  ASSERT_TRUE(connection.ok());
  v1::ListAuditEventsRequest request;
  request.set_method("/kinerja.v1.DirectoryService/CreateEmployee");
  auto events = ReadAll((*connection)->ListAuditEvents(request));
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 2u);
  EXPECT_EQ((*events)[1].name(), "auditEvents/2");
  EXPECT_THAT(tokens, ::testing::ElementsAre("", "next"));
}

TEST(StreamRangeTest, DefaultRangeIsEmpty) {
  StreamRange<int> range;
  EXPECT_EQ(range.begin(), range.end());
}

TEST(StreamRangeTest, EndsAfterTheFirstError) {
  auto range = MakeStreamRange<int>({1, absl::DataLossError("torn"), 3});
  std::vector<absl::StatusOr<int>> items;
  for (auto& item : range) items.push_back(item);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(*items[0], 1);
  EXPECT_TRUE(absl::IsDataLoss(items[1].status()));
}

TEST(StreamRangeTest, IsAnInputRange) {
  int produced = 0;
  auto range = MakeStreamRange<int>([&]() -> absl::optional<absl::StatusOr<int>> {
    if (produced == 3) return absl::nullopt;
    return ++produced;
  });
  EXPECT_EQ(produced, 0);
  auto first = range.begin();
  EXPECT_EQ(**first, 1);
  ++first;
  EXPECT_EQ(**range.begin(), 2) << "begin() again returns the current position";
  EXPECT_EQ(produced, 2);
  std::vector<int> rest;
  for (auto& i : range) rest.push_back(*i);
  EXPECT_THAT(rest, ::testing::ElementsAre(2, 3));
}

TEST(StreamRangeTest, ReadAllReturnsItemsOrTheError) {
  auto ok = ReadAll(MakeStreamRange<std::string>({std::string("a"), std::string("b")}));
  ASSERT_TRUE(ok.ok());
  EXPECT_THAT(*ok, ::testing::ElementsAre("a", "b"));
  auto failed =
      ReadAll(MakeStreamRange<std::string>({std::string("a"), absl::UnavailableError("gone")}));
  EXPECT_TRUE(absl::IsUnavailable(failed.status()));
}

TEST(StreamRangeTest, MovesWithItsPosition) {
  auto range = MakeStreamRange<int>({1, 2, 3});
  auto it = range.begin();
  ++it;
  StreamRange<int> moved = std::move(range);
  std::vector<int> rest;
  for (auto& i : moved) rest.push_back(*i);
  EXPECT_THAT(rest, ::testing::ElementsAre(2, 3));
}

}  // namespace
}  // namespace kinerja::sdk
