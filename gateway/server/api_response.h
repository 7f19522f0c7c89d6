// The gateway's own answers in one shape: the status, the body, and the headers every API answer
// carries (JSON unless said otherwise, and Cache-Control: no-store, since they hold personal data).
#ifndef KINERJA_GATEWAY_SERVER_API_RESPONSE_H_
#define KINERJA_GATEWAY_SERVER_API_RESPONSE_H_

#include <string>
#include <utility>

#include "gateway/server/http_server.h"
#include "gateway/transcoder/response_writer.h"

namespace kinerja::gateway {

inline HttpResponse ApiResponse(int status, std::string body,
                                const char* content_type = "application/json") {
  HttpResponse r;
  r.status = status;
  r.body = std::move(body);
  r.headers.push_back({"content-type", content_type});
  r.headers.push_back({"cache-control", "no-store"});
  return r;
}

// A transcoder answer (a JSON body or a google.rpc.Status error) as an HTTP answer.
inline HttpResponse ApiResponse(const transcoder::HttpResponse& t) { return ApiResponse(t.status, t.body); }

}  // namespace kinerja::gateway

#endif  // KINERJA_GATEWAY_SERVER_API_RESPONSE_H_
