#include "tools/kinerjactl/progress.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace kinerja::ctl {
namespace {

int Percent(int64_t done, int64_t total) {
  return total <= 0 ? 100 : static_cast<int>(std::min<int64_t>(done, total) * 100 / total);
}

int64_t Rate(int64_t done, absl::Duration elapsed) {
  const double seconds = absl::ToDoubleSeconds(elapsed);
  return seconds <= 0 ? 0 : static_cast<int64_t>(done / seconds);
}

}  // namespace

std::string RenderProgressBar(absl::string_view label, int64_t done, int64_t total,
                              absl::Duration elapsed, int width) {
  const int filled =
      total <= 0 ? width : static_cast<int>(std::min<int64_t>(done, total) * width / total);
  const int digits = static_cast<int>(absl::StrCat(total).size());
  return absl::StrFormat("%s [%s%s] %*d/%d rows %3d%%  %d rows/s", label, std::string(filled, '#'),
                         std::string(width - filled, ' '), digits, done, total,
                         Percent(done, total), Rate(done, elapsed));
}

std::string RenderProgressLine(absl::string_view label, int64_t done, int64_t total,
                               absl::Duration elapsed) {
  return absl::StrFormat("%s: %d/%d rows (%d%%), %d rows/s", label, done, total,
                         Percent(done, total), Rate(done, elapsed));
}

Progress::Progress(std::ostream& err, bool terminal, std::string label, int64_t total)
    : err_(err), terminal_(terminal), label_(std::move(label)), total_(total) {
  if (terminal_) Update(0);
}

void Progress::Update(int64_t done) {
  const absl::Duration elapsed = absl::Now() - start_;
  if (terminal_) {
    err_ << "\r" << RenderProgressBar(label_, done, total_, elapsed) << "\x1b[K" << std::flush;
  } else {
    err_ << RenderProgressLine(label_, done, total_, elapsed) << "\n" << std::flush;
  }
}

void Progress::Done() {
  if (terminal_) err_ << "\n" << std::flush;
}

}  // namespace kinerja::ctl
