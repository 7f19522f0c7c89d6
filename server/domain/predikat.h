// Ratings and predikat (DOMAIN.md 5): the two ratings of the annual evaluation, the guidance shown
// when rating behaviour, the written justification that Di Atas and Di Bawah need, the predikat
// matrix of PermenPANRB 6/2022, and the Rating Hasil Kerja of an OPD's head, which follows the
// organisation predikat.
#ifndef KINERJA_SERVER_DOMAIN_PREDIKAT_H_
#define KINERJA_SERVER_DOMAIN_PREDIKAT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "kinerja/v1/skp.pb.h"
#include "server/domain/violation.h"

namespace kinerja::domain {

// The predikat for a Rating Hasil Kerja (row) and a Rating Perilaku Kerja (column):
//
//   hasil \ perilaku | Di Bawah          | Sesuai          | Di Atas
//   Di Atas          | Kurang/Misconduct | Baik            | Sangat Baik
//   Sesuai           | Kurang/Misconduct | Baik            | Baik
//   Di Bawah         | Sangat Kurang     | Butuh Perbaikan | Butuh Perbaikan
//
// PREDIKAT_UNSPECIFIED when either rating is unspecified.
v1::Predikat PredikatFor(v1::RatingLevel hasil_kerja, v1::RatingLevel perilaku_kerja);

// True for Di Atas and Di Bawah, which need a written justification (DOMAIN.md 5.2).
bool NeedsJustification(v1::RatingLevel level);

// The standard guidance for a behaviour level (DOMAIN.md 5.2, in Bahasa Indonesia as the seed gives
// it), shown to the superior when rating.
absl::string_view BehaviourGuidance(v1::RatingLevel level);

// Checks an evaluation as entered: both ratings set, each justification present (at least 20
// characters of text) when its rating needs one, at most 2,000 characters. Field names are relative
// to "evaluation".
std::vector<Violation> CheckEvaluation(const v1::SkpEvaluation& evaluation);

// "Di Atas Ekspektasi", ...; "" for an unspecified level.
absl::string_view RatingLabel(v1::RatingLevel level);
// "Istimewa", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang"; "" for an unspecified level.
absl::string_view OrganizationPredikatLabel(v1::OrganizationPredikatLevel level);

// DOMAIN.md 5.5 [reg: PermenPANRB 6/2022, lampiran; SE MenPANRB 3/2023]: when the employee evaluated
// leads the organisation unit, the unit's performance result is set as their Rating Hasil Kerja:
//
//   organisation predikat                  | Rating Hasil Kerja
//   Istimewa                               | Di Atas Ekspektasi
//   Baik                                   | Sesuai Ekspektasi
//   Butuh Perbaikan, Kurang, Sangat Kurang | Di Bawah Ekspektasi
//
// RATING_LEVEL_UNSPECIFIED for an unspecified (or unknown) organisation predikat.
v1::RatingLevel HeadHasilKerja(v1::OrganizationPredikatLevel organization_predikat);

// The OPD whose head's plan is evaluated (HeadsOpd, position_rules.h), for RateEvaluation.
struct OpdHead {
  std::string opd;   // "opds/{code}"
  int32_t year = 0;  // the plan's
  // The OPD's organisation predikat for the year; UNSPECIFIED while none is entered.
  v1::OrganizationPredikatLevel organization_predikat = v1::ORGANIZATION_PREDIKAT_UNSPECIFIED;
};

// An evaluation ready to store (without evaluator and time), or what is wrong with the one entered.
struct RatedEvaluation {
  v1::SkpEvaluation evaluation;       // the two ratings, their justifications and the predikat
  std::vector<Violation> violations;  // relative to "evaluation"; with any, nothing is stored
};

// The evaluation to store for `entered`, with the predikat of its ratings (PredikatFor).
//
// Without `head`, the plan is not an OPD head's: CheckEvaluation's rules, the ratings as entered.
//
// For the plan of the head of `head->opd` (DOMAIN.md 5.5) the Rating Hasil Kerja is
// HeadHasilKerja(head->organization_predikat), not the evaluator's choice: an unspecified
// hasil_kerja is filled in with it, a different one is a violation of "hasil_kerja" naming the
// organisation predikat and the rating it gives. Its justification needs nothing written: it is
// replaced by where the rating comes from ("Mengikuti predikat kinerja organisasi Baik
// opds/DISKOMINFO tahun 2026"). Perilaku kerja is checked as CheckEvaluation checks it.
// FAILED_PRECONDITION when the OPD has no organisation predikat for the year yet: an evaluator
// enters it first (SetOrganizationPredikat).
absl::StatusOr<RatedEvaluation> RateEvaluation(const v1::SkpEvaluation& entered,
                                               const std::optional<OpdHead>& head);

// DOMAIN.md 5.5 again at finalisation: the evaluated `plan` of an OPD's head must hold the Rating
// Hasil Kerja that the organisation predikat gives now (the predikat may have changed after the
// rating). OK, or FAILED_PRECONDITION asking for the plan to be rated again.
absl::Status CheckHeadRatingCurrent(absl::string_view plan, v1::RatingLevel hasil_kerja,
                                    v1::OrganizationPredikatLevel organization_predikat);

}  // namespace kinerja::domain

#endif  // KINERJA_SERVER_DOMAIN_PREDIKAT_H_
