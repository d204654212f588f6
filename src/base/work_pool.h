// WorkPool: a few threads for slow CPU work that must not run on an I/O thread — argon2id
// password hashing takes about 0.1 s and 64 MiB per sign-in, long enough to stall every
// webhook and API call queued behind it on an HTTP thread. The queue is bounded: a flood of
// sign-ins is refused at once instead of piling up.
// Thread safety: Post and Stop from any thread.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace fr {

class WorkPool {
 public:
  // Starts `threads` workers (at least one); at most `max_queued` jobs wait at a time.
  WorkPool(int threads, std::size_t max_queued);
  ~WorkPool();  // Stop()
  WorkPool(const WorkPool&) = delete;
  WorkPool& operator=(const WorkPool&) = delete;

  // Queues `job` to run on a worker. Returns false, dropping the job unrun, when the queue is
  // full or the pool is stopping: the caller answers "busy".
  bool Post(std::function<void()> job);

  // Runs every job already queued, then joins the workers. Idempotent.
  void Stop();

 private:
  void Work();

  const std::size_t max_queued_;
  std::mutex mu_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> jobs_;  // guarded by mu_
  bool stopping_ = false;                   // guarded by mu_
  std::vector<std::thread> workers_;
};

}  // namespace fr
