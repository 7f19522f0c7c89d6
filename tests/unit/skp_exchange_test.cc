// The SKP exchange file: a plan to a record and to CSV and back, quoting, and what a bad file says.
#include "server/domain/skp_exchange.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace kinerja::domain {
namespace {

using ::testing::HasSubstr;

v1::Skp Plan() {
  v1::Skp skp;
  skp.set_name("employees/197502022000032002/skps/4");
  skp.set_year(2026);
  skp.set_employee_name("Budi, S.Kom.");
  skp.set_position_title("Kepala Bidang \"Aplikasi\"");
  skp.set_opd("opds/DISKOMINFO");
  skp.set_approach(v1::SKP_APPROACH_KUANTITATIF);
  skp.set_state(v1::SKP_STATE_APPROVED);
  skp.set_revision(2);
  for (int k = 0; k < 2; ++k) {
    v1::Rhk* rhk = skp.add_rhks();
    rhk->set_id(absl::StrCat("rhk-", 10 + k));
    rhk->set_kind(k == 0 ? v1::RHK_KIND_UTAMA : v1::RHK_KIND_TAMBAHAN);
    rhk->set_text(k == 0 ? "Tersedianya aplikasi, terintegrasi" : "Terlaksananya\npelatihan");
    rhk->set_intervensi("rhk-3");
    for (int j = 0; j <= k; ++j) {
      v1::Iki* iki = rhk->add_ikis();
      iki->set_aspect(j == 0 ? v1::IKI_ASPECT_KUANTITAS : v1::IKI_ASPECT_WAKTU);
      iki->set_text(absl::StrCat("Indikator ", k, ".", j));
      iki->set_target("12");
      iki->set_unit("aplikasi");
    }
  }
  v1::Expectation* e = skp.add_expectations();
  e->set_value(v1::BERAKHLAK_KOLABORATIF);
  e->set_text("Berbagi data");
  return skp;
}

TEST(SkpExchangeTest, APlanGoesToCsvAndBackAsTheSameRecord) {
  v1::SkpExchangeFile file;
  file.set_format_version(kExchangeFormatVersion);
  *file.add_skp() = ToExchangeRecord(Plan(), "197502022000032002", "", {{"rhk-3", "Meningkatnya layanan digital"}});
  const v1::SkpExchangeRecord& r = file.skp(0);
  EXPECT_EQ(r.unit_kerja(), "DISKOMINFO");
  EXPECT_EQ(r.pendekatan(), "KUANTITATIF");
  EXPECT_EQ(r.status(), "APPROVED");
  EXPECT_EQ(r.hasil_kerja(1).jenis(), "TAMBAHAN");
  EXPECT_EQ(r.hasil_kerja(0).rhk_atasan_yang_diintervensi(), "Meningkatnya layanan digital");
  EXPECT_EQ(r.perilaku_kerja(0).perilaku(), "KOLABORATIF");

  const std::string csv = ExchangeCsv(file);
  EXPECT_THAT(csv, HasSubstr("\"Kepala Bidang \"\"Aplikasi\"\"\""));  // quotes doubled
  EXPECT_THAT(csv, HasSubstr("\"Tersedianya aplikasi, terintegrasi\""));
  auto back = ParseExchangeCsv(csv);
  ASSERT_TRUE(back.ok()) << back.status();
  ASSERT_EQ(back->skp_size(), 1);
  v1::SkpExchangeRecord expected = r;
  expected.clear_perilaku_kerja();        // JSON only
  expected.clear_pejabat_penilai_nip();   // not a CSV column
  EXPECT_EQ(back->skp(0).SerializeAsString(), expected.SerializeAsString())
      << back->skp(0).DebugString() << "\nvs\n" << expected.DebugString();
}

TEST(SkpExchangeTest, ARecordBecomesADraftWithTheSuperiorsRhkFoundByText) {
  v1::SkpExchangeRecord r = ToExchangeRecord(Plan(), "197502022000032002", "", {{"rhk-3", "Meningkatnya layanan digital"}});
  v1::Skp draft;
  EXPECT_TRUE(RecordToDraft(r, 0, {{"Meningkatnya layanan digital", "rhk-77"}}, &draft).empty());
  EXPECT_EQ(draft.rhks(0).intervensi(), "rhk-77");
  EXPECT_EQ(draft.rhks(1).ikis(1).aspect(), v1::IKI_ASPECT_WAKTU);
  EXPECT_TRUE(draft.rhks(0).id().empty());

  r.mutable_hasil_kerja(0)->mutable_indikator(0)->set_aspek("KECEPATAN");
  r.set_pendekatan("CAMPURAN");
  v1::Skp bad;
  auto violations = RecordToDraft(r, 3, {}, &bad);
  std::vector<std::string> fields;
  for (const auto& v : violations) fields.push_back(v.field);
  EXPECT_THAT(fields, ::testing::UnorderedElementsAre(
                          "skp[3].pendekatan", "skp[3].hasil_kerja[0].indikator[0].aspek",
                          "skp[3].hasil_kerja[0].rhk_atasan_yang_diintervensi",
                          "skp[3].hasil_kerja[1].rhk_atasan_yang_diintervensi"));
}

TEST(SkpExchangeTest, ABadCsvSaysWhere) {
  EXPECT_THAT(ParseExchangeCsv("").status().message(), HasSubstr("header"));
  EXPECT_THAT(ParseExchangeCsv("nip,nama\r\n").status().message(), HasSubstr("21 columns"));
  v1::SkpExchangeFile file;
  *file.add_skp() = ToExchangeRecord(Plan(), "197502022000032002", "", {});
  std::string csv = ExchangeCsv(file);
  std::string broken = csv;
  broken.replace(broken.find(",2026,"), 6, ",dua,");
  EXPECT_THAT(ParseExchangeCsv(broken).status().message(), HasSubstr("line 2: tahun 'dua'"));
  // RHK rows out of order.
  auto lines = absl::StrSplit(csv, "\r\n");
  std::vector<std::string> rows(lines.begin(), lines.end());
  std::swap(rows[1], rows[3]);
  EXPECT_THAT(ParseExchangeCsv(absl::StrJoin(rows, "\r\n")).status().message(), HasSubstr("rhk_no"));
}

}  // namespace
}  // namespace kinerja::domain
