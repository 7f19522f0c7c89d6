// A server-streaming RPC through the gateway: the request goes out as the only message, each response
// message comes back as one line of newline-delimited JSON (transcoder::StreamMessageLine), read from
// the server only when the HTTP client has taken the previous line. The HTTP status waits for the
// first message: a call refused before any message gets its own status (403, 404, ...) like a unary
// call; an error after some messages ends the body with an {"error": ...} line, as grpc-gateway does.
#ifndef KINERJA_GATEWAY_SERVER_STREAM_CALL_H_
#define KINERJA_GATEWAY_SERVER_STREAM_CALL_H_

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include <grpcpp/grpcpp.h>

#include "absl/time/time.h"
#include "gateway/server/grpc_backend.h"
#include "gateway/server/http_server.h"
#include "gateway/server/web_session.h"
#include "gateway/transcoder/route_table.h"

namespace kinerja::gateway {

class StreamCall final : public grpc::ClientBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer>,
                         public BodyStream,
                         public std::enable_shared_from_this<StreamCall> {
 public:
  // Starts the call; `respond` runs once, with the stream (200) or with the error.
  static void Start(GrpcBackend& backend, const transcoder::Route& route, std::string request,
                    Metadata metadata, absl::Duration timeout,
                    std::function<void(HttpResponse)> respond);

  void Next(std::function<void(std::optional<std::string>)> deliver) override;
  void Cancel() override;

  // Public for std::make_shared only; use Start.
  StreamCall(const transcoder::Route& route, std::function<void(HttpResponse)> respond)
      : route_(route), respond_(std::move(respond)) {}

 private:
  void OnReadDone(bool ok) override;
  void OnDone(const grpc::Status& status) override;

  void ReleaseHoldIf(bool release);
  // The final piece after the last line: the error line once if the call failed, then nullopt.
  std::optional<std::string> EndPieceLocked();

  const transcoder::Route& route_;
  grpc::ClientContext context_;
  grpc::ByteBuffer request_;
  grpc::ByteBuffer response_;

  std::mutex mu_;
  std::function<void(HttpResponse)> respond_;  // until the first line or the end
  std::optional<std::string> pending_;         // a line read and not yet taken
  std::function<void(std::optional<std::string>)> waiting_;  // a Next with nothing to take yet
  bool held_ = false;     // the hold taken in Start is still there
  bool reading_ = false;  // a StartRead is outstanding
  bool cancelled_ = false;
  bool done_ = false;
  bool error_sent_ = false;
  grpc::Status status_;
  grpc::Status conversion_error_;  // a message that could not be printed cancels the call
  std::shared_ptr<StreamCall> self_;  // keeps the reactor alive until OnDone
};

}  // namespace kinerja::gateway

#endif  // KINERJA_GATEWAY_SERVER_STREAM_CALL_H_
