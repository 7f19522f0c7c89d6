// StubCalls: how a default connection calls its generated stub, by kind of method - a read, a
// write without request_id, a write with one, a page of a list - each with its default
// idempotency (idempotency.h) and the caller's overrides.
#ifndef KINERJA_CLIENT_SDK_SRC_STUB_CALLS_H_
#define KINERJA_CLIENT_SDK_SRC_STUB_CALLS_H_

#include <google/protobuf/repeated_field.h>

#include <memory>
#include <utility>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "client_sdk/src/call_runner.h"
#include "client_sdk/src/paginated_source.h"
#include "kinerja/sdk/stream_range.h"

namespace kinerja::sdk::internal {

template <typename Stub>
class StubCalls {
 public:
  template <typename Request, typename Response>
  using StubMethod = grpc::Status (Stub::*)(grpc::ClientContext*, const Request&, Response*);

  // `service`: the full service name, e.g. "kinerja.v1.DirectoryService" (a string literal).
  StubCalls(absl::string_view service, std::shared_ptr<Stub> stub,
            std::shared_ptr<const CallRunner> runner)
      : service_(service), stub_(std::move(stub)), runner_(std::move(runner)) {}

  // A read (or another call that is safe to repeat): idempotent unless overridden.
  template <typename Request, typename Response>
  absl::StatusOr<Response> Read(StubMethod<Request, Response> method, absl::string_view name,
                                const Request& request) const {
    return CallUnary(*runner_, *stub_, method, IsIdempotent(name, true), "", request);
  }

  // A write without request_id: not idempotent unless overridden.
  template <typename Request, typename Response>
  absl::StatusOr<Response> Unsafe(StubMethod<Request, Response> method, absl::string_view name,
                                  const Request& request) const {
    return CallUnary(*runner_, *stub_, method, IsIdempotent(name, false), "", request);
  }

  // A write with request_id: given a new id when it has none; idempotent when it then has one,
  // unless overridden. The id also goes out as x-request-id, tying the server's log and audit
  // rows to it.
  template <typename Request, typename Response>
  absl::StatusOr<Response> Write(StubMethod<Request, Response> method, absl::string_view name,
                                 const Request& request) const {
    if (!request.request_id().empty()) {
      return CallUnary(*runner_, *stub_, method, IsIdempotent(name, true), request.request_id(),
                       request);
    }
    Request with_id = request;
    with_id.set_request_id(runner_->NewRequestId());
    return CallUnary(*runner_, *stub_, method, IsIdempotent(name, !with_id.request_id().empty()),
                     with_id.request_id(), with_id);
  }

  // A paginated list: a range that fetches each page (a read) when it is reached.
  template <typename Request, typename Response, typename T>
  PaginatedRange<T> Pages(StubMethod<Request, Response> method, absl::string_view name,
                          const Request& request,
                          google::protobuf::RepeatedPtrField<T>* (Response::*items)()) const {
    const bool idempotent = IsIdempotent(name, true);
    std::shared_ptr<Stub> stub = stub_;
    std::shared_ptr<const CallRunner> runner = runner_;
    return MakePaginatedRange<Request, Response, T>(
        request,
        [stub, runner, method, idempotent](const Request& page_request) {
          return CallUnary(*runner, *stub, method, idempotent, "", page_request);
        },
        items);
  }

  bool IsIdempotent(absl::string_view name, bool by_default) const {
    return runner_->IsIdempotent(service_, name, by_default);
  }
  const std::shared_ptr<Stub>& stub() const { return stub_; }
  const std::shared_ptr<const CallRunner>& runner() const { return runner_; }

 private:
  absl::string_view service_;
  std::shared_ptr<Stub> stub_;
  std::shared_ptr<const CallRunner> runner_;
};

}  // namespace kinerja::sdk::internal

#endif  // KINERJA_CLIENT_SDK_SRC_STUB_CALLS_H_
