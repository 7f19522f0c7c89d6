#include "tools/demo_data/people.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "tools/demo_data/persona.h"
#include "tools/demo_data/random.h"

namespace kinerja::demo {
namespace {

using absl::CivilDay;
using absl::CivilMonth;

// Dates of the demo. "Now" is late 2026: acting assignments fall in 2026, transfers in 2025-2026.
const CivilDay kLatestFirstAssignment(2024, 1, 1);
const CivilDay kMutasiFrom(2025, 1, 2);
const CivilDay kTransfersUntil(2026, 10, 1);
const CivilDay kPromosiFrom(2026, 2, 2);
const CivilDay kYearStart(2026, 1, 2);  // first working day of 2026
const CivilDay kYearEnd(2026, 12, 31);

constexpr int kVacantPerMille = 25;     // structural positions left vacant at the first load
constexpr int kPromotedPerMille = 600;  // of those, filled later by a promotion
constexpr int kTransferPercent = 3;     // employees with a later row
constexpr int kPlhPerMille = 20;        // structural positions with a PLH in 2026

// Splits `total` in proportion to `weights` (largest remainder, ties to the lower index).
std::vector<int64_t> Apportion(int64_t total, const std::vector<int64_t>& weights) {
  std::vector<int64_t> out(weights.size(), 0);
  int64_t sum = 0;
  for (int64_t w : weights) sum += w;
  if (sum == 0 || total <= 0) return out;
  std::vector<std::pair<int64_t, size_t>> remainders;  // (-remainder, index) sorts largest first
  int64_t given = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    out[i] = total * weights[i] / sum;
    given += out[i];
    remainders.push_back({-(total * weights[i] % sum), i});
  }
  std::sort(remainders.begin(), remainders.end());
  for (size_t k = 0; given < total; ++k, ++given) ++out[remainders[k % remainders.size()].second];
  return out;
}

// Often the first of a month, as in most decrees; never before `lo`.
CivilDay DecreeDate(Prng& rng, CivilDay lo, CivilDay hi) {
  CivilDay d = rng.Day(lo, hi);
  if (rng.Chance(500)) d = std::max(lo, CivilDay(CivilMonth(d)));
  return d;
}

class Generator {
 public:
  Generator(const PeopleOptions& options, DemoData* data) : rng_(options.seed), data_(*data) {
    used_nips_.insert(kDemoAdminNip);  // reserved: no made-up person gets it
  }

  absl::Status Run(int employees, const std::vector<int64_t>& opd_weights);

 private:
  void ChooseVacancies();
  absl::Status Staff(int employees, const std::vector<int64_t>& opd_weights);
  int AddPerson(int position, bool demo_admin = false);
  void Retire();
  void Promote();
  void Transfer(int64_t count);
  void AddActing();
  int ActingCandidate(int position, int exclude_person);

  int OpdIndex(const std::string& code) const { return opd_index_.at(code); }

  Prng rng_;
  DemoData& data_;
  std::map<std::string, int> opd_index_;
  std::map<std::string, int> position_index_;
  std::set<int> vacant_;                // structural positions vacant at the first load
  std::vector<int> holder_of_;          // position -> person holding it at the first load, or -1
  std::vector<Persona> personas_;       // parallel to data_.people
  std::vector<int> assignment_of_;      // person -> index into data_.initial
  std::set<int> moved_;                 // people with a transfer row
  std::map<int, CivilDay> filled_on_;   // vacant position -> day a promotion fills it
  std::map<int, CivilDay> vacated_on_;  // structural position -> day its holder leaves
  std::set<int> acting_people_;         // people already acting somewhere
  std::set<std::string> used_nips_;
  int admin_position_ = -1;  // where the person of kDemoAdminNip works
};

// The demo administrator's seat: the first Pranata Komputer formation of BKPP (in Subbidang Data
// dan Informasi Kepegawaian, the team that keeps the personnel data), else BKPP's first
// non-structural position.
int FindAdminPosition(const DemoData& data) {
  int fallback = -1;
  for (size_t i = 0; i < data.positions.size(); ++i) {
    const Position& p = data.positions[i];
    if (p.opd != "BKPP" || IsStructural(p.kind)) continue;
    if (p.kind == PositionKind::kFungsional && absl::StartsWith(p.title, "Pranata Komputer")) {
      return static_cast<int>(i);
    }
    if (fallback < 0) fallback = static_cast<int>(i);
  }
  return fallback;
}

absl::Status Generator::Run(int employees, const std::vector<int64_t>& opd_weights) {
  for (size_t i = 0; i < data_.opds.size(); ++i)
    opd_index_[data_.opds[i].code] = static_cast<int>(i);
  for (size_t i = 0; i < data_.positions.size(); ++i) {
    position_index_[data_.positions[i].code] = static_cast<int>(i);
  }
  holder_of_.assign(data_.positions.size(), -1);
  admin_position_ = FindAdminPosition(data_);
  if (admin_position_ < 0) {
    return absl::InternalError("the organisation has no BKPP staff position");
  }
  ChooseVacancies();
  if (absl::Status s = Staff(employees, opd_weights); !s.ok()) return s;
  Retire();
  Promote();
  const int64_t transfers = (static_cast<int64_t>(employees) * kTransferPercent + 50) / 100;
  Transfer(transfers - static_cast<int64_t>(data_.transfers.size()));
  std::stable_sort(data_.transfers.begin(), data_.transfers.end(),
                   [&](const AssignmentRow& a, const AssignmentRow& b) {
                     if (a.start != b.start) return a.start < b.start;
                     return data_.people[a.person].nip < data_.people[b.person].nip;
                   });
  AddActing();
  return absl::OkStatus();
}

void Generator::ChooseVacancies() {
  std::vector<int> structural;
  for (size_t i = 0; i < data_.positions.size(); ++i) {
    const Position& p = data_.positions[i];
    if (IsStructural(p.kind) && p.code != "SEKDA") structural.push_back(static_cast<int>(i));
  }
  rng_.Shuffle(structural);
  const size_t count = std::max<size_t>(2, structural.size() * kVacantPerMille / 1000);
  vacant_.insert(structural.begin(), structural.begin() + std::min(count, structural.size()));
}

int Generator::AddPerson(int position, bool demo_admin) {
  personas_.push_back(demo_admin ? MakeFixedPersona(data_.positions[position], kDemoAdminNip, rng_,
                                                    &used_nips_)
                                 : MakePersona(data_.positions[position], rng_, &used_nips_));
  data_.people.push_back(personas_.back().person);
  const int person = static_cast<int>(data_.people.size()) - 1;
  const Persona& who = personas_.back();
  // The current position since: after the appointment month, at the latest on 2024-01-01;
  // structural posts and long careers mostly since 2012-2016.
  const CivilDay appointed(who.appointment);
  const CivilDay floor =
      IsStructural(data_.positions[position].kind) ? CivilDay(2016, 1, 4) : CivilDay(2012, 1, 2);
  CivilDay lo = std::max(appointed, floor);
  if (lo > kLatestFirstAssignment) lo = appointed;
  assignment_of_.push_back(static_cast<int>(data_.initial.size()));
  data_.initial.push_back(
      {person, position, DecreeDate(rng_, lo, kLatestFirstAssignment), Reason::kAwal});
  return person;
}

absl::Status Generator::Staff(int employees, const std::vector<int64_t>& opd_weights) {
  int64_t filled = 0;
  std::vector<std::vector<int>> formations(data_.opds.size());
  for (size_t i = 0; i < data_.positions.size(); ++i) {
    const Position& p = data_.positions[i];
    if (IsStructural(p.kind)) {
      filled += vacant_.count(static_cast<int>(i)) ? 0 : 1;
    } else {
      formations[OpdIndex(p.opd)].push_back(static_cast<int>(i));
    }
  }
  const int64_t rest = employees - filled;
  if (rest < 0) {
    return absl::InvalidArgumentError(absl::StrCat("--employees=", employees, " cannot fill the ",
                                                   filled, " structural positions; use at least ",
                                                   filled));
  }
  // Staff per formation: the OPD's share, at least one per formation when there are enough.
  std::vector<int64_t> per_position(data_.positions.size(), 0);
  const std::vector<int64_t> per_opd = Apportion(rest, opd_weights);
  for (size_t o = 0; o < data_.opds.size(); ++o) {
    const std::vector<int>& f = formations[o];
    int64_t count = per_opd[o];
    std::vector<int64_t> weights;
    for (int pos : f) weights.push_back(data_.positions[pos].weight);
    const bool one_each = count >= static_cast<int64_t>(f.size());
    if (one_each) count -= static_cast<int64_t>(f.size());
    const std::vector<int64_t> share = Apportion(count, weights);
    for (size_t k = 0; k < f.size(); ++k) per_position[f[k]] = share[k] + (one_each ? 1 : 0);
  }
  // The demo administrator's seat needs a holder even with very few employees: take one from the
  // largest formation.
  if (per_position[admin_position_] == 0) {
    const auto largest = std::max_element(per_position.begin(), per_position.end());
    if (*largest == 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("--employees=", employees, " leaves no staff besides the structural posts"));
    }
    --*largest;
    per_position[admin_position_] = 1;
  }
  for (size_t i = 0; i < data_.positions.size(); ++i) {
    const int pos = static_cast<int>(i);
    if (IsStructural(data_.positions[i].kind)) {
      if (!vacant_.count(pos)) holder_of_[i] = AddPerson(pos);
    } else {
      for (int64_t k = 0; k < per_position[i]; ++k) {
        const int person = AddPerson(pos, pos == admin_position_ && k == 0);
        if (pos == admin_position_ && k == 0) data_.admin_person = person;
      }
    }
  }
  return absl::OkStatus();
}

// A few staff past retirement age are listed as NONAKTIF, as in a SIASN export.
void Generator::Retire() {
  for (size_t i = 0; i < data_.people.size(); ++i) {
    const Position& p = data_.positions[data_.initial[assignment_of_[i]].position];
    if (!IsStructural(p.kind) && !data_.people[i].pppk && personas_[i].birth.year() <= 1968 &&
        static_cast<int>(i) != data_.admin_person && rng_.Chance(150)) {
      data_.people[i].active = false;
    }
  }
}

// Fills most vacancies by promotion in 2026: a Pengawas post from the OPD's staff, an Administrator
// post from the OPD's Pengawas, a JPT post from the OPD's (or, failing that, the city's)
// Administrators. A promoted structural holder's old seat stays vacant from that day.
void Generator::Promote() {
  std::vector<int> vacancies(vacant_.begin(), vacant_.end());
  rng_.Shuffle(vacancies);
  vacancies.resize(vacancies.size() * kPromotedPerMille / 1000);
  std::sort(vacancies.begin(), vacancies.end());
  for (int pos : vacancies) {
    const Position& target = data_.positions[pos];
    const PositionKind from_kind = target.kind == PositionKind::kJpt ? PositionKind::kAdministrator
                                   : target.kind == PositionKind::kAdministrator
                                       ? PositionKind::kPengawas
                                       : PositionKind::kPelaksana;
    auto eligible = [&](int person, bool same_opd) {
      const Position& now = data_.positions[data_.initial[assignment_of_[person]].position];
      if (moved_.count(person) || !data_.people[person].active || data_.people[person].pppk ||
          person == data_.admin_person) {
        return false;
      }
      if (same_opd && now.opd != target.opd) return false;
      if (from_kind == PositionKind::kPelaksana) {
        return !IsStructural(now.kind) && personas_[person].appointment <= CivilMonth(2016, 12);
      }
      return now.kind == from_kind;
    };
    std::vector<int> candidates;
    for (bool same_opd : {true, false}) {
      for (size_t person = 0; person < data_.people.size(); ++person) {
        if (eligible(static_cast<int>(person), same_opd))
          candidates.push_back(static_cast<int>(person));
      }
      if (!candidates.empty()) break;
    }
    if (candidates.empty()) continue;
    const int person = rng_.Pick(candidates);
    const CivilDay day = DecreeDate(rng_, kPromosiFrom, kTransfersUntil);
    data_.transfers.push_back({person, pos, day, Reason::kPromosi});
    moved_.insert(person);
    filled_on_[pos] = day;
    const int old_seat = data_.initial[assignment_of_[person]].position;
    if (IsStructural(data_.positions[old_seat].kind)) vacated_on_[old_seat] = day;
  }
}

// MUTASI: Pelaksana staff (PNS) move to a Pelaksana position of another OPD.
void Generator::Transfer(int64_t count) {
  std::vector<int> candidates;
  for (size_t person = 0; person < data_.people.size(); ++person) {
    const Position& now = data_.positions[data_.initial[assignment_of_[person]].position];
    // PPPK contracts are tied to their agency, so only PNS move.
    if (now.kind == PositionKind::kPelaksana && data_.people[person].active &&
        !data_.people[person].pppk && !moved_.count(static_cast<int>(person)) &&
        static_cast<int>(person) != data_.admin_person) {
      candidates.push_back(static_cast<int>(person));
    }
  }
  std::vector<int> targets;
  for (size_t i = 0; i < data_.positions.size(); ++i) {
    if (data_.positions[i].kind == PositionKind::kPelaksana) targets.push_back(static_cast<int>(i));
  }
  rng_.Shuffle(candidates);
  if (count > static_cast<int64_t>(candidates.size()))
    count = static_cast<int64_t>(candidates.size());
  for (int64_t k = 0; k < count; ++k) {
    const int person = candidates[k];
    const std::string& from_opd =
        data_.positions[data_.initial[assignment_of_[person]].position].opd;
    int target;
    do {
      target = rng_.Pick(targets);
    } while (data_.positions[target].opd == from_opd);
    data_.transfers.push_back(
        {person, target, DecreeDate(rng_, kMutasiFrom, kTransfersUntil), Reason::kMutasi});
    moved_.insert(person);
  }
}

// Someone holding a structural position of the same OPD through all of 2026, not moving, not acting
// elsewhere yet: the superior's holder first, then a peer (same superior), then anyone.
int Generator::ActingCandidate(int position, int exclude_person) {
  const Position& p = data_.positions[position];
  auto stable = [&](int pos) {
    const int h = holder_of_[pos];
    return h >= 0 && h != exclude_person && !moved_.count(h) && !vacated_on_.count(pos) &&
           data_.positions[pos].opd == p.opd && IsStructural(data_.positions[pos].kind);
  };
  std::vector<std::vector<int>> tiers(3);
  if (auto it = position_index_.find(p.superior_position); it != position_index_.end()) {
    if (stable(it->second)) tiers[0].push_back(holder_of_[it->second]);
  }
  for (size_t i = 0; i < data_.positions.size(); ++i) {
    const int pos = static_cast<int>(i);
    if (pos == position || !stable(pos)) continue;
    const bool peer = data_.positions[i].superior_position == p.superior_position;
    tiers[peer ? 1 : 2].push_back(holder_of_[i]);
  }
  for (bool fresh_only : {true, false}) {
    for (const std::vector<int>& tier : tiers) {
      std::vector<int> pool;
      for (int person : tier) {
        if (!fresh_only || !acting_people_.count(person)) pool.push_back(person);
      }
      if (!pool.empty()) return rng_.Pick(pool);
    }
  }
  return -1;
}

void Generator::AddActing() {
  // PLT over every vacant stretch of 2026.
  struct Gap {
    int position;
    CivilDay from, to;
  };
  std::vector<Gap> gaps;
  for (int pos : vacant_) {
    auto filled = filled_on_.find(pos);
    gaps.push_back({pos, kYearStart, filled == filled_on_.end() ? kYearEnd : filled->second - 1});
  }
  for (const auto& [pos, day] : vacated_on_)
    gaps.push_back({pos, std::max(day, kYearStart), kYearEnd});
  std::sort(gaps.begin(), gaps.end(), [](const Gap& a, const Gap& b) {
    return a.position != b.position ? a.position < b.position : a.from < b.from;
  });
  for (const Gap& g : gaps) {
    const int person = ActingCandidate(g.position, -1);
    if (person < 0) continue;
    acting_people_.insert(person);
    data_.acting.push_back({person, g.position, true, g.from, g.to});
  }
  // PLH for a few days while the holder is away (leave, official travel).
  std::vector<int> held;
  for (size_t i = 0; i < data_.positions.size(); ++i) {
    const int h = holder_of_[i];
    if (h >= 0 && !moved_.count(h) && !vacated_on_.count(static_cast<int>(i))) {
      held.push_back(static_cast<int>(i));
    }
  }
  rng_.Shuffle(held);
  const size_t plh = std::max<size_t>(3, held.size() * kPlhPerMille / 1000);
  held.resize(std::min(plh, held.size()));
  std::sort(held.begin(), held.end());
  for (int pos : held) {
    const int person = ActingCandidate(pos, holder_of_[pos]);
    if (person < 0) continue;
    acting_people_.insert(person);
    CivilDay from = rng_.Day(CivilDay(2026, 1, 5), CivilDay(2026, 12, 10));
    while (absl::GetWeekday(from) == absl::Weekday::saturday ||
           absl::GetWeekday(from) == absl::Weekday::sunday) {
      ++from;  // an absence starts on a working day
    }
    data_.acting.push_back({person, pos, false, from, from + rng_.Uniform(3, 14) - 1});
  }
}

}  // namespace

absl::Status GeneratePeople(const PeopleOptions& options, const std::vector<int64_t>& opd_weights,
                            DemoData* data) {
  Generator g(options, data);
  if (absl::Status s = g.Run(options.employees, opd_weights); !s.ok()) return s;
  if (data->admin_person < 0 || data->people[data->admin_person].nip != kDemoAdminNip) {
    return absl::InternalError("the demo administrator was not placed");
  }
  for (const Person& p : data->people) {
    if (!IsValidNip(p.nip))
      return absl::InternalError(absl::StrCat("generated invalid NIP ", p.nip));
  }
  return absl::OkStatus();
}

}  // namespace kinerja::demo
