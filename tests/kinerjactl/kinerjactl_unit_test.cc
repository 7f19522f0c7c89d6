// kinerjactl's pieces without a server: argument parsing, exit codes and error printing, output
// formats, progress rendering, CSV batches and the session file.
#include <sys/stat.h>

#include <cstdlib>
#include <sstream>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "kinerja/sdk/status.h"
#include "kinerja/v1/directory.pb.h"
#include "tools/kinerjactl/args.h"
#include "tools/kinerjactl/csv_batches.h"
#include "tools/kinerjactl/exit_codes.h"
#include "tools/kinerjactl/output.h"
#include "tools/kinerjactl/progress.h"
#include "tools/kinerjactl/session.h"

namespace kinerja::ctl {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// ---- arguments ----------------------------------------------------------------------------------
TEST(ArgsTest, PositionalValuesAndSwitches) {
  auto args = ParseArgs({"employees", "import", "a.csv", "--validate-only", "--batch-size", "50",
                         "--server=127.0.0.1:5", "--output", "csv"},
                        AllValueFlags(), AllSwitches());
  ASSERT_TRUE(args.ok()) << args.status();
  EXPECT_THAT(args->positional, ElementsAre("employees", "import", "a.csv"));
  EXPECT_TRUE(args->Has("validate-only"));
  EXPECT_EQ(args->Value("batch-size"), "50");
  EXPECT_EQ(args->Value("server"), "127.0.0.1:5");
  EXPECT_EQ(args->Value("output"), "csv");
  EXPECT_EQ(args->Value("opd", "none"), "none");
}

TEST(ArgsTest, HelpDoubleDashAndErrors) {
  auto args = ParseArgs({"-h", "--", "--not-a-flag"}, AllValueFlags(), AllSwitches());
  ASSERT_TRUE(args.ok());
  EXPECT_TRUE(args->Has("help"));
  EXPECT_THAT(args->positional, ElementsAre("--not-a-flag"));
  EXPECT_THAT(std::string(ParseArgs({"--bogus"}, {}, {}).status().message()),
              HasSubstr("unknown option '--bogus'"));
  EXPECT_THAT(std::string(ParseArgs({"--server"}, {}, {}).status().message()),
              HasSubstr("--server needs a value"));
  EXPECT_FALSE(ParseArgs({"--tls=yes"}, {}, {}).ok());
  EXPECT_FALSE(ParseArgs({"-x"}, {}, {}).ok());
}

// ---- exit codes ---------------------------------------------------------------------------------
TEST(ExitCodeTest, Mapping) {
  EXPECT_EQ(ExitCodeFor(absl::OkStatus()), 0);
  EXPECT_EQ(ExitCodeFor(absl::UnauthenticatedError("")), 3);
  EXPECT_EQ(ExitCodeFor(absl::PermissionDeniedError("")), 4);
  EXPECT_EQ(ExitCodeFor(absl::NotFoundError("")), 5);
  EXPECT_EQ(ExitCodeFor(absl::InvalidArgumentError("")), 6);
  EXPECT_EQ(ExitCodeFor(absl::UnavailableError("")), 7);
  EXPECT_EQ(ExitCodeFor(absl::DeadlineExceededError("")), 7);
  EXPECT_EQ(ExitCodeFor(absl::FailedPreconditionError("")), 1);
  EXPECT_EQ(ExitCodeFor(absl::InternalError("")), 1);
  EXPECT_EQ(kExitUsage, 2);
}

TEST(ExitCodeTest, ReportPrintsEachViolationOnItsOwnLine) {
  std::ostringstream err;
  const int code =
      ReportError(err, "employees import",
                  sdk::InvalidArgumentWithViolations(
                      "invalid request", {{"csv[line=2].nip", "NIP must have exactly 18 digits"},
                                          {"csv[line=3].tmt_jabatan", "not a real calendar day"}}));
  EXPECT_EQ(code, 6);
  EXPECT_EQ(err.str(),
            "kinerjactl: employees import: invalid request (INVALID_ARGUMENT)\n"
            "  csv[line=2].nip: NIP must have exactly 18 digits\n"
            "  csv[line=3].tmt_jabatan: not a real calendar day\n");
  std::ostringstream err2;
  EXPECT_EQ(ReportError(err2, "x", absl::UnauthenticatedError("session expired")), 3);
  EXPECT_THAT(err2.str(), HasSubstr("kinerjactl login"));
}

// ---- output -------------------------------------------------------------------------------------
v1::Opd Opd(const std::string& code, const std::string& name) {
  v1::Opd opd;
  opd.set_code(code);
  opd.set_display_name(name);
  opd.set_kind("DINAS");
  return opd;
}

TEST(OutputTest, TableAlignsColumnsByCharacters) {
  std::ostringstream out;
  Printer printer(OutputFormat::kTable, out, {"CODE", "NAME"});
  printer.Add(Opd("DISKOMINFO", "Dinas Kominfo"), {"DISKOMINFO", "Dinas Kominfo"});
  printer.Add(Opd("DP", "Dinas Pariwisata é"), {"DP", "Dinas Pariwisata é"});
  printer.Finish();
  EXPECT_EQ(out.str(),
            "CODE        NAME\n"
            "DISKOMINFO  Dinas Kominfo\n"
            "DP          Dinas Pariwisata é\n");
}

TEST(OutputTest, CsvQuotesAsRfc4180) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("Budi Santoso, S.Kom."), "\"Budi Santoso, S.Kom.\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  std::ostringstream out;
  Printer printer(OutputFormat::kCsv, out, {"CODE", "NAME"});
  printer.Add(Opd("A", "x, y"), {"A", "x, y"});
  printer.Finish();
  EXPECT_EQ(out.str(), "CODE,NAME\r\nA,\"x, y\"\r\n");
}

TEST(OutputTest, JsonIsOneProto3ObjectPerLine) {
  std::ostringstream out;
  Printer printer(OutputFormat::kJson, out, {"CODE"});
  printer.Add(Opd("A", "Dinas A"), {"A"});
  v1::Opd revenue = Opd("B", "Badan B");
  revenue.set_has_revenue_target(true);
  printer.Add(revenue, {"B"});
  printer.Finish();
  EXPECT_EQ(out.str(),
            "{\"code\":\"A\",\"displayName\":\"Dinas A\",\"kind\":\"DINAS\"}\n"
            "{\"code\":\"B\",\"displayName\":\"Badan B\",\"kind\":\"DINAS\","
            "\"hasRevenueTarget\":true}\n");
}

TEST(OutputTest, ParseFormat) {
  EXPECT_EQ(*ParseOutputFormat("json"), OutputFormat::kJson);
  EXPECT_EQ(*ParseOutputFormat("table"), OutputFormat::kTable);
  EXPECT_EQ(*ParseOutputFormat("csv"), OutputFormat::kCsv);
  EXPECT_FALSE(ParseOutputFormat("yaml").ok());
}

// ---- progress -----------------------------------------------------------------------------------
TEST(ProgressTest, Bar) {
  EXPECT_EQ(RenderProgressBar("importing", 500, 1000, absl::Seconds(2), 10),
            "importing [#####     ]  500/1000 rows  50%  250 rows/s");
  EXPECT_EQ(RenderProgressBar("validating", 0, 20, absl::ZeroDuration(), 4),
            "validating [    ]  0/20 rows   0%  0 rows/s");
  EXPECT_EQ(RenderProgressBar("x", 20, 20, absl::Seconds(1), 4),
            "x [####] 20/20 rows 100%  20 rows/s");
}

TEST(ProgressTest, LinesWhenNotATerminal) {
  EXPECT_EQ(RenderProgressLine("importing", 3, 4, absl::Milliseconds(500)),
            "importing: 3/4 rows (75%), 6 rows/s");
  std::ostringstream err;
  Progress progress(err, /*terminal=*/false, "validating", 4);
  progress.Update(2);
  progress.Update(4);
  progress.Done();
  EXPECT_THAT(err.str(), ::testing::StartsWith("validating: 2/4 rows (50%), "));
  EXPECT_THAT(err.str(), HasSubstr("\nvalidating: 4/4 rows (100%), "));
  EXPECT_EQ(err.str().find('\r'), std::string::npos);
  std::ostringstream tty;
  Progress bar(tty, /*terminal=*/true, "importing", 4);
  bar.Update(4);
  bar.Done();
  EXPECT_THAT(tty.str(), HasSubstr("\rimporting [##############################] 4/4 rows 100%"));
}

// ---- CSV batches --------------------------------------------------------------------------------
TEST(CsvBatchesTest, SplitsKeepingOrderAndRepeatingTheHeader) {
  const std::string file =
      "\xEF\xBB\xBFnip,nama\r\n1,\"A\nB\"\r\n2,C\r\n3,D\r\n4,E\r\n5,F";  // record 1 spans 2 lines
  auto batches = SplitCsv(file, 2);
  ASSERT_TRUE(batches.ok()) << batches.status();
  ASSERT_EQ(batches->size(), 3u);
  EXPECT_EQ((*batches)[0].csv, "nip,nama\r\n1,\"A\nB\"\r\n2,C\r\n");
  EXPECT_EQ((*batches)[1].csv, "nip,nama\r\n3,D\r\n4,E\r\n");
  EXPECT_EQ((*batches)[2].csv, "nip,nama\r\n5,F\n");
  EXPECT_EQ((*batches)[0].rows, 2);
  EXPECT_EQ((*batches)[2].rows, 1);
  EXPECT_EQ((*batches)[0].first_line, 2);
  EXPECT_EQ((*batches)[1].first_line, 5);
  EXPECT_EQ((*batches)[2].first_line, 7);
  EXPECT_EQ(FileField((*batches)[1], "csv[line=3].nip"), "csv[line=6].nip");
  EXPECT_EQ(FileField((*batches)[0], "csv[line=4].nip"), "csv[line=4].nip");  // same lines
  EXPECT_EQ(FileField((*batches)[1], "csv.header"), "csv.header");
}

TEST(CsvBatchesTest, Refusals) {
  EXPECT_FALSE(SplitCsv("", 10).ok());
  EXPECT_FALSE(SplitCsv("nip,nama\n\n", 10).ok());
  EXPECT_FALSE(SplitCsv("nip\n1\n", 0).ok());
  auto one = SplitCsv("nip\n1\n2\n", 1000);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->size(), 1u);
  EXPECT_EQ(one->front().rows, 2);
}

// ---- session file -------------------------------------------------------------------------------
TEST(SessionTest, SavedPrivatelyAndRemoved) {
  const std::string dir = ::testing::TempDir() + "/kinerjactl-session-" + std::to_string(getpid());
  ::setenv("XDG_CONFIG_HOME", dir.c_str(), 1);
  ASSERT_TRUE(SaveSession({"127.0.0.1:5", "tok-1", ""}).ok());
  struct stat file {
  }, folder{};
  ASSERT_EQ(::stat((dir + "/kinerja/session").c_str(), &file), 0);
  ASSERT_EQ(::stat((dir + "/kinerja").c_str(), &folder), 0);
  EXPECT_EQ(file.st_mode & 0777, 0600);
  EXPECT_EQ(folder.st_mode & 0777, 0700);
  auto loaded = LoadSession();
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->server, "127.0.0.1:5");
  EXPECT_EQ(loaded->token, "tok-1");
  ASSERT_TRUE(RemoveSession().ok());
  EXPECT_TRUE(absl::IsNotFound(LoadSession().status()));
  EXPECT_TRUE(RemoveSession().ok());
}

}  // namespace
}  // namespace kinerja::ctl
