#include "server/domain/rhk_cascade.h"

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"

namespace kinerja::domain {

CascadeTree BuildCascade(const std::vector<CascadeRhk>& rhks) {
  CascadeTree tree;
  tree.children.resize(rhks.size());
  absl::flat_hash_map<std::string, size_t> by_id;
  for (size_t i = 0; i < rhks.size(); ++i) by_id[rhks[i].id] = i;
  // Positions whose holders' plans are in the input, and the positions that have a subordinate
  // position with a plan.
  absl::flat_hash_set<int64_t> has_subordinate_plan;
  for (const CascadeRhk& r : rhks) {
    if (r.superior_position_id) has_subordinate_plan.insert(*r.superior_position_id);
  }
  std::vector<bool> supported(rhks.size(), false);
  for (size_t i = 0; i < rhks.size(); ++i) {
    const CascadeRhk& r = rhks[i];
    auto parent = r.intervensi.empty() ? by_id.end() : by_id.find(r.intervensi);
    if (parent != by_id.end()) {
      tree.children[parent->second].push_back(i);
      supported[parent->second] = true;
    } else {
      tree.roots.push_back(i);
    }
    if (r.intervensi.empty()) {
      if (!r.top_of_cascade) {
        tree.invalid_intervensi.push_back(i);
        tree.invalid_reasons.push_back("no intervensi: it supports none of the superior's RHK");
      }
      continue;
    }
    if (parent == by_id.end()) {
      // Outside this OPD's plans (a city-level RHK) is fine at the top; below it, a gap.
      if (!r.top_of_cascade) {
        tree.invalid_intervensi.push_back(i);
        tree.invalid_reasons.push_back("the intervensi is not an RHK of a current plan in this OPD");
      }
      continue;
    }
    const CascadeRhk& p = rhks[parent->second];
    if (!p.approved) {
      tree.invalid_intervensi.push_back(i);
      tree.invalid_reasons.push_back("the intervensi is not an approved RHK");
    } else if (!r.superior_position_id || p.position_id != *r.superior_position_id) {
      tree.invalid_intervensi.push_back(i);
      tree.invalid_reasons.push_back(
          "the intervensi belongs to a plan that is not the superior position's (a transfer or a "
          "change of superior since)");
    }
  }
  for (size_t i = 0; i < rhks.size(); ++i) {
    if (!supported[i] && has_subordinate_plan.contains(rhks[i].position_id)) {
      tree.unsupported.push_back(i);
    }
  }
  return tree;
}

}  // namespace kinerja::domain
