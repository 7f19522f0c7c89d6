// Bearer secrets: session tokens for people and API keys for other city systems (DOMAIN.md 9.1).
//
// Formats (base64url is RFC 4648 section 5, alphabet A-Z a-z 0-9 - _, without '=' padding):
//   session token  "kns_" + base64url(32 random bytes)                 4 + 43 = 47 characters
//   API key        "knk_" + key_id + "_" + secret                      4 + 16 + 1 + 43 = 64
//                  key_id = lowercase hex of 8 random bytes (16 characters): the public lookup key
//                  secret = base64url(32 random bytes) (43 characters)
// The prefixes let secret scanners and people recognise a leaked credential. The secret may itself
// contain '_', so an API key is split by position, never by searching for '_'.
//
// Only Sha256Hex of a session token, and of an API key's secret, is ever stored; the plain value
// is shown once, to its owner. With 256 random bits a salted or slow hash is unnecessary.
//
// All functions are thread-safe. libsodium is initialised on first use; if it cannot be (no
// system random source) the process aborts rather than hand out a guessable credential.
#ifndef KINERJA_SERVER_AUTH_SECRET_TOKENS_H_
#define KINERJA_SERVER_AUTH_SECRET_TOKENS_H_

#include <string>
#include <utility>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace kinerja::auth {

// A new session token: "kns_" followed by 43 base64url characters (32 bytes from randombytes_buf).
std::string NewSessionToken();

// True when `text` has the exact shape NewSessionToken produces: the "kns_" prefix and 43 base64url
// characters that canonically encode 32 bytes. Says nothing about whether the session exists.
bool LooksLikeSessionToken(absl::string_view text);

struct ApiKey {
  std::string key_id;  // 16 lowercase hex characters; stored in the clear to find the key
  std::string secret;  // 43 base64url characters; store only Sha256Hex(secret)
  std::string full;    // "knk_" + key_id + "_" + secret: what the client system is given, once
};

// A new API key with a random key_id and secret.
ApiKey NewApiKey();

// Splits a full API key into {key_id, secret}. INVALID_ARGUMENT on anything NewApiKey could not
// have produced: wrong length, wrong "knk_" prefix, a key_id that is not 16 lowercase hex digits,
// no '_' after the key_id, or a secret that is not 43 base64url characters canonically encoding 32
// bytes. Error messages never contain any part of `full`, so they are safe to log.
absl::StatusOr<std::pair<std::string, std::string>> ParseApiKey(absl::string_view full);

// Lower-case hex (64 characters) of the SHA-256 of `data` (libsodium crypto_hash_sha256).
std::string Sha256Hex(absl::string_view data);

// True when `a` and `b` are byte-for-byte equal, comparing in time that depends only on the length
// (sodium_memcmp). Strings of different lengths are unequal at once, so the length is not secret:
// compare fixed-length values such as two Sha256Hex results.
bool ConstantTimeEquals(absl::string_view a, absl::string_view b);

}  // namespace kinerja::auth

#endif  // KINERJA_SERVER_AUTH_SECRET_TOKENS_H_
