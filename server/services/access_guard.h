// The one place every RPC is authorized. A handler hands its work to AccessGuard::Run with its own
// method name (KINERJA_METHOD); Run looks the method up in the policy table, authenticates the
// caller and admits them by audience (auth::Admit) on a database worker, and only then runs the
// work with a CallInfo: the principal, the method's policy (for the resource check the work does
// with auth::CheckOpd / auth::CheckEmployee), and the audit context for writes.
//
// Order inside Run: authenticate -> admit -> the work (validate -> resource check -> domain ->
// storage -> map). Authenticating first means an anonymous caller learns nothing, not even which
// fields of a request are wrong.
#ifndef KINERJA_SERVER_SERVICES_ACCESS_GUARD_H_
#define KINERJA_SERVER_SERVICES_ACCESS_GUARD_H_

#include <string>

#include <grpcpp/server_context.h>

#include "absl/strings/str_cat.h"
#include "server/auth/authenticator.h"
#include "server/auth/authorizer.h"
#include "server/auth/policy_table.h"
#include "server/core/executor.h"
#include "server/services/call_runner.h"
#include "server/storage/audit_store.h"

namespace kinerja::services {

// The full gRPC method name of the enclosing handler, e.g. "/kinerja.v1.DirectoryService/GetEmployee"
// inside DirectoryServiceImpl::GetEmployee. Built once per handler.
#define KINERJA_METHOD(service)                                                       \
  ([](const char* handler) -> const std::string& {                                    \
    static const std::string name = std::string("/kinerja.v1.") + service + "/" + handler; \
    return name;                                                                      \
  })(__func__)

struct CallInfo {
  const auth::Principal& principal;
  const auth::MethodPolicy& policy;
  storage::AuditContext audit;  // actor, method, request id
};

// Reads the credentials and the request id of a call.
auth::Credentials CredentialsOf(const grpc::ServerContextBase& ctx);
std::string RequestIdOf(const grpc::ServerContextBase& ctx);

class AccessGuard {
 public:
  // skip_authorization: benchmark mode only (ServerOptions::benchmark_skip_authorization): every
  // call runs as an administrator without looking at credentials or the policy.
  AccessGuard(auth::Authenticator& authenticator, core::BoundedExecutor& executor,
              bool skip_authorization = false)
      : authenticator_(authenticator), executor_(executor), skip_(skip_authorization) {}

  // Admission on gRPC's own thread, for hot paths: the caller and `method`'s policy when the
  // caller's credentials are cached and the policy admits them; nullopt otherwise, and then Run
  // decides (authenticating on a worker), so every refusal stays Run's.
  struct Admitted {
    auth::Principal principal;
    const auth::MethodPolicy& policy;
  };
  std::optional<Admitted> AdmitFromCache(const grpc::ServerContextBase& ctx,
                                         const std::string& method);

  // fn: absl::Status(const CallInfo&, absl::Time deadline), filling the response it captured.
  template <typename Fn>
  grpc::ServerUnaryReactor* Run(grpc::CallbackServerContext* ctx, const std::string& method, Fn fn,
                                absl::Duration fallback = absl::Seconds(30)) {
    const auth::MethodPolicy* policy = auth::FindPolicy(method);
    if (policy == nullptr) {
      return FinishNow(ctx, absl::InternalError(absl::StrCat("no access policy for ", method)));
    }
    return RunOnExecutor(
        ctx, executor_,
        [this, policy, creds = CredentialsOf(*ctx), request_id = RequestIdOf(*ctx),
         fn = std::move(fn)](absl::Time deadline) mutable -> absl::Status {
          auto principal = Authorize(*policy, creds, deadline);
          if (!principal.ok()) return principal.status();
          CallInfo call{*principal, *policy,
                        storage::AuditContext{principal->account, policy->method, request_id}};
          return fn(call, deadline);
        },
        fallback);
  }

  // The first two steps of every call, for handlers that cannot use Run (server streaming):
  // authenticates `creds` and admits the caller by `policy` (auth::Admit). Blocking (it may read the
  // database): call it on the executor. Run uses it too, so both shapes follow one rule.
  absl::StatusOr<auth::Principal> Authorize(const auth::MethodPolicy& policy,
                                            const auth::Credentials& creds, absl::Time deadline);

  auth::Authenticator& authenticator() { return authenticator_; }

 private:
  static auth::Principal BenchmarkPrincipal();

  auth::Authenticator& authenticator_;
  core::BoundedExecutor& executor_;
  const bool skip_;
};

}  // namespace kinerja::services

#endif  // KINERJA_SERVER_SERVICES_ACCESS_GUARD_H_
