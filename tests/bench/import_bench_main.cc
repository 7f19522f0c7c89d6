// kinerja_import_bench: the CSV import rate of DirectoryService/ImportEmployees, end to end.
//
//   kinerja_import_bench --target=127.0.0.1:50051 --rows=15000 --write_csv=/tmp/import_15000.csv
//   kinerja_import_bench --target=127.0.0.1:50051 --csv_file=/tmp/import_15000.csv --label=reimport
//
// Without --csv_file it generates --rows new employees (fresh valid NIPs that no employee has yet,
// on existing Pelaksana and Fungsional positions, read with ListPositions); with --csv_file it sends
// that file as it is (a re-run of an earlier import). The clock runs from before the request is built
// to the response. Prints one JSON line with rows/s and the server's counts. Exit status 0 when the
// import succeeded, 1 otherwise (with the status and any BadRequest violations on stderr).
// With --login_nip (password in KINERJA_BENCH_PASSWORD) it signs in first and sends the session
// token with every call (ImportEmployees needs a BKPP administrator).
#include <chrono>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "kinerja/v1/directory.grpc.pb.h"
#include "tests/bench/bench_stats.h"
#include "tests/bench/directory_fetch.h"
#include "tests/bench/bench_auth.h"
#include "tests/bench/grpc_setup.h"
#include "tests/bench/synthetic_employees.h"

ABSL_FLAG(std::string, target, "127.0.0.1:50051", "gRPC server, HOST:PORT on loopback only");
ABSL_FLAG(int, rows, 15000, "rows to generate (1..1000000); ignored with --csv_file");
ABSL_FLAG(std::string, csv_file, "", "import this CSV file instead of generating one");
ABSL_FLAG(std::string, write_csv, "", "save the generated CSV here (for a later re-run)");
ABSL_FLAG(std::string, label, "", "scenario name in the JSON line; default import_<rows>");
ABSL_FLAG(int, deadline_s, 300, "deadline of the ImportEmployees call (1..600)");
ABSL_FLAG(std::string, metadata, "", "extra call metadata, key=value[,key=value]");
ABSL_FLAG(std::string, login_nip, "",
          "sign in as this NIP (IdentityService.Login, password in the environment variable "
          "KINERJA_BENCH_PASSWORD) and send the session token with every call; empty: no "
          "credentials");

namespace {

using kinerja::bench::Clock;

int Fail(const std::string& message) {
  std::cerr << "kinerja_import_bench: " << message << "\n";
  return 1;
}

double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

// Data rows of a CSV text: non-empty lines after the header. Good enough for the files this tool
// writes, whose fields hold no line breaks.
int64_t CountDataRows(const std::string& csv) {
  int64_t lines = 0;
  size_t pos = 0;
  while (pos < csv.size()) {
    size_t end = csv.find('\n', pos);
    if (end == std::string::npos) end = csv.size();
    if (end > pos && !(end == pos + 1 && csv[pos] == '\r')) ++lines;
    pos = end + 1;
  }
  return lines > 0 ? lines - 1 : 0;
}

void PrintViolations(const grpc::Status& status) {
  google::rpc::Status details;
  if (status.error_details().empty() || !details.ParseFromString(status.error_details())) return;
  for (const google::protobuf::Any& any : details.details()) {
    google::rpc::BadRequest bad;
    if (!any.UnpackTo(&bad)) continue;
    int shown = 0;
    for (const auto& v : bad.field_violations()) {
      if (++shown > 20) {
        std::cerr << "  ... " << bad.field_violations_size() - 20 << " more\n";
        break;
      }
      std::cerr << "  " << v.field() << ": " << v.description() << "\n";
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage("End-to-end rate of the Kinerja CSV employee import");
  absl::ParseCommandLine(argc, argv);
  using namespace kinerja;

  const int deadline_s = absl::GetFlag(FLAGS_deadline_s);
  if (deadline_s < 1 || deadline_s > 600) return Fail("--deadline_s must be in 1..600");
  auto metadata = bench::ParseMetadata(absl::GetFlag(FLAGS_metadata));
  if (!metadata.ok()) return Fail(std::string(metadata.status().message()));
  const std::string target = absl::GetFlag(FLAGS_target);
  auto channels = bench::OpenLoopbackChannels(target, 1, std::chrono::seconds(5));
  if (!channels.ok()) return Fail(std::string(channels.status().message()));
  if (absl::Status st = bench::SignInIfAsked(channels->front(), absl::GetFlag(FLAGS_login_nip),
                                             std::chrono::seconds(10), &*metadata);
      !st.ok()) {
    return Fail(std::string(st.message()));
  }
  auto stub = v1::DirectoryService::NewStub(channels->front());
  bench::FetchOptions fetch;
  fetch.metadata = *metadata;

  std::string csv;
  double generate_s = 0;
  const std::string csv_file = absl::GetFlag(FLAGS_csv_file);
  if (!csv_file.empty()) {
    std::ifstream in(csv_file, std::ios::binary);
    if (!in) return Fail(absl::StrCat("cannot read ", csv_file));
    std::ostringstream text;
    text << in.rdbuf();
    csv = std::move(text).str();
  } else {
    const int rows = absl::GetFlag(FLAGS_rows);
    if (rows < 1 || rows > 1000000) return Fail("--rows must be in 1..1000000");
    const Clock::time_point start = Clock::now();
    bench::SyntheticCsvOptions options;
    options.rows = static_cast<size_t>(rows);
    for (v1::PositionKind kind : {v1::PELAKSANA, v1::FUNGSIONAL}) {
      auto codes = bench::FetchPositionCodes(*stub, kind, fetch);
      if (!codes.ok()) return Fail(std::string(codes.status().message()));
      options.position_codes.insert(options.position_codes.end(), codes->begin(), codes->end());
    }
    auto existing = bench::FetchEmployeeNips(*stub, 10'000'000, fetch);
    if (!existing.ok()) return Fail(std::string(existing.status().message()));
    const absl::flat_hash_set<std::string> taken(existing->begin(), existing->end());
    options.taken_nips = &taken;
    auto built = bench::BuildSyntheticEmployeeCsv(options);
    if (!built.ok()) return Fail(std::string(built.status().message()));
    csv = *std::move(built);
    generate_s = Seconds(Clock::now() - start);
    const std::string write_csv = absl::GetFlag(FLAGS_write_csv);
    if (!write_csv.empty()) {
      std::ofstream out(write_csv, std::ios::binary | std::ios::trunc);
      out << csv;
      if (!out.flush()) return Fail(absl::StrCat("cannot write ", write_csv));
    }
  }
  const int64_t expected_rows = CountDataRows(csv);
  if (expected_rows == 0) return Fail("the CSV has no data rows");

  // Timed: building the request, the call, and the response.
  const Clock::time_point start = Clock::now();
  v1::ImportEmployeesRequest request;
  request.set_csv(csv);  // no request_id: an import is idempotent by its content
  grpc::ClientContext ctx;
  bench::PrepareContext(ctx, std::chrono::seconds(deadline_s), *metadata);
  v1::ImportEmployeesResponse response;
  const grpc::Status status = stub->ImportEmployees(&ctx, request, &response);
  const double seconds = Seconds(Clock::now() - start);
  if (!status.ok()) {
    std::cerr << "kinerja_import_bench: ImportEmployees failed after "
              << absl::StrFormat("%.2f", seconds) << " s: " << bench::DescribeStatus(status)
              << "\n";
    PrintViolations(status);
    return 1;
  }

  const std::string label = absl::GetFlag(FLAGS_label).empty()
                                ? absl::StrCat("import_", expected_rows)
                                : absl::GetFlag(FLAGS_label);
  std::cout << "{\"tool\":\"kinerja_import_bench\",\"scenario\":" << bench::JsonString(label)
            << ",\"expected_rows\":" << expected_rows << ",\"rows\":" << response.rows()
            << ",\"csv_bytes\":" << csv.size() << absl::StrFormat(",\"seconds\":%.3f", seconds)
            << absl::StrFormat(",\"rows_per_s\":%.1f",
                               seconds > 0 ? static_cast<double>(expected_rows) / seconds : 0)
            << ",\"employees_created\":" << response.employees_created()
            << ",\"employees_updated\":" << response.employees_updated()
            << ",\"assignments_opened\":" << response.assignments_opened()
            << ",\"rows_unchanged\":" << response.rows_unchanged()
            << ",\"applied\":" << (response.applied() ? "true" : "false")
            << absl::StrFormat(",\"generate_s\":%.3f", generate_s) << "}" << std::endl;
  return 0;
}
