#include "server/auth/secret_tokens.h"

#include <ostream>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "gtest/gtest.h"

namespace kinerja::auth {
namespace {

bool AllBase64Url(absl::string_view s) {
  for (char c : s) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

bool AllLowerHex(absl::string_view s) {
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

// A syntactically perfect key whose secret is full of '_' (43 characters, canonical last one).
const std::string kUnderscoreKey = "knk_0123456789abcdef_" + std::string(42, '_') + "w";

TEST(SecretTokensTest, SessionTokenFormat) {
  const std::string token = NewSessionToken();
  ASSERT_EQ(token.size(), 47u) << token;
  EXPECT_TRUE(absl::StartsWith(token, "kns_")) << token;
  EXPECT_TRUE(AllBase64Url(token.substr(4))) << token;
  EXPECT_TRUE(LooksLikeSessionToken(token)) << token;
}

TEST(SecretTokensTest, SessionTokensAreDistinct) {
  absl::flat_hash_set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const std::string token = NewSessionToken();
    ASSERT_TRUE(LooksLikeSessionToken(token)) << token;
    EXPECT_TRUE(seen.insert(token).second) << "duplicate " << token;
  }
  EXPECT_EQ(seen.size(), 1000u);
}

TEST(SecretTokensTest, LooksLikeSessionTokenRejectsOtherShapes) {
  const std::string good = NewSessionToken();
  EXPECT_FALSE(LooksLikeSessionToken(""));
  EXPECT_FALSE(LooksLikeSessionToken("kns_"));
  EXPECT_FALSE(LooksLikeSessionToken(good.substr(0, 46)));                // 42 characters
  EXPECT_FALSE(LooksLikeSessionToken(good + "A"));                        // 44 characters
  EXPECT_FALSE(LooksLikeSessionToken("knk_" + good.substr(4)));           // API key prefix
  EXPECT_FALSE(LooksLikeSessionToken("KNS_" + good.substr(4)));
  EXPECT_FALSE(LooksLikeSessionToken("kns_" + std::string(42, 'A') + "="));  // padding
  EXPECT_FALSE(LooksLikeSessionToken("kns_" + std::string(42, '+') + "A"));  // standard base64
  EXPECT_FALSE(LooksLikeSessionToken("kns_" + std::string(42, 'A') + "B"));  // stray low bits
  EXPECT_TRUE(LooksLikeSessionToken("kns_" + std::string(42, 'A') + "A"));
  EXPECT_FALSE(LooksLikeSessionToken(NewApiKey().full));
}

TEST(SecretTokensTest, ApiKeyFormat) {
  const ApiKey key = NewApiKey();
  ASSERT_EQ(key.key_id.size(), 16u);
  EXPECT_TRUE(AllLowerHex(key.key_id)) << key.key_id;
  ASSERT_EQ(key.secret.size(), 43u);
  EXPECT_TRUE(AllBase64Url(key.secret)) << key.secret;
  EXPECT_EQ(key.full, "knk_" + key.key_id + "_" + key.secret);
  EXPECT_EQ(key.full.size(), 64u);
}

TEST(SecretTokensTest, ApiKeysAreDistinct) {
  absl::flat_hash_set<std::string> ids, secrets;
  for (int i = 0; i < 1000; ++i) {
    const ApiKey key = NewApiKey();
    EXPECT_TRUE(ids.insert(key.key_id).second) << "duplicate id " << key.key_id;
    EXPECT_TRUE(secrets.insert(key.secret).second) << "duplicate secret";
  }
}

TEST(SecretTokensTest, ParseApiKeyRoundTrip) {
  for (int i = 0; i < 200; ++i) {
    const ApiKey key = NewApiKey();
    auto parsed = ParseApiKey(key.full);
    ASSERT_TRUE(parsed.ok()) << parsed.status() << " " << key.full;
    EXPECT_EQ(parsed->first, key.key_id);
    EXPECT_EQ(parsed->second, key.secret);
  }
}

TEST(SecretTokensTest, ParseApiKeySplitsByPositionNotByUnderscore) {
  auto parsed = ParseApiKey(kUnderscoreKey);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->first, "0123456789abcdef");
  EXPECT_EQ(parsed->second, std::string(42, '_') + "w");
}

struct BadKey {
  const char* name;
  std::string key;
};

void PrintTo(const BadKey& k, std::ostream* os) { *os << k.name; }

class ParseApiKeyRejectTest : public ::testing::TestWithParam<BadKey> {};

TEST_P(ParseApiKeyRejectTest, IsInvalidArgumentAndDoesNotEchoTheKey) {
  auto parsed = ParseApiKey(GetParam().key);
  ASSERT_FALSE(parsed.ok()) << GetParam().key;
  EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument);
  if (GetParam().key.size() > 21) {
    EXPECT_FALSE(absl::StrContains(parsed.status().message(), GetParam().key.substr(21)))
        << parsed.status().message();
  }
}

std::string WithCharAt(std::string s, size_t pos, char c) {
  s[pos] = c;
  return s;
}

INSTANTIATE_TEST_SUITE_P(
    Malformed, ParseApiKeyRejectTest,
    ::testing::Values(
        BadKey{"Empty", ""},
        BadKey{"OneShort", kUnderscoreKey.substr(0, 63)},
        BadKey{"OneLong", kUnderscoreKey + "A"},
        BadKey{"SessionPrefix", WithCharAt(kUnderscoreKey, 2, 's')},
        BadKey{"UpperPrefix", "KNK_" + kUnderscoreKey.substr(4)},
        BadKey{"UpperHexId", WithCharAt(kUnderscoreKey, 4, 'A')},
        BadKey{"NonHexId", WithCharAt(kUnderscoreKey, 19, 'g')},
        BadKey{"WrongSeparator", WithCharAt(kUnderscoreKey, 20, '-')},
        BadKey{"ShortIdLongSecret", "knk_0123456789abcde_" + std::string(43, 'A') + "A"},
        BadKey{"PlusInSecret", WithCharAt(kUnderscoreKey, 30, '+')},
        BadKey{"SlashInSecret", WithCharAt(kUnderscoreKey, 30, '/')},
        BadKey{"PaddingInSecret", WithCharAt(kUnderscoreKey, 63, '=')},
        BadKey{"SpaceInSecret", WithCharAt(kUnderscoreKey, 40, ' ')},
        BadKey{"NulInSecret", WithCharAt(kUnderscoreKey, 40, '\0')},
        BadKey{"StrayBitsInLastChar", WithCharAt(kUnderscoreKey, 63, 'x')}),
    [](const ::testing::TestParamInfo<BadKey>& info) { return std::string(info.param.name); });

TEST(SecretTokensTest, Sha256HexKnownVectors) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(Sha256Hex(std::string("a\0b", 3)).size(), 64u);
  EXPECT_NE(Sha256Hex(std::string("a\0b", 3)), Sha256Hex("a"));
}

TEST(SecretTokensTest, ConstantTimeEquals) {
  EXPECT_TRUE(ConstantTimeEquals("", ""));
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "Abc"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abcd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", ""));
  EXPECT_FALSE(ConstantTimeEquals(std::string("ab\0", 3), "ab"));
  const std::string h = Sha256Hex("kns_token");
  EXPECT_TRUE(ConstantTimeEquals(h, Sha256Hex("kns_token")));
  EXPECT_FALSE(ConstantTimeEquals(h, Sha256Hex("kns_tokem")));
}

}  // namespace
}  // namespace kinerja::auth
