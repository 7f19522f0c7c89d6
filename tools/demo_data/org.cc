#include "tools/demo_data/org.h"

#include <map>
#include <set>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "tools/demo_data/semarang_data.h"

namespace kinerja::demo {
namespace {

constexpr int kGenericPelaksanaWeight = 4;

// How a unit is coded and headed, from the first word(s) of its name.
struct UnitStyle {
  std::string unit_code;      // e.g. "BIDANG-2", "KEL-SEKAYU"
  std::string position_abbr;  // e.g. "KABID"
  std::string head_title;
  PositionKind head_kind;
  bool sekretariat = false;
};

// "Pindrikan Kidul" -> "PINDRIKAN-KIDUL".
std::string CodeOf(absl::string_view name) {
  std::string code = absl::AsciiStrToUpper(name);
  for (char& c : code) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c))) c = '-';
  }
  return code;
}

// Builds the units and positions of one OPD.
class OpdBuilder {
 public:
  OpdBuilder(DemoData* data, const Opd& opd, std::vector<FormationSpec> technical)
      : data_(*data), opd_(opd), technical_(std::move(technical)) {}

  // Adds a position and returns its code.
  std::string AddPosition(const std::string& code, const std::string& title, PositionKind kind,
                          const std::string& unit, const std::string& superior,
                          Role role = Role::kStructural, int weight = 0) {
    Position p;
    p.code = code;
    p.title = title;
    p.kind = kind;
    p.opd = opd_.code;
    p.unit = unit;
    p.superior_position = superior;
    p.role = role;
    p.weight = weight;
    data_.positions.push_back(std::move(p));
    return code;
  }

  // Adds a unit, its head position, its children (recursively) and, for a leaf, its formations.
  void AddUnitTree(const UnitSpec& spec, const std::string& parent_unit,
                   const std::string& superior, bool under_sekretariat) {
    const UnitStyle style = StyleOf(spec.name);
    data_.units.push_back({opd_.code, style.unit_code, spec.name, parent_unit});
    const std::string head =
        AddPosition(absl::StrCat(opd_.code, "-", style.position_abbr), style.head_title,
                    style.head_kind, style.unit_code, superior);
    for (const UnitSpec& child : spec.children) {
      AddUnitTree(child, style.unit_code, head, style.sekretariat);
    }
    if (spec.children.empty())
      AddLeafFormations(spec.name, style.unit_code, head, under_sekretariat);
  }

  // Adds one formation position in `unit`, reporting to `head`, unless the unit already has it.
  void AddFormation(const FormationSpec& f, const std::string& unit, const std::string& head) {
    if (!titles_in_unit_[unit].insert(f.title).second) return;
    const bool plk = f.kind == PositionKind::kPelaksana;
    const std::string code = absl::StrCat(opd_.code, plk ? "-PLK-" : "-JF-", ++(plk ? plk_ : jf_));
    AddPosition(code, f.title, f.kind, unit, head, f.role, f.weight);
  }

  void AddGenericPelaksana(const std::string& unit, const std::string& head) {
    const auto& titles = PelaksanaTitles();
    const char* title = titles[generic_next_++ % titles.size()];
    AddFormation({title, PositionKind::kPelaksana, Role::kPelaksana, kGenericPelaksanaWeight}, unit,
                 head);
  }

  void AddTechnical(const std::string& unit, const std::string& head) {
    if (technical_.empty()) {
      AddGenericPelaksana(unit, head);
      return;
    }
    AddFormation(technical_[technical_next_++ % technical_.size()], unit, head);
  }

 private:
  void AddLeafFormations(absl::string_view name, const std::string& unit, const std::string& head,
                         bool under_sekretariat) {
    if (absl::StartsWith(name, "Kelurahan ")) {
      for (const FormationSpec& f : KelurahanFormations()) AddFormation(f, unit, head);
      return;
    }
    if (absl::StartsWith(name, "UPTD Puskesmas ")) {
      for (const FormationSpec& f : PuskesmasFormations()) AddFormation(f, unit, head);
      return;
    }
    AddGenericPelaksana(unit, head);
    if (absl::StartsWith(name, "Subbagian ")) {
      bool matched = false;
      for (const KeywordFormation& k : SubbagianFormations()) {
        if (absl::StrContains(name, k.keyword)) {
          AddFormation(k.formation, unit, head);
          matched = true;
          break;
        }
      }
      if (!matched) AddGenericPelaksana(unit, head);
      if (!under_sekretariat) AddTechnical(unit, head);
      return;
    }
    AddTechnical(unit, head);
    AddTechnical(unit, head);
  }

  UnitStyle StyleOf(absl::string_view name) {
    UnitStyle s;
    auto counted = [&](const char* unit_prefix, const char* abbr) {
      const int n = ++counters_[unit_prefix];
      s.unit_code = absl::StrCat(unit_prefix, "-", n);
      s.position_abbr = absl::StrCat(abbr, "-", n);
    };
    if (name == "Sekretariat") {
      s.unit_code = "SEKRETARIAT";
      s.position_abbr = "SEK";
      s.head_title = absl::StrCat("Sekretaris ", opd_.display_name);
      s.head_kind = PositionKind::kAdministrator;
      s.sekretariat = true;
      return s;
    }
    s.head_title = absl::StrCat("Kepala ", name);
    s.head_kind = PositionKind::kPengawas;
    if (absl::StartsWith(name, "Bidang ")) {
      counted("BIDANG", "KABID");
      s.head_kind = PositionKind::kAdministrator;
    } else if (absl::StartsWith(name, "Bagian ")) {
      counted("BAGIAN", "KABAG");
      s.head_kind = PositionKind::kAdministrator;
    } else if (absl::StartsWith(name, "Seksi ")) {
      counted("SEKSI", "KASI");
    } else if (absl::StartsWith(name, "Subbagian ")) {
      counted("SUBBAG", "KASUBAG");
    } else if (absl::StartsWith(name, "Subbidang ")) {
      counted("SUBBID", "KASUBID");
    } else if (absl::StartsWith(name, "Inspektorat Pembantu ")) {
      counted("IRBAN", "IRBAN");
      s.head_title = absl::StrReplaceAll(name, {{"Inspektorat", "Inspektur"}});
      s.head_kind = PositionKind::kAdministrator;
    } else if (absl::StartsWith(name, "Wakil Direktur ")) {
      counted("WADIR", "WADIR");
      s.head_title = std::string(name);
      s.head_kind = PositionKind::kAdministrator;
    } else if (absl::StartsWith(name, "Asisten ")) {
      counted("ASISTEN", "ASISTEN");
      s.head_title = std::string(name);
      s.head_kind = PositionKind::kJpt;
    } else if (absl::ConsumePrefix(&name, "Kelurahan ")) {
      s.unit_code = absl::StrCat("KEL-", CodeOf(name));
      s.position_abbr = absl::StrCat("LURAH-", ++counters_["LURAH"]);
      s.head_title = absl::StrCat("Lurah ", name);
    } else if (absl::ConsumePrefix(&name, "UPTD Puskesmas ")) {
      s.unit_code = absl::StrCat("PKM-", CodeOf(name));
      s.position_abbr = absl::StrCat("KAPUS-", ++counters_["KAPUS"]);
    } else {
      counted("UNIT", "KAUNIT");
    }
    return s;
  }

  DemoData& data_;
  const Opd& opd_;
  std::vector<FormationSpec> technical_;
  std::map<std::string, int> counters_;
  std::map<std::string, std::set<std::string>> titles_in_unit_;
  int plk_ = 0;
  int jf_ = 0;
  size_t generic_next_ = 0;
  size_t technical_next_ = 0;
};

void BuildSetda(DemoData* data) {
  data->opds.push_back({"SETDA", "Sekretariat Daerah", "SEKRETARIAT", false});
  OpdBuilder b(data, data->opds.back(), {});
  const std::string sekda = b.AddPosition("SEKDA", "Sekretaris Daerah", PositionKind::kJpt, "", "");
  const auto& staf_ahli = StafAhliTitles();
  for (size_t i = 0; i < staf_ahli.size(); ++i) {
    b.AddPosition(absl::StrCat("SETDA-STAFAHLI-", i + 1), staf_ahli[i], PositionKind::kJpt, "",
                  sekda);
  }
  for (const char* asisten : AsistenTitles()) b.AddUnitTree({asisten, {}}, "", sekda, false);
}

}  // namespace

std::vector<int64_t> BuildOrganisation(DemoData* data) {
  std::vector<int64_t> weights;
  BuildSetda(data);
  weights.push_back(25);

  for (const OpdSpec& spec : OpdList()) {
    data->opds.push_back({spec.code, spec.display_name, spec.kind, spec.has_revenue_target});
    weights.push_back(spec.weight);
    const Opd& opd = data->opds.back();
    OpdBuilder b(data, opd, spec.formations);
    const bool bagian = opd.kind == "BAGIAN";
    const std::string head_title =
        *spec.head_title ? spec.head_title : absl::StrCat("Kepala ", spec.display_name);
    const std::string superior = bagian ? absl::StrCat("SETDA-ASISTEN-", spec.asisten) : "SEKDA";
    const std::string head =
        b.AddPosition(absl::StrCat(opd.code, "-", spec.head_code), head_title,
                      bagian ? PositionKind::kAdministrator : PositionKind::kJpt, "", superior);
    if (spec.sekretariat) {
      UnitSpec sekretariat{"Sekretariat", {}};
      for (const char* s : SekretariatSubbagian()) sekretariat.children.push_back({s, {}});
      b.AddUnitTree(sekretariat, "", head, false);
    }
    for (const UnitSpec& u : spec.units) b.AddUnitTree(u, "", head, false);
    // Dinas Kesehatan runs the Puskesmas as UPTD, each headed by a Kepala UPTD (Pengawas).
    if (opd.code == "DINKES") {
      for (const char* p : PuskesmasList()) {
        const std::string name = absl::StrCat("UPTD Puskesmas ", p);
        b.AddUnitTree({name.c_str(), {}}, "", head, false);
      }
    }
  }

  for (const KecamatanSpec& kec : KecamatanList()) {
    data->opds.push_back({absl::StrCat("KEC-", CodeOf(kec.name)),
                          absl::StrCat("Kecamatan ", kec.name), "KECAMATAN", false});
    weights.push_back(20 + 8 * static_cast<int64_t>(kec.kelurahan.size()));
    const Opd& opd = data->opds.back();
    OpdBuilder b(data, opd, {});
    const std::string head =
        b.AddPosition(absl::StrCat(opd.code, "-CAMAT"), absl::StrCat("Camat ", kec.name),
                      PositionKind::kAdministrator, "", "SEKDA");
    for (const UnitSpec& u : KecamatanUnits()) b.AddUnitTree(u, "", head, false);
    for (const char* kel : kec.kelurahan) {
      const std::string name = absl::StrCat("Kelurahan ", kel);
      b.AddUnitTree({name.c_str(), {}}, "", head, false);
    }
  }
  return weights;
}

}  // namespace kinerja::demo
