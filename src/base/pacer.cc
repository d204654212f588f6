#include "base/pacer.h"

namespace fr {

Pacer::~Pacer() { Stop(); }

bool Pacer::Start() {
  std::lock_guard lock(mu_);
  if (thread_.joinable()) return false;
  stopping_ = false;
  thread_ = std::thread([this] { Loop(); });
  return true;
}

bool Pacer::Stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (!thread_.joinable()) return false;
  thread_.join();
  return true;
}

void Pacer::Wake() {
  {
    std::lock_guard lock(mu_);
    woken_ = true;
  }
  wake_.notify_all();
}

bool Pacer::stopping() const {
  std::lock_guard lock(mu_);
  return stopping_;
}

void Pacer::Loop() {
  std::unique_lock lock(mu_);
  while (!stopping_) {
    woken_ = false;
    lock.unlock();
    const std::chrono::milliseconds wait = pass_();
    lock.lock();
    wake_.wait_for(lock, wait, [this] { return woken_ || stopping_; });
  }
}

}  // namespace fr
