// Two server replicas on one database, the SDK balancing over both; one replica is stopped while
// several threads keep calling. Every idempotent call must succeed (retried on the other replica),
// and every acknowledged create must exist exactly once.
#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "kinerja/sdk/kinerja_sdk.h"
#include "tests/integration/org_fixture.h"
#include "tests/integration/test_server.h"

namespace kinerja::sdk {
namespace {

namespace kt = kinerja::testing;

// gRPC calls a replica answered OK for DirectoryService, from its Prometheus metrics.
int64_t DirectoryCallsServed(ServerApp& app) {
  int64_t total = 0;
  for (absl::string_view line : absl::StrSplit(app.metrics().RenderPrometheus(), '\n')) {
    if (!absl::StartsWith(line, "kinerja_grpc_requests_total{") ||
        !absl::StrContains(line, "DirectoryService/") || !absl::StrContains(line, "code=\"OK\"")) {
      continue;
    }
    int64_t v = 0;
    if (absl::SimpleAtoi(line.substr(line.rfind(' ') + 1), &v)) total += v;
  }
  return total;
}

// A valid, unique NIP for call `n` of worker `worker`: born 1990-01-01 + worker years, appointed
// 2015-01, the call number in the birth month/day and the sequence.
std::string NipFor(int worker, int n) {
  return absl::StrFormat("%04d%02d%02d201501%d%03d", 1990 + worker, 1 + (n / 1000) % 12,
                         1 + (n / 12000) % 28, 1 + worker % 2, n % 1000);
}

const char* const kOrgNips[] = {kt::kSekda, kt::kA, kt::kB, kt::kC, kt::kD,
                                kt::kE,     kt::kF, kt::kG, kt::kH};

TEST(SdkFailoverTest, IdempotentCallsSurviveTheLossOfAReplica) {
  constexpr int kWorkers = 4;
  const absl::Duration kRun = absl::Seconds(5);
  const absl::Duration kStopAfter = absl::Seconds(2);

  auto primary = kt::TestServer::Start();
  ASSERT_TRUE(primary.ok()) << primary.status();
  std::unique_ptr<kt::TestServer> server = std::move(*primary);
  kt::LoadOrg(server->directory());
  // No grace: the stop cancels whatever the replica is running, as when a pod's grace period ends.
  ServerOptions replica_options;
  replica_options.shutdown_grace = absl::ZeroDuration();
  auto started = server->StartReplica(replica_options);
  ASSERT_TRUE(started.ok()) << started.status();
  std::unique_ptr<ServerApp> replica = std::move(*started);

  Options options;
  options.endpoints = {absl::StrCat("127.0.0.1:", server->app().grpc_port()),
                       absl::StrCat("127.0.0.1:", replica->grpc_port())};
  options.session_token = server->admin_token();
  options.default_deadline = absl::Seconds(5);
  options.retry.max_attempts = 8;
  options.retry.max_total_time = absl::Seconds(10);
  options.retry.initial_backoff = absl::Milliseconds(10);
  options.retry.max_backoff = absl::Milliseconds(500);
  // Counts the retries (each one waits once first).
  std::atomic<int> retries{0};
  ConnectionEnvironment environment;
  environment.sleep = [&retries](absl::Duration d) {
    retries.fetch_add(1);
    absl::SleepFor(d);
  };
  auto channel = MakeChannel(options);
  ASSERT_TRUE(channel.ok()) << channel.status();
  auto connection =
      MakeDirectoryConnection(v1::DirectoryService::NewStub(*channel), options, environment);
  ASSERT_TRUE(connection.ok()) << connection.status();
  DirectoryClient directory(*connection);

  // A create retried on the other replica (same request_id) is answered from the first one's
  // stored response, not done again.
  {
    v1::CreateEmployeeRequest create;
    create.mutable_employee()->set_nip("199812312020121001");
    create.mutable_employee()->set_full_name("Pegawai Lintas Replika");
    create.mutable_employee()->set_employee_type(v1::PNS);
    create.set_request_id("sdk-failover-cross-replica-1");
    Options one = options;
    std::vector<v1::Employee> answers;
    for (const std::string& endpoint : options.endpoints) {
      one.endpoints = {endpoint};
      auto client = MakeDirectoryClient(one);
      ASSERT_TRUE(client.ok()) << client.status();
      auto created = client->CreateEmployee(create);
      ASSERT_TRUE(created.ok()) << endpoint << ": " << created.status();
      answers.push_back(*created);
    }
    EXPECT_EQ(answers[0].SerializeAsString(), answers[1].SerializeAsString());
  }

  std::atomic<bool> stop{false};
  std::atomic<bool> burst{false};
  std::atomic<int> calls{0};
  std::atomic<int> failures{0};
  absl::Mutex mu;
  std::vector<std::string> acknowledged;  // NIPs whose create was answered OK
  std::vector<std::string> failure_messages;
  auto fail = [&](absl::string_view what, const absl::Status& st) {
    failures.fetch_add(1);
    absl::MutexLock lock(&mu);
    if (failure_messages.size() < 10)
      failure_messages.push_back(absl::StrCat(what, ": ", st.ToString()));
  };

  std::vector<std::thread> workers;
  for (int w = 0; w < kWorkers; ++w) {
    workers.emplace_back([&, w] {
      for (int n = 0; !stop.load(); ++n) {
        // Paced, a few hundred calls a second per worker (a bounded load on a shared machine),
        // except around the stop, so that it finds calls in flight.
        if (!burst.load()) absl::SleepFor(absl::Milliseconds(2));
        calls.fetch_add(1);
        if (n % 10 == 0) {
          v1::Employee e;
          e.set_nip(NipFor(w, n));
          e.set_full_name(absl::StrCat("Pegawai Uji ", w, "-", n));
          e.set_employee_type(v1::PPPK);
          e.set_status(v1::ACTIVE);
          auto created = directory.CreateEmployee(e);  // the SDK adds a request_id
          if (!created.ok()) {
            fail("CreateEmployee", created.status());
            continue;
          }
          absl::MutexLock lock(&mu);
          acknowledged.push_back(e.nip());
        } else if (n % 10 < 3) {
          auto opds = ReadAll(directory.ListOpds());
          if (!opds.ok()) {
            fail("ListOpds", opds.status());
          } else if (opds->size() != 3) {
            fail("ListOpds", absl::InternalError(absl::StrCat(opds->size(), " OPDs")));
          }
        } else {
          auto employee = directory.GetEmployee(kOrgNips[(n + w) % 9]);
          if (!employee.ok()) fail("GetEmployee", employee.status());
        }
      }
    });
  }

  const absl::Time start = absl::Now();
  absl::SleepFor(kStopAfter - absl::Milliseconds(200));
  burst.store(true);
  absl::SleepFor(absl::Milliseconds(200));
  const int64_t served_by_replica = DirectoryCallsServed(*replica);
  const int calls_before_stop = calls.load();
  replica->Shutdown();  // calls in flight are cancelled; new ones go to the other replica
  const absl::Duration stop_took = absl::Now() - start - kStopAfter;
  absl::SleepFor(absl::Milliseconds(200));
  burst.store(false);
  absl::SleepFor(kRun - (absl::Now() - start));
  stop.store(true);
  for (auto& t : workers) t.join();
  const absl::Duration ran = absl::Now() - start;

  std::cerr << "failover: " << calls.load() << " calls in " << ran << " (" << calls_before_stop
            << " before the stop; the replica had served " << served_by_replica
            << " directory calls), " << retries.load() << " retries, " << failures.load()
            << " failures; replica shutdown took " << stop_took << "\n";
  for (const auto& m : failure_messages) ADD_FAILURE() << m;
  EXPECT_EQ(failures.load(), 0);
  EXPECT_GT(served_by_replica, 0) << "both replicas must have served calls before the stop";
  EXPECT_GT(calls.load() - calls_before_stop, 100) << "calls must go on after the stop";
  EXPECT_GE(acknowledged.size(), 100u);

  // Every acknowledged create exists, once: the employee is there, and the audit log has exactly
  // one CreateEmployee row for it (a create done twice would have written two).
  std::map<std::string, int> audited;
  auto audit = MakeAuditConnection(v1::AuditService::NewStub(*channel), options);
  ASSERT_TRUE(audit.ok());
  v1::ListAuditEventsRequest request;
  request.set_method("/kinerja.v1.DirectoryService/CreateEmployee");
  request.set_page_size(200);
  for (const auto& event : (*audit)->ListAuditEvents(request)) {
    ASSERT_TRUE(event.ok()) << event.status();
    audited[event->resource()]++;
  }
  acknowledged.push_back("199812312020121001");  // the cross-replica create above
  EXPECT_EQ(audited.size(), acknowledged.size());
  for (const std::string& nip : acknowledged) {
    EXPECT_EQ(audited[absl::StrCat("employees/", nip)], 1) << nip;
    EXPECT_TRUE(directory.GetEmployee(nip).ok()) << nip;
  }
  v1::ListEmployeesRequest all;
  all.set_page_size(1000);
  auto employees = ReadAll(directory.ListEmployees(all));
  ASSERT_TRUE(employees.ok()) << employees.status();
  EXPECT_EQ(employees->size(), 9 + acknowledged.size());
  replica.reset();
}

}  // namespace
}  // namespace kinerja::sdk
