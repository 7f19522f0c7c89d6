#include "kinerja/sdk/audit_connection.h"

#include <utility>

#include "client_sdk/src/call_runner.h"
#include "client_sdk/src/stub_calls.h"
#include "kinerja/sdk/channel.h"

namespace kinerja::sdk {
namespace {

using Stub = v1::AuditService::StubInterface;

constexpr char kService[] = "kinerja.v1.AuditService";

class DefaultAuditConnection final : public AuditConnection {
 public:
  DefaultAuditConnection(std::shared_ptr<Stub> stub,
                         std::shared_ptr<const internal::CallRunner> runner)
      : calls_(kService, std::move(stub), std::move(runner)) {}

  PaginatedRange<v1::AuditEvent> ListAuditEvents(
      const v1::ListAuditEventsRequest& request) override {
    return calls_.Pages(&Stub::ListAuditEvents, "ListAuditEvents", request,
                        &v1::ListAuditEventsResponse::mutable_audit_events);
  }

 private:
  internal::StubCalls<Stub> calls_;
};

}  // namespace

PaginatedRange<v1::AuditEvent> AuditConnection::ListAuditEvents(const v1::ListAuditEventsRequest&) {
  return MakeStreamRange<v1::AuditEvent>({absl::UnimplementedError(
      "AuditConnection::ListAuditEvents is not implemented by this connection")});
}

absl::StatusOr<std::shared_ptr<AuditConnection>> MakeAuditConnection(const Options& options) {
  auto channel = MakeChannel(options);
  if (!channel.ok()) return channel.status();
  return MakeAuditConnection(v1::AuditService::NewStub(*channel), options);
}

absl::StatusOr<std::shared_ptr<AuditConnection>> MakeAuditConnection(
    std::shared_ptr<v1::AuditService::StubInterface> stub, const Options& options,
    ConnectionEnvironment environment) {
  if (stub == nullptr) return absl::InvalidArgumentError("MakeAuditConnection: no stub");
  auto runner = internal::CallRunner::Create(options, std::move(environment));
  if (!runner.ok()) return runner.status();
  return std::shared_ptr<AuditConnection>(
      std::make_shared<DefaultAuditConnection>(std::move(stub), *std::move(runner)));
}

}  // namespace kinerja::sdk
