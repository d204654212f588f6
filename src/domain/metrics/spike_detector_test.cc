#include "domain/metrics/spike_detector.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace fr::domain::metrics {
namespace {

constexpr UnixMillis kMinute = 60'000;
constexpr UnixMillis kStart = 1'767'225'600'000;  // 2026-01-01T00:00Z, a Thursday

// Messages per minute of an ordinary day: busy evenings, quiet nights.
double Usual(std::int64_t minute_index) {
  const double hour = static_cast<double>(minute_index % 1440) / 60.0;
  return 0.5 + 1.5 * std::exp(-std::pow((hour - 19.0) / 4.0, 2));
}

struct Feed {
  SpikeDetector detector;
  std::mt19937 random{17};
  std::vector<SpikeEvent> events;
  std::int64_t minute = 0;

  // Adds `minutes` buckets drawn from `rate(minute)` with `negative_share` negative.
  void Run(std::int64_t minutes, const std::function<double(std::int64_t)>& rate,
           double negative_share = 0.2) {
    for (std::int64_t end = minute + minutes; minute < end; ++minute) {
      std::poisson_distribution<std::int64_t> count(rate(minute));
      const std::int64_t total = count(random);
      std::binomial_distribution<std::int64_t> negative(total, negative_share);
      for (const SpikeEvent& e : detector.Add(kStart + minute * kMinute, total, negative(random))) {
        events.push_back(e);
      }
    }
  }
};

TEST(SpikeDetectorTest, OrdinaryWeeksRaiseNothing) {
  Feed feed;
  feed.Run(21 * 1440, Usual);
  for (const auto& e : feed.events) {
    ADD_FAILURE() << (e.kind == SpikeKind::kVolume ? "volume" : "negative") << (e.started ? " start" : " end")
                  << " minute " << (e.minute - kStart) / kMinute << " observed " << e.observed
                  << " expected " << e.expected << " score " << e.score;
  }
}

TEST(SpikeDetectorTest, ASpikeIsRaisedWithinFiveMinutesAndEnds) {
  Feed feed;
  feed.Run(14 * 1440 + 10 * 60, Usual);  // two weeks, then Thursday 10:00
  ASSERT_TRUE(feed.events.empty());
  const std::int64_t onset = feed.minute;
  feed.Run(30, [](std::int64_t m) { return 8 * Usual(m); });
  feed.Run(120, Usual);
  ASSERT_EQ(feed.events.size(), 2u);
  const SpikeEvent& start = feed.events[0];
  EXPECT_EQ(start.kind, SpikeKind::kVolume);
  EXPECT_TRUE(start.started);
  EXPECT_LE((start.minute - kStart) / kMinute - onset, 4) << "raised within five minutes of onset";
  EXPECT_GT(start.observed, 2.5 * start.expected);
  EXPECT_FALSE(feed.events[1].started);
  EXPECT_GT(feed.events[1].minute, kStart + (onset + 30) * kMinute);
}

TEST(SpikeDetectorTest, AWeeklyPeakIsUsualButTheSamePeakOnAnotherDayIsNot) {
  // Every Sunday 20:00-21:00 (a TV show) brings five times the messages.
  auto with_sunday_show = [](std::int64_t m) {
    const std::int64_t day = (m / 1440 + 4) % 7;  // 0 = Sunday; the series starts on a Thursday
    const std::int64_t minute_of_day = m % 1440;
    const bool show = day == 0 && minute_of_day >= 20 * 60 && minute_of_day < 21 * 60;
    return show ? 5 * Usual(m) : Usual(m);
  };
  Feed feed;
  feed.Run(4 * 7 * 1440, with_sunday_show);  // four weeks: the first shows are news
  feed.events.clear();
  feed.Run(7 * 1440, with_sunday_show);  // the fifth week's show is expected
  EXPECT_TRUE(feed.events.empty());
  // The same hour on a Tuesday (the series is at Thursday 00:00 now).
  feed.Run(5 * 1440 + 20 * 60, with_sunday_show);
  ASSERT_TRUE(feed.events.empty());
  feed.Run(60, [](std::int64_t m) { return 5 * Usual(m); });
  ASSERT_FALSE(feed.events.empty());
  EXPECT_EQ(feed.events[0].kind, SpikeKind::kVolume);
}

TEST(SpikeDetectorTest, AngerWithoutMoreMessagesIsANegativeSpike) {
  Feed feed;
  feed.Run(8 * 1440 + 18 * 60, Usual, 0.15);
  ASSERT_TRUE(feed.events.empty());
  feed.Run(60, Usual, 0.8);
  ASSERT_FALSE(feed.events.empty());
  EXPECT_EQ(feed.events[0].kind, SpikeKind::kNegativeShare);
  EXPECT_TRUE(feed.detector.InNegativeSpike());
  EXPECT_FALSE(feed.detector.InVolumeSpike());
}

TEST(SpikeDetectorTest, SkippedMinutesAreEmptyAndAFirstDayStillAlarms) {
  SpikeDetector detector;
  // Three quiet messages an hour for the first two hours (minutes without messages skipped).
  for (std::int64_t m = 0; m < 120; m += 20) {
    EXPECT_TRUE(detector.Add(kStart + m * kMinute, 1, 0).empty());
  }
  // Then a burst: no day of history yet, the last two hours are the baseline.
  std::vector<SpikeEvent> events;
  for (std::int64_t m = 120; m < 125; ++m) {
    for (const auto& e : detector.Add(kStart + m * kMinute, 6, 1)) events.push_back(e);
  }
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events[0].kind, SpikeKind::kVolume);
}

}  // namespace
}  // namespace fr::domain::metrics
