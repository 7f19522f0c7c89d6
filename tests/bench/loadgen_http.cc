#include "tests/bench/loadgen_http.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include <boost/asio/connect.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "absl/strings/str_cat.h"

namespace kinerja::bench {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

constexpr size_t kMaxResponseBytes = 16u << 20;

class HttpLoop {
 public:
  explicit HttpLoop(const HttpLoadOptions& options) : options_(options) {}

  ~HttpLoop() {
    work_.reset();
    io_.stop();
    for (std::thread& t : threads_) t.join();
  }

  absl::StatusOr<Summary> Run() {
    if (options_.concurrency < 1) return absl::InvalidArgumentError("concurrency must be >= 1");
    if (options_.requests.empty()) return absl::InvalidArgumentError("no request to send");
    beast::error_code ec;
    tcp::resolver resolver(io_);
    const auto endpoints = resolver.resolve(options_.host, std::to_string(options_.port),
                                            tcp::resolver::numeric_service, ec);
    if (ec || endpoints.empty()) {
      return absl::UnavailableError(
          absl::StrCat("cannot resolve ", options_.host, ": ", ec.message()));
    }
    endpoint_ = endpoints.begin()->endpoint();
    // Every header but the request line, once: "Host: ...\r\n<headers>\r\n\r\n".
    const std::string host = endpoint_.address().is_v6()
                                 ? absl::StrCat("[", endpoint_.address().to_string(), "]")
                                 : endpoint_.address().to_string();
    tail_ = absl::StrCat(" HTTP/1.1\r\nHost: ", host, ":", options_.port, "\r\n");
    for (const auto& [k, v] : options_.headers) absl::StrAppend(&tail_, k, ": ", v, "\r\n");
    absl::StrAppend(&tail_, "\r\n");

    // Connections are opened before the clock starts, as the gRPC tool connects its channels first.
    for (size_t i = 0; i < options_.concurrency; ++i) {
      auto conn = std::make_unique<Conn>(asio::make_strand(io_));
      conn->index = i;
      conn->stream.connect(endpoint_, ec);
      if (ec) {
        return absl::UnavailableError(absl::StrCat("cannot connect to ", options_.host, ":",
                                                   options_.port, ": ", ec.message()));
      }
      conn->stream.socket().set_option(tcp::no_delay(true), ec);
      conns_.push_back(std::move(conn));
    }

    window_ = Window::After(Clock::now(), options_.warmup_s, options_.duration_s);
    active_ = conns_.size();
    for (auto& conn : conns_) {
      Conn* c = conn.get();
      asio::post(c->stream.get_executor(), [this, c] { Issue(*c); });
    }
    work_.emplace(io_.get_executor());
    for (int i = 0; i < std::max(1, options_.threads); ++i) {
      threads_.emplace_back([this] { io_.run(); });
    }

    const auto drain_by = window_.end + options_.deadline + std::chrono::seconds(10);
    {
      std::unique_lock<std::mutex> lock(mu_);
      if (!drained_.wait_until(lock, drain_by, [&] { return active_ == 0; })) {
        return absl::DeadlineExceededError(absl::StrCat(
            active_, " HTTP calls were still in flight long after their deadline"));
      }
    }
    std::vector<WorkerStats> stats;
    stats.reserve(conns_.size());
    Clock::time_point last{};
    for (auto& conn : conns_) {
      last = std::max(last, conn->stats.last_completion);
      stats.push_back(std::move(conn->stats));
    }
    const Clock::time_point until = stopped_by_bound_ ? last : window_.end;
    return Summarize(stats, window_, until);
  }

 private:
  // One connection; its handlers run on its own strand, one call at a time.
  struct Conn {
    explicit Conn(asio::strand<asio::io_context::executor_type> executor)
        : stream(std::move(executor)) {}
    size_t index = 0;
    beast::tcp_stream stream;
    beast::flat_buffer buffer;
    std::string request;
    std::optional<http::response_parser<http::string_body>> parser;
    const HttpRequestSpec* spec = nullptr;
    Clock::time_point started;
    bool reconnect = false;  // the last call failed or the server closed: open a new connection
    WorkerStats stats;
  };

  void Issue(Conn& c) {
    const Clock::time_point now = Clock::now();
    if (now >= window_.end) return Retire(c);
    if (options_.max_calls > 0 && now >= window_.start &&
        started_in_window_.fetch_add(1, std::memory_order_relaxed) >= options_.max_calls) {
      stopped_by_bound_ = true;
      return Retire(c);
    }
    const uint64_t seq = next_seq_.fetch_add(1, std::memory_order_relaxed);
    c.spec = &options_.requests[seq % options_.requests.size()];
    c.request.clear();
    absl::StrAppend(&c.request, "GET ", c.spec->target, tail_);
    c.started = Clock::now();
    c.stream.expires_after(options_.deadline);
    if (c.reconnect) {
      c.reconnect = false;
      beast::error_code ignored;
      c.stream.socket().close(ignored);
      c.buffer.consume(c.buffer.size());
      c.stream.async_connect(endpoint_, [this, &c](beast::error_code ec) {
        if (ec) return Finish(c, ec, nullptr);
        beast::error_code ignored;
        c.stream.socket().set_option(tcp::no_delay(true), ignored);
        Send(c);
      });
      return;
    }
    Send(c);
  }

  void Send(Conn& c) {
    asio::async_write(c.stream, asio::buffer(c.request), [this, &c](beast::error_code ec, size_t) {
      if (ec) return Finish(c, ec, nullptr);
      c.parser.emplace();
      c.parser->body_limit(kMaxResponseBytes);
      http::async_read(c.stream, c.buffer, *c.parser, [this, &c](beast::error_code ec, size_t) {
        Finish(c, ec, ec ? nullptr : &c.parser->get());
      });
    });
  }

  void Finish(Conn& c, beast::error_code ec, const http::response<http::string_body>* res) {
    const Clock::time_point finished = Clock::now();
    std::string kind;
    std::string message;
    if (ec) {
      kind = ec == beast::error::timeout ? "DEADLINE_EXCEEDED" : "IO";
      message = ec.message();
      c.reconnect = true;
    } else if (res->result_int() != 200) {
      kind = absl::StrCat("HTTP_", res->result_int());
      message = absl::StrCat(c.spec->target, ": ", res->body().substr(0, 300));
    } else if (!c.spec->expect_in_body.empty() &&
               res->body().find(c.spec->expect_in_body) == std::string::npos) {
      kind = "UNEXPECTED_BODY";
      message = absl::StrCat(c.spec->target, " lacks ", c.spec->expect_in_body, ": ",
                             res->body().substr(0, 300));
    }
    if (res != nullptr && !res->keep_alive()) c.reconnect = true;
    if (window_.Contains(finished)) {
      if (kind.empty()) {
        c.stats.RecordOk(c.started, finished);
      } else {
        c.stats.RecordError(finished, kind, message);
      }
    }
    Issue(c);  // completion handlers are never called inline: no recursion
  }

  void Retire(Conn& c) {
    beast::error_code ignored;
    c.stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    std::lock_guard<std::mutex> lock(mu_);
    if (--active_ == 0) drained_.notify_all();
  }

  const HttpLoadOptions& options_;
  asio::io_context io_;
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work_;
  std::vector<std::thread> threads_;
  tcp::endpoint endpoint_;
  std::string tail_;
  std::vector<std::unique_ptr<Conn>> conns_;
  Window window_;
  std::atomic<uint64_t> next_seq_{0};
  std::atomic<int64_t> started_in_window_{0};
  std::atomic<bool> stopped_by_bound_{false};
  std::mutex mu_;
  std::condition_variable drained_;
  size_t active_ = 0;
};

}  // namespace

absl::StatusOr<Summary> RunHttpClosedLoop(const HttpLoadOptions& options) {
  auto loop = std::make_unique<HttpLoop>(options);
  absl::StatusOr<Summary> summary = loop->Run();
  // Calls still in flight would call back into the loop: leave it alive, the caller exits.
  if (!summary.ok() && absl::IsDeadlineExceeded(summary.status())) {
    loop.release();  // NOLINT(bugprone-unused-return-value): deliberate leak
  }
  return summary;
}

}  // namespace kinerja::bench
