#include "tools/kinerjactl/csv_batches.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace kinerja::ctl {
namespace {

struct Record {
  absl::string_view text;  // with its line end
  int line = 0;            // first line
  int lines = 0;           // physical lines it spans
};

// The records of `file`, each with its line end; blank trailing text is dropped.
std::vector<Record> Records(absl::string_view file) {
  std::vector<Record> records;
  size_t start = 0;
  int line = 1;
  int lines_in_record = 1;
  bool quoted = false;
  for (size_t i = 0; i < file.size(); ++i) {
    const char c = file[i];
    if (c == '"') quoted = !quoted;  // "" inside quotes toggles twice: no change
    if (c != '\n') continue;
    if (quoted) {
      ++lines_in_record;
      continue;
    }
    records.push_back({file.substr(start, i + 1 - start), line, lines_in_record});
    line += lines_in_record;
    lines_in_record = 1;
    start = i + 1;
  }
  if (start < file.size()) {
    records.push_back({file.substr(start), line, lines_in_record});
  }
  // Blank lines at the end (a final empty line) are not records.
  while (!records.empty() &&
         records.back().text.find_first_not_of("\r\n") == absl::string_view::npos) {
    records.pop_back();
  }
  return records;
}

}  // namespace

absl::StatusOr<std::vector<CsvBatch>> SplitCsv(absl::string_view file, int batch_size) {
  if (batch_size < 1) return absl::InvalidArgumentError("--batch-size must be at least 1");
  absl::ConsumePrefix(&file, "\xEF\xBB\xBF");
  std::vector<Record> records = Records(file);
  if (records.empty()) return absl::InvalidArgumentError("the file is empty");
  if (records.size() == 1) return absl::InvalidArgumentError("the file has a header but no rows");
  std::string header(records[0].text);
  if (!absl::EndsWith(header, "\n")) header += "\n";
  std::vector<CsvBatch> batches;
  for (size_t i = 1; i < records.size(); i += batch_size) {
    CsvBatch batch;
    batch.csv = header;
    batch.first_line = records[i].line;
    batch.header_lines = records[0].lines;
    const size_t end = std::min(records.size(), i + batch_size);
    for (size_t j = i; j < end; ++j) {
      batch.csv.append(records[j].text.data(), records[j].text.size());
      if (!absl::EndsWith(records[j].text, "\n")) batch.csv += "\n";
    }
    batch.rows = static_cast<int>(end - i);
    batches.push_back(std::move(batch));
  }
  return batches;
}

std::string FileField(const CsvBatch& batch, absl::string_view field) {
  constexpr absl::string_view kPrefix = "csv[line=";
  if (!absl::StartsWith(field, kPrefix)) return std::string(field);
  const size_t close = field.find(']');
  int line = 0;
  if (close == absl::string_view::npos ||
      !absl::SimpleAtoi(field.substr(kPrefix.size(), close - kPrefix.size()), &line) ||
      line <= batch.header_lines) {
    return std::string(field);
  }
  const int file_line = line - (batch.header_lines + 1) + batch.first_line;
  return absl::StrCat(kPrefix, file_line, field.substr(close));
}

}  // namespace kinerja::ctl
