#include "server/domain/predikat.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace kinerja::domain {
namespace {

using v1::Predikat;
using v1::RatingLevel;

constexpr size_t kMinJustification = 20;
constexpr size_t kMaxJustification = 2000;

// Index 0 Di Bawah, 1 Sesuai, 2 Di Atas; -1 unspecified.
int Index(RatingLevel level) {
  switch (level) {
    case v1::RATING_DI_BAWAH_EKSPEKTASI: return 0;
    case v1::RATING_SESUAI_EKSPEKTASI: return 1;
    case v1::RATING_DI_ATAS_EKSPEKTASI: return 2;
    default: return -1;
  }
}

void CheckOne(RatingLevel level, const std::string& justification, absl::string_view rating_field,
              absl::string_view justification_field, std::vector<Violation>& out) {
  if (Index(level) < 0) {
    out.push_back({std::string(rating_field),
                   "choose Di Atas, Sesuai or Di Bawah Ekspektasi"});
    return;
  }
  const size_t length = absl::StripAsciiWhitespace(justification).size();
  if (NeedsJustification(level) && length < kMinJustification) {
    out.push_back({std::string(justification_field),
                   absl::StrCat("a rating of Di Atas or Di Bawah Ekspektasi needs a written "
                                "justification of at least ", kMinJustification, " characters")});
  }
  if (justification.size() > kMaxJustification) {
    out.push_back({std::string(justification_field),
                   absl::StrCat("at most ", kMaxJustification, " characters")});
  }
}

void CheckPerilakuKerja(const v1::SkpEvaluation& evaluation, std::vector<Violation>& out) {
  CheckOne(evaluation.perilaku_kerja(), evaluation.perilaku_kerja_justification(), "perilaku_kerja",
           "perilaku_kerja_justification", out);
}

}  // namespace

Predikat PredikatFor(RatingLevel hasil_kerja, RatingLevel perilaku_kerja) {
  // kMatrix[hasil][perilaku], indices as in Index().
  static constexpr Predikat kMatrix[3][3] = {
      /* hasil Di Bawah */ {v1::PREDIKAT_SANGAT_KURANG, v1::PREDIKAT_BUTUH_PERBAIKAN,
                            v1::PREDIKAT_BUTUH_PERBAIKAN},
      /* hasil Sesuai   */ {v1::PREDIKAT_KURANG_MISCONDUCT, v1::PREDIKAT_BAIK, v1::PREDIKAT_BAIK},
      /* hasil Di Atas  */ {v1::PREDIKAT_KURANG_MISCONDUCT, v1::PREDIKAT_BAIK,
                            v1::PREDIKAT_SANGAT_BAIK},
  };
  const int h = Index(hasil_kerja);
  const int p = Index(perilaku_kerja);
  if (h < 0 || p < 0) return v1::PREDIKAT_UNSPECIFIED;
  return kMatrix[h][p];
}

bool NeedsJustification(RatingLevel level) {
  return level == v1::RATING_DI_ATAS_EKSPEKTASI || level == v1::RATING_DI_BAWAH_EKSPEKTASI;
}

absl::string_view BehaviourGuidance(RatingLevel level) {
  switch (level) {
    case v1::RATING_DI_ATAS_EKSPEKTASI:
      return "Apabila Pegawai secara konsisten menjalankan nilai dasar ASN untuk diri sendiri dan "
             "menjadi penjaga penerapan nilai dasar ASN di dalam atau di luar unit kerjanya.";
    case v1::RATING_SESUAI_EKSPEKTASI:
      return "Apabila Pegawai secara konsisten menjalankan nilai dasar ASN untuk diri sendiri.";
    case v1::RATING_DI_BAWAH_EKSPEKTASI:
      return "Apabila Pegawai belum secara konsisten menjalankan nilai dasar ASN.";
    default:
      return "";
  }
}

std::vector<Violation> CheckEvaluation(const v1::SkpEvaluation& evaluation) {
  std::vector<Violation> out;
  CheckOne(evaluation.hasil_kerja(), evaluation.hasil_kerja_justification(), "hasil_kerja",
           "hasil_kerja_justification", out);
  CheckPerilakuKerja(evaluation, out);
  return out;
}

absl::string_view RatingLabel(RatingLevel level) {
  switch (level) {
    case v1::RATING_DI_ATAS_EKSPEKTASI: return "Di Atas Ekspektasi";
    case v1::RATING_SESUAI_EKSPEKTASI: return "Sesuai Ekspektasi";
    case v1::RATING_DI_BAWAH_EKSPEKTASI: return "Di Bawah Ekspektasi";
    default: return "";
  }
}

absl::string_view OrganizationPredikatLabel(v1::OrganizationPredikatLevel level) {
  switch (level) {
    case v1::ORGANIZATION_PREDIKAT_ISTIMEWA: return "Istimewa";
    case v1::ORGANIZATION_PREDIKAT_BAIK: return "Baik";
    case v1::ORGANIZATION_PREDIKAT_BUTUH_PERBAIKAN: return "Butuh Perbaikan";
    case v1::ORGANIZATION_PREDIKAT_KURANG: return "Kurang";
    case v1::ORGANIZATION_PREDIKAT_SANGAT_KURANG: return "Sangat Kurang";
    default: return "";
  }
}

RatingLevel HeadHasilKerja(v1::OrganizationPredikatLevel organization_predikat) {
  switch (organization_predikat) {
    case v1::ORGANIZATION_PREDIKAT_ISTIMEWA: return v1::RATING_DI_ATAS_EKSPEKTASI;
    case v1::ORGANIZATION_PREDIKAT_BAIK: return v1::RATING_SESUAI_EKSPEKTASI;
    case v1::ORGANIZATION_PREDIKAT_BUTUH_PERBAIKAN:
    case v1::ORGANIZATION_PREDIKAT_KURANG:
    case v1::ORGANIZATION_PREDIKAT_SANGAT_KURANG: return v1::RATING_DI_BAWAH_EKSPEKTASI;
    default: return v1::RATING_LEVEL_UNSPECIFIED;
  }
}

absl::StatusOr<RatedEvaluation> RateEvaluation(const v1::SkpEvaluation& entered,
                                               const std::optional<OpdHead>& head) {
  RatedEvaluation out;
  out.evaluation = entered;
  out.evaluation.clear_predikat();
  out.evaluation.clear_evaluator();
  out.evaluation.clear_evaluate_time();
  if (!head) {
    out.violations = CheckEvaluation(entered);
  } else {
    const RatingLevel derived = HeadHasilKerja(head->organization_predikat);
    if (derived == v1::RATING_LEVEL_UNSPECIFIED) {
      return absl::FailedPreconditionError(absl::StrCat(
          "the Rating Hasil Kerja of the head of ", head->opd,
          " follows the OPD's organisation predikat, and none is entered for ", head->year,
          ": have an evaluator enter it first (SetOrganizationPredikat, ", head->opd, "/years/",
          head->year, ")"));
    }
    const absl::string_view organization = OrganizationPredikatLabel(head->organization_predikat);
    if (entered.hasil_kerja() != v1::RATING_LEVEL_UNSPECIFIED && entered.hasil_kerja() != derived) {
      out.violations.push_back(
          {"hasil_kerja",
           absl::StrCat("the Rating Hasil Kerja of the head of ", head->opd,
                        " follows the OPD's organisation predikat for ", head->year, ", ",
                        organization, ", which gives ", RatingLabel(derived),
                        ": leave it unspecified or choose ", RatingLabel(derived))});
    }
    out.evaluation.set_hasil_kerja(derived);
    out.evaluation.set_hasil_kerja_justification(absl::StrCat(
        "Mengikuti predikat kinerja organisasi ", organization, " ", head->opd, " tahun ",
        head->year));
    CheckPerilakuKerja(entered, out.violations);
  }
  out.evaluation.set_predikat(
      PredikatFor(out.evaluation.hasil_kerja(), out.evaluation.perilaku_kerja()));
  return out;
}

absl::Status CheckHeadRatingCurrent(absl::string_view plan, RatingLevel hasil_kerja,
                                    v1::OrganizationPredikatLevel organization_predikat) {
  const RatingLevel derived = HeadHasilKerja(organization_predikat);
  if (hasil_kerja == derived) return absl::OkStatus();
  return absl::FailedPreconditionError(absl::StrCat(
      plan, " is the plan of the OPD's head, rated ", RatingLabel(hasil_kerja),
      " for hasil kerja; the organisation predikat is now ",
      derived == v1::RATING_LEVEL_UNSPECIFIED ? absl::string_view("not entered")
                                              : OrganizationPredikatLabel(organization_predikat),
      derived == v1::RATING_LEVEL_UNSPECIFIED
          ? std::string()
          : absl::StrCat(", which gives ", RatingLabel(derived)),
      ": rate the plan again before finalising"));
}

}  // namespace kinerja::domain
