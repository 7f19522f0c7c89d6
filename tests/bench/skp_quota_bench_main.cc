// kinerja_skp_bench: the distribution-quota check (DOMAIN.md 5.4) at the city's size.
//
//   KINERJA_DB_PASSWORD=... kinerja_skp_bench --db_host=127.0.0.1 --db_port=3306 --db_user=root
//       --db_name=kinerja_skp_bench --employees=15000 --big_opd=2000 --opds=60 --rounds=30
//
// Creates (drops first) the database, applies the server's migrations, and loads with SQL: `--opds`
// OPDs, one of `--big_opd` employees and the rest of `--employees` spread over the others, each
// employee with an assignment and an EVALUATED SKP whose predikat cycles through the five, and an
// organisation predikat per OPD. Then times, through the server's own repository and domain code
// (SkpRepository::OpdYear + CheckQuota, what GetOpdSkpSummary and FinalizeOpdSkps run):
//   baseline  one "SELECT 1" round trip on a pooled connection
//   big_opd   the quota check of the big OPD
//   city      the quota check of every OPD (ListOpdQuotaReports: the facts of all OPDs at once)
// Each figure is the median (and max) over --rounds. Prints one JSON line. Loopback hosts only.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "server/domain/distribution_quota.h"
#include "server/storage/connection_pool.h"
#include "server/storage/migrations.h"
#include "server/storage/skp_repository.h"
#include "tests/bench/loopback.h"

ABSL_FLAG(std::string, db_host, "127.0.0.1", "MariaDB host (loopback only)");
ABSL_FLAG(int, db_port, 3306, "MariaDB port");
ABSL_FLAG(std::string, db_user, "root", "a user that may create the database");
ABSL_FLAG(std::string, db_name, "kinerja_skp_bench", "database to create (dropped first)");
ABSL_FLAG(int, employees, 15000, "employees in the city");
ABSL_FLAG(int, big_opd, 2000, "employees of the largest OPD");
ABSL_FLAG(int, opds, 60, "OPDs");
ABSL_FLAG(int, rounds, 30, "timed repetitions of each figure");

namespace {

using kinerja::storage::Connection;
using kinerja::storage::ConnectionPool;

double Ms(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

struct Figure {
  double median_ms = 0;
  double max_ms = 0;
};

template <typename Fn>
Figure Time(int rounds, Fn fn) {
  fn();  // warm-up: prepared statements, buffer pool
  std::vector<double> ms;
  for (int i = 0; i < rounds; ++i) {
    const auto start = std::chrono::steady_clock::now();
    fn();
    ms.push_back(Ms(std::chrono::steady_clock::now() - start));
  }
  std::sort(ms.begin(), ms.end());
  return Figure{ms[ms.size() / 2], ms.back()};
}

void Die(const std::string& what) {
  std::cerr << "kinerja_skp_bench: " << what << "\n";
  std::exit(1);
}

absl::Status Load(ConnectionPool& pool, int employees, int big, int opds) {
  return pool.Run(absl::Now() + absl::Minutes(5), "load", [&](Connection& c) -> absl::Status {
    // OPD k (1..opds): employees 1..big in OPD 1, the rest dealt round-robin over OPDs 2..opds.
    c.Execute(absl::StrCat(
        "INSERT INTO opds (code, display_name, kind) SELECT CONCAT('OPD', seq), CONCAT('OPD ', seq),"
        " 'DINAS' FROM seq_1_to_", opds));
    c.Execute(
        "INSERT INTO positions (code, title, kind, opd_id) SELECT CONCAT('PLK-', o.code),"
        " 'Pelaksana', 'PELAKSANA', o.id FROM opds o");
    // Valid NIPs: a birth date moving a day every 1,000 employees, then the sequence.
    c.Execute(absl::StrCat(
        "INSERT INTO employees (nip, full_name, employee_type, status) SELECT"
        " CONCAT(DATE_FORMAT(DATE_ADD('1970-01-01', INTERVAL seq DIV 1000 DAY), '%Y%m%d'), '201501',"
        " '1', LPAD(seq MOD 1000, 3, '0')), CONCAT('Pegawai ', seq), 'PNS', 'ACTIVE'"
        " FROM seq_0_to_", employees - 1));
    c.Execute(absl::StrCat(
        "INSERT INTO assignments (employee_id, nip, position_id, opd_id, start_date, reason)"
        " SELECT e.id, e.nip, p.id, p.opd_id, '2024-01-02', 'INITIAL' FROM employees e"
        " JOIN opds o ON o.code = CONCAT('OPD', IF(e.id <= ", big, ", 1, 2 + MOD(e.id - ", big,
        " - 1, ", std::max(1, opds - 1), ")))"
        " JOIN positions p ON p.opd_id = o.id"));
    c.Execute(
        "INSERT INTO skps (assignment_id, nip, opd_id, position_id, year, approach, state,"
        " start_date, hasil_kerja, perilaku_kerja, predikat)"
        " SELECT a.id, a.nip, a.opd_id, a.position_id, 2026, 'SKP_APPROACH_KUANTITATIF',"
        " 'SKP_STATE_EVALUATED', '2026-01-01', 'RATING_SESUAI_EKSPEKTASI', 'RATING_SESUAI_EKSPEKTASI',"
        " ELT(1 + MOD(a.id, 5), 'PREDIKAT_SANGAT_BAIK', 'PREDIKAT_BAIK', 'PREDIKAT_BUTUH_PERBAIKAN',"
        " 'PREDIKAT_KURANG_MISCONDUCT', 'PREDIKAT_SANGAT_KURANG') FROM assignments a");
    c.Execute(
        "INSERT INTO organization_predikats (opd_id, year, predikat, entered_by) SELECT id, 2026,"
        " 'ORGANIZATION_PREDIKAT_BAIK', 'bench' FROM opds");
    return absl::OkStatus();
  });
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  const std::string host = absl::GetFlag(FLAGS_db_host);
  if (!kinerja::bench::CheckLoopbackTarget(absl::StrCat(host, ":1")).ok()) Die("loopback hosts only");
  const char* password = std::getenv("KINERJA_DB_PASSWORD");
  const int employees = absl::GetFlag(FLAGS_employees), big = absl::GetFlag(FLAGS_big_opd),
            opds = absl::GetFlag(FLAGS_opds), rounds = absl::GetFlag(FLAGS_rounds);
  if (opds < 2 || big < 1 || employees <= big || rounds < 1) Die("need opds >= 2, 0 < big_opd < employees");

  kinerja::storage::PoolOptions admin;
  admin.host = host;
  admin.port = absl::GetFlag(FLAGS_db_port);
  admin.user = absl::GetFlag(FLAGS_db_user);
  admin.password = password ? password : "";
  admin.size = 1;
  admin.read_timeout = absl::Minutes(5);
  admin.write_timeout = absl::Minutes(5);
  const std::string db = absl::GetFlag(FLAGS_db_name);
  {
    ConnectionPool root(admin);
    absl::Status st = root.Run(absl::Now() + absl::Seconds(30), "create", [&](Connection& c) -> absl::Status {
      c.Execute(absl::StrCat("DROP DATABASE IF EXISTS ", db));
      c.Execute(absl::StrCat("CREATE DATABASE ", db, " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"));
      return absl::OkStatus();
    });
    if (!st.ok()) Die(std::string(st.message()));
  }
  kinerja::storage::PoolOptions options = admin;
  options.database = db;
  ConnectionPool pool(options);
  if (auto m = kinerja::storage::Migrate(pool, kinerja::storage::EmbeddedMigrations(), absl::Seconds(30));
      !m.ok()) {
    Die(std::string(m.status().message()));
  }
  const auto load_start = std::chrono::steady_clock::now();
  if (absl::Status st = Load(pool, employees, big, opds); !st.ok()) Die(std::string(st.message()));
  const double load_ms = Ms(std::chrono::steady_clock::now() - load_start);

  kinerja::storage::SkpRepository repo(pool);
  const absl::CivilDay day(2026, 12, 1);
  auto check = [&](const std::string& opd) {
    auto facts = repo.OpdYear(opd, 2026, day, absl::Now() + absl::Seconds(30));
    if (!facts.ok()) Die(std::string(facts.status().message()));
    auto results = kinerja::domain::CheckQuota(facts->predikats, facts->rules);
    if (results.empty()) Die("no quota rules were loaded");
    return facts->employees;
  };
  int big_count = 0;
  const Figure baseline = Time(rounds, [&] {
    absl::Status st = pool.Run(absl::Now() + absl::Seconds(5), "ping", [](Connection& c) -> absl::Status {
      auto& one = c.Prepare("SELECT 1");
      std::unique_ptr<sql::ResultSet> rs(one.executeQuery());
      return rs->next() ? absl::OkStatus() : absl::InternalError("SELECT 1 returned nothing");
    });
    if (!st.ok()) Die(std::string(st.message()));
  });
  const Figure big_opd = Time(rounds, [&] { big_count = check("OPD1"); });
  int city_count = 0;
  // The city: ListOpdQuotaReports' work, every OPD's facts in a few queries, then each OPD's check.
  int city_opds = 0;
  const Figure city = Time(rounds, [&] {
    auto facts = repo.CityQuotaFacts(2026, absl::Now() + absl::Seconds(30));
    if (!facts.ok()) Die(std::string(facts.status().message()));
    city_count = 0;
    city_opds = 0;
    for (const auto& [code, f] : *facts) {
      auto results = kinerja::domain::CheckQuota(f.predikats, f.rules);
      if (results.empty()) Die("no quota rules were loaded");
      for (size_t p = 1; p < f.predikats.size(); ++p) city_count += f.predikats[p];
      ++city_opds;
    }
  });
  if (big_count != big || city_count != employees || city_opds != opds) {
    Die(absl::StrCat("loaded ", city_count, " employees (", big_count, " in the big OPD), expected ",
                     employees, " (", big, ")"));
  }
  std::cout << absl::StrFormat(
                   "{\"tool\":\"kinerja_skp_bench\",\"employees\":%d,\"big_opd\":%d,\"opds\":%d,"
                   "\"rounds\":%d,\"load_ms\":%.0f,\"baseline_median_ms\":%.3f,"
                   "\"big_opd_median_ms\":%.3f,\"big_opd_max_ms\":%.3f,\"city_median_ms\":%.3f,"
                   "\"city_max_ms\":%.3f}",
                   employees, big, opds, rounds, load_ms, baseline.median_ms, big_opd.median_ms,
                   big_opd.max_ms, city.median_ms, city.max_ms)
            << std::endl;
  return 0;
}
