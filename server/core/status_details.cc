#include "server/core/status_details.h"

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"

namespace kinerja::core {

absl::Status InvalidArgumentWithViolations(absl::string_view message,
                                           const std::vector<domain::Violation>& violations) {
  google::rpc::BadRequest bad;
  std::string text(message);
  for (size_t i = 0; i < violations.size(); ++i) {
    auto* fv = bad.add_field_violations();
    fv->set_field(violations[i].field);
    fv->set_description(violations[i].description);
    if (i < 3) absl::StrAppend(&text, i == 0 ? ": " : "; ", violations[i].field, ": ",
                               violations[i].description);
  }
  if (violations.size() > 3) absl::StrAppend(&text, "; and ", violations.size() - 3, " more");
  absl::Status st = absl::InvalidArgumentError(text);
  st.SetPayload(kBadRequestTypeUrl, absl::Cord(bad.SerializeAsString()));
  return st;
}

absl::Status FieldError(absl::string_view field, absl::string_view description) {
  return InvalidArgumentWithViolations("invalid request",
                                       {{std::string(field), std::string(description)}});
}

std::vector<domain::Violation> ViolationsOf(const absl::Status& status) {
  std::vector<domain::Violation> out;
  auto payload = status.GetPayload(kBadRequestTypeUrl);
  if (!payload) return out;
  google::rpc::BadRequest bad;
  if (!bad.ParseFromString(std::string(*payload))) return out;
  for (const auto& fv : bad.field_violations()) out.push_back({fv.field(), fv.description()});
  return out;
}

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  const auto code = static_cast<grpc::StatusCode>(status.code());
  std::string message(status.message());
  auto payload = status.GetPayload(kBadRequestTypeUrl);
  if (!payload) return grpc::Status(code, message);
  google::rpc::Status details;
  details.set_code(static_cast<int>(status.code()));
  details.set_message(message);
  auto* any = details.add_details();
  any->set_type_url(kBadRequestTypeUrl);
  any->set_value(std::string(*payload));
  return grpc::Status(code, message, details.SerializeAsString());
}

}  // namespace kinerja::core
