// DOMAIN.md 5.5: the head of an OPD (position_rules.h, HeadsOpd) has the Rating Hasil Kerja its
// OPD's organisation predikat gives (predikat.h, HeadHasilKerja and RateEvaluation); everyone else
// is rated as entered.
#include <optional>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/domain/position_rules.h"
#include "server/domain/predikat.h"

namespace kinerja::domain {
namespace {

using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr v1::RatingLevel kBawah = v1::RATING_DI_BAWAH_EKSPEKTASI;
constexpr v1::RatingLevel kSesuai = v1::RATING_SESUAI_EKSPEKTASI;
constexpr v1::RatingLevel kAtas = v1::RATING_DI_ATAS_EKSPEKTASI;

struct Row {
  v1::OrganizationPredikatLevel organization;
  v1::RatingLevel hasil_kerja;
};

class HeadHasilKerjaTest : public ::testing::TestWithParam<Row> {};

TEST_P(HeadHasilKerjaTest, FollowsTheOrganisationPredikat) {
  EXPECT_EQ(HeadHasilKerja(GetParam().organization), GetParam().hasil_kerja);
}

// PermenPANRB 6/2022 (lampiran), SE MenPANRB 3/2023.
INSTANTIATE_TEST_SUITE_P(AllFiveLevels, HeadHasilKerjaTest,
                         ::testing::Values(Row{v1::ORGANIZATION_PREDIKAT_ISTIMEWA, kAtas},
                                           Row{v1::ORGANIZATION_PREDIKAT_BAIK, kSesuai},
                                           Row{v1::ORGANIZATION_PREDIKAT_BUTUH_PERBAIKAN, kBawah},
                                           Row{v1::ORGANIZATION_PREDIKAT_KURANG, kBawah},
                                           Row{v1::ORGANIZATION_PREDIKAT_SANGAT_KURANG, kBawah}));

TEST(HeadHasilKerjaTest, NoOrganisationPredikatGivesNoRating) {
  EXPECT_EQ(HeadHasilKerja(v1::ORGANIZATION_PREDIKAT_UNSPECIFIED), v1::RATING_LEVEL_UNSPECIFIED);
  EXPECT_EQ(HeadHasilKerja(static_cast<v1::OrganizationPredikatLevel>(9)),
            v1::RATING_LEVEL_UNSPECIFIED);
}

TEST(HeadsOpdTest, APositionWhoseSuperiorIsInAnotherOpdOrHasNoneHeadsItsOpd) {
  EXPECT_TRUE(HeadsOpd(7, std::nullopt));  // the Sekretaris Daerah
  EXPECT_TRUE(HeadsOpd(7, 1));             // a Kepala Dinas under the Sekretaris Daerah
  EXPECT_FALSE(HeadsOpd(7, 7));            // a Kepala Bidang under the Kepala Dinas
}

OpdHead Diskominfo(v1::OrganizationPredikatLevel level) {
  return OpdHead{"opds/DISKOMINFO", 2026, level};
}

v1::SkpEvaluation Entered(v1::RatingLevel hasil, v1::RatingLevel perilaku) {
  v1::SkpEvaluation e;
  e.set_hasil_kerja(hasil);
  e.set_perilaku_kerja(perilaku);
  return e;
}

TEST(RateEvaluationTest, AHeadsUnspecifiedHasilKerjaIsFilledInWithoutAJustification) {
  auto rated = RateEvaluation(Entered(v1::RATING_LEVEL_UNSPECIFIED, kSesuai),
                              Diskominfo(v1::ORGANIZATION_PREDIKAT_BAIK));
  ASSERT_TRUE(rated.ok()) << rated.status();
  EXPECT_THAT(rated->violations, IsEmpty());
  EXPECT_EQ(rated->evaluation.hasil_kerja(), kSesuai);
  EXPECT_EQ(rated->evaluation.hasil_kerja_justification(),
            "Mengikuti predikat kinerja organisasi Baik opds/DISKOMINFO tahun 2026");
  EXPECT_EQ(rated->evaluation.perilaku_kerja(), kSesuai);
  EXPECT_EQ(rated->evaluation.predikat(), v1::PREDIKAT_BAIK);

  // Istimewa gives Di Atas, which needs no written justification here; the predikat follows the
  // matrix with the derived rating.
  rated = RateEvaluation(Entered(v1::RATING_LEVEL_UNSPECIFIED, kSesuai),
                         Diskominfo(v1::ORGANIZATION_PREDIKAT_ISTIMEWA));
  ASSERT_TRUE(rated.ok()) << rated.status();
  EXPECT_THAT(rated->violations, IsEmpty());
  EXPECT_EQ(rated->evaluation.hasil_kerja(), kAtas);
  EXPECT_EQ(rated->evaluation.predikat(), v1::PREDIKAT_BAIK);
  EXPECT_THAT(rated->evaluation.hasil_kerja_justification(), HasSubstr("Istimewa"));

  rated = RateEvaluation(Entered(v1::RATING_LEVEL_UNSPECIFIED, kSesuai),
                         Diskominfo(v1::ORGANIZATION_PREDIKAT_KURANG));
  ASSERT_TRUE(rated.ok()) << rated.status();
  EXPECT_EQ(rated->evaluation.hasil_kerja(), kBawah);
  EXPECT_EQ(rated->evaluation.predikat(), v1::PREDIKAT_BUTUH_PERBAIKAN);
}

TEST(RateEvaluationTest, AHeadsHasilKerjaMayBeGivenWhenItIsTheOneDerived) {
  v1::SkpEvaluation e = Entered(kAtas, kAtas);
  e.set_hasil_kerja_justification("ignored: the rating is not the evaluator's");
  e.set_perilaku_kerja_justification("Menjadi teladan penerapan BerAKHLAK di seluruh OPD.");
  auto rated = RateEvaluation(e, Diskominfo(v1::ORGANIZATION_PREDIKAT_ISTIMEWA));
  ASSERT_TRUE(rated.ok()) << rated.status();
  EXPECT_THAT(rated->violations, IsEmpty());
  EXPECT_EQ(rated->evaluation.hasil_kerja(), kAtas);
  EXPECT_EQ(rated->evaluation.hasil_kerja_justification(),
            "Mengikuti predikat kinerja organisasi Istimewa opds/DISKOMINFO tahun 2026");
  EXPECT_EQ(rated->evaluation.predikat(), v1::PREDIKAT_SANGAT_BAIK);
}

TEST(RateEvaluationTest, AHeadsContradictingHasilKerjaIsAViolationNamingBothLevels) {
  auto rated = RateEvaluation(Entered(kAtas, kSesuai), Diskominfo(v1::ORGANIZATION_PREDIKAT_BAIK));
  ASSERT_TRUE(rated.ok()) << rated.status();
  EXPECT_THAT(rated->violations,
              ElementsAre(AllOf(Field(&Violation::field, "hasil_kerja"),
                                Field(&Violation::description,
                                      AllOf(HasSubstr("organisation predikat"), HasSubstr("Baik"),
                                            HasSubstr("Sesuai Ekspektasi"))))));

  rated = RateEvaluation(Entered(kSesuai, kSesuai),
                         Diskominfo(v1::ORGANIZATION_PREDIKAT_SANGAT_KURANG));
  ASSERT_TRUE(rated.ok()) << rated.status();
  EXPECT_THAT(rated->violations,
              ElementsAre(Field(&Violation::description,
                                AllOf(HasSubstr("Sangat Kurang"), HasSubstr("Di Bawah Ekspektasi")))));
}

TEST(RateEvaluationTest, AHeadsPerilakuKerjaIsCheckedAsEveryonesIs) {
  auto rated = RateEvaluation(Entered(v1::RATING_LEVEL_UNSPECIFIED, v1::RATING_LEVEL_UNSPECIFIED),
                              Diskominfo(v1::ORGANIZATION_PREDIKAT_BAIK));
  ASSERT_TRUE(rated.ok()) << rated.status();
  EXPECT_THAT(rated->violations, ElementsAre(Field(&Violation::field, "perilaku_kerja")));

  rated = RateEvaluation(Entered(v1::RATING_LEVEL_UNSPECIFIED, kBawah),
                         Diskominfo(v1::ORGANIZATION_PREDIKAT_BAIK));
  ASSERT_TRUE(rated.ok()) << rated.status();
  EXPECT_THAT(rated->violations,
              ElementsAre(Field(&Violation::field, "perilaku_kerja_justification")));
}

TEST(RateEvaluationTest, AHeadWithoutAnOrganisationPredikatCannotBeRatedYet) {
  auto rated = RateEvaluation(Entered(v1::RATING_LEVEL_UNSPECIFIED, kSesuai),
                              Diskominfo(v1::ORGANIZATION_PREDIKAT_UNSPECIFIED));
  ASSERT_FALSE(rated.ok());
  EXPECT_TRUE(absl::IsFailedPrecondition(rated.status())) << rated.status();
  EXPECT_THAT(std::string(rated.status().message()),
              AllOf(HasSubstr("opds/DISKOMINFO"), HasSubstr("2026"),
                    HasSubstr("SetOrganizationPredikat")));
}

TEST(RateEvaluationTest, SomeoneElseIsRatedAsEnteredWithEveryCheck) {
  // Both ratings stay required, and Di Atas needs its justification.
  auto rated = RateEvaluation(Entered(v1::RATING_LEVEL_UNSPECIFIED, kSesuai), std::nullopt);
  ASSERT_TRUE(rated.ok()) << rated.status();
  EXPECT_THAT(rated->violations, ElementsAre(Field(&Violation::field, "hasil_kerja")));
  rated = RateEvaluation(Entered(kAtas, kSesuai), std::nullopt);
  ASSERT_TRUE(rated.ok()) << rated.status();
  EXPECT_THAT(rated->violations, ElementsAre(Field(&Violation::field, "hasil_kerja_justification")));

  v1::SkpEvaluation e = Entered(kAtas, kSesuai);
  e.set_hasil_kerja_justification("Melampaui target layanan perizinan sebesar 30 persen.");
  e.set_predikat(v1::PREDIKAT_SANGAT_KURANG);  // output only: recomputed
  rated = RateEvaluation(e, std::nullopt);
  ASSERT_TRUE(rated.ok()) << rated.status();
  EXPECT_THAT(rated->violations, IsEmpty());
  EXPECT_EQ(rated->evaluation.hasil_kerja(), kAtas);
  EXPECT_EQ(rated->evaluation.hasil_kerja_justification(),
            "Melampaui target layanan perizinan sebesar 30 persen.");
  EXPECT_EQ(rated->evaluation.predikat(), v1::PREDIKAT_BAIK);
}

TEST(RateEvaluationTest, LabelsAreTheRegulationsWords) {
  EXPECT_EQ(OrganizationPredikatLabel(v1::ORGANIZATION_PREDIKAT_BUTUH_PERBAIKAN), "Butuh Perbaikan");
  EXPECT_EQ(RatingLabel(kBawah), "Di Bawah Ekspektasi");
  EXPECT_EQ(RatingLabel(v1::RATING_LEVEL_UNSPECIFIED), "");
}

TEST(CheckHeadRatingCurrentTest, AHeadRatedUnderAnEarlierOrganisationPredikatIsRatedAgain) {
  const std::string plan = "employees/197001011995031001/skps/7";
  EXPECT_TRUE(CheckHeadRatingCurrent(plan, kSesuai, v1::ORGANIZATION_PREDIKAT_BAIK).ok());
  EXPECT_TRUE(CheckHeadRatingCurrent(plan, kBawah, v1::ORGANIZATION_PREDIKAT_SANGAT_KURANG).ok());
  const absl::Status changed = CheckHeadRatingCurrent(plan, kSesuai, v1::ORGANIZATION_PREDIKAT_ISTIMEWA);
  EXPECT_EQ(changed.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(changed.message()),
              AllOf(HasSubstr(plan), HasSubstr("Istimewa"), HasSubstr("Di Atas Ekspektasi"),
                    HasSubstr("rate the plan again")));
  EXPECT_EQ(CheckHeadRatingCurrent(plan, kSesuai, v1::ORGANIZATION_PREDIKAT_UNSPECIFIED).code(),
            absl::StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace kinerja::domain
