#include "server/core/request_interceptor.h"

#include <random>

#include <grpcpp/server_context.h>

#include "absl/strings/ascii.h"
#include "absl/time/clock.h"

namespace kinerja::core {

bool IsValidRequestId(absl::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') {
      return false;
    }
  }
  return true;
}

std::string NewRequestId() {
  thread_local std::mt19937_64 rng(std::random_device{}());
  static constexpr char kHex[] = "0123456789abcdef";
  uint64_t v = rng();
  std::string id(16, '0');
  for (int i = 0; i < 16; ++i) id[i] = kHex[(v >> (i * 4)) & 0xF];
  return id;
}

namespace {

class RequestInterceptor : public grpc::experimental::Interceptor {
 public:
  RequestInterceptor(grpc::experimental::ServerRpcInfo* info, Metrics* metrics, RequestLog* log)
      : info_(info), metrics_(metrics), log_(log), start_(absl::Now()) {}

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    using grpc::experimental::InterceptionHookPoints;
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::POST_RECV_INITIAL_METADATA)) {
      auto* md = methods->GetRecvInitialMetadata();
      auto it = md->find("x-request-id");
      if (it != md->end()) {
        absl::string_view id(it->second.data(), it->second.length());
        if (IsValidRequestId(id)) request_id_ = std::string(id);
      }
      if (request_id_.empty()) {
        // A missing or unusable id is replaced by a generated one, visible to the handler too
        // (audit rows carry it).
        if (it != md->end()) md->erase(it);
        request_id_ = NewRequestId();
        static const std::string kKey = "x-request-id";
        md->emplace(grpc::string_ref(kKey), grpc::string_ref(request_id_));
      }
    }
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_INITIAL_METADATA)) {
      if (request_id_.empty()) request_id_ = NewRequestId();
      methods->GetSendInitialMetadata()->emplace("x-request-id", request_id_);
    }
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS)) {
      const grpc::Status status = methods->GetSendStatus();
      const absl::Duration latency = absl::Now() - start_;
      const char* method = info_->method() != nullptr ? info_->method() : "unknown";
      metrics_->RecordRpc(method, status.error_code(), latency);
      std::string peer;
      if (auto* ctx = info_->server_context()) peer = ctx->peer();
      log_->LogRequest(method, status.error_code(), status.error_message(), latency, request_id_,
                       peer);
    }
    methods->Proceed();
  }

 private:
  grpc::experimental::ServerRpcInfo* info_;
  Metrics* metrics_;
  RequestLog* log_;
  absl::Time start_;
  std::string request_id_;
};

}  // namespace

grpc::experimental::Interceptor* RequestInterceptorFactory::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo* info) {
  return new RequestInterceptor(info, metrics_, log_);
}

}  // namespace kinerja::core
