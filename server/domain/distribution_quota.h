// The distribution quota ("kurva", DOMAIN.md 5.4, SE MenPANRB 3/2023): how an OPD's employee predikat
// may be spread, given the OPD's organisation predikat. The rules themselves are configuration (the
// skp_quota_rules table, seeded with the regulation's values); this file only reads and applies them.
#ifndef KINERJA_SERVER_DOMAIN_DISTRIBUTION_QUOTA_H_
#define KINERJA_SERVER_DOMAIN_DISTRIBUTION_QUOTA_H_

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "kinerja/v1/skp.pb.h"

namespace kinerja::domain {

enum class QuotaBound {
  kAtMostPercent,   // the share of `predikats` is at most `value` basis points
  kAtLeastPercent,  // ... at least `value` basis points
  kAtLeastCount,    // at least `value` employees have one of `predikats`
};

struct QuotaRule {
  std::vector<v1::Predikat> predikats;  // counted together ("Kurang/Misconduct or Butuh Perbaikan")
  QuotaBound bound = QuotaBound::kAtMostPercent;
  int32_t value = 0;                    // basis points (7000 = 70 %) or a count
};

// Employees per predikat, indexed by the v1::Predikat value (index 0, unspecified, is not counted).
using PredikatCounts = std::array<int32_t, 6>;

struct QuotaResult {
  QuotaRule rule;
  int32_t count = 0;   // employees with one of the rule's predikat
  int32_t total = 0;   // employees with any predikat
  bool satisfied = true;
};

// Applies each rule to `counts`. Shares are compared exactly in integers (count * 10000 against
// value * total), so 7 of 10 is exactly 70 %. With no employee rated, every rule holds vacuously.
std::vector<QuotaResult> CheckQuota(const PredikatCounts& counts, absl::Span<const QuotaRule> rules);

// True when every result holds.
bool AllSatisfied(absl::Span<const QuotaResult> results);

// "Sangat Baik at most 70%", "Kurang/Misconduct or Butuh Perbaikan at least 10%", "Butuh Perbaikan
// or Kurang/Misconduct at least 1 employee": for reports and error messages.
std::string DescribeRule(const QuotaRule& rule);
// "Sangat Baik", "Kurang/Misconduct", ...
absl::string_view PredikatLabel(v1::Predikat predikat);

// Whether an OPD's plans of the year may be finalised, given its quota report (the checks above, the
// organisation predikat and the year's configuration): FAILED_PRECONDITION naming each failed check
// with its counts, or the missing organisation predikat, when the report does not hold and the
// configuration makes that block finalisation [default: it blocks]; OK otherwise.
absl::Status FinalizationAllowed(const v1::QuotaReport& report);

// A rule as configuration stores it: predikat names without the PREDIKAT_ prefix, separated by '|'
// ("BUTUH_PERBAIKAN|KURANG_MISCONDUCT"), a bound ("AT_MOST_PERCENT", "AT_LEAST_PERCENT",
// "AT_LEAST_COUNT") and its value. INVALID_ARGUMENT for anything else, or a percentage outside
// 0..10000 basis points, or a negative count.
absl::StatusOr<QuotaRule> ParseQuotaRule(absl::string_view predikats, absl::string_view bound,
                                         int32_t value);

}  // namespace kinerja::domain

#endif  // KINERJA_SERVER_DOMAIN_DISTRIBUTION_QUOTA_H_
