// TimerThread: runs tasks after a delay on one background thread, so that nothing has to
// sleep on a thread that has other work (the simulator host holds back answers with it
// without blocking an HTTP thread). Tasks run one at a time, earliest deadline first (equal
// deadlines in the order scheduled); a task should be quick.
// Thread safety: Schedule and Stop may be called from any thread, including from a task.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <thread>

namespace fr::server {

class TimerThread {
 public:
  TimerThread();  // starts the thread
  ~TimerThread();  // Stop()
  TimerThread(const TimerThread&) = delete;
  TimerThread& operator=(const TimerThread&) = delete;

  // Runs `task` on the timer thread once `delay` has passed. After Stop has begun, runs it at
  // once on the calling thread instead: a task scheduled late is never lost.
  void Schedule(std::chrono::milliseconds delay, std::function<void()> task);

  // Runs every task still pending at once, without waiting for its time (earliest deadline
  // first), then joins the thread. Idempotent. REQUIRES: not called from a task.
  void Stop();

 private:
  using Deadline = std::chrono::steady_clock::time_point;
  void Loop();

  std::mutex mu_;
  std::condition_variable wake_;
  std::multimap<Deadline, std::function<void()>> pending_;  // guarded by mu_
  bool stopping_ = false;                                   // guarded by mu_
  std::thread thread_;
};

}  // namespace fr::server
