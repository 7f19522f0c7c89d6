// HTTP/JSON through the gateway, the server and MariaDB: the transcoder's routes, the caller's token
// passed on, errors as google.rpc.Status JSON with their details, and HTTP status codes.
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "absl/strings/str_cat.h"
#include "gateway/server/api_handler.h"
#include "gateway/server/http_server.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/integration/org_fixture.h"

namespace kinerja::testing {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using ::testing::HasSubstr;

class GatewayHttpTest : public OrgServerTest {
 protected:
  void SetUp() override {
    OrgServerTest::SetUp();
    if (HasFatalFailure()) return;
    auto routes = transcoder::RouteTable::FromGeneratedPool();
    ASSERT_TRUE(routes.ok()) << routes.status();
    routes_ = std::make_unique<transcoder::RouteTable>(std::move(*routes));
    auto backend = gateway::GrpcBackend::Create(
        absl::StrCat("127.0.0.1:", server_->app().grpc_port()), grpc::InsecureChannelCredentials());
    ASSERT_TRUE(backend.ok());
    backend_ = std::move(*backend);
    api_ = std::make_unique<gateway::ApiHandler>(*routes_, *backend_, absl::Seconds(10));
    gateway::HttpServerOptions options;
    options.port = 0;
    http_ = std::make_unique<gateway::HttpServer>(
        options, [this](gateway::HttpRequest r, std::function<void(gateway::HttpResponse)> done) {
          api_->Handle(std::move(r), std::move(done));
        });
    ASSERT_TRUE(http_->Start().ok());
  }
  void TearDown() override {
    if (http_) http_->Shutdown(absl::Seconds(5));
  }

  http::response<http::string_body> Call(http::verb verb, const std::string& target,
                                         const std::string& token, const std::string& body = "") {
    asio::io_context io;
    beast::tcp_stream stream(io);
    stream.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), http_->port()));
    http::request<http::string_body> req{verb, target, 11};
    req.set(http::field::host, "localhost");
    if (!token.empty()) req.set(http::field::authorization, "Bearer " + token);
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

  std::unique_ptr<transcoder::RouteTable> routes_;
  std::unique_ptr<gateway::GrpcBackend> backend_;
  std::unique_ptr<gateway::ApiHandler> api_;
  std::unique_ptr<gateway::HttpServer> http_;
};

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

}  // namespace
}  // namespace kinerja::testing
