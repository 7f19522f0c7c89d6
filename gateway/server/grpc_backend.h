// The gateway's way to the servers: one gRPC channel over every server address, balanced round-robin
// (or a dns:/// name, re-resolved), calling any method by name with serialized messages, so no
// per-service stub is compiled into the gateway.
#ifndef KINERJA_GATEWAY_SERVER_GRPC_BACKEND_H_
#define KINERJA_GATEWAY_SERVER_GRPC_BACKEND_H_

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "gateway/server/http_server.h"

namespace kinerja::gateway {

// The bytes of a gRPC byte buffer (a serialized message), or "" if it cannot be read.
std::string ByteBufferToString(const grpc::ByteBuffer& buffer);

struct BackendReply {
  grpc::Status status;
  std::string response;  // the serialized response message when status is OK
  std::vector<std::pair<std::string, std::string>> initial_metadata;  // e.g. x-request-id
};

class GrpcBackend {
 public:
  // `targets`: comma-separated host:port list ("127.0.0.1:50051,127.0.0.1:50052"), or one gRPC
  // target name such as "dns:///kinerja-server-headless:50051". `tls_server_name`, when set, is the
  // name the servers' TLS certificates are checked against (instead of each address).
  static absl::StatusOr<std::unique_ptr<GrpcBackend>> Create(
      const std::string& targets, std::shared_ptr<grpc::ChannelCredentials> credentials,
      const std::string& tls_server_name = "");

  // Gives each of the HTTP server's I/O threads its own HTTP/2 connections to the servers
  // (H2Pool), for the unary calls made on that thread: the request and its answer then stay on one
  // thread. Only for cleartext targets ("host:port,..." or "dns:///name:port"); with TLS to the
  // servers, or before this is called, unary calls go over the gRPC channel.
  absl::Status ServeOn(HttpServerOptions& options);

  // Calls `method` ("/kinerja.v1.DirectoryService/GetEmployee") with `request` and `metadata`;
  // `done` runs once: on the calling thread's own connections when it is an I/O thread of a server
  // given to ServeOn (possibly before Call returns), else on a gRPC thread.
  void Call(const std::string& method, std::string request,
            std::vector<std::pair<std::string, std::string>> metadata, absl::Duration timeout,
            std::function<void(BackendReply)> done);

  // Starts a streaming call of `method` driven by `reactor` (which calls StartCall); the caller has
  // set the context's deadline and metadata.
  void StartStream(const std::string& method, grpc::ClientContext* context,
                   grpc::ClientBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer>* reactor) {
    stub_.PrepareBidiStreamingCall(context, method, grpc::StubOptions(), reactor);
  }

  std::shared_ptr<grpc::Channel> channel() { return channel_; }

 private:
  GrpcBackend(std::shared_ptr<grpc::Channel> channel, std::string targets)
      : channel_(std::move(channel)), targets_(std::move(targets)), stub_(channel_) {}

  std::shared_ptr<grpc::Channel> channel_;
  const std::string targets_;
  grpc::GenericStub stub_;
};

}  // namespace kinerja::gateway

#endif  // KINERJA_GATEWAY_SERVER_GRPC_BACKEND_H_
