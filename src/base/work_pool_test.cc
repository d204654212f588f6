#include "base/work_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>

namespace fr {
namespace {

TEST(WorkPoolTest, RunsJobsOffTheCallingThread) {
  WorkPool pool(2, 10);
  std::promise<std::thread::id> ran_on;
  ASSERT_TRUE(pool.Post([&] { ran_on.set_value(std::this_thread::get_id()); }));
  EXPECT_NE(ran_on.get_future().get(), std::this_thread::get_id());
}

TEST(WorkPoolTest, RefusesJobsBeyondTheQueueAndAfterStop) {
  WorkPool pool(1, 2);
  std::promise<void> release;
  std::shared_future<void> gate = release.get_future().share();
  std::promise<void> started;
  std::atomic<int> done{0};
  ASSERT_TRUE(pool.Post([&] {
    started.set_value();
    gate.wait();
    ++done;
  }));
  started.get_future().wait();  // the worker is busy; the queue is empty
  EXPECT_TRUE(pool.Post([&] { ++done; }));
  EXPECT_TRUE(pool.Post([&] { ++done; }));
  EXPECT_FALSE(pool.Post([&] { ++done; }));  // two are waiting: full
  release.set_value();
  pool.Stop();  // runs what was queued
  EXPECT_EQ(done.load(), 3);
  EXPECT_FALSE(pool.Post([&] { ++done; }));
  pool.Stop();  // idempotent
}

}  // namespace
}  // namespace fr
