#include "server/services/skp_validation.h"

#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "server/core/status_details.h"
#include "server/domain/text_rules.h"
#include "server/services/request_fields.h"

namespace kinerja::services {

absl::StatusOr<SkpRef> ParseSkpName(absl::string_view name, absl::string_view field) {
  std::vector<absl::string_view> parts = absl::StrSplit(name, '/');
  SkpRef ref;
  if (parts.size() != 4 || parts[0] != "employees" || parts[2] != "skps" ||
      !absl::SimpleAtoi(parts[3], &ref.id) || ref.id <= 0) {
    return core::FieldError(field, "must look like employees/{nip}/skps/{number}");
  }
  auto nip = NipFromName(parts[1], field);
  if (!nip.ok()) return nip.status();
  ref.nip = *nip;
  return ref;
}

absl::StatusOr<OpdYear> ParseOpdYear(absl::string_view name, absl::string_view field) {
  std::vector<absl::string_view> parts = absl::StrSplit(name, '/');
  OpdYear out;
  if (parts.size() != 4 || parts[0] != "opds" || parts[2] != "years" ||
      !absl::SimpleAtoi(parts[3], &out.year)) {
    return core::FieldError(field, "must look like opds/{opd}/years/{year}");
  }
  auto code = CodeFromName(absl::StrCat("opds/", parts[1]), "opds/", field);
  if (!code.ok()) return code.status();
  if (absl::Status st = CheckYear(out.year, field); !st.ok()) return st;
  out.opd = *code;
  return out;
}

absl::Status CheckYear(int32_t year, absl::string_view field) {
  if (year < 2000 || year > 2100) return core::FieldError(field, "the year must be 2000..2100");
  return absl::OkStatus();
}

absl::Status CheckReturnNote(absl::string_view note) {
  if (absl::StripAsciiWhitespace(note).empty()) {
    return core::FieldError("note", "returning a plan needs a note for the employee");
  }
  if (note.size() > 2000 || !domain::IsValidUtf8NoControls(note)) {
    return core::FieldError("note", "at most 2,000 characters of text");
  }
  return absl::OkStatus();
}

absl::Status CheckExpectations(const v1::SetExpectationsRequest& req) {
  absl::flat_hash_set<int> seen;
  for (int i = 0; i < req.expectations_size(); ++i) {
    const v1::Expectation& e = req.expectations(i);
    const std::string f = absl::StrCat("expectations[", i, "]");
    if (e.value() <= v1::BERAKHLAK_VALUE_UNSPECIFIED || !v1::BerakhlakValue_IsValid(e.value())) {
      return core::FieldError(f + ".value", "choose one of the 7 BerAKHLAK values");
    }
    if (!seen.insert(e.value()).second) {
      return core::FieldError(f + ".value", "each value at most once");
    }
    if (e.text().size() > 1000 || !domain::IsValidUtf8NoControls(e.text())) {
      return core::FieldError(f + ".text", "at most 1,000 characters of text");
    }
  }
  return absl::OkStatus();
}

}  // namespace kinerja::services
