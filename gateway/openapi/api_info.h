// The parts of the documentation that do not come from the protos: title, version, how to
// authenticate (as OpenAPI security schemes and as prose), and how errors look. Both the OpenAPI
// document and the HTML page are written from one ApiInfo.
#ifndef KINERJA_GATEWAY_OPENAPI_API_INFO_H_
#define KINERJA_GATEWAY_OPENAPI_API_INFO_H_

#include <string>
#include <vector>

#include "gateway/openapi/json_value.h"

namespace kinerja::openapi {

struct AuthScheme {
  std::string key;  // its name under components/securitySchemes
  Json scheme;      // the OpenAPI Security Scheme Object
  std::string how;  // one paragraph for people (Markdown: `code`, **bold**); "" when another says it
};

struct ApiInfo {
  std::string title;
  std::string version;
  std::string overview;  // the first paragraph
  std::vector<AuthScheme> auth;
  // Security requirements (each a list of scheme keys that go together, any one list suffices) of a
  // method that needs credentials: reads (GET, HEAD, OPTIONS) and state-changing requests.
  std::vector<std::vector<std::string>> read_security;
  std::vector<std::vector<std::string>> write_security;
  std::string errors;       // a paragraph on error responses
  std::string openapi_url;  // where the gateway serves the OpenAPI document, for the HTML page
};

// Kinerja's: bearer session token, x-api-key, or the web console's session cookie with its CSRF
// header.
ApiInfo KinerjaApiInfo();

// info.description: the overview, then an "Authentication" section and the errors paragraph.
std::string InfoDescription(const ApiInfo& info);

// True for HTTP methods that change nothing (GET, HEAD, OPTIONS): no CSRF header needed.
bool IsSafeMethod(const std::string& http_method);

}  // namespace kinerja::openapi

#endif  // KINERJA_GATEWAY_OPENAPI_API_INFO_H_
