#include "server/core/admin_http.h"

#include <thread>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "absl/strings/str_cat.h"

namespace kinerja::core {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, const AdminHandlers& handlers)
      : stream_(std::move(socket)), handlers_(handlers) {}

  void Run() {
    stream_.expires_after(std::chrono::seconds(5));
    http::async_read(stream_, buffer_, request_,
                     [self = shared_from_this()](beast::error_code ec, size_t) {
                       if (!ec) self->Respond();
                     });
  }

 private:
  void Respond() {
    response_.version(request_.version());
    response_.keep_alive(false);
    response_.set(http::field::server, "kinerja-admin");
    const std::string target(request_.target());
    const std::string path = target.substr(0, target.find('?'));
    if (request_.method() != http::verb::get && request_.method() != http::verb::head) {
      Set(http::status::method_not_allowed, "text/plain", "method not allowed\n");
    } else if (path == "/healthz") {
      Set(http::status::ok, "text/plain", "ok\n");
    } else if (path == "/readyz") {
      absl::Status st = handlers_.ready ? handlers_.ready() : absl::OkStatus();
      if (st.ok()) {
        Set(http::status::ok, "text/plain", "ready\n");
      } else {
        Set(http::status::service_unavailable, "text/plain",
            absl::StrCat("not ready: ", st.message(), "\n"));
      }
    } else if (path == "/metrics") {
      Set(http::status::ok, "text/plain; version=0.0.4",
          handlers_.metrics ? handlers_.metrics() : "");
    } else {
      Set(http::status::not_found, "text/plain", "not found\n");
    }
    response_.prepare_payload();
    http::async_write(stream_, response_, [self = shared_from_this()](beast::error_code, size_t) {
      beast::error_code ignored;
      self->stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    });
  }

  void Set(http::status status, const char* type, std::string body) {
    response_.result(status);
    response_.set(http::field::content_type, type);
    response_.body() = std::move(body);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  http::request<http::string_body> request_;
  http::response<http::string_body> response_;
  const AdminHandlers& handlers_;
};

}  // namespace

struct AdminHttpServer::Impl {
  Impl(std::string h, int p, AdminHandlers hs)
      : host(std::move(h)), port(p), handlers(std::move(hs)), acceptor(io) {}

  void Accept() {
    acceptor.async_accept([this](beast::error_code ec, tcp::socket socket) {
      if (ec) return;  // closed
      std::make_shared<Session>(std::move(socket), handlers)->Run();
      Accept();
    });
  }

  std::string host;
  int port;
  AdminHandlers handlers;
  asio::io_context io;
  tcp::acceptor acceptor;
  std::thread thread;
};

AdminHttpServer::AdminHttpServer(std::string host, int port, AdminHandlers handlers)
    : impl_(std::make_unique<Impl>(std::move(host), port, std::move(handlers))) {}

AdminHttpServer::~AdminHttpServer() { Stop(); }

absl::Status AdminHttpServer::Start() {
  beast::error_code ec;
  auto address = asio::ip::make_address(impl_->host, ec);
  if (ec) return absl::InvalidArgumentError(absl::StrCat("bad admin address ", impl_->host));
  tcp::endpoint endpoint(address, static_cast<unsigned short>(impl_->port));
  impl_->acceptor.open(endpoint.protocol(), ec);
  if (!ec) impl_->acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) impl_->acceptor.bind(endpoint, ec);
  if (!ec) impl_->acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return absl::UnavailableError(
        absl::StrCat("cannot listen on ", impl_->host, ":", impl_->port, ": ", ec.message()));
  }
  impl_->port = impl_->acceptor.local_endpoint().port();
  impl_->Accept();
  impl_->thread = std::thread([this] { impl_->io.run(); });
  return absl::OkStatus();
}

int AdminHttpServer::port() const { return impl_->port; }

void AdminHttpServer::Stop() {
  if (!impl_->thread.joinable()) return;
  asio::post(impl_->io, [this] {
    beast::error_code ignored;
    impl_->acceptor.close(ignored);
  });
  impl_->io.stop();
  impl_->thread.join();
}

}  // namespace kinerja::core
