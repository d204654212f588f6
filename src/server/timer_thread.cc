#include "server/timer_thread.h"

#include <utility>

namespace fr::server {

TimerThread::TimerThread() : thread_([this] { Loop(); }) {}

TimerThread::~TimerThread() { Stop(); }

void TimerThread::Schedule(std::chrono::milliseconds delay, std::function<void()> task) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!stopping_) {
      pending_.emplace(std::chrono::steady_clock::now() + delay, std::move(task));
      wake_.notify_one();
      return;
    }
  }
  task();
}

void TimerThread::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
    wake_.notify_one();
  }
  if (thread_.joinable()) thread_.join();
}

void TimerThread::Loop() {
  std::unique_lock<std::mutex> lock(mu_);
  while (true) {
    if (pending_.empty()) {
      if (stopping_) return;
      wake_.wait(lock);
      continue;
    }
    auto first = pending_.begin();
    if (!stopping_ && first->first > std::chrono::steady_clock::now()) {
      wake_.wait_until(lock, first->first);  // a new earlier task or Stop also wakes it
      continue;
    }
    std::function<void()> task = std::move(first->second);
    pending_.erase(first);
    lock.unlock();
    task();
    lock.lock();
  }
}

}  // namespace fr::server
