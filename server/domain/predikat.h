// Ratings and predikat (DOMAIN.md 5): the two ratings of the annual evaluation, the guidance shown
// when rating behaviour, the written justification that Di Atas and Di Bawah need, and the predikat
// matrix of PermenPANRB 6/2022.
#ifndef KINERJA_SERVER_DOMAIN_PREDIKAT_H_
#define KINERJA_SERVER_DOMAIN_PREDIKAT_H_

#include <vector>

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

}  // namespace kinerja::domain

#endif  // KINERJA_SERVER_DOMAIN_PREDIKAT_H_
