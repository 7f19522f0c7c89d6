// CallRunner: what every call of a default connection goes through. It decides whether the call
// is idempotent (the method's default or the caller's override), gives each attempt a fresh
// ClientContext (deadline, credentials, x-request-id), maps grpc::Status to absl::Status and
// retries as RetryPolicy says.
#ifndef KINERJA_CLIENT_SDK_SRC_CALL_RUNNER_H_
#define KINERJA_CLIENT_SDK_SRC_CALL_RUNNER_H_

#include <grpcpp/client_context.h>
#include <grpcpp/support/status.h>

#include <memory>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "kinerja/sdk/connection_environment.h"
#include "kinerja/sdk/idempotency.h"
#include "kinerja/sdk/options.h"

namespace kinerja::sdk::internal {

class CallRunner {
 public:
  // INVALID_ARGUMENT when the call options (ValidateCallOptions) or the environment are bad.
  static absl::StatusOr<std::shared_ptr<const CallRunner>> Create(const Options& options,
                                                                  ConnectionEnvironment env);

  // Whether service/method ("kinerja.v1.DirectoryService", "GetEmployee") may be retried: the
  // override for it if there is one, otherwise `by_default`.
  bool IsIdempotent(absl::string_view service, absl::string_view method, bool by_default) const;

  // A new request id from the environment.
  std::string NewRequestId() const { return env_.new_request_id(); }

  // A unary call: runs `attempt` with a new context per attempt until it succeeds, fails for
  // good, or the retry policy gives up. Each attempt's deadline is min(default_deadline, time
  // left). `request_id` goes out as x-request-id (a new id when empty or not usable as one), the
  // same on every attempt.
  absl::Status RunUnary(bool idempotent, absl::string_view request_id,
                        absl::FunctionRef<grpc::Status(grpc::ClientContext&)> attempt) const;

  // The start of a server stream: runs `attempt` (which keeps the context if the stream started)
  // like RunUnary, but every attempt's deadline is stream_deadline.
  absl::Status RunStreamStart(
      bool idempotent, absl::string_view request_id,
      absl::FunctionRef<absl::Status(std::unique_ptr<grpc::ClientContext>)> attempt) const;

  const Options& options() const { return options_; }

 private:
  CallRunner(Options options, ConnectionEnvironment env);

  // `request_id` for the x-request-id header when the server would accept it, else a new id.
  std::string HeaderRequestId(absl::string_view request_id) const;
  // A context with a deadline `timeout` from now (real clock), credentials and x-request-id.
  std::unique_ptr<grpc::ClientContext> MakeContext(absl::Duration timeout,
                                                   const std::string& request_id) const;
  // The retry loop: `attempt` gets the timeout of its context.
  absl::Status Retry(bool idempotent, bool bound_attempts_by_time_left,
                     absl::Duration attempt_deadline,
                     absl::FunctionRef<absl::Status(absl::Duration)> attempt) const;

  Options options_;
  ConnectionEnvironment env_;
  absl::flat_hash_map<std::string, Idempotency> overrides_;  // keys without a leading '/'
};

// Runs a unary stub method through `runner`: (stub.*method)(context, request, &response).
template <typename Stub, typename Request, typename Response>
absl::StatusOr<Response> CallUnary(const CallRunner& runner, Stub& stub,
                                   grpc::Status (Stub::*method)(grpc::ClientContext*,
                                                                const Request&, Response*),
                                   bool idempotent, absl::string_view request_id,
                                   const Request& request) {
  Response response;
  absl::Status status = runner.RunUnary(idempotent, request_id, [&](grpc::ClientContext& context) {
    response.Clear();
    return (stub.*method)(&context, request, &response);
  });
  if (!status.ok()) return status;
  return response;
}

}  // namespace kinerja::sdk::internal

#endif  // KINERJA_CLIENT_SDK_SRC_CALL_RUNNER_H_
