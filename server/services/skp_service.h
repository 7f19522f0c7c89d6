// kinerja.v1.SkpService: the SKP plan's lifecycle, its evaluation and an OPD's year. Each handler:
// validate -> authorize (policy table; the resource is the plan's employee or the OPD) -> domain rule
// (server/domain/skp_lifecycle, skp_plan_rules, predikat, distribution_quota) -> storage -> map.
// DOMAIN.md sections 2.3, 3 and 5.
#ifndef KINERJA_SERVER_SERVICES_SKP_SERVICE_H_
#define KINERJA_SERVER_SERVICES_SKP_SERVICE_H_

#include <functional>
#include <optional>
#include <string>

#include "kinerja/v1/skp.grpc.pb.h"
#include "server/core/executor.h"
#include "server/domain/civil_date.h"
#include "server/domain/skp_lifecycle.h"
#include "server/domain/skp_plan_rules.h"
#include "server/services/access_guard.h"
#include "server/services/batch_loader.h"
#include "server/services/employee_cache.h"
#include "server/services/employee_loader.h"
#include "server/services/skp_validation.h"
#include "server/storage/directory_repository.h"
#include "server/storage/skp_cache.h"
#include "server/storage/skp_repository.h"

namespace kinerja::services {

class SkpServiceImpl final : public v1::SkpService::CallbackService {
 public:
  static constexpr char kService[] = "SkpService";  // for KINERJA_METHOD
  // `employee_cache` and `skp_cache` are the replica's (the directory service invalidates the
  // first on its writes).
  SkpServiceImpl(storage::SkpRepository& repo, storage::DirectoryRepository& directory,
                 AccessGuard& guard, core::BoundedExecutor& executor, const domain::Clock& clock,
                 int executor_queue, EmployeeCache& employee_cache, storage::SkpCache& skp_cache);

  grpc::ServerUnaryReactor* CreateSkp(grpc::CallbackServerContext* ctx,
                                      const v1::CreateSkpRequest* req, v1::Skp* resp) override;
  grpc::ServerUnaryReactor* GetSkp(grpc::CallbackServerContext* ctx, const v1::GetSkpRequest* req,
                                   v1::Skp* resp) override;
  grpc::ServerUnaryReactor* ListSkps(grpc::CallbackServerContext* ctx,
                                     const v1::ListSkpsRequest* req,
                                     v1::ListSkpsResponse* resp) override;
  grpc::ServerUnaryReactor* UpdateSkp(grpc::CallbackServerContext* ctx,
                                      const v1::UpdateSkpRequest* req, v1::Skp* resp) override;
  grpc::ServerUnaryReactor* SubmitSkp(grpc::CallbackServerContext* ctx,
                                      const v1::TransitionSkpRequest* req, v1::Skp* resp) override;
  grpc::ServerUnaryReactor* ApproveSkp(grpc::CallbackServerContext* ctx,
                                       const v1::TransitionSkpRequest* req, v1::Skp* resp) override;
  grpc::ServerUnaryReactor* ReturnSkp(grpc::CallbackServerContext* ctx,
                                      const v1::TransitionSkpRequest* req, v1::Skp* resp) override;
  grpc::ServerUnaryReactor* ReviseSkp(grpc::CallbackServerContext* ctx,
                                      const v1::TransitionSkpRequest* req, v1::Skp* resp) override;
  grpc::ServerUnaryReactor* ListIntervensiOptions(grpc::CallbackServerContext* ctx,
                                                  const v1::ListIntervensiOptionsRequest* req,
                                                  v1::ListIntervensiOptionsResponse* resp) override;
  grpc::ServerUnaryReactor* SetExpectations(grpc::CallbackServerContext* ctx,
                                            const v1::SetExpectationsRequest* req,
                                            v1::Skp* resp) override;
  grpc::ServerUnaryReactor* EvaluateSkp(grpc::CallbackServerContext* ctx,
                                        const v1::EvaluateSkpRequest* req, v1::Skp* resp) override;
  grpc::ServerUnaryReactor* ListSubordinateSkps(grpc::CallbackServerContext* ctx,
                                                const v1::ListSubordinateSkpsRequest* req,
                                                v1::ListSubordinateSkpsResponse* resp) override;
  grpc::ServerUnaryReactor* GetOpdSkpSummary(grpc::CallbackServerContext* ctx,
                                             const v1::GetOpdSkpSummaryRequest* req,
                                             v1::OpdSkpSummary* resp) override;
  grpc::ServerUnaryReactor* GetCascade(grpc::CallbackServerContext* ctx,
                                       const v1::GetCascadeRequest* req,
                                       v1::Cascade* resp) override;
  grpc::ServerUnaryReactor* SetOrganizationPredikat(grpc::CallbackServerContext* ctx,
                                                    const v1::SetOrganizationPredikatRequest* req,
                                                    v1::OrganizationPredikat* resp) override;
  grpc::ServerUnaryReactor* ListOpdQuotaReports(grpc::CallbackServerContext* ctx,
                                                const v1::ListOpdQuotaReportsRequest* req,
                                                v1::ListOpdQuotaReportsResponse* resp) override;
  grpc::ServerUnaryReactor* ExportSkps(grpc::CallbackServerContext* ctx,
                                       const v1::ExportSkpsRequest* req,
                                       v1::ExportSkpsResponse* resp) override;
  grpc::ServerUnaryReactor* ImportSkps(grpc::CallbackServerContext* ctx,
                                       const v1::ImportSkpsRequest* req,
                                       v1::ImportSkpsResponse* resp) override;
  grpc::ServerUnaryReactor* FinalizeOpdSkps(grpc::CallbackServerContext* ctx,
                                            const v1::FinalizeOpdSkpsRequest* req,
                                            v1::FinalizeOpdSkpsResponse* resp) override;

 private:
  // The employee's superior today (none at the top of the position tree) and the superior's plan
  // for `year` with only its approved RHK (none when there is no plan).
  struct SuperiorPlan {
    std::optional<v1::Employee> superior;
    std::optional<v1::Skp> plan;
  };
  absl::StatusOr<SuperiorPlan> SuperiorPlanOf(const std::string& nip, int32_t year,
                                              absl::Time deadline);
  // The plan rules' context for a plan of `year` on `assignment` (active today): JPT or not, top of
  // the cascade or not, and the superior's approved RHK.
  absl::StatusOr<domain::PlanContext> ContextFor(const storage::SkpAssignment& assignment,
                                                 int32_t year, absl::Time deadline);
  static domain::PlanContext ContextFrom(const storage::SkpAssignment& assignment,
                                         const SuperiorPlan& superior);
  // Validates the name, checks access to the plan's employee, then ApplyTransition.
  absl::Status Transition(const CallInfo& call, const std::string& name, const std::string& etag,
                          domain::SkpAction action,
                          const std::function<absl::Status(v1::Skp&)>& change, v1::Skp* resp,
                          absl::Time deadline, storage::OpdHeadFacts* opd_head = nullptr);
  // Applies `change` to the stored plan (under its lock, with the etag) after the lifecycle allows
  // `action`; a plan closed by a transfer is refused naming the current assignment. With
  // `opd_head`, the plan's OpdHeadFacts are read into it in the same transaction before `change`
  // runs (SkpRepository::Change).
  absl::Status ApplyTransition(const CallInfo& call, const SkpRef& ref, const std::string& etag,
                               domain::SkpAction action,
                               const std::function<absl::Status(v1::Skp&)>& change, v1::Skp* resp,
                               absl::Time deadline, storage::OpdHeadFacts* opd_head = nullptr);
  // The refusal for a plan closed by a transfer, naming the assignment active today.
  absl::Status ClosedByTransfer(const v1::Skp& skp, absl::Time deadline);
  // "opds/{opd}/years/{year}", validated, after the OPD-resource check.
  absl::StatusOr<OpdYear> OpdYearFor(const CallInfo& call, const std::string& name);
  // For edits and submission: the plan as stored (refused when closed by a transfer) and the plan
  // rules' context, after the access check.
  struct PlanUnderChange {
    SkpRef ref;
    v1::Skp skp;
    domain::PlanContext context;
  };
  absl::StatusOr<PlanUnderChange> LoadPlanUnderChange(const CallInfo& call, const std::string& name,
                                                      absl::string_view field, absl::Time deadline);
  // GetSkp's hot path, for a caller admitted on gRPC's thread: the employee's record (batched,
  // then cached) and the access check, then LoadPlan.
  grpc::ServerUnaryReactor* LoadEmployeeThenPlan(grpc::CallbackServerContext* ctx,
                                                 const auth::Principal& principal,
                                                 const auth::MethodPolicy& policy,
                                                 const SkpRef& ref, v1::Skp* resp);
  // The plan from memory, when the SkpCache may answer it so (GetRecent; NOT_FOUND when it is not
  // `ref.nip`'s); nullopt when the database must be asked.
  std::optional<absl::StatusOr<v1::Skp>> FromMemory(const SkpRef& ref);
  // After the access check: the plan FromMemory, else LoadPlan.
  void AnswerPlan(grpc::ServerUnaryReactor* reactor, const SkpRef& ref, absl::Time deadline,
                  v1::Skp* resp);
  // After the access check: the plan joins a batch (skp_loader_), and the reactor finishes with it,
  // or NOT_FOUND when it is not `ref.nip`'s.
  void LoadPlan(grpc::ServerUnaryReactor* reactor, const SkpRef& ref, absl::Time deadline,
                v1::Skp* resp);

  storage::SkpRepository& repo_;
  storage::DirectoryRepository& directory_;
  AccessGuard& guard_;
  const domain::Clock& clock_;
  EmployeeCache& employee_cache_;
  storage::SkpCache& skp_cache_;
  EmployeeLoader employee_loader_;
  BatchLoader<int64_t, v1::Skp> skp_loader_;  // through skp_cache_ (SkpRepository::GetMany)
};

}  // namespace kinerja::services

#endif  // KINERJA_SERVER_SERVICES_SKP_SERVICE_H_
