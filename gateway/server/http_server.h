// The gateway's HTTP/1.1 server on Boost.Beast: keep-alive, limits on header and body size,
// timeouts for slow clients, and a graceful stop that lets requests in flight finish.
// It knows nothing of gRPC: every request goes to a Handler.
#ifndef KINERJA_GATEWAY_SERVER_HTTP_SERVER_H_
#define KINERJA_GATEWAY_SERVER_HTTP_SERVER_H_

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"

namespace boost::asio {
class io_context;
}  // namespace boost::asio

namespace kinerja::gateway {

struct HttpRequest {
  std::string method;  // "GET", "POST", ...
  std::string target;  // path and query, as sent
  std::multimap<std::string, std::string> headers;  // names in lower case
  std::string body;
  std::string peer;    // "ip:port"
  bool secure = false;  // arrived over TLS (a terminating proxy sets X-Forwarded-Proto)

  // The first value of a header (lower-case name), or "".
  std::string Header(const std::string& name) const;
};

// A body produced piece by piece (server streaming), sent with chunked transfer encoding.
class BodyStream {
 public:
  virtual ~BodyStream() = default;
  // Asks for the next piece. `deliver` runs exactly once, on any thread, with the piece, or with
  // std::nullopt after the last one. The server asks again only when the previous piece is written,
  // so a slow client slows the producer instead of filling memory.
  virtual void Next(std::function<void(std::optional<std::string>)> deliver) = 0;
  // No more pieces are wanted (the client went away, a write failed, or the server is stopping).
  virtual void Cancel() = 0;
};

struct HttpResponse {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::shared_ptr<BodyStream> stream;  // when set, the body comes from here and `body` is ignored
  // An answer to HEAD: the headers (Content-Length included) of `body`, without the body itself.
  bool head_only = false;
};

// Handles a request and calls `respond` exactly once, from any thread, when the answer is ready;
// it must not block (the gRPC call behind it is asynchronous).
using Handler =
    std::function<void(HttpRequest request, std::function<void(HttpResponse)> respond)>;

struct HttpServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                      // 0: pick a free port
  int threads = 2;                      // I/O threads, each with its own io_context
  size_t max_header_bytes = 16 * 1024;  // larger: 431
  size_t max_body_bytes = 64u << 20;    // larger: 413
  absl::Duration read_timeout = absl::Seconds(30);  // for one whole request
  absl::Duration idle_timeout = absl::Seconds(60);  // between requests on a kept-alive connection
  // Called on each I/O thread before it serves (with its index and io_context), and after it has
  // stopped: where per-thread state, such as connections to the servers, is made and dropped.
  std::function<void(int, boost::asio::io_context&)> worker_started;
  std::function<void(int)> worker_stopping;
};

class HttpServer {
 public:
  HttpServer(HttpServerOptions options, Handler handler);
  ~HttpServer();

  // Binds and starts the I/O threads.
  absl::Status Start();
  int port() const;

  // Stops accepting, lets requests in flight finish (up to `grace`), then closes everything.
  void Shutdown(absl::Duration grace);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kinerja::gateway

#endif  // KINERJA_GATEWAY_SERVER_HTTP_SERVER_H_
