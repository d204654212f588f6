// Test support for integration tests: runs the real `feedroom serve` binary as a child
// process on port 0 and talks HTTP to it (a Boost.Beast synchronous client).
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace fr::testing {

struct HttpResult {
  int status = 0;  // 0 when the connection failed
  std::string body;
  std::string content_type;
};

// One HTTP/1.1 request to 127.0.0.1:`port` on a fresh connection.
HttpResult HttpCall(std::uint16_t port, const std::string& method, const std::string& target,
                    const std::vector<std::pair<std::string, std::string>>& headers = {},
                    const std::string& body = "");

// A running `feedroom serve`. The destructor sends SIGTERM and waits.
class ServerProcess {
 public:
  // Writes nothing; starts `feedroom serve --config <config_path> --data <data_dir>
  // --listen 127.0.0.1:0` and waits until it prints its port. Aborts the test on failure.
  ServerProcess(const std::string& config_path, const std::string& data_dir);
  ~ServerProcess();

  std::uint16_t port() const { return port_; }
  pid_t pid() const { return pid_; }
  // Sends `signal` and waits for the process to exit; returns its exit status (or 128+sig).
  int StopWith(int signal);

 private:
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
};

// Writes `text` to `path`.
void WriteFile(const std::string& path, const std::string& text);

}  // namespace fr::testing
