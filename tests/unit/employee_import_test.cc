#include "server/domain/employee_import.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace kinerja::domain {
namespace {

using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::HasSubstr;

constexpr char kHeader[] = "nip,nama,jenis_asn,status,kode_jabatan,tmt_jabatan,jenis_mutasi\n";
constexpr char kNip1[] = "199301012019031001";
constexpr char kNip2[] = "199302022019032002";

ImportRow Row(const std::string& nip, const std::string& code, absl::CivilDay day, int line) {
  ImportRow r;
  r.line = line;
  r.nip = nip;
  r.full_name = "Nama";
  r.employee_type = v1::PNS;
  r.position_code = code;
  r.effective = day;
  return r;
}

ImportSnapshot Snapshot() {
  ImportSnapshot s;
  s.positions["PLK"] = {1, v1::PELAKSANA};
  s.positions["KASI"] = {2, v1::PENGAWAS};
  s.positions["PLK2"] = {3, v1::PELAKSANA};
  return s;
}

TEST(ParseEmployeeCsvTest, ParsesColumnsInAnyOrder) {
  auto parsed = ParseEmployeeCsv(
      "kode_jabatan,TMT_JABATAN,nama,nip,jenis_asn\nPLK,2024-02-01,\"Sri, S.E.\",199301012019031001,PPPK\n");
  ASSERT_TRUE(parsed.violations.empty()) << parsed.violations[0].description;
  ASSERT_EQ(parsed.rows.size(), 1u);
  EXPECT_EQ(parsed.rows[0].full_name, "Sri, S.E.");
  EXPECT_EQ(parsed.rows[0].employee_type, v1::PPPK);
  EXPECT_EQ(parsed.rows[0].status, v1::ACTIVE);
  EXPECT_EQ(parsed.rows[0].effective, absl::CivilDay(2024, 2, 1));
  EXPECT_EQ(parsed.rows[0].line, 2);
}

TEST(ParseEmployeeCsvTest, ReportsEveryProblem) {
  auto parsed = ParseEmployeeCsv(std::string(kHeader) +
                                 "123,Nama,PNS,AKTIF,PLK,2024-01-01,\n"
                                 "199301012019031001,Nama,PNS,PENSIUN,plk,01-01-2024,\n"
                                 "199301012019031001,Nama,PNS\n");
  EXPECT_THAT(parsed.violations,
              ElementsAre(Field(&Violation::field, "csv[line=2].nip"),
                          Field(&Violation::field, "csv[line=3].status"),
                          Field(&Violation::field, "csv[line=3].kode_jabatan"),
                          Field(&Violation::field, "csv[line=3].tmt_jabatan"),
                          Field(&Violation::field, "csv[line=4].*")));
  EXPECT_TRUE(parsed.rows.empty());
}

TEST(ParseEmployeeCsvTest, RowsOfOneNipMustAgreeOnThePerson) {
  auto parsed = ParseEmployeeCsv(std::string(kHeader) +
                                 "199301012019031001,Ani,PNS,AKTIF,PLK,2024-01-01,\n"
                                 "199301012019031001,Anita,PNS,AKTIF,PLK2,2025-01-01,\n");
  ASSERT_EQ(parsed.violations.size(), 1u);
  EXPECT_EQ(parsed.violations[0].field, "csv[line=3].nama");
  EXPECT_THAT(parsed.violations[0].description, HasSubstr("line 2"));
}

TEST(ParseEmployeeCsvTest, LimitsTheRowCount) {
  std::string csv = kHeader;
  for (int i = 0; i < 3; ++i) csv += "199301012019031001,Ani,PNS,AKTIF,PLK,2024-01-01,\n";
  auto parsed = ParseEmployeeCsv(csv, /*max_rows=*/2);
  ASSERT_EQ(parsed.violations.size(), 1u);
  EXPECT_THAT(parsed.violations[0].description, HasSubstr("at most 2"));
}

TEST(PlanImportTest, NewEmployeeWithHistoryInOneFile) {
  auto plan = PlanImport({Row(kNip1, "PLK2", absl::CivilDay(2025, 3, 1), 3),
                          Row(kNip1, "PLK", absl::CivilDay(2024, 2, 1), 2)},
                         Snapshot());
  ASSERT_TRUE(plan.violations.empty());
  ASSERT_EQ(plan.new_employees.size(), 1u);
  ASSERT_EQ(plan.opens.size(), 2u);
  EXPECT_EQ(plan.opens[0].position_id, 1);
  EXPECT_EQ(plan.opens[0].reason, v1::INITIAL);
  EXPECT_EQ(plan.opens[0].end, absl::CivilDay(2025, 2, 28));
  EXPECT_EQ(plan.opens[1].position_id, 3);
  EXPECT_EQ(plan.opens[1].reason, v1::MUTASI);
  EXPECT_FALSE(plan.opens[1].end.has_value());
}

TEST(PlanImportTest, ExistingHistoryRowsAreUnchanged) {
  ImportSnapshot snap = Snapshot();
  EmployeeRecord rec;
  rec.id = 9;
  rec.full_name = "Nama";
  rec.employee_type = v1::PNS;
  AssignmentSpan first{100, 1, absl::CivilDay(2024, 2, 1), absl::CivilDay(2025, 2, 28)};
  AssignmentSpan second{101, 3, absl::CivilDay(2025, 3, 1), std::nullopt};
  rec.history = {first, second};
  rec.latest = second;
  snap.employees[kNip1] = rec;
  auto plan = PlanImport({Row(kNip1, "PLK", absl::CivilDay(2024, 2, 1), 2),
                          Row(kNip1, "PLK2", absl::CivilDay(2025, 3, 1), 3)},
                         snap);
  EXPECT_TRUE(plan.violations.empty());
  EXPECT_TRUE(plan.opens.empty());
  EXPECT_TRUE(plan.closes.empty());
  EXPECT_EQ(plan.rows_unchanged, 2);
}

TEST(PlanImportTest, OneHolderOfAStructuralPositionAtATime) {
  ImportSnapshot snap = Snapshot();
  snap.single_holder_spans[2].push_back(
      {kNip2, AssignmentSpan{50, 2, absl::CivilDay(2024, 1, 2), std::nullopt}});
  auto plan = PlanImport({Row(kNip1, "KASI", absl::CivilDay(2025, 1, 1), 2)}, snap);
  ASSERT_EQ(plan.violations.size(), 1u);
  EXPECT_THAT(plan.violations[0].description, HasSubstr(kNip2));

  // Two new holders in the same file conflict too.
  plan = PlanImport({Row(kNip1, "KASI", absl::CivilDay(2025, 1, 1), 2),
                     Row(kNip2, "KASI", absl::CivilDay(2025, 6, 1), 3)},
                    Snapshot());
  EXPECT_EQ(plan.violations.size(), 2u);
}

TEST(PlanImportTest, AHolderMovedOutFreesThePositionFromTheNextDay) {
  ImportSnapshot snap = Snapshot();
  EmployeeRecord holder;
  holder.id = 5;
  holder.full_name = "Nama";
  holder.employee_type = v1::PNS;
  AssignmentSpan span{50, 2, absl::CivilDay(2024, 1, 2), std::nullopt};
  holder.latest = span;
  holder.history = {span};
  snap.employees[kNip2] = holder;
  snap.single_holder_spans[2].push_back({kNip2, span});
  auto plan = PlanImport({Row(kNip2, "PLK", absl::CivilDay(2025, 1, 1), 2),
                          Row(kNip1, "KASI", absl::CivilDay(2025, 1, 1), 3)},
                         snap);
  EXPECT_TRUE(plan.violations.empty()) << plan.violations[0].description;
  ASSERT_EQ(plan.closes.size(), 1u);
  EXPECT_EQ(plan.closes[0].end, absl::CivilDay(2024, 12, 31));
}

TEST(PlanImportTest, UnknownPositionIsAViolation) {
  auto plan = PlanImport({Row(kNip1, "NOPE", absl::CivilDay(2025, 1, 1), 7)}, Snapshot());
  ASSERT_EQ(plan.violations.size(), 1u);
  EXPECT_EQ(plan.violations[0].field, "csv[line=7].kode_jabatan");
}

}  // namespace
}  // namespace kinerja::domain
