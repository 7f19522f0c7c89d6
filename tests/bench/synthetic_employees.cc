#include "tests/bench/synthetic_employees.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"

namespace kinerja::bench {
namespace {

constexpr const char* kGivenNames[] = {
    "Agus",  "Budi",   "Citra", "Dewi",  "Eko",     "Fitri", "Gunawan", "Hendra", "Indah", "Joko",
    "Kartika", "Lestari", "Made", "Nur", "Oktavia", "Putri", "Rahmat",  "Sari",   "Teguh", "Wulan"};
constexpr const char* kFamilyNames[] = {
    "Santoso",  "Wibowo",   "Hidayat", "Pratama", "Setiawan", "Kurniawan", "Purnomo",
    "Susanto",  "Nugroho",  "Handoko", "Rahayu",  "Wijaya",   "Saputra",   "Utami",
    "Suharto",  "Prasetyo", "Lestari", "Hartono", "Permana",  "Anggraini", "Siregar"};
constexpr size_t kGiven = std::size(kGivenNames);
constexpr size_t kFamily = std::size(kFamilyNames);

// Quotes a CSV field when it needs it (RFC 4180).
void AppendField(std::string& out, const std::string& field) {
  if (field.find_first_of(",\"\r\n") == std::string::npos) {
    out += field;
    return;
  }
  out += '"';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace

std::string SyntheticNip(uint64_t index) {
  const uint64_t day_offset = index / 2000;
  const absl::CivilDay birth = absl::CivilDay(1965, 1, 1) + static_cast<int64_t>(day_offset);
  const int64_t appointment_year = birth.year() + 19 + static_cast<int64_t>(day_offset % 8);
  const int appointment_month = 1 + static_cast<int>(day_offset % 12);
  const int gender = 1 + static_cast<int>((index / 1000) % 2);
  const int sequence = static_cast<int>(index % 1000);
  return absl::StrFormat("%04d%02d%02d%04d%02d%d%03d", birth.year(), birth.month(), birth.day(),
                         appointment_year, appointment_month, gender, sequence);
}

absl::StatusOr<std::string> BuildSyntheticEmployeeCsv(const SyntheticCsvOptions& options) {
  if (options.position_codes.empty()) {
    return absl::FailedPreconditionError(
        "no PELAKSANA or FUNGSIONAL positions to assign; load demo data first");
  }
  std::string out = "nip,nama,jenis_asn,status,kode_jabatan,tmt_jabatan,jenis_mutasi\n";
  out.reserve(options.rows * 80 + out.size());
  uint64_t index = options.first_index;
  for (size_t row = 0; row < options.rows; ++row, ++index) {
    std::string nip;
    for (;; ++index) {
      if (index >= kSyntheticNipCount) {
        return absl::ResourceExhaustedError("ran out of synthetic NIPs");
      }
      nip = SyntheticNip(index);
      if (options.taken_nips == nullptr || !options.taken_nips->contains(nip)) break;
    }
    const std::string name = absl::StrCat(kGivenNames[row % kGiven], " ",
                                          kFamilyNames[(row / kGiven) % kFamily]);
    AppendField(out, nip);
    out += ',';
    AppendField(out, name);
    out += row % 10 == 9 ? ",PPPK,AKTIF," : ",PNS,AKTIF,";
    AppendField(out, options.position_codes[row % options.position_codes.size()]);
    out += ',';
    AppendField(out, options.effective_date);
    out += ",AWAL\n";
  }
  return out;
}

}  // namespace kinerja::bench
