// Rules of the position tree and of the codes that name OPDs, units and positions.
#ifndef KINERJA_SERVER_DOMAIN_POSITION_RULES_H_
#define KINERJA_SERVER_DOMAIN_POSITION_RULES_H_

#include <cstdint>
#include <functional>
#include <optional>
#include "absl/strings/string_view.h"

#include "absl/status/status.h"

namespace kinerja::domain {

// A code is 2..48 characters of A-Z, 0-9, '-' and '_', starting with a letter or digit.
// `what` names the field in the error ("OPD code", "position code" ...).
absl::Status ValidateCode(absl::string_view code, absl::string_view what);

// A display name or title: 1..200 bytes of valid UTF-8 with no control characters.
absl::Status ValidateDisplayText(absl::string_view text, absl::string_view what);

// Would making `new_superior` the superior of `position` close a loop? `superior_of` returns the
// current superior of a position (nullopt at the top). Walks at most `max_depth` steps; a chain that
// long is reported as a cycle too.
bool CreatesCycle(int64_t position, int64_t new_superior,
                  const std::function<std::optional<int64_t>(int64_t)>& superior_of,
                  int max_depth = 1000);

// The head of an OPD: the position of the OPD whose superior position belongs to another OPD, or
// that has no superior position (a Kepala Dinas or a Camat under the Sekretaris Daerah, a Kepala
// Bagian under an Asisten of the Sekretariat Daerah; the Sekretaris Daerah at the top). Its holder
// leads the organisation unit whose performance the organisation predikat grades (DOMAIN.md 5.5).
// `superior_opd_id` is the OPD of the position's superior position, nullopt when it has none.
// Not the top of the cascade (IsTopOfCascade, skp_plan_rules.h), which is also every JPT below the
// head (an Asisten in the Sekretariat Daerah) and not a head that is no JPT (a Camat).
bool HeadsOpd(int64_t opd_id, std::optional<int64_t> superior_opd_id);

}  // namespace kinerja::domain

#endif  // KINERJA_SERVER_DOMAIN_POSITION_RULES_H_
