#include "server/domain/civil_date.h"

#include <cstdio>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace kinerja::domain {

absl::TimeZone JakartaZone() {
  static const absl::TimeZone zone = [] {
    absl::TimeZone tz;
    if (absl::LoadTimeZone("Asia/Jakarta", &tz)) return tz;
    return absl::FixedTimeZone(7 * 3600);
  }();
  return zone;
}

bool IsValidDate(int year, int month, int day) {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return false;
  absl::CivilDay d(year, month, day);  // normalises out-of-range days
  return d.year() == year && d.month() == month && d.day() == day;
}

absl::StatusOr<absl::CivilDay> ParseIsoDate(absl::string_view text) {
  auto bad = [&] {
    return absl::InvalidArgumentError(
        absl::StrCat("'", text, "' is not a date in the form YYYY-MM-DD"));
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad();
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(text[i]))) return bad();
  }
  int y = 0, m = 0, d = 0;
  if (!absl::SimpleAtoi(text.substr(0, 4), &y) || !absl::SimpleAtoi(text.substr(5, 2), &m) ||
      !absl::SimpleAtoi(text.substr(8, 2), &d)) {
    return bad();
  }
  if (!IsValidDate(y, m, d)) {
    return absl::InvalidArgumentError(absl::StrCat("'", text, "' is not a real calendar day"));
  }
  return absl::CivilDay(y, m, d);
}

std::string FormatIsoDate(absl::CivilDay day) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(day.year()), day.month(),
                day.day());
  return buf;
}

v1::Date ToProtoDate(absl::CivilDay day) {
  v1::Date d;
  d.set_year(static_cast<int>(day.year()));
  d.set_month(day.month());
  d.set_day(day.day());
  return d;
}

absl::StatusOr<absl::CivilDay> FromProtoDate(const v1::Date& date) {
  if (!IsValidDate(date.year(), date.month(), date.day())) {
    return absl::InvalidArgumentError(absl::StrCat("not a real calendar day: ", date.year(), "-",
                                                   date.month(), "-", date.day()));
  }
  return absl::CivilDay(date.year(), date.month(), date.day());
}

absl::CivilDay Clock::TodayInJakarta() const {
  return absl::ToCivilDay(Now(), JakartaZone());
}

}  // namespace kinerja::domain
