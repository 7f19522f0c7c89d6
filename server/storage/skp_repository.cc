#include "server/storage/skp_repository.h"

#include "absl/strings/str_cat.h"
#include "server/domain/civil_date.h"
#include "server/domain/skp_lifecycle.h"
#include "server/storage/opd_head_rows.h"
#include "server/storage/skp_rows.h"
#include "server/storage/sql_rows.h"
#include "server/storage/transaction.h"

namespace kinerja::storage {
namespace {

constexpr char kAssignmentOnDay[] =
    "SELECT a.id, a.opd_id, a.position_id, e.nip, e.full_name, o.code, p.code, p.title, p.kind,"
    " a.start_date, a.end_date FROM employees e JOIN assignments a ON a.employee_id = e.id"
    " JOIN positions p ON p.id = a.position_id JOIN opds o ON o.id = a.opd_id"
    " WHERE e.nip = ? AND a.start_date <= ? AND (a.end_date IS NULL OR a.end_date >= ?)";

// The SKP with `id` when it is `nip`'s, else nullopt.
std::optional<v1::Skp> LoadOwnSkp(Connection& c, const std::string& nip, int64_t id, bool for_update) {
  auto skp = LoadSkp(c, id, for_update);
  if (!skp || skp->name() != SkpName(nip, id)) return std::nullopt;
  return skp;
}

// The fields a plan shows from the directory, which change without the plan's version.
bool SameDisplay(const v1::Skp& a, const v1::Skp& b) {
  return a.position() == b.position() && a.position_title() == b.position_title() &&
         a.opd() == b.opd() && a.employee_name() == b.employee_name();
}

absl::Status NotFound(const std::string& nip, int64_t id) {
  return absl::NotFoundError(absl::StrCat(SkpName(nip, id), " not found"));
}

}  // namespace

absl::StatusOr<v1::Skp> OwnSkp(absl::StatusOr<v1::Skp> plan, const std::string& nip, int64_t id) {
  if (plan.ok() ? plan->name() != SkpName(nip, id) : absl::IsNotFound(plan.status())) {
    return NotFound(nip, id);
  }
  return plan;
}

int CloseSkpsOfEndedAssignment(Connection& c, int64_t assignment_id, absl::CivilDay last_day,
                               const AuditContext& audit) {
  auto& sel = c.Prepare("SELECT id FROM skps WHERE assignment_id = ? FOR UPDATE");
  sel.setInt64(1, assignment_id);
  auto rs = Query(sel);
  std::vector<int64_t> ids;
  while (rs->next()) ids.push_back(rs->getInt64(1));
  int closed = 0;
  for (int64_t id : ids) {
    auto before = LoadSkp(c, id, /*for_update=*/true);
    if (!before) continue;
    auto next = domain::NextState(before->state(), domain::SkpAction::kCloseByTransfer);
    if (!next.ok()) continue;  // FINAL, or closed already
    auto& upd = c.Prepare("UPDATE skps SET state = ?, closed_on = ?, version = version + 1 WHERE id = ?");
    upd.setString(1, v1::SkpState_Name(*next));
    upd.setString(2, DateParam(last_day));
    upd.setInt64(3, id);
    upd.executeUpdate();
    auto after = LoadSkp(c, id, false);
    AppendAudit(c, audit, before->name(), &*before, after ? &*after : nullptr);
    ++closed;
  }
  return closed;
}

absl::StatusOr<SkpAssignment> SkpRepository::ActiveAssignment(const std::string& nip,
                                                              absl::CivilDay day,
                                                              absl::Time deadline) {
  return pool_.Run(deadline, "SkpActiveAssignment", [&](Connection& c) -> absl::StatusOr<SkpAssignment> {
    auto& sel = c.Prepare(kAssignmentOnDay);
    sel.setString(1, nip);
    sel.setString(2, DateParam(day));
    sel.setString(3, DateParam(day));
    auto rs = Query(sel);
    if (!rs->next()) {
      auto& e = c.Prepare("SELECT 1 FROM employees WHERE nip = ?");
      e.setString(1, nip);
      if (!Query(e)->next()) return absl::NotFoundError(absl::StrCat("employee ", nip, " not found"));
      return absl::FailedPreconditionError(absl::StrCat(
          "employee ", nip, " holds no position on ", domain::FormatIsoDate(day),
          "; an SKP belongs to an active assignment"));
    }
    SkpAssignment a;
    a.assignment_id = rs->getInt64(1);
    a.opd_id = rs->getInt64(2);
    a.position_id = rs->getInt64(3);
    a.nip = rs->getString(4);
    a.employee_name = rs->getString(5);
    a.opd_code = rs->getString(6);
    a.position_code = rs->getString(7);
    a.position_title = rs->getString(8);
    a.position_kind = ParseEnumOr(std::string(rs->getString(9)), v1::PositionKind_Parse,
                                  v1::POSITION_KIND_UNSPECIFIED);
    a.start = *DateColumn(*rs, 10);
    a.end = DateColumn(*rs, 11);
    return a;
  });
}

absl::StatusOr<v1::Skp> SkpRepository::Create(const SkpAssignment& assignment, const v1::Skp& draft,
                                              const std::string& request_id,
                                              const AuditContext& audit, absl::Time deadline) {
  return pool_.Run(deadline, "CreateSkp", [&](Connection& c) {
    return InTransaction(c, [&]() -> absl::StatusOr<v1::Skp> {
      v1::Skp stored;
      if (LoadIdempotentResponse(c, "CreateSkp", request_id, &stored)) return stored;
      auto& exists = c.Prepare("SELECT id FROM skps WHERE assignment_id = ? AND year = ? FOR UPDATE");
      exists.setInt64(1, assignment.assignment_id);
      exists.setInt(2, draft.year());
      auto rs = Query(exists);
      if (rs->next()) {
        return absl::AlreadyExistsError(absl::StrCat(
            "the assignment as ", assignment.position_title, " already has an SKP for ", draft.year(),
            ": ", SkpName(assignment.nip, rs->getInt64(1))));
      }
      const absl::CivilDay january_first(draft.year(), 1, 1);
      auto& ins = c.Prepare(
          "INSERT INTO skps (assignment_id, nip, opd_id, position_id, year, approach, state,"
          " start_date) VALUES (?, ?, ?, ?, ?, ?, 'SKP_STATE_DRAFT', ?)");
      ins.setInt64(1, assignment.assignment_id);
      ins.setString(2, assignment.nip);
      ins.setInt64(3, assignment.opd_id);
      ins.setInt64(4, assignment.position_id);
      ins.setInt(5, draft.year());
      ins.setString(6, v1::SkpApproach_Name(draft.approach()));
      ins.setString(7, DateParam(std::max(january_first, assignment.start)));
      ins.executeUpdate();
      auto& last = c.Prepare("SELECT LAST_INSERT_ID()");
      auto lr = Query(last);
      lr->next();
      const int64_t id = lr->getInt64(1);
      v1::Skp skp = *LoadSkp(c, id, /*for_update=*/true);
      *skp.mutable_rhks() = draft.rhks();
      for (v1::Rhk& rhk : *skp.mutable_rhks()) {
        rhk.clear_id();
        rhk.set_approved(false);
      }
      if (absl::Status st = StoreSkp(c, id, skp); !st.ok()) return st;
      v1::Skp created = *LoadSkp(c, id, false);
      AppendAudit(c, audit, created.name(), nullptr, &created);
      SaveIdempotentResponse(c, "CreateSkp", request_id, created);
      return created;
    });
  });
}

absl::StatusOr<v1::Skp> SkpRepository::Get(const std::string& nip, int64_t id, absl::Time deadline) {
  return pool_.Run(deadline, "GetSkp", [&](Connection& c) -> absl::StatusOr<v1::Skp> {
    auto skp = LoadOwnSkp(c, nip, id, false);
    if (!skp) return NotFound(nip, id);
    return *skp;
  });
}

absl::StatusOr<v1::Skp> SkpRepository::Get(const std::string& nip, int64_t id, SkpCache& cache,
                                           uint64_t directory_generation, absl::Time deadline) {
  auto plans = GetMany({id}, cache, directory_generation, deadline);
  if (!plans.ok()) return plans.status();
  auto it = plans->find(id);
  if (it == plans->end()) return NotFound(nip, id);
  return OwnSkp(std::move(it->second), nip, id);
}

absl::StatusOr<absl::flat_hash_map<int64_t, v1::Skp>> SkpRepository::GetMany(
    const std::vector<int64_t>& ids, SkpCache& cache, uint64_t directory_generation,
    absl::Time deadline) {
  using Plans = absl::flat_hash_map<int64_t, v1::Skp>;
  // Taken before the database is read: what this read confirms is no newer than the stamp.
  const SkpCache::Stamp stamp = cache.StampNow(directory_generation);
  return pool_.Run(deadline, "GetSkps", [&](Connection& c) -> absl::StatusOr<Plans> {
    Plans out;
    for (const SkpProbe& probe : ProbeSkps(c, ids)) {
      if (auto cached = cache.Get(probe.id, probe.version)) {
        v1::Skp skp = *cached;
        ApplyProbe(probe, skp);
        if (SameDisplay(skp, *cached)) {
          cache.Confirm(probe.id, probe.version, stamp);
        } else {
          cache.Put(probe.id, probe.version, skp, stamp);
        }
        out.emplace(probe.id, std::move(skp));
        continue;
      }
      std::optional<v1::Skp> loaded = LoadSkp(c, probe.id, /*for_update=*/false);
      if (!loaded) continue;
      // Cached at the probed version only when the load read that version too (no write between).
      if (loaded->etag() == SkpEtag(probe.version)) cache.Put(probe.id, probe.version, *loaded, stamp);
      out.emplace(probe.id, std::move(*loaded));
    }
    return out;
  });
}

absl::StatusOr<std::vector<v1::Skp>> SkpRepository::List(const std::string& nip, int32_t year,
                                                         absl::Time deadline) {
  return pool_.Run(deadline, "ListSkps", [&](Connection& c) -> absl::StatusOr<std::vector<v1::Skp>> {
    auto& sel = c.Prepare(
        "SELECT id FROM skps WHERE nip = ? AND (? = 0 OR year = ?) ORDER BY year DESC, start_date DESC");
    sel.setString(1, nip);
    sel.setInt(2, year);
    sel.setInt(3, year);
    auto rs = Query(sel);
    std::vector<int64_t> ids;
    while (rs->next()) ids.push_back(rs->getInt64(1));
    std::vector<v1::Skp> out;
    for (int64_t id : ids) {
      if (auto skp = LoadSkp(c, id, false)) out.push_back(std::move(*skp));
    }
    return out;
  });
}

absl::StatusOr<std::optional<v1::Skp>> SkpRepository::CurrentSkp(const std::string& nip, int32_t year,
                                                                 absl::CivilDay day,
                                                                 absl::Time deadline) {
  return pool_.Run(deadline, "CurrentSkp",
                   [&](Connection& c) -> absl::StatusOr<std::optional<v1::Skp>> {
    auto& sel = c.Prepare(
        "SELECT s.id FROM skps s JOIN assignments a ON a.id = s.assignment_id WHERE s.nip = ?"
        " AND s.year = ? AND a.start_date <= ? AND (a.end_date IS NULL OR a.end_date >= ?)");
    sel.setString(1, nip);
    sel.setInt(2, year);
    sel.setString(3, DateParam(day));
    sel.setString(4, DateParam(day));
    auto rs = Query(sel);
    if (!rs->next()) return std::optional<v1::Skp>();
    return LoadSkp(c, rs->getInt64(1), false);
  });
}

absl::StatusOr<v1::Skp> SkpRepository::Change(const std::string& nip, int64_t id,
                                              const std::string& etag,
                                              const std::function<absl::Status(v1::Skp&)>& change,
                                              const AuditContext& audit, absl::Time deadline,
                                              OpdHeadFacts* opd_head) {
  return Written(id, pool_.Run(deadline, "ChangeSkp", [&](Connection& c) {
    return InTransaction(c, [&]() -> absl::StatusOr<v1::Skp> {
      auto before = LoadOwnSkp(c, nip, id, /*for_update=*/true);
      if (!before) return NotFound(nip, id);
      if (!etag.empty() && etag != before->etag()) {
        return absl::AbortedError(absl::StrCat(
            before->name(), " was changed by someone else (etag ", before->etag(), ", not ", etag,
            "); reload it and apply the change again"));
      }
      if (opd_head != nullptr) *opd_head = LoadOpdHeadFactsOfSkp(c, id);
      v1::Skp after = *before;
      if (absl::Status st = change(after); !st.ok()) return st;
      if (absl::Status st = StoreSkp(c, id, after); !st.ok()) return st;
      auto stored = LoadSkp(c, id, false);
      AppendAudit(c, audit, before->name(), &*before, &*stored);
      return *stored;
    });
  }));
}

absl::StatusOr<std::optional<v1::Skp>> SkpRepository::ApprovedPlan(const std::string& nip,
                                                                   int32_t year, absl::CivilDay day,
                                                                   absl::Time deadline) {
  auto plan = CurrentSkp(nip, year, day, deadline);
  if (!plan.ok() || !*plan) return plan;
  v1::Skp& skp = **plan;
  if (skp.state() == v1::SKP_STATE_CLOSED_BY_TRANSFER) return std::optional<v1::Skp>();
  google::protobuf::RepeatedPtrField<v1::Rhk> approved;
  for (v1::Rhk& r : *skp.mutable_rhks()) {
    if (r.approved()) *approved.Add() = std::move(r);
  }
  skp.mutable_rhks()->Swap(&approved);
  return plan;
}

}  // namespace kinerja::storage
