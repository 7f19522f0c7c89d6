// The SDK's TLS options against a real server with TLS (certificates made at test time by
// tests/integration/tls_certs.sh): server verification by CA file, two replicas behind one TLS
// name, mutual TLS as a system account, and the refusals.
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "kinerja/sdk/kinerja_sdk.h"
#include "tests/integration/test_server.h"

namespace kinerja::sdk {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class LiveTlsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = absl::StrCat(::testing::TempDir(), "kinerja-sdk-tls-", getpid());
    ASSERT_EQ(std::system(absl::StrCat("bash ", KINERJA_SOURCE_DIR,
                                       "/tests/integration/tls_certs.sh ", dir_, " >/dev/null")
                              .c_str()),
              0);
    tls_.cert_file = dir_ + "/server.pem";
    tls_.key_file = dir_ + "/server.key";
    tls_.client_ca_file = dir_ + "/ca.pem";
    tls_.require_client_cert = false;
    ServerOptions options;
    options.tls = tls_;
    grpc::SslCredentialsOptions ssl;
    ssl.pem_root_certs = ReadFile(dir_ + "/ca.pem");
    auto server = kinerja::testing::TestServer::Start(options, grpc::SslCredentials(ssl));
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = std::move(*server);
  }
  void TearDown() override {
    server_.reset();
    std::system(absl::StrCat("rm -rf ", dir_).c_str());
  }

  Options Tls() {
    Options options;
    options.endpoints = {absl::StrCat("localhost:", server_->app().grpc_port())};
    options.tls.enabled = true;
    options.tls.ca_file = dir_ + "/ca.pem";
    options.retry.max_attempts = 2;
    options.retry.initial_backoff = absl::Milliseconds(10);
    options.retry.max_backoff = absl::Milliseconds(10);
    return options;
  }

  std::string dir_;
  core::TlsOptions tls_;
  std::unique_ptr<kinerja::testing::TestServer> server_;
};

TEST_F(LiveTlsTest, VerifiesTheServerAgainstTheGivenCa) {
  Options options = Tls();
  options.session_token = server_->admin_token();
  auto identity = MakeIdentityClient(options);
  ASSERT_TRUE(identity.ok()) << identity.status();
  auto account = identity->GetMyAccount();
  ASSERT_TRUE(account.ok()) << account.status();
  EXPECT_EQ(account->name(), absl::StrCat("accounts/", kinerja::testing::kAdminNip));

  // The same CA given as PEM text; an IP endpoint with the certificate's name as the override.
  options.tls.ca_pem = ReadFile(options.tls.ca_file);
  options.tls.ca_file.clear();
  options.endpoints = {absl::StrCat("127.0.0.1:", server_->app().grpc_port())};
  options.tls.server_name_override = "localhost";
  auto diagnostics = MakeDiagnosticsClient(options);
  ASSERT_TRUE(diagnostics.ok());
  EXPECT_TRUE(diagnostics->Ping("tls").ok());
}

TEST_F(LiveTlsTest, TwoReplicasBehindOneName) {
  ServerOptions replica_options;
  replica_options.tls = tls_;
  auto replica = server_->StartReplica(replica_options);
  ASSERT_TRUE(replica.ok()) << replica.status();
  Options options = Tls();
  options.endpoints = {absl::StrCat("localhost:", server_->app().grpc_port()),
                       absl::StrCat("localhost:", (*replica)->grpc_port())};
  auto diagnostics = MakeDiagnosticsClient(options);
  ASSERT_TRUE(diagnostics.ok()) << diagnostics.status();
  for (int i = 0; i < 20; ++i) {
    auto pong = diagnostics->Ping("rr");
    ASSERT_TRUE(pong.ok()) << pong.status();
  }
  // Round-robin: both replicas answered (each counts its calls by method).
  const std::string ping = "DiagnosticsService/Ping\",code=\"OK\"";
  EXPECT_TRUE(absl::StrContains(server_->app().metrics().RenderPrometheus(), ping));
  EXPECT_TRUE(absl::StrContains((*replica)->metrics().RenderPrometheus(), ping));
  replica->reset();
}

TEST_F(LiveTlsTest, MutualTlsActsAsTheCertificatesSystemAccount) {
  Options admin = Tls();
  admin.session_token = server_->admin_token();
  auto identity = MakeIdentityClient(admin);
  ASSERT_TRUE(identity.ok());
  v1::Account account;
  account.set_name("accounts/payroll-bpkad");
  account.set_display_name("Penggajian BPKAD");
  ASSERT_TRUE(identity->CreateSystemAccount(account).ok());
  v1::ClientCertificate certificate;
  certificate.set_subject("CN=payroll,OU=BPKAD,O=Pemerintah Kota Semarang");
  certificate.set_account("accounts/payroll-bpkad");
  certificate.mutable_scope()->add_methods("/kinerja.v1.DirectoryService/ListOpds");
  auto registered = identity->RegisterClientCertificate(certificate);
  ASSERT_TRUE(registered.ok()) << registered.status();

  Options payroll = Tls();
  payroll.tls.client_cert_file = dir_ + "/client.pem";
  payroll.tls.client_key_file = dir_ + "/client.key";
  auto directory = MakeDirectoryClient(payroll);
  ASSERT_TRUE(directory.ok()) << directory.status();
  EXPECT_TRUE(ReadAll(directory->ListOpds()).ok());
  EXPECT_TRUE(absl::IsPermissionDenied(directory->GetOpd("DISKOMINFO").status()));
}

TEST_F(LiveTlsTest, AnUntrustedServerOrPlaintextIsRefused) {
  Options rogue = Tls();
  rogue.tls.ca_file = dir_ + "/rogue-ca.pem";
  auto diagnostics = MakeDiagnosticsClient(rogue);
  ASSERT_TRUE(diagnostics.ok());
  EXPECT_TRUE(absl::IsUnavailable(diagnostics->Ping().status()));

  Options plaintext = Tls();
  plaintext.tls = TlsOptions();
  auto plain = MakeDiagnosticsClient(plaintext);
  ASSERT_TRUE(plain.ok());
  EXPECT_TRUE(absl::IsUnavailable(plain->Ping().status()));
}

}  // namespace
}  // namespace kinerja::sdk
