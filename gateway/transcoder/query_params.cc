#include "gateway/transcoder/query_params.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gateway/transcoder/url_encoding.h"

namespace kinerja::transcoder {

absl::StatusOr<QueryParams> ParseQueryString(absl::string_view query, size_t max_params) {
  QueryParams params;
  for (absl::string_view piece : absl::StrSplit(query, '&', absl::SkipEmpty())) {
    if (params.size() == max_params) {
      return absl::InvalidArgumentError(
          absl::StrCat("too many query parameters: at most ", max_params, " are accepted"));
    }
    const std::pair<absl::string_view, absl::string_view> kv =
        absl::StrSplit(piece, absl::MaxSplits('=', 1));
    auto name = PercentDecode(kv.first, PercentDecoding::kQueryComponent);
    if (!name.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("query parameter name '", kv.first, "': ", name.status().message()));
    }
    if (name->empty()) {
      return absl::InvalidArgumentError(absl::StrCat("query parameter '", piece, "' has no name"));
    }
    auto value = PercentDecode(kv.second, PercentDecoding::kQueryComponent);
    if (!value.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("query parameter '", *name, "': ", value.status().message()));
    }
    params.emplace_back(*std::move(name), *std::move(value));
  }
  return params;
}

}  // namespace kinerja::transcoder
