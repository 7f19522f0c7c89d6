// SkpService's reads of one plan (GetSkp): the hot path, through the EmployeeCache and the
// SkpCache (storage/skp_cache.h), apart from the rest of the service (skp_service.cc).
#include "server/services/skp_service.h"

#include <optional>
#include <utility>

#include "server/auth/authorizer.h"
#include "server/core/status_details.h"
#include "server/services/call_runner.h"
#include "server/services/employee_access.h"
#include "server/services/request_fields.h"

namespace kinerja::services {

void SkpServiceImpl::LoadPlan(grpc::ServerUnaryReactor* reactor, const SkpRef& ref,
                              absl::Time deadline, v1::Skp* resp) {
  const bool queued =
      skp_loader_.Load(ref.id, deadline, [reactor, resp, ref](absl::StatusOr<v1::Skp> plan) {
        plan = storage::OwnSkp(std::move(plan), ref.nip, ref.id);
        if (plan.ok()) *resp = std::move(*plan);
        reactor->Finish(core::ToGrpcStatus(plan.status()));
      });
  if (!queued) reactor->Finish(Busy());
}

std::optional<absl::StatusOr<v1::Skp>> SkpServiceImpl::FromMemory(const SkpRef& ref) {
  auto recent = skp_cache_.GetRecent(ref.id, absl::Now(), employee_cache_.generation());
  if (!recent) return std::nullopt;
  return storage::OwnSkp(*recent, ref.nip, ref.id);
}

void SkpServiceImpl::AnswerPlan(grpc::ServerUnaryReactor* reactor, const SkpRef& ref,
                                absl::Time deadline, v1::Skp* resp) {
  if (auto plan = FromMemory(ref)) {
    if (plan->ok()) *resp = std::move(**plan);
    reactor->Finish(core::ToGrpcStatus(plan->status()));
    return;
  }
  LoadPlan(reactor, ref, deadline, resp);
}

grpc::ServerUnaryReactor* SkpServiceImpl::LoadEmployeeThenPlan(grpc::CallbackServerContext* ctx,
                                                               const auth::Principal& principal,
                                                               const auth::MethodPolicy& policy,
                                                               const SkpRef& ref, v1::Skp* resp) {
  grpc::ServerUnaryReactor* reactor = ctx->DefaultReactor();
  const absl::Time deadline = WorkDeadline(ctx, absl::Seconds(30));
  const bool queued = employee_loader_.Load(
      ref.nip, deadline,
      [this, reactor, resp, principal, &policy, ref, deadline](absl::StatusOr<v1::Employee> e) {
        absl::Status st = CheckFetchedEmployee(directory_, clock_, principal, policy, e, deadline);
        if (st.ok()) {
          AnswerPlan(reactor, ref, deadline, resp);
        } else {
          reactor->Finish(core::ToGrpcStatus(st));
        }
      });
  if (!queued) reactor->Finish(Busy());
  return reactor;
}

grpc::ServerUnaryReactor* SkpServiceImpl::GetSkp(grpc::CallbackServerContext* ctx,
                                                 const v1::GetSkpRequest* req, v1::Skp* resp) {
  const std::string& method = KINERJA_METHOD(kService);
  // Hot path, as GetEmployee's: with the caller's credentials in the authentication cache,
  // admission happens here, and when access needs nothing of the employee (an administrator, the
  // employee) or the employee's record is in the EmployeeCache (else read in a batch) and access is
  // decided without the superior relation, a plan the database confirmed recently answers here,
  // and any other joins a batch at once. Every read of the plan goes through the SkpCache
  // (skp_cache.h: what "recently" means, and how consistent that is).
  if (auto admitted = guard_.AdmitFromCache(*ctx, method)) {
    auto ref = ParseSkpName(req->name(), "name");
    if (!ref.ok()) return FinishNow(ctx, ref.status());
    auto answer = [&] {
      grpc::ServerUnaryReactor* reactor = ctx->DefaultReactor();
      AnswerPlan(reactor, *ref, WorkDeadline(ctx, absl::Seconds(30)), resp);
      return reactor;
    };
    // An administrator, or the employee: no need of the employee's record (a plan named under
    // another NIP is NOT_FOUND all the same, storage::OwnSkp).
    if (auth::AdmitsAnyEmployee(admitted->policy, admitted->principal, ref->nip)) return answer();
    auto decided = employee_cache_.With(
        ref->nip, clock_.TodayInJakarta(), clock_.Now(), [&](const v1::Employee& employee) {
          return CheckCachedEmployee(admitted->principal, admitted->policy, employee);
        });
    if (!decided) {
      return LoadEmployeeThenPlan(ctx, admitted->principal, admitted->policy, *ref, resp);
    }
    if (std::optional<absl::Status> st = *decided) {
      if (!st->ok()) return FinishNow(ctx, *st);
      return answer();
    }
  }
  return guard_.Run(ctx, method, [this, req, resp](const CallInfo& call, absl::Time deadline) {
    auto ref = ParseSkpName(req->name(), "name");
    if (!ref.ok()) return ref.status();
    if (absl::Status st = CheckEmployeeAccess(directory_, clock_, call, ref->nip, deadline); !st.ok()) return st;
    // A superior, say: access needed the database, the plan may not.
    std::optional<absl::StatusOr<v1::Skp>> remembered = FromMemory(*ref);
    absl::StatusOr<v1::Skp> plan =
        remembered ? *std::move(remembered)
                   : repo_.Get(ref->nip, ref->id, skp_cache_, employee_cache_.generation(), deadline);
    if (!plan.ok()) return plan.status();
    *resp = std::move(*plan);
    return absl::OkStatus();
  });
}

}  // namespace kinerja::services
