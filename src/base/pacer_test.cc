#include "base/pacer.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>

namespace fr {
namespace {

using std::chrono::milliseconds;

TEST(PacerTest, PassesRunAtOnceAndAgainWhenWoken) {
  std::atomic<int> passes{0};
  std::promise<void> first, second;
  Pacer pacer([&] {
    int n = ++passes;
    if (n == 1) first.set_value();
    if (n == 2) second.set_value();
    return milliseconds(60'000);  // without Wake, no second pass within the test
  });
  ASSERT_TRUE(pacer.Start());
  EXPECT_FALSE(pacer.Start());
  first.get_future().wait();
  EXPECT_EQ(passes.load(), 1);
  pacer.Wake();
  second.get_future().wait();
  EXPECT_TRUE(pacer.Stop());
  EXPECT_EQ(passes.load(), 2);
  EXPECT_TRUE(pacer.stopping());
  EXPECT_FALSE(pacer.Stop());  // idempotent
}

TEST(PacerTest, AShortWaitMeansAnotherPassSoon) {
  std::atomic<int> passes{0};
  std::promise<void> three;
  Pacer pacer([&] {
    if (++passes == 3) three.set_value();
    return milliseconds(1);
  });
  pacer.Start();
  three.get_future().wait();  // would hang (test timeout) if waits were ignored
  pacer.Stop();
  EXPECT_GE(passes.load(), 3);
}

}  // namespace
}  // namespace fr
