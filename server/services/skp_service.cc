#include "server/services/skp_service.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "server/auth/authorizer.h"
#include "server/core/status_details.h"
#include "server/domain/distribution_quota.h"
#include "server/domain/predikat.h"
#include "server/services/employee_access.h"
#include "server/services/request_fields.h"
#include "server/services/skp_reports.h"

namespace kinerja::services {
namespace {

template <typename T>
absl::Status Reply(absl::StatusOr<T> result, T* resp) {
  if (result.ok()) *resp = std::move(*result);
  return result.status();
}

absl::Status Violations(absl::string_view message, std::vector<domain::Violation> violations) {
  if (violations.empty()) return absl::OkStatus();
  return core::InvalidArgumentWithViolations(message, violations);
}

// Every intervensi a draft names must already be one of the superior's approved RHK (the database
// keeps the reference, so an unknown one is refused at once rather than at submission).
std::vector<domain::Violation> UnknownIntervensi(const v1::Skp& skp, const domain::PlanContext& context) {
  std::vector<domain::Violation> out;
  for (int i = 0; i < skp.rhks_size(); ++i) {
    const std::string& id = skp.rhks(i).intervensi();
    if (!id.empty() && !context.superior_rhks.contains(id)) {
      out.push_back({absl::StrCat("skp.rhks[", i, "].intervensi"),
                     absl::StrCat("'", id, "' is not an approved RHK of the superior's SKP for ",
                                  skp.year())});
    }
  }
  return out;
}

}  // namespace

SkpServiceImpl::SkpServiceImpl(storage::SkpRepository& repo, storage::DirectoryRepository& directory,
                               AccessGuard& guard, core::BoundedExecutor& executor,
                               const domain::Clock& clock, int executor_queue,
                               EmployeeCache& employee_cache, storage::SkpCache& skp_cache)
    : repo_(repo),
      directory_(directory),
      guard_(guard),
      clock_(clock),
      employee_cache_(employee_cache),
      skp_cache_(skp_cache),
      employee_loader_(directory, employee_cache, executor, clock, executor_queue),
      skp_loader_(
          executor,
          [this](const std::vector<int64_t>& ids, absl::Time deadline) {
            return repo_.GetMany(ids, skp_cache_, employee_cache_.generation(), deadline);
          },
          /*max_batch=*/64, /*max_pending=*/executor_queue,
          [](const int64_t& id) {
            return absl::NotFoundError(absl::StrCat("SKP ", id, " not found"));
          }) {}

absl::StatusOr<SkpServiceImpl::SuperiorPlan> SkpServiceImpl::SuperiorPlanOf(
    const std::string& nip, int32_t year, absl::Time deadline) {
  const absl::CivilDay today = clock_.TodayInJakarta();
  SuperiorPlan out;
  auto superior = directory_.GetSuperior(nip, today, deadline);
  if (absl::IsNotFound(superior.status())) return out;  // the top of the position tree
  if (!superior.ok()) return superior.status();
  auto plan = repo_.ApprovedPlan(superior->employee().nip(), year, today, deadline);
  if (!plan.ok()) return plan.status();
  out.superior = superior->employee();
  out.plan = *std::move(plan);
  return out;
}

domain::PlanContext SkpServiceImpl::ContextFrom(const storage::SkpAssignment& assignment,
                                                const SuperiorPlan& superior) {
  domain::PlanContext context;
  context.jpt = assignment.position_kind == v1::JPT;
  context.top_of_cascade = domain::IsTopOfCascade(context.jpt, superior.superior.has_value());
  if (superior.plan) {
    for (const v1::Rhk& rhk : superior.plan->rhks()) context.superior_rhks.insert(rhk.id());
  }
  return context;
}

absl::StatusOr<domain::PlanContext> SkpServiceImpl::ContextFor(
    const storage::SkpAssignment& assignment, int32_t year, absl::Time deadline) {
  auto superior = SuperiorPlanOf(assignment.nip, year, deadline);
  if (!superior.ok()) return superior.status();
  return ContextFrom(assignment, *superior);
}

absl::Status SkpServiceImpl::ClosedByTransfer(const v1::Skp& skp, absl::Time deadline) {
  const std::string closed = skp.has_closed_on()
                                 ? domain::FormatIsoDate(*domain::FromProtoDate(skp.closed_on()))
                                 : std::string("its assignment's end");
  std::string now = "the employee holds no position today";
  auto ref = ParseSkpName(skp.name(), "name");
  auto current = ref.ok() ? repo_.ActiveAssignment(ref->nip, clock_.TodayInJakarta(), deadline)
                          : absl::StatusOr<storage::SkpAssignment>(ref.status());
  if (current.ok()) {
    now = absl::StrCat("entries after it belong to an SKP of the current assignment as ",
                       current->position_title, " (opds/", current->opd_code, ", from ",
                       domain::FormatIsoDate(current->start), ")");
  }
  return absl::FailedPreconditionError(absl::StrCat(
      skp.name(), " was closed on ", closed, " when the assignment as ", skp.position_title(),
      " (", skp.opd(), ") ended; ", now));
}

absl::Status SkpServiceImpl::Transition(const CallInfo& call, const std::string& name,
                                        const std::string& etag, domain::SkpAction action,
                                        const std::function<absl::Status(v1::Skp&)>& change,
                                        v1::Skp* resp, absl::Time deadline,
                                        storage::OpdHeadFacts* opd_head) {
  auto ref = ParseSkpName(name, "name");
  if (!ref.ok()) return ref.status();
  if (absl::Status st = CheckEmployeeAccess(directory_, clock_, call, ref->nip, deadline); !st.ok()) {
    return st;
  }
  return ApplyTransition(call, *ref, etag, action, change, resp, deadline, opd_head);
}

absl::Status SkpServiceImpl::ApplyTransition(const CallInfo& call, const SkpRef& ref,
                                             const std::string& etag, domain::SkpAction action,
                                             const std::function<absl::Status(v1::Skp&)>& change,
                                             v1::Skp* resp, absl::Time deadline,
                                             storage::OpdHeadFacts* opd_head) {
  std::optional<v1::Skp> closed;  // explained after the transaction, with the current assignment
  auto result = repo_.Change(
      ref.nip, ref.id, etag,
      [&](v1::Skp& skp) -> absl::Status {
        if (skp.state() == v1::SKP_STATE_CLOSED_BY_TRANSFER) {
          closed = skp;
          return absl::FailedPreconditionError("closed by a transfer");
        }
        auto next = domain::NextState(skp.state(), action);
        if (!next.ok()) return next.status();
        skp.set_state(*next);
        return change ? change(skp) : absl::OkStatus();
      },
      call.audit, deadline, opd_head);
  if (closed) return ClosedByTransfer(*closed, deadline);
  return Reply(std::move(result), resp);
}

absl::StatusOr<SkpServiceImpl::PlanUnderChange> SkpServiceImpl::LoadPlanUnderChange(
    const CallInfo& call, const std::string& name, absl::string_view field, absl::Time deadline) {
  auto ref = ParseSkpName(name, field);
  if (!ref.ok()) return ref.status();
  if (absl::Status st = CheckEmployeeAccess(directory_, clock_, call, ref->nip, deadline); !st.ok()) {
    return st;
  }
  auto current = repo_.Get(ref->nip, ref->id, deadline);
  if (!current.ok()) return current.status();
  if (current->state() == v1::SKP_STATE_CLOSED_BY_TRANSFER) return ClosedByTransfer(*current, deadline);
  auto assignment = repo_.ActiveAssignment(ref->nip, clock_.TodayInJakarta(), deadline);
  if (!assignment.ok()) return assignment.status();
  auto context = ContextFor(*assignment, current->year(), deadline);
  if (!context.ok()) return context.status();
  return PlanUnderChange{*ref, *std::move(current), *std::move(context)};
}

absl::StatusOr<OpdYear> SkpServiceImpl::OpdYearFor(const CallInfo& call, const std::string& name) {
  auto opd_year = ParseOpdYear(name, "name");
  if (!opd_year.ok()) return opd_year.status();
  if (absl::Status st = auth::CheckOpd(call.policy, call.principal, opd_year->opd); !st.ok()) return st;
  return opd_year;
}

grpc::ServerUnaryReactor* SkpServiceImpl::CreateSkp(grpc::CallbackServerContext* ctx,
                                                    const v1::CreateSkpRequest* req, v1::Skp* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo& call,
                                                                     absl::Time deadline) {
    auto nip = NipFromName(req->parent(), "parent");
    if (!nip.ok()) return nip.status();
    if (absl::Status st = CheckYear(req->skp().year(), "skp.year"); !st.ok()) return st;
    if (absl::Status st = CheckRequestId(req->request_id()); !st.ok()) return st;
    if (absl::Status st = CheckEmployeeAccess(directory_, clock_, call, *nip, deadline); !st.ok()) return st;
    auto assignment = repo_.ActiveAssignment(*nip, clock_.TodayInJakarta(), deadline);
    if (!assignment.ok()) return assignment.status();
    auto context = ContextFor(*assignment, req->skp().year(), deadline);
    if (!context.ok()) return context.status();
    std::vector<domain::Violation> violations = domain::CheckPlanDraft(req->skp(), *context);
    for (auto& v : UnknownIntervensi(req->skp(), *context)) violations.push_back(std::move(v));
    if (absl::Status st = Violations("the plan is not valid", std::move(violations)); !st.ok()) return st;
    return Reply(repo_.Create(*assignment, req->skp(), req->request_id(), call.audit, deadline), resp);
  });
}

grpc::ServerUnaryReactor* SkpServiceImpl::ListSkps(grpc::CallbackServerContext* ctx,
                                                   const v1::ListSkpsRequest* req,
                                                   v1::ListSkpsResponse* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo& call,
                                                                     absl::Time deadline) {
    auto nip = NipFromName(req->parent(), "parent");
    if (!nip.ok()) return nip.status();
    if (req->year() != 0) {
      if (absl::Status st = CheckYear(req->year(), "year"); !st.ok()) return st;
    }
    if (absl::Status st = CheckEmployeeAccess(directory_, clock_, call, *nip, deadline); !st.ok()) return st;
    auto list = repo_.List(*nip, req->year(), deadline);
    if (!list.ok()) return list.status();
    for (auto& skp : *list) *resp->add_skps() = std::move(skp);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* SkpServiceImpl::UpdateSkp(grpc::CallbackServerContext* ctx,
                                                    const v1::UpdateSkpRequest* req, v1::Skp* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo& call,
                                                                     absl::Time deadline) {
    if (req->skp().etag().empty()) {
      return core::FieldError("skp.etag", "send the etag of the plan as read, so no change is lost");
    }
    auto plan = LoadPlanUnderChange(call, req->skp().name(), "skp.name", deadline);
    if (!plan.ok()) return plan.status();
    const domain::PlanContext* context = &plan->context;
    v1::Skp proposed = req->skp();
    proposed.set_year(plan->skp.year());
    std::vector<domain::Violation> violations = domain::CheckPlanDraft(proposed, *context);
    for (auto& v : UnknownIntervensi(proposed, *context)) violations.push_back(std::move(v));
    if (absl::Status st = Violations("the plan is not valid", std::move(violations)); !st.ok()) return st;
    return ApplyTransition(call, plan->ref, req->skp().etag(), domain::SkpAction::kEdit,
                      [&](v1::Skp& skp) {
                        absl::flat_hash_map<std::string, bool> approved;
                        for (const v1::Rhk& r : skp.rhks()) approved[r.id()] = r.approved();
                        skp.set_approach(proposed.approach());
                        *skp.mutable_rhks() = proposed.rhks();
                        for (v1::Rhk& r : *skp.mutable_rhks()) {
                          auto it = approved.find(r.id());
                          r.set_approved(it != approved.end() && it->second);
                        }
                        return absl::OkStatus();
                      },
                      resp, deadline);
  });
}

grpc::ServerUnaryReactor* SkpServiceImpl::SubmitSkp(grpc::CallbackServerContext* ctx,
                                                    const v1::TransitionSkpRequest* req, v1::Skp* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo& call,
                                                                     absl::Time deadline) {
    auto plan = LoadPlanUnderChange(call, req->name(), "name", deadline);
    if (!plan.ok()) return plan.status();
    const domain::PlanContext* context = &plan->context;
    return ApplyTransition(call, plan->ref, req->etag(), domain::SkpAction::kSubmit,
                      [&](v1::Skp& skp) {
                        return Violations("the plan is not complete enough to submit",
                                          domain::CheckPlanForSubmission(skp, *context));
                      },
                      resp, deadline);
  });
}

grpc::ServerUnaryReactor* SkpServiceImpl::ApproveSkp(grpc::CallbackServerContext* ctx,
                                                     const v1::TransitionSkpRequest* req, v1::Skp* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo& call,
                                                                     absl::Time deadline) {
    return Transition(call, req->name(), req->etag(), domain::SkpAction::kApprove,
                      [](v1::Skp& skp) {
                        for (v1::Rhk& r : *skp.mutable_rhks()) r.set_approved(true);
                        skp.clear_return_note();
                        return absl::OkStatus();
                      },
                      resp, deadline);
  });
}

grpc::ServerUnaryReactor* SkpServiceImpl::ReturnSkp(grpc::CallbackServerContext* ctx,
                                                    const v1::TransitionSkpRequest* req, v1::Skp* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo& call,
                                                                     absl::Time deadline) {
    if (absl::Status st = CheckReturnNote(req->note()); !st.ok()) return st;
    return Transition(call, req->name(), req->etag(), domain::SkpAction::kReturn,
                      [&](v1::Skp& skp) {
                        skp.set_return_note(req->note());
                        return absl::OkStatus();
                      },
                      resp, deadline);
  });
}

grpc::ServerUnaryReactor* SkpServiceImpl::ReviseSkp(grpc::CallbackServerContext* ctx,
                                                    const v1::TransitionSkpRequest* req, v1::Skp* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo& call,
                                                                     absl::Time deadline) {
    return Transition(call, req->name(), req->etag(), domain::SkpAction::kRevise,
                      [](v1::Skp& skp) {
                        skp.set_revision(skp.revision() + 1);
                        return absl::OkStatus();
                      },
                      resp, deadline);
  });
}

grpc::ServerUnaryReactor* SkpServiceImpl::ListIntervensiOptions(
    grpc::CallbackServerContext* ctx, const v1::ListIntervensiOptionsRequest* req,
    v1::ListIntervensiOptionsResponse* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo& call,
                                                                     absl::Time deadline) {
    auto nip = NipFromName(req->parent(), "parent");
    if (!nip.ok()) return nip.status();
    if (absl::Status st = CheckYear(req->year(), "year"); !st.ok()) return st;
    if (absl::Status st = CheckEmployeeAccess(directory_, clock_, call, *nip, deadline); !st.ok()) return st;
    const absl::CivilDay today = clock_.TodayInJakarta();
    auto assignment = repo_.ActiveAssignment(*nip, today, deadline);
    if (!assignment.ok()) return assignment.status();
    resp->set_jpt(assignment->position_kind == v1::JPT);
    auto superior = SuperiorPlanOf(*nip, req->year(), deadline);
    if (!superior.ok()) return superior.status();
    resp->set_top_of_cascade(domain::IsTopOfCascade(resp->jpt(), superior->superior.has_value()));
    auto head = repo_.OpdHead(*assignment, req->year(), deadline);
    if (!head.ok()) return head.status();
    resp->set_head_of_opd(head->heads_opd);
    if (head->heads_opd) {
      resp->set_organization_predikat(head->organization_predikat);
      resp->set_hasil_kerja_from_organization(domain::HeadHasilKerja(head->organization_predikat));
    }
    if (superior->superior) {
      resp->set_superior(absl::StrCat("employees/", superior->superior->nip()));
      resp->set_superior_name(superior->superior->full_name());
    }
    if (superior->plan) {
      resp->set_superior_skp(superior->plan->name());
      *resp->mutable_rhks() = superior->plan->rhks();
    }
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* SkpServiceImpl::SetExpectations(grpc::CallbackServerContext* ctx,
                                                          const v1::SetExpectationsRequest* req,
                                                          v1::Skp* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo& call,
                                                                     absl::Time deadline) {
    if (absl::Status st = CheckExpectations(*req); !st.ok()) return st;
    return Transition(call, req->name(), req->etag(), domain::SkpAction::kSetExpectations,
                      [&](v1::Skp& skp) {
                        std::map<int, std::string> merged;
                        for (const auto& e : skp.expectations()) merged[e.value()] = e.text();
                        for (const auto& e : req->expectations()) merged[e.value()] = e.text();
                        skp.clear_expectations();
                        for (const auto& [value, text] : merged) {
                          if (text.empty()) continue;
                          v1::Expectation* e = skp.add_expectations();
                          e->set_value(static_cast<v1::BerakhlakValue>(value));
                          e->set_text(text);
                        }
                        return absl::OkStatus();
                      },
                      resp, deadline);
  });
}

grpc::ServerUnaryReactor* SkpServiceImpl::EvaluateSkp(grpc::CallbackServerContext* ctx,
                                                      const v1::EvaluateSkpRequest* req, v1::Skp* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo& call,
                                                                     absl::Time deadline) {
    // Whether the plan is its OPD's head's, and the OPD's organisation predikat, as the evaluation's
    // own transaction reads them (DOMAIN.md 5.5: a head's Rating Hasil Kerja follows it).
    storage::OpdHeadFacts facts;
    return Transition(call, req->name(), req->etag(), domain::SkpAction::kEvaluate,
                      [&](v1::Skp& skp) -> absl::Status {
                        std::optional<domain::OpdHead> head;
                        if (facts.heads_opd) {
                          head = domain::OpdHead{skp.opd(), skp.year(), facts.organization_predikat};
                        }
                        auto rated = domain::RateEvaluation(req->evaluation(), head);
                        if (!rated.ok()) return rated.status();
                        for (auto& v : rated->violations) v.field = absl::StrCat("evaluation.", v.field);
                        if (absl::Status st = Violations("the evaluation is not complete",
                                                         std::move(rated->violations));
                            !st.ok()) {
                          return st;
                        }
                        v1::SkpEvaluation* ev = skp.mutable_evaluation();
                        *ev = std::move(rated->evaluation);
                        ev->set_evaluator(absl::StrCat("employees/", call.principal.nip));
                        const absl::Time now = clock_.Now();
                        ev->mutable_evaluate_time()->set_seconds(absl::ToUnixSeconds(now));
                        return absl::OkStatus();
                      },
                      resp, deadline, &facts);
  });
}

grpc::ServerUnaryReactor* SkpServiceImpl::ListSubordinateSkps(
    grpc::CallbackServerContext* ctx, const v1::ListSubordinateSkpsRequest* req,
    v1::ListSubordinateSkpsResponse* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo& call,
                                                                     absl::Time deadline) {
    auto nip = NipFromName(req->superior(), "superior");
    if (!nip.ok()) return nip.status();
    absl::CivilDay day = clock_.TodayInJakarta();
    if (req->has_date()) {
      auto d = domain::FromProtoDate(req->date());
      if (!d.ok()) return core::FieldError("date", d.status().message());
      day = *d;
    }
    const int32_t year = req->year() != 0 ? req->year() : static_cast<int32_t>(day.year());
    if (absl::Status st = CheckYear(year, "year"); !st.ok()) return st;
    if (absl::Status st = CheckEmployeeAccess(directory_, clock_, call, *nip, deadline); !st.ok()) return st;
    auto subordinates = directory_.ListSubordinates(*nip, day, deadline);
    if (!subordinates.ok()) return subordinates.status();
    for (const v1::Employee& e : *subordinates) {
      v1::SubordinateSkp* s = resp->add_subordinates();
      s->set_employee(absl::StrCat("employees/", e.nip()));
      s->set_employee_name(e.full_name());
      s->set_position_title(e.current_assignment().position_title());
      auto skp = repo_.CurrentSkp(e.nip(), year, day, deadline);
      if (!skp.ok()) return skp.status();
      if (*skp) *s->mutable_skp() = **skp;
    }
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* SkpServiceImpl::GetOpdSkpSummary(grpc::CallbackServerContext* ctx,
                                                           const v1::GetOpdSkpSummaryRequest* req,
                                                           v1::OpdSkpSummary* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo& call,
                                                                     absl::Time deadline) {
    auto opd_year = OpdYearFor(call, req->name());
    if (!opd_year.ok()) return opd_year.status();
    auto facts = repo_.OpdYear(opd_year->opd, opd_year->year, clock_.TodayInJakarta(), deadline);
    if (!facts.ok()) return facts.status();
    *resp = SummaryOf(req->name(), *facts);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* SkpServiceImpl::GetCascade(grpc::CallbackServerContext* ctx,
                                                     const v1::GetCascadeRequest* req,
                                                     v1::Cascade* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo& call,
                                                                     absl::Time deadline) {
    auto opd_year = OpdYearFor(call, req->name());
    if (!opd_year.ok()) return opd_year.status();
    auto rows = repo_.CascadeRows(opd_year->opd, opd_year->year, deadline);
    if (!rows.ok()) return rows.status();
    *resp = CascadeOf(req->name(), *rows);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* SkpServiceImpl::SetOrganizationPredikat(
    grpc::CallbackServerContext* ctx, const v1::SetOrganizationPredikatRequest* req,
    v1::OrganizationPredikat* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo& call,
                                                                     absl::Time deadline) {
    if (req->predikat() <= v1::ORGANIZATION_PREDIKAT_UNSPECIFIED ||
        !v1::OrganizationPredikatLevel_IsValid(req->predikat())) {
      return core::FieldError("predikat", "choose ISTIMEWA, BAIK, BUTUH_PERBAIKAN, KURANG or SANGAT_KURANG");
    }
    auto opd_year = OpdYearFor(call, req->name());
    if (!opd_year.ok()) return opd_year.status();
    return Reply(repo_.SetOrganizationPredikat(opd_year->opd, opd_year->year, req->predikat(),
                                               call.audit, deadline),
                 resp);
  });
}

grpc::ServerUnaryReactor* SkpServiceImpl::ListOpdQuotaReports(
    grpc::CallbackServerContext* ctx, const v1::ListOpdQuotaReportsRequest* req,
    v1::ListOpdQuotaReportsResponse* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo&,
                                                                     absl::Time deadline) {
    if (absl::Status st = CheckYear(req->year(), "year"); !st.ok()) return st;
    auto city = repo_.CityQuotaFacts(req->year(), deadline);
    if (!city.ok()) return city.status();
    for (const auto& [code, facts] : *city) {
      v1::OpdQuotaReport* r = resp->add_reports();
      r->set_opd(absl::StrCat("opds/", code));
      AddPredikatCounts(facts.predikats, r->mutable_predikats());
      *r->mutable_quota() = QuotaReportOf(facts);
    }
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* SkpServiceImpl::FinalizeOpdSkps(grpc::CallbackServerContext* ctx,
                                                          const v1::FinalizeOpdSkpsRequest* req,
                                                          v1::FinalizeOpdSkpsResponse* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo& call,
                                                                     absl::Time deadline) {
    auto opd_year = OpdYearFor(call, req->name());
    if (!opd_year.ok()) return opd_year.status();
    v1::QuotaReport report;
    int not_evaluated = 0;
    auto finalized = repo_.FinalizeOpdYear(
        opd_year->opd, opd_year->year, clock_.TodayInJakarta(),
        [&](const storage::OpdYearFacts& facts) {
          report = QuotaReportOf(facts);
          for (const v1::StateCount& sc : facts.states) {
            if (sc.state() != v1::SKP_STATE_EVALUATED && sc.state() != v1::SKP_STATE_FINAL &&
                sc.state() != v1::SKP_STATE_CLOSED_BY_TRANSFER) {
              not_evaluated += sc.count();
            }
          }
          if (absl::Status st = domain::FinalizationAllowed(report); !st.ok()) return st;
          for (const auto& [plan, hasil_kerja] : facts.evaluated_heads) {
            if (absl::Status st = domain::CheckHeadRatingCurrent(plan, hasil_kerja,
                                                                 facts.organization_predikat);
                !st.ok()) {
              return st;
            }
          }
          return absl::OkStatus();
        },
        call.audit, deadline);
    if (!finalized.ok()) return finalized.status();
    resp->set_finalized(*finalized);
    resp->set_not_evaluated(not_evaluated);
    *resp->mutable_quota() = std::move(report);
    return absl::OkStatus();
  });
}

}  // namespace kinerja::services
