// kinerja.v1.AuditService: administrators read the audit log, newest first, with filters.
#ifndef KINERJA_SERVER_SERVICES_AUDIT_SERVICE_H_
#define KINERJA_SERVER_SERVICES_AUDIT_SERVICE_H_

#include "kinerja/v1/audit.grpc.pb.h"
#include "server/services/access_guard.h"
#include "server/storage/audit_store.h"

namespace kinerja::services {

class AuditServiceImpl final : public v1::AuditService::CallbackService {
 public:
  AuditServiceImpl(storage::AuditRepository& repo, AccessGuard& guard) : repo_(repo), guard_(guard) {}

  grpc::ServerUnaryReactor* ListAuditEvents(grpc::CallbackServerContext* ctx,
                                            const v1::ListAuditEventsRequest* req,
                                            v1::ListAuditEventsResponse* resp) override;

 private:
  storage::AuditRepository& repo_;
  AccessGuard& guard_;
};

}  // namespace kinerja::services

#endif  // KINERJA_SERVER_SERVICES_AUDIT_SERVICE_H_
