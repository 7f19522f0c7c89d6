// One HTTP/2 connection (cleartext, prior knowledge) from one I/O thread of the gateway to one
// server, carrying gRPC unary calls over nghttp2. Everything about it happens on its io_context's
// thread: a call is started there and its `done` runs there, so an answer goes back to the HTTP
// client without waking another thread (the cost that gRPC's own client, with its completion
// threads, adds to every call). Writes made in one turn of the event loop leave in one send.
#ifndef KINERJA_GATEWAY_SERVER_H2_CONNECTION_H_
#define KINERJA_GATEWAY_SERVER_H2_CONNECTION_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include "absl/container/flat_hash_map.h"
#include "absl/time/time.h"
#include "gateway/server/grpc_backend.h"

struct nghttp2_session;

namespace kinerja::gateway {

// A unary call on its way: what to send, until when, and whom to tell.
struct H2Call {
  std::string method;   // "/kinerja.v1.DirectoryService/GetEmployee"
  std::string request;  // the serialized request message
  std::vector<std::pair<std::string, std::string>> metadata;
  absl::Time deadline;
  std::function<void(BackendReply)> done;
  bool retried = false;  // sent again once already, after a server refused it unprocessed
};

class H2Connection : public std::enable_shared_from_this<H2Connection> {
 public:
  enum class State { kConnecting, kReady, kClosed };
  // `changed` runs (on the I/O thread, never inside a call into this object) when the connection
  // becomes ready or closes or stops taking calls; `refused` gets a call the server did not process
  // (see Finish), with this connection, to send elsewhere once.
  H2Connection(boost::asio::io_context& io, boost::asio::ip::tcp::endpoint endpoint,
               std::string authority, std::function<void()> changed,
               std::function<void(std::unique_ptr<H2Call>, const H2Connection*)> refused);
  ~H2Connection();
  H2Connection(const H2Connection&) = delete;
  H2Connection& operator=(const H2Connection&) = delete;

  void Connect();
  State state() const { return state_; }
  // Ready and not told to go away by the server.
  bool accepting() const { return state_ == State::kReady && !going_away_; }
  size_t calls() const { return streams_.size(); }
  const boost::asio::ip::tcp::endpoint& endpoint() const { return endpoint_; }

  // Sends the call (accepting() must be true).
  void Start(std::unique_ptr<H2Call> call);
  // Calls past their deadline end with DEADLINE_EXCEEDED (and are reset on the wire).
  void ExpireCalls(absl::Time now);
  // Closes the connection; calls still open end with UNAVAILABLE.
  void Close(const std::string& why);

 private:
  struct Stream;
  struct Callbacks;  // nghttp2's callbacks, with access to the members

  void OnConnected(const boost::system::error_code& ec);
  void Read();
  void ScheduleFlush();
  void Flush();
  void Finish(Stream& s, uint32_t http2_error);
  void Complete(std::unique_ptr<H2Call> call, BackendReply reply);
  void RunCompletions();
  void NotifyChanged();

  boost::asio::io_context& io_;
  boost::asio::ip::tcp::socket socket_;
  const boost::asio::ip::tcp::endpoint endpoint_;
  const std::string authority_;
  std::function<void()> changed_;
  std::function<void(std::unique_ptr<H2Call>, const H2Connection*)> refused_;
  nghttp2_session* session_ = nullptr;
  State state_ = State::kConnecting;
  bool going_away_ = false;
  bool writing_ = false;
  bool flush_scheduled_ = false;
  std::string out_;                       // being written
  std::vector<uint8_t> in_;               // read buffer
  absl::flat_hash_map<int32_t, std::unique_ptr<Stream>> streams_;
  // Finished calls, answered after nghttp2 has returned (a `done` may start another call).
  std::vector<std::pair<std::unique_ptr<H2Call>, BackendReply>> completed_;
  std::vector<std::unique_ptr<H2Call>> to_refuse_;
};

}  // namespace kinerja::gateway

#endif  // KINERJA_GATEWAY_SERVER_H2_CONNECTION_H_
