// One JSON line per request on standard output: time, method, status, latency, request id, peer.
// Lines are buffered and flushed by a background thread every 200 ms (and at exit), so logging does
// not cost a system call per request.
#ifndef KINERJA_SERVER_CORE_REQUEST_LOG_H_
#define KINERJA_SERVER_CORE_REQUEST_LOG_H_

#include <cstdio>
#include <string>
#include <thread>

#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace kinerja::core {

// Escapes a string for a JSON string literal (without the quotes).
std::string JsonEscape(absl::string_view s);

class RequestLog {
 public:
  explicit RequestLog(FILE* out = stdout);
  ~RequestLog();  // flushes

  void LogRequest(absl::string_view method, int status_code, absl::string_view status_message,
                  absl::Duration latency, absl::string_view request_id, absl::string_view peer);
  // A free-form event line ({"event": ..., "detail": ...}), e.g. start-up and shutdown.
  void LogEvent(absl::string_view event, absl::string_view detail);
  void Flush();

 private:
  void Append(std::string line);

  FILE* out_;
  absl::Mutex mu_;
  std::string buffer_ ABSL_GUARDED_BY(mu_);
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::thread flusher_;
};

}  // namespace kinerja::core

#endif  // KINERJA_SERVER_CORE_REQUEST_LOG_H_
