// Fills an organisation (org.h) with people: who holds which position from when, the later
// transfers and promotions, and the acting superiors (PLT/PLH). Deterministic for a given seed.
//
// Rules kept (checked by verify_csv.py):
//   - every structural position (JPT, Administrator, Pengawas) has exactly one holder, except about
//     2.5% left vacant at the first load; about 60% of those are filled later by a PROMOSI;
//   - NIPs are valid (DOMAIN.md 2.1), unique, appointment at least 18 years after birth;
//   - first assignments start between the NIP's appointment month and 2024-01-01;
//   - about 3% of the employees get one later row: PROMOSI into a vacant structural position (2026)
//     or MUTASI to a Pelaksana position of another OPD (2025-01-02 .. 2026-10-01);
//   - a structural position never has two holders at once: promotions go only into positions that
//   are
//     vacant, and a promoted structural holder's old seat stays vacant;
//   - each vacancy in 2026 gets a PLT over the vacant days, and some filled positions a PLH for
//   3-14
//     days; the acting person holds a structural position of the same OPD all through the range;
//   - kDemoAdminNip (model.h) is always an employee: the first Pranata Komputer of BKPP, PNS, active,
//     never transferred, promoted or retired.
#ifndef KINERJA_TOOLS_DEMO_DATA_PEOPLE_H_
#define KINERJA_TOOLS_DEMO_DATA_PEOPLE_H_

#include <cstdint>
#include <vector>

#include "absl/status/status.h"
#include "tools/demo_data/model.h"

namespace kinerja::demo {

struct PeopleOptions {
  uint64_t seed = 2026;
  int employees = 15000;  // rows of the first load
};

// `opd_weights` is BuildOrganisation's result. Fills people, initial, transfers and acting.
// INVALID_ARGUMENT when `employees` is too small to fill the structural positions.
absl::Status GeneratePeople(const PeopleOptions& options, const std::vector<int64_t>& opd_weights,
                            DemoData* data);

}  // namespace kinerja::demo

#endif  // KINERJA_TOOLS_DEMO_DATA_PEOPLE_H_
