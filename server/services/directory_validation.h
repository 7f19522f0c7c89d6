// Request validation for DirectoryService: every problem of a request is reported at once, as
// INVALID_ARGUMENT with one google.rpc.BadRequest field violation each.
#ifndef KINERJA_SERVER_SERVICES_DIRECTORY_VALIDATION_H_
#define KINERJA_SERVER_SERVICES_DIRECTORY_VALIDATION_H_

#include "absl/status/status.h"
#include "kinerja/v1/directory.pb.h"

namespace kinerja::services {

absl::Status ValidateCreateOpd(const v1::CreateOpdRequest& req);
absl::Status ValidateCreateUnit(const v1::CreateUnitRequest& req);
absl::Status ValidateCreatePosition(const v1::CreatePositionRequest& req);
absl::Status ValidateUpdatePosition(const v1::UpdatePositionRequest& req);
absl::Status ValidateCreateEmployee(const v1::CreateEmployeeRequest& req);
absl::Status ValidateTransferEmployee(const v1::TransferEmployeeRequest& req);
absl::Status ValidateCreateActingAssignment(const v1::CreateActingAssignmentRequest& req);

// The OPD kinds the directory knows.
bool IsKnownOpdKind(absl::string_view kind);

}  // namespace kinerja::services

#endif  // KINERJA_SERVER_SERVICES_DIRECTORY_VALIDATION_H_
