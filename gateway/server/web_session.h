// How a browser's session travels: the session token in an HttpOnly, SameSite=Strict cookie that
// scripts cannot read, and a CSRF token derived from it in a second cookie that the console's script
// reads and echoes in the X-CSRF-Token header of every state-changing request (signed double submit:
// another site can neither read the cookie nor compute the token). Programs send
// "Authorization: Bearer <token>" or "x-api-key" instead, and need no CSRF token. In every case the
// gateway only passes the credentials on; the server decides.
#ifndef KINERJA_GATEWAY_SERVER_WEB_SESSION_H_
#define KINERJA_GATEWAY_SERVER_WEB_SESSION_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "gateway/server/http_server.h"

namespace kinerja::gateway {

inline constexpr char kSessionCookie[] = "kinerja_session";
inline constexpr char kCsrfCookie[] = "kinerja_csrf";
inline constexpr char kCsrfHeader[] = "x-csrf-token";

using Metadata = std::vector<std::pair<std::string, std::string>>;

// The value of cookie `name` among the request's Cookie headers, or "".
std::string CookieValue(const HttpRequest& request, absl::string_view name);

// The CSRF token that belongs to a session token: lower-case hex SHA-256 of a fixed label and the
// token. Unguessable without the token, which scripts never see.
std::string CsrfTokenFor(absl::string_view session_token);

// GET, HEAD and OPTIONS change nothing; every other method needs the CSRF token when the session
// comes from the cookie.
bool IsSafeMethod(absl::string_view method);

// False when the request carries an Origin header naming another host than its Host header (a page
// of another site sent it); true otherwise.
bool FromThisOrigin(const HttpRequest& request);

// Set-Cookie values for a new session that ends at `expire`: the session cookie (HttpOnly) and the
// CSRF cookie (readable by the console's script), both SameSite=Strict, Path=/, and Secure when the
// request came over TLS.
std::vector<std::string> SessionCookies(absl::string_view session_token, absl::Time expire,
                                        absl::Time now, bool secure);
// Set-Cookie values that remove both cookies.
std::vector<std::string> ClearedCookies(bool secure);

// The gRPC metadata that carries the caller on: "authorization" and "x-api-key" as sent; otherwise
// the session cookie as "authorization: Bearer ...", which for a state-changing method requires
// X-CSRF-Token to match (and an Origin header, when present, to name this host): PERMISSION_DENIED
// if not. "x-request-id" is passed on too. No credentials at all is not an error here: the server
// answers UNAUTHENTICATED where it must.
absl::StatusOr<Metadata> CallerMetadata(const HttpRequest& request);

}  // namespace kinerja::gateway

#endif  // KINERJA_GATEWAY_SERVER_WEB_SESSION_H_
