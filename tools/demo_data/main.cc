// kinerja_demo_data: loads deterministic, realistic demo data of Pemerintah Kota Semarang into a
// running Kinerja server through its gRPC API (kinerja.v1.DirectoryService).
//
//   kinerja_demo_data --target 127.0.0.1:50051 [--seed 2026] [--employees 15000]
//                     [--write_csv_dir DIR] [--dry_run]
//
// Exit status: 0 when loaded, when the server already holds OPDs ("demo data already present"), or
// after a dry run; 1 on any error (the gRPC code, message and field violations are printed); 2 on
// bad flags.
#include <cstdint>
#include <iostream>
#include <map>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "tools/demo_data/csv_output.h"
#include "tools/demo_data/loader.h"
#include "tools/demo_data/model.h"
#include "tools/demo_data/org.h"
#include "tools/demo_data/people.h"

ABSL_FLAG(std::string, target, "127.0.0.1:50051", "gRPC address of the Kinerja server");
ABSL_FLAG(uint64_t, seed, 2026, "random seed; the same seed gives byte-identical data");
ABSL_FLAG(int, employees, 15000, "number of employees in the first load");
ABSL_FLAG(std::string, write_csv_dir, "",
          "if set, write employees.csv, transfers.csv (import layout) and opds.csv, units.csv, "
          "positions.csv, acting.csv into this directory");
ABSL_FLAG(bool, dry_run, false, "generate (and write CSVs) only; call no server");

namespace {

using kinerja::demo::DemoData;

void PrintSummary(const DemoData& d) {
  std::map<std::string, int> kinds;
  for (const auto& p : d.positions) ++kinds[kinerja::demo::KindName(p.kind)];
  int pppk = 0, inactive = 0, promosi = 0, plt = 0;
  for (const auto& p : d.people) {
    pppk += p.pppk;
    inactive += !p.active;
  }
  for (const auto& t : d.transfers) promosi += t.reason == kinerja::demo::Reason::kPromosi;
  for (const auto& a : d.acting) plt += a.plt;
  std::cout << "generated " << d.opds.size() << " OPDs, " << d.units.size() << " units, "
            << d.positions.size() << " positions (";
  const char* sep = "";
  for (const auto& [kind, n] : kinds) {
    std::cout << sep << kind << " " << n;
    sep = ", ";
  }
  std::cout << "), " << d.people.size() << " employees (PPPK " << pppk << ", NONAKTIF " << inactive
            << "), " << d.transfers.size() << " transfer rows (PROMOSI " << promosi << ", MUTASI "
            << d.transfers.size() - promosi << "), " << d.acting.size()
            << " acting assignments (PLT " << plt << ", PLH " << d.acting.size() - plt << ")"
            << std::endl;
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "Loads demo data of Kota Semarang into a Kinerja server.\n"
      "  kinerja_demo_data --target HOST:PORT [--seed N] [--employees N] [--write_csv_dir DIR] "
      "[--dry_run]");
  absl::ParseCommandLine(argc, argv);
  const int employees = absl::GetFlag(FLAGS_employees);
  if (employees <= 0) {
    std::cerr << "--employees must be positive\n";
    return 2;
  }

  DemoData data;
  const std::vector<int64_t> weights = kinerja::demo::BuildOrganisation(&data);
  kinerja::demo::PeopleOptions people;
  people.seed = absl::GetFlag(FLAGS_seed);
  people.employees = employees;
  if (absl::Status s = kinerja::demo::GeneratePeople(people, weights, &data); !s.ok()) {
    std::cerr << "error: " << s.message() << "\n";
    return s.code() == absl::StatusCode::kInvalidArgument ? 2 : 1;
  }
  PrintSummary(data);

  const std::string dir = absl::GetFlag(FLAGS_write_csv_dir);
  if (!dir.empty()) {
    if (absl::Status s = kinerja::demo::WriteCsvFiles(data, dir); !s.ok()) {
      std::cerr << "error: " << s.message() << "\n";
      return 1;
    }
    std::cout << "wrote CSV files to " << dir << std::endl;
  }
  if (absl::GetFlag(FLAGS_dry_run)) return 0;

  kinerja::demo::LoaderOptions options;
  options.target = absl::GetFlag(FLAGS_target);
  options.seed = people.seed;
  kinerja::demo::Loader loader(options);
  absl::StatusOr<kinerja::demo::LoadOutcome> outcome = loader.Load(data);
  if (!outcome.ok()) {
    std::cerr << "error: " << outcome.status().message() << "\n";
    return 1;
  }
  if (*outcome == kinerja::demo::LoadOutcome::kAlreadyPresent) {
    std::cout << "demo data already present" << std::endl;
    return 0;
  }
  std::cout << "demo data loaded into " << options.target << std::endl;
  return 0;
}
