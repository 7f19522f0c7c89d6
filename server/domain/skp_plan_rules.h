// What an SKP plan must hold (DOMAIN.md 3.3): RHK that are UTAMA or TAMBAHAN, each with at least one
// IKI (aspect, target, unit); an intervensi to an approved RHK of the superior's SKP, except at the
// top of the cascade, which names its Perjanjian Kinerja; a perspective for JPT plans only; numeric
// targets in a KUANTITATIF plan.
#ifndef KINERJA_SERVER_DOMAIN_SKP_PLAN_RULES_H_
#define KINERJA_SERVER_DOMAIN_SKP_PLAN_RULES_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "kinerja/v1/skp.pb.h"
#include "server/domain/violation.h"

namespace kinerja::domain {

inline constexpr int kMaxRhks = 40;
inline constexpr int kMaxIkisPerRhk = 10;

// The top of the cascade (DOMAIN.md 3.3): JPT plans (heads of OPD and above) and anyone with no
// superior name their Perjanjian Kinerja instead of an intervensi.
inline bool IsTopOfCascade(bool jpt, bool has_superior) { return jpt || !has_superior; }

struct PlanContext {
  bool jpt = false;               // the assignment's position is JPT: perspectives required
  bool top_of_cascade = false;    // no superior above (or a JPT): Perjanjian Kinerja, no intervensi
  // The ids ("rhk-45") of the approved RHK of the superior's SKP for the year.
  absl::flat_hash_set<std::string> superior_rhks;
};

// Form checks that hold for every saved draft: sizes, text, enums set, numeric targets in a
// KUANTITATIF plan, perspectives only for JPT. Field names like "skp.rhks[2].ikis[0].target".
std::vector<Violation> CheckPlanDraft(const v1::Skp& skp, const PlanContext& context);

// Everything CheckPlanDraft checks, and completeness for submission: at least one UTAMA RHK, every
// RHK with at least one IKI, a valid intervensi (or, at the top, a Perjanjian Kinerja), a
// perspective on every RHK of a JPT plan.
std::vector<Violation> CheckPlanForSubmission(const v1::Skp& skp, const PlanContext& context);

// True for a target a KUANTITATIF plan accepts: a non-negative decimal number ("12", "99.5").
bool IsNumericTarget(absl::string_view target);

}  // namespace kinerja::domain

#endif  // KINERJA_SERVER_DOMAIN_SKP_PLAN_RULES_H_
