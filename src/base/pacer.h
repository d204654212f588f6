// Pacer: the thread of a background worker that makes passes — the routing sweep, the SLA
// scheduler, the outbox sender. It runs `pass` at once, then again after the wait the pass
// asks for, or sooner when woken; Stop lets the current pass finish and joins. The waits are
// wall-clock pacing only: what a pass decides uses the injected Clock.
// Thread safety: Start, Stop, Wake and stopping from any thread.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace fr {

class Pacer {
 public:
  // One pass of the worker; returns how long to wait before the next.
  using Pass = std::function<std::chrono::milliseconds()>;

  explicit Pacer(Pass pass) : pass_(std::move(pass)) {}
  ~Pacer();  // Stop()
  Pacer(const Pacer&) = delete;
  Pacer& operator=(const Pacer&) = delete;

  // Starts the thread. Returns false if it already runs.
  bool Start();
  // Asks the thread to end after its current pass and joins it. Returns true if this call
  // stopped a running thread (false when it never ran or was stopped before). Idempotent.
  bool Stop();
  // Cuts the current wait short: the next pass runs now (or right after the current one).
  void Wake();
  // True once Stop was called: long passes check it to finish early.
  bool stopping() const;

 private:
  void Loop();

  const Pass pass_;
  mutable std::mutex mu_;
  std::condition_variable wake_;
  bool woken_ = false;     // guarded by mu_
  bool stopping_ = false;  // guarded by mu_
  std::thread thread_;
};

}  // namespace fr
