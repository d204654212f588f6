// Test-only: the socket chores the loopback servers (HTTP, SMTP) share. POSIX; abort on
// set-up failures (a test without its server cannot run).
#pragma once

#include <string_view>

namespace fr::testing {

// perror(what), then abort.
[[noreturn]] void DieOf(const char* what);
// A TCP socket bound to 127.0.0.1 on a free port (not listening); stores the port.
int BoundLoopbackSocket(int* port);
// Sends all of `data`; false when the peer went away.
bool SendAll(int fd, std::string_view data);
// Waits until `fd` is readable (true) or `stop_fd` is (false).
bool WaitReadable(int fd, int stop_fd);

}  // namespace fr::testing
