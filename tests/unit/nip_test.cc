#include "server/domain/nip.h"

#include "gtest/gtest.h"

namespace kinerja::domain {
namespace {

TEST(NipTest, AcceptsAValidNip) {
  auto nip = ParseNip("198507122010011003");
  ASSERT_TRUE(nip.ok()) << nip.status();
  EXPECT_EQ(nip->birth_date, absl::CivilDay(1985, 7, 12));
  EXPECT_EQ(nip->appointment, absl::CivilMonth(2010, 1));
  EXPECT_EQ(nip->gender, 1);
  EXPECT_EQ(nip->sequence, 3);
}

TEST(NipTest, AcceptsFemaleGenderDigit) {
  auto nip = ParseNip("199002292015032001");
  EXPECT_FALSE(nip.ok());  // 1990 is not a leap year
  nip = ParseNip("199202292015032001");
  ASSERT_TRUE(nip.ok()) << nip.status();
  EXPECT_EQ(nip->gender, 2);
}

struct BadNip {
  const char* nip;
  const char* message_part;
};

class NipRejectTest : public ::testing::TestWithParam<BadNip> {};

TEST_P(NipRejectTest, RefusesWithAClearMessage) {
  auto nip = ParseNip(GetParam().nip);
  ASSERT_FALSE(nip.ok());
  EXPECT_EQ(nip.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(nip.status().message().find(GetParam().message_part), absl::string_view::npos)
      << nip.status().message();
}

INSTANTIATE_TEST_SUITE_P(
    Cases, NipRejectTest,
    ::testing::Values(BadNip{"19850712201001100", "exactly 18 digits"},
                      BadNip{"1985071220100110031", "exactly 18 digits"},
                      BadNip{"", "exactly 18 digits"},
                      BadNip{"19850712201001100X", "digits only"},
                      BadNip{"198513122010011003", "birth date"},
                      BadNip{"198502302010011003", "birth date"},
                      BadNip{"198507122010131003", "appointment"},
                      BadNip{"198507122010001003", "appointment"},
                      BadNip{"198507121980011003", "before the birth date"},
                      BadNip{"198507122010013003", "gender digit"},
                      BadNip{"198507122010010003", "gender digit"}));

}  // namespace
}  // namespace kinerja::domain
