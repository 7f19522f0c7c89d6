// Start-up shared by the binaries: the stop signals (SIGTERM, SIGINT) are blocked in every thread
// and waited for by the main thread, which then shuts down gracefully.
#ifndef KINERJA_SERVER_CORE_PROCESS_SIGNALS_H_
#define KINERJA_SERVER_CORE_PROCESS_SIGNALS_H_

#include <csignal>

namespace kinerja::core {

class StopSignals {
 public:
  // Blocks SIGTERM and SIGINT in this thread and every thread it starts afterwards: construct it
  // before starting any thread.
  StopSignals();
  // Waits for one of them; returns its number.
  int Wait();

 private:
  sigset_t set_;
};

}  // namespace kinerja::core

#endif  // KINERJA_SERVER_CORE_PROCESS_SIGNALS_H_
