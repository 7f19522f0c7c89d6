// Rules for a password a person chooses (DOMAIN.md 9.1: login with NIP and password).
#ifndef KINERJA_SERVER_DOMAIN_PASSWORD_RULES_H_
#define KINERJA_SERVER_DOMAIN_PASSWORD_RULES_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace kinerja::domain {

// OK when `password` may become the password of the account whose NIP is `nip`. Otherwise
// INVALID_ARGUMENT with an English message, suitable to show to the person, naming the first rule
// broken, checked in this order:
//   1. at most 128 bytes (UTF-8 encoded);
//   2. well-formed UTF-8 with no control characters (C0 including tab and newline, DEL, C1);
//   3. at least 10 characters, counted as Unicode code points (so "é" or "ꦲ" counts as one);
//   4. not a single character repeated;
//   5. does not contain the NIP, nor its birth date (NIP digits 1-8, YYYYMMDD), nor that birth date
//      written the Indonesian way, DDMMYYYY;
//   6. has characters of at least 2 of the classes: letters, digits, others. Letters are ASCII
//      letters and the Latin letters with diacritics of U+00C0-U+024F (except the multiplication
//      and division signs U+00D7, U+00F7); digits are ASCII 0-9; everything else (space,
//      punctuation, symbols, other scripts, emoji) is "others".
// `nip` is normally the 18-digit NIP. Rule 5 looks for it as given when it is not empty, and for
// the birth dates only when its first 8 characters are digits; an account without a NIP passes "".
absl::Status CheckNewPassword(absl::string_view password, absl::string_view nip);

}  // namespace kinerja::domain

#endif  // KINERJA_SERVER_DOMAIN_PASSWORD_RULES_H_
