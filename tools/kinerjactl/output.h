// Output of kinerjactl's list and get commands, in one of three formats (--output):
//
//   table  (default) a header line and aligned columns, for people; the rows are kept until
//          Finish() to measure the columns.
//   json   proto3 JSON (field names in lowerCamelCase, enums by name), one message per line
//          ("JSON Lines"): every line is a whole JSON object, so a stream or a long list is
//          printed as it arrives and `jq` reads it line by line.
//   csv    RFC 4180: a header row, fields quoted when they hold a comma, a quote or a line break
//          (quotes doubled), CRLF line ends.
#ifndef KINERJA_TOOLS_KINERJACTL_OUTPUT_H_
#define KINERJA_TOOLS_KINERJACTL_OUTPUT_H_

#include <ostream>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"

namespace kinerja::ctl {

enum class OutputFormat { kTable, kJson, kCsv };

// "table", "json" or "csv"; INVALID_ARGUMENT otherwise.
absl::StatusOr<OutputFormat> ParseOutputFormat(absl::string_view name);

// One CSV field as RFC 4180 writes it.
std::string CsvField(absl::string_view value);

// The display width of UTF-8 text: its code points (no East Asian wide characters are expected).
size_t DisplayWidth(absl::string_view text);

class Printer {
 public:
  Printer(OutputFormat format, std::ostream& out, std::vector<std::string> headers);

  // One message: its cells (one per header) for table and csv, the message itself for json.
  void Add(const google::protobuf::Message& message, std::vector<std::string> cells);
  // Prints what table output kept back. Call once, after the last Add.
  void Finish();

 private:
  OutputFormat format_;
  std::ostream& out_;
  std::vector<std::string> headers_;
  std::vector<std::vector<std::string>> rows_;  // table only
};

}  // namespace kinerja::ctl

#endif  // KINERJA_TOOLS_KINERJACTL_OUTPUT_H_
