// TLS and mutual TLS on the gRPC port (server/core/tls_config): a small in-process server on
// loopback with credentials from MakeServerCredentials, whose Ping echoes the client certificate's
// subject, and clients with no certificate, a valid one, and one from another CA. The certificates
// are generated for each test by tls_certs.sh; no database is needed.
#include "server/core/tls_config.h"

#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include <grpcpp/grpcpp.h>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "kinerja/v1/diagnostics.grpc.pb.h"

namespace kinerja::core {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::string kRoot = KINERJA_SOURCE_DIR;

// Ping answers with the caller's verified client certificate subject.
class SubjectEchoService final : public v1::DiagnosticsService::CallbackService {
 public:
  grpc::ServerUnaryReactor* Ping(grpc::CallbackServerContext* ctx, const v1::PingRequest*,
                                 v1::PingResponse* resp) override {
    std::shared_ptr<const grpc::AuthContext> auth = ctx->auth_context();
    resp->set_payload(auth ? ClientCertificateSubject(*auth) : "");
    auto* reactor = ctx->DefaultReactor();
    reactor->Finish(grpc::Status::OK);
    return reactor;
  }
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct PingResult {
  grpc::Status status;
  std::string subject;
  absl::Duration took;
};

class TlsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string dir = absl::StrCat(::testing::TempDir(), "kinerja-tls-XXXXXX");
    ASSERT_NE(mkdtemp(dir.data()), nullptr);
    dir_ = dir;
    ASSERT_EQ(std::system(absl::StrCat("bash '", kRoot, "/tests/integration/tls_certs.sh' '", dir_,
                                       "'").c_str()),
              0);
  }

  void TearDown() override {
    if (server_) {
      server_->Shutdown(absl::ToChronoTime(absl::Now() + absl::Seconds(2)));
      server_->Wait();
    }
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  std::string Path(const std::string& name) const { return absl::StrCat(dir_, "/", name); }

  TlsOptions Options(bool client_ca, bool require) const {
    TlsOptions tls;
    tls.cert_file = Path("server.pem");
    tls.key_file = Path("server.key");
    if (client_ca) tls.client_ca_file = Path("ca.pem");
    tls.require_client_cert = require;
    return tls;
  }

  // Starts the echo server on 127.0.0.1 with a free port.
  void StartServer(const TlsOptions& tls) {
    auto creds = MakeServerCredentials(tls);
    ASSERT_TRUE(creds.ok()) << creds.status();
    grpc::ServerBuilder builder;
    builder.AddListeningPort("127.0.0.1:0", *creds, &port_);
    builder.RegisterService(&service_);
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
    ASSERT_NE(port_, 0);
  }

  // TLS client credentials trusting `root_ca`, presenting `client` (.pem/.key) unless empty.
  std::shared_ptr<grpc::ChannelCredentials> Tls(const std::string& client = "",
                                                const std::string& root_ca = "ca.pem") const {
    grpc::SslCredentialsOptions o;
    o.pem_root_certs = ReadFile(Path(root_ca));
    if (!client.empty()) {
      o.pem_private_key = ReadFile(Path(client + ".key"));
      o.pem_cert_chain = ReadFile(Path(client + ".pem"));
    }
    return grpc::SslCredentials(o);
  }

  // One Ping on a fresh channel to 127.0.0.1 (server name checked as "localhost"), 5 s deadline.
  PingResult Ping(const std::shared_ptr<grpc::ChannelCredentials>& creds) const {
    grpc::ChannelArguments args;
    args.SetSslTargetNameOverride("localhost");
    args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);  // no connection shared between clients
    auto channel = grpc::CreateCustomChannel(absl::StrCat("127.0.0.1:", port_), creds, args);
    auto stub = v1::DiagnosticsService::NewStub(channel);
    grpc::ClientContext ctx;
    ctx.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(5)));
    v1::PingRequest req;
    req.set_payload("halo");
    v1::PingResponse resp;
    PingResult r;
    const absl::Time start = absl::Now();
    r.status = stub->Ping(&ctx, req, &resp);
    r.took = absl::Now() - start;
    r.subject = resp.payload();
    return r;
  }

  // A refused connection fails fast with UNAVAILABLE, never by running into the deadline.
  void ExpectRefused(const char* client, const PingResult& r) {
    EXPECT_EQ(r.status.error_code(), grpc::StatusCode::UNAVAILABLE)
        << client << ": " << r.status.error_message();
    EXPECT_LT(r.took, absl::Seconds(4)) << client;
  }

  std::string dir_;
  SubjectEchoService service_;
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
};

constexpr char kPayrollSubject[] = "CN=payroll,OU=BPKAD,O=Pemerintah Kota Semarang";

TEST_F(TlsTest, PlaintextWithoutCertificate) {
  ASSERT_NO_FATAL_FAILURE(StartServer(TlsOptions{}));
  PingResult r = Ping(grpc::InsecureChannelCredentials());
  ASSERT_TRUE(r.status.ok()) << r.status.error_message();
  EXPECT_EQ(r.subject, "");
  ExpectRefused("TLS client", Ping(Tls()));
}

TEST_F(TlsTest, TlsWithoutClientCa) {
  ASSERT_NO_FATAL_FAILURE(StartServer(Options(/*client_ca=*/false, /*require=*/false)));
  PingResult r = Ping(Tls());
  ASSERT_TRUE(r.status.ok()) << r.status.error_message();
  EXPECT_EQ(r.subject, "");

  ExpectRefused("plaintext client", Ping(grpc::InsecureChannelCredentials()));
  // The client does not trust a server certificate from another CA.
  ExpectRefused("client trusting another CA", Ping(Tls("", "rogue-ca.pem")));
  // Without a client CA the server asks for no certificate, so none is ever reported.
  r = Ping(Tls("client"));
  ASSERT_TRUE(r.status.ok()) << r.status.error_message();
  EXPECT_EQ(r.subject, "");
}

TEST_F(TlsTest, MutualTlsRequired) {
  ASSERT_NO_FATAL_FAILURE(StartServer(Options(/*client_ca=*/true, /*require=*/true)));
  PingResult r = Ping(Tls("client"));
  ASSERT_TRUE(r.status.ok()) << r.status.error_message();
  EXPECT_THAT(r.subject, HasSubstr("CN=payroll"));
  EXPECT_THAT(r.subject, HasSubstr("OU=BPKAD"));
  EXPECT_EQ(r.subject, kPayrollSubject);

  ExpectRefused("no client certificate", Ping(Tls()));
  ExpectRefused("same subject, another CA", Ping(Tls("rogue-client")));
  ExpectRefused("plaintext client", Ping(grpc::InsecureChannelCredentials()));
}

TEST_F(TlsTest, MutualTlsOptional) {
  ASSERT_NO_FATAL_FAILURE(StartServer(Options(/*client_ca=*/true, /*require=*/false)));
  PingResult r = Ping(Tls());
  ASSERT_TRUE(r.status.ok()) << r.status.error_message();
  EXPECT_EQ(r.subject, "");

  r = Ping(Tls("client"));
  ASSERT_TRUE(r.status.ok()) << r.status.error_message();
  EXPECT_EQ(r.subject, kPayrollSubject);

  // A certificate the client presents must verify, even though none is required.
  ExpectRefused("same subject, another CA", Ping(Tls("rogue-client")));
  ExpectRefused("plaintext client", Ping(grpc::InsecureChannelCredentials()));
}

TEST_F(TlsTest, KeyThatDoesNotMatchTheCertificateFailsAtStart) {
  TlsOptions tls = Options(false, false);
  tls.key_file = Path("client.key");
  auto creds = MakeServerCredentials(tls);  // the files are well-formed PEM
  ASSERT_TRUE(creds.ok()) << creds.status();
  grpc::ServerBuilder builder;
  builder.AddListeningPort("127.0.0.1:0", *creds, &port_);
  builder.RegisterService(&service_);
  server_ = builder.BuildAndStart();
  // ServerApp::Start reports this as "cannot listen for gRPC on ...".
  EXPECT_TRUE(server_ == nullptr || port_ == 0);
}

void ExpectInvalid(const absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>>& creds,
                   const std::string& mentions) {
  ASSERT_FALSE(creds.ok());
  EXPECT_EQ(creds.status().code(), absl::StatusCode::kInvalidArgument) << creds.status();
  EXPECT_THAT(creds.status().message(), HasSubstr(mentions));
}

TEST_F(TlsTest, MakeServerCredentialsRejectsBadOptions) {
  TlsOptions tls = Options(false, false);
  tls.cert_file = Path("missing.pem");
  ExpectInvalid(MakeServerCredentials(tls), "tls_cert_file");
  ExpectInvalid(MakeServerCredentials(tls), Path("missing.pem"));

  tls = Options(false, false);
  tls.key_file = Path("missing.key");
  ExpectInvalid(MakeServerCredentials(tls), "tls_key_file");

  tls = Options(false, false);
  tls.client_ca_file = Path("missing-ca.pem");
  ExpectInvalid(MakeServerCredentials(tls), "tls_client_ca_file");

  tls = Options(/*client_ca=*/false, /*require=*/true);
  ExpectInvalid(MakeServerCredentials(tls), "tls_require_client_cert");
  ExpectInvalid(MakeServerCredentials(tls), "tls_client_ca_file");

  tls = Options(false, false);
  tls.key_file.clear();
  ExpectInvalid(MakeServerCredentials(tls), "tls_key_file");

  TlsOptions key_only;
  key_only.key_file = Path("server.key");
  ExpectInvalid(MakeServerCredentials(key_only), "tls_cert_file");

  TlsOptions ca_only;
  ca_only.client_ca_file = Path("ca.pem");
  ExpectInvalid(MakeServerCredentials(ca_only), "tls_cert_file");

  TlsOptions require_only;
  require_only.require_client_cert = true;
  ExpectInvalid(MakeServerCredentials(require_only), "tls_require_client_cert");

  tls = Options(false, false);
  tls.cert_file = dir_;  // a directory
  ExpectInvalid(MakeServerCredentials(tls), "tls_cert_file");
}

TEST_F(TlsTest, ErrorsNeverQuoteTheFiles) {
  // The key given as the certificate, and the certificate as the key.
  TlsOptions tls = Options(false, false);
  tls.cert_file = Path("server.key");
  auto creds = MakeServerCredentials(tls);
  ExpectInvalid(creds, "tls_cert_file");
  std::string key = ReadFile(Path("server.key"));
  std::string key_body = key.substr(key.find('\n') + 1, 40);
  EXPECT_THAT(creds.status().message(), Not(HasSubstr(key_body)));
  EXPECT_THAT(creds.status().message(), Not(HasSubstr("-----BEGIN")));

  tls = Options(false, false);
  tls.key_file = Path("server.pem");
  creds = MakeServerCredentials(tls);
  ExpectInvalid(creds, "tls_key_file");
  std::string cert = ReadFile(Path("server.pem"));
  EXPECT_THAT(creds.status().message(), Not(HasSubstr(cert.substr(cert.find('\n') + 1, 40))));
  EXPECT_THAT(creds.status().message(), Not(HasSubstr("-----BEGIN")));
}

}  // namespace
}  // namespace kinerja::core
