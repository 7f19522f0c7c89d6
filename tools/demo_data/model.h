// The demo data set as plain records: the organisation (OPDs, units, positions), the people, their
// assignments (the first load and the later transfers) and the acting superiors. Built by org.h and
// people.h, written by csv_output.h, sent to the server by loader.h.
#ifndef KINERJA_TOOLS_DEMO_DATA_MODEL_H_
#define KINERJA_TOOLS_DEMO_DATA_MODEL_H_

#include <string>
#include <vector>

#include "absl/time/civil_time.h"

namespace kinerja::demo {

// Mirrors kinerja.v1.PositionKind; kept separate so the generator needs no protobuf.
enum class PositionKind { kJpt, kAdministrator, kPengawas, kPelaksana, kFungsional };

// True for the kinds one person holds at a time (JPT, Administrator, Pengawas).
inline bool IsStructural(PositionKind k) {
  return k == PositionKind::kJpt || k == PositionKind::kAdministrator ||
         k == PositionKind::kPengawas;
}

// What kind of person fills a position: drives gender, degrees, age and PNS/PPPK odds.
enum class Role {
  kStructural,
  kPelaksana,       // generic staff (Pengadministrasi, Pengolah Data ...)
  kFungsionalUmum,  // analysts, planners, archivists ...
  kGuru,
  kDokter,
  kDokterSpesialis,
  kDokterGigi,
  kPerawat,
  kBidan,
  kApoteker,
  kNakes,  // other health workers (lab, radiology, nutrition, sanitation ...)
  kPolisiPamongPraja,
  kPemadam,
};

struct Opd {
  std::string code;
  std::string display_name;
  std::string kind;  // DINAS, BADAN, KECAMATAN, BAGIAN, RSUD, SEKRETARIAT, INSPEKTORAT, SATPOL
  bool has_revenue_target = false;
};

struct Unit {
  std::string opd;
  std::string code;
  std::string display_name;
  std::string parent_unit;  // empty at the top of the OPD
};

struct Position {
  std::string code;
  std::string title;
  PositionKind kind = PositionKind::kPelaksana;
  std::string opd;
  std::string unit;               // empty for positions outside any unit (OPD heads)
  std::string superior_position;  // empty only for SEKDA
  Role role = Role::kPelaksana;
  int weight = 0;  // formations: relative share of the OPD's staff
};

struct Person {
  std::string nip;
  std::string full_name;
  bool pppk = false;
  bool active = true;
};

enum class Reason { kAwal, kMutasi, kPromosi };

// One CSV row: the person holds the position from `start` on.
struct AssignmentRow {
  int person = 0;    // index into DemoData::people
  int position = 0;  // index into DemoData::positions
  absl::CivilDay start;
  Reason reason = Reason::kAwal;
};

struct ActingAssignment {
  int person = 0;
  int position = 0;
  bool plt = true;  // PLT (vacant position) or PLH (holder briefly absent)
  absl::CivilDay start;
  absl::CivilDay end;  // inclusive
};

// The NIP of the demo's BKPP administrator (the account scripts/up.sh and tests/bench/run_bench.sh
// create at the server's first start-up, and kinerja_demo_data signs in with): the generated data
// always has this person as a Pranata Komputer of BKPP (Subbidang Data dan Informasi Kepegawaian),
// PNS, active, never transferred. Born 1990-03-15, appointed 2015-03, male.
inline constexpr char kDemoAdminNip[] = "199003152015031002";

struct DemoData {
  std::vector<Opd> opds;
  std::vector<Unit> units;          // parents before children
  std::vector<Position> positions;  // superiors before subordinates
  std::vector<Person> people;
  std::vector<AssignmentRow> initial;    // one row per person, jenis_mutasi AWAL
  std::vector<AssignmentRow> transfers;  // later MUTASI / PROMOSI rows
  std::vector<ActingAssignment> acting;
  int admin_person = -1;  // index into people of kDemoAdminNip
};

}  // namespace kinerja::demo

#endif  // KINERJA_TOOLS_DEMO_DATA_MODEL_H_
