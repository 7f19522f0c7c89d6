#include "kinerja/sdk/diagnostics_connection.h"

#include <utility>

#include "client_sdk/src/call_runner.h"
#include "client_sdk/src/stub_calls.h"
#include "kinerja/sdk/channel.h"

namespace kinerja::sdk {
namespace {

using Stub = v1::DiagnosticsService::StubInterface;

constexpr char kService[] = "kinerja.v1.DiagnosticsService";

class DefaultDiagnosticsConnection final : public DiagnosticsConnection {
 public:
  DefaultDiagnosticsConnection(std::shared_ptr<Stub> stub,
                               std::shared_ptr<const internal::CallRunner> runner)
      : calls_(kService, std::move(stub), std::move(runner)) {}

  absl::StatusOr<v1::PingResponse> Ping(const v1::PingRequest& request) override {
    return calls_.Read(&Stub::Ping, "Ping", request);
  }

 private:
  internal::StubCalls<Stub> calls_;
};

}  // namespace

absl::StatusOr<v1::PingResponse> DiagnosticsConnection::Ping(const v1::PingRequest&) {
  return absl::UnimplementedError(
      "DiagnosticsConnection::Ping is not implemented by this connection");
}

absl::StatusOr<std::shared_ptr<DiagnosticsConnection>> MakeDiagnosticsConnection(
    const Options& options) {
  auto channel = MakeChannel(options);
  if (!channel.ok()) return channel.status();
  return MakeDiagnosticsConnection(v1::DiagnosticsService::NewStub(*channel), options);
}

absl::StatusOr<std::shared_ptr<DiagnosticsConnection>> MakeDiagnosticsConnection(
    std::shared_ptr<v1::DiagnosticsService::StubInterface> stub, const Options& options,
    ConnectionEnvironment environment) {
  if (stub == nullptr) return absl::InvalidArgumentError("MakeDiagnosticsConnection: no stub");
  auto runner = internal::CallRunner::Create(options, std::move(environment));
  if (!runner.ok()) return runner.status();
  return std::shared_ptr<DiagnosticsConnection>(
      std::make_shared<DefaultDiagnosticsConnection>(std::move(stub), *std::move(runner)));
}

}  // namespace kinerja::sdk
