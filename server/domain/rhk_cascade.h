// The cascade of an OPD's RHK for a year (DOMAIN.md 3.3): each RHK under the superior's RHK it names
// as intervensi, from the head of the OPD down, and its gaps:
//   - an RHK whose intervensi is missing (below the top of the cascade) or is not an approved RHK of
//     a plan of the owner's superior position;
//   - an RHK of someone whose subordinates have plans, none of whose RHK supports it.
#ifndef KINERJA_SERVER_DOMAIN_RHK_CASCADE_H_
#define KINERJA_SERVER_DOMAIN_RHK_CASCADE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kinerja::domain {

struct CascadeRhk {
  std::string id;            // "rhk-12"
  std::string intervensi;    // "" or "rhk-7"
  bool approved = false;
  int64_t position_id = 0;   // the owner's position
  std::optional<int64_t> superior_position_id;
  bool top_of_cascade = false;  // JPT, or no superior position
};

struct CascadeTree {
  // Indices into the input: the roots (RHK with no parent among the input), and each RHK's children
  // in input order.
  std::vector<size_t> roots;
  std::vector<std::vector<size_t>> children;
  std::vector<size_t> invalid_intervensi;  // with the reason below, same order
  std::vector<std::string> invalid_reasons;
  std::vector<size_t> unsupported;
};

CascadeTree BuildCascade(const std::vector<CascadeRhk>& rhks);

}  // namespace kinerja::domain

#endif  // KINERJA_SERVER_DOMAIN_RHK_CASCADE_H_
