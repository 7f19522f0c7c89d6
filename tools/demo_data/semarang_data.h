// Reference tables for Kota Semarang: the OPDs with their internal structure, the Kecamatan with
// their Kelurahan, the Puskesmas, position titles, and Javanese-flavoured names. Pure data, no
// logic.
#ifndef KINERJA_TOOLS_DEMO_DATA_SEMARANG_DATA_H_
#define KINERJA_TOOLS_DEMO_DATA_SEMARANG_DATA_H_

#include <vector>

#include "tools/demo_data/model.h"

namespace kinerja::demo {

// A unit inside an OPD. Its head's title and code follow from the first word of the name
// ("Bidang X" -> "Kepala Bidang X", code ...-KABID-n); see org.cc.
struct UnitSpec {
  const char* name;
  std::vector<UnitSpec> children;
};

// A formation (Pelaksana or Fungsional position held by many) and its relative share of staff.
struct FormationSpec {
  const char* title;
  PositionKind kind;
  Role role;
  int weight;
};

struct OpdSpec {
  const char* code;
  const char* display_name;
  const char* kind;
  bool has_revenue_target;
  int weight;              // relative number of non-structural staff
  const char* head_title;  // empty: "Kepala " + display_name
  const char* head_code;   // suffix of the head's position code, e.g. "KADIS"
  bool sekretariat;        // gets the standard Sekretariat with three Subbagian
  int asisten;             // BAGIAN only: the Asisten (1..3) the head reports to
  std::vector<UnitSpec> units;
  std::vector<FormationSpec> formations;  // technical formations, spread over the leaf units
};

// Every OPD except SETDA and the Kecamatan (built from KecamatanList()).
const std::vector<OpdSpec>& OpdList();

struct KecamatanSpec {
  const char* name;  // "Semarang Tengah"
  std::vector<const char*> kelurahan;
};
const std::vector<KecamatanSpec>& KecamatanList();

// The units every Kecamatan has besides its Kelurahan.
const std::vector<UnitSpec>& KecamatanUnits();
// The Subbagian of a standard Sekretariat.
const std::vector<const char*>& SekretariatSubbagian();

// Puskesmas (UPTD of Dinas Kesehatan) and the formations each one has.
const std::vector<const char*>& PuskesmasList();
const std::vector<FormationSpec>& PuskesmasFormations();
const std::vector<FormationSpec>& KelurahanFormations();

// Administrative formations of a Subbagian, chosen by a keyword of its name ("Keuangan" ...).
struct KeywordFormation {
  const char* keyword;
  FormationSpec formation;
};
const std::vector<KeywordFormation>& SubbagianFormations();

// Generic Pelaksana titles, used in every unit.
const std::vector<const char*>& PelaksanaTitles();

// Setda: the three Asisten (index 1..3) and the Staf Ahli.
const std::vector<const char*>& AsistenTitles();
const std::vector<const char*>& StafAhliTitles();

// Names.
const std::vector<const char*>& MaleFirstNames();
const std::vector<const char*>& FemaleFirstNames();
const std::vector<const char*>& MaleLastNames();
const std::vector<const char*>& FemaleLastNames();

}  // namespace kinerja::demo

#endif  // KINERJA_TOOLS_DEMO_DATA_SEMARANG_DATA_H_
