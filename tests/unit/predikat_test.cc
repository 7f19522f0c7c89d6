// The predikat matrix cell by cell (DOMAIN.md 5.3) and the evaluation's justification rule (5.2).
#include "server/domain/predikat.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace kinerja::domain {
namespace {

using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::IsEmpty;

constexpr v1::RatingLevel kBawah = v1::RATING_DI_BAWAH_EKSPEKTASI;
constexpr v1::RatingLevel kSesuai = v1::RATING_SESUAI_EKSPEKTASI;
constexpr v1::RatingLevel kAtas = v1::RATING_DI_ATAS_EKSPEKTASI;

struct Cell {
  v1::RatingLevel hasil;
  v1::RatingLevel perilaku;
  v1::Predikat predikat;
};

class PredikatMatrixTest : public ::testing::TestWithParam<Cell> {};

TEST_P(PredikatMatrixTest, FollowsTheRegulationsMatrix) {
  EXPECT_EQ(PredikatFor(GetParam().hasil, GetParam().perilaku), GetParam().predikat);
}

INSTANTIATE_TEST_SUITE_P(
    AllNineCells, PredikatMatrixTest,
    ::testing::Values(Cell{kAtas, kBawah, v1::PREDIKAT_KURANG_MISCONDUCT},
                      Cell{kAtas, kSesuai, v1::PREDIKAT_BAIK},
                      Cell{kAtas, kAtas, v1::PREDIKAT_SANGAT_BAIK},
                      Cell{kSesuai, kBawah, v1::PREDIKAT_KURANG_MISCONDUCT},
                      Cell{kSesuai, kSesuai, v1::PREDIKAT_BAIK},
                      Cell{kSesuai, kAtas, v1::PREDIKAT_BAIK},
                      Cell{kBawah, kBawah, v1::PREDIKAT_SANGAT_KURANG},
                      Cell{kBawah, kSesuai, v1::PREDIKAT_BUTUH_PERBAIKAN},
                      Cell{kBawah, kAtas, v1::PREDIKAT_BUTUH_PERBAIKAN}));

TEST(PredikatTest, AnUnsetRatingGivesNoPredikat) {
  EXPECT_EQ(PredikatFor(v1::RATING_LEVEL_UNSPECIFIED, kSesuai), v1::PREDIKAT_UNSPECIFIED);
  EXPECT_EQ(PredikatFor(kSesuai, v1::RATING_LEVEL_UNSPECIFIED), v1::PREDIKAT_UNSPECIFIED);
  EXPECT_EQ(PredikatFor(static_cast<v1::RatingLevel>(9), kSesuai), v1::PREDIKAT_UNSPECIFIED);
}

TEST(PredikatTest, DiAtasAndDiBawahNeedAWrittenJustification) {
  EXPECT_TRUE(NeedsJustification(kAtas));
  EXPECT_TRUE(NeedsJustification(kBawah));
  EXPECT_FALSE(NeedsJustification(kSesuai));

  v1::SkpEvaluation e;
  e.set_hasil_kerja(kSesuai);
  e.set_perilaku_kerja(kSesuai);
  EXPECT_THAT(CheckEvaluation(e), IsEmpty());

  e.set_hasil_kerja(kAtas);
  e.set_perilaku_kerja(kBawah);
  e.set_perilaku_kerja_justification("   too short    ");
  EXPECT_THAT(CheckEvaluation(e),
              ElementsAre(Field(&Violation::field, "hasil_kerja_justification"),
                          Field(&Violation::field, "perilaku_kerja_justification")));

  e.set_hasil_kerja_justification("Melampaui target layanan perizinan sebesar 30 persen.");
  e.set_perilaku_kerja_justification("Dua kali terlambat hadir briefing tanpa keterangan.");
  EXPECT_THAT(CheckEvaluation(e), IsEmpty());

  e.set_hasil_kerja_justification(std::string(2001, 'x'));
  EXPECT_THAT(CheckEvaluation(e), ElementsAre(Field(&Violation::field, "hasil_kerja_justification")));
}

TEST(PredikatTest, BothRatingsAreRequired) {
  v1::SkpEvaluation e;
  EXPECT_THAT(CheckEvaluation(e), ElementsAre(Field(&Violation::field, "hasil_kerja"),
                                              Field(&Violation::field, "perilaku_kerja")));
}

TEST(PredikatTest, GuidanceFollowsTheSeedsBehaviourLevels) {
  // The seed's own words (shared/seeds, "Menetapkan Rating Perilaku Kerja Pegawai").
  EXPECT_EQ(BehaviourGuidance(kAtas),
            "Apabila Pegawai secara konsisten menjalankan nilai dasar ASN untuk diri sendiri dan "
            "menjadi penjaga penerapan nilai dasar ASN di dalam atau di luar unit kerjanya.");
  EXPECT_EQ(BehaviourGuidance(kBawah),
            "Apabila Pegawai belum secara konsisten menjalankan nilai dasar ASN.");
  EXPECT_EQ(BehaviourGuidance(kSesuai),
            "Apabila Pegawai secara konsisten menjalankan nilai dasar ASN untuk diri sendiri.");
}

}  // namespace
}  // namespace kinerja::domain
