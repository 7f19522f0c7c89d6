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
      return "Secara konsisten menerapkan nilai-nilai dasar ASN bagi diri sendiri dan menjadi "
             "penjaga nilai-nilai tersebut di dalam maupun di luar unit kerja.";
    case v1::RATING_SESUAI_EKSPEKTASI:
      return "Secara konsisten menerapkan nilai-nilai dasar ASN bagi diri sendiri.";
    case v1::RATING_DI_BAWAH_EKSPEKTASI:
      return "Belum secara konsisten menerapkan nilai-nilai dasar ASN.";
    default:
      return "";
  }
}

std::vector<Violation> CheckEvaluation(const v1::SkpEvaluation& evaluation) {
  std::vector<Violation> out;
  CheckOne(evaluation.hasil_kerja(), evaluation.hasil_kerja_justification(), "hasil_kerja",
           "hasil_kerja_justification", out);
  CheckOne(evaluation.perilaku_kerja(), evaluation.perilaku_kerja_justification(), "perilaku_kerja",
           "perilaku_kerja_justification", out);
  return out;
}

}  // namespace kinerja::domain
