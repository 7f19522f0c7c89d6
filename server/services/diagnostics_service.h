// kinerja.v1.DiagnosticsService: Ping answers on gRPC's own thread with no database and no executor,
// the baseline every benchmark compares against.
#ifndef KINERJA_SERVER_SERVICES_DIAGNOSTICS_SERVICE_H_
#define KINERJA_SERVER_SERVICES_DIAGNOSTICS_SERVICE_H_

#include "kinerja/v1/diagnostics.grpc.pb.h"

namespace kinerja::services {

class DiagnosticsServiceImpl final : public v1::DiagnosticsService::CallbackService {
 public:
  grpc::ServerUnaryReactor* Ping(grpc::CallbackServerContext* ctx, const v1::PingRequest* req,
                                 v1::PingResponse* resp) override {
    if (req->payload().size() > 1024) {
      auto* reactor = ctx->DefaultReactor();
      reactor->Finish(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                                   "payload must be at most 1024 bytes"));
      return reactor;
    }
    resp->set_payload(req->payload());
    auto* reactor = ctx->DefaultReactor();
    reactor->Finish(grpc::Status::OK);
    return reactor;
  }
};

}  // namespace kinerja::services

#endif  // KINERJA_SERVER_SERVICES_DIAGNOSTICS_SERVICE_H_
