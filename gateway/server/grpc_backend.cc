#include "gateway/server/grpc_backend.h"

#include <boost/asio/io_context.hpp>

#include "gateway/server/h2_pool.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace kinerja::gateway {
namespace {

// The pool of the I/O thread running this code, if it has one (set by ServeOn's hooks).
thread_local H2Pool* current_pool = nullptr;

}  // namespace

std::string ByteBufferToString(const grpc::ByteBuffer& buffer) {
  std::string out;
  std::vector<grpc::Slice> slices;
  if (!buffer.Dump(&slices).ok()) return out;
  for (const auto& s : slices) out.append(reinterpret_cast<const char*>(s.begin()), s.size());
  return out;
}

absl::StatusOr<std::unique_ptr<GrpcBackend>> GrpcBackend::Create(
    const std::string& targets, std::shared_ptr<grpc::ChannelCredentials> credentials,
    const std::string& tls_server_name) {
  std::string target;
  if (absl::StrContains(targets, ":///")) {
    target = targets;
  } else {
    auto addresses = ParseH2Targets(targets);  // the one reading of an address list
    if (!addresses.ok()) return addresses.status();
    target = absl::StrCat("ipv4:", absl::StrJoin(*addresses, ",", [](std::string* out, const H2Target& t) {
                            absl::StrAppend(out, t.host, ":", t.port);
                          }));
  }
  grpc::ChannelArguments args;
  args.SetServiceConfigJSON(R"({"loadBalancingConfig": [{"round_robin": {}}]})");
  args.SetInt(GRPC_ARG_MAX_RECEIVE_MESSAGE_LENGTH, 256 << 20);
  args.SetInt(GRPC_ARG_MAX_SEND_MESSAGE_LENGTH, 256 << 20);
  args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 200);
  args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 2000);
  // The gateway has no retry policy (a caller retries; writes carry request ids), and gRPC's retry
  // machinery, on by default, costs about 7 % of a call (measured: BENCHMARKS.md).
  args.SetInt(GRPC_ARG_ENABLE_RETRIES, 0);
  if (!tls_server_name.empty()) args.SetSslTargetNameOverride(tls_server_name);
  auto channel = grpc::CreateCustomChannel(target, std::move(credentials), args);
  if (!channel) return absl::InvalidArgumentError(absl::StrCat("bad server target ", targets));
  return std::unique_ptr<GrpcBackend>(new GrpcBackend(std::move(channel), targets));
}

absl::Status GrpcBackend::ServeOn(HttpServerOptions& options) {
  auto targets = ParseH2Targets(targets_);
  if (!targets.ok()) return targets.status();
  options.worker_started = [targets = *targets](int, boost::asio::io_context& io) {
    current_pool = new H2Pool(io, targets);
    current_pool->Start();
  };
  options.worker_stopping = [](int) {
    delete current_pool;
    current_pool = nullptr;
  };
  return absl::OkStatus();
}

void GrpcBackend::Call(const std::string& method, std::string request,
                       std::vector<std::pair<std::string, std::string>> metadata,
                       absl::Duration timeout, std::function<void(BackendReply)> done) {
  if (current_pool != nullptr) {
    auto call = std::make_unique<H2Call>();
    call->method = method;
    call->request = std::move(request);
    call->metadata = std::move(metadata);
    call->deadline = absl::Now() + timeout;
    call->done = std::move(done);
    return current_pool->Call(std::move(call));
  }
  struct State {
    grpc::ClientContext ctx;
    grpc::ByteBuffer request;
    grpc::ByteBuffer response;
    std::function<void(BackendReply)> done;
  };
  auto* state = new State;
  state->done = std::move(done);
  state->ctx.set_deadline(absl::ToChronoTime(absl::Now() + timeout));
  for (auto& [k, v] : metadata) state->ctx.AddMetadata(k, v);
  grpc::Slice slice(request);
  state->request = grpc::ByteBuffer(&slice, 1);
  stub_.UnaryCall(&state->ctx, method, grpc::StubOptions(), &state->request, &state->response,
                  [state](grpc::Status status) {
                    BackendReply reply;
                    reply.status = std::move(status);
                    if (reply.status.ok()) reply.response = ByteBufferToString(state->response);
                    for (const auto& [k, v] : state->ctx.GetServerInitialMetadata()) {
                      reply.initial_metadata.emplace_back(std::string(k.data(), k.size()),
                                                          std::string(v.data(), v.size()));
                    }
                    auto done = std::move(state->done);
                    delete state;
                    done(std::move(reply));
                  });
}

}  // namespace kinerja::gateway
