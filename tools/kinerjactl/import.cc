// kinerjactl employees import FILE.csv [--validate-only] [--batch-size N]
//
// The file goes to ImportEmployees in batches of N rows (the header repeated, the rows in the
// file's order): first every batch with validate_only (nothing stored; all problems reported
// with the file's own line numbers), then, unless --validate-only, every batch for real. A
// failure in the second pass leaves the batches before it applied; running the same file again
// is safe, since an import is idempotent by content.
#include <fstream>
#include <sstream>

#include "absl/strings/numbers.h"
#include "kinerja/sdk/directory_client.h"
#include "kinerja/sdk/status.h"
#include "tools/kinerjactl/commands.h"
#include "tools/kinerjactl/csv_batches.h"
#include "tools/kinerjactl/exit_codes.h"
#include "tools/kinerjactl/progress.h"

namespace kinerja::ctl {
namespace {

struct Totals {
  int64_t rows = 0, created = 0, updated = 0, opened = 0, unchanged = 0;
  void Add(const v1::ImportEmployeesResponse& r) {
    rows += r.rows();
    created += r.employees_created();
    updated += r.employees_updated();
    opened += r.assignments_opened();
    unchanged += r.rows_unchanged();
  }
};

// The error of one batch, with the violations' line numbers moved to the file's.
int ReportBatchError(const Command& command, const CsvBatch& batch, size_t index, size_t count,
                     const absl::Status& status) {
  command.err << "kinerjactl: employees import: batch " << index + 1 << " of " << count
              << " (file lines from " << batch.first_line << "): " << status.message() << " ("
              << absl::StatusCodeToString(status.code()) << ")\n";
  for (const auto& v : sdk::FieldViolations(status)) {
    command.err << "  " << FileField(batch, v.field) << ": " << v.description << "\n";
  }
  return ExitCodeFor(status);
}

// One pass over every batch; returns the exit code (0 when every batch went through).
int Pass(const Command& command, sdk::DirectoryClient& directory,
         const std::vector<CsvBatch>& batches, int64_t total, bool validate_only, Totals* totals) {
  Progress progress(command.err, command.err_is_terminal,
                    validate_only ? "validating" : "importing", total);
  int64_t done = 0;
  for (size_t i = 0; i < batches.size(); ++i) {
    auto answer = directory.ImportEmployees(batches[i].csv, validate_only);
    if (!answer.ok()) {
      progress.Done();
      const int code = ReportBatchError(command, batches[i], i, batches.size(), answer.status());
      if (!validate_only && i > 0) {
        command.err << "kinerjactl: batches 1 to " << i << " (" << done
                    << " rows) are applied. Fix the file and run the same import again: rows "
                       "already stored are left unchanged.\n";
      } else {
        command.err << "kinerjactl: nothing was stored.\n";
      }
      return code;
    }
    totals->Add(*answer);
    done += batches[i].rows;
    progress.Update(done);
  }
  progress.Done();
  return kExitOk;
}

}  // namespace

int RunEmployeesImport(const Command& command) {
  const auto& words = command.args.positional;
  int batch_size = 1000;
  if (words.size() != 3 ||
      !absl::SimpleAtoi(command.args.Value("batch-size", "1000"), &batch_size) || batch_size < 1) {
    return Usage(command,
                 "usage: kinerjactl employees import FILE.csv [--validate-only] [--batch-size N]");
  }
  std::ifstream in(words[2], std::ios::binary);
  if (!in) return Usage(command, "cannot read " + words[2]);
  std::stringstream text;
  text << in.rdbuf();
  auto batches = SplitCsv(text.str(), batch_size);
  if (!batches.ok()) return ReportError(command.err, "employees import", batches.status());
  int64_t total = 0;
  for (const auto& b : *batches) total += b.rows;

  int exit_code = kExitOk;
  auto options = CallOptions(command, /*need_credentials=*/true, &exit_code);
  if (!options.ok()) return exit_code;
  auto directory = sdk::MakeDirectoryClient(*options);
  if (!directory.ok()) return ReportError(command.err, "employees import", directory.status());

  Totals checked;
  exit_code = Pass(command, *directory, *batches, total, /*validate_only=*/true, &checked);
  if (exit_code != kExitOk) return exit_code;
  command.out << "Validated " << checked.rows << " rows in " << batches->size()
              << " batches: would create " << checked.created << " employees, update "
              << checked.updated << ", open " << checked.opened << " assignments, leave "
              << checked.unchanged << " rows unchanged.\n";
  if (command.args.Has("validate-only")) return kExitOk;

  Totals applied;
  exit_code = Pass(command, *directory, *batches, total, /*validate_only=*/false, &applied);
  if (exit_code != kExitOk) return exit_code;
  command.out << "Imported " << applied.rows << " rows in " << batches->size()
              << " batches: created " << applied.created << " employees, updated "
              << applied.updated << ", opened " << applied.opened << " assignments, "
              << applied.unchanged << " rows unchanged.\n";
  return kExitOk;
}

}  // namespace kinerja::ctl
