// SkpRepository's reads and writes over an OPD's year: the summary facts, the cascade's rows, the
// organisation predikat and finalisation.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "server/domain/civil_date.h"
#include "server/domain/position_rules.h"
#include "server/domain/skp_lifecycle.h"
#include "server/storage/skp_repository.h"
#include "server/storage/skp_rows.h"
#include "server/storage/sql_rows.h"
#include "server/storage/transaction.h"

namespace kinerja::storage {
namespace {

// The plans whose predikat counts towards the distribution quota (DOMAIN.md 5.4): evaluated, or
// final.
constexpr char kRated[] = " state IN ('SKP_STATE_EVALUATED', 'SKP_STATE_FINAL')";

std::optional<int64_t> OpdIdOf(Connection& c, const std::string& code) {
  auto& sel = c.Prepare("SELECT id FROM opds WHERE code = ?");
  sel.setString(1, code);
  auto rs = Query(sel);
  if (!rs->next()) return std::nullopt;
  return rs->getInt64(1);
}

absl::Status OpdNotFound(const std::string& code) {
  return absl::NotFoundError(absl::StrCat("OPD '", code, "' not found"));
}

// The year's quota rules for `f`'s organisation predikat, and whether a violation blocks.
absl::Status LoadQuotaConfiguration(Connection& c, int32_t year, OpdYearFacts* f) {
  if (f->organization_predikat != v1::ORGANIZATION_PREDIKAT_UNSPECIFIED) {
    const std::string level(absl::StripPrefix(
        v1::OrganizationPredikatLevel_Name(f->organization_predikat), "ORGANIZATION_PREDIKAT_"));
    auto& sel = c.Prepare(
        "SELECT predikats, bound, value FROM skp_quota_rules WHERE organization_predikat = ?"
        " AND valid_from_year = (SELECT MAX(valid_from_year) FROM skp_quota_rules"
        "   WHERE organization_predikat = ? AND valid_from_year <= ?) ORDER BY ordinal");
    sel.setString(1, level);
    sel.setString(2, level);
    sel.setInt(3, year);
    auto rs = Query(sel);
    while (rs->next()) {
      auto rule = domain::ParseQuotaRule(std::string(rs->getString(1)), std::string(rs->getString(2)),
                                         rs->getInt(3));
      if (!rule.ok()) {
        return absl::FailedPreconditionError(
            absl::StrCat("the distribution-quota configuration is invalid: ", rule.status().message()));
      }
      f->rules.push_back(*std::move(rule));
    }
  }
  {
    auto& sel = c.Prepare(
        "SELECT quota_blocks_finalization FROM skp_year_settings WHERE valid_from_year <= ?"
        " ORDER BY valid_from_year DESC LIMIT 1");
    sel.setInt(1, year);
    auto rs = Query(sel);
    if (rs->next()) f->quota_blocks_finalization = rs->getBoolean(1);
  }
  return absl::OkStatus();
}

absl::StatusOr<OpdYearFacts> LoadOpdYear(Connection& c, int64_t opd_id, const std::string& opd_code,
                                         int32_t year, absl::CivilDay day) {
  OpdYearFacts f;
  f.opd_id = opd_id;
  const std::string d = DateParam(day);
  {
    auto& sel = c.Prepare(
        "SELECT COUNT(*) FROM assignments WHERE opd_id = ? AND start_date <= ?"
        " AND (end_date IS NULL OR end_date >= ?)");
    sel.setInt64(1, opd_id);
    sel.setString(2, d);
    sel.setString(3, d);
    auto rs = Query(sel);
    rs->next();
    f.employees = rs->getInt(1);
  }
  {
    auto& sel = c.Prepare(
        "SELECT state, COUNT(*) FROM skps WHERE opd_id = ? AND year = ? GROUP BY state ORDER BY state");
    sel.setInt64(1, opd_id);
    sel.setInt(2, year);
    auto rs = Query(sel);
    while (rs->next()) {
      v1::StateCount sc;
      sc.set_state(ParseEnumOr(std::string(rs->getString(1)), v1::SkpState_Parse, v1::SKP_STATE_UNSPECIFIED));
      sc.set_count(rs->getInt(2));
      f.states.push_back(sc);
    }
  }
  {
    auto& sel = c.Prepare(
        "SELECT a.nip, e.full_name, p.code, p.title, a.start_date,"
        " (SELECT o2.code FROM assignments a2 JOIN opds o2 ON o2.id = a2.opd_id"
        "   WHERE a2.employee_id = a.employee_id AND a2.start_date < a.start_date"
        "   ORDER BY a2.start_date DESC LIMIT 1)"
        " FROM assignments a JOIN employees e ON e.id = a.employee_id"
        " JOIN positions p ON p.id = a.position_id"
        " WHERE a.opd_id = ? AND a.start_date <= ? AND (a.end_date IS NULL OR a.end_date >= ?)"
        " AND NOT EXISTS (SELECT 1 FROM skps s WHERE s.assignment_id = a.id AND s.year = ?)"
        " ORDER BY a.nip");
    sel.setInt64(1, opd_id);
    sel.setString(2, d);
    sel.setString(3, d);
    sel.setInt(4, year);
    auto rs = Query(sel);
    while (rs->next()) {
      v1::EmployeeWithoutSkp w;
      w.set_employee(absl::StrCat("employees/", std::string(rs->getString(1))));
      w.set_name(rs->getString(2));
      w.set_position(absl::StrCat("positions/", std::string(rs->getString(3))));
      w.set_position_title(rs->getString(4));
      *w.mutable_assignment_start() = domain::ToProtoDate(*DateColumn(*rs, 5));
      if (!rs->isNull(6) && std::string(rs->getString(6)) != opd_code) {
        w.set_previous_opd(absl::StrCat("opds/", std::string(rs->getString(6))));
      }
      f.without_skp.push_back(std::move(w));
    }
  }
  {
    auto& sel = c.Prepare(
        absl::StrCat("SELECT predikat, COUNT(*) FROM skps WHERE opd_id = ? AND year = ? AND",
                     kRated, " GROUP BY predikat"));
    sel.setInt64(1, opd_id);
    sel.setInt(2, year);
    auto rs = Query(sel);
    while (rs->next()) {
      const v1::Predikat p = ParseEnumOr(std::string(rs->getString(1)), v1::Predikat_Parse, v1::PREDIKAT_UNSPECIFIED);
      if (p != v1::PREDIKAT_UNSPECIFIED) f.predikats[p] += rs->getInt(2);
    }
  }
  {
    auto& sel = c.Prepare("SELECT predikat FROM organization_predikats WHERE opd_id = ? AND year = ?");
    sel.setInt64(1, opd_id);
    sel.setInt(2, year);
    auto rs = Query(sel);
    if (rs->next()) {
      f.organization_predikat = ParseEnumOr(std::string(rs->getString(1)), v1::OrganizationPredikatLevel_Parse,
                                            v1::ORGANIZATION_PREDIKAT_UNSPECIFIED);
    }
  }
  if (absl::Status st = LoadQuotaConfiguration(c, year, &f); !st.ok()) return st;
  return f;
}

// The evaluated plans of the year whose position heads the OPD (domain::HeadsOpd: its superior
// position is in another OPD, or it has none), with their Rating Hasil Kerja.
std::vector<std::pair<std::string, v1::RatingLevel>> EvaluatedHeads(Connection& c, int64_t opd_id,
                                                                    int32_t year) {
  auto& sel = c.Prepare(
      "SELECT s.id, s.nip, s.hasil_kerja, sp.opd_id FROM skps s JOIN positions p ON p.id = s.position_id"
      " LEFT JOIN positions sp ON sp.id = p.superior_position_id"
      " WHERE s.opd_id = ? AND s.year = ? AND s.state = 'SKP_STATE_EVALUATED'");
  sel.setInt64(1, opd_id);
  sel.setInt(2, year);
  auto rs = Query(sel);
  std::vector<std::pair<std::string, v1::RatingLevel>> out;
  while (rs->next()) {
    std::optional<int64_t> superior_opd;
    if (!rs->isNull(4)) superior_opd = rs->getInt64(4);
    if (!domain::HeadsOpd(opd_id, superior_opd)) continue;
    out.emplace_back(SkpName(std::string(rs->getString(2)), rs->getInt64(1)),
                     ParseEnumOr(rs->isNull(3) ? std::string() : std::string(rs->getString(3)),
                                 v1::RatingLevel_Parse, v1::RATING_LEVEL_UNSPECIFIED));
  }
  return out;
}

}  // namespace

absl::StatusOr<OpdYearFacts> SkpRepository::OpdYear(const std::string& opd_code, int32_t year,
                                                    absl::CivilDay day, absl::Time deadline) {
  return pool_.Run(deadline, "OpdSkpYear", [&](Connection& c) -> absl::StatusOr<OpdYearFacts> {
    auto opd = OpdIdOf(c, opd_code);
    if (!opd) return OpdNotFound(opd_code);
    return LoadOpdYear(c, *opd, opd_code, year, day);
  });
}

absl::StatusOr<std::vector<std::pair<std::string, OpdYearFacts>>> SkpRepository::CityQuotaFacts(
    int32_t year, absl::Time deadline) {
  using Out = std::vector<std::pair<std::string, OpdYearFacts>>;
  return pool_.Run(deadline, "CityQuotaFacts", [&](Connection& c) -> absl::StatusOr<Out> {
    Out out;
    absl::flat_hash_map<int64_t, size_t> index;
    {
      auto& sel = c.Prepare(
          "SELECT o.id, o.code, p.predikat FROM opds o LEFT JOIN organization_predikats p"
          " ON p.opd_id = o.id AND p.year = ? ORDER BY o.code");
      sel.setInt(1, year);
      auto rs = Query(sel);
      while (rs->next()) {
        OpdYearFacts f;
        f.opd_id = rs->getInt64(1);
        if (!rs->isNull(3)) {
          f.organization_predikat = ParseEnumOr(std::string(rs->getString(3)),
                                                v1::OrganizationPredikatLevel_Parse,
                                                v1::ORGANIZATION_PREDIKAT_UNSPECIFIED);
        }
        index[f.opd_id] = out.size();
        out.emplace_back(std::string(rs->getString(2)), std::move(f));
      }
    }
    {
      auto& sel = c.Prepare(
          absl::StrCat("SELECT opd_id, predikat, COUNT(*) FROM skps WHERE year = ? AND", kRated,
                       " GROUP BY opd_id, predikat"));
      sel.setInt(1, year);
      auto rs = Query(sel);
      while (rs->next()) {
        auto it = index.find(rs->getInt64(1));
        const v1::Predikat p = ParseEnumOr(std::string(rs->getString(2)), v1::Predikat_Parse,
                                           v1::PREDIKAT_UNSPECIFIED);
        if (it != index.end() && p != v1::PREDIKAT_UNSPECIFIED) out[it->second].second.predikats[p] += rs->getInt(3);
      }
    }
    // The rules differ only by organisation predikat: read each level's once.
    absl::flat_hash_map<int, OpdYearFacts> by_level;
    for (auto& [code, f] : out) {
      auto [it, inserted] = by_level.try_emplace(f.organization_predikat);
      if (inserted) {
        it->second.organization_predikat = f.organization_predikat;
        if (absl::Status st = LoadQuotaConfiguration(c, year, &it->second); !st.ok()) return st;
      }
      f.rules = it->second.rules;
      f.quota_blocks_finalization = it->second.quota_blocks_finalization;
    }
    return out;
  });
}

absl::StatusOr<SkpRepository::OpdPlans> SkpRepository::OpdYearPlans(const std::string& opd_code,
                                                                   int32_t year,
                                                                   absl::Time deadline) {
  return pool_.Run(deadline, "OpdYearPlans", [&](Connection& c) -> absl::StatusOr<OpdPlans> {
    auto opd = OpdIdOf(c, opd_code);
    if (!opd) return OpdNotFound(opd_code);
    auto& sel = c.Prepare(
        "SELECT id FROM skps WHERE opd_id = ? AND year = ?"
        " AND state <> 'SKP_STATE_CLOSED_BY_TRANSFER' ORDER BY nip");
    sel.setInt64(1, *opd);
    sel.setInt(2, year);
    auto rs = Query(sel);
    std::vector<int64_t> ids;
    while (rs->next()) ids.push_back(rs->getInt64(1));
    OpdPlans out;
    for (int64_t id : ids) {
      if (auto skp = LoadSkp(c, id, false)) out.skps.push_back(std::move(*skp));
    }
    auto& texts = c.Prepare(
        "SELECT t.id, t.text FROM skps s JOIN skp_rhks r ON r.skp_id = s.id"
        " JOIN skp_rhks t ON t.id = r.intervensi_rhk_id WHERE s.opd_id = ? AND s.year = ?");
    texts.setInt64(1, *opd);
    texts.setInt(2, year);
    auto tr = Query(texts);
    while (tr->next()) out.intervensi_texts[RhkName(tr->getInt64(1))] = tr->getString(2);
    return out;
  });
}

absl::StatusOr<std::vector<CascadeRow>> SkpRepository::CascadeRows(const std::string& opd_code,
                                                                   int32_t year,
                                                                   absl::Time deadline) {
  return pool_.Run(deadline, "CascadeRows", [&](Connection& c) -> absl::StatusOr<std::vector<CascadeRow>> {
    auto opd = OpdIdOf(c, opd_code);
    if (!opd) return OpdNotFound(opd_code);
    auto& sel = c.Prepare(
        "SELECT r.id, r.kind, r.text, r.intervensi_rhk_id, r.perjanjian_kinerja, r.perspective,"
        " r.approved, s.id, s.nip, e.full_name, p.title, s.position_id, p.superior_position_id, p.kind"
        " FROM skps s JOIN skp_rhks r ON r.skp_id = s.id JOIN employees e ON e.nip = s.nip"
        " JOIN positions p ON p.id = s.position_id"
        " WHERE s.opd_id = ? AND s.year = ? AND s.state <> 'SKP_STATE_CLOSED_BY_TRANSFER'"
        " ORDER BY s.nip, r.ordinal");
    sel.setInt64(1, *opd);
    sel.setInt(2, year);
    auto rs = Query(sel);
    std::vector<CascadeRow> out;
    while (rs->next()) {
      CascadeRow row;
      row.rhk.set_id(RhkName(rs->getInt64(1)));
      row.rhk.set_kind(ParseEnumOr(std::string(rs->getString(2)), v1::RhkKind_Parse, v1::RHK_KIND_UNSPECIFIED));
      row.rhk.set_text(rs->getString(3));
      if (!rs->isNull(4)) row.rhk.set_intervensi(RhkName(rs->getInt64(4)));
      row.rhk.set_perjanjian_kinerja(rs->getString(5));
      row.rhk.set_perspective(ParseEnumOr(std::string(rs->getString(6)), v1::Perspective_Parse,
                                          v1::PERSPECTIVE_UNSPECIFIED));
      row.rhk.set_approved(rs->getBoolean(7));
      row.nip = rs->getString(9);
      row.skp = SkpName(row.nip, rs->getInt64(8));
      row.employee_name = rs->getString(10);
      row.position_title = rs->getString(11);
      row.position_id = rs->getInt64(12);
      if (!rs->isNull(13)) row.superior_position_id = rs->getInt64(13);
      row.position_kind = ParseEnumOr(std::string(rs->getString(14)), v1::PositionKind_Parse,
                                      v1::POSITION_KIND_UNSPECIFIED);
      out.push_back(std::move(row));
    }
    return out;
  });
}

absl::StatusOr<v1::OrganizationPredikat> SkpRepository::SetOrganizationPredikat(
    const std::string& opd_code, int32_t year, v1::OrganizationPredikatLevel level,
    const AuditContext& audit, absl::Time deadline) {
  return pool_.Run(deadline, "SetOrganizationPredikat", [&](Connection& c) {
    return InTransaction(c, [&]() -> absl::StatusOr<v1::OrganizationPredikat> {
      auto opd = OpdIdOf(c, opd_code);
      if (!opd) return OpdNotFound(opd_code);
      const std::string name = absl::StrCat("opds/", opd_code, "/years/", year);
      auto load = [&]() -> std::optional<v1::OrganizationPredikat> {
        auto& sel = c.Prepare(
            "SELECT predikat, entered_by, updated_at FROM organization_predikats"
            " WHERE opd_id = ? AND year = ?");
        sel.setInt64(1, *opd);
        sel.setInt(2, year);
        auto rs = Query(sel);
        if (!rs->next()) return std::nullopt;
        v1::OrganizationPredikat p;
        p.set_name(name);
        p.set_predikat(ParseEnumOr(std::string(rs->getString(1)), v1::OrganizationPredikatLevel_Parse,
                                   v1::ORGANIZATION_PREDIKAT_UNSPECIFIED));
        p.set_entered_by(rs->getString(2));
        if (auto t = TimeColumn(*rs, 3)) {
          p.mutable_update_time()->set_seconds(absl::ToUnixSeconds(*t));
        }
        return p;
      };
      const auto before = load();
      auto& up = c.Prepare(
          "INSERT INTO organization_predikats (opd_id, year, predikat, entered_by) VALUES (?, ?, ?, ?)"
          " ON DUPLICATE KEY UPDATE predikat = VALUES(predikat), entered_by = VALUES(entered_by)");
      up.setInt64(1, *opd);
      up.setInt(2, year);
      up.setString(3, v1::OrganizationPredikatLevel_Name(level));
      up.setString(4, audit.actor);
      up.executeUpdate();
      const auto after = load();
      AppendAudit(c, audit, name, before ? &*before : nullptr, after ? &*after : nullptr);
      return *after;
    });
  });
}

absl::StatusOr<int> SkpRepository::FinalizeOpdYear(
    const std::string& opd_code, int32_t year, absl::CivilDay day,
    const std::function<absl::Status(const OpdYearFacts&)>& allowed, const AuditContext& audit,
    absl::Time deadline) {
  return WrittenAll(pool_.Run(deadline, "FinalizeOpdSkps", [&](Connection& c) {
    return InTransaction(c, [&]() -> absl::StatusOr<int> {
      auto opd = OpdIdOf(c, opd_code);
      if (!opd) return OpdNotFound(opd_code);
      // Lock the year's plans first, so the facts cannot change under the decision.
      auto& lock = c.Prepare("SELECT id, state FROM skps WHERE opd_id = ? AND year = ? FOR UPDATE");
      lock.setInt64(1, *opd);
      lock.setInt(2, year);
      auto rs = Query(lock);
      std::vector<int64_t> evaluated;  // those the lifecycle lets finalize
      while (rs->next()) {
        const v1::SkpState state = ParseEnumOr(std::string(rs->getString(2)), v1::SkpState_Parse,
                                               v1::SKP_STATE_UNSPECIFIED);
        if (domain::NextState(state, domain::SkpAction::kFinalize).ok()) evaluated.push_back(rs->getInt64(1));
      }
      auto facts = LoadOpdYear(c, *opd, opd_code, year, day);
      if (!facts.ok()) return facts.status();
      facts->evaluated_heads = EvaluatedHeads(c, *opd, year);
      if (absl::Status st = allowed(*facts); !st.ok()) return st;
      for (int64_t id : evaluated) {
        auto before = LoadSkp(c, id, false);
        auto& upd = c.Prepare("UPDATE skps SET state = ?, version = version + 1 WHERE id = ?");
        upd.setString(1, v1::SkpState_Name(*domain::NextState(before->state(), domain::SkpAction::kFinalize)));
        upd.setInt64(2, id);
        upd.executeUpdate();
        auto after = LoadSkp(c, id, false);
        AppendAudit(c, audit, before->name(), &*before, &*after);
      }
      return static_cast<int>(evaluated.size());
    });
  }));
}

}  // namespace kinerja::storage
