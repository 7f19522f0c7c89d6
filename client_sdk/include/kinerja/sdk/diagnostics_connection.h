// DiagnosticsConnection: the DiagnosticsService RPC (see directory_connection.h for the pattern).
#ifndef KINERJA_SDK_DIAGNOSTICS_CONNECTION_H_
#define KINERJA_SDK_DIAGNOSTICS_CONNECTION_H_

#include <memory>

#include "absl/status/statusor.h"
#include "kinerja/sdk/connection_environment.h"
#include "kinerja/sdk/options.h"
#include "kinerja/v1/diagnostics.grpc.pb.h"

namespace kinerja::sdk {

class DiagnosticsConnection {
 public:
  virtual ~DiagnosticsConnection() = default;

  // Answers UNIMPLEMENTED unless overridden.
  virtual absl::StatusOr<v1::PingResponse> Ping(const v1::PingRequest& request);
};

// A connection over a new channel to options.endpoints (see MakeChannel).
absl::StatusOr<std::shared_ptr<DiagnosticsConnection>> MakeDiagnosticsConnection(
    const Options& options);

// A connection over `stub` (a caller's own channel, or MockDiagnosticsServiceStub in tests).
absl::StatusOr<std::shared_ptr<DiagnosticsConnection>> MakeDiagnosticsConnection(
    std::shared_ptr<v1::DiagnosticsService::StubInterface> stub, const Options& options,
    ConnectionEnvironment environment = {});

}  // namespace kinerja::sdk

#endif  // KINERJA_SDK_DIAGNOSTICS_CONNECTION_H_
