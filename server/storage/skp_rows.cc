#include "server/storage/skp_rows.h"

#include <algorithm>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "server/domain/civil_date.h"
#include "server/storage/sql_rows.h"

namespace kinerja::storage {
namespace {

// The plan row and what it shows from the directory (position, OPD, the employee's name).
constexpr char kSkpFrom[] =
    " FROM skps s JOIN positions p ON p.id = s.position_id JOIN opds o ON o.id = s.opd_id"
    " JOIN employees e ON e.nip = s.nip";
constexpr char kSkpColumns[] =
    "SELECT s.id, s.nip, s.year, s.approach, s.state, s.revision, s.assignment_id, p.code, p.title,"
    " o.code, s.start_date, s.closed_on, s.return_note, s.hasil_kerja, s.hasil_kerja_justification,"
    " s.perilaku_kerja, s.perilaku_kerja_justification, s.predikat, s.evaluator_nip, s.evaluated_at,"
    " s.version, s.updated_at, e.full_name";
constexpr char kProbeColumns[] =
    "SELECT s.id, s.version, p.code, p.title, o.code, e.full_name";

google::protobuf::Timestamp ToProtoTime(absl::Time t) {
  google::protobuf::Timestamp ts;
  ts.set_seconds(absl::ToUnixSeconds(t));
  ts.set_nanos(static_cast<int32_t>((t - absl::FromUnixSeconds(ts.seconds())) / absl::Nanoseconds(1)));
  return ts;
}

std::string Str(sql::ResultSet& rs, int column) {
  return rs.isNull(column) ? std::string() : std::string(rs.getString(column));
}

void SetNullableString(sql::PreparedStatement& s, int i, const std::string& v) {
  if (v.empty()) s.setNull(i, 0); else s.setString(i, v);
}

}  // namespace

std::string SkpName(const std::string& nip, int64_t id) {
  return absl::StrCat("employees/", nip, "/skps/", id);
}
std::string RhkName(int64_t id) { return absl::StrCat("rhk-", id); }
std::optional<int64_t> RhkIdOf(const std::string& name) {
  int64_t id = 0;
  if (!absl::StartsWith(name, "rhk-") || !absl::SimpleAtoi(name.substr(4), &id) || id <= 0) {
    return std::nullopt;
  }
  return id;
}

std::string SkpEtag(int64_t version) { return absl::StrCat("\"", version, "\""); }

std::vector<SkpProbe> ProbeSkps(Connection& c, const std::vector<int64_t>& ids) {
  std::vector<SkpProbe> out;
  if (ids.empty()) return out;
  const size_t slots = InListSlots(ids.size());  // padded with the last id
  auto& sel = c.Prepare(
      absl::StrCat(kProbeColumns, kSkpFrom, " WHERE s.id IN (", Placeholders(slots), ")"));
  for (size_t i = 0; i < slots; ++i) {
    sel.setInt64(static_cast<int>(i + 1), ids[std::min(i, ids.size() - 1)]);
  }
  auto rs = Query(sel);
  while (rs->next()) {
    SkpProbe p;
    p.id = rs->getInt64(1);
    p.version = rs->getInt64(2);
    p.position_code = Str(*rs, 3);
    p.position_title = Str(*rs, 4);
    p.opd_code = Str(*rs, 5);
    p.employee_name = Str(*rs, 6);
    out.push_back(std::move(p));
  }
  return out;
}

void ApplyProbe(const SkpProbe& probe, v1::Skp& skp) {
  skp.set_position(absl::StrCat("positions/", probe.position_code));
  skp.set_position_title(probe.position_title);
  skp.set_opd(absl::StrCat("opds/", probe.opd_code));
  skp.set_employee_name(probe.employee_name);
}

std::optional<v1::Skp> LoadSkp(Connection& c, int64_t id, bool for_update) {
  auto& sel = c.Prepare(
      absl::StrCat(kSkpColumns, kSkpFrom, " WHERE s.id = ?", for_update ? " FOR UPDATE" : ""));
  sel.setInt64(1, id);
  auto rs = Query(sel);
  if (!rs->next()) return std::nullopt;
  v1::Skp skp;
  const std::string nip = Str(*rs, 2);
  skp.set_name(SkpName(nip, rs->getInt64(1)));
  skp.set_year(rs->getInt(3));
  skp.set_approach(ParseEnumOr(Str(*rs, 4), v1::SkpApproach_Parse, v1::SKP_APPROACH_UNSPECIFIED));
  skp.set_state(ParseEnumOr(Str(*rs, 5), v1::SkpState_Parse, v1::SKP_STATE_UNSPECIFIED));
  skp.set_revision(rs->getInt(6));
  skp.set_assignment_id(rs->getInt64(7));
  skp.set_position(absl::StrCat("positions/", Str(*rs, 8)));
  skp.set_position_title(Str(*rs, 9));
  skp.set_opd(absl::StrCat("opds/", Str(*rs, 10)));
  if (auto d = DateColumn(*rs, 11)) *skp.mutable_start_date() = domain::ToProtoDate(*d);
  if (auto d = DateColumn(*rs, 12)) *skp.mutable_closed_on() = domain::ToProtoDate(*d);
  skp.set_return_note(Str(*rs, 13));
  if (!rs->isNull(14)) {
    v1::SkpEvaluation* ev = skp.mutable_evaluation();
    ev->set_hasil_kerja(ParseEnumOr(Str(*rs, 14), v1::RatingLevel_Parse, v1::RATING_LEVEL_UNSPECIFIED));
    ev->set_hasil_kerja_justification(Str(*rs, 15));
    ev->set_perilaku_kerja(ParseEnumOr(Str(*rs, 16), v1::RatingLevel_Parse, v1::RATING_LEVEL_UNSPECIFIED));
    ev->set_perilaku_kerja_justification(Str(*rs, 17));
    ev->set_predikat(ParseEnumOr(Str(*rs, 18), v1::Predikat_Parse, v1::PREDIKAT_UNSPECIFIED));
    if (!rs->isNull(19)) ev->set_evaluator(absl::StrCat("employees/", Str(*rs, 19)));
    if (auto t = TimeColumn(*rs, 20)) *ev->mutable_evaluate_time() = ToProtoTime(*t);
  }
  skp.set_etag(SkpEtag(rs->getInt64(21)));
  if (auto t = TimeColumn(*rs, 22)) *skp.mutable_update_time() = ToProtoTime(*t);
  skp.set_employee_name(Str(*rs, 23));

  auto& rhks = c.Prepare(
      "SELECT id, kind, text, intervensi_rhk_id, perjanjian_kinerja, perspective, approved"
      " FROM skp_rhks WHERE skp_id = ? ORDER BY ordinal");
  rhks.setInt64(1, id);
  auto rr = Query(rhks);
  absl::flat_hash_map<int64_t, v1::Rhk*> by_id;
  while (rr->next()) {
    v1::Rhk* rhk = skp.add_rhks();
    rhk->set_id(RhkName(rr->getInt64(1)));
    rhk->set_kind(ParseEnumOr(Str(*rr, 2), v1::RhkKind_Parse, v1::RHK_KIND_UNSPECIFIED));
    rhk->set_text(Str(*rr, 3));
    if (!rr->isNull(4)) rhk->set_intervensi(RhkName(rr->getInt64(4)));
    rhk->set_perjanjian_kinerja(Str(*rr, 5));
    rhk->set_perspective(ParseEnumOr(Str(*rr, 6), v1::Perspective_Parse, v1::PERSPECTIVE_UNSPECIFIED));
    rhk->set_approved(rr->getBoolean(7));
    by_id[rr->getInt64(1)] = rhk;
  }
  if (!by_id.empty()) {
    // By the RHK ids just read (a join from skp_rhks lets the optimizer walk all of skp_ikis's
    // index to skip a sort: measured 5 ms a call at 90,000 IKI). At most kMaxRhks statements.
    std::vector<int64_t> rhk_ids;
    for (const auto& [rid, rhk] : by_id) rhk_ids.push_back(rid);
    std::sort(rhk_ids.begin(), rhk_ids.end());
    auto& ikis = c.Prepare(absl::StrCat(
        "SELECT rhk_id, text, aspect, target, unit FROM skp_ikis WHERE rhk_id IN (",
        absl::StrJoin(std::vector<absl::string_view>(rhk_ids.size(), "?"), ","),
        ") ORDER BY rhk_id, ordinal"));
    for (size_t k = 0; k < rhk_ids.size(); ++k) ikis.setInt64(static_cast<int>(k + 1), rhk_ids[k]);
    auto ir = Query(ikis);
    while (ir->next()) {
      auto it = by_id.find(ir->getInt64(1));
      if (it == by_id.end()) continue;
      v1::Iki* iki = it->second->add_ikis();
      iki->set_text(Str(*ir, 2));
      iki->set_aspect(ParseEnumOr(Str(*ir, 3), v1::IkiAspect_Parse, v1::IKI_ASPECT_UNSPECIFIED));
      iki->set_target(Str(*ir, 4));
      iki->set_unit(Str(*ir, 5));
    }
  }
  auto& exp = c.Prepare("SELECT value, text FROM skp_expectations WHERE skp_id = ? ORDER BY value");
  exp.setInt64(1, id);
  auto er = Query(exp);
  std::vector<v1::Expectation> expectations;
  while (er->next()) {
    v1::Expectation e;
    e.set_value(ParseEnumOr(Str(*er, 1), v1::BerakhlakValue_Parse, v1::BERAKHLAK_VALUE_UNSPECIFIED));
    e.set_text(Str(*er, 2));
    expectations.push_back(std::move(e));
  }
  std::sort(expectations.begin(), expectations.end(),
            [](const v1::Expectation& a, const v1::Expectation& b) { return a.value() < b.value(); });
  for (auto& e : expectations) *skp.add_expectations() = std::move(e);
  return skp;
}

absl::Status StoreSkp(Connection& c, int64_t id, v1::Skp& skp) {
  // The plan's RHK as stored, to tell kept from new and removed ones.
  absl::flat_hash_set<int64_t> stored;
  {
    auto& sel = c.Prepare("SELECT id FROM skp_rhks WHERE skp_id = ?");
    sel.setInt64(1, id);
    auto rs = Query(sel);
    while (rs->next()) stored.insert(rs->getInt64(1));
  }
  absl::flat_hash_set<int64_t> kept;
  for (int i = 0; i < skp.rhks_size(); ++i) {
    const std::string& name = skp.rhks(i).id();
    if (name.empty()) continue;
    auto rid = RhkIdOf(name);
    if (!rid || !stored.contains(*rid) || !kept.insert(*rid).second) {
      return absl::InvalidArgumentError(
          absl::StrCat("skp.rhks[", i, "].id: '", name, "' is not an RHK of this plan (leave it empty for a new one)"));
    }
  }
  std::vector<int64_t> removed;
  for (int64_t rid : stored) {
    if (!kept.contains(rid)) removed.push_back(rid);
  }
  if (!removed.empty()) {
    auto& used = c.Prepare(absl::StrCat(
        "SELECT r.id, s.nip, s.id FROM skp_rhks r JOIN skps s ON s.id = r.skp_id WHERE r.skp_id <> ?"
        " AND r.intervensi_rhk_id IN (", absl::StrJoin(removed, ","), ") LIMIT 1"));
    used.setInt64(1, id);
    auto rs = Query(used);
    if (rs->next()) {
      return absl::FailedPreconditionError(absl::StrCat(
          "an RHK removed from this plan supports ", SkpName(Str(*rs, 2), rs->getInt64(3)),
          "; that plan must choose another intervensi first"));
    }
    c.Execute(absl::StrCat("DELETE FROM skp_ikis WHERE rhk_id IN (", absl::StrJoin(removed, ","), ")"));
    c.Execute(absl::StrCat("DELETE FROM skp_rhks WHERE id IN (", absl::StrJoin(removed, ","), ")"));
  }

  auto& upd = c.Prepare(
      "UPDATE skps SET approach = ?, state = ?, revision = ?, closed_on = ?, return_note = ?,"
      " hasil_kerja = ?, hasil_kerja_justification = ?, perilaku_kerja = ?,"
      " perilaku_kerja_justification = ?, predikat = ?, evaluator_nip = ?, evaluated_at = ?,"
      " version = version + 1 WHERE id = ?");
  upd.setString(1, v1::SkpApproach_Name(skp.approach()));
  upd.setString(2, v1::SkpState_Name(skp.state()));
  upd.setInt(3, skp.revision());
  if (skp.has_closed_on()) {
    upd.setString(4, DateParam(*domain::FromProtoDate(skp.closed_on())));
  } else {
    upd.setNull(4, 0);
  }
  upd.setString(5, skp.return_note());
  if (skp.has_evaluation()) {
    const v1::SkpEvaluation& ev = skp.evaluation();
    upd.setString(6, v1::RatingLevel_Name(ev.hasil_kerja()));
    upd.setString(7, ev.hasil_kerja_justification());
    upd.setString(8, v1::RatingLevel_Name(ev.perilaku_kerja()));
    upd.setString(9, ev.perilaku_kerja_justification());
    upd.setString(10, v1::Predikat_Name(ev.predikat()));
    const std::string evaluator(absl::StripPrefix(ev.evaluator(), "employees/"));
    SetNullableString(upd, 11, evaluator);
    if (ev.has_evaluate_time()) {
      upd.setString(12, TimeParam(absl::FromUnixSeconds(ev.evaluate_time().seconds()) +
                                  absl::Nanoseconds(ev.evaluate_time().nanos())));
    } else {
      upd.setNull(12, 0);
    }
  } else {
    for (int i = 6; i <= 12; ++i) upd.setNull(i, 0);
  }
  upd.setInt64(13, id);
  upd.executeUpdate();

  for (int i = 0; i < skp.rhks_size(); ++i) {
    v1::Rhk* rhk = skp.mutable_rhks(i);
    std::optional<int64_t> intervensi = RhkIdOf(rhk->intervensi());
    int64_t rid = 0;
    if (rhk->id().empty()) {
      auto& ins = c.Prepare(
          "INSERT INTO skp_rhks (skp_id, ordinal, kind, text, intervensi_rhk_id, perjanjian_kinerja,"
          " perspective, approved) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
      ins.setInt64(1, id);
      ins.setInt(2, i);
      ins.setString(3, v1::RhkKind_Name(rhk->kind()));
      ins.setString(4, rhk->text());
      if (intervensi) ins.setInt64(5, *intervensi); else ins.setNull(5, 0);
      ins.setString(6, rhk->perjanjian_kinerja());
      ins.setString(7, rhk->perspective() == v1::PERSPECTIVE_UNSPECIFIED ? "" : v1::Perspective_Name(rhk->perspective()));
      ins.setBoolean(8, rhk->approved());
      ins.executeUpdate();
      auto& last = c.Prepare("SELECT LAST_INSERT_ID()");
      auto rs = Query(last);
      rs->next();
      rid = rs->getInt64(1);
      rhk->set_id(RhkName(rid));
    } else {
      rid = *RhkIdOf(rhk->id());
      auto& up = c.Prepare(
          "UPDATE skp_rhks SET ordinal = ?, kind = ?, text = ?, intervensi_rhk_id = ?,"
          " perjanjian_kinerja = ?, perspective = ?, approved = ? WHERE id = ?");
      up.setInt(1, i);
      up.setString(2, v1::RhkKind_Name(rhk->kind()));
      up.setString(3, rhk->text());
      if (intervensi) up.setInt64(4, *intervensi); else up.setNull(4, 0);
      up.setString(5, rhk->perjanjian_kinerja());
      up.setString(6, rhk->perspective() == v1::PERSPECTIVE_UNSPECIFIED ? "" : v1::Perspective_Name(rhk->perspective()));
      up.setBoolean(7, rhk->approved());
      up.setInt64(8, rid);
      up.executeUpdate();
      auto& del = c.Prepare("DELETE FROM skp_ikis WHERE rhk_id = ?");
      del.setInt64(1, rid);
      del.executeUpdate();
    }
    for (int j = 0; j < rhk->ikis_size(); ++j) {
      const v1::Iki& iki = rhk->ikis(j);
      auto& ins = c.Prepare(
          "INSERT INTO skp_ikis (rhk_id, ordinal, text, aspect, target, unit) VALUES (?, ?, ?, ?, ?, ?)");
      ins.setInt64(1, rid);
      ins.setInt(2, j);
      ins.setString(3, iki.text());
      ins.setString(4, v1::IkiAspect_Name(iki.aspect()));
      ins.setString(5, iki.target());
      ins.setString(6, iki.unit());
      ins.executeUpdate();
    }
  }

  auto& del = c.Prepare("DELETE FROM skp_expectations WHERE skp_id = ?");
  del.setInt64(1, id);
  del.executeUpdate();
  for (const v1::Expectation& e : skp.expectations()) {
    if (e.text().empty()) continue;
    auto& ins = c.Prepare("INSERT INTO skp_expectations (skp_id, value, text) VALUES (?, ?, ?)");
    ins.setInt64(1, id);
    ins.setString(2, v1::BerakhlakValue_Name(e.value()));
    ins.setString(3, e.text());
    ins.executeUpdate();
  }
  return absl::OkStatus();
}

}  // namespace kinerja::storage
