#include "domain/metrics/duration_histogram.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

namespace fr::domain::metrics {
namespace {

TEST(DurationHistogramTest, BinsAreLogarithmicFromOneSecond) {
  EXPECT_EQ(DurationHistogram::BinOf(-5), 0);
  EXPECT_EQ(DurationHistogram::BinOf(0), 0);
  EXPECT_EQ(DurationHistogram::BinOf(999), 0);
  EXPECT_EQ(DurationHistogram::BinOf(1000), 1);
  EXPECT_EQ(DurationHistogram::BinOf(1039), 1);
  EXPECT_EQ(DurationHistogram::BinOf(1041), 2);
  EXPECT_EQ(DurationHistogram::BinOf(INT64_MAX), DurationHistogram::kLastBin);
  // Every duration lies within its bin's bounds, so its representative is within 2 %.
  for (std::int64_t ms : {1000LL, 1500LL, 59'000LL, 3'600'000LL, 86'400'000LL, 7LL * 86'400'000}) {
    const double rep = static_cast<double>(DurationHistogram::RepresentativeMs(DurationHistogram::BinOf(ms)));
    EXPECT_LE(std::abs(rep - static_cast<double>(ms)) / static_cast<double>(ms), 0.0201) << ms;
  }
}

TEST(DurationHistogramTest, QuantilesAreWithinTwoPercentOfTheExactOnes) {
  std::mt19937_64 random(7);
  std::lognormal_distribution<double> minutes(3.0, 1.2);  // median about 20 minutes
  std::vector<std::int64_t> values;
  DurationHistogram h;
  for (int i = 0; i < 5000; ++i) {
    const auto ms = static_cast<std::int64_t>(minutes(random) * 60'000);
    values.push_back(ms);
    h.Add(ms);
  }
  std::sort(values.begin(), values.end());
  for (double q : {0.5, 0.9, 0.99}) {
    const auto rank = static_cast<std::size_t>(std::ceil(q * values.size()));
    const double exact = static_cast<double>(values[rank - 1]);
    const double got = static_cast<double>(*h.QuantileMs(q));
    EXPECT_LE(std::abs(got - exact) / exact, 0.0201) << "q=" << q;
  }
  EXPECT_EQ(h.Count(), 5000);
}

TEST(DurationHistogramTest, TakingCountsOutUndoesAdding) {
  DurationHistogram a, b;
  a.Add(5'000);
  a.Add(90'000, 3);
  b.Add(90'000);
  DurationHistogram sum = a;
  sum.Merge(b);
  EXPECT_EQ(sum.Count(), 5);
  sum.Merge(b, -1);
  EXPECT_EQ(sum, a);
  sum.Merge(a, -1);
  EXPECT_TRUE(sum.Empty());
  EXPECT_EQ(sum, DurationHistogram());
  EXPECT_FALSE(sum.QuantileMs(0.5).has_value());
}

TEST(DurationHistogramTest, EncodesAndDecodesSignedCounts) {
  DurationHistogram h;
  h.Add(0);
  h.Add(61'000, 2);
  h.Add(3'600'000, -1);  // a delta may hold negative counts
  auto back = DurationHistogram::Decode(h.Encode());
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, h);
  EXPECT_TRUE(DurationHistogram().Encode().empty());
}

TEST(DurationHistogramTest, RefusesBytesItNeverWrites) {
  EXPECT_EQ(DurationHistogram::Decode("\x81").status().code(), Errc::kMalformed);  // cut off
  EXPECT_EQ(DurationHistogram::Decode(std::string("\x05\x00", 2)).status().code(),
            Errc::kMalformed);  // zero count
  EXPECT_EQ(DurationHistogram::Decode(std::string("\x05\x02\x00\x02", 4)).status().code(),
            Errc::kMalformed);  // bin repeated
  EXPECT_EQ(DurationHistogram::Decode("\xff\x0f\x02").status().code(),
            Errc::kMalformed);  // past the last bin
}

}  // namespace
}  // namespace fr::domain::metrics
