#include "tests/bench/grpc_setup.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "tests/bench/loopback.h"

namespace kinerja::bench {

absl::StatusOr<Metadata> ParseMetadata(absl::string_view text) {
  Metadata out;
  for (absl::string_view item : absl::StrSplit(text, ',', absl::SkipWhitespace())) {
    const size_t eq = item.find('=');
    if (eq == absl::string_view::npos || eq == 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("metadata item '", item, "' must be key=value"));
    }
    out.emplace_back(std::string(absl::StripAsciiWhitespace(item.substr(0, eq))),
                     std::string(absl::StripAsciiWhitespace(item.substr(eq + 1))));
  }
  return out;
}

absl::StatusOr<std::vector<std::shared_ptr<grpc::Channel>>> OpenLoopbackChannels(
    const std::string& target, int count, std::chrono::seconds connect_timeout,
    int max_receive_bytes) {
  if (absl::Status st = CheckLoopbackTarget(target); !st.ok()) return st;
  if (count < 1 || count > 64) {
    return absl::InvalidArgumentError(absl::StrCat("channel count ", count, " is not in 1..64"));
  }
  std::vector<std::shared_ptr<grpc::Channel>> channels;
  const auto deadline = std::chrono::system_clock::now() + connect_timeout;
  for (int i = 0; i < count; ++i) {
    grpc::ChannelArguments args;
    // Without this, channels with equal arguments share one subchannel and so one TCP connection.
    args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
    args.SetInt("kinerja.bench.channel_index", i);
    if (max_receive_bytes > 0) args.SetMaxReceiveMessageSize(max_receive_bytes);
    auto channel = grpc::CreateCustomChannel(target, grpc::InsecureChannelCredentials(), args);
    if (!channel->WaitForConnected(deadline)) {
      return absl::UnavailableError(absl::StrCat("could not connect to ", target, " within ",
                                                 connect_timeout.count(), " s"));
    }
    channels.push_back(std::move(channel));
  }
  return channels;
}

void PrepareContext(grpc::ClientContext& ctx, std::chrono::milliseconds deadline,
                    const Metadata& metadata) {
  ctx.set_deadline(std::chrono::system_clock::now() + deadline);
  for (const auto& [key, value] : metadata) ctx.AddMetadata(key, value);
}

std::string StatusCodeName(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::OK: return "OK";
    case grpc::StatusCode::CANCELLED: return "CANCELLED";
    case grpc::StatusCode::UNKNOWN: return "UNKNOWN";
    case grpc::StatusCode::INVALID_ARGUMENT: return "INVALID_ARGUMENT";
    case grpc::StatusCode::DEADLINE_EXCEEDED: return "DEADLINE_EXCEEDED";
    case grpc::StatusCode::NOT_FOUND: return "NOT_FOUND";
    case grpc::StatusCode::ALREADY_EXISTS: return "ALREADY_EXISTS";
    case grpc::StatusCode::PERMISSION_DENIED: return "PERMISSION_DENIED";
    case grpc::StatusCode::RESOURCE_EXHAUSTED: return "RESOURCE_EXHAUSTED";
    case grpc::StatusCode::FAILED_PRECONDITION: return "FAILED_PRECONDITION";
    case grpc::StatusCode::ABORTED: return "ABORTED";
    case grpc::StatusCode::OUT_OF_RANGE: return "OUT_OF_RANGE";
    case grpc::StatusCode::UNIMPLEMENTED: return "UNIMPLEMENTED";
    case grpc::StatusCode::INTERNAL: return "INTERNAL";
    case grpc::StatusCode::UNAVAILABLE: return "UNAVAILABLE";
    case grpc::StatusCode::DATA_LOSS: return "DATA_LOSS";
    case grpc::StatusCode::UNAUTHENTICATED: return "UNAUTHENTICATED";
    default: return absl::StrCat("CODE_", static_cast<int>(code));
  }
}

std::string DescribeStatus(const grpc::Status& status) {
  return absl::StrCat(StatusCodeName(status.error_code()), ": ", status.error_message());
}

}  // namespace kinerja::bench
