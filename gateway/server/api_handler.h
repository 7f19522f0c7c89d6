// HTTP/JSON -> gRPC for /v1/...: match the route, build the request message, call the server through
// the generic backend, and write the JSON answer. The caller's credentials and request id travel on
// as gRPC metadata; the server decides. No code here knows any particular RPC.
#ifndef KINERJA_GATEWAY_SERVER_API_HANDLER_H_
#define KINERJA_GATEWAY_SERVER_API_HANDLER_H_

#include <functional>

#include "absl/time/time.h"
#include "gateway/server/grpc_backend.h"
#include "gateway/server/http_server.h"
#include "gateway/transcoder/route_table.h"

namespace kinerja::gateway {

class ApiHandler {
 public:
  // `timeout`: the deadline of a unary call; `stream_timeout`: of a whole server stream, which lasts
  // as long as the client takes to read it (a city-wide export, say).
  ApiHandler(const transcoder::RouteTable& routes, GrpcBackend& backend, absl::Duration timeout,
             absl::Duration stream_timeout = absl::Hours(1))
      : routes_(routes), backend_(backend), timeout_(timeout), stream_timeout_(stream_timeout) {}

  void Handle(HttpRequest request, std::function<void(HttpResponse)> respond);

 private:
  const transcoder::RouteTable& routes_;
  GrpcBackend& backend_;
  const absl::Duration timeout_;
  const absl::Duration stream_timeout_;
};

}  // namespace kinerja::gateway

#endif  // KINERJA_GATEWAY_SERVER_API_HANDLER_H_
