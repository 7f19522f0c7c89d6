// The gMock connections as a city system would use them: its own code takes a DirectoryClient,
// and its tests give it one over a MockDirectoryConnection - no server, no network.
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "kinerja/sdk/directory_client.h"
#include "kinerja/sdk/identity_client.h"
#include "kinerja/sdk/mocks/mock_directory_connection.h"
#include "kinerja/sdk/mocks/mock_identity_connection.h"
#include "kinerja/sdk/status.h"

namespace payroll {

// "Code under test" of a payroll system: the monthly list of who to pay, from Kinerja's export.
struct PayrollLine {
  std::string nip;
  std::string opd;
};

absl::StatusOr<std::vector<PayrollLine>> MonthlyPayroll(kinerja::sdk::DirectoryClient& directory,
                                                        const std::string& opd) {
  std::vector<PayrollLine> lines;
  for (const auto& employee : directory.ExportEmployees(opd)) {
    if (!employee.ok()) return employee.status();
    if (employee->status() != kinerja::v1::ACTIVE) continue;
    lines.push_back({employee->nip(), employee->current_assignment().opd()});
  }
  return lines;
}

// Another: a human-readable line for one employee, or why there is none.
std::string Describe(kinerja::sdk::DirectoryClient& directory, const std::string& nip) {
  auto employee = directory.GetEmployee(nip);
  if (absl::IsNotFound(employee.status())) return "unknown NIP " + nip;
  if (!employee.ok()) {
    std::string out = "error:";
    for (const auto& v : kinerja::sdk::FieldViolations(employee.status())) {
      absl::StrAppend(&out, " ", v.field);
    }
    return out;
  }
  return absl::StrCat(employee->full_name(), " (", employee->nip(), ")");
}

}  // namespace payroll

namespace kinerja::sdk {
namespace {

using ::testing::_;
using ::testing::Return;
using ::testing::StrictMock;

v1::Employee Active(const std::string& nip, const std::string& opd) {
  v1::Employee e;
  e.set_nip(nip);
  e.set_full_name("Pegawai " + nip);
  e.set_status(v1::ACTIVE);
  e.mutable_current_assignment()->set_opd(opd);
  return e;
}

TEST(MockConnectionTest, PayrollKeepsActiveEmployees) {
  auto mock = std::make_shared<StrictMock<mocks::MockDirectoryConnection>>();
  v1::Employee retired = Active("3", "DINKES");
  retired.set_status(v1::INACTIVE);
  EXPECT_CALL(*mock,
              ExportEmployees(::testing::Property(&v1::ExportEmployeesRequest::opd, "DINKES")))
      .WillOnce([&](const v1::ExportEmployeesRequest&) {
        return MakeStreamRange<v1::Employee>(
            {Active("1", "DINKES"), retired, Active("2", "DINKES")});
      });
  DirectoryClient client(mock);
  auto lines = payroll::MonthlyPayroll(client, "opds/DINKES");
  ASSERT_TRUE(lines.ok()) << lines.status();
  ASSERT_EQ(lines->size(), 2u);
  EXPECT_EQ((*lines)[1].nip, "2");
}

TEST(MockConnectionTest, PayrollReportsAFailedExport) {
  auto mock = std::make_shared<StrictMock<mocks::MockDirectoryConnection>>();
  EXPECT_CALL(*mock, ExportEmployees(_)).WillOnce([](const v1::ExportEmployeesRequest&) {
    return MakeStreamRange<v1::Employee>(
        {Active("1", "DINKES"), absl::UnavailableError("replica gone")});
  });
  DirectoryClient client(mock);
  EXPECT_TRUE(absl::IsUnavailable(payroll::MonthlyPayroll(client, "DINKES").status()));
}

TEST(MockConnectionTest, DescribeHandlesEveryAnswer) {
  auto mock = std::make_shared<StrictMock<mocks::MockDirectoryConnection>>();
  EXPECT_CALL(*mock, GetEmployee(::testing::Property(&v1::GetEmployeeRequest::name,
                                                     "employees/198507122010011003")))
      .WillOnce(Return(Active("198507122010011003", "DISKOMINFO")));
  EXPECT_CALL(*mock, GetEmployee(::testing::Property(&v1::GetEmployeeRequest::name,
                                                     "employees/199901012020011001")))
      .WillOnce(Return(absl::NotFoundError("no such employee")));
  EXPECT_CALL(*mock,
              GetEmployee(::testing::Property(&v1::GetEmployeeRequest::name, "employees/12")))
      .WillOnce(Return(
          InvalidArgumentWithViolations("invalid request", {{"name", "NIP must have 18 digits"}})));
  DirectoryClient client(mock);
  EXPECT_EQ(payroll::Describe(client, "198507122010011003"),
            "Pegawai 198507122010011003 (198507122010011003)");
  EXPECT_EQ(payroll::Describe(client, "199901012020011001"), "unknown NIP 199901012020011001");
  EXPECT_EQ(payroll::Describe(client, "12"), "error: name");
}

TEST(MockConnectionTest, IdentityMockAnswersLogin) {
  auto mock = std::make_shared<StrictMock<mocks::MockIdentityConnection>>();
  v1::LoginResponse response;
  response.set_session_token("tok");
  EXPECT_CALL(*mock, Login(::testing::Property(&v1::LoginRequest::nip, "196505051990031009")))
      .WillOnce(Return(response));
  EXPECT_CALL(*mock, Logout(_)).WillOnce(Return(v1::LogoutResponse()));
  IdentityClient client(mock);
  auto login = client.Login("196505051990031009", "secret");
  ASSERT_TRUE(login.ok());
  EXPECT_EQ(login->session_token(), "tok");
  EXPECT_TRUE(client.Logout().ok());
}

// A fake written by subclassing (not mocking) compiles against the base class: methods it does not
// override answer UNIMPLEMENTED.
class FakeDirectory : public DirectoryConnection {
 public:
  absl::StatusOr<v1::Opd> GetOpd(const v1::GetOpdRequest& request) override {
    v1::Opd opd;
    opd.set_name(request.name());
    return opd;
  }
};

TEST(MockConnectionTest, AFakeConnectionAnswersUnimplementedForTheRest) {
  DirectoryClient client(std::make_shared<FakeDirectory>());
  auto opd = client.GetOpd("DISKOMINFO");
  ASSERT_TRUE(opd.ok());
  EXPECT_EQ(opd->name(), "opds/DISKOMINFO");
  EXPECT_TRUE(absl::IsUnimplemented(client.GetEmployee("1").status()));
  auto list = ReadAll(client.ListOpds());
  EXPECT_TRUE(absl::IsUnimplemented(list.status()));
}

}  // namespace
}  // namespace kinerja::sdk
