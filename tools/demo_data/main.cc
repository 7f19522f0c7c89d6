// kinerja_demo_data: loads deterministic, realistic demo data of Pemerintah Kota Semarang into a
// running Kinerja server through its gRPC API (kinerja.v1.DirectoryService), and gives a few of its
// employees demo accounts (kinerja.v1.IdentityService; see demo_users.h).
//
//   KINERJA_DEMO_ADMIN_PASSWORD=... KINERJA_DEMO_USER_PASSWORD=...
//   kinerja_demo_data --target 127.0.0.1:50051 [--admin_nip NIP] [--seed 2026] [--employees 15000]
//                     [--write_csv_dir DIR] [--write_demo_users FILE] [--dry_run]
//
// It signs in as --admin_nip, a BKPP administrator, with the password in
// KINERJA_DEMO_ADMIN_PASSWORD (the default NIP is the demo administrator, kDemoAdminNip, who is
// always an employee of BKPP in the generated data). When the server holds no OPD yet it loads the
// directory; either way it then makes sure the demo users have accounts with the password in
// KINERJA_DEMO_USER_PASSWORD (skipped, with a note, when that is unset) and prints them (role, NIP,
// name; never a password).
//
// Exit status: 0 when loaded, when the server already holds OPDs ("demo data already present"), or
// after a dry run; 1 on any error (the gRPC code, message and field violations are printed); 2 on
// bad flags or a missing KINERJA_DEMO_ADMIN_PASSWORD.
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <map>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "tools/demo_data/csv_output.h"
#include "tools/demo_data/demo_users.h"
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
ABSL_FLAG(std::string, admin_nip, kinerja::demo::kDemoAdminNip,
          "NIP of the BKPP administrator to sign in as; the password is read from the environment "
          "variable KINERJA_DEMO_ADMIN_PASSWORD");
ABSL_FLAG(std::string, write_demo_users, "",
          "if set, write the demo users to this file as CSV: role,nip,name (no passwords)");

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

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v == nullptr ? "" : v;
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "Loads demo data of Kota Semarang into a Kinerja server and makes the demo users.\n"
      "  KINERJA_DEMO_ADMIN_PASSWORD=... KINERJA_DEMO_USER_PASSWORD=... kinerja_demo_data\n"
      "      --target HOST:PORT [--admin_nip NIP] [--seed N] [--employees N]\n"
      "      [--write_csv_dir DIR] [--write_demo_users FILE] [--dry_run]");
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
  absl::StatusOr<std::vector<kinerja::demo::DemoUser>> users = kinerja::demo::ChooseDemoUsers(data);
  if (!users.ok()) {
    std::cerr << "error: " << users.status().message() << "\n";
    return 1;
  }
  const std::string users_file = absl::GetFlag(FLAGS_write_demo_users);
  auto write_users = [&]() -> bool {
    if (users_file.empty()) return true;
    if (absl::Status s = kinerja::demo::WriteTextFile(
            users_file, kinerja::demo::DemoUsersCsv(data, *users));
        !s.ok()) {
      std::cerr << "error: " << s.message() << "\n";
      return false;
    }
    return true;
  };

  const std::string dir = absl::GetFlag(FLAGS_write_csv_dir);
  if (!dir.empty()) {
    if (absl::Status s = kinerja::demo::WriteCsvFiles(data, dir); !s.ok()) {
      std::cerr << "error: " << s.message() << "\n";
      return 1;
    }
    std::cout << "wrote CSV files to " << dir << std::endl;
  }
  if (absl::GetFlag(FLAGS_dry_run)) {
    std::cout << "demo users (dry run: no accounts made):\n"
              << kinerja::demo::DemoUsersTable(data, *users) << std::flush;
    return write_users() ? 0 : 1;
  }

  const std::string admin_nip = absl::GetFlag(FLAGS_admin_nip);
  const std::string admin_password = Env("KINERJA_DEMO_ADMIN_PASSWORD");
  if (admin_password.empty()) {
    std::cerr << "error: set KINERJA_DEMO_ADMIN_PASSWORD to the password of " << admin_nip
              << ", the BKPP administrator to sign in as (--admin_nip)\n";
    return 2;
  }
  kinerja::demo::LoaderOptions options;
  options.target = absl::GetFlag(FLAGS_target);
  options.seed = people.seed;
  kinerja::demo::Loader loader(options);
  if (absl::Status s = loader.SignIn(admin_nip, admin_password); !s.ok()) {
    std::cerr << "error: " << s.message() << "\n";
    return 1;
  }
  absl::StatusOr<kinerja::demo::LoadOutcome> outcome = loader.Load(data);
  if (!outcome.ok()) {
    std::cerr << "error: " << outcome.status().message() << "\n";
    return 1;
  }
  if (*outcome == kinerja::demo::LoadOutcome::kAlreadyPresent) {
    std::cout << "demo data already present" << std::endl;
    if (admin_nip == kinerja::demo::kDemoAdminNip && !loader.HasEmployee(admin_nip)) {
      std::cout << "note: the directory on the server was loaded by an older kinerja_demo_data: "
                   "the demo administrator "
                << admin_nip << " has an account but is not an employee in it" << std::endl;
    }
  } else {
    std::cout << "demo data loaded into " << options.target << std::endl;
  }

  const std::string user_password = Env("KINERJA_DEMO_USER_PASSWORD");
  if (user_password.empty()) {
    std::cout << "demo users: not made (KINERJA_DEMO_USER_PASSWORD is not set)" << std::endl;
    return 0;
  }
  if (absl::Status s = loader.EnsureDemoUsers(data, *users, user_password); !s.ok()) {
    std::cerr << "error: " << s.message() << "\n";
    return 1;
  }
  std::cout << "demo users (the password is the one in KINERJA_DEMO_USER_PASSWORD):\n"
            << kinerja::demo::DemoUsersTable(data, *users) << std::flush;
  return write_users() ? 0 : 1;
}
