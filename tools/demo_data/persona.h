// One civil servant made up to hold a given position: birth date, appointment month and NIP,
// gender, name with academic degrees, PNS or PPPK. The position's role and kind drive the odds
// (teachers and nurses are mostly women, heads of OPD are older, PPPK are recent contract hires
// ...).
#ifndef KINERJA_TOOLS_DEMO_DATA_PERSONA_H_
#define KINERJA_TOOLS_DEMO_DATA_PERSONA_H_

#include <set>
#include <string>

#include "absl/time/civil_time.h"
#include "tools/demo_data/model.h"
#include "tools/demo_data/random.h"

namespace kinerja::demo {

struct Persona {
  Person person;
  absl::CivilDay birth;
  absl::CivilMonth appointment;  // digits 9-14 of the NIP
};

// `used_nips` collects the NIPs handed out so far; the new one is unique and added to it.
Persona MakePersona(const Position& position, Prng& rng, std::set<std::string>* used_nips);

// The persona of a fixed, valid `nip` (birth date, appointment month and gender are read from it; a
// PNS), with a name drawn as MakePersona would for `position`. The NIP must be in `used_nips`
// already (reserved), or is added to it.
Persona MakeFixedPersona(const Position& position, const std::string& nip, Prng& rng,
                         std::set<std::string>* used_nips);

// Checks the NIP rules of DOMAIN.md 2.1 plus the demo's own: appointment at least 18 years after
// birth. Used as a self-check before anything is written.
bool IsValidNip(const std::string& nip);

}  // namespace kinerja::demo

#endif  // KINERJA_TOOLS_DEMO_DATA_PERSONA_H_
