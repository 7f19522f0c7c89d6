// SkpConnection: one virtual method per SkpService RPC, taking the request and returning the
// response. SkpClient is the friendlier face; a Connection is what a test replaces
// (mocks/mock_skp_connection.h).
//
// The default implementation (MakeSkpConnection) sets each attempt's deadline and credentials,
// retries idempotent calls (retry_policy.h, idempotency.h) and fills in request_id on CreateSkp
// when it is empty. The state transitions (SubmitSkp, ApproveSkp, ReturnSkp, ReviseSkp,
// SetExpectations, EvaluateSkp) and UpdateSkp are sent at most once by default: they carry no
// request_id, only an optional etag; see idempotency.h. It is thread-safe.
#ifndef KINERJA_SDK_SKP_CONNECTION_H_
#define KINERJA_SDK_SKP_CONNECTION_H_

#include <memory>

#include "absl/status/statusor.h"
#include "kinerja/sdk/connection_environment.h"
#include "kinerja/sdk/options.h"
#include "kinerja/v1/skp.grpc.pb.h"

namespace kinerja::sdk {

class SkpConnection {
 public:
  virtual ~SkpConnection() = default;

  // Each method answers UNIMPLEMENTED unless overridden, so that a fake written against this
  // version keeps compiling when methods are added.
  virtual absl::StatusOr<v1::Skp> CreateSkp(const v1::CreateSkpRequest& request);
  virtual absl::StatusOr<v1::Skp> GetSkp(const v1::GetSkpRequest& request);
  // Not paginated by the API: one call returns every plan of the employee.
  virtual absl::StatusOr<v1::ListSkpsResponse> ListSkps(const v1::ListSkpsRequest& request);
  virtual absl::StatusOr<v1::Skp> UpdateSkp(const v1::UpdateSkpRequest& request);

  virtual absl::StatusOr<v1::Skp> SubmitSkp(const v1::TransitionSkpRequest& request);
  virtual absl::StatusOr<v1::Skp> ApproveSkp(const v1::TransitionSkpRequest& request);
  virtual absl::StatusOr<v1::Skp> ReturnSkp(const v1::TransitionSkpRequest& request);
  virtual absl::StatusOr<v1::Skp> ReviseSkp(const v1::TransitionSkpRequest& request);
  virtual absl::StatusOr<v1::ListIntervensiOptionsResponse> ListIntervensiOptions(
      const v1::ListIntervensiOptionsRequest& request);
  virtual absl::StatusOr<v1::Skp> SetExpectations(const v1::SetExpectationsRequest& request);
  virtual absl::StatusOr<v1::Skp> EvaluateSkp(const v1::EvaluateSkpRequest& request);

  virtual absl::StatusOr<v1::ListSubordinateSkpsResponse> ListSubordinateSkps(
      const v1::ListSubordinateSkpsRequest& request);
  virtual absl::StatusOr<v1::OpdSkpSummary> GetOpdSkpSummary(
      const v1::GetOpdSkpSummaryRequest& request);
  virtual absl::StatusOr<v1::Cascade> GetCascade(const v1::GetCascadeRequest& request);
  virtual absl::StatusOr<v1::OrganizationPredikat> SetOrganizationPredikat(
      const v1::SetOrganizationPredikatRequest& request);
  virtual absl::StatusOr<v1::ListOpdQuotaReportsResponse> ListOpdQuotaReports(
      const v1::ListOpdQuotaReportsRequest& request);
  virtual absl::StatusOr<v1::ExportSkpsResponse> ExportSkps(const v1::ExportSkpsRequest& request);
  virtual absl::StatusOr<v1::ImportSkpsResponse> ImportSkps(const v1::ImportSkpsRequest& request);
  virtual absl::StatusOr<v1::FinalizeOpdSkpsResponse> FinalizeOpdSkps(
      const v1::FinalizeOpdSkpsRequest& request);
};

// A connection over a new channel to options.endpoints (see MakeChannel).
absl::StatusOr<std::shared_ptr<SkpConnection>> MakeSkpConnection(const Options& options);

// A connection over `stub`: a stub on a channel of the caller's own, or gRPC's generated
// MockSkpServiceStub in tests. options.endpoints and options.tls are not used.
absl::StatusOr<std::shared_ptr<SkpConnection>> MakeSkpConnection(
    std::shared_ptr<v1::SkpService::StubInterface> stub, const Options& options,
    ConnectionEnvironment environment = {});

}  // namespace kinerja::sdk

#endif  // KINERJA_SDK_SKP_CONNECTION_H_
