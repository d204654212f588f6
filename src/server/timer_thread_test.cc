#include "server/timer_thread.h"

#include <gtest/gtest.h>

#include <future>
#include <string>
#include <thread>

namespace fr::server {
namespace {

using std::chrono::hours;
using std::chrono::milliseconds;

TEST(TimerThreadTest, RunsADueTaskOnItsOwnThread) {
  TimerThread timer;
  std::promise<std::thread::id> ran;
  timer.Schedule(milliseconds(0), [&ran] { ran.set_value(std::this_thread::get_id()); });
  auto done = ran.get_future();
  ASSERT_EQ(done.wait_for(std::chrono::seconds(10)), std::future_status::ready);
  EXPECT_NE(done.get(), std::this_thread::get_id());
}

TEST(TimerThreadTest, StopRunsPendingTasksAtOnceInDeadlineOrder) {
  std::string order;  // written by the timer thread, then by Stop's caller after the join
  TimerThread timer;
  timer.Schedule(hours(2), [&order] { order += "b"; });
  timer.Schedule(hours(1), [&order] { order += "a"; });
  timer.Schedule(hours(2), [&order] { order += "c"; });  // same delay as b, scheduled later
  timer.Stop();
  EXPECT_EQ(order, "abc");
  timer.Schedule(hours(1), [&order] { order += "d"; });  // after Stop: runs here and now
  EXPECT_EQ(order, "abcd");
}

}  // namespace
}  // namespace fr::server
