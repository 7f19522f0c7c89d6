// Full method names ("kinerja.v1.DirectoryService/GetEmployee"), as the idempotency overrides and
// the retry decisions use them.
#ifndef KINERJA_CLIENT_SDK_SRC_METHOD_NAMES_H_
#define KINERJA_CLIENT_SDK_SRC_METHOD_NAMES_H_

#include "absl/strings/string_view.h"

namespace kinerja::sdk::internal {

// True when `name` ("package.Service/Method", no leading '/') is a method of one of the Kinerja
// services this SDK speaks to.
bool IsKinerjaMethod(absl::string_view name);

}  // namespace kinerja::sdk::internal

#endif  // KINERJA_CLIENT_SDK_SRC_METHOD_NAMES_H_
