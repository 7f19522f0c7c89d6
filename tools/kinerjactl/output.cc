#include "tools/kinerjactl/output.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "google/protobuf/util/json_util.h"

namespace kinerja::ctl {

absl::StatusOr<OutputFormat> ParseOutputFormat(absl::string_view name) {
  if (name == "table") return OutputFormat::kTable;
  if (name == "json") return OutputFormat::kJson;
  if (name == "csv") return OutputFormat::kCsv;
  return absl::InvalidArgumentError(
      absl::StrCat("--output must be table, json or csv, not '", name, "'"));
}

std::string CsvField(absl::string_view value) {
  if (value.find_first_of(",\"\r\n") == absl::string_view::npos) return std::string(value);
  return absl::StrCat("\"", absl::StrReplaceAll(value, {{"\"", "\"\""}}), "\"");
}

size_t DisplayWidth(absl::string_view text) {
  size_t width = 0;
  for (unsigned char c : text) width += (c & 0xC0) != 0x80;  // count the lead bytes only
  return width;
}

Printer::Printer(OutputFormat format, std::ostream& out, std::vector<std::string> headers)
    : format_(format), out_(out), headers_(std::move(headers)) {
  if (format_ == OutputFormat::kCsv) {
    for (size_t i = 0; i < headers_.size(); ++i) out_ << (i ? "," : "") << CsvField(headers_[i]);
    out_ << "\r\n";
  }
}

void Printer::Add(const google::protobuf::Message& message, std::vector<std::string> cells) {
  switch (format_) {
    case OutputFormat::kTable:
      cells.resize(headers_.size());
      rows_.push_back(std::move(cells));
      break;
    case OutputFormat::kCsv:
      cells.resize(headers_.size());
      for (size_t i = 0; i < cells.size(); ++i) out_ << (i ? "," : "") << CsvField(cells[i]);
      out_ << "\r\n";
      break;
    case OutputFormat::kJson: {
      std::string json;
      (void)google::protobuf::util::MessageToJsonString(message, &json);
      out_ << json << "\n";
      break;
    }
  }
}

void Printer::Finish() {
  if (format_ != OutputFormat::kTable) {
    out_.flush();
    return;
  }
  std::vector<size_t> widths(headers_.size());
  for (size_t i = 0; i < headers_.size(); ++i) widths[i] = DisplayWidth(headers_[i]);
  for (const auto& row : rows_) {
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], DisplayWidth(row[i]));
  }
  auto print = [&](const std::vector<std::string>& row) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      absl::StrAppend(&line, row[i]);
      if (i + 1 < row.size()) line.append(widths[i] - DisplayWidth(row[i]) + 2, ' ');
    }
    out_ << line << "\n";
  };
  print(headers_);
  for (const auto& row : rows_) print(row);
  rows_.clear();
  out_.flush();
}

}  // namespace kinerja::ctl
