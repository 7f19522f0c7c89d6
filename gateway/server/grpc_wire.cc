#include "gateway/server/grpc_wire.h"

#include <cstdint>

#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace kinerja::gateway::wire {

std::string FrameMessage(absl::string_view message) {
  const auto n = static_cast<uint32_t>(message.size());
  std::string out;
  out.reserve(5 + message.size());
  out.push_back('\0');
  out.push_back(static_cast<char>(n >> 24));
  out.push_back(static_cast<char>(n >> 16));
  out.push_back(static_cast<char>(n >> 8));
  out.push_back(static_cast<char>(n));
  out.append(message.data(), message.size());
  return out;
}

absl::StatusOr<std::string> UnframeUnaryMessage(absl::string_view body) {
  if (body.size() < 5) {
    return absl::InternalError(absl::StrCat("the server's response has ", body.size(),
                                            " bytes, fewer than a message prefix"));
  }
  if (body[0] != 0) return absl::InternalError("the server sent a compressed message");
  const auto* p = reinterpret_cast<const unsigned char*>(body.data());
  const uint64_t n = (uint64_t{p[1]} << 24) | (uint64_t{p[2]} << 16) | (uint64_t{p[3]} << 8) | p[4];
  if (body.size() - 5 != n) {
    return absl::InternalError(absl::StrCat("the server's response holds ", body.size() - 5,
                                            " bytes after a prefix announcing ", n,
                                            " (a unary call has one message)"));
  }
  return std::string(body.substr(5));
}

std::string EncodeTimeout(absl::Duration timeout) {
  constexpr int64_t kMax = 99999999;  // 8 digits
  const int64_t ns = std::max<int64_t>(1, absl::ToInt64Nanoseconds(absl::Ceil(timeout, absl::Nanoseconds(1))));
  struct Unit {
    int64_t ns;
    char name;
  };
  for (Unit u : {Unit{1, 'n'}, Unit{1000, 'u'}, Unit{1000000, 'm'}, Unit{1000000000, 'S'},
                 Unit{60000000000, 'M'}, Unit{3600000000000, 'H'}}) {
    const int64_t v = (ns + u.ns - 1) / u.ns;  // rounded up
    if (v <= kMax) return absl::StrCat(v, std::string(1, u.name));
  }
  return absl::StrCat(kMax, "H");
}

std::string DecodeGrpcMessage(absl::string_view value) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  out.reserve(value.size());
  for (size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '%' && i + 2 < value.size()) {
      const int hi = hex(value[i + 1]);
      const int lo = hex(value[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
        continue;
      }
    }
    out.push_back(value[i]);
  }
  return out;
}

grpc::StatusCode CodeForHttpStatus(int http_status) {
  switch (http_status) {
    case 400: return grpc::StatusCode::INTERNAL;
    case 401: return grpc::StatusCode::UNAUTHENTICATED;
    case 403: return grpc::StatusCode::PERMISSION_DENIED;
    case 404: return grpc::StatusCode::UNIMPLEMENTED;
    case 429:
    case 502:
    case 503:
    case 504: return grpc::StatusCode::UNAVAILABLE;
    default: return grpc::StatusCode::UNKNOWN;
  }
}

grpc::Status ResponseStatus(int http_status, absl::string_view grpc_status,
                            absl::string_view grpc_message, absl::string_view details_bin) {
  if (grpc_status.empty()) {
    if (http_status == 200) {
      return grpc::Status(grpc::StatusCode::INTERNAL, "the server's response ended without a grpc-status");
    }
    return grpc::Status(CodeForHttpStatus(http_status),
                        absl::StrCat("the server answered HTTP ", http_status, " without a gRPC status"));
  }
  int code = 0;
  if (!absl::SimpleAtoi(grpc_status, &code) || code < 0 || code > 16) {
    return grpc::Status(grpc::StatusCode::UNKNOWN,
                        absl::StrCat("the server sent grpc-status '", grpc_status, "'"));
  }
  std::string details;
  if (!details_bin.empty() && !absl::Base64Unescape(details_bin, &details)) details.clear();
  return grpc::Status(static_cast<grpc::StatusCode>(code), DecodeGrpcMessage(grpc_message), details);
}

}  // namespace kinerja::gateway::wire
