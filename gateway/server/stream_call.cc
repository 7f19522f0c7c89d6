#include "gateway/server/stream_call.h"

#include <utility>

#include "gateway/server/api_response.h"
#include "gateway/transcoder/response_writer.h"

namespace kinerja::gateway {
namespace {

constexpr char kNdjson[] = "application/x-ndjson";



}  // namespace

void StreamCall::Start(GrpcBackend& backend, const transcoder::Route& route, std::string request,
                       Metadata metadata, absl::Duration timeout,
                       std::function<void(HttpResponse)> respond) {
  auto call = std::make_shared<StreamCall>(route, std::move(respond));
  call->self_ = call;
  call->context_.set_deadline(absl::ToChronoTime(absl::Now() + timeout));
  for (auto& [k, v] : metadata) call->context_.AddMetadata(k, v);
  grpc::Slice slice(request);
  call->request_ = grpc::ByteBuffer(&slice, 1);
  backend.StartStream(route.grpc_method, &call->context_, call.get());
  // The hold keeps the call open while a line waits for the HTTP client with no read outstanding,
  // so that Next may start the next read; it goes when the reads end or the call is cancelled.
  call->held_ = true;
  call->reading_ = true;
  call->AddHold();
  call->StartWriteLast(&call->request_, grpc::WriteOptions());
  call->StartRead(&call->response_);
  call->StartCall();
}

void StreamCall::ReleaseHoldIf(bool release) {
  if (release) RemoveHold();
}

void StreamCall::OnReadDone(bool ok) {
  if (!ok) {  // the stream ended: OnDone follows once the hold is gone
    bool release;
    {
      std::lock_guard<std::mutex> l(mu_);
      reading_ = false;
      release = std::exchange(held_, false);
    }
    return ReleaseHoldIf(release);
  }
  bool cancelled = false;
  bool release = false;
  {
    std::lock_guard<std::mutex> l(mu_);
    if (cancelled_) {  // nobody wants this line: end the call
      cancelled = true;
      reading_ = false;
      release = std::exchange(held_, false);
    }
  }
  if (cancelled) return ReleaseHoldIf(release);
  std::string line;
  auto message = transcoder::ParseResponse(route_, ByteBufferToString(response_));
  absl::StatusOr<std::string> printed =
      message.ok() ? transcoder::StreamMessageLine(route_, **message) : message.status();
  if (!printed.ok()) {
    {
      std::lock_guard<std::mutex> l(mu_);
      reading_ = false;
      conversion_error_ = grpc::Status(grpc::StatusCode::INTERNAL,
                                       std::string("cannot print a response message: ") +
                                           std::string(printed.status().message()));
      release = std::exchange(held_, false);
    }
    context_.TryCancel();
    return ReleaseHoldIf(release);
  }
  line = *std::move(printed);
  std::function<void(HttpResponse)> respond;
  std::function<void(std::optional<std::string>)> deliver;
  {
    std::lock_guard<std::mutex> l(mu_);
    reading_ = false;
    if (respond_) {
      respond = std::move(respond_);
      respond_ = nullptr;
      pending_ = std::move(line);  // the HTTP side asks for it once the header is out
    } else if (waiting_ && held_) {
      deliver = std::move(waiting_);
      waiting_ = nullptr;
      reading_ = true;  // the line is taken: read the next message
    } else {
      pending_ = std::move(line);
    }
  }
  if (respond) {
    HttpResponse r = ApiResponse(200, "", kNdjson);
    r.stream = shared_from_this();
    return respond(std::move(r));
  }
  if (deliver) {
    StartRead(&response_);
    deliver(std::move(line));
  }
}

void StreamCall::Next(std::function<void(std::optional<std::string>)> deliver) {
  std::optional<std::string> piece;
  bool read_more = false;
  {
    std::lock_guard<std::mutex> l(mu_);
    if (pending_) {
      piece = std::move(pending_);
      pending_.reset();
      read_more = held_ && !reading_;  // the hold keeps the call open for this read
      reading_ = reading_ || read_more;
    } else if (done_) {
      piece = EndPieceLocked();
    } else {
      waiting_ = std::move(deliver);
      return;
    }
  }
  if (read_more) StartRead(&response_);
  deliver(std::move(piece));
}

void StreamCall::Cancel() {
  bool release;
  {
    std::lock_guard<std::mutex> l(mu_);
    cancelled_ = true;
    release = held_ && !reading_;  // an outstanding read releases it when it ends
    if (release) held_ = false;
  }
  context_.TryCancel();
  ReleaseHoldIf(release);
}

std::optional<std::string> StreamCall::EndPieceLocked() {
  if (status_.ok() || error_sent_) return std::nullopt;
  error_sent_ = true;
  return transcoder::StreamErrorLine(status_);
}

void StreamCall::OnDone(const grpc::Status& status) {
  std::shared_ptr<StreamCall> keep = std::move(self_);  // released when this returns
  std::function<void(HttpResponse)> respond;
  std::function<void(std::optional<std::string>)> deliver;
  std::optional<std::string> piece;
  {
    std::lock_guard<std::mutex> l(mu_);
    done_ = true;
    status_ = conversion_error_.ok() ? status : conversion_error_;
    if (respond_) {
      respond = std::move(respond_);
      respond_ = nullptr;
    } else if (waiting_) {
      deliver = std::move(waiting_);
      waiting_ = nullptr;
      piece = EndPieceLocked();
    }
  }
  if (respond) {
    if (!status_.ok()) {  // refused before any message: its own HTTP status
      return respond(ApiResponse(transcoder::ErrorResponse(status_)));
    }
    return respond(ApiResponse(200, "", kNdjson));  // an empty stream
  }
  if (deliver) deliver(std::move(piece));
}

}  // namespace kinerja::gateway
