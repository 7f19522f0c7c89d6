#include "gateway/server/http_server.h"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace kinerja::gateway {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

std::string HttpRequest::Header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? "" : it->second;
}

namespace {

std::chrono::nanoseconds Chrono(absl::Duration d) { return absl::ToChronoNanoseconds(d); }

// The requests being served. A busy session is held here, not by the handler's `respond`
// callback, so that its last reference is always dropped on an I/O thread (or by Shutdown, after the
// I/O threads are gone): a callback that a gRPC thread destroys late must not destroy a session whose
// io_context may be gone. `open` turns false when Shutdown gives up on what is still in flight; a
// response that arrives later is dropped. A thread that works on a session from outside its I/O
// threads does so between Enter() and Leave(), and Shutdown waits for it before stopping the I/O.
class Session;
struct InFlight {
  std::mutex mu;
  std::condition_variable cv;
  std::unordered_map<const Session*, std::shared_ptr<Session>> sessions;
  std::atomic<bool> open{true};
  std::atomic<int> entered{0};

  bool Enter() {
    entered.fetch_add(1);  // both sequentially consistent: Close() sees this, or this sees Close()
    if (open.load()) return true;
    entered.fetch_sub(1);
    return false;
  }
  void Leave() { entered.fetch_sub(1); }
  void Close() {
    open.store(false);
    while (entered.load() > 0) std::this_thread::yield();
  }

  void Add(std::shared_ptr<Session> s) {
    std::lock_guard<std::mutex> l(mu);
    const Session* key = s.get();
    sessions.emplace(key, std::move(s));
  }
  // Returns the reference it held, for the caller to drop outside the lock.
  std::shared_ptr<Session> Remove(const Session* s) {
    std::lock_guard<std::mutex> l(mu);
    auto it = sessions.find(s);
    if (it == sessions.end()) return nullptr;
    std::shared_ptr<Session> held = std::move(it->second);
    sessions.erase(it);
    cv.notify_all();
    return held;
  }
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, const HttpServerOptions& options, const Handler& handler,
          std::shared_ptr<InFlight> in_flight, std::atomic<bool>& stopping)
      : stream_(std::move(socket)),
        options_(options),
        handler_(handler),
        in_flight_(std::move(in_flight)),
        stopping_(stopping) {
    beast::error_code ec;
    auto ep = stream_.socket().remote_endpoint(ec);
    if (!ec) peer_ = absl::StrCat(ep.address().to_string(), ":", ep.port());
  }
  ~Session() {
    if (body_) body_->Cancel();  // e.g. abandoned by Shutdown mid-stream
  }

  void Start() { Read(); }
  auto executor() { return stream_.get_executor(); }

 private:
  void Read() {
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(options_.max_header_bytes));
    parser_->body_limit(options_.max_body_bytes);
    stream_.expires_after(Chrono(first_ ? options_.read_timeout : options_.idle_timeout));
    first_ = false;
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code ec, size_t) { self->OnRead(ec); });
  }

  void OnRead(beast::error_code ec) {
    if (ec == http::error::end_of_stream || ec == beast::error::timeout ||
        ec == asio::error::operation_aborted) {
      return Close();
    }
    if (ec == http::error::header_limit) return Fail(431, "request header fields too large");
    if (ec == http::error::body_limit) return Fail(413, "request body too large");
    if (ec) return Fail(400, "malformed HTTP request");
    Busy(true);
    auto& req = parser_->get();
    keep_alive_ = req.keep_alive() && !stopping_.load();
    version_ = req.version();
    HttpRequest request;
    request.method = std::string(req.method_string());
    request.target = std::string(req.target());
    for (const auto& field : req) {
      request.headers.emplace(absl::AsciiStrToLower(std::string(field.name_string())),
                              std::string(field.value()));
    }
    request.body = std::move(req.body());
    request.peer = peer_;
    request.secure = request.Header("x-forwarded-proto") == "https";
    stream_.expires_never();
    handler_(std::move(request), [poster = Poster()](HttpResponse response) {
      poster([response = std::move(response)](Session& self) mutable {
        self.Write(std::move(response));
      });
    });
  }

  // Runs `fn` on this connection's I/O thread, from any thread, unless the session is gone or the
  // server has stopped waiting for it: at once when called on that thread (a completion of the
  // worker's own backend connection, or an answer made while handling the request), else queued to
  // it (a gRPC completion, typically). Holds the session only weakly: while it is busy, in_flight
  // holds it (see InFlight).
  std::function<void(std::function<void(Session&)>)> Poster() {
    return [weak = weak_from_this(), in_flight = in_flight_](std::function<void(Session&)> fn) {
      if (!in_flight->Enter()) return;
      if (std::shared_ptr<Session> self = weak.lock()) {
        auto executor = self->stream_.get_executor();
        asio::dispatch(executor, [self = std::move(self), fn = std::move(fn)]() { fn(*self); });
      }
      in_flight->Leave();
    };
  }

  void Busy(bool busy) {
    if (busy == busy_) return;
    busy_ = busy;
    if (busy) {
      in_flight_->Add(shared_from_this());
    } else {
      std::shared_ptr<Session> held = in_flight_->Remove(this);  // dropped by the caller's `self`
    }
  }

  void Fail(int status, const char* message) {
    Busy(true);
    keep_alive_ = false;
    HttpResponse r;
    r.status = status;
    r.headers.push_back({"content-type", "application/json"});
    r.body = absl::StrCat("{\"code\":3,\"message\":\"", message, "\"}");
    Write(std::move(r));
  }

  void Write(HttpResponse r) {
    if (r.stream) return WriteStream(std::move(r));
    keep_alive_ = keep_alive_ && !stopping_.load();  // a server stopping closes after this answer
    if (r.head_only) {
      auto res = std::make_shared<http::response<http::empty_body>>();
      Prepare(*res, r);
      res->content_length(r.body.size());  // what GET would send
      return Send(res);
    }
    auto res = std::make_shared<http::response<http::string_body>>();
    Prepare(*res, r);
    res->body() = std::move(r.body);
    res->prepare_payload();
    Send(res);
  }

  template <class Body>
  void Prepare(http::response<Body>& res, const HttpResponse& r) {
    res.version(version_);
    res.result(static_cast<unsigned>(r.status));
    res.set(http::field::server, "kinerja-gateway");
    for (const auto& [k, v] : r.headers) res.insert(k, v);
    res.keep_alive(keep_alive_);
  }

  template <class Response>
  void Send(std::shared_ptr<Response> res) {
    stream_.expires_after(Chrono(options_.read_timeout));
    http::async_write(stream_, *res,
                      [self = shared_from_this(), res](beast::error_code ec, size_t) {
                        self->Busy(false);
                        if (ec || !self->keep_alive_ || self->stopping_.load()) {
                          return self->Close();
                        }
                        self->Read();
                      });
  }

  // Server streaming: the header with chunked transfer encoding, then one chunk per piece the body
  // stream delivers, each asked for once the previous one is written, then the last chunk.
  // An HTTP/1.0 client knows no chunks: it gets the pieces as they come and the end of the body is
  // the end of the connection.
  void WriteStream(HttpResponse r) {
    body_ = std::move(r.stream);
    chunked_ = version_ >= 11;
    keep_alive_ = keep_alive_ && chunked_ && !stopping_.load();
    auto res = std::make_shared<http::response<http::empty_body>>();
    Prepare(*res, r);
    res->chunked(chunked_);
    auto serializer = std::make_shared<http::response_serializer<http::empty_body>>(*res);
    stream_.expires_after(Chrono(options_.read_timeout));
    http::async_write_header(stream_, *serializer,
                             [self = shared_from_this(), res, serializer](beast::error_code ec, size_t) {
                               if (ec) return self->StreamFailed();
                               self->PullPiece();
                             });
  }

  void PullPiece() {
    body_->Next([poster = Poster()](std::optional<std::string> piece) {
      poster([piece = std::move(piece)](Session& self) mutable { self.WritePiece(std::move(piece)); });
    });
  }

  void WritePiece(std::optional<std::string> piece) {
    stream_.expires_after(Chrono(options_.read_timeout));
    if (!piece && !chunked_) {
      body_.reset();
      Busy(false);
      return Close();
    }
    if (!piece) {
      return asio::async_write(stream_, http::make_chunk_last(),
                               [self = shared_from_this()](beast::error_code ec, size_t) {
                                 self->body_.reset();
                                 self->Busy(false);
                                 if (ec || !self->keep_alive_ || self->stopping_.load()) {
                                   return self->Close();
                                 }
                                 self->Read();
                               });
    }
    if (piece->empty()) return PullPiece();  // an empty chunk would end the body
    auto data = std::make_shared<std::string>(std::move(*piece));
    auto written = [self = shared_from_this(), data](beast::error_code ec, size_t) {
      if (ec) return self->StreamFailed();
      self->PullPiece();
    };
    if (chunked_) return asio::async_write(stream_, http::make_chunk(asio::buffer(*data)), written);
    asio::async_write(stream_, asio::buffer(*data), written);
  }

  void StreamFailed() {
    if (body_) body_->Cancel();
    body_.reset();
    Busy(false);
    Close();
  }

  void Close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  const HttpServerOptions& options_;
  const Handler& handler_;
  std::shared_ptr<InFlight> in_flight_;
  std::shared_ptr<BodyStream> body_;  // while a streamed body is being written
  std::atomic<bool>& stopping_;
  std::string peer_;
  bool keep_alive_ = false;
  bool first_ = true;
  bool busy_ = false;
  bool chunked_ = true;  // of the streamed body being written
  unsigned version_ = 11;
};

}  // namespace

// One io_context per I/O thread: a connection lives on one thread from accept to close, so its
// handlers never run side by side (no strand needed) and an answer produced on that thread is
// written at once, without waking another.
struct HttpServer::Impl {
  Impl(HttpServerOptions o, Handler h) : options(std::move(o)), handler(std::move(h)) {
    const int n = std::max(1, options.threads);
    for (int i = 0; i < n; ++i) ios.push_back(std::make_unique<asio::io_context>(1));
    acceptor.emplace(*ios[0]);
  }

  void Accept() {
    asio::io_context& io = *ios[next_io++ % ios.size()];
    acceptor->async_accept(io, [this](beast::error_code ec, tcp::socket socket) {
      if (ec) return;  // closed
      if (stopping.load()) return;
      auto session =
          std::make_shared<Session>(std::move(socket), options, handler, in_flight, stopping);
      auto executor = session->executor();
      asio::post(executor, [session = std::move(session)] { session->Start(); });
      Accept();
    });
  }

  HttpServerOptions options;
  Handler handler;
  std::vector<std::unique_ptr<asio::io_context>> ios;
  // Keep the I/O threads running while a request waits for its handler with nothing else pending
  // (after Shutdown has closed the acceptor, for instance).
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> work;
  std::optional<tcp::acceptor> acceptor;  // on the first io_context
  size_t next_io = 0;                     // used on the acceptor's thread only
  std::vector<std::thread> threads;
  std::shared_ptr<InFlight> in_flight = std::make_shared<InFlight>();
  std::atomic<bool> stopping{false};
  int port = 0;
};

HttpServer::HttpServer(HttpServerOptions options, Handler handler)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler))) {}

HttpServer::~HttpServer() { Shutdown(absl::Seconds(5)); }

absl::Status HttpServer::Start() {
  beast::error_code ec;
  auto address = asio::ip::make_address(impl_->options.host, ec);
  if (ec) return absl::InvalidArgumentError(absl::StrCat("bad listen address ", impl_->options.host));
  tcp::endpoint endpoint(address, static_cast<unsigned short>(impl_->options.port));
  tcp::acceptor& acceptor = *impl_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return absl::UnavailableError(absl::StrCat("cannot listen on ", impl_->options.host, ":",
                                               impl_->options.port, ": ", ec.message()));
  }
  impl_->port = acceptor.local_endpoint().port();
  for (auto& io : impl_->ios) impl_->work.push_back(asio::make_work_guard(*io));
  impl_->Accept();
  for (size_t i = 0; i < impl_->ios.size(); ++i) {
    impl_->threads.emplace_back([this, i] {
      asio::io_context& io = *impl_->ios[i];
      if (impl_->options.worker_started) impl_->options.worker_started(static_cast<int>(i), io);
      io.run();
      if (impl_->options.worker_stopping) impl_->options.worker_stopping(static_cast<int>(i));
    });
  }
  return absl::OkStatus();
}

int HttpServer::port() const { return impl_->port; }

void HttpServer::Shutdown(absl::Duration grace) {
  if (impl_->threads.empty()) return;
  impl_->stopping.store(true);
  // On the acceptor's thread, where its accept handler runs: never beside it on another thread.
  asio::post(impl_->acceptor->get_executor(), [this] {
    beast::error_code ignored;
    impl_->acceptor->close(ignored);
  });
  {
    // Sessions finish the request they are serving, then close (keep-alive is off once stopping).
    // Past the grace period, answers still to come are dropped.
    std::unique_lock<std::mutex> lock(impl_->in_flight->mu);
    impl_->in_flight->cv.wait_for(lock, absl::ToChronoNanoseconds(grace),
                                  [this] { return impl_->in_flight->sessions.empty(); });
  }
  impl_->in_flight->Close();
  impl_->work.clear();
  for (auto& io : impl_->ios) io->stop();
  for (auto& t : impl_->threads) t.join();
  // Abandoned sessions go now, while their io_context still exists.
  std::unordered_map<const Session*, std::shared_ptr<Session>> abandoned;
  {
    std::lock_guard<std::mutex> lock(impl_->in_flight->mu);
    abandoned.swap(impl_->in_flight->sessions);
  }
  abandoned.clear();
  impl_->threads.clear();
}

}  // namespace kinerja::gateway
