// A WebSocket client for integration tests: connects to 127.0.0.1 over plain TCP (Boost.Beast,
// kept inside ws_client.cc), reads text messages with a deadline, and reports how the server
// closed the connection. Not thread-safe: one test thread drives it.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace fr::testing {

class WsClient {
 public:
  // Opens ws://127.0.0.1:`port``target`, sending `headers` with the handshake. Returns null
  // (and records a test failure) if the connection or handshake fails.
  static std::unique_ptr<WsClient> Open(
      std::uint16_t port, const std::string& target,
      const std::vector<std::pair<std::string, std::string>>& headers = {});
  ~WsClient();

  // The next text message, waiting up to `timeout`; nullopt when none came in time or the
  // connection ended (see close_code). After a nullopt the client is done.
  std::optional<std::string> Next(std::chrono::milliseconds timeout);

  // The close code the server sent (1000, 1001, 1013, ...), or 0 if it has not closed.
  int close_code() const;

  // Sends a normal close and waits briefly for the server's answer. Idempotent.
  void Close();

 private:
  struct Impl;
  explicit WsClient(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace fr::testing
