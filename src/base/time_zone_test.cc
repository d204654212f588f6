#include "base/time_zone.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace fr {
namespace {

constexpr int H(int hour, int minute = 0) { return hour * 60 + minute; }

TimeZone Jerusalem() { return std::move(TimeZone::Find("Asia/Jerusalem")).value(); }

TEST(TimeZoneTest, UnknownNamesAreErrors) {
  for (const char* name : {"Mars/Olympus", "", "asia/jerusalem", "Etc/Unknown"}) {
    auto zone = TimeZone::Find(name);
    ASSERT_FALSE(zone.ok()) << name;
    EXPECT_EQ(zone.status().code(), Errc::kInvalidArgument);
    EXPECT_EQ(zone.status().reason(), "unknown_time_zone");
  }
  auto alias = TimeZone::Find("Israel");
  ASSERT_TRUE(alias.ok());
  EXPECT_EQ(alias->name(), "Israel");
  EXPECT_EQ(alias->ToLocal(UtcMillisOf({2026, 7, 1}, H(12))).utc_offset_minutes, 180);
}

TEST(TimeZoneTest, UtcIsPlainArithmetic) {
  const TimeZone utc = TimeZone::Utc();
  EXPECT_EQ(utc.name(), "UTC");
  LocalTime epoch = utc.ToLocal(0);
  EXPECT_EQ(epoch.date, (CivilDate{1970, 1, 1}));
  EXPECT_EQ(epoch.weekday, Weekday::kThursday);
  EXPECT_EQ(epoch.minute_of_day, 0);
  LocalTime before = utc.ToLocal(-1);
  EXPECT_EQ(before.date, (CivilDate{1969, 12, 31}));
  EXPECT_EQ(before.minute_of_day, H(23, 59));
  EXPECT_EQ(utc.ToUtc({2026, 3, 27}, H(2, 30)), UtcMillisOf({2026, 3, 27}, H(2, 30)));
}

struct LocalCase {
  CivilDate utc_date;
  int utc_minute;
  CivilDate local_date;
  int local_minute;
  int offset;
};

TEST(TimeZoneTest, JerusalemToLocal) {
  const TimeZone zone = Jerusalem();
  const LocalCase cases[] = {
      {{2026, 1, 15}, H(12), {2026, 1, 15}, H(14), 120},
      {{2026, 7, 1}, H(12), {2026, 7, 1}, H(15), 180},
      {{2026, 1, 15}, H(23), {2026, 1, 16}, H(1), 120},  // the next local day
      // Clocks go forward at 02:00 local on Friday 2026-03-27 (00:00 UTC).
      {{2026, 3, 26}, H(23, 59), {2026, 3, 27}, H(1, 59), 120},
      {{2026, 3, 27}, H(0), {2026, 3, 27}, H(3), 180},
      // Clocks go back at 02:00 local on Sunday 2026-10-25 (23:00 UTC the day before):
      // 01:30 local happens twice.
      {{2026, 10, 24}, H(22, 30), {2026, 10, 25}, H(1, 30), 180},
      {{2026, 10, 24}, H(23, 30), {2026, 10, 25}, H(1, 30), 120},
  };
  for (const LocalCase& c : cases) {
    LocalTime local = zone.ToLocal(UtcMillisOf(c.utc_date, c.utc_minute));
    EXPECT_EQ(local.date, c.local_date) << ToString(c.utc_date) << " " << c.utc_minute;
    EXPECT_EQ(local.minute_of_day, c.local_minute) << ToString(c.utc_date) << " " << c.utc_minute;
    EXPECT_EQ(local.utc_offset_minutes, c.offset) << ToString(c.utc_date) << " " << c.utc_minute;
    EXPECT_EQ(local.weekday, WeekdayOf(c.local_date));
  }
}

TEST(TimeZoneTest, JerusalemToUtcInGapsAndOverlaps) {
  const TimeZone zone = Jerusalem();
  struct Case {
    CivilDate local_date;
    int local_minute;
    CivilDate utc_date;
    int utc_minute;
  };
  const Case cases[] = {
      {{2026, 1, 15}, H(14), {2026, 1, 15}, H(12)},
      {{2026, 3, 27}, H(1, 59), {2026, 3, 26}, H(23, 59)},
      // 02:00-02:59 does not exist on 2026-03-27: all of it maps to the switch, 00:00 UTC.
      {{2026, 3, 27}, H(2), {2026, 3, 27}, H(0)},
      {{2026, 3, 27}, H(2, 30), {2026, 3, 27}, H(0)},
      {{2026, 3, 27}, H(3), {2026, 3, 27}, H(0)},
      {{2026, 3, 27}, H(9), {2026, 3, 27}, H(6)},
      // 01:00-01:59 happens twice on 2026-10-25: the first (summer time) occurrence wins.
      {{2026, 10, 25}, H(0, 59), {2026, 10, 24}, H(21, 59)},
      {{2026, 10, 25}, H(1, 30), {2026, 10, 24}, H(22, 30)},
      {{2026, 10, 25}, H(2), {2026, 10, 25}, H(0)},
      {{2026, 10, 25}, H(9), {2026, 10, 25}, H(7)},
      // 24:00 is the next midnight.
      {{2026, 10, 24}, kMinutesPerDay, {2026, 10, 24}, H(21)},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(zone.ToUtc(c.local_date, c.local_minute), UtcMillisOf(c.utc_date, c.utc_minute))
        << ToString(c.local_date) << " " << c.local_minute;
  }
}

TEST(TimeZoneTest, SwitchDaysAreShortAndLong) {
  const TimeZone zone = Jerusalem();
  auto day_length = [&](CivilDate d) { return zone.ToUtc(d, kMinutesPerDay) - zone.ToUtc(d, 0); };
  EXPECT_EQ(day_length({2026, 3, 27}), 23 * 60 * kMillisPerMinute);
  EXPECT_EQ(day_length({2026, 10, 25}), 25 * 60 * kMillisPerMinute);
  EXPECT_EQ(day_length({2026, 6, 1}), kMillisPerDay);
}

TEST(TimeZoneTest, ToUtcNeverDecreasesAndRoundTripsExistingTimes) {
  const TimeZone zone = Jerusalem();
  for (CivilDate d : {CivilDate{2026, 3, 27}, CivilDate{2026, 10, 25}}) {
    UnixMillis previous = zone.ToUtc(d, 0);
    for (int minute = 1; minute <= kMinutesPerDay; ++minute) {
      const UnixMillis t = zone.ToUtc(d, minute);
      ASSERT_GE(t, previous) << ToString(d) << " " << minute;
      previous = t;
      const bool skipped = d.month == 3 && minute >= H(2) && minute < H(3);
      if (minute < kMinutesPerDay && !skipped) {
        LocalTime back = zone.ToLocal(t);
        EXPECT_EQ(back.date, d);
        EXPECT_EQ(back.minute_of_day, minute);
      }
    }
  }
}

TEST(TimeZoneTest, OtherZonesSwitchAtTheirOwnTimes) {
  auto ny = TimeZone::Find("America/New_York");
  ASSERT_TRUE(ny.ok());
  // 2026-03-08 02:30 does not exist in New York; the switch is at 07:00 UTC.
  EXPECT_EQ(ny->ToUtc({2026, 3, 8}, H(2, 30)), UtcMillisOf({2026, 3, 8}, H(7)));
  EXPECT_EQ(ny->ToLocal(UtcMillisOf({2026, 1, 15}, H(12))).utc_offset_minutes, -300);
}

TEST(TimeZoneTest, ConcurrentReadersAgree) {
  const TimeZone zone = Jerusalem();
  std::vector<UnixMillis> expected;
  for (int day = 0; day < 400; ++day) {
    expected.push_back(zone.ToUtc(AddDays({2026, 1, 1}, day), H(9)));
  }
  // A copy shares the ICU zone with `zone`: both are read from every thread.
  const TimeZone copy = zone;
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&, i] {
      const TimeZone& z = i % 2 == 0 ? zone : copy;
      for (int day = 0; day < 400; ++day) {
        const UnixMillis t = z.ToUtc(AddDays({2026, 1, 1}, day), H(9));
        if (t != expected[day] || z.ToLocal(t).minute_of_day != H(9)) ++mismatches[i];
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

}  // namespace
}  // namespace fr
