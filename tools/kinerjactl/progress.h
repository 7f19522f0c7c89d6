// Progress of a long job (an import) on stderr: a bar redrawn in place when stderr is a
// terminal, plain lines otherwise (logs, CI). The rendering functions are pure, for tests.
#ifndef KINERJA_TOOLS_KINERJACTL_PROGRESS_H_
#define KINERJA_TOOLS_KINERJACTL_PROGRESS_H_

#include <cstdint>
#include <ostream>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace kinerja::ctl {

// "validating [##########          ]   500/1000 rows  50%  250 rows/s" (bar of `width` cells).
std::string RenderProgressBar(absl::string_view label, int64_t done, int64_t total,
                              absl::Duration elapsed, int width = 30);
// "validating: 500/1000 rows (50%), 250 rows/s"
std::string RenderProgressLine(absl::string_view label, int64_t done, int64_t total,
                               absl::Duration elapsed);

class Progress {
 public:
  // `terminal`: redraw a bar with '\r'; otherwise print a line per Update.
  Progress(std::ostream& err, bool terminal, std::string label, int64_t total);
  void Update(int64_t done);
  // Ends the bar's line (terminal only).
  void Done();

 private:
  std::ostream& err_;
  bool terminal_;
  std::string label_;
  int64_t total_;
  absl::Time start_ = absl::Now();
};

}  // namespace kinerja::ctl

#endif  // KINERJA_TOOLS_KINERJACTL_PROGRESS_H_
