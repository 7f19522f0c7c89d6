// Percent-decoding of URL paths and query strings, and the UTF-8 check every decoded string field
// needs before it reaches a proto3 string (which must be valid UTF-8).
#ifndef KINERJA_GATEWAY_TRANSCODER_URL_ENCODING_H_
#define KINERJA_GATEWAY_TRANSCODER_URL_ENCODING_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace kinerja::transcoder {

enum class PercentDecoding {
  kFull,            // every %XX decoded: a single-segment path variable ({var}, {var=*})
  kKeepSlash,       // %2F and %2f stay as written: a multi-segment variable ({var=a/*}, {var=**})
  kQueryComponent,  // every %XX decoded and '+' read as a space (application/x-www-form-urlencoded)
};

// Decodes `text`. A '%' not followed by two hex digits is INVALID_ARGUMENT. The result may hold any
// byte (including NUL and invalid UTF-8); callers that store it in a string field check IsValidUtf8.
absl::StatusOr<std::string> PercentDecode(absl::string_view text, PercentDecoding mode);

// True when every '%' in `text` starts a well-formed %XX escape.
bool HasValidPercentEscapes(absl::string_view text);

// True when `text` is well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF).
bool IsValidUtf8(absl::string_view text);

// `text` with every byte that is not part of well-formed UTF-8 replaced by U+FFFD, for echoing
// client input into a proto3 string (an error message or a field violation).
std::string ToValidUtf8(absl::string_view text);

}  // namespace kinerja::transcoder

#endif  // KINERJA_GATEWAY_TRANSCODER_URL_ENCODING_H_
