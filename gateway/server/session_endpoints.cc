#include "gateway/server/session_endpoints.h"

#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/time_util.h>

#include "gateway/server/api_response.h"
#include "gateway/server/web_session.h"
#include "gateway/transcoder/response_writer.h"
#include "kinerja/v1/identity.pb.h"

namespace kinerja::gateway {
namespace {

constexpr char kLoginMethod[] = "/kinerja.v1.IdentityService/Login";
constexpr char kLogoutMethod[] = "/kinerja.v1.IdentityService/Logout";

void AddCookies(HttpResponse& r, const std::vector<std::string>& cookies) {
  for (const auto& c : cookies) r.headers.push_back({"set-cookie", c});
}

Metadata RequestId(const HttpRequest& request) {
  Metadata m;
  std::string id = request.Header("x-request-id");
  if (!id.empty()) m.emplace_back("x-request-id", std::move(id));
  return m;
}

}  // namespace

void SessionEndpoints::Login(HttpRequest request, std::function<void(HttpResponse)> respond) {
  // SameSite=Strict already keeps other sites' forms from carrying cookies; this also keeps them from
  // signing a browser in to an account of their choosing (login CSRF).
  if (!FromThisOrigin(request)) {
    return respond(ApiResponse(transcoder::ErrorResponse(
        absl::PermissionDeniedError("cross-origin sign-in refused"))));
  }
  v1::LoginRequest login;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  if (auto st = google::protobuf::util::JsonStringToMessage(request.body, &login, options); !st.ok()) {
    return respond(ApiResponse(transcoder::ErrorResponse(absl::InvalidArgumentError(
        "the body must be JSON {\"nip\": \"...\", \"password\": \"...\"}"))));
  }
  const bool secure = request.secure;
  backend_.Call(kLoginMethod, login.SerializeAsString(), RequestId(request), timeout_,
                [secure, respond = std::move(respond)](BackendReply reply) {
                  if (!reply.status.ok()) return respond(ApiResponse(transcoder::ErrorResponse(reply.status)));
                  v1::LoginResponse session;
                  if (!session.ParseFromString(reply.response)) {
                    return respond(ApiResponse(transcoder::ErrorResponse(
                        absl::InternalError("unreadable answer from the server"))));
                  }
                  const absl::Time expire = absl::FromUnixSeconds(
                      google::protobuf::util::TimeUtil::TimestampToSeconds(session.expire_time()));
                  const auto cookies =
                      SessionCookies(session.session_token(), expire, absl::Now(), secure);
                  session.clear_session_token();  // lives in the HttpOnly cookie only
                  std::string body;
                  if (!google::protobuf::util::MessageToJsonString(session, &body).ok()) {
                    return respond(ApiResponse(transcoder::ErrorResponse(
                        absl::InternalError("cannot print the session"))));
                  }
                  HttpResponse r = ApiResponse(200, std::move(body));
                  AddCookies(r, cookies);
                  respond(std::move(r));
                });
}

void SessionEndpoints::Logout(HttpRequest request, std::function<void(HttpResponse)> respond) {
  auto metadata = CallerMetadata(request);
  if (!metadata.ok()) return respond(ApiResponse(transcoder::ErrorResponse(metadata.status())));
  const bool secure = request.secure;
  backend_.Call(kLogoutMethod, v1::LogoutRequest().SerializeAsString(), std::move(*metadata),
                timeout_, [secure, respond = std::move(respond)](BackendReply reply) {
                  // An ended or unknown session is signed out all the same.
                  const bool ended = reply.status.ok() ||
                                     reply.status.error_code() == grpc::StatusCode::UNAUTHENTICATED;
                  HttpResponse r = ended ? ApiResponse(200, "{}") : ApiResponse(transcoder::ErrorResponse(reply.status));
                  if (ended) AddCookies(r, ClearedCookies(secure));
                  respond(std::move(r));
                });
}

}  // namespace kinerja::gateway
