#include "kinerja/sdk/diagnostics_client.h"

#include <string>
#include <utility>

namespace kinerja::sdk {

DiagnosticsClient::DiagnosticsClient(std::shared_ptr<DiagnosticsConnection> connection)
    : connection_(std::move(connection)) {}

absl::StatusOr<v1::PingResponse> DiagnosticsClient::Ping(absl::string_view payload) {
  v1::PingRequest request;
  request.set_payload(std::string(payload));
  return connection_->Ping(request);
}
absl::StatusOr<v1::PingResponse> DiagnosticsClient::Ping(const v1::PingRequest& request) {
  return connection_->Ping(request);
}

absl::StatusOr<DiagnosticsClient> MakeDiagnosticsClient(const Options& options) {
  auto connection = MakeDiagnosticsConnection(options);
  if (!connection.ok()) return connection.status();
  return DiagnosticsClient(*std::move(connection));
}

}  // namespace kinerja::sdk
