#include "client_sdk/src/call_runner.h"

#include <algorithm>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "client_sdk/src/backoff.h"
#include "kinerja/sdk/retry_policy.h"
#include "kinerja/sdk/status.h"

namespace kinerja::sdk::internal {
namespace {

// The last status, its message noting that the retry policy gave up; code and payloads kept.
absl::Status GaveUp(const absl::Status& last, int attempts) {
  absl::Status out(last.code(),
                   absl::StrCat(last.message(), " (gave up after ", attempts, " attempts)"));
  last.ForEachPayload([&out](absl::string_view type_url, const absl::Cord& payload) {
    out.SetPayload(type_url, payload);
  });
  return out;
}

}  // namespace

std::string CallRunner::HeaderRequestId(absl::string_view request_id) const {
  // The server takes 1..64 of [A-Za-z0-9._-]; anything else (refused in the body anyway) would not
  // even be valid metadata, so the header gets an id of its own.
  if (request_id.empty() || request_id.size() > 64) return env_.new_request_id();
  for (char c : request_id) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-') {
      return env_.new_request_id();
    }
  }
  return std::string(request_id);
}

absl::StatusOr<std::shared_ptr<const CallRunner>> CallRunner::Create(const Options& options,
                                                                     ConnectionEnvironment env) {
  if (absl::Status st = ValidateCallOptions(options); !st.ok()) return st;
  if (absl::Status st = ValidateEnvironment(env); !st.ok()) return st;
  return std::shared_ptr<const CallRunner>(new CallRunner(options, std::move(env)));
}

CallRunner::CallRunner(Options options, ConnectionEnvironment env)
    : options_(std::move(options)), env_(std::move(env)) {
  for (const auto& [method, idempotency] : options_.idempotency_overrides) {
    absl::string_view name = method;
    absl::ConsumePrefix(&name, "/");
    overrides_[name] = idempotency;
  }
}

bool CallRunner::IsIdempotent(absl::string_view service, absl::string_view method,
                              bool by_default) const {
  if (overrides_.empty()) return by_default;
  auto it = overrides_.find(absl::StrCat(service, "/", method));
  if (it == overrides_.end()) return by_default;
  return it->second == Idempotency::kIdempotent;
}

std::unique_ptr<grpc::ClientContext> CallRunner::MakeContext(absl::Duration timeout,
                                                             const std::string& request_id) const {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(absl::ToChronoTime(absl::Now() + timeout));
  if (!options_.session_token.empty()) {
    context->AddMetadata("authorization", absl::StrCat("Bearer ", options_.session_token));
  } else if (!options_.api_key.empty()) {
    context->AddMetadata("x-api-key", options_.api_key);
  }
  context->AddMetadata("x-request-id", request_id);
  return context;
}

absl::Status CallRunner::Retry(bool idempotent, bool bound_attempts_by_time_left,
                               absl::Duration attempt_deadline,
                               absl::FunctionRef<absl::Status(absl::Duration)> attempt) const {
  const RetryPolicy& policy = options_.retry;
  const absl::Time give_up_at = env_.now() + policy.max_total_time;
  absl::Status last;
  for (int n = 1;; ++n) {
    absl::Duration timeout = attempt_deadline;
    if (bound_attempts_by_time_left) timeout = std::min(timeout, give_up_at - env_.now());
    if (timeout <= absl::ZeroDuration()) {
      if (n == 1) return absl::DeadlineExceededError("no time left for the call");
      return GaveUp(last, n - 1);
    }
    last = attempt(timeout);
    if (last.ok() || !idempotent || !IsRetryableCode(last.code())) return last;
    if (n >= policy.max_attempts) return n == 1 ? last : GaveUp(last, n);
    const absl::Duration wait = BackoffDelay(policy, n, env_.uniform01);
    if (env_.now() + wait >= give_up_at) return GaveUp(last, n);
    env_.sleep(wait);
  }
}

absl::Status CallRunner::RunUnary(
    bool idempotent, absl::string_view request_id,
    absl::FunctionRef<grpc::Status(grpc::ClientContext&)> attempt) const {
  const std::string id = HeaderRequestId(request_id);
  return Retry(idempotent, /*bound_attempts_by_time_left=*/true, options_.default_deadline,
               [&](absl::Duration timeout) {
                 std::unique_ptr<grpc::ClientContext> context = MakeContext(timeout, id);
                 return FromGrpcStatus(attempt(*context));
               });
}

absl::Status CallRunner::RunStreamStart(
    bool idempotent, absl::string_view request_id,
    absl::FunctionRef<absl::Status(std::unique_ptr<grpc::ClientContext>)> attempt) const {
  const std::string id = HeaderRequestId(request_id);
  return Retry(idempotent, /*bound_attempts_by_time_left=*/false, options_.stream_deadline,
               [&](absl::Duration timeout) { return attempt(MakeContext(timeout, id)); });
}

}  // namespace kinerja::sdk::internal
