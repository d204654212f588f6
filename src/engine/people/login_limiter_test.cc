#include "engine/people/login_limiter.h"

#include <gtest/gtest.h>

namespace fr::engine {
namespace {

constexpr UnixMillis kStart = 1'800'000'000'000;
constexpr UnixMillis kMinute = 60'000;

TEST(LoginLimiterTest, BlocksAUserNameAfterTheLimitUntilTheOldestFailureLeavesTheWindow) {
  ManualClock clock(kStart);
  LoginLimiter limiter(clock, LoginLimits{3, 100, 15 * kMinute, 1000});
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(limiter.BlockedUntil("dana", "10.0.0.1"), 0);
    limiter.RecordFailure("dana", "10.0.0.1");
    clock.Advance(kMinute);
  }
  // Failures at start, +1, +2 min; the first leaves the window at start + 15 min.
  EXPECT_EQ(limiter.BlockedUntil("dana", "10.0.0.1"), kStart + 15 * kMinute);
  // The block is on the name, from any address.
  EXPECT_EQ(limiter.BlockedUntil("dana", "10.0.0.9"), kStart + 15 * kMinute);
  EXPECT_EQ(limiter.BlockedUntil("yossi", "10.0.0.9"), 0);
  clock.Set(kStart + 15 * kMinute);
  EXPECT_EQ(limiter.BlockedUntil("dana", "10.0.0.1"), 0);
}

TEST(LoginLimiterTest, BlocksAClientSprayingManyNames) {
  ManualClock clock(kStart);
  LoginLimiter limiter(clock, LoginLimits{3, 5, 15 * kMinute, 1000});
  for (int i = 0; i < 5; ++i) limiter.RecordFailure("user" + std::to_string(i), "10.0.0.66");
  EXPECT_NE(limiter.BlockedUntil("someone-new", "10.0.0.66"), 0);
  EXPECT_EQ(limiter.BlockedUntil("someone-new", "10.0.0.7"), 0);
}

TEST(LoginLimiterTest, SuccessClearsTheNameButNotTheClient) {
  ManualClock clock(kStart);
  LoginLimiter limiter(clock, LoginLimits{2, 3, 15 * kMinute, 1000});
  limiter.RecordFailure("dana", "10.0.0.1");
  limiter.RecordFailure("dana", "10.0.0.1");
  EXPECT_NE(limiter.BlockedUntil("dana", "10.0.0.2"), 0);
  limiter.RecordSuccess("dana");
  EXPECT_EQ(limiter.BlockedUntil("dana", "10.0.0.2"), 0);
  limiter.RecordFailure("x", "10.0.0.1");
  EXPECT_NE(limiter.BlockedUntil("anyone", "10.0.0.1"), 0);  // 3 client failures
}

TEST(LoginLimiterTest, MemoryStaysBoundedUnderASprayOfNames) {
  ManualClock clock(kStart);
  LoginLimiter limiter(clock, LoginLimits{3, 1'000'000, 15 * kMinute, 100});
  for (int i = 0; i < 10'000; ++i) limiter.RecordFailure("n" + std::to_string(i), "c");
  // A name seen long ago may have been forgotten, but a repeat offender is still caught.
  for (int i = 0; i < 3; ++i) limiter.RecordFailure("repeat", "c");
  EXPECT_NE(limiter.BlockedUntil("repeat", "d"), 0);
}

}  // namespace
}  // namespace fr::engine
