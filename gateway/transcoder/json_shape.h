// A cheap structural pass over a JSON request body before the protobuf JSON parser sees it: the
// body must be UTF-8 (RFC 8259), nest at most kMaxJsonDepth objects and arrays, and be exactly one
// JSON value (so it can be safely wrapped as {"field": <body>}).
#ifndef KINERJA_GATEWAY_TRANSCODER_JSON_SHAPE_H_
#define KINERJA_GATEWAY_TRANSCODER_JSON_SHAPE_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace kinerja::transcoder {

inline constexpr int kMaxJsonDepth = 64;

// OK, or INVALID_ARGUMENT saying which rule the body breaks. Does not validate JSON grammar beyond
// strings, brackets and top-level separation; the protobuf parser does the rest.
absl::Status CheckJsonShape(absl::string_view json, int max_depth = kMaxJsonDepth);

// True when `text` holds only JSON whitespace (space, tab, CR, LF) or nothing.
bool IsJsonWhitespace(absl::string_view text);

}  // namespace kinerja::transcoder

#endif  // KINERJA_GATEWAY_TRANSCODER_JSON_SHAPE_H_
