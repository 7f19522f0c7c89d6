#include "client_sdk/src/method_names.h"

#include <string>

#include "google/protobuf/descriptor.h"
#include "kinerja/v1/audit.pb.h"
#include "kinerja/v1/diagnostics.pb.h"
#include "kinerja/v1/directory.pb.h"
#include "kinerja/v1/identity.pb.h"
#include "kinerja/v1/skp.pb.h"

namespace kinerja::sdk::internal {

bool IsKinerjaMethod(absl::string_view name) {
  const size_t slash = name.find('/');
  if (slash == absl::string_view::npos) return false;
  const std::string service(name.substr(0, slash));
  const std::string method(name.substr(slash + 1));
  // Through a message of each file, so that the file's descriptors are linked in and registered.
  const google::protobuf::FileDescriptor* files[] = {
      v1::GetEmployeeRequest::descriptor()->file(), v1::LoginRequest::descriptor()->file(),
      v1::ListAuditEventsRequest::descriptor()->file(), v1::PingRequest::descriptor()->file(),
      v1::GetSkpRequest::descriptor()->file()};
  for (const google::protobuf::FileDescriptor* file : files) {
    for (int i = 0; i < file->service_count(); ++i) {
      const google::protobuf::ServiceDescriptor* s = file->service(i);
      if (s->full_name() == service && s->FindMethodByName(method) != nullptr) return true;
    }
  }
  return false;
}

}  // namespace kinerja::sdk::internal
