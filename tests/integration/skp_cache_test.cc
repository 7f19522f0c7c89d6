// GetSkp through the replica's SkpCache (server/storage/skp_cache.h), on the organisation of
// org_fixture.h: a cached plan is served only at the version the database holds, so a write through
// another replica is seen at once with its etag; the directory's names show without reloading the
// plan; and a plan named under another employee is NOT_FOUND on the hot path too.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/blocking_counter.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "kinerja/v1/skp.grpc.pb.h"
#include "tests/integration/skp_fixture.h"

namespace kinerja::testing {
namespace {

using google::protobuf::util::MessageDifferencer;
using grpc::StatusCode;

class SkpCacheTest : public SkpTest {
 protected:
  // Every read probes the database (--skp_cache_ttl_ms=0); SkpRecentCacheTest below tests the rest.
  ServerOptions ServerOptionsForTest() override {
    ServerOptions o;
    o.skp_cache_ttl = absl::ZeroDuration();
    return o;
  }

  // A second server on the same database, as another pod would be (destroyed before server_, a
  // member of a base class, drops the database).
  void StartReplica() {
    auto replica = server_->StartReplica();
    ASSERT_TRUE(replica.ok()) << replica.status();
    replica_ = std::move(*replica);
    auto channel = grpc::CreateChannel(absl::StrCat("127.0.0.1:", replica_->grpc_port()),
                                       grpc::InsecureChannelCredentials());
    replica_skp_ = v1::SkpService::NewStub(channel);
    replica_directory_ = v1::DirectoryService::NewStub(channel);
  }

  // A's draft (the top of the cascade: its RHK has a perspective and the Perjanjian Kinerja).
  v1::Skp CreatePlanOfA() {
    v1::Rhk rhk = Rhk("Meningkatnya kualitas layanan digital Kota Semarang", "");
    rhk.set_perjanjian_kinerja("Perjanjian Kinerja Kepala Dinas Kominfo 2026, sasaran 1");
    rhk.set_perspective(v1::PERSPECTIVE_PENERIMA_LAYANAN);
    v1::Skp created;
    grpc::Status st = Create(kA, {rhk}, &created);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return created;
  }

  static grpc::Status Get(v1::SkpService::Stub& stub, const std::string& token,
                          const std::string& name, v1::Skp* out) {
    v1::GetSkpRequest req;
    req.set_name(name);
    return stub.GetSkp(CtxAs(token).get(), req, out);
  }

  // GetSkp on the first server, as A; fails the test unless it answers.
  v1::Skp GetAsA(const std::string& name) {
    v1::Skp out;
    grpc::Status st = Get(*skp_, token_[kA], name, &out);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return out;
  }

  storage::SkpCache& cache() { return server_->app().skp_cache(); }

  // Directory writes through the replica: A's name (to "Dr. Budi Santoso, S.Kom., M.T.") and the
  // title of A's position (to "Kepala Dinas Komunikasi dan Informatika").
  void RenameAThroughTheReplica() {
    v1::ImportEmployeesRequest rename;
    rename.set_csv(std::string("nip,nama,jenis_asn,kode_jabatan,tmt_jabatan\n") + kA +
                   ",\"Dr. Budi Santoso, S.Kom., M.T.\",PNS,DISKOMINFO-KADIS,2024-01-02\n");
    v1::ImportEmployeesResponse imported;
    grpc::Status st = replica_directory_->ImportEmployees(Ctx().get(), rename, &imported);
    ASSERT_TRUE(st.ok()) << st.error_message();
  }
  void RetitleAsPositionThroughTheReplica() {
    v1::UpdatePositionRequest retitle;
    retitle.mutable_position()->set_name("positions/DISKOMINFO-KADIS");
    retitle.mutable_position()->set_title("Kepala Dinas Komunikasi dan Informatika");
    retitle.mutable_update_mask()->add_paths("title");
    v1::Position position;
    grpc::Status st = replica_directory_->UpdatePosition(Ctx().get(), retitle, &position);
    ASSERT_TRUE(st.ok()) << st.error_message();
  }

  std::unique_ptr<ServerApp> replica_;
  std::unique_ptr<v1::SkpService::Stub> replica_skp_;
  std::unique_ptr<v1::DirectoryService::Stub> replica_directory_;
};

TEST_F(SkpCacheTest, AnUnchangedPlanIsServedFromTheCache) {
  const v1::Skp a = CreatePlanOfA();
  const v1::Skp first = GetAsA(a.name());  // loaded and cached
  EXPECT_TRUE(MessageDifferencer::Equals(first, a));
  const uint64_t hits = cache().hits();
  const uint64_t misses = cache().misses();
  for (int i = 0; i < 3; ++i) {
    EXPECT_TRUE(MessageDifferencer::Equals(GetAsA(a.name()), first));
  }
  EXPECT_EQ(cache().hits(), hits + 3);
  EXPECT_EQ(cache().misses(), misses);
  EXPECT_EQ(cache().size(), 1u);
}

TEST_F(SkpCacheTest, AChangeThroughAnotherReplicaIsSeenAtOnceWithItsEtag) {
  const v1::Skp a = CreatePlanOfA();
  GetAsA(a.name());
  GetAsA(a.name());  // cached on the first server
  StartReplica();
  if (HasFatalFailure()) return;

  v1::UpdateSkpRequest update;
  *update.mutable_skp() = a;
  update.mutable_skp()->mutable_rhks(0)->mutable_ikis(0)->set_target("24");
  v1::Skp updated;
  grpc::Status st = replica_skp_->UpdateSkp(CtxAs(token_[kA]).get(), update, &updated);
  ASSERT_TRUE(st.ok()) << st.error_message();
  ASSERT_NE(updated.etag(), a.etag());

  const uint64_t misses = cache().misses();
  v1::Skp seen = GetAsA(a.name());
  EXPECT_EQ(seen.etag(), updated.etag());
  ASSERT_EQ(seen.rhks_size(), 1);
  EXPECT_EQ(seen.rhks(0).ikis(0).target(), "24");
  EXPECT_EQ(cache().misses(), misses + 1);  // the cached copy was of the old version

  v1::TransitionSkpRequest submit;
  submit.set_name(a.name());
  v1::Skp submitted;
  st = replica_skp_->SubmitSkp(CtxAs(token_[kA]).get(), submit, &submitted);
  ASSERT_TRUE(st.ok()) << st.error_message();
  seen = GetAsA(a.name());
  EXPECT_EQ(seen.state(), v1::SKP_STATE_SUBMITTED);
  EXPECT_EQ(seen.etag(), submitted.etag());
  EXPECT_TRUE(MessageDifferencer::Equals(seen, submitted));
}

TEST_F(SkpCacheTest, DirectoryChangesThroughAnotherReplicaShowWithoutReloadingThePlan) {
  const v1::Skp a = CreatePlanOfA();
  EXPECT_EQ(GetAsA(a.name()).employee_name(), "Budi Santoso, S.Kom.");
  StartReplica();
  if (HasFatalFailure()) return;

  RenameAThroughTheReplica();
  RetitleAsPositionThroughTheReplica();
  if (HasFatalFailure()) return;

  const uint64_t hits = cache().hits();
  const v1::Skp seen = GetAsA(a.name());
  EXPECT_EQ(cache().hits(), hits + 1);  // the plan did not change: its cached copy was used
  EXPECT_EQ(seen.employee_name(), "Dr. Budi Santoso, S.Kom., M.T.");
  EXPECT_EQ(seen.position_title(), "Kepala Dinas Komunikasi dan Informatika");
  EXPECT_EQ(seen.etag(), a.etag());
  // As a replica that never cached it reads it.
  v1::Skp fresh;
  grpc::Status st = Get(*replica_skp_, token_[kA], a.name(), &fresh);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_TRUE(MessageDifferencer::Equals(seen, fresh));
}

// With --skp_cache_ttl_ms: a plan confirmed recently answers without the database; a write through
// another replica is seen once that time has passed, a write through this one at once.
class SkpRecentCacheTest : public SkpCacheTest {
 protected:
  static constexpr absl::Duration kRecent = absl::Milliseconds(600);
  ServerOptions ServerOptionsForTest() override {
    ServerOptions o;
    o.skp_cache_ttl = kRecent;
    return o;
  }
  // Changes the first IKI's target of `plan` through `stub`.
  static v1::Skp SetTarget(v1::SkpService::Stub& stub, const std::string& token, v1::Skp plan,
                           const std::string& target) {
    v1::UpdateSkpRequest update;
    plan.mutable_rhks(0)->mutable_ikis(0)->set_target(target);
    *update.mutable_skp() = plan;
    v1::Skp updated;
    grpc::Status st = stub.UpdateSkp(CtxAs(token).get(), update, &updated);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return updated;
  }
};

TEST_F(SkpRecentCacheTest, AnotherReplicasWriteIsSeenWithinTheBound) {
  const v1::Skp a = CreatePlanOfA();
  GetAsA(a.name());  // the employee's record comes into the cache
  GetAsA(a.name());  // the plan is confirmed
  StartReplica();
  if (HasFatalFailure()) return;
  const absl::Time written = absl::Now();
  const v1::Skp updated = SetTarget(*replica_skp_, token_[kA], a, "36");
  ASSERT_NE(updated.etag(), a.etag());
  // Within the bound, this replica may still answer the version it confirmed, from memory.
  const uint64_t recent = cache().recent_hits();
  const v1::Skp soon = GetAsA(a.name());
  if (absl::Now() - written < kRecent / 2) {
    EXPECT_EQ(soon.etag(), a.etag());
    EXPECT_EQ(cache().recent_hits(), recent + 1);
  }
  absl::SleepFor(kRecent + absl::Milliseconds(50));
  const v1::Skp later = GetAsA(a.name());
  EXPECT_EQ(later.etag(), updated.etag());
  EXPECT_EQ(later.rhks(0).ikis(0).target(), "36");
  // A write checks the etag against the stored plan, whatever a read answered.
  v1::UpdateSkpRequest stale;
  *stale.mutable_skp() = a;
  v1::Skp ignored;
  EXPECT_EQ(replica_skp_->UpdateSkp(CtxAs(token_[kA]).get(), stale, &ignored).error_code(),
            StatusCode::ABORTED);
}

TEST_F(SkpRecentCacheTest, ThisReplicasOwnWritesAreSeenAtOnce) {
  const v1::Skp a = CreatePlanOfA();
  GetAsA(a.name());
  GetAsA(a.name());
  const uint64_t recent = cache().recent_hits();
  GetAsA(a.name());
  EXPECT_EQ(cache().recent_hits(), recent + 1);  // answered from memory
  const v1::Skp updated = SetTarget(*skp_, token_[kA], a, "48");
  const v1::Skp seen = GetAsA(a.name());
  EXPECT_EQ(seen.etag(), updated.etag());
  EXPECT_EQ(seen.rhks(0).ikis(0).target(), "48");
  // A directory write through this replica too: the employee's new name shows at once.
  v1::ImportEmployeesRequest rename;
  rename.set_csv(std::string("nip,nama,jenis_asn,kode_jabatan,tmt_jabatan\n") + kA +
                 ",\"Dr. Budi Santoso, S.Kom.\",PNS,DISKOMINFO-KADIS,2024-01-02\n");
  v1::ImportEmployeesResponse imported;
  grpc::Status st = server_->directory().ImportEmployees(Ctx().get(), rename, &imported);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(GetAsA(a.name()).employee_name(), "Dr. Budi Santoso, S.Kom.");
}

TEST_F(SkpRecentCacheTest, ASuperiorsReadIsAnsweredFromMemoryAfterTheAccessCheck) {
  const v1::Skp a = CreatePlanOfA();
  GetAsA(a.name());
  GetAsA(a.name());  // cached and confirmed
  // The Sekda, A's superior: access needs the superior relation, and the plan itself comes from
  // memory. The first call authenticates on a worker; the second, signed in from the cache, reads
  // A's record in a batch; the third finds it in the EmployeeCache and asks the superior relation
  // on a worker (the guard's path).
  v1::Skp seen;
  ASSERT_TRUE(Get(*skp_, token_[kSekda], a.name(), &seen).ok());
  const uint64_t recent = cache().recent_hits();
  for (int call = 2; call <= 3; ++call) {
    SCOPED_TRACE(absl::StrCat("call ", call));
    ASSERT_TRUE(Get(*skp_, token_[kSekda], a.name(), &seen).ok());
    EXPECT_EQ(cache().recent_hits(), recent + call - 1);
    EXPECT_EQ(seen.etag(), a.etag());
    EXPECT_EQ(seen.rhks_size(), a.rhks_size());
  }
  // The same plan named under another employee is NOT_FOUND from memory as from the database.
  const std::string under_d =
      absl::StrCat("employees/", kD, "/skps/", a.name().substr(a.name().rfind('/') + 1));
  v1::Skp out;
  EXPECT_EQ(Get(*skp_, server_->admin_token(), under_d, &out).error_code(), StatusCode::NOT_FOUND);
  EXPECT_EQ(Get(*skp_, token_[kD], under_d, &out).error_code(), StatusCode::NOT_FOUND);
  EXPECT_EQ(cache().recent_hits(), recent + 4);  // both answered from memory
}

// The change feed (storage/skp_change_feed.h), with a bound long enough to tell it from the feed:
// polls every kRecent / 4 keep unchanged plans answering from memory past the bound, and another
// replica's writes are seen within a poll or two rather than the bound.
class SkpFeedCacheTest : public SkpRecentCacheTest {
 protected:
  static constexpr absl::Duration kRecent = absl::Seconds(4);
  static constexpr absl::Duration kPoll = absl::Seconds(1);  // kRecent / 4
  ServerOptions ServerOptionsForTest() override {
    ServerOptions o;
    o.skp_cache_ttl = kRecent;
    return o;
  }
  // Reads the plan on the first server until `seen` holds or `limit` passes; how long it took.
  absl::Duration Until(const std::string& name, const std::function<bool(const v1::Skp&)>& seen,
                       absl::Duration limit) {
    const absl::Time start = absl::Now();
    while (!seen(GetAsA(name)) && absl::Now() - start < limit) absl::SleepFor(absl::Milliseconds(50));
    return absl::Now() - start;
  }
};

TEST_F(SkpFeedCacheTest, AnUnchangedPlanAnswersFromMemoryPastTheBound) {
  const v1::Skp a = CreatePlanOfA();
  // The fixture's employees were just written: a plan read before a poll saw them is not answered
  // from memory.
  absl::SleepFor(kPoll + absl::Milliseconds(500));
  GetAsA(a.name());
  GetAsA(a.name());  // probed and cached
  absl::SleepFor(kRecent + kPoll);  // its own confirmation is older than the bound now
  const uint64_t probed = cache().hits() + cache().misses();
  const uint64_t recent = cache().recent_hits();
  EXPECT_EQ(GetAsA(a.name()).etag(), a.etag());
  EXPECT_EQ(cache().recent_hits(), recent + 1);
  EXPECT_EQ(cache().hits() + cache().misses(), probed);  // no probe
}

TEST_F(SkpFeedCacheTest, AnotherReplicasWritesAreSeenWithinAPollOrTwo) {
  const v1::Skp a = CreatePlanOfA();
  GetAsA(a.name());
  GetAsA(a.name());
  StartReplica();
  if (HasFatalFailure()) return;
  const v1::Skp updated = SetTarget(*replica_skp_, token_[kA], a, "36");
  ASSERT_NE(updated.etag(), a.etag());
  const absl::Duration plan_seen =
      Until(a.name(), [&](const v1::Skp& s) { return s.etag() == updated.etag(); }, kRecent);
  EXPECT_LT(plan_seen, 2 * kPoll + absl::Milliseconds(500));
  EXPECT_EQ(GetAsA(a.name()).rhks(0).ikis(0).target(), "36");

  // The directory: the employee's name and the position's title, written through the replica.
  GetAsA(a.name());
  RenameAThroughTheReplica();
  if (HasFatalFailure()) return;
  const absl::Duration name_seen = Until(
      a.name(), [](const v1::Skp& s) { return s.employee_name() == "Dr. Budi Santoso, S.Kom., M.T."; },
      kRecent);
  EXPECT_LT(name_seen, 2 * kPoll + absl::Milliseconds(500));
  RetitleAsPositionThroughTheReplica();
  if (HasFatalFailure()) return;
  const absl::Duration title_seen = Until(
      a.name(),
      [](const v1::Skp& s) { return s.position_title() == "Kepala Dinas Komunikasi dan Informatika"; },
      kRecent);
  EXPECT_LT(title_seen, 2 * kPoll + absl::Milliseconds(500));
  EXPECT_EQ(GetAsA(a.name()).etag(), updated.etag());
}

TEST_F(SkpCacheTest, APlanNamedUnderAnotherEmployeeIsNotFound) {
  const v1::Skp a = CreatePlanOfA();
  v1::Skp out;
  ASSERT_TRUE(Get(*skp_, server_->admin_token(), a.name(), &out).ok());  // A's plan is cached
  const std::string id = a.name().substr(a.name().rfind('/') + 1);
  const std::string under_d = absl::StrCat("employees/", kD, "/skps/", id);
  // Every way through GetSkp: the administrator's credentials are now in the authentication cache,
  // so both their calls take the hot path, which needs no employee record for an administrator;
  // D's first call authenticates on a worker (the guard's path), its second takes the hot path.
  const std::vector<std::string> callers = {server_->admin_token(), server_->admin_token(),
                                             token_[kD], token_[kD]};
  for (size_t i = 0; i < callers.size(); ++i) {
    SCOPED_TRACE(absl::StrCat("call ", i));
    grpc::Status st = Get(*skp_, callers[i], under_d, &out);
    EXPECT_EQ(st.error_code(), StatusCode::NOT_FOUND);
    EXPECT_EQ(st.error_message(), under_d + " not found");
  }
  // Unknown ids and employees, as before: only an administrator learns the employee is unknown.
  const std::string unknown_id = absl::StrCat("employees/", kD, "/skps/999999");
  EXPECT_EQ(Get(*skp_, token_[kD], unknown_id, &out).error_message(), unknown_id + " not found");
  const std::string unknown_nip = absl::StrCat("employees/199901012020011999/skps/", id);
  EXPECT_EQ(Get(*skp_, server_->admin_token(), unknown_nip, &out).error_code(), StatusCode::NOT_FOUND);
  EXPECT_EQ(Get(*skp_, token_[kD], unknown_nip, &out).error_code(), StatusCode::PERMISSION_DENIED);

  // Calls in flight together share batches; each gets its own answer.
  constexpr int kCalls = 48;
  std::vector<v1::GetSkpRequest> requests(kCalls);
  std::vector<v1::Skp> responses(kCalls);
  std::vector<grpc::Status> statuses(kCalls);
  std::vector<std::unique_ptr<grpc::ClientContext>> contexts;
  absl::BlockingCounter done(kCalls);
  for (int i = 0; i < kCalls; ++i) {
    requests[i].set_name(i % 2 == 0 ? a.name() : under_d);
    contexts.push_back(Ctx());
    skp_->async()->GetSkp(contexts.back().get(), &requests[i], &responses[i],
                          [&statuses, &done, i](grpc::Status st) {
                            statuses[i] = std::move(st);
                            done.DecrementCount();
                          });
  }
  done.Wait();
  for (int i = 0; i < kCalls; ++i) {
    if (i % 2 == 0) {
      EXPECT_TRUE(statuses[i].ok()) << statuses[i].error_message();
      EXPECT_TRUE(MessageDifferencer::Equals(responses[i], a));
    } else {
      EXPECT_EQ(statuses[i].error_code(), StatusCode::NOT_FOUND);
      EXPECT_EQ(statuses[i].error_message(), under_d + " not found");
    }
  }
}

}  // namespace
}  // namespace kinerja::testing
