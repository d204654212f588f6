#include "channels/sim/rate_window.h"

#include <gtest/gtest.h>

namespace fr::channels::sim {
namespace {

TEST(RateWindowTest, OpensWithTheFirstRequestAndStartsOverWhenItEnds) {
  RateWindow w(2, 1000);
  EXPECT_EQ(w.Remaining(5000), 2);
  EXPECT_EQ(w.ResetAt(5000), 6000);  // not opened yet
  EXPECT_TRUE(w.TryTake(5000));
  EXPECT_TRUE(w.TryTake(5500));
  EXPECT_FALSE(w.TryTake(5999));
  EXPECT_EQ(w.Remaining(5999), 0);
  EXPECT_EQ(w.ResetAt(5999), 6000);
  EXPECT_EQ(w.Remaining(6000), 2);
  EXPECT_TRUE(w.TryTake(6000));
  EXPECT_EQ(w.Remaining(6000), 1);
  EXPECT_EQ(w.ResetAt(6100), 7000);
}

}  // namespace
}  // namespace fr::channels::sim
