#include "server/domain/nip.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "server/domain/civil_date.h"

namespace kinerja::domain {
namespace {

int Digits(absl::string_view s, size_t pos, size_t len) {
  int v = 0;
  for (size_t i = pos; i < pos + len; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

}  // namespace

absl::StatusOr<Nip> ParseNip(absl::string_view text) {
  if (text.size() != 18) {
    return absl::InvalidArgumentError(
        absl::StrCat("NIP must have exactly 18 digits; got ", text.size(), " characters"));
  }
  for (size_t i = 0; i < text.size(); ++i) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(text[i]))) {
      return absl::InvalidArgumentError(
          absl::StrCat("NIP must contain digits only; character ", i + 1, " is not a digit"));
    }
  }
  Nip nip;
  const int by = Digits(text, 0, 4), bm = Digits(text, 4, 2), bd = Digits(text, 6, 2);
  if (!IsValidDate(by, bm, bd)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "NIP digits 1-8 must be a valid birth date YYYYMMDD; '", text.substr(0, 8), "' is not"));
  }
  nip.birth_date = absl::CivilDay(by, bm, bd);
  const int ay = Digits(text, 8, 4), am = Digits(text, 12, 2);
  if (ay < 1900 || am < 1 || am > 12) {
    return absl::InvalidArgumentError(absl::StrCat(
        "NIP digits 9-14 must be a valid appointment year and month YYYYMM; '",
        text.substr(8, 6), "' is not"));
  }
  nip.appointment = absl::CivilMonth(ay, am);
  if (nip.appointment < absl::CivilMonth(nip.birth_date)) {
    return absl::InvalidArgumentError(
        "NIP appointment month (digits 9-14) is before the birth date (digits 1-8)");
  }
  nip.gender = text[14] - '0';
  if (nip.gender != 1 && nip.gender != 2) {
    return absl::InvalidArgumentError(absl::StrCat(
        "NIP digit 15 must be the gender digit 1 (male) or 2 (female); got '", text.substr(14, 1),
        "'"));
  }
  nip.sequence = Digits(text, 15, 3);
  return nip;
}

}  // namespace kinerja::domain
