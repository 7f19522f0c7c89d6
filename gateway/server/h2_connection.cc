#include "gateway/server/h2_connection.h"

#include <nghttp2/nghttp2.h>

#include <algorithm>
#include <cstring>

#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>

#include "absl/strings/str_cat.h"
#include "gateway/server/grpc_wire.h"

namespace kinerja::gateway {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {

constexpr size_t kMaxResponseBytes = 256u << 20;  // as the gRPC channel's receive limit
constexpr int32_t kStreamWindow = 8 << 20;        // per call, for responses
constexpr int32_t kConnectionWindow = 64 << 20;
constexpr size_t kReadBuffer = 64 << 10;

nghttp2_nv Header(const std::string& name, const std::string& value) {
  return nghttp2_nv{reinterpret_cast<uint8_t*>(const_cast<char*>(name.data())),
                    reinterpret_cast<uint8_t*>(const_cast<char*>(value.data())), name.size(),
                    value.size(), NGHTTP2_NV_FLAG_NONE};
}

BackendReply Failed(grpc::StatusCode code, std::string message) {
  BackendReply r;
  r.status = grpc::Status(code, std::move(message));
  return r;
}

}  // namespace

struct H2Connection::Stream {
  std::unique_ptr<H2Call> call;  // null once answered (e.g. on its deadline)
  std::string body;              // the framed request
  size_t sent = 0;
  int http_status = 0;
  std::string grpc_status, grpc_message, details_bin, request_id;
  std::string data;
  bool too_large = false;
};

struct H2Connection::Callbacks {
  static H2Connection& Self(void* p) { return *static_cast<H2Connection*>(p); }

  static int OnHeader(nghttp2_session*, const nghttp2_frame* frame, const uint8_t* name,
                      size_t namelen, const uint8_t* value, size_t valuelen, uint8_t, void* p) {
    if (frame->hd.type != NGHTTP2_HEADERS) return 0;
    auto it = Self(p).streams_.find(frame->hd.stream_id);
    if (it == Self(p).streams_.end()) return 0;
    Stream& s = *it->second;
    const absl::string_view n(reinterpret_cast<const char*>(name), namelen);
    const absl::string_view v(reinterpret_cast<const char*>(value), valuelen);
    if (n == ":status") {
      s.http_status = 0;
      for (char c : v) s.http_status = s.http_status * 10 + (c - '0');
    } else if (n == "grpc-status") {
      s.grpc_status = std::string(v);
    } else if (n == "grpc-message") {
      s.grpc_message = std::string(v);
    } else if (n == "grpc-status-details-bin") {
      s.details_bin = std::string(v);
    } else if (n == "x-request-id") {
      s.request_id = std::string(v);
    }
    return 0;
  }

  static int OnData(nghttp2_session* session, uint8_t, int32_t stream_id, const uint8_t* data,
                    size_t len, void* p) {
    auto it = Self(p).streams_.find(stream_id);
    if (it == Self(p).streams_.end()) return 0;
    Stream& s = *it->second;
    if (s.too_large) return 0;
    if (s.data.size() + len > kMaxResponseBytes) {
      s.too_large = true;
      s.data.clear();
      nghttp2_submit_rst_stream(session, NGHTTP2_FLAG_NONE, stream_id, NGHTTP2_CANCEL);
      return 0;
    }
    s.data.append(reinterpret_cast<const char*>(data), len);
    return 0;
  }

  static int OnStreamClose(nghttp2_session*, int32_t stream_id, uint32_t error_code, void* p) {
    auto it = Self(p).streams_.find(stream_id);
    if (it == Self(p).streams_.end()) return 0;
    std::unique_ptr<Stream> s = std::move(it->second);
    Self(p).streams_.erase(it);
    Self(p).Finish(*s, error_code);
    return 0;
  }

  static int OnFrame(nghttp2_session*, const nghttp2_frame* frame, void* p) {
    if (frame->hd.type == NGHTTP2_GOAWAY && !Self(p).going_away_) {
      Self(p).going_away_ = true;  // the server is stopping: new calls go elsewhere
      Self(p).NotifyChanged();
    }
    return 0;
  }

  static ssize_t ReadBody(nghttp2_session*, int32_t, uint8_t* buf, size_t length,
                          uint32_t* flags, nghttp2_data_source* source, void*) {
    Stream& s = *static_cast<Stream*>(source->ptr);
    const size_t n = std::min(length, s.body.size() - s.sent);
    std::memcpy(buf, s.body.data() + s.sent, n);
    s.sent += n;
    if (s.sent == s.body.size()) {
      *flags |= NGHTTP2_DATA_FLAG_EOF;
      std::string().swap(s.body);
    }
    return static_cast<ssize_t>(n);
  }
};

H2Connection::H2Connection(asio::io_context& io, tcp::endpoint endpoint, std::string authority,
                           std::function<void()> changed,
                           std::function<void(std::unique_ptr<H2Call>, const H2Connection*)> refused)
    : io_(io),
      socket_(io),
      endpoint_(std::move(endpoint)),
      authority_(std::move(authority)),
      changed_(std::move(changed)),
      refused_(std::move(refused)),
      in_(kReadBuffer) {}

H2Connection::~H2Connection() {
  if (session_ != nullptr) nghttp2_session_del(session_);
}

void H2Connection::Connect() {
  socket_.async_connect(endpoint_, [self = shared_from_this()](const boost::system::error_code& ec) {
    self->OnConnected(ec);
  });
}

void H2Connection::OnConnected(const boost::system::error_code& ec) {
  if (state_ != State::kConnecting) return;  // closed meanwhile
  if (ec) return Close(absl::StrCat("cannot connect: ", ec.message()));
  boost::system::error_code ignored;
  socket_.set_option(tcp::no_delay(true), ignored);
  nghttp2_session_callbacks* cbs = nullptr;
  nghttp2_session_callbacks_new(&cbs);
  nghttp2_session_callbacks_set_on_header_callback(cbs, &Callbacks::OnHeader);
  nghttp2_session_callbacks_set_on_data_chunk_recv_callback(cbs, &Callbacks::OnData);
  nghttp2_session_callbacks_set_on_stream_close_callback(cbs, &Callbacks::OnStreamClose);
  nghttp2_session_callbacks_set_on_frame_recv_callback(cbs, &Callbacks::OnFrame);
  const int rv = nghttp2_session_client_new(&session_, cbs, this);
  nghttp2_session_callbacks_del(cbs);
  if (rv != 0) return Close("cannot start an HTTP/2 session");
  const nghttp2_settings_entry settings[] = {{NGHTTP2_SETTINGS_ENABLE_PUSH, 0},
                                             {NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE, kStreamWindow}};
  nghttp2_submit_settings(session_, NGHTTP2_FLAG_NONE, settings, 2);
  nghttp2_session_set_local_window_size(session_, NGHTTP2_FLAG_NONE, 0, kConnectionWindow);
  state_ = State::kReady;
  Read();
  Flush();
  NotifyChanged();
}

void H2Connection::Start(std::unique_ptr<H2Call> call) {
  auto s = std::make_unique<Stream>();
  s->body = wire::FrameMessage(call->request);
  const std::string timeout = wire::EncodeTimeout(call->deadline - absl::Now());
  static const std::string kMethod = ":method", kPost = "POST", kScheme = ":scheme",
                           kHttp = "http", kPath = ":path", kAuthority = ":authority",
                           kContentType = "content-type", kGrpc = "application/grpc", kTe = "te",
                           kTrailers = "trailers", kTimeout = "grpc-timeout",
                           kUserAgent = "user-agent", kAgent = "kinerja-gateway";
  std::vector<nghttp2_nv> headers = {
      Header(kMethod, kPost),         Header(kScheme, kHttp),
      Header(kPath, call->method),    Header(kAuthority, authority_),
      Header(kContentType, kGrpc),    Header(kTe, kTrailers),
      Header(kTimeout, timeout),      Header(kUserAgent, kAgent)};
  for (const auto& [k, v] : call->metadata) headers.push_back(Header(k, v));
  s->call = std::move(call);
  nghttp2_data_provider body;
  body.source.ptr = s.get();
  body.read_callback = &Callbacks::ReadBody;
  const int32_t id =
      nghttp2_submit_request(session_, nullptr, headers.data(), headers.size(), &body, nullptr);
  if (id < 0) {
    // Out of stream ids (a very long-lived connection) or a broken session: this call goes
    // elsewhere, and the connection takes no more.
    going_away_ = true;
    to_refuse_.push_back(std::move(s->call));
    RunCompletions();
    NotifyChanged();
    return;
  }
  streams_.emplace(id, std::move(s));
  ScheduleFlush();
}

void H2Connection::ExpireCalls(absl::Time now) {
  bool any = false;
  for (auto& [id, s] : streams_) {
    if (!s->call || s->call->deadline > now) continue;
    completed_.emplace_back(std::move(s->call),
                            Failed(grpc::StatusCode::DEADLINE_EXCEEDED, "the server did not answer in time"));
    nghttp2_submit_rst_stream(session_, NGHTTP2_FLAG_NONE, id, NGHTTP2_CANCEL);
    any = true;
  }
  if (!any) return;
  ScheduleFlush();
  RunCompletions();
}

void H2Connection::Finish(Stream& s, uint32_t http2_error) {
  if (!s.call) return;  // answered already
  // Not processed, so safe to send elsewhere: a stream refused (REFUSED_STREAM, or past a GOAWAY),
  // or CANCELLED by the server without an answer message. The gateway never cancels a call itself
  // but on its deadline (answered before), so a server's CANCELLED means it dropped the call unstarted:
  // gRPC does so with calls not yet started when it stops, and Kinerja's server with calls
  // cancelled while queued (services/call_runner.h). The SDK retries CANCELLED by the same reasoning.
  const bool refused = http2_error == NGHTTP2_REFUSED_STREAM && s.grpc_status.empty();
  const bool dropped = s.grpc_status == "1" && s.data.empty();
  if ((refused || dropped) && !s.call->retried) {
    to_refuse_.push_back(std::move(s.call));
    return;
  }
  BackendReply reply;
  if (s.too_large) {
    reply.status = grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED,
                                absl::StrCat("the server's response exceeds ", kMaxResponseBytes, " bytes"));
  } else if (s.grpc_status.empty() && http2_error != NGHTTP2_NO_ERROR) {
    reply.status = grpc::Status(grpc::StatusCode::UNAVAILABLE,
                                absl::StrCat("the server reset the call (HTTP/2 error ",
                                             nghttp2_http2_strerror(http2_error), ")"));
  } else {
    reply.status = wire::ResponseStatus(s.http_status, s.grpc_status, s.grpc_message, s.details_bin);
    if (reply.status.ok()) {
      auto message = wire::UnframeUnaryMessage(s.data);
      if (message.ok()) {
        reply.response = std::move(*message);
      } else {
        reply.status = grpc::Status(grpc::StatusCode::INTERNAL, std::string(message.status().message()));
      }
    }
  }
  if (!s.request_id.empty()) reply.initial_metadata.emplace_back("x-request-id", s.request_id);
  completed_.emplace_back(std::move(s.call), std::move(reply));
}

void H2Connection::Read() {
  socket_.async_read_some(
      asio::buffer(in_), [self = shared_from_this()](const boost::system::error_code& ec, size_t n) {
        if (self->state_ == State::kClosed) return;
        if (ec) {
          return self->Close(ec == asio::error::eof ? "the server closed the connection"
                                                    : absl::StrCat("connection lost: ", ec.message()));
        }
        const ssize_t rv = nghttp2_session_mem_recv(self->session_, self->in_.data(), n);
        if (rv < 0) {
          return self->Close(absl::StrCat("HTTP/2 protocol error: ", nghttp2_strerror(static_cast<int>(rv))));
        }
        self->RunCompletions();
        if (self->state_ == State::kClosed) return;
        self->Flush();  // acknowledgements and window updates
        if (!nghttp2_session_want_read(self->session_) && !nghttp2_session_want_write(self->session_)) {
          return self->Close("the server ended the connection");
        }
        self->Read();
      });
}

void H2Connection::ScheduleFlush() {
  if (flush_scheduled_) return;
  flush_scheduled_ = true;
  // After the other handlers ready in this turn of the loop: their calls leave in the same send.
  asio::post(io_, [self = shared_from_this()] {
    self->flush_scheduled_ = false;
    self->Flush();
  });
}

void H2Connection::Flush() {
  if (writing_ || state_ != State::kReady) return;
  while (true) {
    const uint8_t* data = nullptr;
    const ssize_t n = nghttp2_session_mem_send(session_, &data);
    if (n < 0) return Close(absl::StrCat("HTTP/2 error: ", nghttp2_strerror(static_cast<int>(n))));
    if (n == 0) break;
    out_.append(reinterpret_cast<const char*>(data), static_cast<size_t>(n));
  }
  RunCompletions();  // e.g. calls refused while nghttp2 prepared them
  if (out_.empty() || state_ != State::kReady) return;
  writing_ = true;
  asio::async_write(socket_, asio::buffer(out_),
                    [self = shared_from_this()](const boost::system::error_code& ec, size_t) {
                      self->writing_ = false;
                      self->out_.clear();
                      if (self->state_ == State::kClosed) return;
                      if (ec) return self->Close(absl::StrCat("cannot send: ", ec.message()));
                      self->Flush();
                    });
}

void H2Connection::Close(const std::string& why) {
  if (state_ == State::kClosed) return;
  state_ = State::kClosed;
  boost::system::error_code ignored;
  socket_.close(ignored);
  const std::string message =
      absl::StrCat("server ", endpoint_.address().to_string(), ":", endpoint_.port(), ": ", why);
  for (auto& [id, s] : streams_) {
    if (s->call) completed_.emplace_back(std::move(s->call), Failed(grpc::StatusCode::UNAVAILABLE, message));
  }
  streams_.clear();
  RunCompletions();
  NotifyChanged();
}

void H2Connection::RunCompletions() {
  while (!completed_.empty() || !to_refuse_.empty()) {
    auto completed = std::move(completed_);
    completed_.clear();
    auto refused = std::move(to_refuse_);
    to_refuse_.clear();
    for (auto& [call, reply] : completed) call->done(std::move(reply));
    for (auto& call : refused) refused_(std::move(call), this);
  }
}

void H2Connection::NotifyChanged() {
  // Never inside a call the pool made into this connection: the pool may drop it.
  asio::post(io_, [self = shared_from_this()] { self->changed_(); });
}

}  // namespace kinerja::gateway
