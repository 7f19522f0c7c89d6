// DirectoryRepository: OPDs, units and positions.
#include <memory>

#include "absl/strings/str_cat.h"
#include "server/core/status_details.h"
#include "server/domain/position_rules.h"
#include "server/storage/directory_repository.h"
#include "server/storage/sql_rows.h"
#include "server/storage/transaction.h"

namespace kinerja::storage {
namespace {

constexpr char kOpdColumns[] = "SELECT code, display_name, kind, has_revenue_target, version FROM opds";

v1::Opd OpdFromRow(sql::ResultSet& rs) {
  v1::Opd opd;
  opd.set_code(rs.getString(1));
  opd.set_name(absl::StrCat("opds/", opd.code()));
  opd.set_display_name(rs.getString(2));
  opd.set_kind(rs.getString(3));
  opd.set_has_revenue_target(rs.getBoolean(4));
  opd.set_etag(absl::StrCat("\"", rs.getInt(5), "\""));
  return opd;
}

constexpr char kPositionSelect[] =
    "SELECT p.code, p.title, p.kind, o.code, u.code, s.code FROM positions p"
    " JOIN opds o ON o.id = p.opd_id"
    " LEFT JOIN units u ON u.id = p.unit_id"
    " LEFT JOIN positions s ON s.id = p.superior_position_id";

v1::Position PositionFromRow(sql::ResultSet& rs) {
  v1::Position p;
  p.set_code(rs.getString(1));
  p.set_name(absl::StrCat("positions/", p.code()));
  p.set_title(rs.getString(2));
  v1::PositionKind kind;
  if (v1::PositionKind_Parse(std::string(rs.getString(3)), &kind)) p.set_kind(kind);
  p.set_opd(rs.getString(4));
  if (!rs.isNull(5)) p.set_unit(rs.getString(5));
  if (!rs.isNull(6)) p.set_superior_position(rs.getString(6));
  return p;
}

std::optional<int64_t> IdByCode(Connection& c, const std::string& sql, const std::string& code) {
  auto& stmt = c.Prepare(sql);
  stmt.setString(1, code);
  auto rs = Query(stmt);
  if (!rs->next()) return std::nullopt;
  return rs->getInt64(1);
}

std::optional<int64_t> OpdId(Connection& c, const std::string& code) {
  return IdByCode(c, "SELECT id FROM opds WHERE code = ?", code);
}

std::optional<int64_t> UnitId(Connection& c, int64_t opd_id, const std::string& code) {
  auto& stmt = c.Prepare("SELECT id FROM units WHERE opd_id = ? AND code = ?");
  stmt.setInt64(1, opd_id);
  stmt.setString(2, code);
  auto rs = Query(stmt);
  if (!rs->next()) return std::nullopt;
  return rs->getInt64(1);
}

absl::StatusOr<v1::Position> LoadPosition(Connection& c, const std::string& code) {
  auto& stmt = c.Prepare(absl::StrCat(kPositionSelect, " WHERE p.code = ?"));
  stmt.setString(1, code);
  auto rs = Query(stmt);
  if (!rs->next()) return absl::NotFoundError(absl::StrCat("position '", code, "' not found"));
  return PositionFromRow(*rs);
}

}  // namespace

absl::StatusOr<v1::Opd> DirectoryRepository::CreateOpd(const v1::Opd& opd,
                                                       const std::string& request_id,
                                                       const AuditContext& audit,
                                                       absl::Time deadline) {
  return pool_.Run(deadline, "CreateOpd", [&](Connection& c) {
    return InTransaction(c, [&]() -> absl::StatusOr<v1::Opd> {
      v1::Opd stored;
      if (LoadIdempotentResponse(c, "CreateOpd", request_id, &stored)) return stored;
      if (OpdId(c, opd.code())) {
        return absl::AlreadyExistsError(absl::StrCat("OPD '", opd.code(), "' already exists"));
      }
      auto& ins = c.Prepare(
          "INSERT INTO opds (code, display_name, kind, has_revenue_target) VALUES (?, ?, ?, ?)");
      ins.setString(1, opd.code());
      ins.setString(2, opd.display_name());
      ins.setString(3, opd.kind());
      ins.setBoolean(4, opd.has_revenue_target());
      ins.executeUpdate();
      auto& sel = c.Prepare(absl::StrCat(kOpdColumns, " WHERE code = ?"));
      sel.setString(1, opd.code());
      auto rs = Query(sel);
      rs->next();
      v1::Opd created = OpdFromRow(*rs);
      AppendAudit(c, audit, created.name(), nullptr, &created);
      SaveIdempotentResponse(c, "CreateOpd", request_id, created);
      return created;
    });
  });
}

absl::StatusOr<v1::Opd> DirectoryRepository::GetOpd(const std::string& code, absl::Time deadline) {
  return pool_.Run(deadline, "GetOpd", [&](Connection& c) -> absl::StatusOr<v1::Opd> {
    auto& sel = c.Prepare(absl::StrCat(kOpdColumns, " WHERE code = ?"));
    sel.setString(1, code);
    auto rs = Query(sel);
    if (!rs->next()) return absl::NotFoundError(absl::StrCat("OPD '", code, "' not found"));
    return OpdFromRow(*rs);
  });
}

absl::StatusOr<std::vector<v1::Opd>> DirectoryRepository::ListOpds(const std::string& after,
                                                                   int limit,
                                                                   absl::Time deadline) {
  return pool_.Run(deadline, "ListOpds", [&](Connection& c) -> absl::StatusOr<std::vector<v1::Opd>> {
    auto& sel = c.Prepare(absl::StrCat(kOpdColumns, " WHERE code > ? ORDER BY code LIMIT ?"));
    sel.setString(1, after);
    sel.setInt(2, limit);
    auto rs = Query(sel);
    std::vector<v1::Opd> out;
    while (rs->next()) out.push_back(OpdFromRow(*rs));
    return out;
  });
}

absl::StatusOr<v1::Unit> DirectoryRepository::CreateUnit(const std::string& opd_code,
                                                         const v1::Unit& unit,
                                                         const AuditContext& audit,
                                                         absl::Time deadline) {
  return pool_.Run(deadline, "CreateUnit", [&](Connection& c) {
    return InTransaction(c, [&]() -> absl::StatusOr<v1::Unit> {
      auto opd_id = OpdId(c, opd_code);
      if (!opd_id) return absl::NotFoundError(absl::StrCat("OPD '", opd_code, "' not found"));
      std::optional<int64_t> parent_id;
      if (!unit.parent_unit().empty()) {
        parent_id = UnitId(c, *opd_id, unit.parent_unit());
        if (!parent_id) {
          return core::FieldError("unit.parent_unit",
                                  absl::StrCat("unit '", unit.parent_unit(), "' is not in OPD '",
                                               opd_code, "'"));
        }
      }
      if (UnitId(c, *opd_id, unit.code())) {
        return absl::AlreadyExistsError(
            absl::StrCat("unit '", unit.code(), "' already exists in OPD '", opd_code, "'"));
      }
      auto& ins = c.Prepare(
          "INSERT INTO units (opd_id, code, display_name, parent_unit_id) VALUES (?, ?, ?, ?)");
      ins.setInt64(1, *opd_id);
      ins.setString(2, unit.code());
      ins.setString(3, unit.display_name());
      if (parent_id) {
        ins.setInt64(4, *parent_id);
      } else {
        ins.setNull(4, 0);
      }
      ins.executeUpdate();
      v1::Unit created = unit;
      created.set_name(absl::StrCat("opds/", opd_code, "/units/", unit.code()));
      AppendAudit(c, audit, created.name(), nullptr, &created);
      return created;
    });
  });
}

absl::StatusOr<std::vector<v1::Unit>> DirectoryRepository::ListUnits(const std::string& opd_code,
                                                                     absl::Time deadline) {
  return pool_.Run(deadline, "ListUnits",
                   [&](Connection& c) -> absl::StatusOr<std::vector<v1::Unit>> {
    auto opd_id = OpdId(c, opd_code);
    if (!opd_id) return absl::NotFoundError(absl::StrCat("OPD '", opd_code, "' not found"));
    auto& sel = c.Prepare(
        "SELECT u.code, u.display_name, p.code FROM units u LEFT JOIN units p"
        " ON p.id = u.parent_unit_id WHERE u.opd_id = ? ORDER BY u.code");
    sel.setInt64(1, *opd_id);
    auto rs = Query(sel);
    std::vector<v1::Unit> out;
    while (rs->next()) {
      v1::Unit u;
      u.set_code(rs->getString(1));
      u.set_name(absl::StrCat("opds/", opd_code, "/units/", u.code()));
      u.set_display_name(rs->getString(2));
      if (!rs->isNull(3)) u.set_parent_unit(rs->getString(3));
      out.push_back(std::move(u));
    }
    return out;
  });
}

absl::StatusOr<v1::Position> DirectoryRepository::CreatePosition(const v1::Position& position,
                                                                 const AuditContext& audit,
                                                                 absl::Time deadline) {
  return pool_.Run(deadline, "CreatePosition", [&](Connection& c) {
    return InTransaction(c, [&]() -> absl::StatusOr<v1::Position> {
      auto opd_id = OpdId(c, position.opd());
      if (!opd_id) {
        return core::FieldError("position.opd",
                                absl::StrCat("OPD '", position.opd(), "' not found"));
      }
      std::optional<int64_t> unit_id, superior_id;
      if (!position.unit().empty()) {
        unit_id = UnitId(c, *opd_id, position.unit());
        if (!unit_id) {
          return core::FieldError("position.unit", absl::StrCat("unit '", position.unit(),
                                                                "' is not in OPD '",
                                                                position.opd(), "'"));
        }
      }
      if (!position.superior_position().empty()) {
        superior_id =
            IdByCode(c, "SELECT id FROM positions WHERE code = ?", position.superior_position());
        if (!superior_id) {
          return core::FieldError(
              "position.superior_position",
              absl::StrCat("position '", position.superior_position(), "' not found"));
        }
      }
      if (IdByCode(c, "SELECT id FROM positions WHERE code = ?", position.code())) {
        return absl::AlreadyExistsError(
            absl::StrCat("position '", position.code(), "' already exists"));
      }
      auto& ins = c.Prepare(
          "INSERT INTO positions (code, title, kind, opd_id, unit_id, superior_position_id)"
          " VALUES (?, ?, ?, ?, ?, ?)");
      ins.setString(1, position.code());
      ins.setString(2, position.title());
      ins.setString(3, v1::PositionKind_Name(position.kind()));
      ins.setInt64(4, *opd_id);
      if (unit_id) ins.setInt64(5, *unit_id); else ins.setNull(5, 0);
      if (superior_id) ins.setInt64(6, *superior_id); else ins.setNull(6, 0);
      ins.executeUpdate();
      auto created = LoadPosition(c, position.code());
      if (created.ok()) AppendAudit(c, audit, created->name(), nullptr, &*created);
      return created;
    });
  });
}

absl::StatusOr<v1::Position> DirectoryRepository::GetPosition(const std::string& code,
                                                              absl::Time deadline) {
  return pool_.Run(deadline, "GetPosition",
                   [&](Connection& c) { return LoadPosition(c, code); });
}

absl::StatusOr<std::vector<v1::Position>> DirectoryRepository::ListPositions(
    const PositionFilter& filter, const std::string& after, int limit, absl::Time deadline) {
  return pool_.Run(deadline, "ListPositions",
                   [&](Connection& c) -> absl::StatusOr<std::vector<v1::Position>> {
    std::string sql = absl::StrCat(kPositionSelect, " WHERE p.code > ?");
    if (!filter.opd.empty()) absl::StrAppend(&sql, " AND o.code = ?");
    if (!filter.unit.empty()) absl::StrAppend(&sql, " AND u.code = ?");
    if (filter.kind != v1::POSITION_KIND_UNSPECIFIED) absl::StrAppend(&sql, " AND p.kind = ?");
    absl::StrAppend(&sql, " ORDER BY p.code LIMIT ?");
    auto& stmt = c.Prepare(sql);
    int i = 1;
    stmt.setString(i++, after);
    if (!filter.opd.empty()) stmt.setString(i++, filter.opd);
    if (!filter.unit.empty()) stmt.setString(i++, filter.unit);
    if (filter.kind != v1::POSITION_KIND_UNSPECIFIED) {
      stmt.setString(i++, v1::PositionKind_Name(filter.kind));
    }
    stmt.setInt(i++, limit);
    auto rs = Query(stmt);
    std::vector<v1::Position> out;
    while (rs->next()) out.push_back(PositionFromRow(*rs));
    return out;
  });
}

absl::StatusOr<v1::Position> DirectoryRepository::UpdatePosition(const std::string& code,
                                                                 const PositionUpdate& update,
                                                                 const AuditContext& audit,
                                                                 absl::Time deadline) {
  return pool_.Run(deadline, "UpdatePosition", [&](Connection& c) {
    return InTransaction(c, [&]() -> absl::StatusOr<v1::Position> {
      auto& cur = c.Prepare("SELECT id, opd_id FROM positions WHERE code = ? FOR UPDATE");
      cur.setString(1, code);
      auto rs = Query(cur);
      if (!rs->next()) return absl::NotFoundError(absl::StrCat("position '", code, "' not found"));
      const int64_t id = rs->getInt64(1), opd_id = rs->getInt64(2);
      auto before = LoadPosition(c, code);
      if (update.title) {
        auto& st = c.Prepare("UPDATE positions SET title = ?, version = version + 1 WHERE id = ?");
        st.setString(1, *update.title);
        st.setInt64(2, id);
        st.executeUpdate();
      }
      if (update.unit) {
        std::optional<int64_t> unit_id;
        if (!update.unit->empty()) {
          unit_id = UnitId(c, opd_id, *update.unit);
          if (!unit_id) {
            return core::FieldError("position.unit",
                                    absl::StrCat("unit '", *update.unit, "' is not in the OPD"));
          }
        }
        auto& st = c.Prepare("UPDATE positions SET unit_id = ?, version = version + 1 WHERE id = ?");
        if (unit_id) st.setInt64(1, *unit_id); else st.setNull(1, 0);
        st.setInt64(2, id);
        st.executeUpdate();
      }
      if (update.superior_position) {
        std::optional<int64_t> superior_id;
        if (!update.superior_position->empty()) {
          superior_id =
              IdByCode(c, "SELECT id FROM positions WHERE code = ?", *update.superior_position);
          if (!superior_id) {
            return core::FieldError(
                "position.superior_position",
                absl::StrCat("position '", *update.superior_position, "' not found"));
          }
          auto& up = c.Prepare("SELECT superior_position_id FROM positions WHERE id = ?");
          auto superior_of = [&](int64_t p) -> std::optional<int64_t> {
            up.setInt64(1, p);
            auto r = Query(up);
            if (!r->next() || r->isNull(1)) return std::nullopt;
            return r->getInt64(1);
          };
          if (domain::CreatesCycle(id, *superior_id, superior_of)) {
            return core::FieldError(
                "position.superior_position",
                absl::StrCat("making '", *update.superior_position, "' the superior of '", code,
                             "' would create a cycle in the position tree"));
          }
        }
        auto& st = c.Prepare(
            "UPDATE positions SET superior_position_id = ?, version = version + 1 WHERE id = ?");
        if (superior_id) st.setInt64(1, *superior_id); else st.setNull(1, 0);
        st.setInt64(2, id);
        st.executeUpdate();
      }
      auto after = LoadPosition(c, code);
      if (before.ok() && after.ok()) AppendAudit(c, audit, after->name(), &*before, &*after);
      return after;
    });
  });
}

}  // namespace kinerja::storage
