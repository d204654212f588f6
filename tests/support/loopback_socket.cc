#include "tests/support/loopback_socket.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace fr::testing {
namespace {

[[noreturn]] void DieOf(const char* what) {
  std::perror(what);
  std::abort();
}

}  // namespace

int BoundLoopbackSocket(int* port) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) DieOf("socket");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) DieOf("bind");
  socklen_t len = sizeof(addr);
  if (getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) DieOf("getsockname");
  *port = ntohs(addr.sin_port);
  return fd;
}

bool SendAll(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (n <= 0) return false;
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

LoopbackListener::LoopbackListener(std::function<void(int fd)> session) : session_(std::move(session)) {
  listen_fd_ = BoundLoopbackSocket(&port_);
  if (listen(listen_fd_, 16) != 0) DieOf("listen");
  if (pipe2(stop_pipe_, O_CLOEXEC) != 0) DieOf("pipe2");
  thread_ = std::thread([this] {
    while (WaitReadable(listen_fd_)) {
      const int fd = accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
      if (fd < 0) continue;
      session_(fd);
      close(fd);
    }
  });
}

LoopbackListener::~LoopbackListener() {
  const char stop = 's';
  if (write(stop_pipe_[1], &stop, 1) != 1) DieOf("write");
  thread_.join();
  close(listen_fd_);
  close(stop_pipe_[0]);
  close(stop_pipe_[1]);
}

bool LoopbackListener::WaitReadable(int fd) const {
  pollfd fds[2] = {{fd, POLLIN, 0}, {stop_pipe_[0], POLLIN, 0}};
  while (poll(fds, 2, -1) < 0) {
  }
  return (fds[1].revents & POLLIN) == 0;
}

bool LoopbackListener::Pause(std::chrono::milliseconds gap) const {
  pollfd stop = {stop_pipe_[0], POLLIN, 0};
  return poll(&stop, 1, static_cast<int>(gap.count())) == 0;
}

}  // namespace fr::testing
