// Validation of the fields every service shares: resource names, page sizes and tokens, request ids.
// Errors are INVALID_ARGUMENT with a google.rpc.BadRequest naming the field.
#ifndef KINERJA_SERVER_SERVICES_REQUEST_FIELDS_H_
#define KINERJA_SERVER_SERVICES_REQUEST_FIELDS_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace kinerja::services {

// "opds/DISKOMINFO" with prefix "opds/" -> "DISKOMINFO"; the id must be a valid code.
absl::StatusOr<std::string> CodeFromName(absl::string_view name, absl::string_view prefix,
                                         absl::string_view field);

// "employees/198507122010011003" -> the NIP, validated. A bare NIP is accepted too.
absl::StatusOr<std::string> NipFromName(absl::string_view name, absl::string_view field);

// "accounts/198507122010011003" (a person's account) -> the NIP, validated.
absl::StatusOr<std::string> NipFromAccount(absl::string_view name, absl::string_view field);

// page_size: 0 means `default_size`; negative is refused; above `max_size` is clamped.
absl::StatusOr<int> PageSize(int requested, int default_size, int max_size);

// Opaque page tokens carrying the last key of the previous page.
std::string EncodePageToken(absl::string_view last_key);
absl::StatusOr<std::string> DecodePageToken(absl::string_view token);

// An optional request_id: empty, or 1..64 characters of [A-Za-z0-9._-].
absl::Status CheckRequestId(absl::string_view request_id);

}  // namespace kinerja::services

#endif  // KINERJA_SERVER_SERVICES_REQUEST_FIELDS_H_
