#include "server/domain/assignment_rules.h"

#include "gtest/gtest.h"
#include "server/domain/position_rules.h"

namespace kinerja::domain {
namespace {

const absl::CivilDay kStart(2024, 1, 2);

TEST(AssignmentRulesTest, FirstAppointmentOpens) {
  auto plan = PlanAssignment(std::nullopt, 7, kStart);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->change, AssignmentChange::kOpened);
}

TEST(AssignmentRulesTest, TransferClosesTheDayBefore) {
  AssignmentSpan open{11, 7, kStart, std::nullopt};
  auto plan = PlanAssignment(open, 8, absl::CivilDay(2025, 3, 1));
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->change, AssignmentChange::kTransferred);
  EXPECT_EQ(plan->close_assignment_id, 11);
  EXPECT_EQ(plan->close_on, absl::CivilDay(2025, 2, 28));
}

TEST(AssignmentRulesTest, ReplayIsUnchanged) {
  AssignmentSpan open{11, 7, kStart, std::nullopt};
  auto plan = PlanAssignment(open, 7, kStart);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->change, AssignmentChange::kUnchanged);
}

TEST(AssignmentRulesTest, RefusesDatesOnOrBeforeTheCurrentStart) {
  AssignmentSpan open{11, 7, kStart, std::nullopt};
  EXPECT_FALSE(PlanAssignment(open, 8, kStart).ok());
  EXPECT_FALSE(PlanAssignment(open, 8, kStart - 1).ok());
}

TEST(AssignmentRulesTest, RefusesOverlapWithAClosedAssignmentButOpensAfterIt) {
  AssignmentSpan closed{11, 7, kStart, absl::CivilDay(2024, 12, 31)};
  EXPECT_FALSE(PlanAssignment(closed, 8, absl::CivilDay(2024, 12, 31)).ok());
  auto plan = PlanAssignment(closed, 8, absl::CivilDay(2025, 1, 1));
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->change, AssignmentChange::kOpened);
}

TEST(AssignmentRulesTest, RefusesTheSamePositionAgain) {
  AssignmentSpan open{11, 7, kStart, std::nullopt};
  EXPECT_FALSE(PlanAssignment(open, 7, absl::CivilDay(2025, 1, 1)).ok());
}

TEST(AssignmentRulesTest, StructuralPositionsHaveOneHolder) {
  EXPECT_TRUE(IsSingleHolder(v1::JPT));
  EXPECT_TRUE(IsSingleHolder(v1::ADMINISTRATOR));
  EXPECT_TRUE(IsSingleHolder(v1::PENGAWAS));
  EXPECT_FALSE(IsSingleHolder(v1::PELAKSANA));
  EXPECT_FALSE(IsSingleHolder(v1::FUNGSIONAL));
}

TEST(PositionRulesTest, DetectsCycles) {
  // 1 <- 2 <- 3 (3 reports to 2, 2 to 1).
  auto superior_of = [](int64_t p) -> std::optional<int64_t> {
    if (p == 3) return 2;
    if (p == 2) return 1;
    return std::nullopt;
  };
  EXPECT_TRUE(CreatesCycle(1, 3, superior_of));   // 1 under 3 closes 1-3-2-1
  EXPECT_TRUE(CreatesCycle(2, 2, superior_of));   // itself
  EXPECT_FALSE(CreatesCycle(3, 1, superior_of));  // 3 directly under 1 is fine
  auto loop = [](int64_t p) -> std::optional<int64_t> { return p + 1; };  // endless chain
  EXPECT_TRUE(CreatesCycle(0, 5, loop, /*max_depth=*/50));
}

TEST(PositionRulesTest, ValidatesCodesAndText) {
  EXPECT_TRUE(ValidateCode("DISKOMINFO-KADIS", "code").ok());
  EXPECT_FALSE(ValidateCode("a", "code").ok());
  EXPECT_FALSE(ValidateCode("lower", "code").ok());
  EXPECT_FALSE(ValidateCode("-LEADING", "code").ok());
  EXPECT_FALSE(ValidateCode("HAS SPACE", "code").ok());
  EXPECT_TRUE(ValidateDisplayText("Dinas Komunikasi, Informatika — Semarang", "name").ok());
  EXPECT_FALSE(ValidateDisplayText("", "name").ok());
  EXPECT_FALSE(ValidateDisplayText("bad\x01", "name").ok());
  EXPECT_FALSE(ValidateDisplayText("bad \xC3", "name").ok());         // truncated UTF-8
  EXPECT_FALSE(ValidateDisplayText("\xC0\xAF", "name").ok());         // overlong
  EXPECT_FALSE(ValidateDisplayText(std::string(201, 'x'), "name").ok());
}

}  // namespace
}  // namespace kinerja::domain
