#include "server/domain/password_rules.h"

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "server/domain/text_rules.h"

namespace kinerja::domain {
namespace {

constexpr size_t kMaxBytes = 128;
constexpr size_t kMinCodePoints = 10;
constexpr int kMinClasses = 2;

// Code points of text already known to be well-formed UTF-8.
std::vector<uint32_t> CodePoints(absl::string_view text) {
  std::vector<uint32_t> out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = s[i];
    int len = 1;
    uint32_t cp = c;
    if (c >= 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else if (c >= 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xC0) {
      len = 2;
      cp = c & 0x1F;
    }
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
    out.push_back(cp);
    i += len;
  }
  return out;
}

bool IsLetter(uint32_t cp) {
  if (cp < 0x80) return absl::ascii_isalpha(static_cast<unsigned char>(cp));
  // Latin-1 Supplement letters and Latin Extended-A/B, less the multiplication and division signs.
  return cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7;
}

bool IsDigit(uint32_t cp) { return cp >= '0' && cp <= '9'; }

bool AllDigits(absl::string_view s) {
  for (char c : s) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool Contains(absl::string_view haystack, absl::string_view needle) {
  return haystack.find(needle) != absl::string_view::npos;
}

}  // namespace

absl::Status CheckNewPassword(absl::string_view password, absl::string_view nip) {
  if (password.size() > kMaxBytes) {
    return absl::InvalidArgumentError(absl::StrCat("Password must be at most ", kMaxBytes,
                                                   " bytes long; this one is ", password.size(),
                                                   " bytes"));
  }
  // IsValidUtf8NoControls lets tab through, as other text fields may hold one; a password may not.
  if (!IsValidUtf8NoControls(password) || Contains(password, "\t")) {
    return absl::InvalidArgumentError(
        "Password must be valid UTF-8 text without control characters such as tab or newline");
  }
  const std::vector<uint32_t> cps = CodePoints(password);
  if (cps.size() < kMinCodePoints) {
    return absl::InvalidArgumentError(absl::StrCat("Password must be at least ", kMinCodePoints,
                                                   " characters long; this one has ", cps.size()));
  }
  bool one_repeated = true;
  for (uint32_t cp : cps) one_repeated = one_repeated && cp == cps.front();
  if (one_repeated) {
    return absl::InvalidArgumentError("Password must not be a single character repeated");
  }
  if (!nip.empty() && Contains(password, nip)) {
    return absl::InvalidArgumentError("Password must not contain your NIP");
  }
  if (nip.size() >= 8 && AllDigits(nip.substr(0, 8))) {
    const absl::string_view yyyymmdd = nip.substr(0, 8);
    const std::string ddmmyyyy =
        absl::StrCat(yyyymmdd.substr(6, 2), yyyymmdd.substr(4, 2), yyyymmdd.substr(0, 4));
    if (Contains(password, yyyymmdd) || Contains(password, ddmmyyyy)) {
      return absl::InvalidArgumentError(
          "Password must not contain your birth date (the first 8 digits of your NIP, as YYYYMMDD "
          "or DDMMYYYY)");
    }
  }
  bool letter = false, digit = false, other = false;
  for (uint32_t cp : cps) {
    if (IsLetter(cp)) {
      letter = true;
    } else if (IsDigit(cp)) {
      digit = true;
    } else {
      other = true;
    }
  }
  if (int{letter} + int{digit} + int{other} < kMinClasses) {
    return absl::InvalidArgumentError(
        "Password must mix at least 2 kinds of characters: letters, digits, and others (such as "
        "punctuation or spaces)");
  }
  return absl::OkStatus();
}

}  // namespace kinerja::domain
