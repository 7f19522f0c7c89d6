// DiagnosticsClient: Ping, the bare round trip (DiagnosticsService). See directory_client.h for the
// conventions.
#ifndef KINERJA_SDK_DIAGNOSTICS_CLIENT_H_
#define KINERJA_SDK_DIAGNOSTICS_CLIENT_H_

#include <memory>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "kinerja/sdk/diagnostics_connection.h"
#include "kinerja/sdk/options.h"

namespace kinerja::sdk {

class DiagnosticsClient {
 public:
  explicit DiagnosticsClient(std::shared_ptr<DiagnosticsConnection> connection);

  // Answers with `payload`; touches no database.
  absl::StatusOr<v1::PingResponse> Ping(absl::string_view payload = "");
  absl::StatusOr<v1::PingResponse> Ping(const v1::PingRequest& request);

  const std::shared_ptr<DiagnosticsConnection>& connection() const { return connection_; }

 private:
  std::shared_ptr<DiagnosticsConnection> connection_;
};

// A client over MakeDiagnosticsConnection(options).
absl::StatusOr<DiagnosticsClient> MakeDiagnosticsClient(const Options& options);

}  // namespace kinerja::sdk

#endif  // KINERJA_SDK_DIAGNOSTICS_CLIENT_H_
