#include "server/services/employee_export.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "server/auth/authorizer.h"
#include "server/core/status_details.h"
#include "server/services/request_fields.h"

namespace kinerja::services {
namespace {

// The longest one page's database work may take. The stream as a whole is bounded only by the
// client's deadline: a city-wide export lasts as long as the client takes to read it.
constexpr absl::Duration kPageBudget = absl::Seconds(30);

// One call. Exactly one step is pending at any time, from the start until Finish: either a page
// read on the executor or a write on the stream. Whoever completes it (an executor worker, or gRPC
// in OnWriteDone) runs Advance, which starts the next step or finishes. So the page, the cursor and
// the message being written are touched by one thread at a time, handed over by the executor's
// queue or by gRPC's write completion; only `cancelled_` is shared with OnCancel.
//
// Lifetime: the reactor owns itself (self_) until OnDone; a read task holds another reference, so
// a reactor finished (and done) while a task is still returning outlives the task.
class ExportReactor final : public grpc::ServerWriteReactor<v1::Employee>,
                            public std::enable_shared_from_this<ExportReactor> {
 public:
  ExportReactor(grpc::CallbackServerContext* ctx, const std::string& method,
                const v1::ExportEmployeesRequest& request, const EmployeeExportDeps& deps)
      : deps_(deps),
        policy_(auth::FindPolicy(method)),
        method_(method),
        creds_(CredentialsOf(*ctx)),
        request_(request) {
    const auto raw = ctx->deadline();
    call_deadline_ = raw == std::chrono::system_clock::time_point::max()
                         ? absl::InfiniteFuture()
                         : absl::FromChrono(raw);
  }

  // Takes ownership of itself and starts the first step (authorize, validate, first page).
  void Begin(std::shared_ptr<ExportReactor> self) {
    self_ = std::move(self);
    if (policy_ == nullptr) {
      Finish(core::ToGrpcStatus(
          absl::InternalError(absl::StrCat("no access policy for ", method_))));
      return;
    }
    ScheduleRead();
  }

  void OnWriteDone(bool ok) override {
    // A failed write means the call is broken (cancelled, or the client went away).
    Advance(ok ? absl::OkStatus() : StopStatus());
  }

  // The pending step completes on its own (a read within its budget, a write with ok=false), and
  // Advance then sees the flag: nothing more is read.
  void OnCancel() override { cancelled_.store(true, std::memory_order_release); }

  void OnDone() override { self_.reset(); }  // may delete this: nothing after

 private:
  // The status a stopped call ends with: DEADLINE_EXCEEDED when the client's deadline has passed
  // (gRPC cancels such calls too), else CANCELLED.
  absl::Status StopStatus() const {
    if (absl::Now() >= call_deadline_) {
      return absl::DeadlineExceededError("the deadline passed during the export");
    }
    return absl::CancelledError("the call was cancelled");
  }

  absl::Time PageDeadline() const { return std::min(call_deadline_, absl::Now() + kPageBudget); }

  // Queues the next page read. The read step is pending from here.
  void ScheduleRead() {
    const bool queued = deps_.executor.TrySubmit([self = shared_from_this()] {
      absl::Status st;
      if (self->cancelled_.load(std::memory_order_acquire)) {
        st = self->StopStatus();
      } else if (absl::Now() >= self->call_deadline_) {
        st = absl::DeadlineExceededError("the deadline passed during the export");
      } else {
        st = self->started_ ? self->ReadPage(self->PageDeadline())
                            : self->Start(self->PageDeadline());
      }
      self->Advance(st);
    });
    if (!queued) Advance(absl::ResourceExhaustedError("the server is busy; retry with backoff"));
  }

  // The first step, on a worker: authenticate and admit (the rule every RPC follows), validate,
  // check the OPD, and read the first page.
  absl::Status Start(absl::Time deadline) {
    started_ = true;
    auto principal = deps_.guard.Authorize(*policy_, creds_, deadline);
    if (!principal.ok()) return principal.status();
    filter_.opd = request_.opd();
    if (!filter_.opd.empty()) {
      if (auto code = CodeFromName(filter_.opd, "", "opd"); !code.ok()) return code.status();
    }
    if (!v1::PositionKind_IsValid(request_.position_kind())) {
      return core::FieldError("position_kind", "is not a known position kind");
    }
    filter_.position_kind = request_.position_kind();
    if (request_.has_date()) {
      auto day = domain::FromProtoDate(request_.date());
      if (!day.ok()) return core::FieldError("date", day.status().message());
      day_ = *day;
    } else {
      day_ = deps_.clock.TodayInJakarta();
    }
    if (absl::Status st = auth::CheckOpd(*policy_, *principal, filter_.opd); !st.ok()) return st;
    if (!filter_.opd.empty()) {
      // Only callers who may read this OPD get here, so NOT_FOUND reveals nothing to others.
      if (auto opd = deps_.repo.GetOpd(filter_.opd, deadline); !opd.ok()) return opd.status();
    }
    return ReadPage(deadline);
  }

  // Reads the page after `after_` into `page_` (empty: the export is complete).
  absl::Status ReadPage(absl::Time deadline) {
    auto page = deps_.repo.ListEmployees(filter_, day_, after_, kExportPageSize, deadline);
    if (!page.ok()) return page.status();
    more_ = static_cast<int>(page->size()) == kExportPageSize;
    if (!page->empty()) after_ = page->back().nip();
    page_ = std::move(*page);
    next_ = 0;
    return absl::OkStatus();
  }

  // The pending step completed with `st`: start the next one or finish.
  void Advance(absl::Status st) {
    if (st.ok() && cancelled_.load(std::memory_order_acquire)) st = StopStatus();
    if (!st.ok()) {
      page_.clear();
      Finish(core::ToGrpcStatus(st));
      return;
    }
    if (next_ < page_.size()) {
      current_ = std::move(page_[next_++]);
      StartWrite(&current_);
      return;
    }
    page_.clear();
    if (more_) {
      ScheduleRead();
      return;
    }
    Finish(grpc::Status::OK);
  }

  const EmployeeExportDeps deps_;
  const auth::MethodPolicy* const policy_;
  const std::string method_;
  const auth::Credentials creds_;
  const v1::ExportEmployeesRequest request_;
  absl::Time call_deadline_;
  std::shared_ptr<ExportReactor> self_;
  std::atomic<bool> cancelled_{false};

  // Touched only by the step in progress (see the class comment).
  bool started_ = false;
  storage::EmployeeFilter filter_;
  absl::CivilDay day_;
  std::string after_;  // NIP of the last employee read
  bool more_ = false;  // the last page was full, so another may follow
  std::vector<v1::Employee> page_;
  size_t next_ = 0;
  v1::Employee current_;  // the message being written; gRPC reads it until OnWriteDone
};

}  // namespace

grpc::ServerWriteReactor<v1::Employee>* StartEmployeeExport(
    grpc::CallbackServerContext* ctx, const std::string& method,
    const v1::ExportEmployeesRequest& request, const EmployeeExportDeps& deps) {
  auto reactor = std::make_shared<ExportReactor>(ctx, method, request, deps);
  ExportReactor* raw = reactor.get();
  raw->Begin(std::move(reactor));
  return raw;
}

}  // namespace kinerja::services
