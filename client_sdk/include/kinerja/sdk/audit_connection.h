// AuditConnection: the AuditService RPC (see directory_connection.h for the pattern).
#ifndef KINERJA_SDK_AUDIT_CONNECTION_H_
#define KINERJA_SDK_AUDIT_CONNECTION_H_

#include <memory>

#include "absl/status/statusor.h"
#include "kinerja/sdk/connection_environment.h"
#include "kinerja/sdk/options.h"
#include "kinerja/sdk/stream_range.h"
#include "kinerja/v1/audit.grpc.pb.h"

namespace kinerja::sdk {

class AuditConnection {
 public:
  virtual ~AuditConnection() = default;

  // Newest first, page by page. Answers UNIMPLEMENTED unless overridden.
  virtual PaginatedRange<v1::AuditEvent> ListAuditEvents(const v1::ListAuditEventsRequest& request);
};

// A connection over a new channel to options.endpoints (see MakeChannel).
absl::StatusOr<std::shared_ptr<AuditConnection>> MakeAuditConnection(const Options& options);

// A connection over `stub` (a caller's own channel, or MockAuditServiceStub in tests).
absl::StatusOr<std::shared_ptr<AuditConnection>> MakeAuditConnection(
    std::shared_ptr<v1::AuditService::StubInterface> stub, const Options& options,
    ConnectionEnvironment environment = {});

}  // namespace kinerja::sdk

#endif  // KINERJA_SDK_AUDIT_CONNECTION_H_
