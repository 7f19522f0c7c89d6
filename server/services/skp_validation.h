// Request checks of kinerja.v1.SkpService that need no database: resource names, years, notes and
// expectations. Errors are INVALID_ARGUMENT with a google.rpc.BadRequest naming the field.
#ifndef KINERJA_SERVER_SERVICES_SKP_VALIDATION_H_
#define KINERJA_SERVER_SERVICES_SKP_VALIDATION_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "kinerja/v1/skp.pb.h"

namespace kinerja::services {

struct SkpRef {
  std::string nip;
  int64_t id = 0;
};
// "employees/{nip}/skps/{id}".
absl::StatusOr<SkpRef> ParseSkpName(absl::string_view name, absl::string_view field);

struct OpdYear {
  std::string opd;  // code
  int32_t year = 0;
};
// "opds/{opd}/years/{year}".
absl::StatusOr<OpdYear> ParseOpdYear(absl::string_view name, absl::string_view field);

// A plan year: 2000..2100.
absl::Status CheckYear(int32_t year, absl::string_view field);

// ReturnSkp's note: required, at most 2,000 characters of text.
absl::Status CheckReturnNote(absl::string_view note);

// At most one expectation per BerAKHLAK value, each value known, text at most 1,000 characters.
absl::Status CheckExpectations(const v1::SetExpectationsRequest& req);

}  // namespace kinerja::services

#endif  // KINERJA_SERVER_SERVICES_SKP_VALIDATION_H_
