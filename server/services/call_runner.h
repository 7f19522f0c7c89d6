// Runs a unary call's blocking work on the bounded executor, never on gRPC's threads, and finishes
// the callback reactor with the result. A full queue is refused at once (RESOURCE_EXHAUSTED); a call
// whose deadline has passed or that was cancelled while queued is not started.
#ifndef KINERJA_SERVER_SERVICES_CALL_RUNNER_H_
#define KINERJA_SERVER_SERVICES_CALL_RUNNER_H_

#include <utility>

#include <grpcpp/server_context.h>
#include <grpcpp/support/server_callback.h>

#include "absl/status/status.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "server/core/executor.h"
#include "server/core/status_details.h"

namespace kinerja::services {

// The deadline for the work: the call's own, or now + `fallback` when the client set none.
inline absl::Time WorkDeadline(grpc::CallbackServerContext* ctx, absl::Duration fallback) {
  const absl::Time now = absl::Now();
  const absl::Time cap = now + fallback;
  const auto raw = ctx->deadline();
  if (raw == std::chrono::system_clock::time_point::max()) return cap;
  const absl::Time d = absl::FromChrono(raw);
  return d < cap ? d : cap;
}

// The refusal when no more work may wait.
inline grpc::Status Busy() {
  return grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED,
                      "the server is busy; retry with backoff");
}

// fn: absl::Status(absl::Time deadline), filling the response it captured.
template <typename Fn>
grpc::ServerUnaryReactor* RunOnExecutor(grpc::CallbackServerContext* ctx,
                                        core::BoundedExecutor& executor, Fn fn,
                                        absl::Duration fallback = absl::Seconds(30)) {
  grpc::ServerUnaryReactor* reactor = ctx->DefaultReactor();
  const absl::Time deadline = WorkDeadline(ctx, fallback);
  const bool queued = executor.TrySubmit([ctx, reactor, deadline, fn = std::move(fn)]() mutable {
    if (ctx->IsCancelled()) {
      reactor->Finish(grpc::Status(grpc::StatusCode::CANCELLED, "the call was cancelled"));
      return;
    }
    if (absl::Now() >= deadline) {
      reactor->Finish(grpc::Status(grpc::StatusCode::DEADLINE_EXCEEDED,
                                   "the deadline passed before the work could start"));
      return;
    }
    reactor->Finish(core::ToGrpcStatus(fn(deadline)));
  });
  if (!queued) reactor->Finish(Busy());
  return reactor;
}

// Finishes at once with a status (validation failures).
inline grpc::ServerUnaryReactor* FinishNow(grpc::CallbackServerContext* ctx,
                                           const absl::Status& status) {
  grpc::ServerUnaryReactor* reactor = ctx->DefaultReactor();
  reactor->Finish(core::ToGrpcStatus(status));
  return reactor;
}

}  // namespace kinerja::services

#endif  // KINERJA_SERVER_SERVICES_CALL_RUNNER_H_
