// The browser session's cookies and CSRF rule, and which credentials the gateway passes on.
#include "gateway/server/web_session.h"

#include "absl/strings/match.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace kinerja::gateway {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::Pair;

constexpr char kToken[] = "kns_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

HttpRequest Request(std::string method, std::multimap<std::string, std::string> headers) {
  HttpRequest r;
  r.method = std::move(method);
  r.target = "/v1/me";
  r.headers = std::move(headers);
  return r;
}

std::string SessionCookieHeader() { return std::string("theme=dark; kinerja_session=") + kToken; }

TEST(WebSessionTest, FindsACookieAmongOthersAndAcrossHeaders) {
  auto r = Request("GET", {{"cookie", "a=1; b=\"two\""}, {"cookie", "kinerja_session=xyz"}});
  EXPECT_EQ(CookieValue(r, "a"), "1");
  EXPECT_EQ(CookieValue(r, "b"), "two");
  EXPECT_EQ(CookieValue(r, "kinerja_session"), "xyz");
  EXPECT_EQ(CookieValue(r, "kinerja"), "");
  EXPECT_EQ(CookieValue(Request("GET", {}), "a"), "");
}

TEST(WebSessionTest, CsrfTokenIsBoundToTheSessionAndNotTheTokenItself) {
  const std::string csrf = CsrfTokenFor(kToken);
  EXPECT_EQ(csrf.size(), 64u);
  EXPECT_EQ(csrf, CsrfTokenFor(kToken));
  EXPECT_NE(csrf, CsrfTokenFor("kns_other"));
  EXPECT_THAT(csrf, Not(HasSubstr("AAAA")));
}

TEST(WebSessionTest, SessionCookieIsHttpOnlyStrictAndSecureUnderTls) {
  const absl::Time now = absl::Now();
  auto cookies = SessionCookies(kToken, now + absl::Hours(12), now, /*secure=*/false);
  ASSERT_EQ(cookies.size(), 2u);
  EXPECT_THAT(cookies[0], HasSubstr(std::string("kinerja_session=") + kToken));
  EXPECT_THAT(cookies[0], HasSubstr("HttpOnly"));
  EXPECT_THAT(cookies[0], HasSubstr("SameSite=Strict"));
  EXPECT_THAT(cookies[0], HasSubstr("Max-Age=43200"));
  EXPECT_THAT(cookies[0], HasSubstr("Path=/"));
  EXPECT_THAT(cookies[0], Not(HasSubstr("Secure")));
  EXPECT_THAT(cookies[1], HasSubstr("kinerja_csrf=" + CsrfTokenFor(kToken)));
  EXPECT_THAT(cookies[1], HasSubstr("SameSite=Strict"));
  EXPECT_THAT(cookies[1], Not(HasSubstr("HttpOnly")));  // the console's script reads it
  for (const auto& c : SessionCookies(kToken, now + absl::Hours(1), now, /*secure=*/true)) {
    EXPECT_THAT(c, HasSubstr("; Secure"));
  }
  for (const auto& c : ClearedCookies(true)) {
    EXPECT_THAT(c, HasSubstr("Max-Age=0"));
    EXPECT_THAT(c, HasSubstr("; Secure"));
  }
}

TEST(WebSessionTest, BearerTokenAndApiKeyPassOnWithoutCsrf) {
  auto m = CallerMetadata(Request("POST", {{"authorization", "Bearer abc"}, {"x-request-id", "r1"}}));
  ASSERT_TRUE(m.ok());
  EXPECT_THAT(*m, ElementsAre(Pair("authorization", "Bearer abc"), Pair("x-request-id", "r1")));
  m = CallerMetadata(Request("DELETE", {{"x-api-key", "knk_x"}}));
  ASSERT_TRUE(m.ok());
  EXPECT_THAT(*m, ElementsAre(Pair("x-api-key", "knk_x")));
  // An explicit credential wins over a cookie the browser also sent.
  m = CallerMetadata(Request("POST", {{"authorization", "Bearer abc"}, {"cookie", SessionCookieHeader()}}));
  ASSERT_TRUE(m.ok());
  EXPECT_THAT(*m, ElementsAre(Pair("authorization", "Bearer abc")));
}

TEST(WebSessionTest, CookieSessionReadsWithoutCsrf) {
  auto m = CallerMetadata(Request("GET", {{"cookie", SessionCookieHeader()}}));
  ASSERT_TRUE(m.ok());
  EXPECT_THAT(*m, ElementsAre(Pair("authorization", std::string("Bearer ") + kToken)));
}

TEST(WebSessionTest, CookieSessionWritesNeedTheMatchingCsrfToken) {
  auto missing = CallerMetadata(Request("POST", {{"cookie", SessionCookieHeader()}}));
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kPermissionDenied);
  auto wrong = CallerMetadata(
      Request("PATCH", {{"cookie", SessionCookieHeader()}, {"x-csrf-token", CsrfTokenFor("kns_x")}}));
  EXPECT_EQ(wrong.status().code(), absl::StatusCode::kPermissionDenied);
  auto right = CallerMetadata(Request(
      "POST", {{"cookie", SessionCookieHeader()}, {"x-csrf-token", CsrfTokenFor(kToken)}}));
  ASSERT_TRUE(right.ok()) << right.status();
  EXPECT_THAT(*right, ElementsAre(Pair("authorization", std::string("Bearer ") + kToken)));
}

TEST(WebSessionTest, CookieSessionWritesFromAnotherOriginAreRefused) {
  auto headers = std::multimap<std::string, std::string>{{"cookie", SessionCookieHeader()},
                                                         {"x-csrf-token", CsrfTokenFor(kToken)},
                                                         {"host", "kinerja.semarangkota.go.id"}};
  headers.emplace("origin", "https://evil.example");
  EXPECT_EQ(CallerMetadata(Request("POST", headers)).status().code(),
            absl::StatusCode::kPermissionDenied);
  headers.erase("origin");
  headers.emplace("origin", "https://kinerja.semarangkota.go.id");
  EXPECT_TRUE(CallerMetadata(Request("POST", headers)).ok());
}

TEST(WebSessionTest, NoCredentialsIsLeftToTheServer) {
  auto m = CallerMetadata(Request("POST", {}));
  ASSERT_TRUE(m.ok());
  EXPECT_TRUE(m->empty());
}

}  // namespace
}  // namespace kinerja::gateway
