#include "server/services/skp_reports.h"

#include <functional>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "server/domain/distribution_quota.h"
#include "server/domain/rhk_cascade.h"
#include "server/domain/skp_plan_rules.h"

namespace kinerja::services {

v1::QuotaReport QuotaReportOf(const storage::OpdYearFacts& facts) {
  v1::QuotaReport report;
  report.set_organization_predikat(facts.organization_predikat);
  report.set_blocks_finalization(facts.quota_blocks_finalization);
  if (facts.organization_predikat == v1::ORGANIZATION_PREDIKAT_UNSPECIFIED) {
    report.set_satisfied(false);
    return report;
  }
  const auto results = domain::CheckQuota(facts.predikats, facts.rules);
  for (const domain::QuotaResult& r : results) {
    v1::QuotaCheck* check = report.add_checks();
    check->set_rule(domain::DescribeRule(r.rule));
    for (v1::Predikat p : r.rule.predikats) check->add_predikats(p);
    check->set_at_most(r.rule.bound == domain::QuotaBound::kAtMostPercent);
    if (r.rule.bound == domain::QuotaBound::kAtLeastCount) {
      check->set_min_count(r.rule.value);
    } else {
      check->set_percent_basis_points(r.rule.value);
    }
    check->set_count(r.count);
    check->set_total(r.total);
    check->set_satisfied(r.satisfied);
  }
  report.set_satisfied(domain::AllSatisfied(results));
  return report;
}

void AddPredikatCounts(const domain::PredikatCounts& counts,
                       google::protobuf::RepeatedPtrField<v1::PredikatCount>* out) {
  for (int p = v1::PREDIKAT_SANGAT_BAIK; p <= v1::PREDIKAT_SANGAT_KURANG; ++p) {
    v1::PredikatCount* pc = out->Add();
    pc->set_predikat(static_cast<v1::Predikat>(p));
    pc->set_count(counts[p]);
  }
}

v1::OpdSkpSummary SummaryOf(const std::string& name, const storage::OpdYearFacts& facts) {
  v1::OpdSkpSummary s;
  s.set_name(name);
  s.set_employees(facts.employees);
  for (const auto& sc : facts.states) *s.add_states() = sc;
  for (const auto& w : facts.without_skp) *s.add_without_skp() = w;
  AddPredikatCounts(facts.predikats, s.mutable_predikats());
  *s.mutable_quota() = QuotaReportOf(facts);
  return s;
}

v1::Cascade CascadeOf(const std::string& name, const std::vector<storage::CascadeRow>& rows) {
  std::vector<domain::CascadeRhk> in;
  in.reserve(rows.size());
  for (const auto& r : rows) {
    domain::CascadeRhk c;
    c.id = r.rhk.id();
    c.intervensi = r.rhk.intervensi();
    c.approved = r.rhk.approved();
    c.position_id = r.position_id;
    c.superior_position_id = r.superior_position_id;
    c.top_of_cascade = domain::IsTopOfCascade(r.position_kind == v1::JPT,
                                              r.superior_position_id.has_value());
    in.push_back(std::move(c));
  }
  const domain::CascadeTree tree = domain::BuildCascade(in);
  std::vector<bool> unsupported(rows.size(), false);
  for (size_t i : tree.unsupported) unsupported[i] = true;
  // Children before parents would need a second pass; build recursively from the roots instead.
  std::function<void(size_t, v1::CascadeNode*)> fill = [&](size_t i, v1::CascadeNode* node) {
    const auto& r = rows[i];
    *node->mutable_rhk() = r.rhk;
    node->set_skp(r.skp);
    node->set_employee(absl::StrCat("employees/", r.nip));
    node->set_employee_name(r.employee_name);
    node->set_position_title(r.position_title);
    node->set_unsupported(unsupported[i]);
    for (size_t child : tree.children[i]) fill(child, node->add_children());
  };
  v1::Cascade cascade;
  cascade.set_name(name);
  for (size_t root : tree.roots) fill(root, cascade.add_roots());
  auto gap = [&](size_t i, std::string description) {
    v1::CascadeGap g;
    g.set_skp(rows[i].skp);
    g.set_rhk(rows[i].rhk.id());
    g.set_employee(absl::StrCat("employees/", rows[i].nip));
    g.set_description(std::move(description));
    return g;
  };
  for (size_t k = 0; k < tree.invalid_intervensi.size(); ++k) {
    *cascade.add_invalid_intervensi() = gap(tree.invalid_intervensi[k], tree.invalid_reasons[k]);
  }
  for (size_t i : tree.unsupported) {
    *cascade.add_unsupported() = gap(i, "no subordinate's RHK supports it");
  }
  return cascade;
}

}  // namespace kinerja::services
