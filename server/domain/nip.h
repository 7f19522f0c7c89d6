// NIP: the 18-digit civil-servant number (DOMAIN.md 2.1).
//   digits 1-8   birth date YYYYMMDD
//   digits 9-14  appointment year and month YYYYMM
//   digit  15    gender: 1 male, 2 female
//   digits 16-18 sequence number
#ifndef KINERJA_SERVER_DOMAIN_NIP_H_
#define KINERJA_SERVER_DOMAIN_NIP_H_

#include "absl/strings/string_view.h"

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"

namespace kinerja::domain {

struct Nip {
  absl::CivilDay birth_date;
  absl::CivilMonth appointment;
  int gender = 0;    // 1 male, 2 female
  int sequence = 0;  // 0..999
};

// Parses and validates a NIP. Errors are INVALID_ARGUMENT with a message that names the part at fault
// (length, non-digit, birth date, appointment month, gender digit), suitable to show to a person.
absl::StatusOr<Nip> ParseNip(absl::string_view text);

}  // namespace kinerja::domain

#endif  // KINERJA_SERVER_DOMAIN_NIP_H_
