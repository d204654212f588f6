// Test-only: a tiny HTTP/1.1 server on 127.0.0.1 for tests of outbound HTTP calls (the reply
// gateways, channels/common/http_client). Plain POSIX sockets and one thread. It serves one
// canned answer per connection, in the order they were queued (an empty queue answers 500),
// and records every request byte for byte before answering, so a test can read the record as
// soon as its synchronous call returned. Thread safety: all methods may be called from the
// test thread while the server thread runs.
#pragma once

#include <chrono>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "tests/support/loopback_socket.h"

namespace fr::testing {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct RecordedRequest {
  std::string method;
  std::string target;  // the path and query as sent
  HeaderList headers;  // in arrival order, names as sent
  std::string body = {};
  // The first value of header `name` (any case), or "" when absent.
  std::string Header(std::string_view name) const;
};

struct CannedAnswer {
  int status = 200;
  HeaderList headers = {};  // Content-Length is added; do not include it
  std::string body = {};
  // Read the request, then never answer: the connection stays open until the client gives up
  // or the server stops. For timeout tests. With `chunks`: hang after sending them.
  bool hang = false;
  // When not empty, `body` is ignored and the answer is streamed: chunked transfer encoding,
  // one HTTP chunk per item, `chunk_gap` apart; then the end chunk (unless `hang`).
  std::vector<std::string> chunks = {};
  std::chrono::milliseconds chunk_gap{0};
};

class LoopbackHttpServer {
 public:
  // Binds 127.0.0.1 on a free port and starts serving. Aborts the test binary when the
  // socket cannot be set up.
  LoopbackHttpServer();
  // Stops serving (a hanging connection is released) and joins the server thread.
  ~LoopbackHttpServer() = default;  // stops serving (a hanging connection is released)
  LoopbackHttpServer(const LoopbackHttpServer&) = delete;
  LoopbackHttpServer& operator=(const LoopbackHttpServer&) = delete;

  // "http://127.0.0.1:<port>", without a trailing slash.
  std::string base_url() const;
  // Queues the answer for the next connection that has none yet.
  void Enqueue(CannedAnswer answer);
  // Every request received so far, oldest first.
  std::vector<RecordedRequest> requests() const;

 private:
  void Handle(int fd);
  void Stream(int fd, const CannedAnswer& answer) const;

  mutable std::mutex mu_;
  std::deque<CannedAnswer> answers_;       // guarded by mu_
  std::vector<RecordedRequest> received_;  // guarded by mu_
  LoopbackListener listener_;              // last: its thread stops first
};

// A local port that refuses connections: bound but never listening, for as long as this object
// lives (so no other test can take it meanwhile).
class RefusingPort {
 public:
  RefusingPort();
  ~RefusingPort();
  RefusingPort(const RefusingPort&) = delete;
  RefusingPort& operator=(const RefusingPort&) = delete;
  // "http://127.0.0.1:<port>".
  std::string base_url() const;

 private:
  int fd_ = -1;
  int port_ = 0;
};

}  // namespace fr::testing
