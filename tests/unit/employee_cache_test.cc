#include "server/services/employee_cache.h"

#include "gtest/gtest.h"

namespace kinerja::services {
namespace {

v1::Employee E(const std::string& nip, const std::string& name) {
  v1::Employee e;
  e.set_nip(nip);
  e.set_full_name(name);
  return e;
}

const absl::CivilDay kDay(2026, 6, 15);
const absl::Time kNow = absl::FromUnixSeconds(1'781'500'000);

TEST(EmployeeCacheTest, ServesWhatWasStoredForThatDayUntilTheTtl) {
  EmployeeCache cache(absl::Seconds(2));
  cache.Put(E("1", "Ani"), kDay, cache.generation(), kNow);
  ASSERT_TRUE(cache.Get("1", kDay, kNow + absl::Seconds(1)).has_value());
  EXPECT_EQ(cache.Get("1", kDay, kNow + absl::Seconds(1))->full_name(), "Ani");
  EXPECT_FALSE(cache.Get("1", kDay + 1, kNow).has_value());  // another day
  EXPECT_FALSE(cache.Get("2", kDay, kNow).has_value());
  EXPECT_FALSE(cache.Get("1", kDay, kNow + absl::Seconds(3)).has_value());  // expired
}

TEST(EmployeeCacheTest, AWriteHidesEverythingCachedBeforeIt) {
  EmployeeCache cache(absl::Seconds(2));
  cache.Put(E("1", "Ani"), kDay, cache.generation(), kNow);
  cache.Invalidate();
  EXPECT_FALSE(cache.Get("1", kDay, kNow).has_value());
}

TEST(EmployeeCacheTest, AReadThatStartedBeforeAWriteStoresNothing) {
  EmployeeCache cache(absl::Seconds(2));
  const uint64_t read_started = cache.generation();
  cache.Invalidate();  // a write commits while the read is in flight
  cache.Put(E("1", "old"), kDay, read_started, kNow);
  EXPECT_FALSE(cache.Get("1", kDay, kNow).has_value());
}

TEST(EmployeeCacheTest, AZeroTtlTurnsItOff) {
  EmployeeCache cache(absl::ZeroDuration());
  cache.Put(E("1", "Ani"), kDay, cache.generation(), kNow);
  EXPECT_FALSE(cache.Get("1", kDay, kNow).has_value());
}

TEST(EmployeeCacheTest, StaysWithinItsCapacity) {
  EmployeeCache cache(absl::Seconds(2), /*capacity=*/3);
  for (int i = 0; i < 10; ++i) cache.Put(E(std::to_string(i), "x"), kDay, cache.generation(), kNow);
  int present = 0;
  for (int i = 0; i < 10; ++i) present += cache.Get(std::to_string(i), kDay, kNow).has_value();
  EXPECT_LE(present, 3);
  EXPECT_TRUE(cache.Get("9", kDay, kNow).has_value());
}

}  // namespace
}  // namespace kinerja::services
