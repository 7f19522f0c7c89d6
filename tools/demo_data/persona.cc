#include "tools/demo_data/persona.h"

#include <algorithm>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "tools/demo_data/semarang_data.h"

namespace kinerja::demo {
namespace {

using absl::CivilDay;
using absl::CivilMonth;

// Chance (per mille) that the holder is a woman / a PPPK.
int FemalePerMille(const Position& p) {
  switch (p.role) {
    case Role::kStructural: return p.kind == PositionKind::kJpt ? 200 : 350;
    case Role::kGuru: return 680;
    case Role::kDokter: return 550;
    case Role::kDokterSpesialis: return 450;
    case Role::kDokterGigi: return 700;
    case Role::kPerawat: return 700;
    case Role::kBidan: return 1000;
    case Role::kApoteker: return 750;
    case Role::kNakes: return 650;
    case Role::kPolisiPamongPraja: return 150;
    case Role::kPemadam: return 50;
    case Role::kPelaksana: return 450;
    case Role::kFungsionalUmum: return 500;
  }
  return 500;
}

int PppkPerMille(const Position& p) {
  switch (p.role) {
    case Role::kStructural: return 0;
    case Role::kGuru: return 300;
    case Role::kDokter: return 100;
    case Role::kDokterSpesialis: return 50;
    case Role::kDokterGigi: return 150;
    case Role::kPerawat:
    case Role::kBidan:
    case Role::kNakes: return 280;
    case Role::kApoteker: return 200;
    case Role::kPolisiPamongPraja:
    case Role::kPemadam: return 50;
    case Role::kPelaksana: return 100;
    case Role::kFungsionalUmum: return 80;
  }
  return 0;
}

// Birth years and the latest appointment month: heads and senior functional grades (Ahli Madya,
// specialists) are older and long in service.
struct AgeRule {
  int birth_from, birth_to;
  CivilMonth latest_appointment;
};
AgeRule AgeRuleFor(const Position& p) {
  switch (p.kind) {
    case PositionKind::kJpt: return {1967, 1977, CivilMonth(2008, 12)};
    case PositionKind::kAdministrator: return {1968, 1982, CivilMonth(2012, 12)};
    case PositionKind::kPengawas: return {1968, 1988, CivilMonth(2016, 12)};
    default: break;
  }
  if (p.role == Role::kDokterSpesialis) return {1970, 1988, CivilMonth(2016, 12)};
  if (absl::StrContains(p.title, "Madya")) return {1967, 1985, CivilMonth(2012, 12)};
  if (absl::StrContains(p.title, "Muda")) return {1968, 1992, CivilMonth(2018, 12)};
  return {1968, 2000, CivilMonth(2023, 12)};
}

// A birth date in [year_from, year_to], skewed towards the older end as the city's workforce is.
CivilDay RandomBirth(Prng& rng, int year_from, int year_to) {
  int64_t year = rng.Uniform(year_from, year_to);
  if (rng.Chance(350)) year = std::min(year, rng.Uniform(year_from, year_to));
  return rng.Day(CivilDay(year, 1, 1), CivilDay(year, 12, 31));
}

// The earliest appointment month the demo allows: strictly more than 18 years after birth.
CivilMonth EarliestAppointment(CivilDay birth) { return CivilMonth(birth) + 18 * 12 + 1; }

const char* PickOf(Prng& rng, std::initializer_list<const char*> items) {
  std::vector<const char*> v(items);
  return rng.Pick(v);
}

struct Degrees {
  std::string prefix;  // "dr. ", "Dr. Ir. "
  std::string suffix;  // "S.Kep., Ns."; empty when none
};

Degrees DegreesFor(const Position& p, Prng& rng) {
  const std::string& t = p.title;
  const bool senior = absl::StrContains(t, "Muda") || absl::StrContains(t, "Madya");
  const bool terampil = absl::StrContains(t, "Terampil") || absl::StrContains(t, "Mahir");
  switch (p.role) {
    case Role::kGuru:
      if (absl::StartsWith(t, "Pengawas Sekolah")) return {"", "S.Pd., M.Pd."};
      if (senior && rng.Chance(250)) return {"", "S.Pd., M.Pd."};
      return {"", PickOf(rng, {"S.Pd.", "S.Pd.", "S.Pd.", "S.Pd.", "S.Pd.", "S.Pd.", "S.Ag.",
                               "S.Si.", "S.Pd.I."})};
    case Role::kDokter: return {"dr. ", rng.Chance(200) ? "M.Kes." : ""};
    case Role::kDokterSpesialis:
      return {"dr. ", PickOf(rng, {"Sp.PD", "Sp.A", "Sp.OG", "Sp.B", "Sp.An", "Sp.JP", "Sp.N",
                                   "Sp.Rad", "Sp.P", "Sp.M", "Sp.THT-KL", "Sp.KK"})};
    case Role::kDokterGigi: return {"drg. ", ""};
    case Role::kPerawat: return {"", terampil ? "A.Md.Kep." : "S.Kep., Ns."};
    case Role::kBidan: return {"", terampil ? "A.Md.Keb." : "S.Tr.Keb."};
    case Role::kApoteker: return {"apt. ", "S.Farm."};
    case Role::kNakes:
      if (absl::StrContains(t, "Laboratorium")) return {"", "A.Md.AK."};
      if (absl::StrContains(t, "Radiografer")) return {"", "A.Md.Rad."};
      if (absl::StrContains(t, "Nutrisionis")) return {"", "A.Md.Gz."};
      if (absl::StrContains(t, "Perekam Medis")) return {"", "A.Md.RMIK"};
      if (absl::StrContains(t, "Fisioterapis")) return {"", "A.Md.Ftr."};
      if (absl::StrContains(t, "Asisten Apoteker")) return {"", "A.Md.Farm."};
      if (absl::StrContains(t, "Psikolog")) return {"", "M.Psi., Psikolog"};
      if (terampil) return {"", "A.Md.KL."};
      return {"", senior ? "S.KM., M.Kes." : "S.KM."};
    case Role::kPolisiPamongPraja:
    case Role::kPemadam:
      if (rng.Chance(700)) return {"", ""};
      return {"", PickOf(rng, {"A.Md.", "S.H.", "S.Sos."})};
    case Role::kPelaksana:
      if (rng.Chance(400)) return {"", ""};
      return {"",
              PickOf(rng, {"A.Md.", "S.E.", "S.Sos.", "S.Kom.", "S.AP.", "S.H.", "S.IP.", "S.T."})};
    case Role::kFungsionalUmum: {
      if (absl::StrContains(t, "Veteriner") && !terampil) return {"drh. ", ""};
      if (terampil) return {"", "A.Md."};
      std::string base;
      if (absl::StrContains(t, "Hukum") || absl::StrContains(t, "Perundang")) {
        base = "S.H.";
      } else if (absl::StrContains(t, "Komputer") || absl::StrContains(t, "Sandiman") ||
                 absl::StrContains(t, "Database") || absl::StrContains(t, "Statistisi")) {
        base = "S.Kom.";
      } else if (absl::StrContains(t, "Keuangan") || absl::StrContains(t, "Auditor") ||
                 absl::StrContains(t, "Koperasi") || absl::StrContains(t, "Penilai")) {
        base = "S.E.";
      } else if (absl::StrContains(t, "Teknik") || absl::StrContains(t, "Penata Ruang") ||
                 absl::StrContains(t, "Konstruksi") || absl::StrContains(t, "Lingkungan")) {
        base = "S.T.";
      } else if (absl::StrContains(t, "Pertanian") || absl::StrContains(t, "Pangan")) {
        base = "S.P.";
      } else if (absl::StrContains(t, "Perikanan") || absl::StrContains(t, "Ikan")) {
        base = "S.Pi.";
      } else {
        base = PickOf(rng, {"S.Sos.", "S.IP.", "S.AP.", "S.E.", "S.Psi.", "S.Hum.", "S.Si."});
      }
      if (senior && rng.Chance(350)) base += PickOf(rng, {", M.Si.", ", M.M.", ", M.A.P."});
      return {"", base};
    }
    case Role::kStructural: break;
  }
  // Structural positions: a bachelor's degree, often a master's, sometimes a doctorate.
  const bool health = p.opd == "DINKES" || p.opd == "RSUD-WONGSONEGORO";
  const int master_odds = p.kind == PositionKind::kJpt             ? 1000
                          : p.kind == PositionKind::kAdministrator ? 650
                                                                   : 300;
  if (health && (p.kind != PositionKind::kPengawas || rng.Chance(300))) {
    return {"dr. ", rng.Chance(master_odds) ? PickOf(rng, {"M.Kes.", "M.M.R.", "M.K.M."}) : ""};
  }
  if (p.opd == "DISDIK" && rng.Chance(600)) {
    return {"", rng.Chance(master_odds) ? "S.Pd., M.Pd." : "S.Pd."};
  }
  if (p.kind == PositionKind::kJpt && rng.Chance(100)) return {"Dr. Ir. ", "M.T."};
  const std::string prefix = p.kind == PositionKind::kJpt && rng.Chance(250) ? "Dr. " : "";
  static const std::vector<std::pair<const char*, const char*>>* const kPairs =
      new std::vector<std::pair<const char*, const char*>>{
          {"S.STP.", "M.Si."}, {"S.H.", "M.H."},     {"S.E.", "M.M."},     {"S.T.", "M.T."},
          {"S.Sos.", "M.Si."}, {"S.IP.", "M.Si."},   {"S.Kom.", "M.Kom."}, {"S.E.", "M.Si."},
          {"S.AP.", "M.AP."},  {"S.Psi.", "M.Psi."}, {"S.STP.", "M.AP."}};
  const auto& pair = rng.Pick(*kPairs);
  if (rng.Chance(master_odds)) return {prefix, absl::StrCat(pair.first, ", ", pair.second)};
  return {prefix, pair.first};
}

std::string MakeName(bool female, const Position& p, Prng& rng) {
  const auto& first = female ? FemaleFirstNames() : MaleFirstNames();
  const auto& last = female ? FemaleLastNames() : MaleLastNames();
  std::string name = rng.Pick(first);
  const int shape = static_cast<int>(rng.Uniform(0, 99));
  if (shape < 10 && name.size() > 4) {
    // A single Javanese name, e.g. "Sutrisno".
  } else if (shape < 80) {
    absl::StrAppend(&name, " ", rng.Pick(last));
  } else {
    const std::string middle = rng.Pick(first);
    if (middle != name) absl::StrAppend(&name, " ", middle);
    absl::StrAppend(&name, " ", rng.Pick(last));
  }
  const Degrees d = DegreesFor(p, rng);
  std::string full = absl::StrCat(d.prefix, name);
  if (!d.suffix.empty()) absl::StrAppend(&full, ", ", d.suffix);
  return full;
}

bool ValidDay(int y, int m, int d) {
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  const CivilDay day(y, m, d);
  return day.year() == y && day.month() == m && day.day() == d;
}

}  // namespace

Persona MakePersona(const Position& position, Prng& rng, std::set<std::string>* used_nips) {
  Persona out;
  const bool female = rng.Chance(FemalePerMille(position));
  out.person.pppk = rng.Chance(PppkPerMille(position));
  if (out.person.pppk) {
    // Contract hires of the 2021-2023 PPPK rounds, aged 22 to 45 at appointment.
    out.appointment =
        CivilMonth(2021, 3) + rng.Uniform(0, CivilMonth(2023, 12) - CivilMonth(2021, 3));
    const int year = static_cast<int>(out.appointment.year());
    out.birth = RandomBirth(rng, year - 45, year - 22);
  } else {
    const AgeRule rule = AgeRuleFor(position);
    out.birth = RandomBirth(rng, rule.birth_from, rule.birth_to);
    const CivilMonth earliest = EarliestAppointment(out.birth);
    out.appointment = CivilMonth(out.birth) + 12 * rng.Uniform(20, 32) + rng.Uniform(0, 11);
    if (out.appointment > rule.latest_appointment) {
      const int64_t room = std::min<int64_t>(24, rule.latest_appointment - earliest);
      out.appointment = rule.latest_appointment - rng.Uniform(0, room);
    }
  }
  for (;;) {
    const std::string nip = absl::StrFormat(
        "%04d%02d%02d%04d%02d%d%03d", out.birth.year(), out.birth.month(), out.birth.day(),
        out.appointment.year(), out.appointment.month(), female ? 2 : 1, rng.Uniform(1, 999));
    if (used_nips->insert(nip).second) {
      out.person.nip = nip;
      break;
    }
  }
  out.person.full_name = MakeName(female, position, rng);
  return out;
}

Persona MakeFixedPersona(const Position& position, const std::string& nip, Prng& rng,
                         std::set<std::string>* used_nips) {
  Persona out;
  auto num = [&](size_t pos, size_t len) { return std::stoi(nip.substr(pos, len)); };
  out.birth = CivilDay(num(0, 4), num(4, 2), num(6, 2));
  out.appointment = CivilMonth(num(8, 4), num(12, 2));
  out.person.nip = nip;
  out.person.pppk = false;
  used_nips->insert(nip);
  out.person.full_name = MakeName(nip[14] == '2', position, rng);
  return out;
}

bool IsValidNip(const std::string& nip) {
  if (nip.size() != 18) return false;
  for (char c : nip) {
    if (c < '0' || c > '9') return false;
  }
  auto num = [&](size_t pos, size_t len) { return std::stoi(nip.substr(pos, len)); };
  const int by = num(0, 4), bm = num(4, 2), bd = num(6, 2), ay = num(8, 4), am = num(12, 2);
  if (!ValidDay(by, bm, bd) || ay < 1900 || am < 1 || am > 12) return false;
  if (nip[14] != '1' && nip[14] != '2') return false;
  return CivilMonth(ay, am) >= EarliestAppointment(CivilDay(by, bm, bd));
}

}  // namespace kinerja::demo
