#include "kinerja/sdk/status.h"

#include "absl/strings/cord.h"
#include "google/rpc/error_details.pb.h"

namespace kinerja::sdk {

absl::Status FromGrpcStatus(const grpc::Status& status) {
  if (status.ok()) return absl::OkStatus();
  absl::Status out(static_cast<absl::StatusCode>(status.error_code()), status.error_message());
  const std::string& details = status.error_details();
  if (details.empty()) return out;
  google::rpc::Status parsed;
  if (!parsed.ParseFromString(details)) return out;
  out.SetPayload(kErrorDetailsPayload, absl::Cord(details));
  for (const auto& any : parsed.details()) {
    // The first detail of each type; a second one of the same type stays in the whole status.
    if (!out.GetPayload(any.type_url()).has_value()) {
      out.SetPayload(any.type_url(), absl::Cord(any.value()));
    }
  }
  return out;
}

std::vector<FieldViolation> FieldViolations(const absl::Status& status) {
  std::vector<FieldViolation> out;
  absl::optional<absl::Cord> payload = status.GetPayload(kBadRequestPayload);
  if (!payload.has_value()) return out;
  google::rpc::BadRequest bad_request;
  if (!bad_request.ParseFromString(std::string(*payload))) return out;
  for (const auto& v : bad_request.field_violations()) {
    out.push_back(FieldViolation{v.field(), v.description()});
  }
  return out;
}

absl::optional<google::rpc::Status> ErrorDetails(const absl::Status& status) {
  absl::optional<absl::Cord> payload = status.GetPayload(kErrorDetailsPayload);
  if (!payload.has_value()) return absl::nullopt;
  google::rpc::Status details;
  if (!details.ParseFromString(std::string(*payload))) return absl::nullopt;
  return details;
}

absl::Status InvalidArgumentWithViolations(absl::string_view message,
                                           const std::vector<FieldViolation>& violations) {
  google::rpc::BadRequest bad_request;
  for (const FieldViolation& v : violations) {
    auto* fv = bad_request.add_field_violations();
    fv->set_field(v.field);
    fv->set_description(v.description);
  }
  google::rpc::Status details;
  details.set_code(static_cast<int>(absl::StatusCode::kInvalidArgument));
  details.set_message(std::string(message));
  details.add_details()->PackFrom(bad_request);
  return FromGrpcStatus(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, std::string(message),
                                     details.SerializeAsString()));
}

}  // namespace kinerja::sdk
