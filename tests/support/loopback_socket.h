// Test-only: the socket chores the loopback servers (HTTP, SMTP) share. POSIX; abort on
// set-up failures (a test without its server cannot run).
#pragma once

#include <chrono>
#include <functional>
#include <string_view>
#include <thread>

namespace fr::testing {

// A TCP socket bound to 127.0.0.1 on a free port (not listening); stores the port.
int BoundLoopbackSocket(int* port);
// Sends all of `data`; false when the peer went away.
bool SendAll(int fd, std::string_view data);
// A TCP socket listening on 127.0.0.1 (a free port) and a thread that accepts its connections
// one at a time, hands each to `session` and closes it, until the listener is destroyed. The
// owner declares it last among its members, so the thread stops before the rest goes.
class LoopbackListener {
 public:
  explicit LoopbackListener(std::function<void(int fd)> session);
  ~LoopbackListener();  // stops (a session waiting in WaitReadable or Pause returns), joins
  LoopbackListener(const LoopbackListener&) = delete;
  LoopbackListener& operator=(const LoopbackListener&) = delete;

  int port() const { return port_; }
  // Waits until `fd` is readable (true) or the listener stops (false).
  bool WaitReadable(int fd) const;
  // Waits `gap`; false if the listener stops first.
  bool Pause(std::chrono::milliseconds gap) const;

 private:
  std::function<void(int)> session_;
  int listen_fd_ = -1;
  int port_ = 0;
  int stop_pipe_[2] = {-1, -1};
  std::thread thread_;
};

}  // namespace fr::testing
