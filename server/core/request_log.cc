#include "server/core/request_log.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace kinerja::core {

std::string JsonEscape(absl::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += absl::StrFormat("\\u%04x", c);
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  return out;
}

RequestLog::RequestLog(FILE* out) : out_(out) {
  flusher_ = std::thread([this] {
    absl::MutexLock lock(&mu_);
    while (!stopping_) {
      mu_.AwaitWithTimeout(absl::Condition(&stopping_), absl::Milliseconds(200));
      if (!buffer_.empty()) {
        std::fwrite(buffer_.data(), 1, buffer_.size(), out_);
        std::fflush(out_);
        buffer_.clear();
      }
    }
  });
}

RequestLog::~RequestLog() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  flusher_.join();
  Flush();
}

void RequestLog::Flush() {
  absl::MutexLock lock(&mu_);
  if (!buffer_.empty()) {
    std::fwrite(buffer_.data(), 1, buffer_.size(), out_);
    buffer_.clear();
  }
  std::fflush(out_);
}

void RequestLog::Append(std::string line) {
  absl::MutexLock lock(&mu_);
  buffer_ += line;
}

void RequestLog::LogRequest(absl::string_view method, int status_code,
                            absl::string_view status_message, absl::Duration latency,
                            absl::string_view request_id, absl::string_view peer) {
  Append(absl::StrCat("{\"ts\":\"", absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", absl::Now(),
                                                    absl::UTCTimeZone()),
                      "\",\"method\":\"", JsonEscape(method), "\",\"code\":", status_code,
                      status_code == 0 ? "" : absl::StrCat(",\"error\":\"",
                                                           JsonEscape(status_message), "\""),
                      ",\"latency_us\":", absl::ToInt64Microseconds(latency), ",\"request_id\":\"",
                      JsonEscape(request_id), "\",\"peer\":\"", JsonEscape(peer), "\"}\n"));
}

void RequestLog::LogEvent(absl::string_view event, absl::string_view detail) {
  Append(absl::StrCat("{\"ts\":\"", absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", absl::Now(),
                                                    absl::UTCTimeZone()),
                      "\",\"event\":\"", JsonEscape(event), "\",\"detail\":\"", JsonEscape(detail),
                      "\"}\n"));
}

}  // namespace kinerja::core
