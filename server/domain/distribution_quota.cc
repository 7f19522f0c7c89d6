#include "server/domain/distribution_quota.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace kinerja::domain {

std::vector<QuotaResult> CheckQuota(const PredikatCounts& counts, absl::Span<const QuotaRule> rules) {
  int64_t total = 0;
  for (size_t i = 1; i < counts.size(); ++i) total += counts[i];
  std::vector<QuotaResult> results;
  results.reserve(rules.size());
  for (const QuotaRule& rule : rules) {
    QuotaResult r;
    r.rule = rule;
    r.total = static_cast<int32_t>(total);
    int64_t count = 0;
    for (v1::Predikat p : rule.predikats) {
      if (p > 0 && static_cast<size_t>(p) < counts.size()) count += counts[p];
    }
    r.count = static_cast<int32_t>(count);
    if (total > 0) {
      switch (rule.bound) {
        case QuotaBound::kAtMostPercent: r.satisfied = count * 10000 <= int64_t{rule.value} * total; break;
        case QuotaBound::kAtLeastPercent: r.satisfied = count * 10000 >= int64_t{rule.value} * total; break;
        case QuotaBound::kAtLeastCount: r.satisfied = count >= rule.value; break;
      }
    }
    results.push_back(std::move(r));
  }
  return results;
}

bool AllSatisfied(absl::Span<const QuotaResult> results) {
  for (const QuotaResult& r : results) {
    if (!r.satisfied) return false;
  }
  return true;
}

absl::string_view PredikatLabel(v1::Predikat predikat) {
  switch (predikat) {
    case v1::PREDIKAT_SANGAT_BAIK: return "Sangat Baik";
    case v1::PREDIKAT_BAIK: return "Baik";
    case v1::PREDIKAT_BUTUH_PERBAIKAN: return "Butuh Perbaikan";
    case v1::PREDIKAT_KURANG_MISCONDUCT: return "Kurang/Misconduct";
    case v1::PREDIKAT_SANGAT_KURANG: return "Sangat Kurang";
    default: return "(no predikat)";
  }
}

std::string DescribeRule(const QuotaRule& rule) {
  const std::string who = absl::StrJoin(rule.predikats, " or ", [](std::string* out, v1::Predikat p) {
    absl::StrAppend(out, PredikatLabel(p));
  });
  const std::string percent =
      rule.value % 100 == 0 ? absl::StrCat(rule.value / 100)
                            : absl::StrCat(rule.value / 100, ".", absl::Dec(rule.value % 100, absl::kZeroPad2));
  switch (rule.bound) {
    case QuotaBound::kAtMostPercent: return absl::StrCat(who, " at most ", percent, "%");
    case QuotaBound::kAtLeastPercent: return absl::StrCat(who, " at least ", percent, "%");
    case QuotaBound::kAtLeastCount:
      return absl::StrCat(who, " at least ", rule.value, rule.value == 1 ? " employee" : " employees");
  }
  return who;
}

absl::StatusOr<QuotaRule> ParseQuotaRule(absl::string_view predikats, absl::string_view bound,
                                         int32_t value) {
  QuotaRule rule;
  for (absl::string_view name : absl::StrSplit(predikats, '|')) {
    v1::Predikat p;
    if (!v1::Predikat_Parse(absl::StrCat("PREDIKAT_", name), &p) || p == v1::PREDIKAT_UNSPECIFIED) {
      return absl::InvalidArgumentError(absl::StrCat("unknown predikat '", name, "' in a quota rule"));
    }
    rule.predikats.push_back(p);
  }
  if (bound == "AT_MOST_PERCENT") {
    rule.bound = QuotaBound::kAtMostPercent;
  } else if (bound == "AT_LEAST_PERCENT") {
    rule.bound = QuotaBound::kAtLeastPercent;
  } else if (bound == "AT_LEAST_COUNT") {
    rule.bound = QuotaBound::kAtLeastCount;
  } else {
    return absl::InvalidArgumentError(absl::StrCat("unknown quota bound '", bound, "'"));
  }
  const bool percent = rule.bound != QuotaBound::kAtLeastCount;
  if (value < 0 || (percent && value > 10000)) {
    return absl::InvalidArgumentError(absl::StrCat("quota value ", value, " is out of range"));
  }
  rule.value = value;
  return rule;
}

absl::Status FinalizationAllowed(const v1::QuotaReport& report) {
  if (report.satisfied() || !report.blocks_finalization()) return absl::OkStatus();
  if (report.organization_predikat() == v1::ORGANIZATION_PREDIKAT_UNSPECIFIED) {
    return absl::FailedPreconditionError(
        "the OPD has no organisation predikat for the year: an evaluator enters it before the "
        "distribution quota can be checked");
  }
  std::vector<std::string> failed;
  for (const v1::QuotaCheck& c : report.checks()) {
    if (!c.satisfied()) failed.push_back(absl::StrCat(c.rule(), " (", c.count(), " of ", c.total(), ")"));
  }
  return absl::FailedPreconditionError(absl::StrCat(
      "the predikat distribution does not meet the quota of the organisation predikat: ",
      absl::StrJoin(failed, "; ")));
}

}  // namespace kinerja::domain
