// The SkpService test fixture on the organisation of org_fixture.h: everyone in it signed in, and
// helpers to create plans and move them through their lifecycle. Used by skp_test.cc and
// skp_cache_test.cc.
#ifndef KINERJA_TESTS_INTEGRATION_SKP_FIXTURE_H_
#define KINERJA_TESTS_INTEGRATION_SKP_FIXTURE_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "kinerja/v1/skp.grpc.pb.h"
#include "tests/integration/org_fixture.h"

namespace kinerja::testing {

class SkpTest : public OrgServerTest {
 protected:
  void SetUp() override {
    OrgServerTest::SetUp();
    if (HasFatalFailure()) return;
    skp_ = v1::SkpService::NewStub(server_->channel());
    for (const char* nip : {kSekda, kA, kB, kC, kD, kE, kF, kG, kH}) token_[nip] = server_->SignIn(nip);
  }

  // Signs everyone in again (after the clock moved past the sessions' idle timeout).
  void SignInAgain() {
    server_->ReauthenticateAdmin();
    for (auto& [nip, token] : token_) token = server_->SignIn(nip);
  }

  static v1::Rhk Rhk(const std::string& text, const std::string& intervensi,
                     v1::RhkKind kind = v1::RHK_KIND_UTAMA) {
    v1::Rhk r;
    r.set_kind(kind);
    r.set_text(text);
    r.set_intervensi(intervensi);
    v1::Iki* iki = r.add_ikis();
    iki->set_text("Jumlah layanan yang diselesaikan");
    iki->set_aspect(v1::IKI_ASPECT_KUANTITAS);
    iki->set_target("12");
    iki->set_unit("layanan");
    return r;
  }

  grpc::Status Create(const std::string& nip, std::vector<v1::Rhk> rhks, v1::Skp* out) {
    v1::CreateSkpRequest req;
    req.set_parent("employees/" + nip);
    req.mutable_skp()->set_year(2026);
    req.mutable_skp()->set_approach(v1::SKP_APPROACH_KUANTITATIF);
    for (auto& r : rhks) *req.mutable_skp()->add_rhks() = std::move(r);
    return skp_->CreateSkp(CtxAs(token_[nip]).get(), req, out);
  }

  using TransitionRpc = grpc::Status (v1::SkpService::Stub::*)(grpc::ClientContext*,
                                                              const v1::TransitionSkpRequest&, v1::Skp*);
  grpc::Status Do(TransitionRpc rpc, const std::string& caller, const v1::Skp& skp, v1::Skp* out,
                  const std::string& note = "") {
    v1::TransitionSkpRequest req;
    req.set_name(skp.name());
    req.set_note(note);
    return ((*skp_).*rpc)(CtxAs(token_[caller]).get(), req, out);
  }

  // The head of DISKOMINFO's plan (top of the cascade, JPT: a perspective and the Perjanjian
  // Kinerja), approved by the Sekda.
  v1::Skp ApprovedPlanOfA() {
    v1::Rhk rhk = Rhk("Meningkatnya kualitas layanan digital Kota Semarang", "");
    rhk.set_perjanjian_kinerja("Perjanjian Kinerja Kepala Dinas Kominfo 2026, sasaran 1");
    rhk.set_perspective(v1::PERSPECTIVE_PENERIMA_LAYANAN);
    v1::Skp a;
    EXPECT_TRUE(Create(kA, {rhk}, &a).ok());
    EXPECT_TRUE(Do(&v1::SkpService::Stub::SubmitSkp, kA, a, &a).ok());
    grpc::Status st = Do(&v1::SkpService::Stub::ApproveSkp, kSekda, a, &a);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return a;
  }

  std::unique_ptr<v1::SkpService::Stub> skp_;
  std::map<std::string, std::string> token_;
};

}  // namespace kinerja::testing

#endif  // KINERJA_TESTS_INTEGRATION_SKP_FIXTURE_H_
