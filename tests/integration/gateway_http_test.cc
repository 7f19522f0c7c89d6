// HTTP/JSON through the gateway, the server and MariaDB: the transcoder's routes, the caller's token
// passed on, errors as google.rpc.Status JSON with their details, and HTTP status codes; the
// browser's cookie session with its CSRF token; TLS from the gateway to the server.
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include <cstdlib>
#include <map>

#include "gateway/server/api_handler.h"
#include "gateway/server/http_server.h"
#include "gateway/server/router.h"
#include "gateway/server/session_endpoints.h"
#include "gateway/server/web_session.h"
#include "server/core/tls_config.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/integration/org_fixture.h"

namespace kinerja::testing {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using ::testing::HasSubstr;

// A gateway (router, API, session endpoints; no console files) on a free loopback port. Unary calls
// go as kinerja_gateway sends them: over each HTTP thread's own HTTP/2 connections to a cleartext
// server (GrpcBackend::ServeOn), over gRPC's channel with TLS (a tls_name is given).
class Gateway {
 public:
  static std::unique_ptr<Gateway> Start(const std::string& servers,
                                        std::shared_ptr<grpc::ChannelCredentials> credentials,
                                        const std::string& tls_name = "") {
    auto g = std::make_unique<Gateway>();
    auto routes = transcoder::RouteTable::FromGeneratedPool();
    EXPECT_TRUE(routes.ok()) << routes.status();
    if (!routes.ok()) return nullptr;
    g->routes_ = std::make_unique<transcoder::RouteTable>(std::move(*routes));
    auto backend = gateway::GrpcBackend::Create(servers, std::move(credentials), tls_name);
    EXPECT_TRUE(backend.ok());
    if (!backend.ok()) return nullptr;
    g->backend_ = std::move(*backend);
    g->api_ = std::make_unique<gateway::ApiHandler>(*g->routes_, *g->backend_, absl::Seconds(10));
    g->sessions_ = std::make_unique<gateway::SessionEndpoints>(*g->backend_, absl::Seconds(10));
    g->router_ = std::make_unique<gateway::Router>(*g->api_, *g->sessions_, nullptr);
    gateway::HttpServerOptions options;
    options.port = 0;
    if (tls_name.empty()) {
      absl::Status served = g->backend_->ServeOn(options);
      EXPECT_TRUE(served.ok()) << served;
    }
    Gateway* raw = g.get();
    g->http_ = std::make_unique<gateway::HttpServer>(
        options, [raw](gateway::HttpRequest r, std::function<void(gateway::HttpResponse)> done) {
          raw->router_->Handle(std::move(r), std::move(done));
        });
    EXPECT_TRUE(g->http_->Start().ok());
    return g;
  }
  ~Gateway() {
    if (http_) http_->Shutdown(absl::Seconds(5));
  }

  // One request on a new connection; `headers` are added as given.
  http::response<http::string_body> Call(http::verb verb, const std::string& target,
                                         const std::vector<std::pair<std::string, std::string>>& headers,
                                         const std::string& body = "") {
    asio::io_context io;
    beast::tcp_stream stream(io);
    stream.expires_after(std::chrono::seconds(15));
    stream.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), http_->port()));
    http::request<http::string_body> req{verb, target, 11};
    req.set(http::field::host, "localhost");
    for (const auto& [k, v] : headers) req.set(k, v);
    if (!body.empty()) {
      req.set(http::field::content_type, "application/json");
      req.body() = body;
    }
    req.prepare_payload();
    http::write(stream, req);
    beast::flat_buffer buffer;
    http::response<http::string_body> res;
    http::read(stream, buffer, res);
    return res;
  }

 private:
  std::unique_ptr<transcoder::RouteTable> routes_;
  std::unique_ptr<gateway::GrpcBackend> backend_;
  std::unique_ptr<gateway::ApiHandler> api_;
  std::unique_ptr<gateway::SessionEndpoints> sessions_;
  std::unique_ptr<gateway::Router> router_;
  std::unique_ptr<gateway::HttpServer> http_;
};

class GatewayHttpTest : public OrgServerTest {
 protected:
  void SetUp() override {
    OrgServerTest::SetUp();
    if (HasFatalFailure()) return;
    gateway_ = Gateway::Start(absl::StrCat("127.0.0.1:", server_->app().grpc_port()),
                              grpc::InsecureChannelCredentials());
    ASSERT_NE(gateway_, nullptr);
  }
  void TearDown() override { gateway_.reset(); }

  http::response<http::string_body> Call(http::verb verb, const std::string& target,
                                         const std::string& token, const std::string& body = "") {
    std::vector<std::pair<std::string, std::string>> headers;
    if (!token.empty()) headers.emplace_back("authorization", "Bearer " + token);
    return gateway_->Call(verb, target, headers, body);
  }

  std::unique_ptr<Gateway> gateway_;
};

// The cookie values a response sets, by name.
std::map<std::string, std::string> SetCookies(const http::response<http::string_body>& res) {
  std::map<std::string, std::string> cookies;
  for (const auto& field : res) {
    if (field.name() != http::field::set_cookie) continue;
    const std::string v(field.value());
    const size_t eq = v.find('='), end = v.find(';');
    cookies[v.substr(0, eq)] = v.substr(eq + 1, end - eq - 1);
  }
  return cookies;
}

TEST_F(GatewayHttpTest, ReadsAnEmployeeAsJson) {
  auto res = Call(http::verb::get, std::string("/v1/employees/") + kD, server_->admin_token());
  ASSERT_EQ(res.result_int(), 200u) << res.body();
  EXPECT_THAT(res.body(), HasSubstr("\"fullName\":\"Dewi Lestari\""));
  EXPECT_THAT(res.body(), HasSubstr("\"position\":\"DISKOMINFO-PLK\""));
  EXPECT_FALSE(res["x-request-id"].empty());
}

TEST_F(GatewayHttpTest, ListsWithQueryParametersAndPaging) {
  auto res = Call(http::verb::get, "/v1/employees?opd=DINKES&pageSize=1", server_->admin_token());
  ASSERT_EQ(res.result_int(), 200u) << res.body();
  EXPECT_THAT(res.body(), HasSubstr(kF));
  EXPECT_THAT(res.body(), HasSubstr("nextPageToken"));
  EXPECT_EQ(Call(http::verb::get, "/v1/employees?noSuchField=1", server_->admin_token()).result_int(),
            400u);
}

TEST_F(GatewayHttpTest, WritesThroughABodyAndReportsFieldErrors) {
  auto created = Call(http::verb::post, "/v1/opds", server_->admin_token(),
                      R"({"code":"BAPENDA","displayName":"Badan Pendapatan Daerah","kind":"BADAN"})");
  ASSERT_EQ(created.result_int(), 200u) << created.body();
  EXPECT_THAT(created.body(), HasSubstr("\"name\":\"opds/BAPENDA\""));
  auto bad = Call(http::verb::post, "/v1/opds", server_->admin_token(),
                  R"({"code":"bad code","kind":"KOTA"})");
  EXPECT_EQ(bad.result_int(), 400u);
  EXPECT_THAT(bad.body(), HasSubstr("\"code\":3"));
  EXPECT_THAT(bad.body(), HasSubstr("google.rpc.BadRequest"));
  EXPECT_THAT(bad.body(), HasSubstr("opd.code"));
  auto unknown = Call(http::verb::post, "/v1/opds", server_->admin_token(), R"({"colour":"red"})");
  EXPECT_EQ(unknown.result_int(), 400u);
}

TEST_F(GatewayHttpTest, PassesTheCallersIdentityToTheServerWhichDecides) {
  auto anonymous = Call(http::verb::get, std::string("/v1/employees/") + kD, "");
  EXPECT_EQ(anonymous.result_int(), 401u);
  EXPECT_THAT(anonymous.body(), HasSubstr("\"code\":16"));
  const std::string token = server_->SignIn(kG);
  EXPECT_EQ(Call(http::verb::get, std::string("/v1/employees/") + kD, token).result_int(), 403u);
  EXPECT_EQ(Call(http::verb::get, std::string("/v1/employees/") + kG, token).result_int(), 200u);
}

TEST_F(GatewayHttpTest, UnknownPathsAndWrongMethods) {
  EXPECT_EQ(Call(http::verb::get, "/v1/nothing-here", server_->admin_token()).result_int(), 404u);
  auto wrong = Call(http::verb::delete_, "/v1/opds", server_->admin_token());
  EXPECT_EQ(wrong.result_int(), 405u);
  EXPECT_THAT(std::string(wrong["allow"]), HasSubstr("GET"));
}

TEST_F(GatewayHttpTest, TheBrowsersSessionLivesInCookiesAndWritesNeedTheCsrfToken) {
  auto login = gateway_->Call(http::verb::post, "/auth/login", {},
                              absl::StrCat(R"({"nip":")", kAdminNip, R"(","password":")",
                                           kAdminPassword, R"("})"));
  ASSERT_EQ(login.result_int(), 200u) << login.body();
  EXPECT_THAT(login.body(), HasSubstr("\"account\""));
  EXPECT_THAT(login.body(), ::testing::Not(HasSubstr("kns_")));  // the token stays in the cookie
  EXPECT_THAT(std::string(login[http::field::set_cookie]), HasSubstr("HttpOnly"));
  auto cookies = SetCookies(login);
  const std::string session = cookies["kinerja_session"];
  const std::string csrf = cookies["kinerja_csrf"];
  ASSERT_FALSE(session.empty());
  ASSERT_EQ(csrf, gateway::CsrfTokenFor(session));
  const std::string cookie = absl::StrCat("kinerja_session=", session, "; kinerja_csrf=", csrf);

  auto me = gateway_->Call(http::verb::get, "/v1/me", {{"cookie", cookie}});
  ASSERT_EQ(me.result_int(), 200u) << me.body();
  EXPECT_THAT(me.body(), HasSubstr(kAdminNip));

  const std::string opd = R"({"code":"BAPENDA","displayName":"Badan Pendapatan Daerah","kind":"BADAN"})";
  auto forged = gateway_->Call(http::verb::post, "/v1/opds", {{"cookie", cookie}}, opd);
  EXPECT_EQ(forged.result_int(), 403u) << forged.body();
  EXPECT_THAT(forged.body(), HasSubstr("CSRF"));
  auto other_site = gateway_->Call(http::verb::post, "/v1/opds",
                                   {{"cookie", cookie}, {"x-csrf-token", csrf},
                                    {"origin", "https://evil.example"}}, opd);
  EXPECT_EQ(other_site.result_int(), 403u);
  auto created = gateway_->Call(http::verb::post, "/v1/opds",
                                {{"cookie", cookie}, {"x-csrf-token", csrf},
                                 {"origin", "http://localhost"}}, opd);
  EXPECT_EQ(created.result_int(), 200u) << created.body();

  EXPECT_EQ(gateway_->Call(http::verb::post, "/auth/logout", {{"cookie", cookie}}).result_int(), 403u);
  auto logout = gateway_->Call(http::verb::post, "/auth/logout", {{"cookie", cookie}, {"x-csrf-token", csrf}});
  ASSERT_EQ(logout.result_int(), 200u) << logout.body();
  EXPECT_EQ(SetCookies(logout)["kinerja_session"], "");
  EXPECT_EQ(gateway_->Call(http::verb::get, "/v1/me", {{"cookie", cookie}}).result_int(), 401u);
}

TEST_F(GatewayHttpTest, AWrongPasswordIsUnauthenticatedAndSetsNoCookie) {
  auto login = gateway_->Call(http::verb::post, "/auth/login", {},
                              absl::StrCat(R"({"nip":")", kAdminNip, R"(","password":"not-it-at-all"})"));
  EXPECT_EQ(login.result_int(), 401u) << login.body();
  EXPECT_THAT(login.body(), HasSubstr("\"code\":16"));
  EXPECT_TRUE(SetCookies(login).empty());
  EXPECT_EQ(gateway_->Call(http::verb::post, "/auth/login", {}, R"({"nip":1,"colour":"red"})").result_int(),
            400u);
  EXPECT_EQ(gateway_->Call(http::verb::get, "/auth/login", {}).result_int(), 405u);
  EXPECT_EQ(gateway_->Call(http::verb::post, "/auth/login", {{"origin", "https://evil.example"}},
                           absl::StrCat(R"({"nip":")", kAdminNip, R"(","password":")", kAdminPassword,
                                        R"("})")).result_int(),
            403u);
}

// A server-streaming RPC through the gateway: one JSON object per line, read as the client reads.
TEST_F(GatewayHttpTest, StreamsAnExportAsNewlineDelimitedJson) {
  auto res = Call(http::verb::get, "/v1/employees:export?opd=DISKOMINFO", server_->admin_token());
  ASSERT_EQ(res.result_int(), 200u) << res.body();
  EXPECT_EQ(res[http::field::content_type], "application/x-ndjson");
  std::vector<std::string> lines = absl::StrSplit(res.body(), '\n', absl::SkipEmpty());
  std::vector<std::string> nips;
  for (const auto& line : lines) {
    ASSERT_EQ(line.front(), '{') << line;
    const size_t at = line.find("\"nip\":\"");
    ASSERT_NE(at, std::string::npos) << line;
    nips.push_back(line.substr(at + 7, 18));
  }
  // Every DISKOMINFO employee of the fixture, in NIP order.
  EXPECT_THAT(nips, ::testing::ElementsAre(kA, kB, kC, kD, kE, kH));
  EXPECT_THAT(res.body(), ::testing::Not(HasSubstr("\"error\"")));
}

// One line, parked while the HTTP header is written, and then the end of the call: the path where
// the stream's end can race the client's next read. Repeated, and an empty stream too.
TEST_F(GatewayHttpTest, ShortStreamsEndCleanlyEveryTime) {
  for (int i = 0; i < 25; ++i) {
    auto one = Call(http::verb::get, "/v1/employees:export?opd=DINKES&positionKind=JPT",
                    server_->admin_token());
    ASSERT_EQ(one.result_int(), 200u) << one.body();
    std::vector<std::string> lines = absl::StrSplit(one.body(), '\n', absl::SkipEmpty());
    ASSERT_EQ(lines.size(), 1u) << one.body();
    EXPECT_THAT(lines[0], HasSubstr(kF));
  }
  auto none = Call(http::verb::get, "/v1/employees:export?opd=DINKES&positionKind=PENGAWAS",
                   server_->admin_token());
  EXPECT_EQ(none.result_int(), 200u) << none.body();
  EXPECT_EQ(none.body(), "");
}

TEST_F(GatewayHttpTest, AStreamRefusedBeforeItsFirstMessageGetsItsOwnStatus) {
  const std::string token = server_->SignIn(kG);  // a DINKES employee without a role
  auto denied = Call(http::verb::get, "/v1/employees:export?opd=DISKOMINFO", token);
  EXPECT_EQ(denied.result_int(), 403u) << denied.body();
  EXPECT_THAT(denied.body(), HasSubstr("\"code\":7"));
  auto unknown = Call(http::verb::get, "/v1/employees:export?opd=NOSUCHOPD", server_->admin_token());
  EXPECT_EQ(unknown.result_int(), 404u) << unknown.body();
}


// The gateway reaches the servers over TLS and refuses a server whose certificate does not chain to
// its CA bundle. (A client certificate, --server_cert_file, would identify the gateway itself as a
// system account wherever a call carries no token: see docs/security.md.)
class GatewayTlsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = absl::StrCat(::testing::TempDir(), "kinerja-gwtls-", getpid());
    ASSERT_EQ(std::system(absl::StrCat("bash ", KINERJA_SOURCE_DIR, "/tests/integration/tls_certs.sh ",
                                       dir_, " >/dev/null").c_str()),
              0);
    ServerOptions options;
    options.tls.cert_file = dir_ + "/server.pem";
    options.tls.key_file = dir_ + "/server.key";
    options.tls.client_ca_file = dir_ + "/ca.pem";
    auto client = core::MakeChannelCredentials({dir_ + "/ca.pem", "", ""}, "server_");
    ASSERT_TRUE(client.ok()) << client.status();
    auto server = TestServer::Start(options, *client);
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = std::move(*server);
  }
  void TearDown() override {
    server_.reset();
    std::system(absl::StrCat("rm -rf ", dir_).c_str());
  }
  std::string Target() { return absl::StrCat("127.0.0.1:", server_->app().grpc_port()); }

  std::string dir_;
  std::unique_ptr<TestServer> server_;
};

TEST_F(GatewayTlsTest, CallsTheServerOverTls) {
  auto creds = core::MakeChannelCredentials({dir_ + "/ca.pem", "", ""}, "server_");
  ASSERT_TRUE(creds.ok());
  auto gw = Gateway::Start(Target(), *creds, "localhost");
  ASSERT_NE(gw, nullptr);
  auto res = gw->Call(http::verb::get, "/v1/me", {{"authorization", "Bearer " + server_->admin_token()}});
  EXPECT_EQ(res.result_int(), 200u) << res.body();
  EXPECT_THAT(res.body(), HasSubstr(kAdminNip));
}

TEST_F(GatewayTlsTest, AServerCertificateFromAnotherCaIsRefused) {
  auto creds = core::MakeChannelCredentials({dir_ + "/rogue-ca.pem", "", ""}, "server_");
  ASSERT_TRUE(creds.ok());
  auto gw = Gateway::Start(Target(), *creds, "localhost");
  ASSERT_NE(gw, nullptr);
  auto res = gw->Call(http::verb::get, "/v1/me", {{"authorization", "Bearer " + server_->admin_token()}});
  EXPECT_EQ(res.result_int(), 503u) << res.body();
}

TEST(GatewayTlsOptionsTest, ClientCredentialFlagsAreChecked) {
  EXPECT_TRUE(core::MakeChannelCredentials({}, "server_").ok());
  auto no_ca = core::MakeChannelCredentials({"", "c.pem", "c.key"}, "server_");
  EXPECT_THAT(std::string(no_ca.status().message()), HasSubstr("server_ca_file"));
  auto missing = core::MakeChannelCredentials({"/nonexistent/ca.pem", "", ""}, "server_");
  EXPECT_THAT(std::string(missing.status().message()), HasSubstr("/nonexistent/ca.pem"));
}

}  // namespace
}  // namespace kinerja::testing
