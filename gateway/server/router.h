// The gateway's front door: /v1/... to the transcoded API, /auth/login and /auth/logout to the
// browser's session endpoints, and GET of anything else to the console's files, the OpenAPI document
// and the API page. Every answer gets the security headers every answer should have.
#ifndef KINERJA_GATEWAY_SERVER_ROUTER_H_
#define KINERJA_GATEWAY_SERVER_ROUTER_H_

#include <functional>

#include "gateway/server/api_handler.h"
#include "gateway/server/http_server.h"
#include "gateway/server/session_endpoints.h"
#include "gateway/server/static_files.h"
#include "server/core/request_log.h"

namespace kinerja::gateway {

class Router {
 public:
  // `files` may be null: the gateway then serves the API only. `log`, when set, gets one line per
  // request: method and path (never the query, which may hold names), HTTP status, latency,
  // request id and peer.
  Router(ApiHandler& api, SessionEndpoints& sessions, const StaticFiles* files,
         core::RequestLog* log = nullptr)
      : api_(api), sessions_(sessions), files_(files), log_(log) {}

  void Handle(HttpRequest request, std::function<void(HttpResponse)> respond);

 private:
  ApiHandler& api_;
  SessionEndpoints& sessions_;
  const StaticFiles* files_;
  core::RequestLog* log_;
};

}  // namespace kinerja::gateway

#endif  // KINERJA_GATEWAY_SERVER_ROUTER_H_
