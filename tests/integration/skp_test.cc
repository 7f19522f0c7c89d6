// kinerja.v1.SkpService through a real gRPC channel and MariaDB, on the organisation of
// org_fixture.h (clock: 2026-06-15 09:00 WIB): the plan's lifecycle, who may do what, etags, a
// transfer closing the plan, the evaluation with its predikat, the quota at finalisation, the cascade.
#include <map>
#include <memory>
#include <string>

#include "google/protobuf/util/json_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "kinerja/v1/skp.grpc.pb.h"
#include "tests/integration/skp_fixture.h"

namespace kinerja::testing {
namespace {

using grpc::StatusCode;
using ::testing::HasSubstr;

TEST_F(SkpTest, DraftSubmitReturnResubmitApprove) {
  const v1::Skp a = ApprovedPlanOfA();
  ASSERT_EQ(a.state(), v1::SKP_STATE_APPROVED);
  ASSERT_EQ(a.rhks_size(), 1);
  EXPECT_TRUE(a.rhks(0).approved());

  // B's plan editor offers A's approved RHK as intervensi; A's offers none (top of the cascade).
  v1::ListIntervensiOptionsRequest opt;
  opt.set_parent(std::string("employees/") + kB);
  opt.set_year(2026);
  v1::ListIntervensiOptionsResponse options;
  ASSERT_TRUE(skp_->ListIntervensiOptions(CtxAs(token_[kB]).get(), opt, &options).ok());
  EXPECT_EQ(options.superior(), std::string("employees/") + kA);
  EXPECT_EQ(options.superior_skp(), a.name());
  ASSERT_EQ(options.rhks_size(), 1);
  EXPECT_EQ(options.rhks(0).id(), a.rhks(0).id());
  EXPECT_FALSE(options.top_of_cascade());
  opt.set_parent(std::string("employees/") + kA);
  ASSERT_TRUE(skp_->ListIntervensiOptions(CtxAs(token_[kA]).get(), opt, &options).ok());
  EXPECT_TRUE(options.top_of_cascade());
  EXPECT_TRUE(options.jpt());
  opt.set_parent(std::string("employees/") + kB);
  EXPECT_EQ(skp_->ListIntervensiOptions(CtxAs(token_[kD]).get(), opt, &options).error_code(),
            StatusCode::PERMISSION_DENIED);

  v1::Skp b;
  grpc::Status st = Create(kB, {Rhk("Tersedianya aplikasi layanan publik terintegrasi", a.rhks(0).id())}, &b);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(b.state(), v1::SKP_STATE_DRAFT);
  EXPECT_EQ(b.opd(), "opds/DISKOMINFO");
  EXPECT_EQ(b.revision(), 1);
  ASSERT_TRUE(Do(&v1::SkpService::Stub::SubmitSkp, kB, b, &b).ok());
  EXPECT_EQ(b.state(), v1::SKP_STATE_SUBMITTED);

  // Returned with the superior's note, which the employee sees.
  EXPECT_EQ(Do(&v1::SkpService::Stub::ReturnSkp, kA, b, &b).error_code(), StatusCode::INVALID_ARGUMENT);
  ASSERT_TRUE(Do(&v1::SkpService::Stub::ReturnSkp, kA, b, &b, "Target terlalu rendah, naikkan").ok());
  EXPECT_EQ(b.state(), v1::SKP_STATE_RETURNED);
  v1::Skp seen;
  v1::GetSkpRequest get;
  get.set_name(b.name());
  ASSERT_TRUE(skp_->GetSkp(CtxAs(token_[kB]).get(), get, &seen).ok());
  EXPECT_EQ(seen.return_note(), "Target terlalu rendah, naikkan");

  // Edited (RETURNED -> DRAFT), submitted again, approved.
  v1::UpdateSkpRequest upd;
  *upd.mutable_skp() = b;
  upd.mutable_skp()->mutable_rhks(0)->mutable_ikis(0)->set_target("24");
  ASSERT_TRUE(skp_->UpdateSkp(CtxAs(token_[kB]).get(), upd, &b).ok());
  EXPECT_EQ(b.state(), v1::SKP_STATE_DRAFT);
  EXPECT_EQ(b.rhks(0).ikis(0).target(), "24");
  ASSERT_TRUE(Do(&v1::SkpService::Stub::SubmitSkp, kB, b, &b).ok());
  st = Do(&v1::SkpService::Stub::ApproveSkp, kA, b, &b);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(b.state(), v1::SKP_STATE_APPROVED);
  EXPECT_TRUE(b.return_note().empty());

  // A revision after approval goes through approval again.
  ASSERT_TRUE(Do(&v1::SkpService::Stub::ReviseSkp, kB, b, &b).ok());
  EXPECT_EQ(b.state(), v1::SKP_STATE_DRAFT);
  EXPECT_EQ(b.revision(), 2);
  EXPECT_TRUE(b.rhks(0).approved());  // still the approved revision's RHK for subordinates

  // Every transition is in the audit log, with its actor.
  v1::ListAuditEventsRequest audit;
  audit.set_resource_prefix(b.name());
  audit.set_page_size(50);
  v1::ListAuditEventsResponse events;
  ASSERT_TRUE(server_->audit().ListAuditEvents(Ctx().get(), audit, &events).ok());
  int by_a = 0;
  for (const auto& e : events.audit_events()) by_a += e.actor() == std::string("accounts/") + kA;
  // create, submit, return, update, submit, approve, revise (the refused return left no row)
  EXPECT_EQ(events.audit_events_size(), 7);
  EXPECT_EQ(by_a, 2);  // return and approve
}

TEST_F(SkpTest, IllegalTransitionsAreRefused) {
  const v1::Skp a = ApprovedPlanOfA();
  v1::Skp b;
  ASSERT_TRUE(Create(kB, {Rhk("Tersedianya aplikasi layanan publik", a.rhks(0).id())}, &b).ok());
  v1::Skp out;
  EXPECT_EQ(Do(&v1::SkpService::Stub::ApproveSkp, kA, b, &out).error_code(), StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(Do(&v1::SkpService::Stub::ReviseSkp, kB, b, &out).error_code(), StatusCode::FAILED_PRECONDITION);
  v1::EvaluateSkpRequest ev;
  ev.set_name(b.name());
  ev.mutable_evaluation()->set_hasil_kerja(v1::RATING_SESUAI_EKSPEKTASI);
  ev.mutable_evaluation()->set_perilaku_kerja(v1::RATING_SESUAI_EKSPEKTASI);
  EXPECT_EQ(skp_->EvaluateSkp(CtxAs(token_[kA]).get(), ev, &out).error_code(), StatusCode::FAILED_PRECONDITION);
  ASSERT_TRUE(Do(&v1::SkpService::Stub::SubmitSkp, kB, b, &b).ok());
  grpc::Status twice = Do(&v1::SkpService::Stub::SubmitSkp, kB, b, &out);
  EXPECT_EQ(twice.error_code(), StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(twice.error_message(), HasSubstr("SUBMITTED"));
  v1::UpdateSkpRequest upd;
  *upd.mutable_skp() = b;
  EXPECT_EQ(skp_->UpdateSkp(CtxAs(token_[kB]).get(), upd, &out).error_code(), StatusCode::FAILED_PRECONDITION);
  // One plan per assignment and year.
  EXPECT_EQ(Create(kB, {}, &out).error_code(), StatusCode::ALREADY_EXISTS);
}

TEST_F(SkpTest, APlanNeedsWhatSubmissionAsksFor) {
  const v1::Skp a = ApprovedPlanOfA();
  v1::Skp b;
  // An intervensi that is not the superior's approved RHK is refused even in a draft.
  EXPECT_EQ(Create(kB, {Rhk("Tersedianya aplikasi layanan publik", "rhk-999999")}, &b).error_code(),
            StatusCode::INVALID_ARGUMENT);
  v1::Rhk no_iki = Rhk("Tersedianya aplikasi layanan publik", a.rhks(0).id());
  no_iki.clear_ikis();
  ASSERT_TRUE(Create(kB, {no_iki}, &b).ok());
  grpc::Status st = Do(&v1::SkpService::Stub::SubmitSkp, kB, b, &b);
  EXPECT_EQ(st.error_code(), StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(FieldViolations(st), ::testing::Contains(HasSubstr("skp.rhks[0].ikis")));
}

TEST_F(SkpTest, OnlyTheEmployeeEditsAndOnlyTheSuperiorOnTheDayDecides) {
  const v1::Skp a = ApprovedPlanOfA();
  v1::Skp b;
  ASSERT_TRUE(Create(kB, {Rhk("Tersedianya aplikasi layanan publik", a.rhks(0).id())}, &b).ok());
  v1::Skp out;
  // Someone else cannot submit it, not even the superior or an administrator.
  EXPECT_EQ(Do(&v1::SkpService::Stub::SubmitSkp, kA, b, &out).error_code(), StatusCode::PERMISSION_DENIED);
  v1::TransitionSkpRequest admin_submit;
  admin_submit.set_name(b.name());
  EXPECT_EQ(skp_->SubmitSkp(Ctx().get(), admin_submit, &out).error_code(), StatusCode::PERMISSION_DENIED);
  ASSERT_TRUE(Do(&v1::SkpService::Stub::SubmitSkp, kB, b, &b).ok());
  // Own approval, a non-superior, the superior's superior: refused.
  EXPECT_EQ(Do(&v1::SkpService::Stub::ApproveSkp, kB, b, &out).error_code(), StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Do(&v1::SkpService::Stub::ApproveSkp, kC, b, &out).error_code(), StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Do(&v1::SkpService::Stub::ApproveSkp, kSekda, b, &out).error_code(), StatusCode::PERMISSION_DENIED);
  // Reading: self, superior, the OPD's head; not a colleague nor another OPD's employee.
  v1::GetSkpRequest get;
  get.set_name(b.name());
  EXPECT_EQ(skp_->GetSkp(CtxAs(token_[kB]).get(), get, &out).error_code(), StatusCode::OK);
  EXPECT_EQ(skp_->GetSkp(CtxAs(token_[kA]).get(), get, &out).error_code(), StatusCode::OK);
  EXPECT_EQ(skp_->GetSkp(CtxAs(token_[kD]).get(), get, &out).error_code(), StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(skp_->GetSkp(CtxAs(token_[kG]).get(), get, &out).error_code(), StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(skp_->GetSkp(CtxAs("").get(), get, &out).error_code(), StatusCode::UNAUTHENTICATED);
}

TEST_F(SkpTest, APltDecidesOnItsRegisteredDaysOnly) {
  // The chain A -> B -> C of approved plans.
  const v1::Skp a = ApprovedPlanOfA();
  v1::Skp b;
  ASSERT_TRUE(Create(kB, {Rhk("Tersedianya aplikasi layanan publik", a.rhks(0).id())}, &b).ok());
  ASSERT_TRUE(Do(&v1::SkpService::Stub::SubmitSkp, kB, b, &b).ok());
  ASSERT_TRUE(Do(&v1::SkpService::Stub::ApproveSkp, kA, b, &b).ok());
  v1::Skp c;
  ASSERT_TRUE(Create(kC, {Rhk("Terkelolanya infrastruktur jaringan", b.rhks(0).id())}, &c).ok());
  ASSERT_TRUE(Do(&v1::SkpService::Stub::SubmitSkp, kC, c, &c).ok());
  ASSERT_TRUE(Do(&v1::SkpService::Stub::ApproveSkp, kB, c, &c).ok());

  // H's superior position (KASI2) is vacant, so B decides; C is its PLT from 10 to 20 June.
  v1::CreateActingAssignmentRequest plt;
  plt.mutable_acting_assignment()->set_employee(kC);
  plt.mutable_acting_assignment()->set_position("DISKOMINFO-KASI2");
  plt.mutable_acting_assignment()->set_kind(v1::PLT);
  *plt.mutable_acting_assignment()->mutable_start_date() = D(2026, 6, 10);
  *plt.mutable_acting_assignment()->mutable_end_date() = D(2026, 6, 20);
  v1::ActingAssignment created;
  ASSERT_TRUE(server_->directory().CreateActingAssignment(Ctx().get(), plt, &created).ok());

  // On 15 June the PLT is H's superior: H's intervensi names the PLT's approved RHK.
  v1::Skp h;
  grpc::Status st = Create(kH, {Rhk("Terkelolanya data layanan", c.rhks(0).id())}, &h);
  ASSERT_TRUE(st.ok()) << st.error_message();
  ASSERT_TRUE(Do(&v1::SkpService::Stub::SubmitSkp, kH, h, &h).ok());
  v1::Skp out;
  EXPECT_EQ(Do(&v1::SkpService::Stub::ApproveSkp, kB, h, &out).error_code(), StatusCode::PERMISSION_DENIED);
  // After the PLT's last day, C may no longer.
  const absl::Time june15 = server_->clock().Now();
  server_->clock().Set(june15 + absl::Hours(24 * 10));
  SignInAgain();
  EXPECT_EQ(Do(&v1::SkpService::Stub::ApproveSkp, kC, h, &out).error_code(), StatusCode::PERMISSION_DENIED);
  // Within the PLT's days, C approves.
  server_->clock().Set(june15);
  SignInAgain();
  st = Do(&v1::SkpService::Stub::ApproveSkp, kC, h, &out);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(out.state(), v1::SKP_STATE_APPROVED);
}

TEST_F(SkpTest, AStaleEtagIsAborted) {
  v1::Skp a;
  v1::Rhk rhk = Rhk("Meningkatnya kualitas layanan digital", "");
  rhk.set_perjanjian_kinerja("PK 2026");
  rhk.set_perspective(v1::PERSPECTIVE_PROSES_BISNIS);
  ASSERT_TRUE(Create(kA, {rhk}, &a).ok());
  v1::UpdateSkpRequest first;
  *first.mutable_skp() = a;
  first.mutable_skp()->mutable_rhks(0)->set_text("Meningkatnya kualitas layanan digital kota");
  v1::Skp updated;
  ASSERT_TRUE(skp_->UpdateSkp(CtxAs(token_[kA]).get(), first, &updated).ok());
  EXPECT_NE(updated.etag(), a.etag());
  v1::UpdateSkpRequest stale;
  *stale.mutable_skp() = a;  // the etag read before the first update
  v1::Skp out;
  EXPECT_EQ(skp_->UpdateSkp(CtxAs(token_[kA]).get(), stale, &out).error_code(), StatusCode::ABORTED);
}

TEST_F(SkpTest, ATransferClosesThePlanAndTheOldPlanTakesNoMoreEntries) {
  v1::Skp d;
  ASSERT_TRUE(Create(kD, {Rhk("Terkelolanya data layanan", "")}, &d).ok());
  v1::TransferEmployeeRequest t;
  t.set_employee(std::string("employees/") + kD);
  t.set_position("DINKES-PLK");
  *t.mutable_effective_date() = D(2026, 6, 1);
  t.set_reason(v1::MUTASI);
  v1::Assignment moved;
  grpc::Status st = server_->directory().TransferEmployee(Ctx().get(), t, &moved);
  ASSERT_TRUE(st.ok()) << st.error_message();

  v1::GetSkpRequest get;
  get.set_name(d.name());
  ASSERT_TRUE(skp_->GetSkp(CtxAs(token_[kD]).get(), get, &d).ok());
  EXPECT_EQ(d.state(), v1::SKP_STATE_CLOSED_BY_TRANSFER);
  EXPECT_EQ(d.closed_on().month(), 5);
  EXPECT_EQ(d.closed_on().day(), 31);
  v1::UpdateSkpRequest upd;
  *upd.mutable_skp() = d;
  v1::Skp out;
  st = skp_->UpdateSkp(CtxAs(token_[kD]).get(), upd, &out);
  EXPECT_EQ(st.error_code(), StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(st.error_message(), HasSubstr("opds/DINKES"));

  // DINKES's report lists D as without a plan for the new assignment, coming from DISKOMINFO.
  v1::GetOpdSkpSummaryRequest sum;
  sum.set_name("opds/DINKES/years/2026");
  v1::OpdSkpSummary summary;
  st = skp_->GetOpdSkpSummary(Ctx().get(), sum, &summary);
  ASSERT_TRUE(st.ok()) << st.error_message();
  bool found = false;
  for (const auto& w : summary.without_skp()) {
    if (w.employee() == std::string("employees/") + kD) {
      found = true;
      EXPECT_EQ(w.previous_opd(), "opds/DISKOMINFO");
    }
  }
  EXPECT_TRUE(found);
  // A new plan for the new assignment is accepted.
  v1::Skp fresh;
  st = Create(kD, {}, &fresh);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(fresh.opd(), "opds/DINKES");
  EXPECT_EQ(fresh.start_date().month(), 6);
}

TEST_F(SkpTest, EvaluationPredikatAndTheQuotaAtFinalisation) {
  const v1::Skp a = ApprovedPlanOfA();
  v1::Skp b;
  ASSERT_TRUE(Create(kB, {Rhk("Tersedianya aplikasi layanan publik", a.rhks(0).id())}, &b).ok());
  ASSERT_TRUE(Do(&v1::SkpService::Stub::SubmitSkp, kB, b, &b).ok());
  ASSERT_TRUE(Do(&v1::SkpService::Stub::ApproveSkp, kA, b, &b).ok());

  v1::EvaluateSkpRequest ev;
  ev.set_name(b.name());
  ev.mutable_evaluation()->set_hasil_kerja(v1::RATING_DI_ATAS_EKSPEKTASI);
  ev.mutable_evaluation()->set_perilaku_kerja(v1::RATING_SESUAI_EKSPEKTASI);
  v1::Skp out;
  grpc::Status st = skp_->EvaluateSkp(CtxAs(token_[kA]).get(), ev, &out);
  EXPECT_EQ(st.error_code(), StatusCode::INVALID_ARGUMENT);  // Di Atas needs a justification
  EXPECT_THAT(FieldViolations(st), ::testing::Contains(HasSubstr("evaluation.hasil_kerja_justification")));
  ev.mutable_evaluation()->set_hasil_kerja(v1::RATING_SESUAI_EKSPEKTASI);
  st = skp_->EvaluateSkp(CtxAs(token_[kA]).get(), ev, &out);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(out.state(), v1::SKP_STATE_EVALUATED);
  EXPECT_EQ(out.evaluation().predikat(), v1::PREDIKAT_BAIK);
  EXPECT_EQ(out.evaluation().evaluator(), std::string("employees/") + kA);

  v1::FinalizeOpdSkpsRequest fin;
  fin.set_name("opds/DISKOMINFO/years/2026");
  v1::FinalizeOpdSkpsResponse done;
  // Without an organisation predikat the quota cannot be checked: blocked.
  st = skp_->FinalizeOpdSkps(Ctx().get(), fin, &done);
  EXPECT_EQ(st.error_code(), StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(st.error_message(), HasSubstr("organisation predikat"));

  // Entered by the evaluator (F is granted EVALUATOR): BAIK needs at least one Butuh Perbaikan or
  // Kurang/Misconduct, so one Baik of one violates it.
  v1::GrantRoleRequest grant;
  grant.mutable_role_grant()->set_account(std::string("accounts/") + kF);
  grant.mutable_role_grant()->set_role(v1::EVALUATOR);
  v1::RoleGrant g;
  ASSERT_TRUE(server_->identity().GrantRole(Ctx().get(), grant, &g).ok());
  v1::SetOrganizationPredikatRequest set;
  set.set_name("opds/DISKOMINFO/years/2026");
  set.set_predikat(v1::ORGANIZATION_PREDIKAT_BAIK);
  v1::OrganizationPredikat op;
  EXPECT_EQ(skp_->SetOrganizationPredikat(CtxAs(token_[kA]).get(), set, &op).error_code(),
            StatusCode::PERMISSION_DENIED);  // an OPD head does not grade their own OPD
  ASSERT_TRUE(skp_->SetOrganizationPredikat(CtxAs(token_[kF]).get(), set, &op).ok());
  st = skp_->FinalizeOpdSkps(Ctx().get(), fin, &done);
  EXPECT_EQ(st.error_code(), StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(st.error_message(), HasSubstr("Butuh Perbaikan or Kurang/Misconduct at least 1 employee (0 of 1)"));

  v1::GetOpdSkpSummaryRequest sum;
  sum.set_name("opds/DISKOMINFO/years/2026");
  v1::OpdSkpSummary summary;
  ASSERT_TRUE(skp_->GetOpdSkpSummary(Ctx().get(), sum, &summary).ok());
  EXPECT_FALSE(summary.quota().satisfied());
  EXPECT_TRUE(summary.quota().blocks_finalization());
  ASSERT_EQ(summary.quota().checks_size(), 2);
  EXPECT_FALSE(summary.quota().checks(0).satisfied());  // Baik at most 70%: 1 of 1
  EXPECT_EQ(summary.quota().checks(0).count(), 1);
  EXPECT_EQ(summary.quota().checks(0).total(), 1);
  // The city's report shows the same for DISKOMINFO, and DINKES without an organisation predikat.
  v1::ListOpdQuotaReportsRequest city;
  city.set_year(2026);
  v1::ListOpdQuotaReportsResponse reports;
  ASSERT_TRUE(skp_->ListOpdQuotaReports(CtxAs(token_[kF]).get(), city, &reports).ok());
  int seen = 0;
  for (const auto& r : reports.reports()) {
    if (r.opd() == "opds/DISKOMINFO") {
      ++seen;
      EXPECT_EQ(r.quota().organization_predikat(), v1::ORGANIZATION_PREDIKAT_BAIK);
      EXPECT_FALSE(r.quota().satisfied());
      EXPECT_EQ(r.predikats(1).predikat(), v1::PREDIKAT_BAIK);
      EXPECT_EQ(r.predikats(1).count(), 1);
    }
    if (r.opd() == "opds/DINKES") {
      ++seen;
      EXPECT_EQ(r.quota().organization_predikat(), v1::ORGANIZATION_PREDIKAT_UNSPECIFIED);
    }
  }
  EXPECT_EQ(seen, 2);
  EXPECT_EQ(skp_->ListOpdQuotaReports(CtxAs(token_[kA]).get(), city, &reports).error_code(),
            StatusCode::PERMISSION_DENIED);
  // ISTIMEWA: Sangat Baik at most 70%: 0 of 1 holds; finalisation goes through.
  set.set_predikat(v1::ORGANIZATION_PREDIKAT_ISTIMEWA);
  ASSERT_TRUE(skp_->SetOrganizationPredikat(CtxAs(token_[kF]).get(), set, &op).ok());
  st = skp_->FinalizeOpdSkps(Ctx().get(), fin, &done);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(done.finalized(), 1);
  EXPECT_TRUE(done.quota().satisfied());
  v1::GetSkpRequest get;
  get.set_name(b.name());
  ASSERT_TRUE(skp_->GetSkp(CtxAs(token_[kB]).get(), get, &out).ok());
  EXPECT_EQ(out.state(), v1::SKP_STATE_FINAL);
}

TEST_F(SkpTest, TheCascadeShowsTheTreeAndItsGaps) {
  const v1::Skp a = ApprovedPlanOfA();
  v1::Skp b;
  ASSERT_TRUE(Create(kB, {Rhk("Tersedianya aplikasi layanan publik", a.rhks(0).id()),
                          Rhk("Terlaksananya keamanan informasi", a.rhks(0).id(), v1::RHK_KIND_TAMBAHAN)},
                     &b).ok());
  ASSERT_TRUE(Do(&v1::SkpService::Stub::SubmitSkp, kB, b, &b).ok());
  ASSERT_TRUE(Do(&v1::SkpService::Stub::ApproveSkp, kA, b, &b).ok());
  v1::Skp c;
  ASSERT_TRUE(Create(kC, {Rhk("Terkelolanya aplikasi layanan", b.rhks(0).id())}, &c).ok());
  v1::Skp d;
  ASSERT_TRUE(Create(kD, {Rhk("Terdokumentasinya layanan", "")}, &d).ok());

  v1::GetCascadeRequest req;
  req.set_name("opds/DISKOMINFO/years/2026");
  v1::Cascade cascade;
  grpc::Status st = skp_->GetCascade(Ctx().get(), req, &cascade);
  ASSERT_TRUE(st.ok()) << st.error_message();
  // A's RHK at the top, B's two under it, C's under B's first; D's RHK has no intervensi.
  bool a_root = false;
  for (const auto& root : cascade.roots()) {
    if (root.rhk().id() != a.rhks(0).id()) continue;
    a_root = true;
    ASSERT_EQ(root.children_size(), 2);
    EXPECT_EQ(root.children(0).children_size(), 1);
    EXPECT_EQ(root.children(0).children(0).employee(), std::string("employees/") + kC);
    EXPECT_FALSE(root.children(0).unsupported());
    EXPECT_TRUE(root.children(1).unsupported());  // no subordinate supports B's second RHK
  }
  EXPECT_TRUE(a_root);
  ASSERT_EQ(cascade.invalid_intervensi_size(), 1);
  EXPECT_EQ(cascade.invalid_intervensi(0).employee(), std::string("employees/") + kD);
  // B's second RHK, and C's RHK: D (under C) has a plan that supports nothing of C's.
  std::vector<std::string> unsupported;
  for (const auto& gap : cascade.unsupported()) unsupported.push_back(gap.rhk());
  EXPECT_THAT(unsupported, ::testing::UnorderedElementsAre(b.rhks(1).id(), c.rhks(0).id()));
}

TEST_F(SkpTest, PlansGoToAnExchangeFileAndComeBackAsDrafts) {
  const v1::Skp a = ApprovedPlanOfA();
  v1::Skp b;
  ASSERT_TRUE(Create(kB, {Rhk("Tersedianya aplikasi layanan publik", a.rhks(0).id())}, &b).ok());
  ASSERT_TRUE(Do(&v1::SkpService::Stub::SubmitSkp, kB, b, &b).ok());
  ASSERT_TRUE(Do(&v1::SkpService::Stub::ApproveSkp, kA, b, &b).ok());

  v1::ExportSkpsRequest exp;
  exp.set_name("opds/DISKOMINFO/years/2026");
  exp.set_format(v1::EXCHANGE_FORMAT_CSV);
  v1::ExportSkpsResponse csv;
  grpc::Status st = skp_->ExportSkps(Ctx().get(), exp, &csv);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(csv.skps(), 2);
  EXPECT_EQ(csv.content_type(), "text/csv; charset=utf-8");
  EXPECT_THAT(csv.content(), HasSubstr("Meningkatnya kualitas layanan digital Kota Semarang"));  // B's intervensi text
  exp.set_format(v1::EXCHANGE_FORMAT_JSON);
  v1::ExportSkpsResponse json;
  ASSERT_TRUE(skp_->ExportSkps(Ctx().get(), exp, &json).ok());
  EXPECT_THAT(json.content(), HasSubstr("\"rhk_atasan_yang_diintervensi\""));

  // The operator of DISKOMINFO imports B's record again (skipped: B has a plan) and one for C
  // copied from it, whose intervensi names B's approved RHK by its text.
  v1::GrantRoleRequest grant;
  grant.mutable_role_grant()->set_account(std::string("accounts/") + kE);
  grant.mutable_role_grant()->set_role(v1::OPD_OPERATOR);
  grant.mutable_role_grant()->set_opd("DISKOMINFO");
  v1::RoleGrant g;
  ASSERT_TRUE(server_->identity().GrantRole(Ctx().get(), grant, &g).ok());
  std::string file = json.content();
  v1::SkpExchangeFile parsed;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(file, &parsed).ok());
  v1::SkpExchangeRecord* for_c = nullptr;
  for (auto& r : *parsed.mutable_skp()) {
    if (r.nip() == kB) for_c = &r;
  }
  ASSERT_NE(for_c, nullptr);
  v1::SkpExchangeRecord c_record = *for_c;
  c_record.set_nip(kC);
  c_record.mutable_hasil_kerja(0)->set_rhk_atasan_yang_diintervensi("Tersedianya aplikasi layanan publik");
  c_record.mutable_hasil_kerja(0)->set_rencana_hasil_kerja("Terkelolanya aplikasi layanan");
  *parsed.add_skp() = c_record;
  std::string with_c;
  ASSERT_TRUE(google::protobuf::util::MessageToJsonString(parsed, &with_c).ok());

  v1::ImportSkpsRequest imp;
  imp.set_name("opds/DISKOMINFO/years/2026");
  imp.set_format(v1::EXCHANGE_FORMAT_JSON);
  imp.set_content(with_c);
  imp.set_validate_only(true);
  v1::ImportSkpsResponse done;
  st = skp_->ImportSkps(CtxAs(token_[kE]).get(), imp, &done);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_FALSE(done.applied());
  EXPECT_EQ(done.skipped_existing(), 2);  // A and B
  imp.set_validate_only(false);
  ASSERT_TRUE(skp_->ImportSkps(CtxAs(token_[kE]).get(), imp, &done).ok());
  EXPECT_EQ(done.created(), 1);
  v1::ListSkpsRequest list;
  list.set_parent(std::string("employees/") + kC);
  v1::ListSkpsResponse c_plans;
  ASSERT_TRUE(skp_->ListSkps(CtxAs(token_[kC]).get(), list, &c_plans).ok());
  ASSERT_EQ(c_plans.skps_size(), 1);
  EXPECT_EQ(c_plans.skps(0).state(), v1::SKP_STATE_DRAFT);
  EXPECT_EQ(c_plans.skps(0).rhks(0).intervensi(), b.rhks(0).id());

  // A file with an error stores nothing: D's record names an RHK the superior does not have.
  c_record.set_nip(kD);
  c_record.mutable_hasil_kerja(0)->set_rhk_atasan_yang_diintervensi("Tidak ada");
  v1::SkpExchangeFile bad;
  bad.set_format_version("kinerja-skp-1");
  *bad.add_skp() = c_record;
  std::string bad_json;
  ASSERT_TRUE(google::protobuf::util::MessageToJsonString(bad, &bad_json).ok());
  imp.set_content(bad_json);
  st = skp_->ImportSkps(CtxAs(token_[kE]).get(), imp, &done);
  EXPECT_EQ(st.error_code(), StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(FieldViolations(st), ::testing::Contains(HasSubstr("skp[0].hasil_kerja[0].rhk_atasan_yang_diintervensi")));
  list.set_parent(std::string("employees/") + kD);
  ASSERT_TRUE(skp_->ListSkps(Ctx().get(), list, &c_plans).ok());
  EXPECT_EQ(c_plans.skps_size(), 0);
  // Only operators and BKPP import; an employee may not.
  EXPECT_EQ(skp_->ImportSkps(CtxAs(token_[kD]).get(), imp, &done).error_code(), StatusCode::PERMISSION_DENIED);
}

}  // namespace
}  // namespace kinerja::testing
