// The distribution quota as configured in the database (V004__skp.sql, SE MenPANRB 3/2023) for each
// organisation predikat, at and around each of its boundaries: the rules are read through the
// server's own repository after an evaluator's SetOrganizationPredikat, then applied to counts.
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "kinerja/v1/skp.grpc.pb.h"
#include "server/domain/distribution_quota.h"
#include "server/storage/skp_repository.h"
#include "tests/integration/org_fixture.h"

namespace kinerja::testing {
namespace {

// Counts: Sangat Baik, Baik, Butuh Perbaikan, Kurang/Misconduct, Sangat Kurang.
domain::PredikatCounts C(int sb, int b, int bp, int k, int sk) { return {0, sb, b, bp, k, sk}; }

class SkpQuotaTest : public OrgServerTest {
 protected:
  // The seeded rules for `level`, as FinalizeOpdSkps reads them.
  std::vector<domain::QuotaRule> RulesFor(v1::OrganizationPredikatLevel level) {
    auto skp = v1::SkpService::NewStub(server_->channel());
    v1::SetOrganizationPredikatRequest set;
    set.set_name("opds/DINKES/years/2026");
    set.set_predikat(level);
    v1::OrganizationPredikat out;
    grpc::Status st = skp->SetOrganizationPredikat(Ctx().get(), set, &out);
    EXPECT_TRUE(st.ok()) << st.error_message();
    storage::ConnectionPool pool(PoolFor(server_->db(), server_->database()));
    storage::SkpRepository repo(pool);
    auto facts = repo.OpdYear("DINKES", 2026, absl::CivilDay(2026, 6, 15), absl::Now() + absl::Seconds(10));
    EXPECT_TRUE(facts.ok()) << facts.status();
    return facts.ok() ? facts->rules : std::vector<domain::QuotaRule>{};
  }

  static bool Holds(const std::vector<domain::QuotaRule>& rules, const domain::PredikatCounts& counts) {
    return domain::AllSatisfied(domain::CheckQuota(counts, rules));
  }
};

TEST_F(SkpQuotaTest, Istimewa) {
  const auto rules = RulesFor(v1::ORGANIZATION_PREDIKAT_ISTIMEWA);
  ASSERT_EQ(rules.size(), 1u);
  EXPECT_TRUE(Holds(rules, C(7, 3, 0, 0, 0)));    // Sangat Baik 70 %
  EXPECT_FALSE(Holds(rules, C(8, 2, 0, 0, 0)));   // 80 %
  EXPECT_FALSE(Holds(rules, C(71, 29, 0, 0, 0))); // 71 %
  EXPECT_TRUE(Holds(rules, C(69, 31, 0, 0, 0)));
}

TEST_F(SkpQuotaTest, Baik) {
  const auto rules = RulesFor(v1::ORGANIZATION_PREDIKAT_BAIK);
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_TRUE(Holds(rules, C(2, 7, 1, 0, 0)));    // Baik 70 %, one Butuh Perbaikan
  EXPECT_TRUE(Holds(rules, C(2, 7, 0, 1, 0)));    // ... or one Kurang/Misconduct
  EXPECT_FALSE(Holds(rules, C(3, 7, 0, 0, 0)));   // nobody below Baik
  EXPECT_FALSE(Holds(rules, C(1, 8, 1, 0, 0)));   // Baik 80 %
  EXPECT_FALSE(Holds(rules, C(28, 71, 1, 0, 0))); // Baik 71 %
}

TEST_F(SkpQuotaTest, ButuhPerbaikan) {
  const auto rules = RulesFor(v1::ORGANIZATION_PREDIKAT_BUTUH_PERBAIKAN);
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_TRUE(Holds(rules, C(1, 3, 6, 0, 0)));    // Butuh Perbaikan 60 %, Sangat Baik 10 %
  EXPECT_FALSE(Holds(rules, C(1, 4, 5, 0, 0)));   // Butuh Perbaikan 50 %
  EXPECT_FALSE(Holds(rules, C(2, 2, 6, 0, 0)));   // Sangat Baik 20 %
  EXPECT_FALSE(Holds(rules, C(11, 30, 59, 0, 0))); // 59 % and 11 %
  EXPECT_TRUE(Holds(rules, C(10, 30, 60, 0, 0)));
}

TEST_F(SkpQuotaTest, Kurang) {
  const auto rules = RulesFor(v1::ORGANIZATION_PREDIKAT_KURANG);
  ASSERT_EQ(rules.size(), 3u);
  EXPECT_TRUE(Holds(rules, C(1, 2, 1, 6, 0)));    // Kurang 60 %, BP 10 %, SB 10 %
  EXPECT_FALSE(Holds(rules, C(1, 3, 1, 5, 0)));   // Kurang 50 %
  EXPECT_FALSE(Holds(rules, C(1, 3, 0, 6, 0)));   // no Butuh Perbaikan
  EXPECT_FALSE(Holds(rules, C(2, 1, 1, 6, 0)));   // Sangat Baik 20 %
  EXPECT_FALSE(Holds(rules, C(0, 31, 9, 60, 0))); // BP 9 %
}

TEST_F(SkpQuotaTest, SangatKurang) {
  const auto rules = RulesFor(v1::ORGANIZATION_PREDIKAT_SANGAT_KURANG);
  ASSERT_EQ(rules.size(), 3u);
  EXPECT_TRUE(Holds(rules, C(0, 3, 1, 0, 6)));    // SK 60 %, BP 10 %, no Sangat Baik
  EXPECT_TRUE(Holds(rules, C(0, 3, 0, 1, 6)));    // ... or Kurang 10 %
  EXPECT_FALSE(Holds(rules, C(1, 2, 1, 0, 6)));   // one Sangat Baik
  EXPECT_FALSE(Holds(rules, C(0, 4, 1, 0, 5)));   // SK 50 %
  EXPECT_FALSE(Holds(rules, C(0, 4, 0, 0, 6)));   // neither Kurang nor BP
  EXPECT_FALSE(Holds(rules, C(0, 32, 4, 5, 59))); // SK 59 %
}

}  // namespace
}  // namespace kinerja::testing
