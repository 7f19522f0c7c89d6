// The source of a StreamRange over a server-streaming RPC. The call starts at the first read; a
// failure before the first message is retried like a unary read (for an idempotent method), a
// failure after it ends the range. Destroying the source part-way cancels the call, drains what
// is in flight and finishes it, so nothing of the call outlives the range.
#ifndef KINERJA_CLIENT_SDK_SRC_SERVER_STREAM_SOURCE_H_
#define KINERJA_CLIENT_SDK_SRC_SERVER_STREAM_SOURCE_H_

#include <grpcpp/client_context.h>
#include <grpcpp/support/sync_stream.h>

#include <functional>
#include <memory>
#include <string>
#include <utility>

#include "absl/status/statusor.h"
#include "absl/types/optional.h"
#include "client_sdk/src/call_runner.h"
#include "kinerja/sdk/status.h"
#include "kinerja/sdk/stream_range.h"

namespace kinerja::sdk::internal {

template <typename Request, typename T>
class ServerStreamSource final : public RangeSource<T> {
 public:
  // Starts the call on `context` (e.g. a lambda calling stub->ExportEmployees).
  using Open = std::function<std::unique_ptr<grpc::ClientReaderInterface<T>>(
      grpc::ClientContext* context, const Request& request)>;

  ServerStreamSource(std::shared_ptr<const CallRunner> runner, bool idempotent, Request request,
                     Open open)
      : runner_(std::move(runner)),
        idempotent_(idempotent),
        request_(std::move(request)),
        open_(std::move(open)) {}

  ~ServerStreamSource() override {
    if (reader_ == nullptr) return;
    context_->TryCancel();
    T discarded;
    while (reader_->Read(&discarded)) {
    }
    (void)reader_->Finish();
  }

  absl::optional<absl::StatusOr<T>> Next() override {
    if (finished_) return absl::nullopt;
    if (reader_ == nullptr) return Start();
    T item;
    if (reader_->Read(&item)) return absl::StatusOr<T>(std::move(item));
    return End(reader_->Finish());
  }

 private:
  // Opens the call (with retries) and reads its first message.
  absl::optional<absl::StatusOr<T>> Start() {
    absl::optional<absl::StatusOr<T>> first;
    absl::Status status = runner_->RunStreamStart(
        idempotent_, /*request_id=*/"",
        [&](std::unique_ptr<grpc::ClientContext> context) -> absl::Status {
          std::unique_ptr<grpc::ClientReaderInterface<T>> reader = open_(context.get(), request_);
          T item;
          if (reader->Read(&item)) {
            context_ = std::move(context);
            reader_ = std::move(reader);
            first = absl::StatusOr<T>(std::move(item));
            return absl::OkStatus();
          }
          return FromGrpcStatus(reader->Finish());  // OK: an empty stream
        });
    if (first.has_value()) return first;
    finished_ = true;
    if (status.ok()) return absl::nullopt;
    return absl::StatusOr<T>(status);
  }

  absl::optional<absl::StatusOr<T>> End(const grpc::Status& status) {
    finished_ = true;
    reader_.reset();
    context_.reset();
    if (status.ok()) return absl::nullopt;
    return absl::StatusOr<T>(FromGrpcStatus(status));
  }

  std::shared_ptr<const CallRunner> runner_;
  bool idempotent_;
  Request request_;
  Open open_;
  std::unique_ptr<grpc::ClientContext> context_;  // outlives reader_ (declared first)
  std::unique_ptr<grpc::ClientReaderInterface<T>> reader_;
  bool finished_ = false;
};

}  // namespace kinerja::sdk::internal

#endif  // KINERJA_CLIENT_SDK_SRC_SERVER_STREAM_SOURCE_H_
