#include "server/domain/password_rules.h"

#include <string>

#include "absl/strings/match.h"
#include "gtest/gtest.h"

namespace kinerja::domain {
namespace {

constexpr char kNip[] = "198507122010011003";  // born 12 July 1985

std::string Repeat(absl::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out.append(s.data(), s.size());
  return out;
}

void ExpectRejected(absl::string_view password, absl::string_view message_part,
                    absl::string_view nip = kNip) {
  const absl::Status st = CheckNewPassword(password, nip);
  EXPECT_EQ(st.code(), absl::StatusCode::kInvalidArgument) << "password: " << password;
  EXPECT_TRUE(absl::StrContains(st.message(), message_part))
      << "password: " << password << "\nmessage: " << st.message();
}

void ExpectAccepted(absl::string_view password, absl::string_view nip = kNip) {
  const absl::Status st = CheckNewPassword(password, nip);
  EXPECT_TRUE(st.ok()) << "password: " << password << "\n" << st;
}

TEST(PasswordRulesTest, AcceptsAGoodPassword) {
  ExpectAccepted("Semarang2024");
  ExpectAccepted("lumpia semarang enak");
  ExpectAccepted("Tugu Muda, 1945!");
}

TEST(PasswordRulesTest, MinimumIsTenAsciiCharacters) {
  ExpectRejected("abcdefgh1", "at least 10 characters");
  ExpectAccepted("abcdefgh12");
  ExpectRejected("", "at least 10 characters");
}

TEST(PasswordRulesTest, MinimumCountsCodePointsNotBytes) {
  // 9 code points in 14 bytes (each e-acute is 2 bytes): too short.
  ExpectRejected("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9""1234", "has 9");
  ExpectAccepted("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9""12345");
  // Javanese script, 3 bytes a character: 9 characters (27 bytes) too short, 10 enough.
  const std::string jawa9 = Repeat("\xEA\xA6\xB1\xEA\xA6\xA9\xEA\xA6\xAB", 3);  // sa ma ra, x3
  ExpectRejected(jawa9, "has 9");
  ExpectAccepted(jawa9 + "1");
  // Emoji, 4 bytes each.
  ExpectRejected(Repeat("\xF0\x9F\x98\x80", 4) + "abcd1", "has 9");
  ExpectAccepted(Repeat("\xF0\x9F\x98\x80", 4) + "abcd12");
}

TEST(PasswordRulesTest, MaximumIs128Bytes) {
  ExpectAccepted(Repeat("a1", 64));  // 128 bytes
  ExpectRejected(Repeat("a1", 64) + "b", "at most 128 bytes");
  // Bytes, not characters: 63 two-byte letters + 2 digits = 128 bytes, one more letter is 130.
  ExpectAccepted(Repeat("\xC3\xA9", 63) + "12");
  ExpectRejected(Repeat("\xC3\xA9", 64) + "12", "at most 128 bytes");
}

TEST(PasswordRulesTest, RefusesControlCharactersAndBrokenUtf8) {
  constexpr char kMsg[] = "control characters";
  ExpectRejected("Semarang\t2024", kMsg);
  ExpectRejected("Semarang\n2024", kMsg);
  ExpectRejected("Semarang\r2024", kMsg);
  ExpectRejected("Semarang\x7F" "2024", kMsg);
  ExpectRejected(std::string("Semarang\0" "2024", 13), kMsg);
  ExpectRejected("Semarang\xC2\x85" "2024", kMsg);  // C1 NEL
  ExpectRejected("Semarang\xFF" "2024", kMsg);      // not UTF-8
  ExpectRejected("Semarang\xC0\xAF" "2024", kMsg);  // overlong '/'
  ExpectRejected("Semarang2024\xC3", kMsg);         // truncated sequence
}

TEST(PasswordRulesTest, RefusesOneCharacterRepeated) {
  constexpr char kMsg[] = "single character repeated";
  ExpectRejected("aaaaaaaaaa", kMsg);
  ExpectRejected("1111111111", kMsg);
  ExpectRejected("!!!!!!!!!!!!!!!!!!!!", kMsg);
  ExpectRejected(Repeat("\xC3\xA9", 10), kMsg);
  ExpectRejected(Repeat("\xF0\x9F\x98\x80", 12), kMsg);
  // One different character is no longer "repeated" (it may fail another rule).
  ExpectAccepted("aaaaaaaaa1");
  ExpectAccepted("1aaaaaaaaa");
}

TEST(PasswordRulesTest, RefusesTheNip) {
  // The NIP holds the birth date too; the message names the NIP, the larger match.
  ExpectRejected("x198507122010011003", "must not contain your NIP");
  ExpectRejected("198507122010011003", "must not contain your NIP");
  // Part of the NIP without the birth date is allowed.
  ExpectAccepted("x2010011003y");
}

TEST(PasswordRulesTest, RefusesTheBirthDateFromTheNip) {
  ExpectRejected("Pass19850712", "birth date");
  ExpectRejected("19850712Pass", "birth date");
  ExpectRejected("Pass12071985", "birth date");  // DDMMYYYY
  ExpectAccepted("Pass1985071x2");              // 7 of its digits are fine
  ExpectAccepted("Pass19850713");               // another date
  // Another person's date is not checked against this NIP.
  ExpectAccepted("Pass19850712", "199001012015032001");
}

TEST(PasswordRulesTest, WithoutANipOnlyTheOtherRulesApply) {
  ExpectAccepted("Pass19850712", "");
  ExpectRejected("abcdefghij", "at least 2 kinds", "");
}

TEST(PasswordRulesTest, NeedsTwoCharacterClasses) {
  constexpr char kMsg[] = "at least 2 kinds";
  ExpectRejected("abcdefghij", kMsg);
  ExpectRejected("ABCdefGHIj", kMsg);
  ExpectRejected("1234567890", kMsg);
  ExpectRejected("!@#$%^&*()", kMsg);
  ExpectRejected("          .", kMsg);
  // Latin letters with diacritics are letters.
  ExpectRejected("\xC3\x80\xC3\xA9\xC3\xAE\xC3\xB5\xC3\xBC\xC4\x83\xC5\x91\xC8\x99xyz", kMsg);
  // Other scripts and emoji count as "others".
  ExpectRejected(Repeat("\xEA\xA6\xB1\xEA\xA6\xA9\xEA\xA6\xAB", 4), kMsg);
  ExpectAccepted("abcdefghi1");
  ExpectAccepted("abcdefghi!");
  ExpectAccepted("abcdefghi ");
  ExpectAccepted("123456789!");
  ExpectAccepted("abcdefghi\xC3\x97");  // the multiplication sign is not a letter
  ExpectAccepted(Repeat("\xEA\xA6\xB1\xEA\xA6\xA9\xEA\xA6\xAB", 4) + "a");
}

}  // namespace
}  // namespace kinerja::domain
