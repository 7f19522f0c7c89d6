#include "gateway/server/web_session.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "server/auth/secret_tokens.h"

namespace kinerja::gateway {
namespace {

std::string CookieAttributes(bool secure) {
  return absl::StrCat("; Path=/; SameSite=Strict", secure ? "; Secure" : "");
}

// The host[:port] of an Origin header value ("https://kinerja.semarangkota.go.id"), or "".
absl::string_view OriginHost(absl::string_view origin) {
  const size_t scheme = origin.find("://");
  if (scheme == absl::string_view::npos) return "";
  origin.remove_prefix(scheme + 3);
  return origin.substr(0, origin.find('/'));
}

}  // namespace

std::string CookieValue(const HttpRequest& request, absl::string_view name) {
  auto range = request.headers.equal_range("cookie");
  for (auto it = range.first; it != range.second; ++it) {
    for (absl::string_view pair : absl::StrSplit(it->second, ';')) {
      pair = absl::StripAsciiWhitespace(pair);
      const size_t eq = pair.find('=');
      if (eq == absl::string_view::npos || pair.substr(0, eq) != name) continue;
      absl::string_view value = pair.substr(eq + 1);
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
        value = value.substr(1, value.size() - 2);
      }
      return std::string(value);
    }
  }
  return "";
}

std::string CsrfTokenFor(absl::string_view session_token) {
  return auth::Sha256Hex(absl::StrCat("kinerja-csrf-v1:", session_token));
}

bool IsSafeMethod(absl::string_view method) {
  return method == "GET" || method == "HEAD" || method == "OPTIONS";
}

bool FromThisOrigin(const HttpRequest& request) {
  const std::string origin = request.Header("origin");
  return origin.empty() || absl::EqualsIgnoreCase(OriginHost(origin), request.Header("host"));
}

std::vector<std::string> SessionCookies(absl::string_view session_token, absl::Time expire,
                                        absl::Time now, bool secure) {
  const int64_t max_age = std::max<int64_t>(0, absl::ToInt64Seconds(expire - now));
  const std::string attributes = absl::StrCat("; Max-Age=", max_age, CookieAttributes(secure));
  return {absl::StrCat(kSessionCookie, "=", session_token, attributes, "; HttpOnly"),
          absl::StrCat(kCsrfCookie, "=", CsrfTokenFor(session_token), attributes)};
}

std::vector<std::string> ClearedCookies(bool secure) {
  const std::string attributes = absl::StrCat("; Max-Age=0", CookieAttributes(secure));
  return {absl::StrCat(kSessionCookie, "=", attributes, "; HttpOnly"),
          absl::StrCat(kCsrfCookie, "=", attributes)};
}

absl::StatusOr<Metadata> CallerMetadata(const HttpRequest& request) {
  Metadata metadata;
  const std::string authorization = request.Header("authorization");
  const std::string api_key = request.Header("x-api-key");
  if (!authorization.empty()) metadata.emplace_back("authorization", authorization);
  if (!api_key.empty()) metadata.emplace_back("x-api-key", api_key);
  if (authorization.empty() && api_key.empty()) {
    const std::string session = CookieValue(request, kSessionCookie);
    if (!session.empty()) {
      if (!IsSafeMethod(request.method)) {
        const std::string sent = request.Header(kCsrfHeader);
        if (sent.empty() || !auth::ConstantTimeEquals(sent, CsrfTokenFor(session))) {
          return absl::PermissionDeniedError(
              "missing or invalid CSRF token: send the kinerja_csrf cookie's value in X-CSRF-Token");
        }
        if (!FromThisOrigin(request)) return absl::PermissionDeniedError("cross-origin request refused");
      }
      metadata.emplace_back("authorization", absl::StrCat("Bearer ", session));
    }
  }
  const std::string request_id = request.Header("x-request-id");
  if (!request_id.empty()) metadata.emplace_back("x-request-id", request_id);
  return metadata;
}

}  // namespace kinerja::gateway
