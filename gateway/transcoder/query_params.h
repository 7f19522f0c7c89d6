// Splits a URL query string into decoded (name, value) pairs, as
// application/x-www-form-urlencoded: pairs separated by '&', name and value by the first '=', '+'
// read as a space, %XX decoded. "a" alone is ("a", ""); empty pieces ("a=1&&b=2") are skipped.
#ifndef KINERJA_GATEWAY_TRANSCODER_QUERY_PARAMS_H_
#define KINERJA_GATEWAY_TRANSCODER_QUERY_PARAMS_H_

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace kinerja::transcoder {

inline constexpr size_t kMaxQueryParams = 1000;

using QueryParams = std::vector<std::pair<std::string, std::string>>;

// Parses `query` (the part after '?', without it), in order. More than `max_params` pairs, a
// malformed %-escape, or an empty name ("=x") is INVALID_ARGUMENT. Names and values are bytes: the
// caller checks UTF-8 where a string field needs it.
absl::StatusOr<QueryParams> ParseQueryString(absl::string_view query,
                                             size_t max_params = kMaxQueryParams);

}  // namespace kinerja::transcoder

#endif  // KINERJA_GATEWAY_TRANSCODER_QUERY_PARAMS_H_
