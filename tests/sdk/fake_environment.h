// A ConnectionEnvironment for unit tests: a fake clock that the fake sleep advances (so a retry
// time limit is reached without waiting), the waits it was asked for, a fixed "random" number
// and numbered request ids. Single-threaded.
#ifndef KINERJA_TESTS_SDK_FAKE_ENVIRONMENT_H_
#define KINERJA_TESTS_SDK_FAKE_ENVIRONMENT_H_

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "kinerja/sdk/connection_environment.h"

namespace kinerja::sdk::testing {

class FakeEnvironment {
 public:
  // The environment to give a connection; it refers to this object, which must outlive it.
  ConnectionEnvironment Make() {
    ConnectionEnvironment env;
    env.now = [this] { return now_; };
    env.sleep = [this](absl::Duration d) {
      sleeps_.push_back(d);
      now_ += d;
    };
    env.uniform01 = [this] { return uniform_; };
    env.new_request_id = [this] { return absl::StrCat("test-id-", ++ids_); };
    return env;
  }

  // Moves the fake clock, e.g. from a mock stub to make an attempt "take" time.
  void Advance(absl::Duration d) { now_ += d; }
  absl::Time now() const { return now_; }
  absl::Time start() const { return start_; }
  const std::vector<absl::Duration>& sleeps() const { return sleeps_; }
  void set_uniform(double u) { uniform_ = u; }
  int ids_made() const { return ids_; }

 private:
  absl::Time start_ = absl::FromUnixSeconds(1781485200);  // 2026-06-15 09:00 WIB
  absl::Time now_ = start_;
  std::vector<absl::Duration> sleeps_;
  double uniform_ = 0.5;
  int ids_ = 0;
};

}  // namespace kinerja::sdk::testing

#endif  // KINERJA_TESTS_SDK_FAKE_ENVIRONMENT_H_
