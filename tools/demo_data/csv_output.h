// CSV text of the demo data. The import layout (ImportEmployees, docs/csv-import.md):
//   nip,nama,jenis_asn,status,kode_jabatan,tmt_jabatan,jenis_mutasi
// with a header row, LF line ends, and RFC 4180 quoting of fields holding a comma or a quote.
// The organisation and acting files are for benchmarks and checks; the server never reads them.
#ifndef KINERJA_TOOLS_DEMO_DATA_CSV_OUTPUT_H_
#define KINERJA_TOOLS_DEMO_DATA_CSV_OUTPUT_H_

#include <initializer_list>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "tools/demo_data/model.h"

namespace kinerja::demo {

// Import CSV of rows [begin, end) of `rows`, header included.
std::string ImportCsv(const DemoData& data, const std::vector<AssignmentRow>& rows, size_t begin,
                      size_t end);

// Writes employees.csv and transfers.csv (import layout), and opds.csv, units.csv, positions.csv
// and acting.csv, into `dir` (created if missing).
absl::Status WriteCsvFiles(const DemoData& data, const std::string& dir);

// One CSV record (RFC 4180 quoting where needed), ending in LF.
std::string CsvRecord(std::initializer_list<absl::string_view> fields);

// Writes `text` to `path` (replacing it).
absl::Status WriteTextFile(const std::string& path, const std::string& text);

// "JPT", "ADMINISTRATOR" ... as written in positions.csv.
const char* KindName(PositionKind kind);

}  // namespace kinerja::demo

#endif  // KINERJA_TOOLS_DEMO_DATA_CSV_OUTPUT_H_
