// Imports employees and their assignments from a CSV file (docs/csv-import.md): first a
// validate-only pass, which stores nothing and reports every bad row, then the real import.
//
//   export KINERJA_API_KEY=knk_...        (or KINERJA_TOKEN=<session token>)
//   kinerja_example_import_csv 127.0.0.1:50051 employees.csv
//
// Exits 0 when the file was imported, 1 when it was refused (each problem printed as
// "csv[line=N].column: reason") or the call failed.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "kinerja/sdk/kinerja_sdk.h"

namespace sdk = kinerja::sdk;

namespace {

void PrintError(const char* step, const absl::Status& status) {
  std::cerr << step << " failed: " << absl::StatusCodeToString(status.code()) << ": "
            << status.message() << "\n";
  for (const auto& v : sdk::FieldViolations(status)) {
    std::cerr << "  " << v.field << ": " << v.description << "\n";
  }
}

void PrintCounts(const kinerja::v1::ImportEmployeesResponse& r) {
  std::cout << "  rows " << r.rows() << ", employees created " << r.employees_created()
            << ", updated " << r.employees_updated() << ", assignments opened "
            << r.assignments_opened() << ", rows unchanged " << r.rows_unchanged() << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: " << argv[0] << " SERVER_ADDRESS FILE.csv\n"
              << "credentials: KINERJA_API_KEY or KINERJA_TOKEN in the environment\n";
    return 2;
  }
  std::ifstream in(argv[2], std::ios::binary);
  if (!in) {
    std::cerr << "cannot read " << argv[2] << "\n";
    return 1;
  }
  std::stringstream csv;
  csv << in.rdbuf();

  sdk::Options options;
  options.endpoints = {argv[1]};
  options.user_agent_prefix = "kinerja-example-import-csv/1";
  if (const char* key = std::getenv("KINERJA_API_KEY")) options.api_key = key;
  if (const char* token = std::getenv("KINERJA_TOKEN")) options.session_token = token;
  auto directory = sdk::MakeDirectoryClient(options);
  if (!directory.ok()) {
    std::cerr << "cannot connect: " << directory.status() << "\n";
    return 1;
  }

  auto checked = directory->ImportEmployees(csv.str(), /*validate_only=*/true);
  if (!checked.ok()) {
    PrintError("validation", checked.status());
    return 1;
  }
  std::cout << "validated (nothing stored yet):\n";
  PrintCounts(*checked);

  // Safe to retry and to re-run: an import is idempotent by content.
  auto applied = directory->ImportEmployees(csv.str());
  if (!applied.ok()) {
    PrintError("import", applied.status());
    return 1;
  }
  std::cout << "imported:\n";
  PrintCounts(*applied);
  return 0;
}
