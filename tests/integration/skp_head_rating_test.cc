// DOMAIN.md 5.5 through the SkpService and MariaDB, on the organisation of org_fixture.h: the Kepala
// Dinas Kominfo (A) heads DISKOMINFO (his superior position, the Sekda's, is in SETDA), so the
// Sekda's evaluation of his plan takes its Rating Hasil Kerja from DISKOMINFO's organisation
// predikat for the year, and is refused until one is entered; the Kepala Bidang (B), whose superior
// is in his own OPD, is rated as the evaluator enters it.
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "kinerja/v1/skp.grpc.pb.h"
#include "tests/integration/skp_fixture.h"

namespace kinerja::testing {
namespace {

using grpc::StatusCode;
using ::testing::AllOf;
using ::testing::Contains;
using ::testing::HasSubstr;

constexpr v1::RatingLevel kUnspecified = v1::RATING_LEVEL_UNSPECIFIED;
constexpr v1::RatingLevel kBawah = v1::RATING_DI_BAWAH_EKSPEKTASI;
constexpr v1::RatingLevel kSesuai = v1::RATING_SESUAI_EKSPEKTASI;
constexpr v1::RatingLevel kAtas = v1::RATING_DI_ATAS_EKSPEKTASI;

class SkpHeadRatingTest : public SkpTest {
 protected:
  // Entered by the BKPP administrator.
  grpc::Status SetOrganizationPredikat(const std::string& opd, int year,
                                       v1::OrganizationPredikatLevel level) {
    v1::SetOrganizationPredikatRequest req;
    req.set_name("opds/" + opd + "/years/" + std::to_string(year));
    req.set_predikat(level);
    v1::OrganizationPredikat out;
    return skp_->SetOrganizationPredikat(Ctx().get(), req, &out);
  }

  grpc::Status Evaluate(const std::string& evaluator, const v1::Skp& skp, v1::RatingLevel hasil,
                        v1::RatingLevel perilaku, v1::Skp* out) {
    v1::EvaluateSkpRequest req;
    req.set_name(skp.name());
    req.mutable_evaluation()->set_hasil_kerja(hasil);
    if (hasil == kAtas || hasil == kBawah) {
      req.mutable_evaluation()->set_hasil_kerja_justification(
          "Capaian hasil kerja dibandingkan target tahunan.");
    }
    req.mutable_evaluation()->set_perilaku_kerja(perilaku);
    if (perilaku == kAtas || perilaku == kBawah) {
      req.mutable_evaluation()->set_perilaku_kerja_justification(
          "Menjadi teladan penerapan BerAKHLAK di seluruh OPD.");
    }
    return skp_->EvaluateSkp(CtxAs(token_[evaluator]).get(), req, out);
  }

  v1::Skp Get(const std::string& reader, const v1::Skp& skp) {
    v1::GetSkpRequest req;
    req.set_name(skp.name());
    v1::Skp out;
    grpc::Status st = skp_->GetSkp(CtxAs(token_[reader]).get(), req, &out);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return out;
  }

  v1::ListIntervensiOptionsResponse Options(const std::string& nip) {
    v1::ListIntervensiOptionsRequest req;
    req.set_parent("employees/" + nip);
    req.set_year(2026);
    v1::ListIntervensiOptionsResponse out;
    grpc::Status st = skp_->ListIntervensiOptions(CtxAs(token_[nip]).get(), req, &out);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return out;
  }

  // B's plan under A's approved one, approved by A.
  v1::Skp ApprovedPlanOfB(const v1::Skp& a) {
    v1::Skp b;
    EXPECT_TRUE(Create(kB, {Rhk("Tersedianya aplikasi layanan publik", a.rhks(0).id())}, &b).ok());
    EXPECT_TRUE(Do(&v1::SkpService::Stub::SubmitSkp, kB, b, &b).ok());
    grpc::Status st = Do(&v1::SkpService::Stub::ApproveSkp, kA, b, &b);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return b;
  }
};

TEST_F(SkpHeadRatingTest, AHeadLeftUnspecifiedGetsTheRatingOfTheOrganisationPredikat) {
  const v1::Skp a = ApprovedPlanOfA();
  ASSERT_TRUE(SetOrganizationPredikat("DISKOMINFO", 2026, v1::ORGANIZATION_PREDIKAT_BAIK).ok());

  // The rating form learns that A's hasil kerja is not the evaluator's to choose.
  v1::ListIntervensiOptionsResponse options = Options(kA);
  EXPECT_TRUE(options.head_of_opd());
  EXPECT_EQ(options.organization_predikat(), v1::ORGANIZATION_PREDIKAT_BAIK);
  EXPECT_EQ(options.hasil_kerja_from_organization(), kSesuai);

  v1::Skp out;
  grpc::Status st = Evaluate(kSekda, a, kUnspecified, kSesuai, &out);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(out.state(), v1::SKP_STATE_EVALUATED);
  EXPECT_EQ(out.evaluation().hasil_kerja(), kSesuai);
  EXPECT_EQ(out.evaluation().hasil_kerja_justification(),
            "Mengikuti predikat kinerja organisasi Baik opds/DISKOMINFO tahun 2026");
  EXPECT_EQ(out.evaluation().perilaku_kerja(), kSesuai);
  EXPECT_EQ(out.evaluation().predikat(), v1::PREDIKAT_BAIK);
  EXPECT_EQ(out.evaluation().evaluator(), std::string("employees/") + kSekda);
  // As stored, for the employee.
  const v1::Skp stored = Get(kA, a);
  EXPECT_EQ(stored.evaluation().hasil_kerja(), kSesuai);
  EXPECT_EQ(stored.evaluation().predikat(), v1::PREDIKAT_BAIK);
  EXPECT_EQ(stored.evaluation().hasil_kerja_justification(),
            out.evaluation().hasil_kerja_justification());

  // Corrected after the organisation predikat changed: Istimewa gives Di Atas (no justification
  // asked), with Di Atas behaviour Sangat Baik.
  ASSERT_TRUE(SetOrganizationPredikat("DISKOMINFO", 2026, v1::ORGANIZATION_PREDIKAT_ISTIMEWA).ok());
  st = Evaluate(kSekda, out, kUnspecified, kAtas, &out);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(out.evaluation().hasil_kerja(), kAtas);
  EXPECT_EQ(out.evaluation().predikat(), v1::PREDIKAT_SANGAT_BAIK);
  EXPECT_EQ(out.evaluation().hasil_kerja_justification(),
            "Mengikuti predikat kinerja organisasi Istimewa opds/DISKOMINFO tahun 2026");

  // Kurang gives Di Bawah; the hasil kerja may also be sent when it is the one derived.
  ASSERT_TRUE(SetOrganizationPredikat("DISKOMINFO", 2026, v1::ORGANIZATION_PREDIKAT_KURANG).ok());
  st = Evaluate(kSekda, out, kBawah, kSesuai, &out);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(out.evaluation().hasil_kerja(), kBawah);
  EXPECT_EQ(out.evaluation().predikat(), v1::PREDIKAT_BUTUH_PERBAIKAN);
  EXPECT_EQ(out.evaluation().hasil_kerja_justification(),
            "Mengikuti predikat kinerja organisasi Kurang opds/DISKOMINFO tahun 2026");
}

TEST_F(SkpHeadRatingTest, FinalisingWaitsForAHeadRatedUnderAnEarlierOrganisationPredikat) {
  const v1::Skp a = ApprovedPlanOfA();
  ASSERT_TRUE(SetOrganizationPredikat("DISKOMINFO", 2026, v1::ORGANIZATION_PREDIKAT_BAIK).ok());
  v1::Skp rated;
  grpc::Status st = Evaluate(kSekda, a, kUnspecified, kSesuai, &rated);
  ASSERT_TRUE(st.ok()) << st.error_message();
  ASSERT_EQ(rated.evaluation().hasil_kerja(), kSesuai);
  // The predikat changes after the rating (Istimewa: its quota, Sangat Baik at most 70 %, holds).
  ASSERT_TRUE(SetOrganizationPredikat("DISKOMINFO", 2026, v1::ORGANIZATION_PREDIKAT_ISTIMEWA).ok());
  v1::FinalizeOpdSkpsRequest finalize;
  finalize.set_name("opds/DISKOMINFO/years/2026");
  v1::FinalizeOpdSkpsResponse finalized;
  st = skp_->FinalizeOpdSkps(Ctx().get(), finalize, &finalized);
  EXPECT_EQ(st.error_code(), StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(st.error_message(), AllOf(HasSubstr(a.name()), HasSubstr("rate the plan again")));
  EXPECT_EQ(Get(kA, a).state(), v1::SKP_STATE_EVALUATED);  // nothing finalised
  // Rated again, it follows Istimewa, and the year finalises.
  st = Evaluate(kSekda, rated, kUnspecified, kSesuai, &rated);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(rated.evaluation().hasil_kerja(), kAtas);
  st = skp_->FinalizeOpdSkps(Ctx().get(), finalize, &finalized);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(finalized.finalized(), 1);
  EXPECT_EQ(Get(kA, a).state(), v1::SKP_STATE_FINAL);
}

TEST_F(SkpHeadRatingTest, AHeadRatedAgainstTheOrganisationPredikatIsRefused) {
  const v1::Skp a = ApprovedPlanOfA();
  ASSERT_TRUE(SetOrganizationPredikat("DISKOMINFO", 2026, v1::ORGANIZATION_PREDIKAT_BAIK).ok());
  v1::Skp out;
  grpc::Status st = Evaluate(kSekda, a, kAtas, kSesuai, &out);
  ASSERT_EQ(st.error_code(), StatusCode::INVALID_ARGUMENT) << st.error_message();
  EXPECT_THAT(FieldViolations(st),
              Contains(AllOf(HasSubstr("evaluation.hasil_kerja: "), HasSubstr("organisation predikat"),
                             HasSubstr("Baik"), HasSubstr("Sesuai Ekspektasi"))));
  EXPECT_EQ(Get(kA, a).state(), v1::SKP_STATE_APPROVED);
  EXPECT_EQ(Evaluate(kSekda, a, kBawah, kSesuai, &out).error_code(), StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(Get(kA, a).state(), v1::SKP_STATE_APPROVED);
}

TEST_F(SkpHeadRatingTest, AHeadCannotBeRatedBeforeTheOrganisationPredikatIsEntered) {
  const v1::Skp a = ApprovedPlanOfA();
  // Another OPD's, or another year's, does not count.
  ASSERT_TRUE(SetOrganizationPredikat("DINKES", 2026, v1::ORGANIZATION_PREDIKAT_BAIK).ok());
  ASSERT_TRUE(SetOrganizationPredikat("DISKOMINFO", 2025, v1::ORGANIZATION_PREDIKAT_BAIK).ok());
  v1::ListIntervensiOptionsResponse options = Options(kA);
  EXPECT_TRUE(options.head_of_opd());
  EXPECT_EQ(options.organization_predikat(), v1::ORGANIZATION_PREDIKAT_UNSPECIFIED);
  EXPECT_EQ(options.hasil_kerja_from_organization(), kUnspecified);

  v1::Skp out;
  for (v1::RatingLevel hasil : {kUnspecified, kSesuai}) {
    grpc::Status st = Evaluate(kSekda, a, hasil, kSesuai, &out);
    EXPECT_EQ(st.error_code(), StatusCode::FAILED_PRECONDITION) << st.error_message();
    EXPECT_THAT(st.error_message(), AllOf(HasSubstr("opds/DISKOMINFO"), HasSubstr("2026"),
                                          HasSubstr("SetOrganizationPredikat")));
  }
  EXPECT_EQ(Get(kA, a).state(), v1::SKP_STATE_APPROVED);

  ASSERT_TRUE(SetOrganizationPredikat("DISKOMINFO", 2026, v1::ORGANIZATION_PREDIKAT_BAIK).ok());
  grpc::Status st = Evaluate(kSekda, a, kUnspecified, kSesuai, &out);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(out.evaluation().hasil_kerja(), kSesuai);
}

TEST_F(SkpHeadRatingTest, SomeoneWhoHeadsNoOpdIsRatedAsEntered) {
  const v1::Skp a = ApprovedPlanOfA();
  const v1::Skp b = ApprovedPlanOfB(a);
  v1::ListIntervensiOptionsResponse options = Options(kB);
  EXPECT_FALSE(options.head_of_opd());
  EXPECT_EQ(options.organization_predikat(), v1::ORGANIZATION_PREDIKAT_UNSPECIFIED);
  EXPECT_EQ(options.hasil_kerja_from_organization(), kUnspecified);
  // The Sekda, at the top of the position tree, heads SETDA.
  EXPECT_TRUE(Options(kSekda).head_of_opd());

  // No organisation predikat needed; both ratings still required.
  v1::Skp out;
  grpc::Status st = Evaluate(kA, b, kUnspecified, kSesuai, &out);
  EXPECT_EQ(st.error_code(), StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(FieldViolations(st), Contains(HasSubstr("evaluation.hasil_kerja: ")));
  st = Evaluate(kA, b, kBawah, kSesuai, &out);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(out.evaluation().hasil_kerja(), kBawah);
  EXPECT_EQ(out.evaluation().hasil_kerja_justification(),
            "Capaian hasil kerja dibandingkan target tahunan.");
  EXPECT_EQ(out.evaluation().predikat(), v1::PREDIKAT_BUTUH_PERBAIKAN);

  // The OPD's organisation predikat does not touch it.
  ASSERT_TRUE(SetOrganizationPredikat("DISKOMINFO", 2026, v1::ORGANIZATION_PREDIKAT_ISTIMEWA).ok());
  st = Evaluate(kA, out, kSesuai, kSesuai, &out);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(out.evaluation().hasil_kerja(), kSesuai);
  EXPECT_EQ(out.evaluation().predikat(), v1::PREDIKAT_BAIK);
}

}  // namespace
}  // namespace kinerja::testing
