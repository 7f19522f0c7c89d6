// Mutual TLS through the whole server: a client certificate whose subject is registered to a system
// account acts with that account's scope; an unregistered subject is not signed in; a certificate
// from another CA does not get past the handshake. Certificates are made at test time.
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/integration/org_fixture.h"
#include "tests/integration/test_server.h"

namespace kinerja::testing {
namespace {

std::string Read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class MtlsAuthTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = absl::StrCat(::testing::TempDir(), "kinerja-mtls-", getpid());
    ASSERT_EQ(std::system(absl::StrCat("bash ", KINERJA_SOURCE_DIR,
                                       "/tests/integration/tls_certs.sh ", dir_, " >/dev/null")
                              .c_str()),
              0);
    ServerOptions options;
    options.tls.cert_file = dir_ + "/server.pem";
    options.tls.key_file = dir_ + "/server.key";
    options.tls.client_ca_file = dir_ + "/ca.pem";
    options.tls.require_client_cert = false;  // people sign in with tokens over TLS too
    auto server = TestServer::Start(options, Creds(""));
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = std::move(*server);
  }
  void TearDown() override { std::system(absl::StrCat("rm -rf ", dir_).c_str()); }

  // TLS channel credentials trusting the test CA, presenting `client` ("client", "rogue-client")
  // or no certificate ("").
  std::shared_ptr<grpc::ChannelCredentials> Creds(const std::string& client) {
    grpc::SslCredentialsOptions o;
    o.pem_root_certs = Read(dir_ + "/ca.pem");
    if (!client.empty()) {
      o.pem_cert_chain = Read(dir_ + "/" + client + ".pem");
      o.pem_private_key = Read(dir_ + "/" + client + ".key");
    }
    return grpc::SslCredentials(o);
  }

  grpc::StatusCode ListOpdsWith(const std::string& client) {
    auto stub = v1::DirectoryService::NewStub(server_->ChannelWith(Creds(client)));
    v1::ListOpdsRequest req;
    v1::ListOpdsResponse resp;
    return stub->ListOpds(CtxAs("", absl::Seconds(5)).get(), req, &resp).error_code();
  }

  std::string dir_;
  std::unique_ptr<TestServer> server_;
};

TEST_F(MtlsAuthTest, ARegisteredCertificateActsWithItsAccountsScope) {
  // Before registration the certificate is valid but belongs to no account.
  EXPECT_EQ(ListOpdsWith("client"), grpc::StatusCode::UNAUTHENTICATED);

  v1::CreateSystemAccountRequest acc;
  acc.mutable_account()->set_name("accounts/payroll-bpkad");
  acc.mutable_account()->set_display_name("Penggajian BPKAD");
  v1::Account account;
  ASSERT_TRUE(server_->identity().CreateSystemAccount(Ctx().get(), acc, &account).ok());
  v1::RegisterClientCertificateRequest reg;
  reg.mutable_client_certificate()->set_subject("CN=payroll,OU=BPKAD,O=Pemerintah Kota Semarang");
  reg.mutable_client_certificate()->set_account("accounts/payroll-bpkad");
  reg.mutable_client_certificate()->mutable_scope()->add_methods(
      "/kinerja.v1.DirectoryService/ListOpds");
  v1::ClientCertificate cert;
  grpc::Status st = server_->identity().RegisterClientCertificate(Ctx().get(), reg, &cert);
  ASSERT_TRUE(st.ok()) << st.error_message();

  EXPECT_EQ(ListOpdsWith("client"), grpc::StatusCode::OK);
  // Outside the scope.
  auto stub = v1::DirectoryService::NewStub(server_->ChannelWith(Creds("client")));
  v1::GetOpdRequest get;
  get.set_name("opds/NOPE");
  v1::Opd opd;
  EXPECT_EQ(stub->GetOpd(CtxAs("", absl::Seconds(5)).get(), get, &opd).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  // No certificate: not signed in. A certificate from another CA: refused at the handshake.
  EXPECT_EQ(ListOpdsWith(""), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(ListOpdsWith("rogue-client"), grpc::StatusCode::UNAVAILABLE);
}

}  // namespace
}  // namespace kinerja::testing
