// DirectoryService.ExportEmployees, the server-streaming export of an OPD's (or the city's)
// employees. The contract (who may call, order, errors, consistency) is documented on the RPC in
// protos/kinerja/v1/directory.proto; this is how the server keeps it:
//
// - Authorization first, on the executor, through AccessGuard::Authorize (the step every unary call
//   takes in AccessGuard::Run) and then auth::CheckOpd, before anything is read or sent.
// - Reads go page by page (kExportPageSize employees, keyset paging by NIP) on the bounded
//   executor, never on gRPC's threads; at most one page is held per call.
// - One write in flight: the next message is started only from OnWriteDone, so a slow client slows
//   the reads down instead of growing a buffer.
// - A cancelled call (client gone, deadline passed, server shutting down) stops at the next step:
//   the read in flight (one page at most) completes, nothing more is read, and the stream finishes.
#ifndef KINERJA_SERVER_SERVICES_EMPLOYEE_EXPORT_H_
#define KINERJA_SERVER_SERVICES_EMPLOYEE_EXPORT_H_

#include <string>

#include <grpcpp/server_context.h>
#include <grpcpp/support/server_callback.h>

#include "kinerja/v1/directory.pb.h"
#include "server/core/executor.h"
#include "server/domain/civil_date.h"
#include "server/services/access_guard.h"
#include "server/storage/directory_repository.h"

namespace kinerja::services {

// Employees read per query.
inline constexpr int kExportPageSize = 500;

// What an export reads with; every reference must outlive the server's calls.
struct EmployeeExportDeps {
  storage::DirectoryRepository& repo;
  AccessGuard& guard;
  core::BoundedExecutor& executor;
  const domain::Clock& clock;
};

// Starts one ExportEmployees call for `method` (its policy-table name) and returns the reactor gRPC
// drives; the reactor frees itself once the call is done. `request` is copied.
grpc::ServerWriteReactor<v1::Employee>* StartEmployeeExport(
    grpc::CallbackServerContext* ctx, const std::string& method,
    const v1::ExportEmployeesRequest& request, const EmployeeExportDeps& deps);

}  // namespace kinerja::services

#endif  // KINERJA_SERVER_SERVICES_EMPLOYEE_EXPORT_H_
