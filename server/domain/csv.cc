#include "server/domain/csv.h"

#include "absl/strings/str_cat.h"

namespace kinerja::domain {

absl::StatusOr<std::vector<CsvRecord>> ParseCsv(absl::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<CsvRecord> records;
  CsvRecord current;
  std::string field;
  int line = 1;
  size_t i = 0;
  const size_t n = text.size();
  bool record_has_content = false;
  current.line = 1;

  auto end_field = [&] {
    current.fields.push_back(std::move(field));
    field.clear();
  };
  auto end_record = [&] {
    end_field();
    if (record_has_content) records.push_back(std::move(current));
    current = CsvRecord{};
    record_has_content = false;
  };

  while (i < n) {
    char c = text[i];
    if (c == '"') {
      if (!field.empty()) {
        return absl::InvalidArgumentError(
            absl::StrCat("CSV line ", line, ": a quote inside an unquoted field"));
      }
      const int start_line = line;
      ++i;
      record_has_content = true;
      while (true) {
        if (i >= n) {
          return absl::InvalidArgumentError(
              absl::StrCat("CSV line ", start_line, ": a quoted field is never closed"));
        }
        char q = text[i];
        if (q == '"') {
          if (i + 1 < n && text[i + 1] == '"') {
            field.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        if (q == '\n') ++line;
        field.push_back(q);
        ++i;
      }
      if (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
        return absl::InvalidArgumentError(
            absl::StrCat("CSV line ", line, ": text after a closing quote"));
      }
      continue;
    }
    if (c == ',') {
      record_has_content = true;
      end_field();
      ++i;
      continue;
    }
    if (c == '\r' || c == '\n') {
      end_record();
      if (c == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
      ++i;
      ++line;
      current.line = line;
      continue;
    }
    record_has_content = true;
    field.push_back(c);
    ++i;
  }
  if (record_has_content || !field.empty()) end_record();
  return records;
}

}  // namespace kinerja::domain
