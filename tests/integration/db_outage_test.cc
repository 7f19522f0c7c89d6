// A lost database gives UNAVAILABLE within the call's deadline, never a crash or a hang, and the
// server serves again once the database is back (connections re-opened, statements re-prepared).
// This test runs its own MariaDB, which it stops and restarts.
#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/integration/org_fixture.h"
#include "tests/integration/test_server.h"

namespace kinerja::testing {
namespace {

const std::string kRoot = KINERJA_SOURCE_DIR;

int Shell(const std::string& cmd) { return std::system(cmd.c_str()); }

class DbOutageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = absl::StrCat(::testing::TempDir(), "kinerja-outage-", getpid());
    ASSERT_EQ(Shell(absl::StrCat("bash ", kRoot, "/tests/integration/mariadb_fixture.sh start ",
                                 dir_, " >/dev/null")),
              0);
    setenv("KINERJA_TEST_DB_ENV", absl::StrCat(dir_, "/env").c_str(), 1);
  }
  void TearDown() override {
    Shell(absl::StrCat("bash ", kRoot, "/tests/integration/mariadb_fixture.sh stop ", dir_,
                       " >/dev/null"));
  }
  int StopDb() {
    return Shell(absl::StrCat("bash ", kRoot, "/scripts/mariadb.sh --dir ", dir_, " stop >/dev/null"));
  }
  int StartDb(int port) {
    return Shell(absl::StrCat("bash ", kRoot, "/scripts/mariadb.sh --dir ", dir_, " --port ", port,
                              " start >/dev/null"));
  }
  std::string dir_;
};

TEST_F(DbOutageTest, UnavailableWhileTheDatabaseIsDownThenServesAgain) {
  ServerOptions options;
  options.employee_cache_ttl = absl::ZeroDuration();  // every read goes to the database
  auto server = TestServer::Start(options);
  ASSERT_TRUE(server.ok()) << server.status();
  auto& s = **server;
  LoadOrg(s.directory());
  v1::GetEmployeeRequest req;
  req.set_name(std::string("employees/") + kD);
  v1::Employee e;
  ASSERT_TRUE(s.directory().GetEmployee(Ctx().get(), req, &e).ok());

  ASSERT_EQ(StopDb(), 0);
  for (int i = 0; i < 3; ++i) {  // every pooled connection sees the loss in turn
    const absl::Time start = absl::Now();
    grpc::Status st = s.directory().GetEmployee(Ctx(absl::Seconds(3)).get(), req, &e);
    const absl::Duration took = absl::Now() - start;
    EXPECT_EQ(st.error_code(), grpc::StatusCode::UNAVAILABLE) << st.error_message();
    EXPECT_LT(took, absl::Milliseconds(3500));
  }
  EXPECT_FALSE(s.app().Ready().ok());

  ASSERT_EQ(StartDb(s.db().port), 0);
  grpc::Status st;
  const absl::Time until = absl::Now() + absl::Seconds(20);
  do {
    st = s.directory().GetEmployee(Ctx(absl::Seconds(3)).get(), req, &e);
  } while (!st.ok() && absl::Now() < until);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(e.full_name(), "Dewi Lestari");
  // Every connection of the pool works again, prepared statements included.
  for (int i = 0; i < 10; ++i) {
    ASSERT_TRUE(s.directory().GetEmployee(Ctx().get(), req, &e).ok());
  }
  EXPECT_TRUE(s.app().Ready().ok());
}

}  // namespace
}  // namespace kinerja::testing
