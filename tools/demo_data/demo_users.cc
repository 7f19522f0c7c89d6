#include "tools/demo_data/demo_users.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "tools/demo_data/csv_output.h"

namespace kinerja::demo {
namespace {

// What the choice needs to know about the data, computed once.
class Facts {
 public:
  explicit Facts(const DemoData& data) : data_(data) {
    for (size_t i = 0; i < data.positions.size(); ++i) {
      position_index_[data.positions[i].code] = static_cast<int>(i);
    }
    for (const Unit& u : data.units) unit_name_[{u.opd, u.code}] = u.display_name;
    position_of_.assign(data.people.size(), -1);
    for (const AssignmentRow& r : data.initial) position_of_[r.person] = r.position;
    moved_.assign(data.people.size(), false);
    touched_.assign(data.positions.size(), false);
    holder_.assign(data.positions.size(), -1);
    for (const AssignmentRow& r : data.transfers) {
      moved_[r.person] = true;
      touched_[r.position] = true;
    }
    for (const ActingAssignment& a : data.acting) {
      touched_[a.position] = true;
    }
    for (const AssignmentRow& r : data.initial) {
      if (IsStructural(data.positions[r.position].kind)) holder_[r.position] = r.person;
    }
  }

  // Active, never transferred, not the demo administrator, and in a position no transfer or acting
  // registration touches when it is structural. (Acting elsewhere, PLT/PLH, is fine: it adds to
  // what the person may see for a while but changes nothing of their own place.)
  bool Stable(int person) const {
    if (person < 0 || person == data_.admin_person || !data_.people[person].active) return false;
    if (moved_[person]) return false;
    const int pos = position_of_[person];
    return pos >= 0 && !(IsStructural(data_.positions[pos].kind) && touched_[pos]);
  }

  const Position& PositionOf(int person) const { return data_.positions[position_of_[person]]; }
  int PositionIndexOf(int person) const { return position_of_[person]; }

  // The structural position's single holder when stable, else -1.
  int StableHolder(int position) const {
    if (position < 0) return -1;
    const int h = holder_[position];
    return Stable(h) ? h : -1;
  }

  int PositionIndex(const std::string& code) const {
    auto it = position_index_.find(code);
    return it == position_index_.end() ? -1 : it->second;
  }

  std::string UnitName(const Position& p) const {
    auto it = unit_name_.find({p.opd, p.unit});
    return it == unit_name_.end() ? "" : it->second;
  }

  // The head of an OPD: its position whose superior belongs to another OPD (or has none), as
  // domain::HeadsOpd (server/domain/position_rules.h) decides on the server.
  int HeadPosition(const std::string& opd) const {
    for (size_t i = 0; i < data_.positions.size(); ++i) {
      const Position& p = data_.positions[i];
      if (p.opd != opd) continue;
      const int sup = PositionIndex(p.superior_position);
      if (sup < 0 || data_.positions[sup].opd != opd) return static_cast<int>(i);
    }
    return -1;
  }

  // The first stable person, in the order of DemoData::people, for whom the first tier that matches
  // anyone says yes; -1 when no tier matches anyone. `taken` people are skipped.
  int FirstMatch(const std::vector<std::function<bool(int)>>& tiers,
                 const std::set<int>& taken) const {
    for (const auto& tier : tiers) {
      for (size_t i = 0; i < data_.people.size(); ++i) {
        const int person = static_cast<int>(i);
        if (!taken.count(person) && Stable(person) && tier(person)) return person;
      }
    }
    return -1;
  }

 private:
  const DemoData& data_;
  std::map<std::string, int> position_index_;
  std::map<std::pair<std::string, std::string>, std::string> unit_name_;
  std::vector<int> position_of_;
  std::vector<bool> moved_;
  std::vector<bool> touched_;
  std::vector<int> holder_;
};

// OPD_HEAD, OPD_OPERATOR, SUPERIOR and EMPLOYEE of one OPD, or false when it lacks any of them.
bool ChooseInOpd(const DemoData& data, const Facts& f, const std::string& opd,
                 std::set<int>* taken, std::vector<DemoUser>* out) {
  const int head_position = f.HeadPosition(opd);
  const int head = f.StableHolder(head_position);
  if (head < 0 || taken->count(head)) return false;

  // A Pelaksana whose superior is a Pengawas with a stable holder; Kepala Seksi first.
  int employee = -1, superior = -1;
  for (bool seksi_only : {true, false}) {
    for (size_t i = 0; i < data.people.size() && employee < 0; ++i) {
      const int person = static_cast<int>(i);
      if (taken->count(person) || person == head || !f.Stable(person)) continue;
      const Position& p = f.PositionOf(person);
      if (p.opd != opd || p.kind != PositionKind::kPelaksana) continue;
      const int sup_position = f.PositionIndex(p.superior_position);
      if (sup_position < 0) continue;
      const Position& sup = data.positions[sup_position];
      if (sup.kind != PositionKind::kPengawas) continue;
      if (seksi_only && !absl::StartsWith(sup.title, "Kepala Seksi")) continue;
      const int h = f.StableHolder(sup_position);
      if (h < 0 || h == head || taken->count(h)) continue;
      employee = person;
      superior = h;
    }
    if (employee >= 0) break;
  }
  if (employee < 0) return false;

  std::set<int> busy = *taken;
  busy.insert({head, employee, superior});
  auto in_opd = [&](int person) {
    const Position& p = f.PositionOf(person);
    return p.opd == opd && !IsStructural(p.kind);
  };
  const int operator_person = f.FirstMatch(
      {[&](int person) {
         return in_opd(person) &&
                absl::StrContains(f.PositionOf(person).title, "Sumber Daya Manusia");
       },
       [&](int person) {
         return in_opd(person) &&
                absl::StrContains(f.UnitName(f.PositionOf(person)), "Kepegawaian");
       },
       in_opd},
      busy);
  if (operator_person < 0) return false;

  out->push_back({DemoRole::kEmployee, employee, f.PositionIndexOf(employee), ""});
  out->push_back({DemoRole::kSuperior, superior, f.PositionIndexOf(superior), ""});
  out->push_back({DemoRole::kOpdHead, head, head_position, opd});
  out->push_back(
      {DemoRole::kOpdOperator, operator_person, f.PositionIndexOf(operator_person), opd});
  taken->insert({head, employee, superior, operator_person});
  return true;
}

}  // namespace

const char* DemoRoleName(DemoRole role) {
  switch (role) {
    case DemoRole::kEmployee: return "EMPLOYEE";
    case DemoRole::kSuperior: return "SUPERIOR";
    case DemoRole::kOpdHead: return "OPD_HEAD";
    case DemoRole::kOpdOperator: return "OPD_OPERATOR";
    case DemoRole::kEvaluator: return "EVALUATOR";
    case DemoRole::kBkppAdmin: return "BKPP_ADMIN";
  }
  return "";
}

absl::StatusOr<std::vector<DemoUser>> ChooseDemoUsers(const DemoData& data,
                                                      const std::string& preferred_opd) {
  if (data.admin_person < 0) return absl::FailedPreconditionError("no demo administrator");
  const Facts f(data);
  std::set<int> taken = {data.admin_person};
  std::vector<DemoUser> users;

  std::vector<std::string> opds = {preferred_opd};
  for (const Opd& o : data.opds) {
    if (o.code != preferred_opd) opds.push_back(o.code);
  }
  bool found = false;
  for (const std::string& opd : opds) {
    if ((found = ChooseInOpd(data, f, opd, &taken, &users))) break;
  }
  if (!found) {
    return absl::NotFoundError(
        "no OPD has a stable head, a Pelaksana with a stable Pengawas superior, and an operator "
        "candidate; generate more employees");
  }
  const std::string& user_opd = users.back().opd;

  auto staff_of = [&](const char* opd) {
    return [&f, opd](int person) {
      const Position& p = f.PositionOf(person);
      return p.opd == opd && !IsStructural(p.kind);
    };
  };
  const int evaluator = f.FirstMatch(
      {[&](int person) {
         return staff_of("BAG-ORGANISASI")(person) &&
                absl::StrContains(f.UnitName(f.PositionOf(person)), "Akuntabilitas Kinerja");
       },
       staff_of("BAG-ORGANISASI"), staff_of("INSPEKTORAT"),
       [&](int person) {
         const Position& p = f.PositionOf(person);
         return p.opd != user_opd && p.opd != "BKPP" && !IsStructural(p.kind);
       }},
      taken);
  if (evaluator < 0) return absl::NotFoundError("no candidate for the EVALUATOR demo user");
  users.push_back({DemoRole::kEvaluator, evaluator, f.PositionIndexOf(evaluator), ""});
  taken.insert(evaluator);

  const Position& admin_seat = f.PositionOf(data.admin_person);
  const int admin_superior = f.StableHolder(f.PositionIndex(admin_seat.superior_position));
  int second_admin = admin_superior >= 0 && !taken.count(admin_superior) ? admin_superior : -1;
  if (second_admin < 0) {
    second_admin = f.FirstMatch(
        {[&](int person) {
           const Position& p = f.PositionOf(person);
           return p.opd == "BKPP" && p.unit == admin_seat.unit && !IsStructural(p.kind);
         },
         [&](int person) { return f.PositionOf(person).opd == "BKPP"; }},
        taken);
  }
  if (second_admin < 0) return absl::NotFoundError("no candidate for the BKPP_ADMIN demo user");
  users.push_back({DemoRole::kBkppAdmin, second_admin, f.PositionIndexOf(second_admin), ""});
  return users;
}

std::string DemoUsersCsv(const DemoData& data, const std::vector<DemoUser>& users) {
  std::string out = "role,nip,name\n";
  for (const DemoUser& u : users) {
    const Person& p = data.people[u.person];
    absl::StrAppend(&out, CsvRecord({DemoRoleName(u.role), p.nip, p.full_name}));
  }
  return out;
}

std::string DemoUsersTable(const DemoData& data, const std::vector<DemoUser>& users) {
  std::vector<std::vector<std::string>> rows = {{"ROLE", "NIP", "NAME", "POSITION (OPD)"}};
  for (const DemoUser& u : users) {
    const Person& p = data.people[u.person];
    const Position& pos = data.positions[u.position];
    rows.push_back({DemoRoleName(u.role), p.nip, p.full_name,
                    absl::StrCat(pos.title, " (", pos.opd, ")")});
  }
  std::vector<size_t> width(rows[0].size(), 0);
  for (const auto& r : rows) {
    for (size_t c = 0; c < r.size(); ++c) width[c] = std::max(width[c], r[c].size());
  }
  std::string out;
  for (const auto& r : rows) {
    for (size_t c = 0; c < r.size(); ++c) {
      absl::StrAppend(&out, r[c]);
      if (c + 1 < r.size()) out.append(width[c] - r[c].size() + 2, ' ');
    }
    out.push_back('\n');
  }
  return out;
}

}  // namespace kinerja::demo
