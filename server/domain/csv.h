// RFC 4180 CSV reading: quoted fields, doubled quotes, CRLF or LF, a UTF-8 byte-order mark tolerated.
#ifndef KINERJA_SERVER_DOMAIN_CSV_H_
#define KINERJA_SERVER_DOMAIN_CSV_H_

#include <string>
#include "absl/strings/string_view.h"
#include <vector>

#include "absl/status/statusor.h"

namespace kinerja::domain {

struct CsvRecord {
  int line = 0;  // 1-based physical line where the record starts
  std::vector<std::string> fields;
};

// Splits text into records. Blank lines are skipped. An unterminated quote or a quote inside an
// unquoted field is INVALID_ARGUMENT naming the line.
absl::StatusOr<std::vector<CsvRecord>> ParseCsv(absl::string_view text);

}  // namespace kinerja::domain

#endif  // KINERJA_SERVER_DOMAIN_CSV_H_
