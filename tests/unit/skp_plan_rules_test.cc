// What a saved draft and a submitted SKP plan must hold (DOMAIN.md 3.3).
#include "server/domain/skp_plan_rules.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace kinerja::domain {
namespace {

using ::testing::Contains;
using ::testing::Field;
using ::testing::IsEmpty;
using ::testing::Not;

v1::Skp CompletePlan() {
  v1::Skp skp;
  skp.set_year(2026);
  skp.set_approach(v1::SKP_APPROACH_KUANTITATIF);
  v1::Rhk* rhk = skp.add_rhks();
  rhk->set_kind(v1::RHK_KIND_UTAMA);
  rhk->set_text("Terselenggaranya layanan administrasi kepegawaian");
  rhk->set_intervensi("rhk-7");
  v1::Iki* iki = rhk->add_ikis();
  iki->set_text("Jumlah usulan kenaikan pangkat yang diproses");
  iki->set_aspect(v1::IKI_ASPECT_KUANTITAS);
  iki->set_target("120");
  iki->set_unit("usulan");
  return skp;
}

PlanContext Context() {
  PlanContext c;
  c.superior_rhks = {"rhk-7", "rhk-8"};
  return c;
}

auto HasField(const std::string& field) { return Contains(Field(&Violation::field, field)); }

TEST(SkpPlanRulesTest, ACompletePlanPasses) {
  EXPECT_THAT(CheckPlanDraft(CompletePlan(), Context()), IsEmpty());
  EXPECT_THAT(CheckPlanForSubmission(CompletePlan(), Context()), IsEmpty());
}

TEST(SkpPlanRulesTest, ADraftMayBeIncompleteButNotMalformed) {
  v1::Skp skp = CompletePlan();
  skp.mutable_rhks(0)->clear_ikis();
  skp.mutable_rhks(0)->clear_intervensi();
  EXPECT_THAT(CheckPlanDraft(skp, Context()), IsEmpty());
  auto submission = CheckPlanForSubmission(skp, Context());
  EXPECT_THAT(submission, HasField("skp.rhks[0].ikis"));
  EXPECT_THAT(submission, HasField("skp.rhks[0].intervensi"));

  skp.mutable_rhks(0)->set_text("abc");
  skp.mutable_rhks(0)->set_kind(v1::RHK_KIND_UNSPECIFIED);
  auto draft = CheckPlanDraft(skp, Context());
  EXPECT_THAT(draft, HasField("skp.rhks[0].text"));
  EXPECT_THAT(draft, HasField("skp.rhks[0].kind"));
}

TEST(SkpPlanRulesTest, KuantitatifTargetsAreNumbers) {
  v1::Skp skp = CompletePlan();
  for (const char* bad : {"banyak", "-3", "1,5", "1.", ".5", "12 dokumen"}) {
    skp.mutable_rhks(0)->mutable_ikis(0)->set_target(bad);
    EXPECT_THAT(CheckPlanDraft(skp, Context()), HasField("skp.rhks[0].ikis[0].target")) << bad;
  }
  for (const char* good : {"0", "12", "99.5"}) {
    skp.mutable_rhks(0)->mutable_ikis(0)->set_target(good);
    EXPECT_THAT(CheckPlanDraft(skp, Context()), IsEmpty()) << good;
  }
  skp.set_approach(v1::SKP_APPROACH_KUALITATIF);
  skp.mutable_rhks(0)->mutable_ikis(0)->set_target("laporan diterima tanpa revisi");
  EXPECT_THAT(CheckPlanDraft(skp, Context()), IsEmpty());
}

TEST(SkpPlanRulesTest, IntervensiMustBeAnApprovedRhkOfTheSuperior) {
  v1::Skp skp = CompletePlan();
  skp.mutable_rhks(0)->set_intervensi("rhk-99");
  EXPECT_THAT(CheckPlanForSubmission(skp, Context()), HasField("skp.rhks[0].intervensi"));
}

TEST(SkpPlanRulesTest, TheTopOfTheCascadeNamesItsPerjanjianKinerja) {
  PlanContext top;
  top.top_of_cascade = true;
  v1::Skp skp = CompletePlan();
  skp.mutable_rhks(0)->clear_intervensi();
  EXPECT_THAT(CheckPlanForSubmission(skp, top), HasField("skp.rhks[0].perjanjian_kinerja"));
  skp.mutable_rhks(0)->set_perjanjian_kinerja("PK Kepala BKPP 2026, sasaran 1");
  EXPECT_THAT(CheckPlanForSubmission(skp, top), IsEmpty());
}

TEST(SkpPlanRulesTest, TheTopOfTheCascadeIsJptOrNoSuperior) {
  EXPECT_TRUE(IsTopOfCascade(/*jpt=*/true, /*has_superior=*/true));
  EXPECT_TRUE(IsTopOfCascade(/*jpt=*/false, /*has_superior=*/false));
  EXPECT_FALSE(IsTopOfCascade(/*jpt=*/false, /*has_superior=*/true));
}

TEST(SkpPlanRulesTest, PerspectivesBelongToJptPlansOnly) {
  v1::Skp skp = CompletePlan();
  skp.mutable_rhks(0)->set_perspective(v1::PERSPECTIVE_PROSES_BISNIS);
  EXPECT_THAT(CheckPlanDraft(skp, Context()), HasField("skp.rhks[0].perspective"));
  PlanContext jpt = Context();
  jpt.jpt = true;
  EXPECT_THAT(CheckPlanForSubmission(skp, jpt), IsEmpty());
  skp.mutable_rhks(0)->clear_perspective();
  EXPECT_THAT(CheckPlanForSubmission(skp, jpt), HasField("skp.rhks[0].perspective"));
}

TEST(SkpPlanRulesTest, APlanNeedsAnUtamaRhkAndStaysWithinItsLimits) {
  v1::Skp skp = CompletePlan();
  skp.mutable_rhks(0)->set_kind(v1::RHK_KIND_TAMBAHAN);
  EXPECT_THAT(CheckPlanForSubmission(skp, Context()), HasField("skp.rhks"));
  EXPECT_THAT(CheckPlanDraft(skp, Context()), Not(HasField("skp.rhks")));
  v1::Skp big = CompletePlan();
  for (int i = 0; i < kMaxRhks; ++i) *big.add_rhks() = big.rhks(0);
  EXPECT_THAT(CheckPlanDraft(big, Context()), HasField("skp.rhks"));
  v1::Skp no_approach = CompletePlan();
  no_approach.clear_approach();
  EXPECT_THAT(CheckPlanDraft(no_approach, Context()), HasField("skp.approach"));
}

}  // namespace
}  // namespace kinerja::domain
