#include "kinerja/sdk/skp_connection.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "client_sdk/src/call_runner.h"
#include "client_sdk/src/stub_calls.h"
#include "kinerja/sdk/channel.h"

namespace kinerja::sdk {
namespace {

using Stub = v1::SkpService::StubInterface;

absl::Status Unimplemented(absl::string_view method) {
  return absl::UnimplementedError(
      absl::StrCat("SkpConnection::", method, " is not implemented by this connection"));
}

constexpr char kService[] = "kinerja.v1.SkpService";

class DefaultSkpConnection final : public SkpConnection {
 public:
  DefaultSkpConnection(std::shared_ptr<Stub> stub,
                       std::shared_ptr<const internal::CallRunner> runner)
      : calls_(kService, std::move(stub), std::move(runner)) {}

  absl::StatusOr<v1::Skp> CreateSkp(const v1::CreateSkpRequest& request) override {
    return calls_.Write(&Stub::CreateSkp, "CreateSkp", request);
  }
  absl::StatusOr<v1::Skp> GetSkp(const v1::GetSkpRequest& request) override {
    return calls_.Read(&Stub::GetSkp, "GetSkp", request);
  }
  absl::StatusOr<v1::ListSkpsResponse> ListSkps(const v1::ListSkpsRequest& request) override {
    return calls_.Read(&Stub::ListSkps, "ListSkps", request);
  }
  // The etag makes a repeat fail (ABORTED) rather than apply twice, which is still not a
  // repeat with the same answer: not idempotent by default (idempotency.h).
  absl::StatusOr<v1::Skp> UpdateSkp(const v1::UpdateSkpRequest& request) override {
    return calls_.Unsafe(&Stub::UpdateSkp, "UpdateSkp", request);
  }

  absl::StatusOr<v1::Skp> SubmitSkp(const v1::TransitionSkpRequest& request) override {
    return calls_.Unsafe(&Stub::SubmitSkp, "SubmitSkp", request);
  }
  absl::StatusOr<v1::Skp> ApproveSkp(const v1::TransitionSkpRequest& request) override {
    return calls_.Unsafe(&Stub::ApproveSkp, "ApproveSkp", request);
  }
  absl::StatusOr<v1::Skp> ReturnSkp(const v1::TransitionSkpRequest& request) override {
    return calls_.Unsafe(&Stub::ReturnSkp, "ReturnSkp", request);
  }
  absl::StatusOr<v1::Skp> ReviseSkp(const v1::TransitionSkpRequest& request) override {
    return calls_.Unsafe(&Stub::ReviseSkp, "ReviseSkp", request);
  }
  absl::StatusOr<v1::ListIntervensiOptionsResponse> ListIntervensiOptions(
      const v1::ListIntervensiOptionsRequest& request) override {
    return calls_.Read(&Stub::ListIntervensiOptions, "ListIntervensiOptions", request);
  }
  absl::StatusOr<v1::Skp> SetExpectations(const v1::SetExpectationsRequest& request) override {
    return calls_.Unsafe(&Stub::SetExpectations, "SetExpectations", request);
  }
  absl::StatusOr<v1::Skp> EvaluateSkp(const v1::EvaluateSkpRequest& request) override {
    return calls_.Unsafe(&Stub::EvaluateSkp, "EvaluateSkp", request);
  }

  absl::StatusOr<v1::ListSubordinateSkpsResponse> ListSubordinateSkps(
      const v1::ListSubordinateSkpsRequest& request) override {
    return calls_.Read(&Stub::ListSubordinateSkps, "ListSubordinateSkps", request);
  }
  absl::StatusOr<v1::OpdSkpSummary> GetOpdSkpSummary(
      const v1::GetOpdSkpSummaryRequest& request) override {
    return calls_.Read(&Stub::GetOpdSkpSummary, "GetOpdSkpSummary", request);
  }
  absl::StatusOr<v1::Cascade> GetCascade(const v1::GetCascadeRequest& request) override {
    return calls_.Read(&Stub::GetCascade, "GetCascade", request);
  }
  // A PUT of one value: sending it twice leaves what sending it once does.
  absl::StatusOr<v1::OrganizationPredikat> SetOrganizationPredikat(
      const v1::SetOrganizationPredikatRequest& request) override {
    return calls_.Read(&Stub::SetOrganizationPredikat, "SetOrganizationPredikat", request);
  }
  absl::StatusOr<v1::ListOpdQuotaReportsResponse> ListOpdQuotaReports(
      const v1::ListOpdQuotaReportsRequest& request) override {
    return calls_.Read(&Stub::ListOpdQuotaReports, "ListOpdQuotaReports", request);
  }
  absl::StatusOr<v1::ExportSkpsResponse> ExportSkps(const v1::ExportSkpsRequest& request) override {
    return calls_.Read(&Stub::ExportSkps, "ExportSkps", request);
  }
  absl::StatusOr<v1::ImportSkpsResponse> ImportSkps(const v1::ImportSkpsRequest& request) override {
    return calls_.Unsafe(&Stub::ImportSkps, "ImportSkps", request);
  }
  absl::StatusOr<v1::FinalizeOpdSkpsResponse> FinalizeOpdSkps(
      const v1::FinalizeOpdSkpsRequest& request) override {
    return calls_.Unsafe(&Stub::FinalizeOpdSkps, "FinalizeOpdSkps", request);
  }

 private:
  internal::StubCalls<Stub> calls_;
};

}  // namespace

absl::StatusOr<v1::Skp> SkpConnection::CreateSkp(const v1::CreateSkpRequest&) {
  return Unimplemented("CreateSkp");
}
absl::StatusOr<v1::Skp> SkpConnection::GetSkp(const v1::GetSkpRequest&) {
  return Unimplemented("GetSkp");
}
absl::StatusOr<v1::ListSkpsResponse> SkpConnection::ListSkps(const v1::ListSkpsRequest&) {
  return Unimplemented("ListSkps");
}
absl::StatusOr<v1::Skp> SkpConnection::UpdateSkp(const v1::UpdateSkpRequest&) {
  return Unimplemented("UpdateSkp");
}
absl::StatusOr<v1::Skp> SkpConnection::SubmitSkp(const v1::TransitionSkpRequest&) {
  return Unimplemented("SubmitSkp");
}
absl::StatusOr<v1::Skp> SkpConnection::ApproveSkp(const v1::TransitionSkpRequest&) {
  return Unimplemented("ApproveSkp");
}
absl::StatusOr<v1::Skp> SkpConnection::ReturnSkp(const v1::TransitionSkpRequest&) {
  return Unimplemented("ReturnSkp");
}
absl::StatusOr<v1::Skp> SkpConnection::ReviseSkp(const v1::TransitionSkpRequest&) {
  return Unimplemented("ReviseSkp");
}
absl::StatusOr<v1::ListIntervensiOptionsResponse> SkpConnection::ListIntervensiOptions(
    const v1::ListIntervensiOptionsRequest&) {
  return Unimplemented("ListIntervensiOptions");
}
absl::StatusOr<v1::Skp> SkpConnection::SetExpectations(const v1::SetExpectationsRequest&) {
  return Unimplemented("SetExpectations");
}
absl::StatusOr<v1::Skp> SkpConnection::EvaluateSkp(const v1::EvaluateSkpRequest&) {
  return Unimplemented("EvaluateSkp");
}
absl::StatusOr<v1::ListSubordinateSkpsResponse> SkpConnection::ListSubordinateSkps(
    const v1::ListSubordinateSkpsRequest&) {
  return Unimplemented("ListSubordinateSkps");
}
absl::StatusOr<v1::OpdSkpSummary> SkpConnection::GetOpdSkpSummary(
    const v1::GetOpdSkpSummaryRequest&) {
  return Unimplemented("GetOpdSkpSummary");
}
absl::StatusOr<v1::Cascade> SkpConnection::GetCascade(const v1::GetCascadeRequest&) {
  return Unimplemented("GetCascade");
}
absl::StatusOr<v1::OrganizationPredikat> SkpConnection::SetOrganizationPredikat(
    const v1::SetOrganizationPredikatRequest&) {
  return Unimplemented("SetOrganizationPredikat");
}
absl::StatusOr<v1::ListOpdQuotaReportsResponse> SkpConnection::ListOpdQuotaReports(
    const v1::ListOpdQuotaReportsRequest&) {
  return Unimplemented("ListOpdQuotaReports");
}
absl::StatusOr<v1::ExportSkpsResponse> SkpConnection::ExportSkps(const v1::ExportSkpsRequest&) {
  return Unimplemented("ExportSkps");
}
absl::StatusOr<v1::ImportSkpsResponse> SkpConnection::ImportSkps(const v1::ImportSkpsRequest&) {
  return Unimplemented("ImportSkps");
}
absl::StatusOr<v1::FinalizeOpdSkpsResponse> SkpConnection::FinalizeOpdSkps(
    const v1::FinalizeOpdSkpsRequest&) {
  return Unimplemented("FinalizeOpdSkps");
}

absl::StatusOr<std::shared_ptr<SkpConnection>> MakeSkpConnection(const Options& options) {
  auto channel = MakeChannel(options);
  if (!channel.ok()) return channel.status();
  return MakeSkpConnection(v1::SkpService::NewStub(*channel), options);
}

absl::StatusOr<std::shared_ptr<SkpConnection>> MakeSkpConnection(
    std::shared_ptr<v1::SkpService::StubInterface> stub, const Options& options,
    ConnectionEnvironment environment) {
  if (stub == nullptr) return absl::InvalidArgumentError("MakeSkpConnection: no stub");
  auto runner = internal::CallRunner::Create(options, std::move(environment));
  if (!runner.ok()) return runner.status();
  return std::shared_ptr<SkpConnection>(
      std::make_shared<DefaultSkpConnection>(std::move(stub), *std::move(runner)));
}

}  // namespace kinerja::sdk
