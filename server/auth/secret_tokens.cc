#include "server/auth/secret_tokens.h"

#include <sodium.h>

#include <cstdio>
#include <cstdlib>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace kinerja::auth {
namespace {

constexpr absl::string_view kSessionPrefix = "kns_";
constexpr absl::string_view kApiKeyPrefix = "knk_";
constexpr size_t kSecretBytes = 32;
constexpr size_t kSecretChars = 43;  // base64url without padding of 32 bytes
constexpr size_t kKeyIdBytes = 8;
constexpr size_t kKeyIdChars = 2 * kKeyIdBytes;
constexpr size_t kApiKeyChars = kApiKeyPrefix.size() + kKeyIdChars + 1 + kSecretChars;
constexpr int kBase64Variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;

static_assert(sodium_base64_ENCODED_LEN(kSecretBytes, kBase64Variant) == kSecretChars + 1,
              "32 bytes must encode to 43 base64url characters");

// Randomness is not optional here: a server that cannot get it must not hand out credentials.
void RequireSodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) {
    std::fputs("kinerja: libsodium could not be initialised; refusing to issue credentials\n",
               stderr);
    std::abort();
  }
}

std::string RandomBase64Url32() {
  unsigned char bytes[kSecretBytes];
  randombytes_buf(bytes, sizeof bytes);
  char out[kSecretChars + 1];
  sodium_bin2base64(out, sizeof out, bytes, sizeof bytes, kBase64Variant);
  sodium_memzero(bytes, sizeof bytes);
  return std::string(out, kSecretChars);
}

bool IsBase64UrlChar(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
}

bool IsLowerHexChar(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

// 43 base64url characters that decode to exactly 32 bytes with no stray bits in the last character,
// i.e. the one spelling of those bytes that sodium_bin2base64 produces.
bool IsCanonicalSecret(absl::string_view s) {
  if (s.size() != kSecretChars) return false;
  for (char c : s) {
    if (!IsBase64UrlChar(c)) return false;
  }
  unsigned char bytes[kSecretBytes];
  size_t len = 0;
  const int rc = sodium_base642bin(bytes, sizeof bytes, s.data(), s.size(), /*ignore=*/nullptr,
                                   &len, /*b64_end=*/nullptr, kBase64Variant);
  sodium_memzero(bytes, sizeof bytes);
  return rc == 0 && len == kSecretBytes;
}

}  // namespace

std::string NewSessionToken() {
  RequireSodium();
  return absl::StrCat(kSessionPrefix, RandomBase64Url32());
}

bool LooksLikeSessionToken(absl::string_view text) {
  if (!absl::StartsWith(text, kSessionPrefix)) return false;
  RequireSodium();
  return IsCanonicalSecret(text.substr(kSessionPrefix.size()));
}

ApiKey NewApiKey() {
  RequireSodium();
  unsigned char id[kKeyIdBytes];
  randombytes_buf(id, sizeof id);
  char hex[kKeyIdChars + 1];
  sodium_bin2hex(hex, sizeof hex, id, sizeof id);  // lowercase
  ApiKey key;
  key.key_id.assign(hex, kKeyIdChars);
  key.secret = RandomBase64Url32();
  key.full = absl::StrCat(kApiKeyPrefix, key.key_id, "_", key.secret);
  return key;
}

absl::StatusOr<std::pair<std::string, std::string>> ParseApiKey(absl::string_view full) {
  if (full.size() != kApiKeyChars) {
    return absl::InvalidArgumentError(absl::StrCat("API key must be ", kApiKeyChars,
                                                   " characters long; got ", full.size()));
  }
  if (!absl::StartsWith(full, kApiKeyPrefix)) {
    return absl::InvalidArgumentError("API key must start with \"knk_\"");
  }
  const absl::string_view key_id = full.substr(kApiKeyPrefix.size(), kKeyIdChars);
  for (char c : key_id) {
    if (!IsLowerHexChar(c)) {
      return absl::InvalidArgumentError(
          "API key id (characters 5-20) must be 16 lowercase hexadecimal digits");
    }
  }
  if (full[kApiKeyPrefix.size() + kKeyIdChars] != '_') {
    return absl::InvalidArgumentError("API key must have '_' between the key id and the secret");
  }
  const absl::string_view secret = full.substr(kApiKeyPrefix.size() + kKeyIdChars + 1);
  RequireSodium();
  if (!IsCanonicalSecret(secret)) {
    return absl::InvalidArgumentError(
        "API key secret (characters 22-64) must be 43 base64url characters encoding 32 bytes");
  }
  return std::make_pair(std::string(key_id), std::string(secret));
}

std::string Sha256Hex(absl::string_view data) {
  RequireSodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  char hex[2 * crypto_hash_sha256_BYTES + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string(hex, 2 * crypto_hash_sha256_BYTES);
}

bool ConstantTimeEquals(absl::string_view a, absl::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  RequireSodium();
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace kinerja::auth
