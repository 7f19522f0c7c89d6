// The SDK against a real server (in-process, on the MariaDB fixture): sign-in, errors with their
// details, server-side deduplication by request_id, pagination and the export stream.
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "kinerja/sdk/kinerja_sdk.h"
#include "tests/integration/org_fixture.h"
#include "tests/integration/test_server.h"

namespace kinerja::sdk {
namespace {

using kinerja::testing::kAdminNip;
using kinerja::testing::kAdminPassword;

class LiveClientTest : public kinerja::testing::OrgServerTest {
 protected:
  Options SignedIn() {
    Options options;
    options.endpoints = {absl::StrCat("127.0.0.1:", server_->app().grpc_port())};
    options.session_token = server_->admin_token();
    options.user_agent_prefix = "sdk-live-test/1";
    return options;
  }
  DirectoryClient Directory() {
    auto client = MakeDirectoryClient(SignedIn());
    EXPECT_TRUE(client.ok()) << client.status();
    return *std::move(client);
  }
};

TEST_F(LiveClientTest, SignInThenCallAsTheAccount) {
  Options options = SignedIn();
  options.session_token.clear();
  auto identity = MakeIdentityClient(options);
  ASSERT_TRUE(identity.ok()) << identity.status();
  EXPECT_TRUE(absl::IsUnauthenticated(identity->GetMyAccount().status()));
  auto login = identity->Login(kAdminNip, kAdminPassword);
  ASSERT_TRUE(login.ok()) << login.status();

  options.session_token = login->session_token();
  auto signed_in = MakeIdentityClient(options);
  ASSERT_TRUE(signed_in.ok());
  auto account = signed_in->GetMyAccount();
  ASSERT_TRUE(account.ok()) << account.status();
  EXPECT_EQ(account->name(), absl::StrCat("accounts/", kAdminNip));
  auto diagnostics = MakeDiagnosticsClient(options);
  ASSERT_TRUE(diagnostics.ok());
  auto pong = diagnostics->Ping("halo Semarang");
  ASSERT_TRUE(pong.ok()) << pong.status();
  EXPECT_EQ(pong->payload(), "halo Semarang");
  EXPECT_TRUE(signed_in->Logout().ok());
  EXPECT_TRUE(absl::IsUnauthenticated(signed_in->GetMyAccount().status()));
}

TEST_F(LiveClientTest, ServerErrorsKeepTheirCodeAndFieldViolations) {
  DirectoryClient directory = Directory();
  EXPECT_TRUE(absl::IsNotFound(directory.GetEmployee("199901012020011001").status()));
  v1::Employee bad;
  bad.set_nip("12345");
  bad.set_employee_type(v1::PNS);
  auto created = directory.CreateEmployee(bad);
  ASSERT_TRUE(absl::IsInvalidArgument(created.status())) << created.status();
  std::vector<std::string> fields;
  for (const auto& v : FieldViolations(created.status())) fields.push_back(v.field);
  EXPECT_NE(std::find(fields.begin(), fields.end(), "employee.nip"), fields.end());
  EXPECT_NE(std::find(fields.begin(), fields.end(), "employee.full_name"), fields.end());
}

TEST_F(LiveClientTest, AWriteSentTwiceWithOneRequestIdHappensOnce) {
  DirectoryClient directory = Directory();
  v1::CreateOpdRequest request;
  request.mutable_opd()->set_code("BAPPEDA");
  request.mutable_opd()->set_display_name("Badan Perencanaan Pembangunan Daerah");
  request.mutable_opd()->set_kind("BADAN");
  request.set_request_id("sdk-live-test-bappeda-1");
  auto first = directory.CreateOpd(request);
  ASSERT_TRUE(first.ok()) << first.status();
  auto second = directory.CreateOpd(request);  // as a retry after a lost answer would
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(second->SerializeAsString(), first->SerializeAsString());
  // Without a caller's id the SDK makes one per call: a second call is a second create.
  request.clear_request_id();
  EXPECT_TRUE(absl::IsAlreadyExists(directory.CreateOpd(request).status()));
}

TEST_F(LiveClientTest, ListsArePagedLazily) {
  DirectoryClient directory = Directory();
  v1::ListOpdsRequest opds;
  opds.set_page_size(1);
  auto all_opds = ReadAll(directory.ListOpds(opds));
  ASSERT_TRUE(all_opds.ok()) << all_opds.status();
  EXPECT_EQ(all_opds->size(), 3u);
  v1::ListEmployeesRequest employees;
  employees.set_page_size(2);
  auto all = ReadAll(directory.ListEmployees(employees));
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_EQ(all->size(), 9u);
}

TEST_F(LiveClientTest, ExportStreamsInNipOrderAndCanBeDropped) {
  DirectoryClient directory = Directory();
  std::vector<std::string> nips;
  for (const auto& e : directory.ExportEmployees("DISKOMINFO")) {
    ASSERT_TRUE(e.ok()) << e.status();
    nips.push_back(e->nip());
  }
  EXPECT_EQ(nips.size(), 6u);
  EXPECT_TRUE(std::is_sorted(nips.begin(), nips.end()));
  {
    auto range = directory.ExportEmployees("");  // the whole city, dropped after one
    auto it = range.begin();
    ASSERT_NE(it, range.end());
    EXPECT_TRUE(it->ok());
  }
  auto city = ReadAll(directory.ExportEmployees(""));
  ASSERT_TRUE(city.ok()) << city.status();
  EXPECT_EQ(city->size(), 9u);
  auto unknown = ReadAll(directory.ExportEmployees("NOSUCHOPD"));
  EXPECT_TRUE(absl::IsNotFound(unknown.status())) << unknown.status();
}

TEST_F(LiveClientTest, AuditEventsOfTheSdksWrites) {
  DirectoryClient directory = Directory();
  v1::Opd opd;
  opd.set_code("DISDIK");
  opd.set_display_name("Dinas Pendidikan");
  opd.set_kind("DINAS");
  ASSERT_TRUE(directory.CreateOpd(opd).ok());
  auto audit = MakeAuditClient(SignedIn());
  ASSERT_TRUE(audit.ok());
  v1::ListAuditEventsRequest request;
  request.set_resource_prefix("opds/DISDIK");
  auto events = ReadAll(audit->ListAuditEvents(request));
  ASSERT_TRUE(events.ok()) << events.status();
  ASSERT_EQ(events->size(), 1u);
  // The SDK's request id travels as x-request-id, so the audit row carries it.
  EXPECT_EQ((*events)[0].request_id().size(), 32u);
}

}  // namespace
}  // namespace kinerja::sdk
