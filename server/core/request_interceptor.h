// The server interceptor every call passes through: it takes (or makes) the request id from the
// "x-request-id" metadata and echoes it back, and on the final status records metrics and writes the
// request's log line. Authorization (issue 3) plugs in beside it.
#ifndef KINERJA_SERVER_CORE_REQUEST_INTERCEPTOR_H_
#define KINERJA_SERVER_CORE_REQUEST_INTERCEPTOR_H_

#include <string>

#include <grpcpp/support/server_interceptor.h>

#include "absl/strings/string_view.h"
#include "server/core/metrics.h"
#include "server/core/request_log.h"

namespace kinerja::core {

// A usable request id: 1..64 characters of [A-Za-z0-9._-].
bool IsValidRequestId(absl::string_view id);

// 16 random hex characters.
std::string NewRequestId();

class RequestInterceptorFactory : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  RequestInterceptorFactory(Metrics* metrics, RequestLog* log) : metrics_(metrics), log_(log) {}
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;

 private:
  Metrics* metrics_;
  RequestLog* log_;
};

}  // namespace kinerja::core

#endif  // KINERJA_SERVER_CORE_REQUEST_INTERCEPTOR_H_
