#include "server/auth/password_hasher.h"

#include <sodium.h>

#include <cstring>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace kinerja::auth {
namespace {

static_assert(HashCost{}.opslimit == crypto_pwhash_OPSLIMIT_INTERACTIVE,
              "HashCost default opslimit must be crypto_pwhash_OPSLIMIT_INTERACTIVE");
static_assert(HashCost{}.memlimit == crypto_pwhash_MEMLIMIT_INTERACTIVE,
              "HashCost default memlimit must be crypto_pwhash_MEMLIMIT_INTERACTIVE");
static_assert(crypto_pwhash_ALG_DEFAULT == crypto_pwhash_ALG_ARGON2ID13,
              "the crypto_pwhash_* limits used here must be Argon2id's");

constexpr absl::string_view kArgon2idPrefix = crypto_pwhash_argon2id_STRPREFIX;  // "$argon2id$"

// sodium_init() is itself safe to call from several threads; the static saves repeating it.
bool SodiumReady() {
  static const bool ready = sodium_init() >= 0;
  return ready;
}

// Copies a stored hash into the NUL-terminated buffer libsodium wants. False if it cannot fit or
// contains a NUL byte (which would silently truncate it).
bool CopyStoredHash(absl::string_view stored_hash, char (&buf)[crypto_pwhash_STRBYTES]) {
  if (stored_hash.empty() || stored_hash.size() >= sizeof buf) return false;
  if (stored_hash.find('\0') != absl::string_view::npos) return false;
  std::memcpy(buf, stored_hash.data(), stored_hash.size());
  buf[stored_hash.size()] = '\0';
  return true;
}

// The hash BurnVerifyTime verifies against: a random password at the default cost. Empty if hashing
// failed (then BurnVerifyTime cannot burn anything).
std::string MakeDummyHash() {
  unsigned char secret[32];
  randombytes_buf(secret, sizeof secret);
  absl::StatusOr<std::string> hash =
      HashPassword(absl::string_view(reinterpret_cast<const char*>(secret), sizeof secret));
  sodium_memzero(secret, sizeof secret);
  return hash.ok() ? *std::move(hash) : std::string();
}

}  // namespace

HashCost HashCost::ForTests() {
  HashCost cost;
  cost.opslimit = crypto_pwhash_OPSLIMIT_MIN;
  cost.memlimit = crypto_pwhash_MEMLIMIT_MIN;
  return cost;
}

absl::StatusOr<std::string> HashPassword(absl::string_view password) {
  return HashPassword(password, HashCost{});
}

absl::StatusOr<std::string> HashPassword(absl::string_view password, const HashCost& cost) {
  if (!SodiumReady()) return absl::InternalError("libsodium could not be initialised");
  if (cost.opslimit < crypto_pwhash_OPSLIMIT_MIN || cost.opslimit > crypto_pwhash_OPSLIMIT_MAX ||
      cost.memlimit < crypto_pwhash_MEMLIMIT_MIN || cost.memlimit > crypto_pwhash_MEMLIMIT_MAX) {
    return absl::InvalidArgumentError(absl::StrCat(
        "Argon2id cost out of range: opslimit ", cost.opslimit, " (allowed ",
        crypto_pwhash_OPSLIMIT_MIN, "..", crypto_pwhash_OPSLIMIT_MAX, "), memlimit ", cost.memlimit,
        " bytes (allowed ", crypto_pwhash_MEMLIMIT_MIN, "..", crypto_pwhash_MEMLIMIT_MAX, ")"));
  }
  if (password.size() > crypto_pwhash_PASSWD_MAX) {
    return absl::InvalidArgumentError("password too long to hash");
  }
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), cost.opslimit, cost.memlimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return absl::ResourceExhaustedError(absl::StrCat(
        "Argon2id hashing failed; most likely the ", cost.memlimit,
        " bytes its cost needs could not be allocated"));
  }
  return std::string(out);
}

bool VerifyPassword(absl::string_view password, absl::string_view stored_hash) {
  if (!SodiumReady()) return false;
  char buf[crypto_pwhash_STRBYTES];
  if (!CopyStoredHash(stored_hash, buf)) return false;
  return crypto_pwhash_str_verify(buf, password.data(), password.size()) == 0;
}

bool NeedsRehash(absl::string_view stored_hash, const HashCost& cost) {
  if (!SodiumReady()) return true;
  // crypto_pwhash_str_needs_rehash also accepts Argon2i strings at the same cost; we want Argon2id.
  if (!absl::StartsWith(stored_hash, kArgon2idPrefix)) return true;
  char buf[crypto_pwhash_STRBYTES];
  if (!CopyStoredHash(stored_hash, buf)) return true;
  return crypto_pwhash_str_needs_rehash(buf, cost.opslimit, cost.memlimit) != 0;
}

void BurnVerifyTime(absl::string_view password) {
  if (!SodiumReady()) return;
  static const std::string* const dummy = new std::string(MakeDummyHash());
  if (dummy->empty()) return;
  // The result is deliberately ignored: the dummy password is random and never known.
  (void)VerifyPassword(password, *dummy);
}

}  // namespace kinerja::auth
