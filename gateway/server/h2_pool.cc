#include "gateway/server/h2_pool.h"

#include <algorithm>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace kinerja::gateway {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {

constexpr absl::Duration kTick = absl::Milliseconds(100);
constexpr absl::Duration kFirstBackoff = absl::Milliseconds(200);
constexpr absl::Duration kMaxBackoff = absl::Seconds(2);
constexpr absl::Duration kResolveEvery = absl::Seconds(30);
constexpr absl::Duration kRetryResolve = absl::Seconds(1);
constexpr size_t kMaxWaiting = 10000;

void Fail(std::unique_ptr<H2Call> call, grpc::StatusCode code, std::string message) {
  BackendReply r;
  r.status = grpc::Status(code, std::move(message));
  call->done(std::move(r));
}

}  // namespace

absl::StatusOr<std::vector<H2Target>> ParseH2Targets(const std::string& targets) {
  std::string list = targets;
  if (absl::StartsWith(list, "dns:///")) {
    list = list.substr(7);
  } else if (absl::StrContains(list, ":/")) {
    return absl::InvalidArgumentError(absl::StrCat("unsupported server target ", targets));
  }
  std::vector<H2Target> out;
  for (absl::string_view a : absl::StrSplit(list, ',', absl::SkipWhitespace())) {
    a = absl::StripAsciiWhitespace(a);
    const size_t colon = a.rfind(':');
    if (colon == absl::string_view::npos || colon == 0 || colon + 1 == a.size()) {
      return absl::InvalidArgumentError(absl::StrCat("server address '", a, "' is not host:port"));
    }
    absl::string_view host = a.substr(0, colon);
    if (absl::ConsumePrefix(&host, "[") && !absl::ConsumeSuffix(&host, "]")) {
      return absl::InvalidArgumentError(absl::StrCat("server address '", a, "' is not host:port"));
    }
    out.push_back({std::string(host), std::string(a.substr(colon + 1))});
  }
  if (out.empty()) return absl::InvalidArgumentError("no server address given");
  return out;
}

H2Pool::H2Pool(asio::io_context& io, std::vector<H2Target> targets)
    : io_(io), targets_(std::move(targets)), tick_(io) {}

H2Pool::~H2Pool() { Stop(); }

void H2Pool::Start() {
  Resolve();
  Tick();
}

void H2Pool::Stop() {
  if (stopped_) return;
  stopped_ = true;
  *alive_ = false;
  tick_.cancel();
  for (Slot& s : slots_) {
    if (s.connection) s.connection->Close("the gateway is stopping");
  }
  slots_.clear();
  while (!waiting_.empty()) {
    auto call = std::move(waiting_.front());
    waiting_.pop_front();
    Fail(std::move(call), grpc::StatusCode::UNAVAILABLE, "the gateway is stopping");
  }
}

void H2Pool::Resolve() {
  next_resolve_ = absl::Now() + kResolveEvery;
  auto found = std::make_shared<std::vector<std::pair<tcp::endpoint, std::string>>>();
  auto failed = std::make_shared<bool>(false);
  for (const H2Target& t : targets_) {
    const std::string authority = absl::StrCat(t.host, ":", t.port);
    boost::system::error_code ec;
    const auto address = asio::ip::make_address(t.host, ec);
    unsigned port = 0;
    if (!ec && absl::SimpleAtoi(t.port, &port) && port > 0 && port < 65536) {
      found->emplace_back(tcp::endpoint(address, static_cast<unsigned short>(port)), authority);
      continue;
    }
    ++resolving_;
    auto resolver = std::make_shared<tcp::resolver>(io_);
    resolver->async_resolve(
        t.host, t.port,
        [this, alive = alive_, resolver, found, failed, authority](
            const boost::system::error_code& ec, tcp::resolver::results_type results) {
          if (!*alive) return;
          --resolving_;
          if (ec) *failed = true;
          for (const auto& r : results) found->emplace_back(r.endpoint(), authority);
          if (resolving_ == 0) {
            if (found->empty()) {  // not yet in DNS (pods starting, say): ask again soon
              next_resolve_ = std::min(next_resolve_, absl::Now() + kRetryResolve);
            }
            if (*failed && found->empty()) return Changed();  // keep what we had
            std::vector<tcp::endpoint> endpoints;
            for (auto& [e, a] : *found) endpoints.push_back(e);
            for (auto& [e, a] : *found) Add(e, a);
            for (Slot& s : slots_) {
              s.wanted = std::find(endpoints.begin(), endpoints.end(), s.endpoint) != endpoints.end();
            }
            Changed();
          }
        });
  }
  if (resolving_ == 0) {
    for (auto& [e, a] : *found) Add(e, a);
    Changed();
  }
}

void H2Pool::Add(const tcp::endpoint& endpoint, const std::string& authority) {
  auto it = std::find_if(slots_.begin(), slots_.end(),
                         [&](const Slot& s) { return s.endpoint == endpoint; });
  if (it != slots_.end()) {
    it->wanted = true;
    return;
  }
  Slot s;
  s.endpoint = endpoint;
  s.authority = authority;
  s.backoff = kFirstBackoff;
  slots_.push_back(std::move(s));
}

void H2Pool::ConnectDue(absl::Time now) {
  for (Slot& s : slots_) {
    if (!s.wanted || now < s.next_attempt) continue;
    if (s.connection && s.connection->state() != H2Connection::State::kClosed) continue;
    s.next_attempt = now + s.backoff;
    s.backoff = std::min(s.backoff * 2, kMaxBackoff);
    s.connection = std::make_shared<H2Connection>(
        io_, s.endpoint, s.authority, [this, alive = alive_] { if (*alive) Changed(); },
        [this, alive = alive_](std::unique_ptr<H2Call> call, const H2Connection* by) {
          if (*alive) return Refused(std::move(call), by);
          Fail(std::move(call), grpc::StatusCode::UNAVAILABLE, "the gateway is stopping");
        });
    s.connection->Connect();
  }
}

bool H2Pool::AnyConnecting() const {
  if (resolving_ > 0) return true;
  for (const Slot& s : slots_) {
    if (s.wanted && s.connection && s.connection->state() == H2Connection::State::kConnecting) return true;
  }
  return false;
}

void H2Pool::Call(std::unique_ptr<H2Call> call, const H2Connection* avoid) {
  if (stopped_) return Fail(std::move(call), grpc::StatusCode::UNAVAILABLE, "the gateway is stopping");
  const size_t n = slots_.size();
  H2Connection* fallback = nullptr;
  for (size_t i = 0; i < n; ++i) {
    const size_t k = (next_ + i) % n;
    Slot& s = slots_[k];
    if (!s.wanted || !s.connection || !s.connection->accepting()) continue;
    if (s.connection.get() == avoid) {
      fallback = s.connection.get();
      continue;
    }
    next_ = k + 1;
    return s.connection->Start(std::move(call));
  }
  if (fallback != nullptr) return fallback->Start(std::move(call));
  ConnectDue(absl::Now());
  if (!AnyConnecting()) {
    std::string addresses;
    for (const H2Target& t : targets_) absl::StrAppend(&addresses, addresses.empty() ? "" : ",", t.host, ":", t.port);
    return Fail(std::move(call), grpc::StatusCode::UNAVAILABLE,
                absl::StrCat("no server is reachable at ", addresses));
  }
  if (waiting_.size() >= kMaxWaiting) {
    return Fail(std::move(call), grpc::StatusCode::RESOURCE_EXHAUSTED,
                "too many calls wait for a connection to the servers");
  }
  waiting_.push_back(std::move(call));
}

void H2Pool::Refused(std::unique_ptr<H2Call> call, const H2Connection* by) {
  if (call->retried) {
    return Fail(std::move(call), grpc::StatusCode::UNAVAILABLE,
                "the servers refused the call twice (stopping?); retry later");
  }
  call->retried = true;
  Call(std::move(call), by);
}

void H2Pool::Changed() {
  if (stopped_) return;
  const absl::Time now = absl::Now();
  for (Slot& s : slots_) {
    if (s.connection && s.connection->accepting()) s.backoff = kFirstBackoff;
  }
  ConnectDue(now);
  // Calls that waited for a connection go now, or fail when none is coming.
  std::deque<std::unique_ptr<H2Call>> waiting;
  waiting.swap(waiting_);
  for (auto& call : waiting) Call(std::move(call));
}

void H2Pool::Tick() {
  if (stopped_) return;
  const absl::Time now = absl::Now();
  for (Slot& s : slots_) {
    if (s.connection) s.connection->ExpireCalls(now);
  }
  while (!waiting_.empty() && waiting_.front()->deadline <= now) {
    auto call = std::move(waiting_.front());
    waiting_.pop_front();
    Fail(std::move(call), grpc::StatusCode::DEADLINE_EXCEEDED, "no connection to the servers in time");
  }
  // Addresses gone from the name's answer are dropped once their calls are done; a connection the
  // server told to go away is replaced once idle.
  for (Slot& s : slots_) {
    if (s.connection && s.connection->state() == H2Connection::State::kReady &&
        !s.connection->accepting() && s.connection->calls() == 0) {
      s.connection->Close("the server is going away");
    }
  }
  for (Slot& s : slots_) {
    if (!s.wanted && s.connection && s.connection->calls() == 0) {
      s.connection->Close("no longer among the servers' addresses");
    }
  }
  slots_.erase(std::remove_if(slots_.begin(), slots_.end(),
                              [](const Slot& s) {
                                return !s.wanted && (!s.connection || s.connection->calls() == 0);
                              }),
               slots_.end());
  ConnectDue(now);
  if (now >= next_resolve_ && resolving_ == 0) Resolve();
  tick_.expires_after(absl::ToChronoNanoseconds(kTick));
  tick_.async_wait([this, alive = alive_](const boost::system::error_code& ec) {
    if (!ec && *alive) Tick();
  });
}

}  // namespace kinerja::gateway
