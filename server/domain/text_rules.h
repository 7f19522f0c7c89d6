// Text checks shared by every validator.
#ifndef KINERJA_SERVER_DOMAIN_TEXT_RULES_H_
#define KINERJA_SERVER_DOMAIN_TEXT_RULES_H_

#include "absl/strings/string_view.h"

namespace kinerja::domain {

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates) and has no C0/C1 control
// characters other than tab.
bool IsValidUtf8NoControls(absl::string_view text);

}  // namespace kinerja::domain

#endif  // KINERJA_SERVER_DOMAIN_TEXT_RULES_H_
