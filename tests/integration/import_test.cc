// ImportEmployees through a real gRPC channel, against a real MariaDB: all or nothing, every bad row
// reported with its line and field, idempotent re-runs.
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/integration/org_fixture.h"
#include "tests/integration/test_server.h"

namespace kinerja::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr char kHeader[] = "nip,nama,jenis_asn,status,kode_jabatan,tmt_jabatan,jenis_mutasi\n";

class ImportTest : public OrgServerTest {
 protected:
  grpc::Status Import(const std::string& csv, v1::ImportEmployeesResponse* resp,
                      bool validate_only = false) {
    v1::ImportEmployeesRequest req;
    req.set_csv(csv);
    req.set_validate_only(validate_only);
    return server_->directory().ImportEmployees(Ctx(absl::Seconds(60)).get(), req, resp);
  }

  int EmployeeCount() {
    v1::ListEmployeesRequest req;
    req.set_page_size(1000);
    v1::ListEmployeesResponse resp;
    EXPECT_TRUE(server_->directory().ListEmployees(Ctx().get(), req, &resp).ok());
    return resp.employees_size();
  }

  int HistoryLength(const std::string& nip) {
    v1::ListAssignmentsRequest req;
    req.set_parent("employees/" + nip);
    v1::ListAssignmentsResponse resp;
    EXPECT_TRUE(server_->directory().ListAssignments(Ctx().get(), req, &resp).ok());
    return resp.assignments_size();
  }
};

TEST_F(ImportTest, EveryBadRowIsReportedWithLineAndFieldAndNothingIsStored) {
  const std::string csv = absl::StrCat(
      kHeader,
      "199301012019031001,Ani Susanti,PNS,AKTIF,DISKOMINFO-PLK,2024-02-01,AWAL\n",  // line 2: good
      "19930101201903100,Bad Nip,PNS,AKTIF,DISKOMINFO-PLK,2024-02-01,AWAL\n",      // line 3
      "199302022019032002,Bad Date,PNS,AKTIF,DISKOMINFO-PLK,2024-02-30,AWAL\n",    // line 4
      "199303032019031003,Bad Type,PNSX,AKTIF,DISKOMINFO-PLK,2024-02-01,AWAL\n",   // line 5
      "199304042019032004,,PNS,AKTIF,DISKOMINFO-PLK,2024-02-01,PINDAH\n");         // line 6
  v1::ImportEmployeesResponse resp;
  grpc::Status st = Import(csv, &resp);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(FieldViolations(st),
              ElementsAre(HasSubstr("csv[line=3].nip: NIP must have exactly 18 digits"),
                          HasSubstr("csv[line=4].tmt_jabatan: '2024-02-30' is not a real"),
                          HasSubstr("csv[line=5].jenis_asn: must be PNS or PPPK"),
                          HasSubstr("csv[line=6].nama: nama is required"),
                          HasSubstr("csv[line=6].jenis_mutasi: must be AWAL")));
  EXPECT_EQ(EmployeeCount(), 9);
}

TEST_F(ImportTest, RowsThatBreakTheDirectoryRulesFailTheWholeFile) {
  const std::string csv = absl::StrCat(
      kHeader,
      "199301012019031001,Ani Susanti,PNS,AKTIF,DISKOMINFO-PLK,2024-02-01,AWAL\n",
      "199302022019032002,Bambang,PNS,AKTIF,NO-SUCH-POSITION,2024-02-01,AWAL\n",
      "199303032019031003,Citra,PNS,AKTIF,DISKOMINFO-KASI1,2025-01-01,AWAL\n",  // C holds it
      kD, ",Dewi Lestari,PNS,AKTIF,DINKES-PLK,2023-05-01,MUTASI\n");            // before 2024-01-02
  v1::ImportEmployeesResponse resp;
  grpc::Status st = Import(csv, &resp);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  auto v = FieldViolations(st);
  EXPECT_THAT(v, ::testing::UnorderedElementsAre(
                     HasSubstr("csv[line=3].kode_jabatan: unknown position 'NO-SUCH-POSITION'"),
                     HasSubstr(absl::StrCat("csv[line=4].kode_jabatan: the position is held by NIP ",
                                            kC)),
                     HasSubstr("csv[line=5].tmt_jabatan: effective date 2023-05-01")));
  EXPECT_EQ(EmployeeCount(), 9);
  EXPECT_EQ(HistoryLength(kD), 1);
}

TEST_F(ImportTest, AppliesTransfersAndARerunChangesNothing) {
  const std::string csv = absl::StrCat(
      kHeader,
      "199301012019031001,Ani Susanti,PNS,AKTIF,DISKOMINFO-PLK,2024-02-01,AWAL\n",
      "199301012019031001,Ani Susanti,PNS,AKTIF,DINKES-PLK,2025-03-01,MUTASI\n",
      kD, ",Dewi Lestari,PNS,AKTIF,DISKOMINFO-KASI2,2025-07-01,PROMOSI\n",
      kE, ",Eko Nugroho,PPPK,AKTIF,DISKOMINFO-PLK,2024-01-02,AWAL\n");  // unchanged
  v1::ImportEmployeesResponse resp;
  grpc::Status st = Import(csv, &resp);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(resp.rows(), 4);
  EXPECT_EQ(resp.employees_created(), 1);
  EXPECT_EQ(resp.assignments_opened(), 3);
  EXPECT_EQ(resp.rows_unchanged(), 1);
  EXPECT_TRUE(resp.applied());
  EXPECT_EQ(HistoryLength("199301012019031001"), 2);
  EXPECT_EQ(HistoryLength(kD), 2);

  v1::ImportEmployeesResponse again;
  ASSERT_TRUE(Import(csv, &again).ok());
  EXPECT_EQ(again.employees_created(), 0);
  EXPECT_EQ(again.employees_updated(), 0);
  EXPECT_EQ(again.assignments_opened(), 0);
  EXPECT_EQ(again.rows_unchanged(), 4);
  EXPECT_EQ(HistoryLength("199301012019031001"), 2);
  EXPECT_EQ(EmployeeCount(), 10);
}

TEST_F(ImportTest, ValidateOnlyStoresNothing) {
  const std::string csv =
      absl::StrCat(kHeader, "199301012019031001,Ani Susanti,PNS,AKTIF,DISKOMINFO-PLK,2024-02-01,\n");
  v1::ImportEmployeesResponse resp;
  ASSERT_TRUE(Import(csv, &resp, /*validate_only=*/true).ok());
  EXPECT_EQ(resp.employees_created(), 1);
  EXPECT_FALSE(resp.applied());
  EXPECT_EQ(EmployeeCount(), 9);
}

TEST_F(ImportTest, AChangedNameUpdatesTheEmployee) {
  const std::string csv =
      absl::StrCat(kHeader, kE, ",Eko Nugroho S.T.,PPPK,AKTIF,DISKOMINFO-PLK,2024-01-02,AWAL\n");
  v1::ImportEmployeesResponse resp;
  ASSERT_TRUE(Import(csv, &resp).ok());
  EXPECT_EQ(resp.employees_updated(), 1);
  EXPECT_EQ(resp.rows_unchanged(), 0);
  v1::GetEmployeeRequest req;
  req.set_name(std::string("employees/") + kE);
  v1::Employee e;
  ASSERT_TRUE(server_->directory().GetEmployee(Ctx().get(), req, &e).ok());
  EXPECT_EQ(e.full_name(), "Eko Nugroho S.T.");
}

TEST_F(ImportTest, ABadHeaderIsReported) {
  v1::ImportEmployeesResponse resp;
  grpc::Status st = Import("nip,nama,jenis\n1,2,3\n", &resp);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  auto v = FieldViolations(st);
  EXPECT_THAT(v, ::testing::Contains(HasSubstr("csv[line=1].jenis: unknown column")));
  EXPECT_THAT(v, ::testing::Contains(HasSubstr("csv[line=1].kode_jabatan: required column")));
}

}  // namespace
}  // namespace kinerja::testing
