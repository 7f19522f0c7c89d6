#include "server/domain/position_rules.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "server/domain/text_rules.h"

namespace kinerja::domain {

absl::Status ValidateCode(absl::string_view code, absl::string_view what) {
  if (code.size() < 2 || code.size() > 48) {
    return absl::InvalidArgumentError(
        absl::StrCat(what, " must be 2 to 48 characters long; got ", code.size()));
  }
  for (char c : code) {
    const bool ok = (c >= 'A' && c <= 'Z') || absl::ascii_isdigit(static_cast<unsigned char>(c)) ||
                    c == '-' || c == '_';
    if (!ok) {
      return absl::InvalidArgumentError(absl::StrCat(
          what, " may contain only A-Z, 0-9, '-' and '_'; '", code, "' does not qualify"));
    }
  }
  if (code[0] == '-' || code[0] == '_') {
    return absl::InvalidArgumentError(absl::StrCat(what, " must start with a letter or digit"));
  }
  return absl::OkStatus();
}

absl::Status ValidateDisplayText(absl::string_view text, absl::string_view what) {
  if (text.empty()) return absl::InvalidArgumentError(absl::StrCat(what, " is required"));
  if (text.size() > 200) {
    return absl::InvalidArgumentError(absl::StrCat(what, " must be at most 200 bytes"));
  }
  if (!IsValidUtf8NoControls(text)) {
    return absl::InvalidArgumentError(
        absl::StrCat(what, " must be valid UTF-8 without control characters"));
  }
  return absl::OkStatus();
}

bool CreatesCycle(int64_t position, int64_t new_superior,
                  const std::function<std::optional<int64_t>(int64_t)>& superior_of,
                  int max_depth) {
  std::optional<int64_t> cur = new_superior;
  for (int steps = 0; cur; ++steps) {
    if (*cur == position || steps >= max_depth) return true;
    cur = superior_of(*cur);
  }
  return false;
}

bool HeadsOpd(int64_t opd_id, std::optional<int64_t> superior_opd_id) {
  return !superior_opd_id.has_value() || *superior_opd_id != opd_id;
}

}  // namespace kinerja::domain
