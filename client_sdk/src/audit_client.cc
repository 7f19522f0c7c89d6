#include "kinerja/sdk/audit_client.h"

#include <utility>

namespace kinerja::sdk {

AuditClient::AuditClient(std::shared_ptr<AuditConnection> connection)
    : connection_(std::move(connection)) {}

PaginatedRange<v1::AuditEvent> AuditClient::ListAuditEvents(
    const v1::ListAuditEventsRequest& request) {
  return connection_->ListAuditEvents(request);
}

absl::StatusOr<AuditClient> MakeAuditClient(const Options& options) {
  auto connection = MakeAuditConnection(options);
  if (!connection.ok()) return connection.status();
  return AuditClient(*std::move(connection));
}

}  // namespace kinerja::sdk
