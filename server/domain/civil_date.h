// Calendar days and the clock. Periods, deadlines and "which day" are in Asia/Jakarta (WIB, UTC+7);
// timestamps are UTC. Time always comes in through a Clock so tests can set the date.
#ifndef KINERJA_SERVER_DOMAIN_CIVIL_DATE_H_
#define KINERJA_SERVER_DOMAIN_CIVIL_DATE_H_

#include <string>
#include "absl/strings/string_view.h"

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "kinerja/v1/common.pb.h"

namespace kinerja::domain {

// The zone of every period and deadline: Asia/Jakarta (from tzdata when present, else fixed UTC+7,
// which is exact: WIB has had no daylight saving since 1964).
absl::TimeZone JakartaZone();

// Parses "YYYY-MM-DD" strictly (zero-padded, a real calendar day, years 1900..9999).
absl::StatusOr<absl::CivilDay> ParseIsoDate(absl::string_view text);

// Formats as "YYYY-MM-DD".
std::string FormatIsoDate(absl::CivilDay day);

// True when year/month/day name a real calendar day in 1900..9999.
bool IsValidDate(int year, int month, int day);

// Conversions to and from kinerja.v1.Date. FromProtoDate refuses a date that is not a real day.
v1::Date ToProtoDate(absl::CivilDay day);
absl::StatusOr<absl::CivilDay> FromProtoDate(const v1::Date& date);

// Source of the current time. Production uses SystemClock; tests use FixedClock.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual absl::Time Now() const = 0;
  // The calendar day in Asia/Jakarta at Now().
  absl::CivilDay TodayInJakarta() const;
};

class SystemClock final : public Clock {
 public:
  absl::Time Now() const override { return absl::Now(); }
};

class FixedClock final : public Clock {
 public:
  explicit FixedClock(absl::Time now) : now_(now) {}
  absl::Time Now() const override { return now_; }
  void Set(absl::Time now) { now_ = now; }

 private:
  absl::Time now_;
};

}  // namespace kinerja::domain

#endif  // KINERJA_SERVER_DOMAIN_CIVIL_DATE_H_
