// Synthetic but valid employee rows for the CSV import benchmark (layout of docs/csv-import.md:
// nip,nama,jenis_asn,status,kode_jabatan,tmt_jabatan,jenis_mutasi).
#ifndef KINERJA_TESTS_BENCH_SYNTHETIC_EMPLOYEES_H_
#define KINERJA_TESTS_BENCH_SYNTHETIC_EMPLOYEES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"

namespace kinerja::bench {

// The NIP numbered `index`: a valid, distinct NIP for every index below kSyntheticNipCount.
//   birth date   1965-01-01 + index / 2000 days (YYYYMMDD)
//   appointment  birth year + 19..26, month 1..12 (YYYYMM): always at least 18 years after birth
//   gender       1 or 2 (index / 1000 % 2)
//   sequence     index % 1000 (3 digits)
std::string SyntheticNip(uint64_t index);
inline constexpr uint64_t kSyntheticNipCount = 2000ull * 365 * 15;  // births up to 1979

struct SyntheticCsvOptions {
  size_t rows = 0;
  // Positions the rows are spread over, round robin. Only formation kinds (Pelaksana, Fungsional),
  // which many people hold at once, so that no row conflicts with another holder.
  std::vector<std::string> position_codes;
  // NIPs already in the database: skipped, so every row creates a new employee.
  const absl::flat_hash_set<std::string>* taken_nips = nullptr;
  uint64_t first_index = 0;                 // where the NIP numbering starts
  std::string effective_date = "2020-01-02";  // tmt_jabatan of every row
};

// The CSV text, header first, one row per employee: a PNS (every tenth a PPPK), AKTIF, first
// appointment (AWAL) on the effective date. Fails when there are no positions or NIPs run out.
absl::StatusOr<std::string> BuildSyntheticEmployeeCsv(const SyntheticCsvOptions& options);

}  // namespace kinerja::bench

#endif  // KINERJA_TESTS_BENCH_SYNTHETIC_EMPLOYEES_H_
