#include "gateway/openapi/api_info.h"

#include "absl/strings/str_cat.h"

namespace kinerja::openapi {
namespace {

Json Scheme(const char* type, const char* in, const char* name, const char* description) {
  Json s = Json::Object();
  s.Set("type", type);
  if (in != nullptr) {
    s.Set("in", in);
    s.Set("name", name);
  }
  s.Set("description", description);
  return s;
}

}  // namespace

ApiInfo KinerjaApiInfo() {
  ApiInfo info;
  info.title = "Kinerja API";
  info.version = "v1";
  info.overview =
      "HTTP/JSON access to the Kinerja services through the gateway; every method is also a gRPC "
      "method. Bodies and answers are JSON in the proto3 JSON mapping: lowerCamelCase field names, "
      "64-bit integers as strings, enums by name, timestamps in RFC 3339. Query parameters take "
      "the same names, with `.` for nested fields and a repeated parameter for a list.";

  Json bearer = Scheme("http", nullptr, nullptr,
                       "Session token from POST /v1/sessions:login, sent as "
                       "\"Authorization: Bearer <token>\".");
  bearer.Set("scheme", "bearer");
  bearer.Set("bearerFormat", "Kinerja session token");
  info.auth.push_back(
      {"sessionToken", std::move(bearer),
       "**Session token** (people). Sign in with `POST /v1/sessions:login` and the body "
       "`{\"nip\": \"...\", \"password\": \"...\"}`, then send the answer's `sessionToken` on every "
       "request as the header `Authorization: Bearer <token>`. `POST /v1/sessions:logout` ends the "
       "session."});
  info.auth.push_back(
      {"apiKey",
       Scheme("apiKey", "header", "x-api-key",
              "API key of a city system's account, \"knk_<key_id>_<secret>\"."),
       "**API key** (other city systems). Send the key an administrator created with "
       "`POST /v1/apiKeys` as the header `x-api-key: knk_<key_id>_<secret>`."});
  info.auth.push_back(
      {"sessionCookie",
       Scheme("apiKey", "cookie", "kinerja_session",
              "The web console's session cookie. State-changing requests also need csrfToken."),
       "**Session cookie** (the web console). The console's session travels in the cookie "
       "`kinerja_session`. A state-changing request (any method but GET, HEAD and OPTIONS) must also "
       "send the header `X-CSRF-Token` with the value of the cookie `kinerja_csrf`."});
  info.auth.push_back(
      {"csrfToken",
       Scheme("apiKey", "header", "X-CSRF-Token",
              "With sessionCookie, on state-changing requests: the value of the cookie kinerja_csrf."),
       ""});
  info.read_security = {{"sessionToken"}, {"apiKey"}, {"sessionCookie"}};
  info.write_security = {{"sessionToken"}, {"apiKey"}, {"sessionCookie", "csrfToken"}};

  info.errors =
      "**Errors.** The HTTP status follows the gRPC code as grpc-gateway maps them (INVALID_ARGUMENT "
      "400, UNAUTHENTICATED 401, PERMISSION_DENIED 403, NOT_FOUND 404, ...) and the body is a "
      "google.rpc.Status: `{\"code\": 3, \"message\": \"...\", \"details\": [...]}`, where details "
      "may hold a google.rpc.BadRequest listing each field violation.";
  info.openapi_url = "/openapi.json";
  return info;
}

std::string InfoDescription(const ApiInfo& info) {
  std::string out = absl::StrCat(info.overview, "\n\n## Authentication\n\n");
  for (const AuthScheme& scheme : info.auth) {
    if (!scheme.how.empty()) absl::StrAppend(&out, "- ", scheme.how, "\n");
  }
  absl::StrAppend(&out, "\nMethods marked as needing no credentials accept requests without any.\n\n",
                  info.errors);
  return out;
}

bool IsSafeMethod(const std::string& http_method) {
  return http_method == "GET" || http_method == "HEAD" || http_method == "OPTIONS";
}

}  // namespace kinerja::openapi
