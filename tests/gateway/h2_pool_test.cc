// The gateway's own HTTP/2 client (H2Pool, H2Connection) against real gRPC servers on loopback,
// with a generic service standing in for Kinerja's: bytes and metadata both ways, statuses with
// their details, large answers, deadlines, round-robin, servers that stop, go away or come back.
#include "gateway/server/h2_pool.h"

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <grpcpp/generic/async_generic_service.h>
#include <grpcpp/grpcpp.h>

#include "absl/strings/str_cat.h"
#include "gateway/server/grpc_backend.h"
#include "gtest/gtest.h"

namespace kinerja::gateway {
namespace {

namespace asio = boost::asio;

// Answers any method by its name: Echo (the request; with x-want-auth, the authorization header),
// Fail (INVALID_ARGUMENT with a non-ASCII message and binary details), Big (as many bytes as the
// request says), Slow (the request after 1.5 s).
class TestReactor : public grpc::ServerGenericBidiReactor {
 public:
  TestReactor(grpc::GenericCallbackServerContext* ctx, std::atomic<int>& calls) : ctx_(ctx) {
    calls.fetch_add(1);
    StartRead(&request_);
  }
  void OnReadDone(bool ok) override {
    if (!ok) return Finish(grpc::Status(grpc::StatusCode::INTERNAL, "no request"));
    std::string in = ByteBufferToString(request_);
    const std::string& method = ctx_->method();
    const auto& md = ctx_->client_metadata();
    if (auto it = md.find("x-request-id"); it != md.end()) {
      ctx_->AddInitialMetadata("x-request-id", std::string(it->second.data(), it->second.size()));
    }
    std::string out = in;
    if (method == "/test.Svc/Fail") {
      return Finish(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "NIP \xC3\xA9 salah 100%",
                                 std::string("\x08\x03\x00\xff", 4)));
    }
    if (method == "/test.Svc/Echo" && md.count("x-want-auth")) {
      auto it = md.find("authorization");
      out = it == md.end() ? "" : std::string(it->second.data(), it->second.size());
    }
    if (method == "/test.Svc/Big") out = std::string(std::stoul(in), 'k');
    if (method == "/test.Svc/Slow") std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    grpc::Slice slice(out);
    response_ = grpc::ByteBuffer(&slice, 1);
    StartWriteAndFinish(&response_, grpc::WriteOptions(), grpc::Status::OK);
  }
  void OnDone() override { delete this; }

 private:
  grpc::GenericCallbackServerContext* ctx_;
  grpc::ByteBuffer request_, response_;
};

class TestService : public grpc::CallbackGenericService {
 public:
  grpc::ServerGenericBidiReactor* CreateReactor(grpc::GenericCallbackServerContext* ctx) override {
    return new TestReactor(ctx, calls);
  }
  std::atomic<int> calls{0};
};

// A gRPC server on a loopback port, which can be stopped and started again on the same port.
class TestServer {
 public:
  explicit TestServer(int port = 0) { Start(port); }
  ~TestServer() { Stop(); }
  void Start(int port) {
    grpc::ServerBuilder b;
    b.AddListeningPort(absl::StrCat("127.0.0.1:", port), grpc::InsecureServerCredentials(), &port_);
    b.RegisterCallbackGenericService(&service_);
    server_ = b.BuildAndStart();
    ASSERT_NE(server_, nullptr);
    ASSERT_GT(port_, 0);
  }
  void Stop(absl::Duration grace = absl::ZeroDuration()) {
    if (!server_) return;
    server_->Shutdown(std::chrono::system_clock::now() + absl::ToChronoNanoseconds(grace));
    server_->Wait();
    server_.reset();
  }
  int port() const { return port_; }
  std::string address() const { return absl::StrCat("127.0.0.1:", port_); }
  int calls() const { return service_.calls.load(); }

 private:
  TestService service_;
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
};

// A pool on its own I/O thread, as a gateway worker has it.
class PoolThread {
 public:
  explicit PoolThread(const std::string& targets) {
    auto parsed = ParseH2Targets(targets);
    EXPECT_TRUE(parsed.ok()) << parsed.status();
    pool_ = std::make_unique<H2Pool>(io_, *parsed);
    asio::post(io_, [this] { pool_->Start(); });
    thread_ = std::thread([this] { io_.run(); });
  }
  ~PoolThread() {
    std::promise<void> stopped;
    asio::post(io_, [&] {
      pool_->Stop();
      stopped.set_value();
    });
    stopped.get_future().wait();
    work_.reset();
    io_.stop();
    thread_.join();
  }

  // Starts a call from the pool's thread; the future gets its answer.
  std::future<BackendReply> Start(const std::string& method, std::string request,
                                  absl::Duration timeout = absl::Seconds(10),
                                  std::vector<std::pair<std::string, std::string>> md = {}) {
    auto promise = std::make_shared<std::promise<BackendReply>>();
    auto future = promise->get_future();
    asio::post(io_, [this, method, request = std::move(request), timeout, md = std::move(md),
                     promise]() mutable {
      auto call = std::make_unique<H2Call>();
      call->method = method;
      call->request = std::move(request);
      call->metadata = std::move(md);
      call->deadline = absl::Now() + timeout;
      const std::thread::id on = std::this_thread::get_id();
      call->done = [promise, on](BackendReply r) {
        EXPECT_EQ(std::this_thread::get_id(), on) << "answered on another thread";
        promise->set_value(std::move(r));
      };
      pool_->Call(std::move(call));
    });
    return future;
  }
  BackendReply Call(const std::string& method, std::string request,
                    absl::Duration timeout = absl::Seconds(10),
                    std::vector<std::pair<std::string, std::string>> md = {}) {
    auto f = Start(method, std::move(request), timeout, std::move(md));
    EXPECT_EQ(f.wait_for(std::chrono::seconds(20)), std::future_status::ready);
    return f.get();
  }

 private:
  asio::io_context io_{1};
  asio::executor_work_guard<asio::io_context::executor_type> work_ = asio::make_work_guard(io_);
  std::unique_ptr<H2Pool> pool_;
  std::thread thread_;
};

TEST(H2TargetsTest, ParsesAddressListsAndDnsNames) {
  auto list = ParseH2Targets("127.0.0.1:1, [::1]:2,server-b:3");
  ASSERT_TRUE(list.ok()) << list.status();
  ASSERT_EQ(list->size(), 3u);
  EXPECT_EQ((*list)[1].host, "::1");
  EXPECT_EQ((*list)[2].port, "3");
  auto dns = ParseH2Targets("dns:///kinerja-server-headless:50051");
  ASSERT_TRUE(dns.ok());
  EXPECT_EQ((*dns)[0].host, "kinerja-server-headless");
  EXPECT_FALSE(ParseH2Targets("unix:///tmp/s").ok());
  EXPECT_FALSE(ParseH2Targets("nohost").ok());
  EXPECT_FALSE(ParseH2Targets("host:").ok());
  EXPECT_FALSE(ParseH2Targets("").ok());
}

TEST(H2PoolTest, CarriesBytesAndMetadataBothWays) {
  TestServer server;
  PoolThread pool(server.address());
  BackendReply r = pool.Call("/test.Svc/Echo", std::string("\0bytes\xff", 7), absl::Seconds(10),
                             {{"x-request-id", "req-1"}});
  ASSERT_TRUE(r.status.ok()) << r.status.error_message();
  EXPECT_EQ(r.response, std::string("\0bytes\xff", 7));
  ASSERT_EQ(r.initial_metadata.size(), 1u);
  EXPECT_EQ(r.initial_metadata[0].second, "req-1");
  r = pool.Call("/test.Svc/Echo", "", absl::Seconds(10),
                {{"authorization", "Bearer tok"}, {"x-want-auth", "1"}});
  EXPECT_EQ(r.response, "Bearer tok");
  EXPECT_TRUE(pool.Call("/test.Svc/Echo", "").status.ok());  // an empty message
}

TEST(H2PoolTest, ResolvesNames) {
  TestServer server;
  for (const std::string& target : {absl::StrCat("localhost:", server.port()),
                                    absl::StrCat("dns:///localhost:", server.port())}) {
    PoolThread pool(target);
    BackendReply r = pool.Call("/test.Svc/Echo", "named");
    EXPECT_EQ(r.response, "named") << target << ": " << r.status.error_message();
  }
}

TEST(H2PoolTest, ErrorsKeepCodeMessageAndDetails) {
  TestServer server;
  PoolThread pool(server.address());
  BackendReply r = pool.Call("/test.Svc/Fail", "x");
  EXPECT_EQ(r.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(r.status.error_message(), "NIP \xC3\xA9 salah 100%");
  EXPECT_EQ(r.status.error_details(), std::string("\x08\x03\x00\xff", 4));
}

TEST(H2PoolTest, LargeAnswersAndManyCallsInFlight) {
  TestServer server;
  PoolThread pool(server.address());
  BackendReply big = pool.Call("/test.Svc/Big", "20000000");  // past every HTTP/2 window
  ASSERT_TRUE(big.status.ok()) << big.status.error_message();
  EXPECT_EQ(big.response.size(), 20000000u);
  EXPECT_EQ(big.response.find_first_not_of('k'), std::string::npos);
  std::vector<std::future<BackendReply>> calls;
  for (int i = 0; i < 1000; ++i) calls.push_back(pool.Start("/test.Svc/Echo", absl::StrCat("m", i)));
  for (int i = 0; i < 1000; ++i) {
    ASSERT_EQ(calls[i].wait_for(std::chrono::seconds(20)), std::future_status::ready);
    EXPECT_EQ(calls[i].get().response, absl::StrCat("m", i));
  }
}

TEST(H2PoolTest, DeadlinePassesWhileTheServerIsSlow) {
  TestServer server;
  PoolThread pool(server.address());
  const absl::Time start = absl::Now();
  BackendReply r = pool.Call("/test.Svc/Slow", "x", absl::Milliseconds(300));
  EXPECT_EQ(r.status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  EXPECT_LT(absl::Now() - start, absl::Milliseconds(1200));
  EXPECT_TRUE(pool.Call("/test.Svc/Echo", "after").status.ok());  // the connection still serves
}

TEST(H2PoolTest, SpreadsCallsOverEveryServer) {
  TestServer a, b;
  PoolThread pool(absl::StrCat(a.address(), ",", b.address()));
  ASSERT_TRUE(pool.Call("/test.Svc/Echo", "warm").status.ok());
  absl::SleepFor(absl::Milliseconds(300));  // both connected
  for (int i = 0; i < 40; ++i) ASSERT_TRUE(pool.Call("/test.Svc/Echo", "x").status.ok());
  EXPECT_GE(a.calls(), 15);
  EXPECT_GE(b.calls(), 15);
}

TEST(H2PoolTest, NoServerIsUnavailableAtOnceAndAServerThatComesBackIsUsed) {
  int port;
  {
    TestServer probe;
    port = probe.port();
  }
  PoolThread pool(absl::StrCat("127.0.0.1:", port));
  const absl::Time start = absl::Now();
  BackendReply r = pool.Call("/test.Svc/Echo", "x");
  EXPECT_EQ(r.status.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_LT(absl::Now() - start, absl::Seconds(2));
  TestServer server(port);
  bool served = false;
  for (int i = 0; i < 50 && !served; ++i) {  // reconnection backs off up to 2 s
    served = pool.Call("/test.Svc/Echo", "x").status.ok();
    if (!served) absl::SleepFor(absl::Milliseconds(100));
  }
  EXPECT_TRUE(served);
}

TEST(H2PoolTest, AServerStoppingGracefullyLosesNoCallWhenAnotherServes) {
  auto a = std::make_unique<TestServer>();
  TestServer b;
  PoolThread pool(absl::StrCat(a->address(), ",", b.address()));
  ASSERT_TRUE(pool.Call("/test.Svc/Echo", "warm").status.ok());
  absl::SleepFor(absl::Milliseconds(300));
  std::atomic<bool> stop{false};
  std::atomic<int> failed{0}, done{0};
  std::thread load([&] {
    while (!stop.load()) {
      std::vector<std::future<BackendReply>> batch;
      for (int i = 0; i < 16; ++i) batch.push_back(pool.Start("/test.Svc/Echo", "x"));
      for (auto& f : batch) {
        BackendReply r = f.get();
        done.fetch_add(1);
        if (!r.status.ok()) {
          failed.fetch_add(1);
          ADD_FAILURE() << r.status.error_message();
        }
      }
    }
  });
  absl::SleepFor(absl::Milliseconds(300));
  a->Stop(absl::Seconds(2));  // GOAWAY, calls in flight finish
  absl::SleepFor(absl::Milliseconds(500));
  stop.store(true);
  load.join();
  EXPECT_EQ(failed.load(), 0);
  EXPECT_GT(done.load(), 100);
  EXPECT_GT(b.calls(), 50);
}

TEST(H2PoolTest, ConnectionLostFailsCallsInFlightAsUnavailable) {
  auto server = std::make_unique<TestServer>();
  PoolThread pool(server->address());
  ASSERT_TRUE(pool.Call("/test.Svc/Echo", "warm").status.ok());
  auto slow = pool.Start("/test.Svc/Slow", "x");
  absl::SleepFor(absl::Milliseconds(200));
  std::thread stopper([&] { server->Stop(); });  // no grace: the call is cancelled
  ASSERT_EQ(slow.wait_for(std::chrono::seconds(10)), std::future_status::ready);
  BackendReply r = slow.get();
  EXPECT_FALSE(r.status.ok());
  EXPECT_TRUE(r.status.error_code() == grpc::StatusCode::UNAVAILABLE ||
              r.status.error_code() == grpc::StatusCode::CANCELLED)
      << r.status.error_code() << " " << r.status.error_message();
  stopper.join();
}

}  // namespace
}  // namespace kinerja::gateway
