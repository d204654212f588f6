#include "channels/x/x_reconnect.h"

#include <gtest/gtest.h>

namespace fr::channels::x {
namespace {

using Failure = XReconnectBackoff::Failure;
using std::chrono::milliseconds;

TEST(XReconnectBackoffTest, NetworkErrorsWaitLinearlyLongerUpTo16Seconds) {
  XReconnectBackoff b;
  EXPECT_EQ(b.Next(Failure::kNetwork), milliseconds(250));
  EXPECT_EQ(b.Next(Failure::kNetwork), milliseconds(500));
  EXPECT_EQ(b.Next(Failure::kNetwork), milliseconds(750));
  for (int i = 0; i < 100; ++i) b.Next(Failure::kNetwork);
  EXPECT_EQ(b.Next(Failure::kNetwork), milliseconds(16'000));
}

TEST(XReconnectBackoffTest, HttpErrorsDoubleFromFiveSecondsUpTo320) {
  XReconnectBackoff b;
  EXPECT_EQ(b.Next(Failure::kHttp), milliseconds(5'000));
  EXPECT_EQ(b.Next(Failure::kHttp), milliseconds(10'000));
  EXPECT_EQ(b.Next(Failure::kHttp), milliseconds(20'000));
  for (int i = 0; i < 40; ++i) b.Next(Failure::kHttp);
  EXPECT_EQ(b.Next(Failure::kHttp), milliseconds(320'000));
}

TEST(XReconnectBackoffTest, RateLimitsDoubleFromOneMinute) {
  XReconnectBackoff b;
  EXPECT_EQ(b.Next(Failure::kRateLimited), milliseconds(60'000));
  EXPECT_EQ(b.Next(Failure::kRateLimited), milliseconds(120'000));
  for (int i = 0; i < 40; ++i) b.Next(Failure::kRateLimited);
  EXPECT_EQ(b.Next(Failure::kRateLimited), milliseconds(960'000));
}

TEST(XReconnectBackoffTest, DataOrAnotherKindOfFailureStartsOver) {
  XReconnectBackoff b;
  b.Next(Failure::kHttp);
  b.Next(Failure::kHttp);
  EXPECT_EQ(b.Next(Failure::kNetwork), milliseconds(250));
  b.Next(Failure::kNetwork);
  b.Reset();
  EXPECT_EQ(b.Next(Failure::kNetwork), milliseconds(250));
}

}  // namespace
}  // namespace fr::channels::x
