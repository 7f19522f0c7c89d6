#include "kinerja/sdk/skp_client.h"

#include <utility>

#include "client_sdk/src/resource_names.h"

namespace kinerja::sdk {

using internal::kEmployees;
using internal::OpdYearName;
using internal::ResourceName;

namespace {

v1::TransitionSkpRequest Transition(absl::string_view name, absl::string_view etag,
                                    absl::string_view note = "") {
  v1::TransitionSkpRequest request;
  request.set_name(std::string(name));
  request.set_etag(std::string(etag));
  request.set_note(std::string(note));
  return request;
}

}  // namespace

SkpClient::SkpClient(std::shared_ptr<SkpConnection> connection)
    : connection_(std::move(connection)) {}

absl::StatusOr<v1::Skp> SkpClient::CreateSkp(absl::string_view nip_or_name, const v1::Skp& skp) {
  v1::CreateSkpRequest request;
  request.set_parent(ResourceName(kEmployees, nip_or_name));
  *request.mutable_skp() = skp;
  return connection_->CreateSkp(request);
}
absl::StatusOr<v1::Skp> SkpClient::CreateSkp(const v1::CreateSkpRequest& request) {
  return connection_->CreateSkp(request);
}
absl::StatusOr<v1::Skp> SkpClient::GetSkp(absl::string_view name) {
  v1::GetSkpRequest request;
  request.set_name(std::string(name));
  return connection_->GetSkp(request);
}
absl::StatusOr<v1::Skp> SkpClient::GetSkp(const v1::GetSkpRequest& request) {
  return connection_->GetSkp(request);
}
absl::StatusOr<v1::ListSkpsResponse> SkpClient::ListSkps(absl::string_view nip_or_name, int year) {
  v1::ListSkpsRequest request;
  request.set_parent(ResourceName(kEmployees, nip_or_name));
  request.set_year(year);
  return connection_->ListSkps(request);
}
absl::StatusOr<v1::ListSkpsResponse> SkpClient::ListSkps(const v1::ListSkpsRequest& request) {
  return connection_->ListSkps(request);
}
absl::StatusOr<v1::Skp> SkpClient::UpdateSkp(const v1::Skp& skp) {
  v1::UpdateSkpRequest request;
  *request.mutable_skp() = skp;
  return connection_->UpdateSkp(request);
}
absl::StatusOr<v1::Skp> SkpClient::UpdateSkp(const v1::UpdateSkpRequest& request) {
  return connection_->UpdateSkp(request);
}

absl::StatusOr<v1::Skp> SkpClient::SubmitSkp(absl::string_view name, absl::string_view etag) {
  return connection_->SubmitSkp(Transition(name, etag));
}
absl::StatusOr<v1::Skp> SkpClient::SubmitSkp(const v1::TransitionSkpRequest& request) {
  return connection_->SubmitSkp(request);
}
absl::StatusOr<v1::Skp> SkpClient::ApproveSkp(absl::string_view name, absl::string_view etag) {
  return connection_->ApproveSkp(Transition(name, etag));
}
absl::StatusOr<v1::Skp> SkpClient::ApproveSkp(const v1::TransitionSkpRequest& request) {
  return connection_->ApproveSkp(request);
}
absl::StatusOr<v1::Skp> SkpClient::ReturnSkp(absl::string_view name, absl::string_view note,
                                             absl::string_view etag) {
  return connection_->ReturnSkp(Transition(name, etag, note));
}
absl::StatusOr<v1::Skp> SkpClient::ReturnSkp(const v1::TransitionSkpRequest& request) {
  return connection_->ReturnSkp(request);
}
absl::StatusOr<v1::Skp> SkpClient::ReviseSkp(absl::string_view name, absl::string_view etag) {
  return connection_->ReviseSkp(Transition(name, etag));
}
absl::StatusOr<v1::Skp> SkpClient::ReviseSkp(const v1::TransitionSkpRequest& request) {
  return connection_->ReviseSkp(request);
}
absl::StatusOr<v1::ListIntervensiOptionsResponse> SkpClient::ListIntervensiOptions(
    absl::string_view nip_or_name, int year) {
  v1::ListIntervensiOptionsRequest request;
  request.set_parent(ResourceName(kEmployees, nip_or_name));
  request.set_year(year);
  return connection_->ListIntervensiOptions(request);
}
absl::StatusOr<v1::ListIntervensiOptionsResponse> SkpClient::ListIntervensiOptions(
    const v1::ListIntervensiOptionsRequest& request) {
  return connection_->ListIntervensiOptions(request);
}
absl::StatusOr<v1::Skp> SkpClient::SetExpectations(absl::string_view name,
                                                   const std::vector<v1::Expectation>& expectations,
                                                   absl::string_view etag) {
  v1::SetExpectationsRequest request;
  request.set_name(std::string(name));
  request.mutable_expectations()->Add(expectations.begin(), expectations.end());
  request.set_etag(std::string(etag));
  return connection_->SetExpectations(request);
}
absl::StatusOr<v1::Skp> SkpClient::SetExpectations(const v1::SetExpectationsRequest& request) {
  return connection_->SetExpectations(request);
}
absl::StatusOr<v1::Skp> SkpClient::EvaluateSkp(absl::string_view name,
                                               const v1::SkpEvaluation& evaluation,
                                               absl::string_view etag) {
  v1::EvaluateSkpRequest request;
  request.set_name(std::string(name));
  *request.mutable_evaluation() = evaluation;
  request.set_etag(std::string(etag));
  return connection_->EvaluateSkp(request);
}
absl::StatusOr<v1::Skp> SkpClient::EvaluateSkp(const v1::EvaluateSkpRequest& request) {
  return connection_->EvaluateSkp(request);
}

absl::StatusOr<v1::ListSubordinateSkpsResponse> SkpClient::ListSubordinateSkps(
    absl::string_view superior_nip_or_name) {
  v1::ListSubordinateSkpsRequest request;
  request.set_superior(ResourceName(kEmployees, superior_nip_or_name));
  return connection_->ListSubordinateSkps(request);
}
absl::StatusOr<v1::ListSubordinateSkpsResponse> SkpClient::ListSubordinateSkps(
    const v1::ListSubordinateSkpsRequest& request) {
  return connection_->ListSubordinateSkps(request);
}
absl::StatusOr<v1::OpdSkpSummary> SkpClient::GetOpdSkpSummary(absl::string_view opd, int year) {
  v1::GetOpdSkpSummaryRequest request;
  request.set_name(OpdYearName(opd, year));
  return connection_->GetOpdSkpSummary(request);
}
absl::StatusOr<v1::OpdSkpSummary> SkpClient::GetOpdSkpSummary(
    const v1::GetOpdSkpSummaryRequest& request) {
  return connection_->GetOpdSkpSummary(request);
}
absl::StatusOr<v1::Cascade> SkpClient::GetCascade(absl::string_view opd, int year) {
  v1::GetCascadeRequest request;
  request.set_name(OpdYearName(opd, year));
  return connection_->GetCascade(request);
}
absl::StatusOr<v1::Cascade> SkpClient::GetCascade(const v1::GetCascadeRequest& request) {
  return connection_->GetCascade(request);
}
absl::StatusOr<v1::OrganizationPredikat> SkpClient::SetOrganizationPredikat(
    absl::string_view opd, int year, v1::OrganizationPredikatLevel predikat) {
  v1::SetOrganizationPredikatRequest request;
  request.set_name(OpdYearName(opd, year));
  request.set_predikat(predikat);
  return connection_->SetOrganizationPredikat(request);
}
absl::StatusOr<v1::OrganizationPredikat> SkpClient::SetOrganizationPredikat(
    const v1::SetOrganizationPredikatRequest& request) {
  return connection_->SetOrganizationPredikat(request);
}
absl::StatusOr<v1::ListOpdQuotaReportsResponse> SkpClient::ListOpdQuotaReports(int year) {
  v1::ListOpdQuotaReportsRequest request;
  request.set_year(year);
  return connection_->ListOpdQuotaReports(request);
}
absl::StatusOr<v1::ListOpdQuotaReportsResponse> SkpClient::ListOpdQuotaReports(
    const v1::ListOpdQuotaReportsRequest& request) {
  return connection_->ListOpdQuotaReports(request);
}

absl::StatusOr<v1::ExportSkpsResponse> SkpClient::ExportSkps(absl::string_view opd, int year,
                                                             v1::ExchangeFormat format) {
  v1::ExportSkpsRequest request;
  request.set_name(OpdYearName(opd, year));
  request.set_format(format);
  return connection_->ExportSkps(request);
}
absl::StatusOr<v1::ExportSkpsResponse> SkpClient::ExportSkps(const v1::ExportSkpsRequest& request) {
  return connection_->ExportSkps(request);
}
absl::StatusOr<v1::ImportSkpsResponse> SkpClient::ImportSkps(absl::string_view opd, int year,
                                                             v1::ExchangeFormat format,
                                                             std::string content,
                                                             bool validate_only) {
  v1::ImportSkpsRequest request;
  request.set_name(OpdYearName(opd, year));
  request.set_format(format);
  request.set_content(std::move(content));
  request.set_validate_only(validate_only);
  return connection_->ImportSkps(request);
}
absl::StatusOr<v1::ImportSkpsResponse> SkpClient::ImportSkps(const v1::ImportSkpsRequest& request) {
  return connection_->ImportSkps(request);
}
absl::StatusOr<v1::FinalizeOpdSkpsResponse> SkpClient::FinalizeOpdSkps(absl::string_view opd,
                                                                       int year) {
  v1::FinalizeOpdSkpsRequest request;
  request.set_name(OpdYearName(opd, year));
  return connection_->FinalizeOpdSkps(request);
}
absl::StatusOr<v1::FinalizeOpdSkpsResponse> SkpClient::FinalizeOpdSkps(
    const v1::FinalizeOpdSkpsRequest& request) {
  return connection_->FinalizeOpdSkps(request);
}

absl::StatusOr<SkpClient> MakeSkpClient(const Options& options) {
  auto connection = MakeSkpConnection(options);
  if (!connection.ok()) return connection.status();
  return SkpClient(*std::move(connection));
}

}  // namespace kinerja::sdk
