#include "gateway/server/router.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gateway/server/api_response.h"

namespace kinerja::gateway {
namespace {

// 404 and 405 as grpc-gateway answers them (NOT_FOUND is 404, UNIMPLEMENTED is 501, so the 405
// keeps its status and carries code 12 in the body as RoutingErrorResponse does).
HttpResponse JsonError(int status, grpc::StatusCode code, absl::string_view message) {
  HttpResponse r = ApiResponse(transcoder::ErrorResponse(code, message, ""));
  r.status = status;
  return r;
}

// Headers on every answer, API and files alike, and the request's log line.
std::function<void(HttpResponse)> Finishing(const HttpRequest& request, absl::string_view path,
                                            core::RequestLog* log,
                                            std::function<void(HttpResponse)> respond) {
  return [respond = std::move(respond), log, start = absl::Now(),
          what = absl::StrCat(request.method, " ", path), peer = request.peer,
          request_id = request.Header("x-request-id")](HttpResponse r) {
    bool has_nosniff = false;
    std::string id = request_id;
    for (const auto& [k, v] : r.headers) {
      has_nosniff |= (k == "x-content-type-options");
      if (k == "x-request-id") id = v;
    }
    if (!has_nosniff) r.headers.push_back({"x-content-type-options", "nosniff"});
    if (log) log->LogRequest(what, r.status, "", absl::Now() - start, id, peer);
    respond(std::move(r));
  };
}

}  // namespace

void Router::Handle(HttpRequest request, std::function<void(HttpResponse)> respond) {
  const absl::string_view target = request.target;
  const absl::string_view path = target.substr(0, target.find('?'));
  respond = Finishing(request, path, log_, std::move(respond));
  if (absl::StartsWith(path, "/v1/")) return api_.Handle(std::move(request), std::move(respond));
  if (path == "/auth/login" || path == "/auth/logout") {
    if (request.method != "POST") {
      HttpResponse r = JsonError(405, grpc::StatusCode::UNIMPLEMENTED, "use POST");
      r.headers.push_back({"allow", "POST"});
      return respond(std::move(r));
    }
    if (path == "/auth/login") return sessions_.Login(std::move(request), std::move(respond));
    return sessions_.Logout(std::move(request), std::move(respond));
  }
  const HttpResponse* file = files_ ? files_->Find(path) : nullptr;
  if (file == nullptr) return respond(JsonError(404, grpc::StatusCode::NOT_FOUND, "not found"));
  if (request.method != "GET" && request.method != "HEAD") {
    HttpResponse r = JsonError(405, grpc::StatusCode::UNIMPLEMENTED, "use GET");
    r.headers.push_back({"allow", "GET, HEAD"});
    return respond(std::move(r));
  }
  HttpResponse r = *file;
  r.head_only = request.method == "HEAD";
  respond(std::move(r));
}

}  // namespace kinerja::gateway
