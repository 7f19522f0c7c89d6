// Splits a CSV file (docs/csv-import.md) into batches for ImportEmployees: the header, then at
// most N records each, in the file's order. Records are split by RFC 4180 rules, so a quoted
// field may hold a line break. Each batch repeats the header (without a byte-order mark).
#ifndef KINERJA_TOOLS_KINERJACTL_CSV_BATCHES_H_
#define KINERJA_TOOLS_KINERJACTL_CSV_BATCHES_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace kinerja::ctl {

struct CsvBatch {
  std::string csv;     // header + records
  int rows = 0;        // records in the batch
  int first_line = 0;  // the file's line number of the batch's first record (header: line 1)
  int header_lines = 1;
};

// INVALID_ARGUMENT for an empty file or a file without records, or batch_size < 1.
absl::StatusOr<std::vector<CsvBatch>> SplitCsv(absl::string_view file, int batch_size);

// A field name of the server's answer about one batch ("csv[line=3].nip") with the line number
// moved to the file's ("csv[line=1003].nip" for the second batch of 1000); others unchanged.
std::string FileField(const CsvBatch& batch, absl::string_view field);

}  // namespace kinerja::ctl

#endif  // KINERJA_TOOLS_KINERJACTL_CSV_BATCHES_H_
