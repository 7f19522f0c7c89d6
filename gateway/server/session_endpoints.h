// The browser's sign-in and sign-out: POST /auth/login {"nip","password"} calls IdentityService.Login
// and answers with the session in cookies (web_session.h) instead of in the body, so the console's
// script never holds the token; POST /auth/logout ends the session on the server and clears them.
#ifndef KINERJA_GATEWAY_SERVER_SESSION_ENDPOINTS_H_
#define KINERJA_GATEWAY_SERVER_SESSION_ENDPOINTS_H_

#include <functional>

#include "absl/time/time.h"
#include "gateway/server/grpc_backend.h"
#include "gateway/server/http_server.h"

namespace kinerja::gateway {

class SessionEndpoints {
 public:
  SessionEndpoints(GrpcBackend& backend, absl::Duration timeout)
      : backend_(backend), timeout_(timeout) {}

  // 200 {"mustChangePassword", "expireTime", "account"} with the cookies; errors as
  // google.rpc.Status JSON (401 wrong NIP or password, 429 while sign-in is throttled, 400 bad body).
  void Login(HttpRequest request, std::function<void(HttpResponse)> respond);
  // 200 {} and cleared cookies, also when the session had already ended; needs X-CSRF-Token.
  void Logout(HttpRequest request, std::function<void(HttpResponse)> respond);

 private:
  GrpcBackend& backend_;
  const absl::Duration timeout_;
};

}  // namespace kinerja::gateway

#endif  // KINERJA_GATEWAY_SERVER_SESSION_ENDPOINTS_H_
