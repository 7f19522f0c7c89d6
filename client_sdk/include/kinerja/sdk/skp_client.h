// SkpClient: employees' performance plans (SKP) and their lifecycle, the OPD's summaries,
// cascade, quota and the exchange files of BKN's e-Kinerja (SkpService). See directory_client.h
// for the conventions.
//
//   auto client = kinerja::sdk::MakeSkpClient(options);
//   auto plans = client->ListSkps("198507122010011003", 2026);
//   auto submitted = client->SubmitSkp(plans->skps(0).name(), plans->skps(0).etag());
//
// A plan is named "employees/{nip}/skps/{skp}"; an employee by NIP or "employees/{nip}"; an OPD
// and year by the OPD's code (or "opds/{code}") and the year.
#ifndef KINERJA_SDK_SKP_CLIENT_H_
#define KINERJA_SDK_SKP_CLIENT_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "kinerja/sdk/options.h"
#include "kinerja/sdk/skp_connection.h"

namespace kinerja::sdk {

class SkpClient {
 public:
  explicit SkpClient(std::shared_ptr<SkpConnection> connection);

  // Retried safely: the SDK gives the request a request_id when it has none.
  absl::StatusOr<v1::Skp> CreateSkp(absl::string_view nip_or_name, const v1::Skp& skp);
  absl::StatusOr<v1::Skp> CreateSkp(const v1::CreateSkpRequest& request);
  absl::StatusOr<v1::Skp> GetSkp(absl::string_view name);
  absl::StatusOr<v1::Skp> GetSkp(const v1::GetSkpRequest& request);
  // year 0: every year.
  absl::StatusOr<v1::ListSkpsResponse> ListSkps(absl::string_view nip_or_name, int year = 0);
  absl::StatusOr<v1::ListSkpsResponse> ListSkps(const v1::ListSkpsRequest& request);
  // skp carries name, etag, approach and rhks. Sent once (not retried by default).
  absl::StatusOr<v1::Skp> UpdateSkp(const v1::Skp& skp);
  absl::StatusOr<v1::Skp> UpdateSkp(const v1::UpdateSkpRequest& request);

  // The transitions. `etag`, when not empty, must be the plan's current one (else ABORTED).
  // Sent once (not retried by default): see idempotency.h.
  absl::StatusOr<v1::Skp> SubmitSkp(absl::string_view name, absl::string_view etag = "");
  absl::StatusOr<v1::Skp> SubmitSkp(const v1::TransitionSkpRequest& request);
  absl::StatusOr<v1::Skp> ApproveSkp(absl::string_view name, absl::string_view etag = "");
  absl::StatusOr<v1::Skp> ApproveSkp(const v1::TransitionSkpRequest& request);
  // `note` is required: the superior's reason, shown to the employee.
  absl::StatusOr<v1::Skp> ReturnSkp(absl::string_view name, absl::string_view note,
                                    absl::string_view etag = "");
  absl::StatusOr<v1::Skp> ReturnSkp(const v1::TransitionSkpRequest& request);
  absl::StatusOr<v1::Skp> ReviseSkp(absl::string_view name, absl::string_view etag = "");
  absl::StatusOr<v1::Skp> ReviseSkp(const v1::TransitionSkpRequest& request);
  absl::StatusOr<v1::ListIntervensiOptionsResponse> ListIntervensiOptions(
      absl::string_view nip_or_name, int year);
  absl::StatusOr<v1::ListIntervensiOptionsResponse> ListIntervensiOptions(
      const v1::ListIntervensiOptionsRequest& request);
  absl::StatusOr<v1::Skp> SetExpectations(absl::string_view name,
                                          const std::vector<v1::Expectation>& expectations,
                                          absl::string_view etag = "");
  absl::StatusOr<v1::Skp> SetExpectations(const v1::SetExpectationsRequest& request);
  absl::StatusOr<v1::Skp> EvaluateSkp(absl::string_view name, const v1::SkpEvaluation& evaluation,
                                      absl::string_view etag = "");
  absl::StatusOr<v1::Skp> EvaluateSkp(const v1::EvaluateSkpRequest& request);

  // The superior's subordinates and their plans (this year, today, in Asia/Jakarta).
  absl::StatusOr<v1::ListSubordinateSkpsResponse> ListSubordinateSkps(
      absl::string_view superior_nip_or_name);
  absl::StatusOr<v1::ListSubordinateSkpsResponse> ListSubordinateSkps(
      const v1::ListSubordinateSkpsRequest& request);
  absl::StatusOr<v1::OpdSkpSummary> GetOpdSkpSummary(absl::string_view opd, int year);
  absl::StatusOr<v1::OpdSkpSummary> GetOpdSkpSummary(const v1::GetOpdSkpSummaryRequest& request);
  absl::StatusOr<v1::Cascade> GetCascade(absl::string_view opd, int year);
  absl::StatusOr<v1::Cascade> GetCascade(const v1::GetCascadeRequest& request);
  // Retried safely: setting the same value twice leaves it set once.
  absl::StatusOr<v1::OrganizationPredikat> SetOrganizationPredikat(
      absl::string_view opd, int year, v1::OrganizationPredikatLevel predikat);
  absl::StatusOr<v1::OrganizationPredikat> SetOrganizationPredikat(
      const v1::SetOrganizationPredikatRequest& request);
  absl::StatusOr<v1::ListOpdQuotaReportsResponse> ListOpdQuotaReports(int year);
  absl::StatusOr<v1::ListOpdQuotaReportsResponse> ListOpdQuotaReports(
      const v1::ListOpdQuotaReportsRequest& request);

  // The exchange files of docs/skp-exchange.md.
  absl::StatusOr<v1::ExportSkpsResponse> ExportSkps(
      absl::string_view opd, int year, v1::ExchangeFormat format = v1::EXCHANGE_FORMAT_JSON);
  absl::StatusOr<v1::ExportSkpsResponse> ExportSkps(const v1::ExportSkpsRequest& request);
  // Sent once (not retried by default).
  absl::StatusOr<v1::ImportSkpsResponse> ImportSkps(absl::string_view opd, int year,
                                                    v1::ExchangeFormat format, std::string content,
                                                    bool validate_only = false);
  absl::StatusOr<v1::ImportSkpsResponse> ImportSkps(const v1::ImportSkpsRequest& request);
  // Sent once (not retried by default).
  absl::StatusOr<v1::FinalizeOpdSkpsResponse> FinalizeOpdSkps(absl::string_view opd, int year);
  absl::StatusOr<v1::FinalizeOpdSkpsResponse> FinalizeOpdSkps(
      const v1::FinalizeOpdSkpsRequest& request);

  const std::shared_ptr<SkpConnection>& connection() const { return connection_; }

 private:
  std::shared_ptr<SkpConnection> connection_;
};

// A client over MakeSkpConnection(options).
absl::StatusOr<SkpClient> MakeSkpClient(const Options& options);

}  // namespace kinerja::sdk

#endif  // KINERJA_SDK_SKP_CLIENT_H_
