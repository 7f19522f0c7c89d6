// OpdHeadFacts on a connection (opd_head_rows.h), and SkpRepository::OpdHead over them.
#include "server/storage/opd_head_rows.h"

#include <optional>
#include <string>

#include "server/domain/position_rules.h"
#include "server/storage/sql_rows.h"

namespace kinerja::storage {

OpdHeadFacts LoadOpdHeadFacts(Connection& c, int64_t position_id, int64_t opd_id, int32_t year,
                              bool lock) {
  OpdHeadFacts f;
  {
    // The OPD of the position's superior position (NULL without one).
    auto& sel = c.Prepare(
        "SELECT sp.opd_id FROM positions p LEFT JOIN positions sp ON sp.id = p.superior_position_id"
        " WHERE p.id = ?");
    sel.setInt64(1, position_id);
    auto rs = Query(sel);
    if (rs->next()) {
      std::optional<int64_t> superior_opd;
      if (!rs->isNull(1)) superior_opd = rs->getInt64(1);
      f.heads_opd = domain::HeadsOpd(opd_id, superior_opd);
    }
  }
  {
    auto& sel = c.Prepare(lock ? "SELECT predikat FROM organization_predikats WHERE opd_id = ?"
                                 " AND year = ? LOCK IN SHARE MODE"
                               : "SELECT predikat FROM organization_predikats WHERE opd_id = ?"
                                 " AND year = ?");
    sel.setInt64(1, opd_id);
    sel.setInt(2, year);
    auto rs = Query(sel);
    if (rs->next()) {
      f.organization_predikat = ParseEnumOr(std::string(rs->getString(1)),
                                            v1::OrganizationPredikatLevel_Parse,
                                            v1::ORGANIZATION_PREDIKAT_UNSPECIFIED);
    }
  }
  return f;
}

OpdHeadFacts LoadOpdHeadFactsOfSkp(Connection& c, int64_t skp_id) {
  auto& sel = c.Prepare("SELECT position_id, opd_id, year FROM skps WHERE id = ?");
  sel.setInt64(1, skp_id);
  auto rs = Query(sel);
  if (!rs->next()) return OpdHeadFacts();
  return LoadOpdHeadFacts(c, rs->getInt64(1), rs->getInt64(2), rs->getInt(3), /*lock=*/true);
}

absl::StatusOr<OpdHeadFacts> SkpRepository::OpdHead(const SkpAssignment& assignment, int32_t year,
                                                    absl::Time deadline) {
  return pool_.Run(deadline, "OpdHead", [&](Connection& c) -> absl::StatusOr<OpdHeadFacts> {
    return LoadOpdHeadFacts(c, assignment.position_id, assignment.opd_id, year, /*lock=*/false);
  });
}

}  // namespace kinerja::storage
