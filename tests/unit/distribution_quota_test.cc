// The mechanics of the distribution-quota check: exact integer shares at the boundary, count rules,
// several predikat counted together, the vacuous case, and the configuration's text form. The
// regulation's own rules, as seeded in the database, are checked per organisation predikat by
// tests/integration/skp_quota_test.cc.
#include "server/domain/distribution_quota.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace kinerja::domain {
namespace {

PredikatCounts Counts(int sangat_baik, int baik, int butuh_perbaikan, int kurang, int sangat_kurang) {
  return {0, sangat_baik, baik, butuh_perbaikan, kurang, sangat_kurang};
}

QuotaRule Rule(std::vector<v1::Predikat> predikats, QuotaBound bound, int32_t value) {
  return QuotaRule{std::move(predikats), bound, value};
}

TEST(DistributionQuotaTest, AnAtMostShareHoldsExactlyAtTheBoundary) {
  const QuotaRule at_most_70 = Rule({v1::PREDIKAT_SANGAT_BAIK}, QuotaBound::kAtMostPercent, 7000);
  auto at = CheckQuota(Counts(7, 3, 0, 0, 0), {at_most_70});
  ASSERT_EQ(at.size(), 1u);
  EXPECT_TRUE(at[0].satisfied);
  EXPECT_EQ(at[0].count, 7);
  EXPECT_EQ(at[0].total, 10);
  EXPECT_FALSE(CheckQuota(Counts(8, 2, 0, 0, 0), {at_most_70})[0].satisfied);
  // 70 of 100 holds, 701 of 1000 does not: no rounding on the way.
  EXPECT_TRUE(CheckQuota(Counts(70, 30, 0, 0, 0), {at_most_70})[0].satisfied);
  EXPECT_FALSE(CheckQuota(Counts(701, 299, 0, 0, 0), {at_most_70})[0].satisfied);
}

TEST(DistributionQuotaTest, AnAtLeastShareHoldsExactlyAtTheBoundary) {
  const QuotaRule at_least_60 = Rule({v1::PREDIKAT_BUTUH_PERBAIKAN}, QuotaBound::kAtLeastPercent, 6000);
  EXPECT_TRUE(CheckQuota(Counts(0, 2, 3, 0, 0), {at_least_60})[0].satisfied);   // 3 of 5 = 60 %
  EXPECT_FALSE(CheckQuota(Counts(0, 3, 2, 0, 0), {at_least_60})[0].satisfied);  // 40 %
  EXPECT_FALSE(CheckQuota(Counts(0, 401, 599, 0, 0), {at_least_60})[0].satisfied);  // 59.9 %
  // A share of 0 % at most means none at all.
  const QuotaRule none = Rule({v1::PREDIKAT_SANGAT_BAIK}, QuotaBound::kAtMostPercent, 0);
  EXPECT_TRUE(CheckQuota(Counts(0, 0, 0, 0, 5), {none})[0].satisfied);
  EXPECT_FALSE(CheckQuota(Counts(1, 0, 0, 0, 999), {none})[0].satisfied);
}

TEST(DistributionQuotaTest, PredikatCountedTogetherAndCountRules) {
  const QuotaRule one_low =
      Rule({v1::PREDIKAT_BUTUH_PERBAIKAN, v1::PREDIKAT_KURANG_MISCONDUCT}, QuotaBound::kAtLeastCount, 1);
  EXPECT_FALSE(CheckQuota(Counts(3, 7, 0, 0, 0), {one_low})[0].satisfied);
  EXPECT_TRUE(CheckQuota(Counts(3, 6, 0, 1, 0), {one_low})[0].satisfied);
  EXPECT_TRUE(CheckQuota(Counts(3, 6, 1, 0, 0), {one_low})[0].satisfied);
  auto two = CheckQuota(Counts(3, 4, 2, 1, 0), {one_low});
  EXPECT_EQ(two[0].count, 3);
  EXPECT_EQ(two[0].total, 10);
}

TEST(DistributionQuotaTest, NobodyRatedHoldsVacuouslyAndAllSatisfiedNeedsEveryRule) {
  const std::vector<QuotaRule> rules = {
      Rule({v1::PREDIKAT_SANGAT_KURANG}, QuotaBound::kAtLeastPercent, 6000),
      Rule({v1::PREDIKAT_BUTUH_PERBAIKAN}, QuotaBound::kAtLeastCount, 1)};
  EXPECT_TRUE(AllSatisfied(CheckQuota(Counts(0, 0, 0, 0, 0), rules)));
  auto results = CheckQuota(Counts(0, 0, 1, 0, 1), rules);  // 50 % Sangat Kurang
  EXPECT_FALSE(results[0].satisfied);
  EXPECT_TRUE(results[1].satisfied);
  EXPECT_FALSE(AllSatisfied(results));
}

TEST(DistributionQuotaTest, RulesReadFromConfigurationAndDescribeThemselves) {
  auto rule = ParseQuotaRule("BUTUH_PERBAIKAN|KURANG_MISCONDUCT", "AT_LEAST_PERCENT", 1000);
  ASSERT_TRUE(rule.ok()) << rule.status();
  EXPECT_EQ(DescribeRule(*rule), "Butuh Perbaikan or Kurang/Misconduct at least 10%");
  auto count = ParseQuotaRule("KURANG_MISCONDUCT", "AT_LEAST_COUNT", 1);
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(DescribeRule(*count), "Kurang/Misconduct at least 1 employee");
  auto fraction = ParseQuotaRule("SANGAT_BAIK", "AT_MOST_PERCENT", 1250);
  ASSERT_TRUE(fraction.ok());
  EXPECT_EQ(DescribeRule(*fraction), "Sangat Baik at most 12.50%");

  EXPECT_FALSE(ParseQuotaRule("BAGUS", "AT_MOST_PERCENT", 10).ok());
  EXPECT_FALSE(ParseQuotaRule("UNSPECIFIED", "AT_MOST_PERCENT", 10).ok());
  EXPECT_FALSE(ParseQuotaRule("BAIK", "ABOUT", 10).ok());
  EXPECT_FALSE(ParseQuotaRule("BAIK", "AT_MOST_PERCENT", 10001).ok());
  EXPECT_FALSE(ParseQuotaRule("BAIK", "AT_LEAST_COUNT", -1).ok());
}

TEST(DistributionQuotaTest, FinalizationIsBlockedOnlyByAFailedReportThatTheConfigurationMakesBlock) {
  v1::QuotaReport report;
  report.set_organization_predikat(v1::ORGANIZATION_PREDIKAT_BAIK);
  report.set_blocks_finalization(true);
  report.set_satisfied(true);
  EXPECT_TRUE(FinalizationAllowed(report).ok());
  report.set_satisfied(false);
  v1::QuotaCheck* failed = report.add_checks();
  failed->set_rule("Baik at most 70%");
  failed->set_count(8);
  failed->set_total(10);
  v1::QuotaCheck* held = report.add_checks();
  held->set_rule("Butuh Perbaikan or Kurang/Misconduct at least 1 employee");
  held->set_satisfied(true);
  const absl::Status blocked = FinalizationAllowed(report);
  EXPECT_EQ(blocked.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(blocked.message()), ::testing::HasSubstr("Baik at most 70% (8 of 10)"));
  EXPECT_THAT(std::string(blocked.message()), ::testing::Not(::testing::HasSubstr("at least 1")));
  report.set_blocks_finalization(false);  // the configuration only warns
  EXPECT_TRUE(FinalizationAllowed(report).ok());
  v1::QuotaReport none;  // no organisation predikat yet: the quota cannot be checked
  none.set_blocks_finalization(true);
  EXPECT_THAT(std::string(FinalizationAllowed(none).message()),
              ::testing::HasSubstr("no organisation predikat"));
}

}  // namespace
}  // namespace kinerja::domain
