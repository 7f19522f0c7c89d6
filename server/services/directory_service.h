// kinerja.v1.DirectoryService: validates each request, then runs the repository call on the
// executor and maps the result. DOMAIN.md section 2.
#ifndef KINERJA_SERVER_SERVICES_DIRECTORY_SERVICE_H_
#define KINERJA_SERVER_SERVICES_DIRECTORY_SERVICE_H_

#include "kinerja/v1/directory.grpc.pb.h"
#include "server/core/executor.h"
#include "server/services/access_guard.h"
#include "server/services/employee_cache.h"
#include "server/services/employee_loader.h"
#include "server/domain/civil_date.h"
#include "server/storage/directory_repository.h"

namespace kinerja::services {

class DirectoryServiceImpl final : public v1::DirectoryService::CallbackService {
 public:
  DirectoryServiceImpl(storage::DirectoryRepository& repo, AccessGuard& guard,
                       core::BoundedExecutor& executor, const domain::Clock& clock,
                       int executor_queue, EmployeeCache& employee_cache);

  grpc::ServerUnaryReactor* CreateOpd(grpc::CallbackServerContext* ctx,
                                      const v1::CreateOpdRequest* req, v1::Opd* resp) override;
  grpc::ServerUnaryReactor* GetOpd(grpc::CallbackServerContext* ctx, const v1::GetOpdRequest* req,
                                   v1::Opd* resp) override;
  grpc::ServerUnaryReactor* ListOpds(grpc::CallbackServerContext* ctx,
                                     const v1::ListOpdsRequest* req,
                                     v1::ListOpdsResponse* resp) override;
  grpc::ServerUnaryReactor* CreateUnit(grpc::CallbackServerContext* ctx,
                                       const v1::CreateUnitRequest* req, v1::Unit* resp) override;
  grpc::ServerUnaryReactor* ListUnits(grpc::CallbackServerContext* ctx,
                                      const v1::ListUnitsRequest* req,
                                      v1::ListUnitsResponse* resp) override;
  grpc::ServerUnaryReactor* CreatePosition(grpc::CallbackServerContext* ctx,
                                           const v1::CreatePositionRequest* req,
                                           v1::Position* resp) override;
  grpc::ServerUnaryReactor* GetPosition(grpc::CallbackServerContext* ctx,
                                        const v1::GetPositionRequest* req,
                                        v1::Position* resp) override;
  grpc::ServerUnaryReactor* ListPositions(grpc::CallbackServerContext* ctx,
                                          const v1::ListPositionsRequest* req,
                                          v1::ListPositionsResponse* resp) override;
  grpc::ServerUnaryReactor* UpdatePosition(grpc::CallbackServerContext* ctx,
                                           const v1::UpdatePositionRequest* req,
                                           v1::Position* resp) override;
  grpc::ServerUnaryReactor* CreateEmployee(grpc::CallbackServerContext* ctx,
                                           const v1::CreateEmployeeRequest* req,
                                           v1::Employee* resp) override;
  grpc::ServerUnaryReactor* GetEmployee(grpc::CallbackServerContext* ctx,
                                        const v1::GetEmployeeRequest* req,
                                        v1::Employee* resp) override;
  grpc::ServerUnaryReactor* ListEmployees(grpc::CallbackServerContext* ctx,
                                          const v1::ListEmployeesRequest* req,
                                          v1::ListEmployeesResponse* resp) override;
  // Server streaming; the work is in employee_export.h.
  grpc::ServerWriteReactor<v1::Employee>* ExportEmployees(
      grpc::CallbackServerContext* ctx, const v1::ExportEmployeesRequest* req) override;
  grpc::ServerUnaryReactor* TransferEmployee(grpc::CallbackServerContext* ctx,
                                             const v1::TransferEmployeeRequest* req,
                                             v1::Assignment* resp) override;
  grpc::ServerUnaryReactor* ListAssignments(grpc::CallbackServerContext* ctx,
                                            const v1::ListAssignmentsRequest* req,
                                            v1::ListAssignmentsResponse* resp) override;
  grpc::ServerUnaryReactor* CreateActingAssignment(grpc::CallbackServerContext* ctx,
                                                   const v1::CreateActingAssignmentRequest* req,
                                                   v1::ActingAssignment* resp) override;
  grpc::ServerUnaryReactor* ListActingAssignments(grpc::CallbackServerContext* ctx,
                                                  const v1::ListActingAssignmentsRequest* req,
                                                  v1::ListActingAssignmentsResponse* resp) override;
  grpc::ServerUnaryReactor* GetSuperior(grpc::CallbackServerContext* ctx,
                                        const v1::GetSuperiorRequest* req,
                                        v1::Superior* resp) override;
  grpc::ServerUnaryReactor* ListSubordinates(grpc::CallbackServerContext* ctx,
                                             const v1::ListSubordinatesRequest* req,
                                             v1::ListSubordinatesResponse* resp) override;
  grpc::ServerUnaryReactor* ImportEmployees(grpc::CallbackServerContext* ctx,
                                            const v1::ImportEmployeesRequest* req,
                                            v1::ImportEmployeesResponse* resp) override;

 private:
  // The employee-resource check (auth::CheckEmployee) for a NIP on the day: loads the facts it needs.
  absl::Status CheckEmployeeAccess(const CallInfo& call, const std::string& nip,
                                   absl::Time deadline);
  // Validates "employees/{nip}" and an optional date (default today), then checks access.
  absl::StatusOr<std::pair<std::string, absl::CivilDay>> EmployeeOnDay(
      const CallInfo& call, const std::string& name, const v1::Date& date, bool has_date,
      absl::Time deadline);
  grpc::ServerUnaryReactor* LoadEmployeeFor(grpc::CallbackServerContext* ctx,
                                            const auth::Principal& principal,
                                            const auth::MethodPolicy& policy,
                                            const std::string& nip, v1::Employee* resp);

  storage::DirectoryRepository& repo_;
  AccessGuard& guard_;
  core::BoundedExecutor& executor_;
  const domain::Clock& clock_;
  EmployeeCache& employee_cache_;  // the replica's, shared with SkpServiceImpl
  EmployeeLoader employee_loader_;
};

}  // namespace kinerja::services

#endif  // KINERJA_SERVER_SERVICES_DIRECTORY_SERVICE_H_
