// The HTTP admin port: /healthz (the process is up), /readyz (it can serve: the database answers and
// migrations are current) and /metrics (Prometheus). Boost.Beast, one I/O thread, every connection
// bounded by a 5-second timeout.
#ifndef KINERJA_SERVER_CORE_ADMIN_HTTP_H_
#define KINERJA_SERVER_CORE_ADMIN_HTTP_H_

#include <functional>
#include <memory>
#include <string>

#include "absl/status/status.h"

namespace kinerja::core {

struct AdminHandlers {
  std::function<absl::Status()> ready;  // OK: ready; otherwise the reason, served with 503
  std::function<std::string()> metrics;
};

class AdminHttpServer {
 public:
  AdminHttpServer(std::string host, int port, AdminHandlers handlers);
  ~AdminHttpServer();

  // Binds and starts serving on a background thread. Port 0 picks a free port.
  absl::Status Start();
  int port() const;
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kinerja::core

#endif  // KINERJA_SERVER_CORE_ADMIN_HTTP_H_
