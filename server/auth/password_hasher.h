// Password hashing for people's logins (DOMAIN.md 9.1): Argon2id through libsodium.
//
// A stored hash is libsodium's self-describing string, e.g.
//   $argon2id$v=19$m=65536,t=2,p=1$<salt>$<hash>
// It carries the algorithm, the cost and a random salt, so it is the only thing to store per
// account, and it stays verifiable after the default cost is raised (see NeedsRehash).
//
// All functions are thread-safe. libsodium is initialised on first use.
#ifndef KINERJA_SERVER_AUTH_PASSWORD_HASHER_H_
#define KINERJA_SERVER_AUTH_PASSWORD_HASHER_H_

#include <cstddef>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace kinerja::auth {

// Argon2id work factors. The defaults are libsodium's crypto_pwhash_OPSLIMIT_INTERACTIVE (2
// passes) and crypto_pwhash_MEMLIMIT_INTERACTIVE (64 MiB); password_hasher.cc checks at compile
// time that they still equal those constants. Each hash or verification at this cost holds 64 MiB
// while it runs.
struct HashCost {
  unsigned long long opslimit = 2;  // crypto_pwhash_OPSLIMIT_INTERACTIVE
  size_t memlimit = 64u << 20;      // crypto_pwhash_MEMLIMIT_INTERACTIVE, bytes

  // The cheapest cost libsodium accepts (crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN).
  // For tests only: a hash made at this cost protects nothing.
  static HashCost ForTests();
};

// Hashes `password` (any bytes; check the password rules first) with Argon2id at the default cost
// and a fresh random salt, so two calls with the same password give different strings.
// Errors: INVALID_ARGUMENT if the cost is outside libsodium's limits; RESOURCE_EXHAUSTED if the
// memory the cost needs cannot be allocated; INTERNAL if libsodium cannot be initialised.
absl::StatusOr<std::string> HashPassword(absl::string_view password);
// The same at an explicit cost.
absl::StatusOr<std::string> HashPassword(absl::string_view password, const HashCost& cost);

// True when `password` matches `stored_hash` (a string made by HashPassword, at whatever cost).
// False on a wrong password and on any unusable stored hash: empty, containing a NUL byte, longer
// than crypto_pwhash_STRBYTES - 1 (127) characters, or not an Argon2 string. Takes about as long
// as hashing at the cost recorded in `stored_hash`.
bool VerifyPassword(absl::string_view password, absl::string_view stored_hash);

// True when `stored_hash` should be replaced by a fresh HashPassword(password, cost) after the
// next successful VerifyPassword: it is not Argon2id, it was made at a different cost, or it
// cannot be parsed at all.
bool NeedsRehash(absl::string_view stored_hash, const HashCost& cost);

// Spends about the time of one VerifyPassword against a default-cost hash, and always fails. Call
// it when a login names an account that does not exist (or has no password), so that the answer
// for an unknown NIP takes as long as the answer for a wrong password and timing does not reveal
// which NIPs have accounts. The dummy hash (of a random password, at the default cost) is computed
// once, on the first call; that first call costs one hash instead of one verification, which takes
// about as long.
void BurnVerifyTime(absl::string_view password);

}  // namespace kinerja::auth

#endif  // KINERJA_SERVER_AUTH_PASSWORD_HASHER_H_
