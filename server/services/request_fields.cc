#include "server/services/request_fields.h"

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "absl/strings/str_cat.h"
#include "server/core/request_interceptor.h"
#include "server/core/status_details.h"
#include "server/domain/nip.h"
#include "server/domain/position_rules.h"

namespace kinerja::services {

absl::StatusOr<std::string> CodeFromName(absl::string_view name, absl::string_view prefix,
                                         absl::string_view field) {
  if (!absl::StartsWith(name, prefix)) {
    return core::FieldError(field, absl::StrCat("must have the form ", prefix, "{code}"));
  }
  absl::string_view code = name.substr(prefix.size());
  if (absl::Status st = domain::ValidateCode(code, "code"); !st.ok()) {
    return core::FieldError(field, st.message());
  }
  return std::string(code);
}

absl::StatusOr<std::string> NipFromName(absl::string_view name, absl::string_view field) {
  absl::string_view nip = name;
  absl::ConsumePrefix(&nip, "employees/");
  if (auto parsed = domain::ParseNip(nip); !parsed.ok()) {
    return core::FieldError(field, parsed.status().message());
  }
  return std::string(nip);
}

absl::StatusOr<std::string> NipFromAccount(absl::string_view name, absl::string_view field) {
  absl::string_view nip = name;
  if (!absl::ConsumePrefix(&nip, "accounts/")) {
    return core::FieldError(field, "must have the form accounts/{nip}");
  }
  if (auto parsed = domain::ParseNip(nip); !parsed.ok()) {
    return core::FieldError(field, parsed.status().message());
  }
  return std::string(nip);
}

absl::StatusOr<int> PageSize(int requested, int default_size, int max_size) {
  if (requested < 0) return core::FieldError("page_size", "must not be negative");
  if (requested == 0) return default_size;
  return requested > max_size ? max_size : requested;
}

std::string EncodePageToken(absl::string_view last_key) {
  return absl::WebSafeBase64Escape(absl::StrCat("k1:", last_key));
}

absl::StatusOr<std::string> DecodePageToken(absl::string_view token) {
  if (token.empty()) return std::string();
  std::string raw;
  if (!absl::WebSafeBase64Unescape(token, &raw) || !absl::StartsWith(raw, "k1:") ||
      raw.size() > 200) {
    return core::FieldError("page_token", "is not a page token this service issued");
  }
  return raw.substr(3);
}

absl::Status CheckRequestId(absl::string_view request_id) {
  if (request_id.empty() || core::IsValidRequestId(request_id)) return absl::OkStatus();
  return core::FieldError("request_id", "must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_', '-'");
}

}  // namespace kinerja::services
