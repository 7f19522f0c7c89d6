// The append-only audit log (DOMAIN.md 9.3). AppendAudit is called by every repository write, on the
// write's own connection inside its transaction, so a change and its audit row commit or roll back
// together. The table refuses UPDATE and DELETE by trigger (V003).
#ifndef KINERJA_SERVER_STORAGE_AUDIT_STORE_H_
#define KINERJA_SERVER_STORAGE_AUDIT_STORE_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "google/protobuf/message.h"
#include "kinerja/v1/audit.pb.h"
#include "server/storage/connection_pool.h"

namespace kinerja::storage {

// Who is changing what, through which RPC: passed by the service into every repository write.
struct AuditContext {
  std::string actor;       // "accounts/{nip}" or "accounts/{system}"; "system" for start-up tasks
  std::string method;      // full gRPC method name
  std::string request_id;
};

// proto3 JSON of a message (field names as in the proto), for before/after.
std::string AuditJson(const google::protobuf::Message& message);

// Appends one row. `before` or `after` may be null (creation, deletion). Throws sql::SQLException.
void AppendAudit(Connection& c, const AuditContext& ctx, absl::string_view resource,
                 const google::protobuf::Message* before, const google::protobuf::Message* after);

struct AuditFilter {
  std::string actor;
  std::string method;
  std::string resource_prefix;
  absl::Time start = absl::InfinitePast();
  absl::Time end = absl::InfiniteFuture();
};

class AuditRepository {
 public:
  explicit AuditRepository(ConnectionPool& pool) : pool_(pool) {}
  // Newest first: events with id < before_id (0: from the newest), at most `limit`.
  absl::StatusOr<std::vector<v1::AuditEvent>> List(const AuditFilter& filter, int64_t before_id,
                                                   int limit, absl::Time deadline);

 private:
  ConnectionPool& pool_;
};

}  // namespace kinerja::storage

#endif  // KINERJA_SERVER_STORAGE_AUDIT_STORE_H_
