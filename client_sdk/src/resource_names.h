// Resource names from what a caller is likely to have: "DISKOMINFO" or "opds/DISKOMINFO" both
// name the OPD.
#ifndef KINERJA_CLIENT_SDK_SRC_RESOURCE_NAMES_H_
#define KINERJA_CLIENT_SDK_SRC_RESOURCE_NAMES_H_

#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace kinerja::sdk::internal {

// `id_or_name` when it already starts with `collection` ("employees/"), else collection + id.
inline std::string ResourceName(absl::string_view collection, absl::string_view id_or_name) {
  if (absl::StartsWith(id_or_name, collection)) return std::string(id_or_name);
  return absl::StrCat(collection, id_or_name);
}

// The id of a resource name ("opds/DISKOMINFO" -> "DISKOMINFO"); an id stays as it is.
inline std::string ResourceId(absl::string_view collection, absl::string_view id_or_name) {
  if (absl::StartsWith(id_or_name, collection)) {
    return std::string(id_or_name.substr(collection.size()));
  }
  return std::string(id_or_name);
}

inline constexpr char kOpds[] = "opds/";
inline constexpr char kPositions[] = "positions/";
inline constexpr char kEmployees[] = "employees/";

// An OPD's year, "opds/{code}/years/{year}", from the OPD's code or name.
inline std::string OpdYearName(absl::string_view opd, int year) {
  return absl::StrCat(ResourceName(kOpds, opd), "/years/", year);
}

}  // namespace kinerja::sdk::internal

#endif  // KINERJA_CLIENT_SDK_SRC_RESOURCE_NAMES_H_
