#include "tests/support/loopback_http_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "tests/support/loopback_socket.h"

namespace fr::testing {
namespace {

// Parses the request line and headers of `head` (everything before the blank line).
RecordedRequest ParseHead(std::string_view head) {
  RecordedRequest r;
  size_t eol = head.find("\r\n");
  const std::string_view first = head.substr(0, eol);
  const size_t sp1 = first.find(' ');
  const size_t sp2 = first.find(' ', sp1 + 1);
  r.method = std::string(first.substr(0, sp1));
  r.target = std::string(first.substr(sp1 + 1, sp2 - sp1 - 1));
  while (eol != std::string_view::npos) {
    const size_t start = eol + 2;
    eol = head.find("\r\n", start);
    const std::string_view line = head.substr(start, eol - start);
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    r.headers.emplace_back(std::string(line.substr(0, colon)), std::string(value));
  }
  return r;
}

}  // namespace

std::string RecordedRequest::Header(std::string_view name) const {
  for (const auto& [n, v] : headers) {
    if (n.size() == name.size() && strncasecmp(n.data(), name.data(), n.size()) == 0) return v;
  }
  return "";
}

LoopbackHttpServer::LoopbackHttpServer() : listener_([this](int fd) { Handle(fd); }) {}

std::string LoopbackHttpServer::base_url() const {
  return "http://127.0.0.1:" + std::to_string(listener_.port());
}

void LoopbackHttpServer::Enqueue(CannedAnswer answer) {
  std::lock_guard lock(mu_);
  answers_.push_back(std::move(answer));
}

std::vector<RecordedRequest> LoopbackHttpServer::requests() const {
  std::lock_guard lock(mu_);
  return received_;
}

void LoopbackHttpServer::Handle(int fd) {
  std::string data;
  char buf[16384];
  size_t head_end = std::string::npos;
  size_t body_size = 0;
  RecordedRequest request;
  while (true) {
    if (head_end == std::string::npos && (head_end = data.find("\r\n\r\n")) != std::string::npos) {
      request = ParseHead(std::string_view(data).substr(0, head_end));
      const std::string length = request.Header("Content-Length");
      body_size = length.empty() ? 0 : std::stoul(length);
    }
    if (head_end != std::string::npos && data.size() >= head_end + 4 + body_size) break;
    if (!listener_.WaitReadable(fd)) return;
    const ssize_t n = recv(fd, buf, sizeof(buf), 0);
    if (n <= 0) return;  // the client went away before sending a whole request
    data.append(buf, static_cast<size_t>(n));
  }
  request.body = data.substr(head_end + 4, body_size);

  CannedAnswer answer{500, {}, "no canned answer queued", false};
  {
    std::lock_guard lock(mu_);
    received_.push_back(std::move(request));
    if (!answers_.empty()) {
      answer = std::move(answers_.front());
      answers_.pop_front();
    }
  }
  if (!answer.chunks.empty()) return Stream(fd, answer);
  if (answer.hang) {
    // Until the client closes (recv returns 0) or the server stops.
    while (listener_.WaitReadable(fd) && recv(fd, buf, sizeof(buf), 0) > 0) {
    }
    return;
  }
  std::string out = "HTTP/1.1 " + std::to_string(answer.status) + " Canned\r\n";
  for (const auto& [name, value] : answer.headers) out += name + ": " + value + "\r\n";
  out += "Content-Length: " + std::to_string(answer.body.size()) + "\r\nConnection: close\r\n\r\n";
  out += answer.body;
  SendAll(fd, out);
  shutdown(fd, SHUT_WR);
}

void LoopbackHttpServer::Stream(int fd, const CannedAnswer& answer) const {
  std::string head = "HTTP/1.1 " + std::to_string(answer.status) + " Streaming\r\n";
  for (const auto& [name, value] : answer.headers) head += name + ": " + value + "\r\n";
  head += "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
  SendAll(fd, head);
  for (size_t i = 0; i < answer.chunks.size(); ++i) {
    if (i > 0 && !listener_.Pause(answer.chunk_gap)) return;
    char size[32];
    std::snprintf(size, sizeof(size), "%zx\r\n", answer.chunks[i].size());
    SendAll(fd, size + answer.chunks[i] + "\r\n");
  }
  if (answer.hang) {
    char buf[4096];
    while (listener_.WaitReadable(fd) && recv(fd, buf, sizeof(buf), 0) > 0) {
    }
    return;
  }
  SendAll(fd, "0\r\n\r\n");
  shutdown(fd, SHUT_WR);
}

RefusingPort::RefusingPort() { fd_ = BoundLoopbackSocket(&port_); }

RefusingPort::~RefusingPort() { close(fd_); }

std::string RefusingPort::base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }

}  // namespace fr::testing
