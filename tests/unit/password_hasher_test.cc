#include "server/auth/password_hasher.h"

#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <string>

#include "absl/strings/match.h"
#include "gtest/gtest.h"

namespace kinerja::auth {
namespace {

// Cheap cost for everything that is not about the cost itself.
const HashCost kTestCost = HashCost::ForTests();

TEST(PasswordHasherTest, RoundTrip) {
  auto hash = HashPassword("Semarang-2024", kTestCost);
  ASSERT_TRUE(hash.ok()) << hash.status();
  EXPECT_TRUE(absl::StartsWith(*hash, "$argon2id$")) << *hash;
  EXPECT_TRUE(VerifyPassword("Semarang-2024", *hash));
}

TEST(PasswordHasherTest, WrongPasswordFails) {
  auto hash = HashPassword("Semarang-2024", kTestCost);
  ASSERT_TRUE(hash.ok()) << hash.status();
  EXPECT_FALSE(VerifyPassword("Semarang-2025", *hash));
  EXPECT_FALSE(VerifyPassword("semarang-2024", *hash));
  EXPECT_FALSE(VerifyPassword("Semarang-2024 ", *hash));
  EXPECT_FALSE(VerifyPassword("", *hash));
}

TEST(PasswordHasherTest, SaltMakesEachHashDifferent) {
  auto a = HashPassword("Semarang-2024", kTestCost);
  auto b = HashPassword("Semarang-2024", kTestCost);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(*a, *b);
  EXPECT_TRUE(VerifyPassword("Semarang-2024", *a));
  EXPECT_TRUE(VerifyPassword("Semarang-2024", *b));
}

TEST(PasswordHasherTest, HashesEveryByteOfThePassword) {
  // Lengths are passed explicitly: a NUL byte must not end the password early.
  const std::string with_nul("abc\0def", 7);
  auto hash = HashPassword(with_nul, kTestCost);
  ASSERT_TRUE(hash.ok()) << hash.status();
  EXPECT_TRUE(VerifyPassword(with_nul, *hash));
  EXPECT_FALSE(VerifyPassword("abc", *hash));
}

TEST(PasswordHasherTest, RecordsTheCostInTheHash) {
  auto hash = HashPassword("Semarang-2024", kTestCost);
  ASSERT_TRUE(hash.ok()) << hash.status();
  EXPECT_TRUE(absl::StartsWith(*hash, "$argon2id$v=19$m=8,t=1,p=1$")) << *hash;
}

TEST(PasswordHasherTest, RefusesACostBelowTheMinimum) {
  HashCost cost;
  cost.opslimit = 0;
  EXPECT_EQ(HashPassword("Semarang-2024", cost).status().code(),
            absl::StatusCode::kInvalidArgument);
  cost = HashCost();
  cost.memlimit = 1024;
  EXPECT_EQ(HashPassword("Semarang-2024", cost).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(PasswordHasherTest, UnusableStoredHashesNeverVerify) {
  auto hash = HashPassword("Semarang-2024", kTestCost);
  ASSERT_TRUE(hash.ok()) << hash.status();
  EXPECT_FALSE(VerifyPassword("Semarang-2024", ""));
  EXPECT_FALSE(VerifyPassword("Semarang-2024", "not a hash"));
  EXPECT_FALSE(VerifyPassword("Semarang-2024", std::string(crypto_pwhash_STRBYTES, '$')));
  // A NUL followed by junk: must not be accepted by truncating at the NUL.
  EXPECT_FALSE(VerifyPassword("Semarang-2024", *hash + std::string("\0junk", 5)));
  // Too long by one: a valid hash padded to crypto_pwhash_STRBYTES characters.
  std::string padded = *hash;
  padded.resize(crypto_pwhash_STRBYTES, '\0');
  EXPECT_FALSE(VerifyPassword("Semarang-2024", padded));
  std::string tampered = *hash;
  tampered.back() = tampered.back() == 'A' ? 'B' : 'A';
  EXPECT_FALSE(VerifyPassword("Semarang-2024", tampered));
}

TEST(PasswordHasherTest, NeedsRehashWhenTheCostDiffers) {
  auto cheap = HashPassword("Semarang-2024", kTestCost);
  ASSERT_TRUE(cheap.ok()) << cheap.status();
  EXPECT_TRUE(NeedsRehash(*cheap, HashCost()));
  EXPECT_FALSE(NeedsRehash(*cheap, kTestCost));
  HashCost more_passes = kTestCost;
  more_passes.opslimit = 3;
  EXPECT_TRUE(NeedsRehash(*cheap, more_passes));
}

TEST(PasswordHasherTest, NeedsRehashForAnythingButArgon2id) {
  EXPECT_TRUE(NeedsRehash("", kTestCost));
  EXPECT_TRUE(NeedsRehash("garbage", kTestCost));
  EXPECT_TRUE(NeedsRehash("$argon2id$garbage", kTestCost));
  // Argon2i at exactly the wanted cost still moves to Argon2id.
  char argon2i[crypto_pwhash_STRBYTES];
  ASSERT_EQ(crypto_pwhash_str_alg(argon2i, "pw", 2, 3, crypto_pwhash_MEMLIMIT_MIN,
                                  crypto_pwhash_ALG_ARGON2I13),
            0);
  ASSERT_TRUE(absl::StartsWith(argon2i, "$argon2i$"));
  HashCost same;
  same.opslimit = 3;
  same.memlimit = crypto_pwhash_MEMLIMIT_MIN;
  EXPECT_TRUE(NeedsRehash(argon2i, same));
  EXPECT_TRUE(VerifyPassword("pw", argon2i));  // still verifiable, so the upgrade can happen
}

double Seconds(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double>(d).count();
}

// The default cost is the real one, and an unknown NIP costs as much as a wrong password.
// About 8 Argon2id runs at 64 MiB: well under a second on a 2024 laptop core, under 3 s here.
TEST(PasswordHasherTest, BurnVerifyTimeCostsAboutAsMuchAsAVerification) {
  auto hash = HashPassword("Semarang-2024");
  ASSERT_TRUE(hash.ok()) << hash.status();
  EXPECT_TRUE(absl::StartsWith(*hash, "$argon2id$v=19$m=65536,t=2,p=1$")) << *hash;
  EXPECT_FALSE(NeedsRehash(*hash, HashCost()));
  EXPECT_TRUE(NeedsRehash(*hash, kTestCost));

  BurnVerifyTime("warm-up");  // computes the dummy hash once
  constexpr int kRuns = 3;
  double verify = 1e9, burn = 1e9;  // the fastest run of each: least disturbed by other load
  for (int i = 0; i < kRuns; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    EXPECT_FALSE(VerifyPassword("wrong password", *hash));
    auto t1 = std::chrono::steady_clock::now();
    BurnVerifyTime("wrong password");
    auto t2 = std::chrono::steady_clock::now();
    verify = std::min(verify, Seconds(t1 - t0));
    burn = std::min(burn, Seconds(t2 - t1));
  }
  RecordProperty("verify_ms", static_cast<int>(verify * 1000));
  RecordProperty("burn_ms", static_cast<int>(burn * 1000));
  EXPECT_GE(burn, 0.5 * verify) << "verify " << verify << " s, burn " << burn << " s";
}

}  // namespace
}  // namespace kinerja::auth
