// An I/O thread's own connections to the servers, for its unary calls: one HTTP/2 connection to
// each server address, calls spread round-robin over those ready, a server that refuses a call
// without processing it (going away, say) answered by another, reconnection with backoff, and
// dns:/// names resolved again every 30 s (a Kubernetes headless Service's pods come and go).
// Used on its io_context's thread only.
#ifndef KINERJA_GATEWAY_SERVER_H2_POOL_H_
#define KINERJA_GATEWAY_SERVER_H2_POOL_H_

#include <deque>
#include <memory>
#include <string>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

#include "absl/status/statusor.h"
#include "gateway/server/h2_connection.h"

namespace kinerja::gateway {

// The servers, as GrpcBackend::Create takes them: "host:port,host:port" or "dns:///name:port".
struct H2Target {
  std::string host;
  std::string port;
};
absl::StatusOr<std::vector<H2Target>> ParseH2Targets(const std::string& targets);

class H2Pool {
 public:
  H2Pool(boost::asio::io_context& io, std::vector<H2Target> targets);
  ~H2Pool();
  H2Pool(const H2Pool&) = delete;
  H2Pool& operator=(const H2Pool&) = delete;

  void Start();
  // Closes every connection; calls still open end with UNAVAILABLE.
  void Stop();
  // `call->done` runs exactly once, on this thread (possibly at once, e.g. with no server up).
  // `avoid`: a connection not to use unless it is the only one taking calls.
  void Call(std::unique_ptr<H2Call> call, const H2Connection* avoid = nullptr);

 private:
  struct Slot {
    boost::asio::ip::tcp::endpoint endpoint;
    std::string authority;
    std::shared_ptr<H2Connection> connection;
    absl::Time next_attempt = absl::InfinitePast();
    absl::Duration backoff;
    bool wanted = true;  // still among the resolved addresses
  };

  void Resolve();
  // A resolved address: a slot for it unless there is one (connected by the Changed() that follows).
  void Add(const boost::asio::ip::tcp::endpoint& endpoint, const std::string& authority);
  void Tick();
  void Changed();
  void Refused(std::unique_ptr<H2Call> call, const H2Connection* by);
  void ConnectDue(absl::Time now);
  bool AnyConnecting() const;

  boost::asio::io_context& io_;
  const std::vector<H2Target> targets_;
  std::vector<Slot> slots_;
  std::deque<std::unique_ptr<H2Call>> waiting_;  // while the first connections are being made
  size_t next_ = 0;
  int resolving_ = 0;
  bool stopped_ = false;
  absl::Time next_resolve_ = absl::InfinitePast();
  boost::asio::steady_timer tick_;
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);  // for callbacks that outlive the pool
};

}  // namespace kinerja::gateway

#endif  // KINERJA_GATEWAY_SERVER_H2_POOL_H_
