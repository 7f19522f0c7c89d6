#include "gateway/server/api_handler.h"

#include "absl/strings/str_join.h"
#include "gateway/server/api_response.h"
#include "gateway/server/stream_call.h"
#include "gateway/server/web_session.h"
#include "gateway/transcoder/request_builder.h"
#include "gateway/transcoder/response_writer.h"

namespace kinerja::gateway {
namespace {


}  // namespace

void ApiHandler::Handle(HttpRequest request, std::function<void(HttpResponse)> respond) {
  const size_t q = request.target.find('?');
  const std::string path = request.target.substr(0, q);
  const std::string query = q == std::string::npos ? "" : request.target.substr(q + 1);
  transcoder::RouteMatch m = routes_.Match(request.method, path);
  if (m.kind != transcoder::RouteMatch::Kind::kMatched) {
    HttpResponse r = ApiResponse(transcoder::RoutingErrorResponse(m));
    if (!m.allowed_methods.empty()) r.headers.push_back({"allow", absl::StrJoin(m.allowed_methods, ", ")});
    return respond(std::move(r));
  }
  auto message = transcoder::BuildRequest(*m.route, m.bindings, query, request.body);
  if (!message.ok()) return respond(ApiResponse(transcoder::ErrorResponse(message.status())));
  auto metadata = CallerMetadata(request);
  if (!metadata.ok()) return respond(ApiResponse(transcoder::ErrorResponse(metadata.status())));
  const transcoder::Route* route = m.route;
  if (route->server_streaming) {
    return StreamCall::Start(backend_, *route, (*message)->SerializeAsString(), std::move(*metadata),
                             stream_timeout_, std::move(respond));
  }
  backend_.Call(route->grpc_method, (*message)->SerializeAsString(), std::move(*metadata), timeout_,
                [route, respond = std::move(respond)](BackendReply reply) {
                  HttpResponse r = ApiResponse(transcoder::UnaryResponse(*route, reply.status, reply.response));
                  for (const auto& [k, v] : reply.initial_metadata) {
                    if (k == "x-request-id") r.headers.push_back({k, v});
                  }
                  respond(std::move(r));
                });
}

}  // namespace kinerja::gateway
