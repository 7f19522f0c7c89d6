// AuditClient: the append-only audit log (AuditService). See directory_client.h for the
// conventions.
#ifndef KINERJA_SDK_AUDIT_CLIENT_H_
#define KINERJA_SDK_AUDIT_CLIENT_H_

#include <memory>

#include "absl/status/statusor.h"
#include "kinerja/sdk/audit_connection.h"
#include "kinerja/sdk/options.h"
#include "kinerja/sdk/stream_range.h"

namespace kinerja::sdk {

class AuditClient {
 public:
  explicit AuditClient(std::shared_ptr<AuditConnection> connection);

  // Newest first; pages are fetched as the range is read. The request's filters (actor, method,
  // resource_prefix, time range) and page_size apply to every page.
  PaginatedRange<v1::AuditEvent> ListAuditEvents(const v1::ListAuditEventsRequest& request = {});

  const std::shared_ptr<AuditConnection>& connection() const { return connection_; }

 private:
  std::shared_ptr<AuditConnection> connection_;
};

// A client over MakeAuditConnection(options).
absl::StatusOr<AuditClient> MakeAuditClient(const Options& options);

}  // namespace kinerja::sdk

#endif  // KINERJA_SDK_AUDIT_CLIENT_H_
